import { text } from '@simak/shared/api/primitives';
import { z } from 'zod';
import { metaFrom } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import { defineRoute } from '../../lib/http.ts';
import { getSetting, putSetting, SETTINGS, type SettingKey } from './service.ts';

export function settingRoutes(ctx: AppContext) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/settings',
      summary: 'Pengaturan (alasan penolakan, verifikasi, e-Berkala, kop surat)',
      tags: ['Pengaturan'],
      auth: ['BKD_VERIFIER', 'BKD_ADMIN'],
      responses: { 200: { description: 'Pengaturan' } },
      handler: async () => ({
        items: await Promise.all(
          (Object.keys(SETTINGS) as SettingKey[]).map(async (key) => ({ key, label: SETTINGS[key].label, value: await getSetting(ctx.db, key) })),
        ),
      }),
    }),
    defineRoute({
      method: 'put',
      path: '/api/settings/:key',
      summary: 'Ubah satu pengaturan (tercatat di audit)',
      tags: ['Pengaturan'],
      auth: ['BKD_ADMIN'],
      params: z.object({ key: text({ label: 'Kunci pengaturan', min: 1, max: 80 }) }),
      body: z.object({ value: z.unknown() }),
      responses: { 200: { description: 'Tersimpan' }, 404: { description: 'Kunci tidak dikenal' } },
      handler: async ({ req, params, body }) => {
        const row = await putSetting(ctx.db, metaFrom(req), params.key, body.value);
        return { key: row.key, value: row.value };
      },
    }),
  ];
}

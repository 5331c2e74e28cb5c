import { appToday } from '@simak/shared';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { NotFound } from '../../errors.ts';
import { enqueue } from '../../jobs/outbox.ts';
import { defineRoute } from '../../lib/http.ts';
import { berkalaDashboard, myKgb } from './service.ts';

export function berkalaRoutes(ctx: AppContext) {
  const { db } = ctx;
  return [
    defineRoute({
      method: 'post',
      path: '/api/berkala/scan',
      summary: 'Jalankan deteksi KGB sekarang (selain jadwal harian)',
      tags: ['e-Berkala'],
      auth: ['BKD_ADMIN'],
      responses: { 202: { description: 'Dijadwalkan' } },
      handler: async ({ res }) => {
        const date = appToday();
        const jobId = await db.$transaction((tx) => enqueue(tx, 'berkala.scan', { date, trigger: `manual-${Date.now().toString(36)}` }));
        res.status(202);
        return { jobId };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/berkala/scan/last',
      summary: 'Hasil deteksi KGB terakhir',
      tags: ['e-Berkala'],
      auth: ['BKD_VERIFIER', 'BKD_ADMIN'],
      responses: { 200: { description: 'Hasil' } },
      handler: async () => ({ last: (await db.appSetting.findUnique({ where: { key: 'berkala.last_scan' } }))?.value ?? null }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/berkala/dashboard',
      summary: 'KGB jatuh tempo 3/6/12 bulan per OPD, antrean, dan ketepatan waktu',
      tags: ['e-Berkala'],
      auth: ['BKD_VERIFIER', 'BKD_ADMIN'],
      query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
      responses: { 200: { description: 'Dasbor' } },
      handler: ({ query }) => berkalaDashboard(db, query.year ?? Number(appToday().slice(0, 4))),
    }),
    defineRoute({
      method: 'get',
      path: '/api/berkala/me',
      summary: 'KGB saya berikutnya dan statusnya',
      tags: ['e-Berkala'],
      auth: 'user',
      responses: { 200: { description: 'KGB saya' } },
      handler: async ({ actor }) => {
        if (!actor.employeeId) throw NotFound('Data kepegawaian akun ini', 'no_employee_record');
        return myKgb(db, actor.employeeId);
      },
    }),
  ];
}

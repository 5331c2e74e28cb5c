import { YearMonthSchema } from '@simak/shared';
import { PresensiBody, RegencyScheduleBody } from '@simak/shared/api/presensi';
import { z } from 'zod';
import { appNow, appToday } from '@simak/shared';
import { metaFrom } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import { defineRoute } from '../../lib/http.ts';
import { myMonth, recordPresensi, replaceSchedule, schedule } from './service.ts';

export function presensiRoutes(ctx: AppContext) {
  const { db } = ctx;
  return [
    defineRoute({
      method: 'post',
      path: '/api/presensi',
      summary: 'Presensi masuk/pulang: waktu server, hanya di dalam radius kantor OPD dan pada jam kerja; penolakan dicatat dengan alasan dan jarak',
      tags: ['Presensi'],
      auth: 'user',
      body: PresensiBody,
      responses: { 201: { description: 'Presensi diterima' }, 409: { description: 'Sudah presensi' }, 422: { description: 'Ditolak: alasan dan jarak' } },
      handler: async ({ req, res, actor, body }) => {
        const r = await recordPresensi(db, actor, body, metaFrom(req), ctx.now?.() ?? appNow());
        res.status(201);
        return r;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/presensi/me',
      summary: 'Presensi saya sebulan: hadir, terlambat, cuti (dikecualikan), libur, tanpa keterangan',
      tags: ['Presensi'],
      auth: 'user',
      query: z.object({ month: YearMonthSchema.optional() }),
      responses: { 200: { description: 'Rekap bulan' } },
      handler: ({ actor, query }) => myMonth(db, actor, query.month ?? appToday().slice(0, 7)),
    }),
    defineRoute({
      method: 'get',
      path: '/api/presensi/schedule',
      summary: 'Jam kerja per hari (WIB)',
      tags: ['Presensi'],
      auth: 'user',
      responses: { 200: { description: 'Jadwal' } },
      handler: () => schedule(db),
    }),
    defineRoute({
      method: 'put',
      path: '/api/presensi/schedule',
      summary: 'Ganti jam kerja per hari (WIB); hari tanpa baris bukan hari kerja',
      tags: ['Presensi'],
      auth: ['BKD_ADMIN'],
      body: RegencyScheduleBody,
      responses: { 200: { description: 'Jadwal' }, 422: { description: 'Jadwal tidak sah (mis. tanpa hari kerja)' } },
      handler: ({ req, body }) => replaceSchedule(db, body, metaFrom(req)),
    }),
  ];
}

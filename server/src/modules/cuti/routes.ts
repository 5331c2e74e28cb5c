import { CutiCreateBody, CutiPeriodBody, CutiPreview, HolidayBody } from '@simak/shared/api/cuti';
import { yearParam } from '@simak/shared/api/primitives';
import { z } from 'zod';
import { metaFrom } from '../../audit/audit.ts';
import type { Actor } from '../../auth/actor.ts';
import type { AppContext } from '../../context.ts';
import { NotFound } from '../../errors.ts';
import { defineRoute } from '../../lib/http.ts';
import { presentRequestDetail } from '../requests/presenter.ts';
import { loadVisibleRequest } from '../requests/service.ts';
import { holidays, myCuti, previewCuti, replaceHolidays, requestCuti } from './service.ts';

const ownEmployee = (actor: Actor) => {
  if (!actor.employeeId) throw NotFound('Data kepegawaian akun ini', 'no_employee_record');
  return actor.employeeId;
};

export function cutiRoutes(ctx: AppContext) {
  const { db } = ctx;
  return [
    defineRoute({
      method: 'get',
      path: '/api/cuti/me',
      summary: 'Saldo cuti saya (cuti tahunan dengan penangguhan, per jenis), riwayat dan permohonan yang berjalan',
      tags: ['e-Cuti'],
      auth: 'user',
      query: z.object({ year: yearParam(2000, 2100).optional() }),
      responses: { 200: { description: 'Saldo dan riwayat cuti' } },
      handler: ({ actor, query }) => myCuti(db, actor, ownEmployee(actor), query.year),
    }),
    defineRoute({
      method: 'post',
      path: '/api/cuti/preview',
      summary: 'Periksa permohonan cuti sebelum diajukan: hari kerja, aturan yang dilanggar, dokumen yang diperlukan',
      tags: ['e-Cuti'],
      auth: 'user',
      body: CutiPeriodBody,
      responses: { 200: { description: 'Hasil pemeriksaan', schema: CutiPreview } },
      handler: ({ actor, body }) => previewCuti(db, actor, ownEmployee(actor), body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/cuti',
      summary: 'Ajukan cuti (disetujui atasan, lalu BKD atau admin OPD sesuai pengaturan); cuti bertumpuk → 409',
      tags: ['e-Cuti'],
      auth: 'user',
      body: CutiCreateBody,
      responses: { 201: { description: 'Permohonan dibuat' }, 409: { description: 'Bertumpuk dengan cuti lain' }, 422: { description: 'Aturan cuti dilanggar' } },
      handler: async ({ req, res, actor, body }) => {
        const created = await requestCuti(db, actor, ownEmployee(actor), body, metaFrom(req));
        const { r } = await loadVisibleRequest(db, actor, created.id);
        res.status(201);
        return presentRequestDetail(db, actor, r);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/cuti/holidays/:year',
      summary: 'Kalender libur nasional dan cuti bersama setahun',
      tags: ['e-Cuti'],
      auth: 'user',
      params: z.object({ year: yearParam(2000, 2100) }),
      responses: { 200: { description: 'Kalender' } },
      handler: ({ params }) => holidays(db, params.year),
    }),
    defineRoute({
      method: 'put',
      path: '/api/cuti/holidays/:year',
      summary: 'Ganti kalender libur nasional dan cuti bersama setahun (SKB tiga menteri)',
      tags: ['e-Cuti'],
      auth: ['BKD_ADMIN'],
      params: z.object({ year: yearParam(2000, 2100) }),
      body: HolidayBody,
      responses: { 200: { description: 'Kalender' } },
      handler: ({ req, params, body }) => replaceHolidays(db, params.year, body, metaFrom(req)),
    }),
  ];
}

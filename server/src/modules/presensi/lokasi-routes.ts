import { appNow } from '@simak/shared';
/** Routes of the check-in page's day view, the work-location set-up (BKD) and the WFH / field-duty request. */
import { ScheduleBody } from '@simak/shared/api/presensi';
import { idParam } from '@simak/shared/api/primitives';
import { JadwalKhususBody, LokasiKerjaBody, LokasiTugasBody } from '@simak/shared/api/presensi-lokasi';
import { z } from 'zod';
import { metaFrom } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import { defineRoute } from '../../lib/http.ts';
import { presentRequestDetail } from '../requests/presenter.ts';
import { loadVisibleRequest } from '../requests/service.ts';
import { createSpecialSchedule, deleteSpecialSchedule, opdSchedule, replaceOpdSchedule, requestLokasiTugas, setWorkLocation, specialSchedules, workLocations } from './locations.ts';
import { today } from './service.ts';

const TAGS = ['Presensi'];

export function presensiLokasiRoutes(ctx: AppContext) {
  const { db } = ctx;
  return [
    defineRoute({
      method: 'get',
      path: '/api/presensi/today',
      summary: 'Presensi hari ini (WIB, jam server): jam kerja, hari libur/cuti, lokasi kantor dan lokasi yang disetujui, masuk/pulang, penolakan terakhir',
      tags: TAGS,
      auth: 'user',
      responses: { 200: { description: 'Hari ini' } },
      handler: ({ actor }) => today(db, actor, ctx.now?.() ?? appNow()),
    }),
    defineRoute({
      method: 'get',
      path: '/api/presensi/locations',
      summary: 'Lokasi kerja per OPD (titik dan radius, atau poligon GeoJSON)',
      tags: TAGS,
      auth: ['BKD_ADMIN'],
      responses: { 200: { description: 'Lokasi kerja' } },
      handler: () => workLocations(db),
    }),
    defineRoute({
      method: 'put',
      path: '/api/presensi/locations/:opdId',
      summary: 'Tetapkan lokasi kerja OPD: titik dan radius, atau poligon GeoJSON (tercatat di audit)',
      tags: TAGS,
      auth: ['BKD_ADMIN'],
      params: z.object({ opdId: idParam('OPD') }),
      body: LokasiKerjaBody,
      responses: { 200: { description: 'Lokasi kerja' }, 404: { description: 'OPD tidak ada' } },
      handler: ({ req, params, body }) => setWorkLocation(db, params.opdId, body, metaFrom(req)),
    }),
    defineRoute({
      method: 'get',
      path: '/api/presensi/opd-schedules/:opdId',
      summary: 'Jam kerja mingguan sendiri suatu OPD (kosong = ikut jadwal kabupaten), beserta jadwal kabupaten',
      tags: TAGS,
      auth: ['BKD_ADMIN'],
      params: z.object({ opdId: idParam('OPD') }),
      responses: { 200: { description: 'Jam kerja OPD' }, 404: { description: 'OPD tidak ada' } },
      handler: ({ params }) => opdSchedule(db, params.opdId),
    }),
    defineRoute({
      method: 'put',
      path: '/api/presensi/opd-schedules/:opdId',
      summary: 'Ganti jam kerja mingguan OPD (daftar kosong = ikut jadwal kabupaten; tercatat di audit)',
      tags: TAGS,
      auth: ['BKD_ADMIN'],
      params: z.object({ opdId: idParam('OPD') }),
      body: ScheduleBody,
      responses: { 200: { description: 'Jam kerja OPD' }, 404: { description: 'OPD tidak ada' } },
      handler: ({ req, params, body }) => replaceOpdSchedule(db, params.opdId, body, metaFrom(req)),
    }),
    defineRoute({
      method: 'get',
      path: '/api/presensi/special-schedules',
      summary: 'Jadwal khusus bertanggal (mis. Ramadan) yang menggantikan jam kerja mingguan',
      tags: TAGS,
      auth: 'user',
      responses: { 200: { description: 'Jadwal khusus' } },
      handler: () => specialSchedules(db),
    }),
    defineRoute({
      method: 'post',
      path: '/api/presensi/special-schedules',
      summary: 'Tambah jadwal khusus (rentang tanggal, jam per hari; tercatat di audit)',
      tags: TAGS,
      auth: ['BKD_ADMIN'],
      body: JadwalKhususBody,
      responses: { 201: { description: 'Jadwal khusus dibuat' } },
      handler: async ({ req, res, body }) => {
        const r = await createSpecialSchedule(db, body, metaFrom(req));
        res.status(201);
        return r;
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api/presensi/special-schedules/:id',
      summary: 'Hapus jadwal khusus (tercatat di audit)',
      tags: TAGS,
      auth: ['BKD_ADMIN'],
      params: z.object({ id: idParam('Jadwal khusus') }),
      responses: { 200: { description: 'Dihapus' }, 404: { description: 'Tidak ada' } },
      handler: async ({ req, params }) => {
        await deleteSpecialSchedule(db, params.id, metaFrom(req));
        return { deleted: true };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/presensi/lokasi-tugas',
      summary: 'Ajukan lokasi kerja lain (WFH atau dinas luar) untuk tanggal tertentu; disetujui atasan melalui /api/requests/:id/actions',
      tags: TAGS,
      auth: 'user',
      body: LokasiTugasBody,
      responses: { 201: { description: 'Permohonan dibuat' }, 409: { description: 'Bertumpuk dengan permohonan yang menunggu' } },
      handler: async ({ req, res, actor, body }) => {
        const created = await requestLokasiTugas(db, actor, body, metaFrom(req));
        const { r } = await loadVisibleRequest(db, actor, created.id);
        res.status(201);
        return presentRequestDetail(db, actor, r);
      },
    }),
  ];
}

import { DinasLuarBody, DisiplinQuery, RekapQuery, TppConfigBody } from '@simak/shared/api/rekap';
import { metaFrom } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import { defineRoute, sendAttachment } from '../../lib/http.ts';
import { disiplin, listDinasLuar, putTppConfig, recordDinasLuar, rekap, tpp, tppConfig } from './service.ts';
import { disiplinXlsx, recapXlsx, tppXlsx } from './xlsx.ts';

const TAGS = ['Rekap presensi'];
const STAFF = ['OPD_ADMIN', 'BKD_VERIFIER', 'BKD_ADMIN'] as const;

export function rekapRoutes(ctx: AppContext) {
  const { db } = ctx;
  return [
    defineRoute({
      method: 'get',
      path: '/api/rekap/presensi',
      summary: 'Rekap presensi bulanan per pegawai dan OPD: hari kerja, hadir, terlambat, pulang cepat, tanpa keterangan, cuti, dinas luar (JSON atau XLSX)',
      tags: TAGS,
      auth: STAFF,
      query: RekapQuery,
      responses: { 200: { description: 'Rekap (JSON, atau XLSX dengan format=xlsx)' }, 403: { description: 'OPD di luar lingkup' }, 404: { description: 'OPD tidak dikenal' } },
      handler: async ({ actor, query, res }) => {
        const { format, ...q } = query;
        const r = await rekap(db, actor, q);
        if (format === 'json') return r;
        sendAttachment(res, `rekap-presensi-${r.month}${r.opd ? `-${r.opd.kode}` : ''}`, 'xlsx', await recapXlsx(r));
        return undefined;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/rekap/tpp',
      summary: 'Dasar perhitungan TPP per pegawai dan bulan: besaran dasar per kelas jabatan, potongan per jenis kekurangan, jumlah diterima (JSON atau XLSX)',
      tags: TAGS,
      auth: STAFF,
      query: RekapQuery,
      responses: { 200: { description: 'Dasar TPP' }, 403: { description: 'OPD di luar lingkup' }, 404: { description: 'OPD tidak dikenal' } },
      handler: async ({ actor, query, res }) => {
        const { format, ...q } = query;
        const r = await tpp(db, actor, q);
        if (format === 'json') return r;
        sendAttachment(res, `dasar-tpp-${r.month}${r.opd ? `-${r.opd.kode}` : ''}`, 'xlsx', await tppXlsx(r));
        return undefined;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/rekap/tpp/config',
      summary: 'Ketentuan TPP: persentase potongan per jenis kekurangan dan besaran dasar per kelas jabatan',
      tags: TAGS,
      auth: STAFF,
      responses: { 200: { description: 'Ketentuan' } },
      handler: () => tppConfig(db),
    }),
    defineRoute({
      method: 'put',
      path: '/api/rekap/tpp/config',
      summary: 'Ubah ketentuan TPP (tercatat di audit)',
      tags: TAGS,
      auth: ['BKD_ADMIN'],
      body: TppConfigBody,
      responses: { 200: { description: 'Ketentuan' } },
      handler: ({ req, body }) => putTppConfig(db, metaFrom(req), body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/rekap/disiplin',
      summary: 'Daftar peringatan disiplin: hari tanpa keterangan setahun terhadap ambang PP 94/2021 (atasan: bawahan langsung; BKD: semua)',
      tags: TAGS,
      auth: 'user',
      query: DisiplinQuery,
      responses: { 200: { description: 'Daftar' }, 403: { description: 'Bukan atasan atau BKD' } },
      handler: async ({ actor, query, res }) => {
        const { format, ...q } = query;
        const r = await disiplin(db, actor, q);
        if (format === 'json') return r;
        sendAttachment(res, `peringatan-disiplin-${r.year}${r.opd ? `-${r.opd.kode}` : ''}`, 'xlsx', await disiplinXlsx(r));
        return undefined;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/rekap/dinas-luar',
      summary: 'Hari dinas luar sebulan (dalam lingkup)',
      tags: TAGS,
      auth: STAFF,
      query: RekapQuery,
      responses: { 200: { description: 'Daftar' } },
      handler: ({ actor, query }) => listDinasLuar(db, actor, query),
    }),
    defineRoute({
      method: 'post',
      path: '/api/rekap/dinas-luar',
      summary: 'Catat dinas luar dengan surat tugas (admin BKD atau admin OPD pegawai); hari itu dikecualikan di rekap',
      tags: TAGS,
      auth: ['OPD_ADMIN', 'BKD_ADMIN'],
      body: DinasLuarBody,
      responses: { 201: { description: 'Tercatat' }, 409: { description: 'Sudah tercatat' } },
      handler: async ({ req, res, actor, body }) => {
        const r = await recordDinasLuar(db, actor, metaFrom(req), body);
        res.status(201);
        return r;
      },
    }),
  ];
}

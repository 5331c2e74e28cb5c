import {
  AngkaKreditBody,
  AngkaKreditList,
  AngkaKreditRow,
  EligibleQuery,
  EligibleResult,
  EmployeeParam,
  KpPeriodInfo,
  KpPeriodParam,
  KpPeriodsQuery,
  KpPeriodsResult,
  KpProposalBody,
  KpProposalResult,
  KpRegime,
  KpRegimeBody,
  KpRegimeList,
  KpRegimeParam,
  KpReportQuery,
  KpReportResult,
  KpSkForm,
  KpWindowBody,
  MyKpResult,
} from '@simak/shared/api/pangkat';
import { metaFrom } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import { NotFound } from '../../errors.ts';
import { idParam } from '@simak/shared/api/primitives';
import { z } from 'zod';
import { parsePayload } from '../../workflow/engine.ts';
import { loadVisibleRequest } from '../requests/service.ts';
import { kpWorkflow } from './definition.ts';
import { kpReport, kpReportXlsx } from './report.ts';
import { skForm } from './sk.ts';
import { defineRoute, sendAttachment } from '../../lib/http.ts';
import {
  clearPeriodWindow,
  createRegime,
  deleteRegime,
  listPeriods,
  listRegimes,
  setPeriodWindow,
  updateRegime,
} from './periods.ts';
import { createProposals } from './proposals.ts';
import { listAngkaKredit, listEligible, myKp, recordAngkaKredit } from './service.ts';

const TAGS = ['e-Pangkat'];
const STAFF = ['OPD_ADMIN', 'BKD_VERIFIER', 'BKD_ADMIN'] as const;

export function pangkatRoutes(ctx: AppContext) {
  const { db } = ctx;
  return [
    defineRoute({
      method: 'get',
      path: '/api/pangkat/periods',
      summary: 'Periode KP mendatang dengan jadwal pengusulannya',
      tags: TAGS,
      auth: 'user',
      query: KpPeriodsQuery,
      responses: { 200: { description: 'Periode', schema: KpPeriodsResult } },
      handler: ({ query }) => listPeriods(db, query.from, query.count),
    }),
    defineRoute({
      method: 'put',
      path: '/api/pangkat/periods/:period/window',
      summary: 'Tetapkan jadwal pengusulan satu periode KP (pengumuman BKN; mengalahkan aturan; tercatat di audit)',
      tags: TAGS,
      auth: ['BKD_ADMIN'],
      params: KpPeriodParam,
      body: KpWindowBody,
      responses: { 200: { description: 'Tersimpan', schema: KpPeriodInfo }, 422: { description: 'Bukan periode KP, atau jadwal tidak valid' } },
      handler: ({ req, params, body }) => setPeriodWindow(db, metaFrom(req), params.period, body),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/pangkat/periods/:period/window',
      summary: 'Hapus jadwal yang ditetapkan untuk satu periode (kembali ke aturan; tercatat di audit)',
      tags: TAGS,
      auth: ['BKD_ADMIN'],
      params: KpPeriodParam,
      responses: { 200: { description: 'Jadwal menurut aturan', schema: KpPeriodInfo.nullable() }, 404: { description: 'Tidak ada jadwal yang ditetapkan' } },
      handler: ({ req, params }) => clearPeriodWindow(db, metaFrom(req), params.period),
    }),
    defineRoute({
      method: 'get',
      path: '/api/pangkat/regimes',
      summary: 'Aturan periode KP (dasar hukum, masa berlaku, bulan periode, aturan jadwal pengusulan)',
      tags: TAGS,
      auth: STAFF,
      responses: { 200: { description: 'Aturan', schema: KpRegimeList } },
      handler: () => listRegimes(db),
    }),
    defineRoute({
      method: 'post',
      path: '/api/pangkat/regimes',
      summary: 'Tambah aturan periode KP (tidak boleh bertumpang tindih; tercatat di audit)',
      tags: TAGS,
      auth: ['BKD_ADMIN'],
      body: KpRegimeBody,
      responses: { 201: { description: 'Dibuat', schema: KpRegime }, 409: { description: 'Masa berlaku bertumpang tindih' } },
      handler: async ({ req, res, body }) => {
        const out = await createRegime(db, metaFrom(req), body);
        res.status(201);
        return out;
      },
    }),
    defineRoute({
      method: 'put',
      path: '/api/pangkat/regimes/:id',
      summary: 'Ubah aturan periode KP (tercatat di audit)',
      tags: TAGS,
      auth: ['BKD_ADMIN'],
      params: KpRegimeParam,
      body: KpRegimeBody,
      responses: { 200: { description: 'Tersimpan', schema: KpRegime }, 404: { description: 'Tidak ditemukan' }, 409: { description: 'Masa berlaku bertumpang tindih' } },
      handler: ({ req, params, body }) => updateRegime(db, metaFrom(req), params.id, body),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/pangkat/regimes/:id',
      summary: 'Hapus aturan periode KP (tercatat di audit)',
      tags: TAGS,
      auth: ['BKD_ADMIN'],
      params: KpRegimeParam,
      responses: { 204: { description: 'Dihapus' }, 404: { description: 'Tidak ditemukan' } },
      handler: ({ req, params }) => deleteRegime(db, metaFrom(req), params.id),
    }),
    defineRoute({
      method: 'get',
      path: '/api/pangkat/eligible',
      summary:
        'Daftar PNS yang memenuhi syarat KP pada satu periode (reguler, pilihan struktural/fungsional, penyesuaian ijazah) dan alasan yang tidak; admin OPD: OPD-nya, periode mendatang',
      tags: TAGS,
      auth: STAFF,
      query: EligibleQuery,
      responses: {
        200: { description: 'Daftar', schema: EligibleResult },
        404: { description: 'OPD tidak dikenal' },
        422: { description: 'Bukan periode KP' },
      },
      handler: ({ actor, query }) => listEligible(db, actor, query),
    }),
    defineRoute({
      method: 'post',
      path: '/api/pangkat/proposals',
      summary:
        'Buat usulan KP satu periode untuk beberapa pegawai sebagai satu kelompok (semua harus memenuhi syarat); daftar periksa terisi dari arsip. Ajukan dengan POST /api/batches/:id/actions/submit',
      tags: TAGS,
      auth: ['OPD_ADMIN', 'BKD_ADMIN'],
      body: KpProposalBody,
      responses: {
        201: { description: 'Kelompok usulan dibuat', schema: KpProposalResult },
        403: { description: 'Pegawai di luar lingkup OPD, atau periode bukan periode mendatang (admin OPD)' },
        404: { description: 'Pegawai tidak ditemukan' },
        409: { description: 'Sudah ada usulan KP periode ini untuk pegawai tersebut' },
        422: { description: 'Bukan periode KP, jadwal sudah ditutup, atau pegawai tidak memenuhi syarat (dengan alasannya)' },
      },
      handler: async ({ req, res, actor, body }) => {
        const out = await createProposals(db, actor, metaFrom(req), body);
        res.status(201);
        return out;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/pangkat/proposals/:id/sk-form',
      summary: 'Isian awal pencatatan SK: TMT, golongan baru, MKG dan gaji pokok menurut aturan dan tabel gaji, jalur pertek',
      tags: TAGS,
      auth: ['BKD_VERIFIER', 'BKD_ADMIN'],
      params: z.object({ id: idParam('ID usulan') }),
      responses: { 200: { description: 'Isian awal', schema: KpSkForm }, 404: { description: 'Usulan KP tidak ditemukan' } },
      handler: async ({ actor, params }) => {
        const { r } = await loadVisibleRequest(db, actor, params.id);
        if (r.type !== kpWorkflow.type) throw NotFound('Usulan KP');
        return skForm(db, { ...r, payload: parsePayload(kpWorkflow, r) });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/pangkat/report',
      summary: 'Rekap usulan KP per periode dan OPD: memenuhi syarat, diusulkan, dikembalikan, disetujui, SK tercatat, TMS, rata-rata hari per tahap (JSON atau XLSX)',
      tags: TAGS,
      auth: STAFF,
      query: KpReportQuery,
      responses: {
        200: { description: 'Rekap (JSON, atau XLSX dengan format=xlsx)', schema: KpReportResult },
        403: { description: 'OPD di luar lingkup' },
        404: { description: 'OPD tidak dikenal' },
        422: { description: 'Bukan periode KP' },
      },
      handler: async ({ actor, query, res }) => {
        const { format, ...q } = query;
        const report = await kpReport(db, actor, q);
        if (format === 'json') return report;
        sendAttachment(res, `rekap-kp-${report.period.period}${report.opd ? `-${report.opd.kode}` : ''}`, 'xlsx', await kpReportXlsx(report));
        return undefined;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/pangkat/me',
      summary: 'KP saya: periode berikutnya, periode paling awal dan yang masih kurang',
      tags: TAGS,
      auth: 'user',
      responses: { 200: { description: 'KP saya', schema: MyKpResult }, 404: { description: 'Akun tanpa data kepegawaian' } },
      handler: async ({ actor }) => {
        if (!actor.employeeId) throw NotFound('Data kepegawaian akun ini', 'no_employee_record');
        return myKp(db, actor.employeeId);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/pangkat/employees/:id/angka-kredit',
      summary: 'Angka kredit (PAK) seorang pegawai',
      tags: TAGS,
      auth: 'user',
      params: EmployeeParam,
      responses: { 200: { description: 'Daftar', schema: AngkaKreditList }, 404: { description: 'Pegawai tidak ditemukan' } },
      handler: ({ actor, params }) => listAngkaKredit(db, actor, params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/pangkat/employees/:id/angka-kredit',
      summary: 'Catat angka kredit dari PAK dengan dokumennya (BKD atau admin OPD pegawai; tercatat di audit)',
      tags: TAGS,
      auth: STAFF,
      params: EmployeeParam,
      body: AngkaKreditBody,
      responses: { 201: { description: 'Dicatat', schema: AngkaKreditRow }, 409: { description: 'Nomor PAK sudah dicatat' } },
      handler: async ({ req, res, actor, params, body }) => {
        const out = await recordAngkaKredit(db, actor, metaFrom(req), params.id, body);
        res.status(201);
        return out;
      },
    }),
  ];
}

import { BupRuleBody, BupRuleList, BupRuleParam, BupRuleRow, ForecastQuery, ForecastResult, PensiunMe, PensiunOpenBody, PensiunOpenResult, PensiunReportQuery, PensiunReportResult } from '@simak/shared/api/pensiun';
import { metaFrom } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import { defineRoute, sendAttachment } from '../../lib/http.ts';
import { pensiunReport, pensiunReportXlsx } from './report.ts';
import { openFile } from './open.ts';
import { listBupRules, updateBupRule } from './rules.ts';
import { listForecast, myPensiun } from './service.ts';

const TAGS = ['e-Pensiun'];
const STAFF = ['OPD_ADMIN', 'BKD_VERIFIER', 'BKD_ADMIN'] as const;

export function pensiunRoutes(ctx: AppContext) {
  const { db } = ctx;
  return [
    defineRoute({
      method: 'get',
      path: '/api/pensiun/bup-rules',
      summary: 'Tabel batas usia pensiun (BUP) dengan dasar hukumnya, berurutan (aturan pertama yang cocok berlaku)',
      tags: TAGS,
      auth: STAFF,
      responses: { 200: { description: 'Aturan', schema: BupRuleList } },
      handler: () => listBupRules(db),
    }),
    defineRoute({
      method: 'put',
      path: '/api/pensiun/bup-rules/:id',
      summary: 'Ubah satu aturan BUP: usia, dasar hukum, keterangan (tercatat di audit; versi lama → 409)',
      tags: TAGS,
      auth: ['BKD_ADMIN'],
      params: BupRuleParam,
      body: BupRuleBody,
      responses: { 200: { description: 'Tersimpan', schema: BupRuleRow }, 404: { description: 'Tidak ditemukan' }, 409: { description: 'Versi lama' } },
      handler: ({ req, params, body }) => updateBupRule(db, metaFrom(req), params.id, body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/pensiun/forecast',
      summary: 'PNS/CPNS aktif yang TMT pensiunnya jatuh dalam N bulan (bawaan 24), dengan tanggal berkas jatuh tempo dan tanda terlambat; admin OPD: unitnya',
      tags: TAGS,
      auth: STAFF,
      query: ForecastQuery,
      responses: { 200: { description: 'Perkiraan', schema: ForecastResult }, 404: { description: 'OPD tidak dikenal' } },
      handler: ({ actor, query }) => listForecast(db, actor, query),
    }),
    defineRoute({
      method: 'get',
      path: '/api/pensiun/report',
      summary: 'Rekap pensiun: per OPD dan bulan ke depan, ketepatan waktu berkas, SK pensiun tercatat per tahun (JSON atau XLSX)',
      tags: TAGS,
      auth: STAFF,
      query: PensiunReportQuery,
      responses: {
        200: { description: 'Rekap (JSON, atau XLSX dengan format=xlsx)', schema: PensiunReportResult },
        403: { description: 'OPD di luar lingkup' },
        404: { description: 'OPD tidak dikenal' },
      },
      handler: async ({ actor, query, res }) => {
        const { format, ...q } = query;
        const report = await pensiunReport(db, actor, q);
        if (format === 'json') return report;
        sendAttachment(res, `rekap-pensiun-${report.year}${report.opd ? `-${report.opd.kode}` : ''}`, 'xlsx', await pensiunReportXlsx(report));
        return undefined;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/pensiun/me',
      summary: 'BUP, TMT pensiun, berkas dan yang masih kurang, untuk ASN yang masuk',
      tags: TAGS,
      auth: 'user',
      responses: { 200: { description: 'Data pensiun saya', schema: PensiunMe } },
      handler: ({ actor }) => myPensiun(db, actor),
    }),
    defineRoute({
      method: 'post',
      path: '/api/pensiun/files',
      summary: 'Buka berkas pensiun (APS, janda/duda, yatim, tidak cakap; atau BUP lebih awal) dengan isian DPCP dan daftar periksa dari arsip',
      tags: TAGS,
      auth: ['OPD_ADMIN', 'BKD_ADMIN'],
      body: PensiunOpenBody,
      responses: { 201: { description: 'Dibuka', schema: PensiunOpenResult }, 404: { description: 'Pegawai tidak ditemukan' }, 409: { description: 'Berkas untuk pegawai dan TMT ini sudah ada' } },
      handler: async ({ req, res, actor, body }) => {
        const out = await openFile(db, actor, metaFrom(req), body);
        res.status(201);
        return out;
      },
    }),
  ];
}

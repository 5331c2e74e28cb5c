import {
  DrilldownQuery,
  DrilldownResult,
  IndicatorAnswer,
  IndicatorAnswerQuery,
  IndicatorConfig,
  LkjQuery,
  PredicateScoresBody,
  SnapshotCreateBody,
  SnapshotListQuery,
  SnapshotSummary,
  summarizeBreakdown,
  TargetsBody,
  WeightsBody,
  YearParam,
} from '@simak/shared/api/indicators';
import { idParam } from '@simak/shared/api/primitives';
import { z } from 'zod';
import { auditAccess, metaFrom } from '../../audit/audit.ts';
import type { Actor } from '../../auth/actor.ts';
import type { AppContext } from '../../context.ts';
import { defineRoute, sendAttachment } from '../../lib/http.ts';
import { agencyLetterhead } from '../../pdf/index.ts';
import { computeIndicators } from './compute.ts';
import { loadYearConfig, presentConfig, putPredicateScores, putTargets, putWeights } from './config.ts';
import { drilldownPage, exportDrilldown } from './drilldown.ts';
import { getSetting } from '../settings/service.ts';
import { lkjPdf, lkjXlsx } from './lkj.ts';
import { authorizeView } from './policy.ts';
import { resolveScope } from './scope.ts';
import { getSnapshot, listSnapshots, storeSnapshot } from './snapshots.ts';

const TAGS = ['Indikator'];
const VIEWERS = ['OPD_ADMIN', 'BKD_VERIFIER', 'BKD_ADMIN'] as const;
const CONFIG_VIEWERS = ['BKD_VERIFIER', 'BKD_ADMIN'] as const;

export function indicatorRoutes(ctx: AppContext) {
  const { db } = ctx;

  /** Resolves year/asOf/opd and checks the actor may see that unit (OPD admins: never the whole agency). */
  async function scopeFor(actor: Actor, q: { year: number; asOf?: string; opd?: string }) {
    if (!q.opd) authorizeView(actor, null);
    const scope = await resolveScope(db, q);
    authorizeView(actor, scope.opd?.id ?? null);
    return scope;
  }

  return [
    defineRoute({
      method: 'get',
      path: '/api/indicators',
      summary: 'Indikator kinerja utama (IKP, IKom, IKin, IDis, IP) dihitung langsung dari data, dengan target, capaian, rincian per OPD, tahun lalu dan keluaran',
      tags: TAGS,
      auth: VIEWERS,
      query: IndicatorAnswerQuery,
      responses: {
        200: { description: 'Hasil', schema: IndicatorAnswer },
        400: { description: 'Tanggal posisi di luar tahun' },
        404: { description: 'OPD tidak dikenal' },
      },
      handler: async ({ actor, query }) => {
        const result = await computeIndicators(db, query, { resolved: await scopeFor(actor, query) });
        return query.breakdown === 'full' ? result : summarizeBreakdown(result);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/indicators/drilldown',
      summary: 'Daftar pegawai di balik satu komponen indikator (halaman JSON, atau ekspor CSV/XLSX)',
      tags: TAGS,
      auth: VIEWERS,
      query: DrilldownQuery,
      responses: {
        200: { description: 'Daftar', schema: DrilldownResult },
        400: { description: 'Tanggal posisi di luar tahun' },
        404: { description: 'OPD tidak dikenal' },
      },
      handler: async ({ req, actor, query, res }) => {
        const scope = await scopeFor(actor, query);
        if (query.format === 'json') return drilldownPage(db, scope, query.component, query.page, query.pageSize);
        await auditAccess(db, metaFrom(req), {
          action: 'indicators.drilldown_exported',
          entityType: 'indicator_drilldown',
          entityId: query.component,
          after: { component: query.component, format: query.format, year: scope.year, asOf: scope.asOf, opd: scope.opd?.kode ?? null },
        });
        await exportDrilldown(db, scope, query.component, query.format, res);
        return undefined;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/indicators/lkj',
      summary: 'Tabel LKj: target, realisasi, capaian dan rincian rumus (XLSX atau PDF)',
      tags: TAGS,
      auth: VIEWERS,
      query: LkjQuery,
      responses: {
        200: { description: 'Berkas', contentType: 'application/octet-stream' },
        400: { description: 'Tanggal posisi di luar tahun' },
        404: { description: 'OPD tidak dikenal' },
      },
      handler: async ({ actor, query, res }) => {
        const scope = await scopeFor(actor, query);
        const [result, head, signer] = await Promise.all([computeIndicators(db, query, { resolved: scope }), agencyLetterhead(db), getSetting(db, 'berkala.signer')]);
        const name = `lkj-iku-${scope.year}${scope.opd ? `-${scope.opd.kode}` : ''}`;
        if (query.format === 'pdf') sendAttachment(res, name, 'pdf', await lkjPdf(result, head, signer));
        else sendAttachment(res, name, 'xlsx', await lkjXlsx(result, head));
        return undefined;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/indicators/config',
      summary: 'Target, bobot IP dan skor predikat SKP yang berlaku untuk satu tahun',
      tags: TAGS,
      auth: CONFIG_VIEWERS,
      query: YearParam,
      responses: { 200: { description: 'Konfigurasi', schema: IndicatorConfig } },
      handler: async ({ query }) => presentConfig(await loadYearConfig(db, query.year)),
    }),
    defineRoute({
      method: 'put',
      path: '/api/indicators/targets/:year',
      summary: 'Ubah target indikator satu tahun (null menghapus target; tercatat di audit)',
      tags: TAGS,
      auth: ['BKD_ADMIN'],
      params: YearParam,
      body: TargetsBody,
      responses: { 200: { description: 'Tersimpan', schema: IndicatorConfig } },
      handler: async ({ req, params, body }) => putTargets(db, metaFrom(req), params.year, body),
    }),
    defineRoute({
      method: 'put',
      path: '/api/indicators/weights/:year',
      summary: 'Ubah bobot IP (persen, jumlah 100) yang berlaku mulai tahun ini (tercatat di audit)',
      tags: TAGS,
      auth: ['BKD_ADMIN'],
      params: YearParam,
      body: WeightsBody,
      responses: { 200: { description: 'Tersimpan', schema: IndicatorConfig } },
      handler: async ({ req, params, body }) => putWeights(db, metaFrom(req), params.year, body),
    }),
    defineRoute({
      method: 'put',
      path: '/api/indicators/predicate-scores/:year',
      summary: 'Ubah skor predikat SKP (0–100) yang berlaku mulai tahun ini (tercatat di audit)',
      tags: TAGS,
      auth: ['BKD_ADMIN'],
      params: YearParam,
      body: PredicateScoresBody,
      responses: { 200: { description: 'Tersimpan', schema: IndicatorConfig } },
      handler: async ({ req, params, body }) => putPredicateScores(db, metaFrom(req), params.year, body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/indicators/snapshots',
      summary: 'Bekukan hasil indikator saat ini (JSON lengkap, tidak berubah lagi; tercatat di audit)',
      tags: TAGS,
      auth: ['BKD_ADMIN'],
      body: SnapshotCreateBody,
      responses: {
        201: { description: 'Tersimpan', schema: SnapshotSummary },
        400: { description: 'Tanggal posisi di luar tahun' },
        404: { description: 'OPD tidak dikenal' },
      },
      handler: async ({ req, res, actor, body }) => {
        const scope = await scopeFor(actor, body);
        const result = await computeIndicators(db, body, { resolved: scope });
        const summary = await storeSnapshot(db, metaFrom(req), body, result);
        res.status(201);
        return summary;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/indicators/snapshots',
      summary: 'Daftar snapshot indikator satu tahun (terbaru dahulu)',
      tags: TAGS,
      auth: VIEWERS,
      query: SnapshotListQuery,
      responses: { 200: { description: 'Daftar', schema: z.object({ items: z.array(SnapshotSummary) }) } },
      handler: async ({ actor, query }) => {
        if (!query.opd) {
          authorizeView(actor, null);
          return { items: await listSnapshots(db, query.year, undefined) };
        }
        const scope = await scopeFor(actor, { year: query.year, opd: query.opd });
        return { items: await listSnapshots(db, query.year, scope.opd!.id) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/indicators/snapshots/:id',
      summary: 'Satu snapshot indikator dengan hasil lengkap yang dibekukan',
      tags: TAGS,
      auth: VIEWERS,
      params: z.object({ id: idParam('ID snapshot') }),
      responses: { 200: { description: 'Snapshot' }, 404: { description: 'Tidak ditemukan' } },
      handler: async ({ actor, params }) => {
        const s = await getSnapshot(db, params.id);
        authorizeView(actor, s.summary.opd?.id ?? null);
        return s;
      },
    }),
  ];
}

/** Batches of the verification engine: listed and acted on as one, each member keeping its own state. */
import { idParam, isoDate, pageParam, pageSizeParam, text } from '@simak/shared/api/primitives';
import { BatchActionBody, BatchActionResult, BatchDetail, BatchListResponse } from '@simak/shared/api/requests';
import { z } from 'zod';
import type { Actor } from '../../auth/actor.ts';
import { metaFrom } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db.ts';
import { Forbidden, NotFound } from '../../errors.ts';
import type { RequestBatch } from '../../generated/prisma/client.ts';
import { defineRoute } from '../../lib/http.ts';
import { batchAction, batchScope, batchStates } from '../../workflow/batch.ts';
import { requestScope } from '../../workflow/engine.ts';
import { workflowOf } from '../../workflow/registry.ts';
import { stateOf } from '../../workflow/types.ts';
import { checklistSummaries, presentRows } from './presenter.ts';
import { REQUEST_INCLUDE, withPayload } from './service.ts';

const idParams = z.object({ id: idParam('ID kelompok') });

async function presentBatches(db: Db, rows: (RequestBatch & { opd: { id: number; kode: string; nama: string } | null })[]) {
  const states = await batchStates(db, rows.map((b) => b.id));
  return rows.map((b) => {
    const def = workflowOf(b.type)?.def;
    const list = (states.get(b.id) ?? []).map((s) => ({ ...s, label: (def && stateOf(def.states, s.state)?.label) ?? s.state }));
    return {
      id: b.id,
      type: b.type,
      typeLabel: def?.label ?? b.type,
      title: b.title,
      opd: b.opd,
      period: b.period?.toISOString().slice(0, 10) ?? null,
      data: (b.data && typeof b.data === 'object' && !Array.isArray(b.data) ? b.data : {}) as Record<string, unknown>,
      version: b.version,
      createdAt: b.createdAt.toISOString(),
      submittedAt: b.submittedAt?.toISOString() ?? null,
      states: list,
      total: list.reduce((n, s) => n + s.count, 0),
    };
  });
}

/** A batch the actor may see (404 when unknown, 403 outside their scope). */
async function loadBatch(db: Db, actor: Actor, id: number) {
  const b = await db.requestBatch.findUnique({ where: { id }, include: { opd: { select: { id: true, kode: true, nama: true } } } });
  const entry = b && workflowOf(b.type);
  if (!b || !entry) throw NotFound('Kelompok usulan');
  const visible = await db.requestBatch.count({ where: { AND: [{ id }, batchScope(actor)] } });
  if (!visible) throw Forbidden();
  return { b, entry };
}

export function batchRoutes(ctx: AppContext) {
  const { db } = ctx;
  return [
    defineRoute({
      method: 'get',
      path: '/api/batches',
      summary: 'Daftar kelompok usulan (mis. usulan KP satu OPD untuk satu periode) dengan jumlah per status',
      tags: ['Usulan'],
      auth: ['BKD_VERIFIER', 'BKD_ADMIN', 'OPD_ADMIN'],
      query: z.object({
        type: text({ label: 'Jenis', max: 40 }).optional(),
        opdId: idParam('ID OPD').optional(),
        period: isoDate({ label: 'Periode' }).optional(),
        page: pageParam(),
        pageSize: pageSizeParam(200, 25),
      }),
      responses: { 200: { description: 'Halaman daftar kelompok', schema: BatchListResponse } },
      handler: async ({ actor, query }) => {
        const where = { AND: [batchScope(actor), query.type ? { type: query.type } : {}, query.opdId ? { opdId: query.opdId } : {}, query.period ? { period: new Date(`${query.period}T00:00:00Z`) } : {}] };
        const [total, rows] = await Promise.all([
          db.requestBatch.count({ where }),
          db.requestBatch.findMany({
            where,
            include: { opd: { select: { id: true, kode: true, nama: true } } },
            orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
            skip: (query.page - 1) * query.pageSize,
            take: query.pageSize,
          }),
        ]);
        return { page: query.page, pageSize: query.pageSize, total, items: await presentBatches(db, rows) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/batches/:id',
      summary: 'Satu kelompok usulan dengan anggotanya (status, daftar periksa, tindakan masing-masing)',
      tags: ['Usulan'],
      auth: ['BKD_VERIFIER', 'BKD_ADMIN', 'OPD_ADMIN'],
      params: idParams,
      responses: { 200: { description: 'Kelompok', schema: BatchDetail }, 404: { description: 'Tidak ditemukan' } },
      handler: async ({ req, actor, params }) => {
        const { b } = await loadBatch(db, actor, params.id);
        const rows = await db.workflowRequest.findMany({ where: { AND: [{ batchId: b.id }, requestScope(actor)] }, include: REQUEST_INCLUDE, orderBy: { id: 'asc' } });
        const typed = rows.map((r) => ({ ...withPayload(r, req.log), opd: b.opd }));
        const summaries = await checklistSummaries(db, typed);
        const [head] = await presentBatches(db, [b]);
        return { ...head!, members: await presentRows(db, actor, typed, summaries) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/batches/:id/actions/:action',
      summary: 'Tindakan atas kelompok usulan (mis. ajukan semua, verifikasi semua) dengan catatan dan data; hasil per anggota',
      tags: ['Usulan'],
      auth: 'user',
      params: idParams.extend({ action: z.string().regex(/^[a-z_]{2,40}$/) }),
      body: BatchActionBody,
      responses: { 200: { description: 'Hasil per anggota', schema: BatchActionResult } },
      handler: async ({ req, actor, params, body }) => {
        const { entry } = await loadBatch(db, actor, params.id);
        return batchAction(db, entry.def, params.id, { action: params.action, note: body.note, data: body.data, items: body.items }, actor, metaFrom(req));
      },
    }),
  ];
}

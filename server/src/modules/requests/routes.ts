/** Generic endpoints of the verification engine: queues, request pages, actions, batch actions. */
import { employeeNameWhere } from '../../lib/name-search.ts';
import { RequestActionBody } from '@simak/shared/api/change-requests';
import { id, idParam, intParam, isoDate, pageParam, pageSizeParam, text } from '@simak/shared/api/primitives';
import { BatchActionResult, ItemAttachBody, ItemVerdictBody, RequestDetail, RequestListResponse, TasksResponse, RequestTypesResponse } from '@simak/shared/api/requests';
import { z } from 'zod';
import { metaFrom } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import { NotFound, toAppError } from '../../errors.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import { defineRoute } from '../../lib/http.ts';
import { assignedScope } from '../../workflow/assignee.ts';
import { attachItemDocument, judgeItem } from '../../workflow/checklist.ts';
import { loadRequest, requestScope, transition, type Req } from '../../workflow/engine.ts';
import type { WorkflowDefinition } from '../../workflow/types.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Tx } from '../../db.ts';
import { workflowOf } from '../../workflow/registry.ts';
import { checklistSummaries, presentRequestDetail, presentRows } from './presenter.ts';
import { loadVisibleRequest, REQUEST_INCLUDE, withPayload } from './service.ts';

const listQuery = z.object({
  type: text({ label: 'Jenis', max: 40 }).optional(),
  /** One state or several, comma-separated. */
  state: text({ label: 'Status', max: 200 }).optional(),
  open: z.enum(['true', 'false']).optional(),
  opdId: idParam('ID OPD').optional(),
  employeeId: idParam('ID pegawai').optional(),
  target: text({ label: 'Target', max: 40 }).optional(),
  olderThanDays: intParam(0, 3650, 'Umur (hari)').optional(),
  q: text({ label: 'Kata kunci', max: 100 }).optional(),
  page: pageParam(),
  pageSize: pageSizeParam(200, 25),
  /** dueDate: by the TMT the request is due for (KGB), earliest (overdue) first; requests without one last. */
  sort: z.enum(['submittedAt', '-submittedAt', 'stateSince', '-stateSince', 'dueDate', '-dueDate']).default('submittedAt'),
  /** true = only what waits for me ("Tugas saya"). */
  assigned: z.enum(['true', 'false']).optional(),
  batchId: idParam('ID kelompok').optional(),
  /** A period the request is for (payload.period, e.g. a KP period). */
  period: isoDate({ label: 'Periode' }).optional(),
});
const idParams = z.object({ id: idParam('ID usulan') });
const itemParams = idParams.extend({ key: z.string().regex(/^[A-Z0-9_]{1,40}$/, 'Kunci butir tidak valid.') });

export function requestRoutes(ctx: AppContext) {
  const { db } = ctx;

  /** A checklist change on a request the actor may see, in one transaction, answered with the updated page. */
  async function changeItem(actor: Actor, id: number, change: (tx: Tx, def: WorkflowDefinition<unknown>, current: Req<unknown>) => Promise<void>) {
    const { entry } = await loadVisibleRequest(db, actor, id);
    await db.$transaction(async (tx) => {
      const current = await loadRequest(tx, entry.def, id);
      if (!current) throw NotFound('Usulan');
      await change(tx, entry.def, current);
    });
    const { r } = await loadVisibleRequest(db, actor, id);
    return presentRequestDetail(db, actor, r);
  }

  /**
   * A page ordered by the payload's TMT (not a column: Prisma cannot order by a JSON path):
   * the matching ids from the filters, then one SQL statement orders and pages them.
   */
  async function pageByDueDate(where: Prisma.WorkflowRequestWhereInput, desc: boolean, skip: number, take: number) {
    const ids = (await db.workflowRequest.findMany({ where, select: { id: true } })).map((r) => r.id);
    if (ids.length === 0) return [];
    const order = desc ? Prisma.sql`DESC NULLS LAST` : Prisma.sql`ASC NULLS LAST`;
    const page = await db.$queryRaw<{ id: number }[]>`
      SELECT id FROM workflow_request WHERE id = ANY(${ids}::int[])
      ORDER BY (payload->>'tmt') ${order}, id LIMIT ${take} OFFSET ${skip}`;
    const rows = await db.workflowRequest.findMany({ where: { id: { in: page.map((p) => p.id) } }, include: REQUEST_INCLUDE });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return page.map((p) => byId.get(p.id)!).filter(Boolean);
  }

  return [
    defineRoute({
      method: 'get',
      path: '/api/requests',
      summary: 'Daftar usulan (antrean verifikasi, usulan saya, usulan OPD) — dibatasi sesuai peran',
      tags: ['Usulan'],
      auth: 'user',
      query: listQuery,
      responses: { 200: { description: 'Halaman daftar usulan', schema: RequestListResponse } },
      handler: async ({ req, actor, query }) => {
        const where: Prisma.WorkflowRequestWhereInput = {
          AND: [
            requestScope(actor),
            query.assigned === 'true' ? assignedScope(actor) : {},
            query.batchId ? { batchId: query.batchId } : {},
            query.type ? { type: query.type } : {},
            query.state ? { state: { in: query.state.split(',') } } : {},
            query.open === 'true' ? { closedAt: null } : query.open === 'false' ? { closedAt: { not: null } } : {},
            query.opdId ? { opdId: query.opdId } : {},
            query.employeeId ? { employeeId: query.employeeId } : {},
            query.target ? { payload: { path: ['target'], equals: query.target } } : {},
            query.period ? { payload: { path: ['period'], equals: query.period } } : {},
            query.olderThanDays != null ? { submittedAt: { lte: new Date(Date.now() - query.olderThanDays * 86_400_000) } } : {},
            query.q
              ? { OR: [{ title: { contains: query.q, mode: 'insensitive' } }, { employee: { nip: { startsWith: query.q } } }, { employee: employeeNameWhere(query.q) }] }
              : {},
          ],
        };
        const desc = query.sort.startsWith('-');
        const field = query.sort.replace('-', '') as 'submittedAt' | 'stateSince' | 'dueDate';
        const skip = (query.page - 1) * query.pageSize;
        const [total, rows] = await Promise.all([
          db.workflowRequest.count({ where }),
          field === 'dueDate'
            ? pageByDueDate(where, desc, skip, query.pageSize)
            : db.workflowRequest.findMany({ where, include: REQUEST_INCLUDE, orderBy: [{ [field]: desc ? 'desc' : 'asc' }, { id: 'asc' }], skip, take: query.pageSize }),
        ]);
        const opds = await db.opd.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.opdId))] } }, select: { id: true, kode: true, nama: true } });
        const byId = new Map(opds.map((o) => [o.id, o]));
        const typed = rows.map((r) => ({ ...withPayload(r, req.log), opd: byId.get(r.opdId) ?? null }));
        const summaries = await checklistSummaries(db, typed);
        return {
          page: query.page,
          pageSize: query.pageSize,
          total,
          items: await presentRows(db, actor, typed, summaries),
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/requests/types',
      summary: 'Jenis usulan yang ada dalam cakupan saya (pilihan filter), dengan statusnya',
      tags: ['Usulan'],
      auth: 'user',
      query: z.object({ employeeId: idParam('ID pegawai').optional() }),
      responses: { 200: { description: 'Jenis usulan', schema: RequestTypesResponse } },
      handler: async ({ actor, query }) => {
        const where = { AND: [requestScope(actor), query.employeeId ? { employeeId: query.employeeId } : {}] };
        const groups = await db.workflowRequest.groupBy({ by: ['type'], where, _count: { _all: true } });
        return {
          items: groups
            .map((g) => {
              const def = workflowOf(g.type)?.def;
              const states = Object.entries((def?.states ?? {}) as Record<string, { label: string }>).map(([value, s]) => ({ value, label: s.label }));
              return { type: g.type, label: def?.label ?? g.type, count: g._count._all, states };
            })
            .sort((a, b) => a.label.localeCompare(b.label, 'id')),
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/requests/tasks',
      summary: 'Tugas saya: jumlah usulan yang menunggu tindakan saya per jenis, dan yang paling lama menunggu',
      tags: ['Usulan'],
      auth: 'user',
      responses: { 200: { description: 'Jumlah per jenis', schema: TasksResponse } },
      handler: async ({ actor }) => {
        const where = { AND: [requestScope(actor), assignedScope(actor)] };
        const [groups, oldest] = await Promise.all([
          db.workflowRequest.groupBy({ by: ['type'], where, _count: { _all: true }, _min: { stateSince: true } }),
          db.workflowRequest.findFirst({ where, orderBy: [{ stateSince: 'asc' }, { id: 'asc' }], select: { id: true, type: true, title: true, stateSince: true } }),
        ]);
        const byType = groups
          .map((g) => ({ type: g.type, label: workflowOf(g.type)?.def.label ?? g.type, count: g._count._all, oldestSince: g._min.stateSince?.toISOString() ?? null }))
          .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
        return {
          total: byType.reduce((n, g) => n + g.count, 0),
          byType,
          oldest: oldest ? { id: oldest.id, type: oldest.type, title: oldest.title, since: oldest.stateSince.toISOString() } : null,
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/requests/:id',
      summary: 'Detail usulan: data, dokumen, riwayat proses dan tindakan yang boleh diambil',
      tags: ['Usulan'],
      auth: 'user',
      params: idParams,
      responses: { 200: { description: 'Usulan', schema: RequestDetail }, 404: { description: 'Tidak ditemukan' } },
      handler: async ({ actor, params }) => {
        const { r } = await loadVisibleRequest(db, actor, params.id);
        return presentRequestDetail(db, actor, r);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/requests/:id/actions/:action',
      summary: 'Ambil tindakan atas usulan (setujui, tolak, ajukan ulang, batalkan, …); versi lama → 409',
      tags: ['Usulan'],
      auth: 'user',
      params: idParams.extend({ action: z.string().regex(/^[a-z_]{2,40}$/) }),
      body: RequestActionBody,
      responses: { 200: { description: 'Usulan setelah tindakan', schema: RequestDetail }, 409: { description: 'Versi usang atau status tidak sesuai' } },
      handler: async ({ req, actor, params, body }) => {
        const { entry } = await loadVisibleRequest(db, actor, params.id);
        await transition(db, entry.def, {
          requestId: params.id,
          action: params.action,
          actor,
          expectedVersion: body.version,
          input: { note: body.note, data: body.data },
          meta: metaFrom(req),
        });
        const { r } = await loadVisibleRequest(db, actor, params.id);
        return presentRequestDetail(db, actor, r);
      },
    }),
    defineRoute({
      method: 'put',
      path: '/api/requests/:id/items/:key',
      summary: 'Isi atau ganti dokumen pada daftar periksa usulan (dari arsip pegawai atau unggahan baru)',
      tags: ['Usulan'],
      auth: 'user',
      params: itemParams,
      body: ItemAttachBody,
      responses: { 200: { description: 'Usulan setelah perubahan', schema: RequestDetail }, 409: { description: 'Versi usang' } },
      handler: ({ req, actor, params, body }) =>
        changeItem(actor, params.id, (tx, def, current) =>
          attachItemDocument(tx, def, current, { key: params.key, documentId: body.documentId, expectedVersion: body.version, actor, meta: metaFrom(req) }),
        ),
    }),
    defineRoute({
      method: 'post',
      path: '/api/requests/:id/items/:key/verdict',
      summary: 'Nilai satu dokumen pada daftar periksa: sah atau tidak sah (dengan keterangan); tersimpan sebagai riwayat',
      tags: ['Usulan'],
      auth: 'user',
      params: itemParams,
      body: ItemVerdictBody,
      responses: { 200: { description: 'Usulan setelah penilaian', schema: RequestDetail }, 409: { description: 'Versi usang' } },
      handler: ({ req, actor, params, body }) =>
        changeItem(actor, params.id, (tx, def, current) =>
          judgeItem(tx, def, current, { key: params.key, verdict: body.verdict, note: body.note, expectedVersion: body.version, actor, meta: metaFrom(req) }),
        ),
    }),
    defineRoute({
      method: 'post',
      path: '/api/requests/batch',
      summary: 'Tindakan yang sama atas beberapa usulan terpilih (mis. persetujuan massal); hasil per usulan',
      tags: ['Usulan'],
      auth: ['BKD_VERIFIER', 'BKD_ADMIN'],
      body: z.object({
        action: z.string().regex(/^[a-z_]{2,40}$/),
        note: text({ label: 'Catatan', max: 2000 }).optional(),
        /** Input data for the action (the same for every request). */
        data: z.unknown().optional(),
        items: z.array(z.object({ id: id('ID usulan'), version: id('Versi') })).min(1).max(500),
      }),
      responses: { 200: { description: 'Hasil per usulan', schema: BatchActionResult } },
      handler: async ({ req, actor, body }) => {
        const results: { id: number; ok: boolean; state?: string; error?: { code: string; message: string } }[] = [];
        for (const item of body.items) {
          try {
            const { entry } = await loadVisibleRequest(db, actor, item.id);
            const r = await transition(db, entry.def, {
              requestId: item.id,
              action: body.action,
              actor,
              expectedVersion: item.version,
              input: { note: body.note, data: body.data },
              meta: metaFrom(req),
            });
            results.push({ id: item.id, ok: true, state: r.state });
          } catch (err) {
            const e = toAppError(err);
            if (e.isReportable) req.log?.error({ err }, 'batch action failed on one request');
            results.push({ id: item.id, ok: false, error: { code: e.code, message: e.message } });
          }
        }
        return { succeeded: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length, results };
      },
    }),
  ];
}

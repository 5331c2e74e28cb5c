/**
 * Batches: requests proposed together (e.g. an OPD's promotion proposals for one period),
 * created, submitted and listed as one while each member keeps its own state, documents
 * and verdicts. A batch action runs the same transition on each member in its own
 * transaction (with the note and input data) and reports per member.
 */
import type { Actor } from '../auth/actor.ts';
import { writeAudit, type RequestMeta } from '../audit/audit.ts';
import type { Db, Tx } from '../db.ts';
import { AppError, toAppError } from '../errors.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { hasRole, isBkd } from '../lib/authz.ts';
import { createRequests, transition, type CreatedRequest, type NewRequest } from './engine.ts';
import type { WorkflowDefinition } from './types.ts';

const json = (v: unknown) => JSON.parse(JSON.stringify(v ?? {})) as Prisma.InputJsonValue;

export interface NewBatch {
  opdId?: number | null;
  /** The period it is for (YYYY-MM-DD), if any. */
  period?: string | null;
  title: string;
  data?: Record<string, unknown>;
}

/** Creates a batch and its member requests (set-based, through the engine) in the caller's transaction. */
export async function createBatch<P>(
  tx: Tx,
  def: WorkflowDefinition<P>,
  batch: NewBatch,
  items: readonly NewRequest<P>[],
  opts: { actor: Actor | null; meta: RequestMeta },
): Promise<{ batchId: number; created: CreatedRequest[] }> {
  const row = await tx.requestBatch.create({
    data: {
      type: def.type,
      opdId: batch.opdId ?? null,
      period: batch.period ? new Date(`${batch.period}T00:00:00Z`) : null,
      title: batch.title,
      data: json(batch.data),
      createdById: opts.actor?.userId ?? null,
    },
  });
  const created = await createRequests(tx, def, items.map((it) => ({ ...it, batchId: row.id })), opts);
  await writeAudit(tx, opts.meta, {
    action: `${def.type.toLowerCase()}.batch_created`,
    entityType: 'request_batch',
    entityId: row.id,
    after: { title: batch.title, period: batch.period ?? null, opdId: batch.opdId ?? null, requests: created.map((c) => c.id) },
  });
  return { batchId: row.id, created };
}

/** SQL scope of the batches an actor may list: BKD all, an OPD admin their OPDs' batches. */
export function batchScope(actor: Actor): Prisma.RequestBatchWhereInput {
  if (isBkd(actor)) return {};
  if (hasRole(actor, 'OPD_ADMIN') && actor.scopeOpdIds.length) return { opdId: { in: actor.scopeOpdIds } };
  return { id: -1 };
}

export interface BatchActionInput {
  action: string;
  note?: string;
  data?: unknown;
  /** Members with the version the user saw; omitted = every open member the action applies to (current version). */
  items?: { id: number; version: number }[];
}

export interface BatchActionResult {
  succeeded: number;
  failed: number;
  results: { id: number; ok: boolean; state?: string; error?: { code: string; message: string } }[];
}

/**
 * Takes one action on the members of a batch: each member in its own transaction (one
 * failing member does not undo the others), with the same note and input data.
 */
export async function batchAction<P>(db: Db, def: WorkflowDefinition<P>, batchId: number, input: BatchActionInput, actor: Actor, meta: RequestMeta): Promise<BatchActionResult> {
  const t = def.transitions.find((x) => x.action === input.action);
  if (!t) throw new AppError(422, 'unknown_action', `Tindakan "${input.action}" tidak dikenal.`);
  const listed = input.items ? new Map(input.items.map((i) => [i.id, i.version])) : null;
  const members = await db.workflowRequest.findMany({
    where: { batchId, ...(listed ? { id: { in: [...listed.keys()] } } : { state: { in: [...t.from] }, closedAt: null }) },
    select: { id: true, version: true },
    orderBy: { id: 'asc' },
  });
  const results: BatchActionResult['results'] = [];
  if (listed) for (const id of listed.keys()) if (!members.some((m) => m.id === id)) results.push({ id, ok: false, error: { code: 'not_found', message: 'Usulan tidak ada dalam kelompok ini.' } });
  for (const m of members) {
    try {
      const r = await transition(db, def, { requestId: m.id, action: input.action, actor, expectedVersion: listed?.get(m.id) ?? m.version, input: { note: input.note, data: input.data }, meta });
      results.push({ id: m.id, ok: true, state: r.state });
    } catch (err) {
      const e = toAppError(err);
      results.push({ id: m.id, ok: false, error: { code: e.code, message: e.message } });
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  if (succeeded) {
    await db.$transaction(async (tx) => {
      await tx.requestBatch.update({ where: { id: batchId }, data: { version: { increment: 1 }, ...(t.submits ? { submittedAt: new Date() } : {}) } });
      await writeAudit(tx, meta, {
        action: `${def.type.toLowerCase()}.batch_${input.action}`,
        entityType: 'request_batch',
        entityId: batchId,
        after: { action: input.action, note: input.note ?? null, data: input.data ?? null, succeeded, failed: results.length - succeeded },
      });
    });
  }
  results.sort((a, b) => a.id - b.id);
  return { succeeded, failed: results.length - succeeded, results };
}

/** Member counts per state of some batches. */
export async function batchStates(db: Db | Tx, batchIds: number[]) {
  if (!batchIds.length) return new Map<number, { state: string; count: number }[]>();
  const groups = await db.workflowRequest.groupBy({ by: ['batchId', 'state'], where: { batchId: { in: batchIds } }, _count: { _all: true } });
  const out = new Map<number, { state: string; count: number }[]>();
  for (const g of groups) {
    if (g.batchId == null) continue;
    const list = out.get(g.batchId) ?? [];
    list.push({ state: g.state, count: g._count._all });
    out.set(g.batchId, list);
  }
  return out;
}


import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db.ts';
import { Forbidden, NotFound } from '../../errors.ts';
import type { WorkflowRequest } from '../../generated/prisma/client.ts';
import type { Logger } from '../../logger.ts';
import { canViewRequest, tryParsePayload, type Req } from '../../workflow/engine.ts';
import { workflowOf } from '../../workflow/registry.ts';

export const REQUEST_INCLUDE = {
  employee: { select: { id: true, nip: true, nama: true, gelarDepan: true, gelarBelakang: true, atasanId: true } },
} as const;

/**
 * A stored request with its payload validated again by its type's definition. A damaged payload
 * does not break the list or page it is on: the row is shown, flagged, with no action (logged).
 */
export function withPayload<R extends WorkflowRequest>(r: R, log?: Pick<Logger, 'error'>): Omit<R, 'payload'> & { payload: unknown; payloadBroken?: boolean } {
  const entry = workflowOf(r.type);
  if (!entry) return r;
  const parsed = tryParsePayload(entry.def, r);
  if (parsed.success) return { ...r, payload: parsed.data };
  log?.error({ requestId: r.id, type: r.type, issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'stored request payload does not match its type');
  return { ...r, payloadBroken: true };
}

/** A request the actor may see (404 when unknown, 403 when not theirs to see), with its employee and OPD. */
export async function loadVisibleRequest(db: Db, actor: Actor, id: number) {
  const r = await db.workflowRequest.findUnique({ where: { id }, include: REQUEST_INCLUDE });
  const entry = r && workflowOf(r.type);
  if (!r || !entry) throw NotFound('Usulan');
  if (!canViewRequest(entry.def, actor, r, r.employee.atasanId)) throw Forbidden();
  const opd = await db.opd.findUnique({ where: { id: r.opdId }, select: { kode: true, nama: true } });
  const typed: Req<unknown> & { employee: typeof r.employee; opd: typeof opd } = { ...withPayload(r), opd };
  return { r: typed, entry };
}

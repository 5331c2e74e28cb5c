import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db.ts';
import { Forbidden, NotFound } from '../../errors.ts';
import type { WorkflowRequest } from '../../generated/prisma/client.ts';
import { canViewRequest, parsePayload, type Req } from '../../workflow/engine.ts';
import { workflowOf } from '../../workflow/registry.ts';

export const REQUEST_INCLUDE = {
  employee: { select: { id: true, nip: true, nama: true, gelarDepan: true, gelarBelakang: true, atasanId: true } },
} as const;

/** A stored request with its payload validated again by its type's definition. */
export function withPayload<R extends WorkflowRequest>(r: R): Omit<R, 'payload'> & { payload: unknown } {
  const entry = workflowOf(r.type);
  return { ...r, payload: entry ? parsePayload(entry.def, r) : r.payload };
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

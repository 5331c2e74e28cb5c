/**
 * Who sees which recap. The monthly recap and the TPP basis: BKD (every OPD) and an OPD admin
 * (the units in their scope). The discipline warning list: BKD (everybody) and an atasan (their
 * direct subordinates). Official-duty days: recorded by a BKD admin or the employee's OPD admin.
 * Lists are scoped in the query (scope.ts); these rules guard the entry and the single rows.
 */
import type { Actor } from '../../auth/actor.ts';
import { definePolicy, hasRole, isBkd, managesOpd } from '../../lib/authz.ts';

export const rekapPolicy = definePolicy<{ opdId: number | null }, 'view'>({
  view: (actor: Actor, r) => isBkd(actor) || (hasRole(actor, 'OPD_ADMIN') && (r.opdId == null ? actor.scopeOpdIds.length > 0 : managesOpd(actor, r.opdId))),
});

export const disiplinPolicy = definePolicy<null, 'view'>({
  view: (actor: Actor) => isBkd(actor) || (hasRole(actor, 'ATASAN') && actor.employeeId != null),
});

export const dinasLuarPolicy = definePolicy<{ opdId: number }, 'record'>({
  record: (actor: Actor, e) => hasRole(actor, 'BKD_ADMIN') || managesOpd(actor, e.opdId),
});

/**
 * Who may see the workforce statistics: BKD verifiers and admins for the agency and any OPD;
 * an OPD admin for their OPDs (with the units under them) or one OPD inside that scope, never
 * the agency as a whole.
 */
import type { Actor } from '../../auth/actor.ts';
import { authorize, definePolicy, hasRole, isBkd, managesOpd } from '../../lib/authz.ts';

/** The unit asked for (null = the actor's whole scope). */
export interface StatisticsScopeRef {
  opdId: number | null;
}

export const statisticsPolicy = definePolicy({
  view: (actor: Actor, s: StatisticsScopeRef) =>
    isBkd(actor) || (hasRole(actor, 'OPD_ADMIN') && (s.opdId == null ? actor.scopeOpdIds.length > 0 : managesOpd(actor, s.opdId))),
});

/**
 * The OPD ids counted for the actor (null = every OPD), after the policy check:
 * BKD without an OPD sees the agency; an OPD admin without one sees their scope.
 */
export function statisticsScope(actor: Actor, opdTree: number[] | null): number[] | null {
  authorize(statisticsPolicy, 'view', actor, { opdId: opdTree?.[0] ?? null }, 'OPD ini di luar lingkup Anda.');
  if (opdTree) return opdTree;
  return isBkd(actor) ? null : actor.scopeOpdIds;
}

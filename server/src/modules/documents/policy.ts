/**
 * Who may see and add an employee's documents: the employee themself, an OPD
 * admin whose scope holds the employee's OPD, and BKD roles. Unlike the profile
 * (canSeeEmployee), the atasan does NOT see the vault: it holds personal papers
 * (KTP, KK, akta) the supervisor has no need for.
 */
import type { Actor } from '../../auth/actor.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { definePolicy, hasRole, isBkd, isSelf, managesOpd } from '../../lib/authz.ts';

/** The facts about a document's owner the policy needs. */
export interface DocumentOwnerRef {
  /** The employee the documents belong to. */
  employeeId: number;
  /** That employee's current OPD. */
  opdId: number;
}

const ownsOrManages = (actor: Actor, o: DocumentOwnerRef) =>
  isBkd(actor) || managesOpd(actor, o.opdId) || isSelf(actor, o.employeeId);

export const documentPolicy = definePolicy<DocumentOwnerRef, 'read' | 'download' | 'upload'>({
  read: ownsOrManages,
  download: ownsOrManages,
  upload: ownsOrManages,
});

export type DocumentAction = keyof typeof documentPolicy;

/**
 * The SQL scope of employees whose documents an actor may list: the same rule as
 * the policy, for the WHERE clause (no atasan branch, unlike employeeScope()).
 */
export function documentEmployeeScope(actor: Actor): Prisma.EmployeeWhereInput {
  if (isBkd(actor)) return {};
  const or: Prisma.EmployeeWhereInput[] = [];
  if (hasRole(actor, 'OPD_ADMIN') && actor.scopeOpdIds.length) or.push({ opdId: { in: actor.scopeOpdIds } });
  if (actor.employeeId != null) or.push({ id: actor.employeeId });
  return or.length ? { OR: or } : { id: -1 };
}

/** documentEmployeeScope() as a Document filter. */
export const documentScope = (actor: Actor): Prisma.DocumentWhereInput => ({ employee: documentEmployeeScope(actor) });

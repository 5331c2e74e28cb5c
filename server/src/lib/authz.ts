/**
 * The one authorization helper every module's policy.ts builds on.
 *
 *   const policy = definePolicy({ read: (actor, emp: EmployeeRef) => ..., update: ... });
 *   authorize(policy, 'read', actor, employee);   // throws 403
 *   can(policy, 'read', actor, employee);          // boolean (for presenters' abilities)
 *
 * List endpoints never filter after loading: they put employeeScope(actor) in the WHERE.
 */
import type { Actor } from '../auth/actor.ts';
import { Forbidden } from '../errors.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { Role } from '../generated/prisma/enums.ts';

export type Rule<R> = (actor: Actor, resource: R) => boolean;
export type Policy<R, A extends string> = Record<A, Rule<R>>;

export function definePolicy<R, A extends string>(rules: Policy<R, A>): Policy<R, A> {
  return rules;
}

export function can<R, A extends string>(policy: Policy<R, A>, action: A, actor: Actor | undefined, resource: R): boolean {
  return !!actor && policy[action](actor, resource);
}

export function authorize<R, A extends string>(
  policy: Policy<R, A>,
  action: A,
  actor: Actor | undefined,
  resource: R,
  message?: string,
): void {
  if (!can(policy, action, actor, resource)) throw Forbidden(message);
}

/** The actions of a policy the actor may take on a resource, for presenters. */
export function abilities<R, A extends string>(policy: Policy<R, A>, actor: Actor, resource: R): Record<A, boolean> {
  const out = {} as Record<A, boolean>;
  for (const action of Object.keys(policy) as A[]) out[action] = policy[action](actor, resource);
  return out;
}

export const hasRole = (actor: Actor, ...roles: Role[]) => roles.some((r) => actor.roles.includes(r));
export const isBkd = (actor: Actor) => hasRole(actor, 'BKD_VERIFIER', 'BKD_ADMIN');
export const isSelf = (actor: Actor, employeeId: number | null | undefined) =>
  employeeId != null && actor.employeeId === employeeId;
export const managesOpd = (actor: Actor, opdId: number | null | undefined) =>
  opdId != null && hasRole(actor, 'OPD_ADMIN') && actor.scopeOpdIds.includes(opdId);

/** Minimal facts about an employee a policy needs. */
export interface EmployeeRef {
  id: number;
  opdId: number;
  atasanId: number | null;
}

/** Who may see an employee: BKD roles, an OPD admin of their unit, their atasan, themself. */
export const canSeeEmployee: Rule<EmployeeRef> = (actor, e) =>
  isBkd(actor) || managesOpd(actor, e.opdId) || isSelf(actor, e.id) || isSelf(actor, e.atasanId);

/**
 * The SQL scope of employees an actor may list: the union of what each role grants.
 * Returns {} (everything) for BKD roles and an impossible filter for nobody.
 */
export function employeeScope(actor: Actor): Prisma.EmployeeWhereInput {
  if (isBkd(actor)) return {};
  const or: Prisma.EmployeeWhereInput[] = [];
  if (hasRole(actor, 'OPD_ADMIN') && actor.scopeOpdIds.length) or.push({ opdId: { in: actor.scopeOpdIds } });
  if (actor.employeeId != null) {
    or.push({ id: actor.employeeId });
    if (hasRole(actor, 'ATASAN')) or.push({ atasanId: actor.employeeId });
  }
  return or.length ? { OR: or } : { id: -1 };
}

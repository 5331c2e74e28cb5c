/**
 * Who acts next on a request: each state of a definition names roles (optionally only for
 * the request's OPD) and/or one person (the employee, their atasan). The engine keeps these
 * on the request at every transition, so "Tugas saya" and list scopes are plain queries.
 */
import type { Actor } from '../auth/actor.ts';
import type { Prisma, WorkflowRequest } from '../generated/prisma/client.ts';
import type { Assignee } from './types.ts';

export interface AssigneeColumns {
  assigneeRoles: string[];
  assigneeEmployeeId: number | null;
}

/** The assignee columns of a request in `state` (the atasan is looked up by the caller). */
export function assigneeColumns(assignee: Assignee | undefined, who: { employeeId: number; atasanId: number | null }): AssigneeColumns {
  if (!assignee) return { assigneeRoles: [], assigneeEmployeeId: null };
  const person = assignee.person === 'employee' ? who.employeeId : assignee.person === 'atasan' ? who.atasanId : null;
  return { assigneeRoles: [...(assignee.roles ?? [])], assigneeEmployeeId: person };
}

/** The roles of the actor as assignee entries: plain roles, and "ROLE:OPD" ones that hold for their OPDs. */
function actorAssigneeRoles(actor: Actor): { plain: string[]; scoped: string[] } {
  return { plain: [...actor.roles], scoped: actor.roles.map((r) => `${r}:OPD`) };
}

/** Is the request waiting for this actor (by role, OPD-scoped role, or as the person)? */
export function isAssignedTo(actor: Actor, req: Pick<WorkflowRequest, 'assigneeRoles' | 'assigneeEmployeeId' | 'opdId' | 'closedAt'>): boolean {
  if (req.closedAt) return false;
  if (req.assigneeEmployeeId != null && req.assigneeEmployeeId === actor.employeeId) return true;
  const { plain, scoped } = actorAssigneeRoles(actor);
  if (req.assigneeRoles.some((r) => plain.includes(r))) return true;
  return req.assigneeRoles.some((r) => scoped.includes(r)) && actor.scopeOpdIds.includes(req.opdId);
}

/** SQL: the open requests waiting for this actor ("Tugas saya"); their own requests wait for someone else. */
export function assignedScope(actor: Actor): Prisma.WorkflowRequestWhereInput {
  const { plain, scoped } = actorAssigneeRoles(actor);
  const or: Prisma.WorkflowRequestWhereInput[] = [{ assigneeRoles: { hasSome: plain } }];
  if (actor.scopeOpdIds.length) or.push({ assigneeRoles: { hasSome: scoped }, opdId: { in: actor.scopeOpdIds } });
  if (actor.employeeId != null) or.push({ assigneeEmployeeId: actor.employeeId });
  const notOwn: Prisma.WorkflowRequestWhereInput = actor.employeeId != null ? { NOT: { employeeId: actor.employeeId, assigneeEmployeeId: null } } : {};
  return { closedAt: null, OR: or, ...notOwn };
}


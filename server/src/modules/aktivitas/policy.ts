/**
 * Who may do what with daily activities: the employee records and edits their own (while not
 * approved); the direct superior (employee.atasanId) reviews. Lists are scoped in the query.
 */
import type { Actor } from '../../auth/actor.ts';
import { definePolicy, isSelf } from '../../lib/authz.ts';

export interface AktivitasRef {
  employeeId: number;
  atasanId: number | null;
  status: string;
}

export const aktivitasPolicy = definePolicy<AktivitasRef, 'read' | 'edit' | 'review'>({
  read: (actor: Actor, a) => isSelf(actor, a.employeeId) || (a.atasanId != null && isSelf(actor, a.atasanId)),
  edit: (actor: Actor, a) => isSelf(actor, a.employeeId) && a.status !== 'DISETUJUI',
  review: (actor: Actor, a) => a.atasanId != null && isSelf(actor, a.atasanId) && !isSelf(actor, a.employeeId) && a.status === 'DIAJUKAN',
});

/**
 * Who may do what in attendance: a reading is always the signed-in employee's own (the body
 * names nobody, the server stamps the time), and so is the month view; the schedule is read by
 * every signed-in user and replaced by a BKD admin (route auth).
 */
import type { Actor } from '../../auth/actor.ts';
import { definePolicy, isSelf } from '../../lib/authz.ts';

export const presensiPolicy = definePolicy<{ employeeId: number }, 'record' | 'read'>({
  record: (actor: Actor, r) => isSelf(actor, r.employeeId),
  read: (actor: Actor, r) => isSelf(actor, r.employeeId),
});

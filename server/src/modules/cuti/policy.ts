/**
 * Who may do what in e-Cuti. An ASN asks leave for themself only (the request is theirs to sign);
 * the balance and history are read by whoever may see the employee. The approvals are the
 * workflow's (definition.ts: atasan, then BKD or the OPD admin). The holiday calendar is read by
 * every signed-in user and edited by a BKD admin (route auth).
 */
import { canSeeEmployee, definePolicy, isSelf, type EmployeeRef } from '../../lib/authz.ts';

export const cutiPolicy = definePolicy<EmployeeRef, 'read' | 'request'>({
  read: canSeeEmployee,
  request: (actor, e) => isSelf(actor, e.id),
});

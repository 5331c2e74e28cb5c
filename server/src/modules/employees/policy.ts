import { canSeeEmployee, definePolicy, isBkd, isSelf, managesOpd, type EmployeeRef } from '../../lib/authz.ts';

/** What an actor may do with an employee's record. */
export const employeePolicy = definePolicy<EmployeeRef, 'read' | 'proposeChange' | 'viewAudit' | 'viewDocuments' | 'export'>({
  read: canSeeEmployee,
  /** The ASN themself, their OPD admin, or BKD staff (all go through verification). */
  proposeChange: (actor, e) => isSelf(actor, e.id) || managesOpd(actor, e.opdId) || isBkd(actor),
  viewAudit: (actor) => isBkd(actor),
  viewDocuments: (actor, e) => isSelf(actor, e.id) || managesOpd(actor, e.opdId) || isBkd(actor),
  export: (actor) => isBkd(actor),
});

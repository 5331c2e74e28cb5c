import { canSeeEmployee, definePolicy, isBkd, isSelf, managesOpd, type EmployeeRef } from '../../lib/authz.ts';

/** What an actor may do with an employee's record. */
export const employeePolicy = definePolicy<EmployeeRef, 'read' | 'viewPersonal' | 'proposeChange' | 'viewAudit' | 'viewDocuments' | 'export'>({
  read: canSeeEmployee,
  /**
   * Personal data (NIK, NPWP, address, contacts, religion, marital status, birth data) and the
   * family: the ASN themself, their OPD admin and BKD. An atasan sees the work data only.
   */
  viewPersonal: (actor, e) => isSelf(actor, e.id) || managesOpd(actor, e.opdId) || isBkd(actor),
  /** The ASN themself, their OPD admin, or BKD staff (all go through verification). */
  proposeChange: (actor, e) => isSelf(actor, e.id) || managesOpd(actor, e.opdId) || isBkd(actor),
  viewAudit: (actor) => isBkd(actor),
  viewDocuments: (actor, e) => isSelf(actor, e.id) || managesOpd(actor, e.opdId) || isBkd(actor),
  export: (actor) => isBkd(actor),
});

import { definePolicy, isBkd, isSelf, managesOpd } from '../../lib/authz.ts';

/** Vault documents attached to a request: the owner, their OPD admin, BKD roles (not the atasan). */
export const documentsPolicyRef = definePolicy<{ employeeId: number; opdId: number }, 'download'>({
  download: (actor, r) => isSelf(actor, r.employeeId) || managesOpd(actor, r.opdId) || isBkd(actor),
});

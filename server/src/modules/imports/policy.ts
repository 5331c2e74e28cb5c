import { definePolicy, hasRole } from '../../lib/authz.ts';

/** Bulk imports write any record of the agency: BKD admins only. */
export const importPolicy = definePolicy<Record<string, never>, 'create' | 'read'>({
  create: (actor) => hasRole(actor, 'BKD_ADMIN'),
  read: (actor) => hasRole(actor, 'BKD_ADMIN'),
});

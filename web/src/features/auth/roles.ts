import type { Me, Role } from '../../api/types';

export type { Role } from '../../api/types';
export { ROLES } from '../../api/types';

/** Mantine colour per role badge. */
export const ROLE_COLORS: Record<Role, string> = {
  ASN: 'simak',
  ATASAN: 'teal',
  OPD_ADMIN: 'grape',
  BKD_VERIFIER: 'orange',
  BKD_ADMIN: 'red',
};

/** True when the user holds at least one of `roles` (an empty list means "any signed-in user"). */
export function hasAnyRole(me: Pick<Me, 'roles'> | null | undefined, roles: readonly Role[]): boolean {
  if (!me) return false;
  if (roles.length === 0) return true;
  return roles.some((role) => me.roles.includes(role));
}

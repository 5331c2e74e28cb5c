import { appToday } from '@simak/shared';
import type { Me } from '@simak/shared/api/auth';
import type { Actor } from '../../auth/actor.ts';

export const presentMe = (a: Actor): Me => ({
  id: a.userId,
  username: a.username,
  displayName: a.displayName,
  roles: a.roles,
  opds: a.opds,
  employeeId: a.employeeId,
  nip: a.nip,
  mustChangePassword: a.mustChangePassword,
  today: appToday(),
});

import { definePolicy, hasRole } from '../../lib/authz.ts';

export const userPolicy = definePolicy<{ id: number }, 'resetPassword'>({
  resetPassword: (actor, target) => hasRole(actor, 'BKD_ADMIN') && actor.userId !== target.id,
});

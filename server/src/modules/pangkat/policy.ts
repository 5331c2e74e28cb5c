/**
 * Who may see and change e-Pangkat data. The eligibility list: BKD verifiers and admins see every
 * unit and any period; an OPD admin sees the units in their scope (the granted OPDs and every unit
 * under them), for the next periods only. Periods and windows are edited by a BKD admin (route
 * auth). Angka kredit: recorded by BKD or the employee's OPD admin, read by whoever may see the
 * employee.
 */
import type { Actor } from '../../auth/actor.ts';
import { authorize, canSeeEmployee, definePolicy, hasRole, isBkd, managesOpd, type EmployeeRef } from '../../lib/authz.ts';

/** What an eligibility list is about: one unit (with the units under it) or the whole scope (null). */
export interface KpListRef {
  opdId: number | null;
  /** The period is one of the next periods an OPD admin may look at. */
  upcoming: boolean;
}

export const kpListPolicy = definePolicy({
  view: (actor: Actor, s: KpListRef) =>
    isBkd(actor) || (hasRole(actor, 'OPD_ADMIN') && s.upcoming && (s.opdId == null ? actor.scopeOpdIds.length > 0 : managesOpd(actor, s.opdId))),
});

export const angkaKreditPolicy = definePolicy<EmployeeRef, 'read' | 'record'>({
  read: canSeeEmployee,
  record: (actor, e) => isBkd(actor) || managesOpd(actor, e.opdId),
});

export function authorizeList(actor: Actor, ref: KpListRef) {
  const message = !ref.upcoming && !isBkd(actor)
    ? 'Admin OPD hanya dapat melihat daftar untuk periode-periode mendatang.'
    : 'OPD ini di luar lingkup Anda.';
  authorize(kpListPolicy, 'view', actor, ref, message);
}

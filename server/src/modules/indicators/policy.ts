/**
 * Who may see and configure the indicators. BKD verifiers and admins see every
 * unit and the whole agency; an OPD admin sees an OPD inside their scope (the
 * granted OPDs and every unit under them), never the agency as a whole. Only a
 * BKD admin edits targets, weights and predicate scores, and freezes snapshots.
 */
import type { Actor } from '../../auth/actor.ts';
import { authorize, definePolicy, hasRole, isBkd, managesOpd } from '../../lib/authz.ts';

/** The unit an indicator request is about (null = the whole agency). */
export interface IndicatorScopeRef {
  opdId: number | null;
}

export const indicatorPolicy = definePolicy({
  view: (actor: Actor, s: IndicatorScopeRef) => isBkd(actor) || (s.opdId != null && managesOpd(actor, s.opdId)),
  configure: (actor: Actor) => hasRole(actor, 'BKD_ADMIN'),
  snapshot: (actor: Actor) => hasRole(actor, 'BKD_ADMIN'),
});

export function authorizeView(actor: Actor, opdId: number | null) {
  authorize(
    indicatorPolicy,
    'view',
    actor,
    { opdId },
    opdId == null ? 'Indikator seluruh instansi hanya untuk BKD; pilih OPD dalam lingkup Anda.' : 'OPD ini di luar lingkup Anda.',
  );
}

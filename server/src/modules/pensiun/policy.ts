/**
 * Who may see and change e-Pensiun data. The forecast: BKD sees every unit, an OPD admin the units
 * in their scope. The BUP table: read by staff, edited by a BKD admin (route auth). Files: the
 * engine's rules (definition.ts); opening one: BKD or the employee's OPD admin (open.ts).
 */
import type { Actor } from '../../auth/actor.ts';
import { authorize, definePolicy, hasRole, isBkd, managesOpd } from '../../lib/authz.ts';

export const forecastPolicy = definePolicy({
  view: (actor: Actor, s: { opdId: number | null }) => isBkd(actor) || (hasRole(actor, 'OPD_ADMIN') && (s.opdId == null ? actor.scopeOpdIds.length > 0 : managesOpd(actor, s.opdId))),
});

export function authorizeForecast(actor: Actor, opdId: number | null) {
  authorize(forecastPolicy, 'view', actor, { opdId }, 'OPD ini di luar lingkup Anda.');
}

import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db.ts';
import { employeeScope, hasRole, isBkd } from '../../lib/authz.ts';

const ACTIVE = { statusKepegawaian: { in: ['PNS', 'CPNS', 'PPPK'] as ('PNS' | 'CPNS' | 'PPPK')[] }, tmtBerhenti: null };

/** Role-dependent summary numbers for the home page; every count is scoped in SQL. */
export async function homeCards(db: Db, actor: Actor) {
  const cards: { key: string; value: number | string }[] = [];
  if (actor.employeeId) {
    const me = await db.employee.findUnique({ where: { id: actor.employeeId }, include: { opd: true } });
    if (me) {
      cards.push({ key: 'my_golongan', value: me.golongan ?? '-' });
      cards.push({ key: 'my_opd', value: me.opd.nama });
    }
  }
  if (hasRole(actor, 'ATASAN') && actor.employeeId) {
    cards.push({ key: 'my_subordinates', value: await db.employee.count({ where: { atasanId: actor.employeeId, ...ACTIVE } }) });
  }
  if (hasRole(actor, 'OPD_ADMIN') && !isBkd(actor)) {
    cards.push({
      key: 'employees_in_my_opds',
      value: await db.employee.count({ where: { AND: [employeeScope(actor), { opdId: { in: actor.scopeOpdIds } }, ACTIVE] } }),
    });
  }
  if (isBkd(actor)) {
    const [employees, opds] = await Promise.all([db.employee.count({ where: ACTIVE }), db.opd.count()]);
    cards.push({ key: 'employees_total', value: employees }, { key: 'opd_total', value: opds });
  }
  return cards;
}

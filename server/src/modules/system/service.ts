import { addMonths, dateToIso, type IsoDate } from '@simak/shared';
import { forecast } from '../pensiun/forecast.ts';
import type { HomeLink, HomeQueue } from '@simak/shared/api/auth';
import { appToday } from '@simak/shared/clock';
import type { Actor } from '../../auth/actor.ts';
import { Prisma, type Db } from '../../db.ts';
import { employeeScope, hasRole, isBkd } from '../../lib/authz.ts';
import { assignedScope } from '../../workflow/assignee.ts';
import { requestScope } from '../../workflow/engine.ts';
import { WORKFLOWS, workflowOf } from '../../workflow/registry.ts';
import { fullName } from '../../lib/names.ts';

/** "ASN aktif": PNS, CPNS and PPPK who have not left; records also hold KONTRAK staff and those who left. */
const ACTIVE = { statusKepegawaian: { in: ['PNS', 'CPNS', 'PPPK'] as ('PNS' | 'CPNS' | 'PPPK')[] }, tmtBerhenti: null };

/** How far ahead the OPD admin sees KGB falling due, and retirements (months). */
export const KGB_DUE_MONTHS = 3;
export const RETIRING_MONTHS = 12;

const link = (path: string, query: Record<string, string> = {}): HomeLink => ({ path, query });
const requestLink = (id: number) => link(`/usulan/${id}`);
const employeeLink = (id: number) => link(`/pegawai/${id}`);

type Card = { key: string; value: number | string; link?: HomeLink | null };

/** Role-dependent summary numbers for the home page; every count is scoped in SQL. */
export async function homeCards(db: Db, actor: Actor): Promise<Card[]> {
  const cards: Card[] = [];
  if (actor.employeeId) {
    const me = await db.employee.findUnique({ where: { id: actor.employeeId }, include: { opd: true } });
    if (me) {
      cards.push({ key: 'my_golongan', value: me.golongan ?? '-' });
      cards.push({ key: 'my_opd', value: me.opd.nama });
      // e-Pensiun: from the moment the file opens, its state on the retiring ASN's home.
      const file = await db.workflowRequest.findFirst({ where: { type: 'PENSIUN', employeeId: me.id, state: { not: 'DIBATALKAN' } }, orderBy: { id: 'desc' }, select: { id: true, state: true } });
      if (file) cards.push({ key: 'my_pensiun', value: workflowOf('PENSIUN')?.def.states[file.state]?.label ?? file.state, link: requestLink(file.id) });
    }
  }
  if (hasRole(actor, 'OPD_ADMIN') && !isBkd(actor)) {
    const scope = { AND: [employeeScope(actor), { opdId: { in: actor.scopeOpdIds } }] };
    const [active, records] = await Promise.all([
      db.employee.count({ where: { AND: [scope, ACTIVE] } }),
      db.employee.count({ where: scope }),
    ]);
    cards.push(
      { key: 'employees_in_my_opds', value: active, link: link('/opd/pegawai') },
      { key: 'records_in_my_opds', value: records, link: link('/opd/pegawai', { aktif: 'all' }) },
    );
  }
  if (isBkd(actor)) {
    const [employees, records, opds] = await Promise.all([db.employee.count({ where: ACTIVE }), db.employee.count(), db.opd.count()]);
    cards.push(
      { key: 'employees_total', value: employees, link: link('/pegawai') },
      { key: 'records_total', value: records, link: link('/pegawai', { aktif: 'all' }) },
      { key: 'opd_total', value: opds },
    );
  }
  return cards;
}

/** The actor's work queues for the home page: counts, the item waiting longest, the filtered list. */
export async function homeQueues(db: Db, actor: Actor, today: IsoDate = appToday()): Promise<HomeQueue[]> {
  const queues: HomeQueue[] = [...(await taskQueues(db, actor))];
  if (hasRole(actor, 'OPD_ADMIN') && actor.scopeOpdIds.length) {
    queues.push(await kgbDueQueue(db, actor.scopeOpdIds, today), await retiringQueue(db, actor.scopeOpdIds, today));
  } else if (isBkd(actor)) {
    queues.push(await retiringQueue(db, null, today));
  }
  if (hasRole(actor, 'ATASAN') && actor.employeeId != null) {
    const count = await db.employee.count({ where: { atasanId: actor.employeeId, ...ACTIVE } });
    queues.push({ key: 'team', kind: 'team', label: 'Tim saya', count, oldest: null, link: link('/bawahan') });
    queues.push(await aktivitasReviewQueue(db, actor.employeeId));
  }
  if (actor.employeeId != null && hasRole(actor, 'ASN')) queues.push(await myOpenQueue(db, actor.employeeId));
  return queues;
}

/** Subordinates' daily activities waiting for the atasan's review (the oldest day first). */
async function aktivitasReviewQueue(db: Db, atasanId: number): Promise<HomeQueue> {
  const where = { status: 'DIAJUKAN', employee: { atasanId }, employeeId: { not: atasanId } };
  const [count, first] = await Promise.all([
    db.aktivitasHarian.count({ where }),
    db.aktivitasHarian.findFirst({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true, createdAt: true, uraian: true, employee: { select: { nama: true } } } }),
  ]);
  return {
    key: 'aktivitas_review',
    kind: 'aktivitas_review',
    label: 'Aktivitas bawahan menunggu penilaian',
    count,
    oldest: first ? { id: first.id, title: `${first.employee.nama}: ${first.uraian}`.slice(0, 120), date: first.createdAt.toISOString(), dateKind: 'since', link: link('/tim', { tab: 'aktivitas' }) } : null,
    link: link('/tim', { tab: 'aktivitas' }),
  };
}

/** Requests waiting for the actor, per type (the grouping of GET /api/requests/tasks). */
async function taskQueues(db: Db, actor: Actor): Promise<HomeQueue[]> {
  const where: Prisma.WorkflowRequestWhereInput = { AND: [requestScope(actor), assignedScope(actor)] };
  const groups = await db.workflowRequest.groupBy({ by: ['type'], where, _count: { _all: true } });
  const oldest = await Promise.all(
    groups.map((g) =>
      db.workflowRequest.findFirst({
        where: { AND: [where, { type: g.type }] },
        orderBy: [{ stateSince: 'asc' }, { id: 'asc' }],
        select: { id: true, title: true, stateSince: true },
      }),
    ),
  );
  // BKD staff and OPD admins see every registered type, an empty queue included; others only what waits.
  const all = isBkd(actor) || hasRole(actor, 'OPD_ADMIN') ? Object.keys(WORKFLOWS).filter((type) => !groups.some((g) => g.type === type)) : [];
  const empty: HomeQueue[] = all.map((type) => ({
    key: `tasks:${type}`,
    kind: 'tasks',
    label: workflowOf(type)?.def.label ?? type,
    count: 0,
    oldest: null,
    link: link('/tugas', { type }),
  }));
  return groups
    .map((g, i): HomeQueue => {
      const o = oldest[i];
      return {
        key: `tasks:${g.type}`,
        kind: 'tasks',
        label: workflowOf(g.type)?.def.label ?? g.type,
        count: g._count._all,
        oldest: o ? { id: o.id, title: o.title, date: o.stateSince.toISOString(), dateKind: 'since', link: requestLink(o.id) } : null,
        link: link('/tugas', { type: g.type }),
      };
    })
    .concat(empty)
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** The ASN's own open requests (waiting for someone, or for them). */
async function myOpenQueue(db: Db, employeeId: number): Promise<HomeQueue> {
  const where = { employeeId, closedAt: null };
  const [count, o] = await Promise.all([
    db.workflowRequest.count({ where }),
    db.workflowRequest.findFirst({ where, orderBy: [{ stateSince: 'asc' }, { id: 'asc' }], select: { id: true, title: true, stateSince: true } }),
  ]);
  return {
    key: 'my_open',
    kind: 'my_open',
    label: 'Usulan saya dalam proses',
    count,
    oldest: o ? { id: o.id, title: o.title, date: o.stateSince.toISOString(), dateKind: 'since', link: requestLink(o.id) } : null,
    link: link('/usulan', { status: 'open' }),
  };
}

/** Active employees of the OPDs whose next KGB (kgb_schedule) falls due within KGB_DUE_MONTHS. */
async function kgbDueQueue(db: Db, opdIds: number[], today: IsoDate): Promise<HomeQueue> {
  const horizon = addMonths(today, KGB_DUE_MONTHS);
  const rows = await db.$queryRaw<{ n: number; id: number | null; nama: string | null; gelar_depan: string | null; gelar_belakang: string | null; tmt: Date | null }[]>`
    WITH due AS (
      SELECT e.id, e.nama, e.gelar_depan, e.gelar_belakang, k.next_tmt
      FROM kgb_schedule k JOIN employee e ON e.id = k.employee_id
      WHERE e.opd_id = ANY(${opdIds}::int[]) AND e.tmt_berhenti IS NULL
        AND e.status_kepegawaian::text IN ('PNS', 'CPNS', 'PPPK')
        AND k.next_tmt >= ${today}::date AND k.next_tmt <= ${horizon}::date)
    SELECT (SELECT count(*)::int FROM due) AS n, d.id, d.nama, d.gelar_depan, d.gelar_belakang, d.next_tmt AS tmt
    FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT * FROM due ORDER BY next_tmt, id LIMIT 1) d ON true`;
  const r = rows[0];
  return {
    key: 'opd_kgb_due',
    kind: 'opd_kgb_due',
    label: 'KGB jatuh tempo 3 bulan ke depan',
    count: r?.n ?? 0,
    oldest:
      r?.id != null && r.tmt
        ? { id: r.id, title: fullName({ nama: r.nama ?? '', gelarDepan: r.gelar_depan, gelarBelakang: r.gelar_belakang }), date: dateToIso(r.tmt), dateKind: 'due', link: employeeLink(r.id) }
        : null,
    link: link('/opd/pegawai'),
  };
}

/**
 * Active PNS/CPNS of the OPDs (null: every unit) whose pension TMT falls within RETIRING_MONTHS:
 * the e-Pensiun forecast, so the BUP table in force (bup_rule, configuration) decides, not
 * built-in rules. The first is the nearest TMT; the link opens the e-Pensiun page.
 */
async function retiringQueue(db: Db, opdIds: number[] | null, today: IsoDate): Promise<HomeQueue> {
  const f = await forecast(db, { asOf: today, months: RETIRING_MONTHS, opdIds });
  const first = f.items[0];
  return {
    key: 'opd_retiring',
    kind: 'opd_retiring',
    label: 'Pensiun 12 bulan ke depan',
    count: f.count,
    oldest: first ? { id: first.employeeId, title: first.nama, date: first.tmtPensiun, dateKind: 'due', link: first.file ? requestLink(first.file.requestId) : employeeLink(first.employeeId) } : null,
    link: link('/pensiun', { bulan: '12' }),
  };
}

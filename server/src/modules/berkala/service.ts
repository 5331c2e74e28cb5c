import { addMonths, dateToIso, isoToDate, kgbTimeliness, appToday, todayJakarta, type IsoDate } from '@simak/shared';
import type { Db } from '../../db.ts';
import { syncEmployeeCache } from '../employees/histories.ts';
import { presentLetter } from '../letters/format.ts';
import { getSetting } from '../settings/service.ts';
import { stateOf } from '../../workflow/types.ts';
import { kgbWorkflow } from './definition.ts';

/** KGBs whose TMT has arrived: the employee's cached salary takes the new value (idempotent). */
export async function applyDueKgb(db: Db, today: IsoDate = appToday()): Promise<number> {
  const rows = await db.$queryRaw<{ employee_id: number }[]>`
    SELECT DISTINCT k.employee_id FROM riwayat_kgb k JOIN employee e ON e.id = k.employee_id
    WHERE k.tmt <= ${isoToDate(today)}::date AND (e.tmt_kgb_terakhir IS NULL OR e.tmt_kgb_terakhir < k.tmt)`;
  for (const r of rows) await db.$transaction((tx) => syncEmployeeCache(tx, r.employee_id));
  return rows.length;
}

/** KGB falling due in the next 3, 6 and 12 months by OPD, the queue by state, and the on-time rate of a year. */
export async function berkalaDashboard(db: Db, year: number, today: IsoDate = appToday()) {
  const t = isoToDate(today);
  const [d3, d6, d12] = [3, 6, 12].map((m) => isoToDate(addMonths(today, m)));
  const due = await db.$queryRaw<{ opd_id: number; kode: string; nama: string; m3: number; m6: number; m12: number }[]>`
    SELECT o.id AS opd_id, o.kode, o.nama,
      COUNT(*) FILTER (WHERE ks.next_tmt <= ${d3}::date)::int AS m3,
      COUNT(*) FILTER (WHERE ks.next_tmt <= ${d6}::date)::int AS m6,
      COUNT(*)::int AS m12
    FROM kgb_schedule ks JOIN employee e ON e.id = ks.employee_id JOIN opd o ON o.id = e.opd_id
    WHERE ks.next_tmt >= ${t}::date AND ks.next_tmt <= ${d12}::date
      AND e.status_kepegawaian IN ('PNS', 'CPNS') AND e.tmt_berhenti IS NULL
    GROUP BY o.id, o.kode, o.nama ORDER BY m3 DESC, o.nama`;
  const queue = await db.workflowRequest.groupBy({ by: ['state'], where: { type: 'KGB' }, _count: { _all: true } });
  const yearRows = await db.$queryRaw<{ tmt: Date; state: string; finalized_at: Date | null }[]>`
    SELECT d.tmt, r.state, (SELECT MAX(ev.at) FROM request_event ev WHERE ev.request_id = r.id AND ev.action = 'finalize') AS finalized_at
    FROM kgb_draft d JOIN workflow_request r ON r.id = d.request_id
    WHERE d.tmt >= make_date(${year}::int, 1, 1) AND d.tmt <= LEAST(make_date(${year}::int, 12, 31), ${t}::date) AND r.state <> 'DITUNDA'`;
  let onTime = 0;
  let early = 0;
  for (const r of yearRows) {
    if (!r.finalized_at) continue;
    // The day of finalizing as the office saw it (WIB), not the UTC date of the instant.
    const tl = kgbTimeliness(todayJakarta(r.finalized_at), dateToIso(r.tmt));
    if (tl.onTime) onTime++;
    if (tl.early) early++;
  }
  const n = yearRows.length;
  return {
    today,
    leadMonths: await getSetting(db, 'berkala.lead_months'),
    dueByOpd: due.map((r) => ({ opd: { id: r.opd_id, kode: r.kode, nama: r.nama }, next3: r.m3, next6: r.m6, next12: r.m12 })),
    totals: { next3: due.reduce((a, r) => a + r.m3, 0), next6: due.reduce((a, r) => a + r.m6, 0), next12: due.reduce((a, r) => a + r.m12, 0) },
    queue: Object.fromEntries(queue.map((q) => [q.state, q._count._all])),
    onTime: { year, due: n, onTime, early, onTimeRate: n ? onTime / n : null, earlyRate: n ? early / n : null },
  };
}

export async function myKgb(db: Db, employeeId: number) {
  const [e, schedule] = await Promise.all([
    db.employee.findUnique({ where: { id: employeeId }, select: { gajiPokok: true, tmtKgbTerakhir: true, statusKepegawaian: true } }),
    db.kgbSchedule.findUnique({ where: { employeeId } }),
  ]);
  if (!e) return null;
  const draft = await db.kgbDraft.findFirst({ where: { employeeId }, orderBy: { tmt: 'desc' } });
  const req = draft ? await db.workflowRequest.findUnique({ where: { id: draft.requestId }, select: { id: true, state: true } }) : null;
  const letter = draft ? await db.letter.findUnique({ where: { requestId: draft.requestId }, select: { id: true, number: true, documentId: true, date: true, token: true, sha256: true } }) : null;
  const state = req ? stateOf(kgbWorkflow.states, req.state) : undefined;
  return {
    nextTmt: schedule ? dateToIso(schedule.nextTmt) : null,
    gajiPokok: e.gajiPokok,
    tmtKgbTerakhir: e.tmtKgbTerakhir ? dateToIso(e.tmtKgbTerakhir) : null,
    current: draft
      ? {
          requestId: req?.id ?? null,
          state: req?.state ?? null,
          stateLabel: state?.label ?? null,
          tone: state?.tone ?? null,
          tmt: dateToIso(draft.tmt),
          gajiPokokBaru: draft.gajiPokokBaru,
          postponed: draft.postponed,
          reasons: draft.reasons,
          letter: letter ? presentLetter(letter) : null,
        }
      : null,
  };
}

/**
 * Output counters of INDICATORS.md, live for the year (1 January of Y up to D, in
 * Asia/Jakarta), scoped by the OPD a request was made for (workflow_request.opd_id):
 * KGB letters issued, ASN who received a promotion SK (e-Pangkat: the SK recorded in the
 * year), data-change requests verified, mean days from submission to decision per request
 * type, and ASN who received a pension SK (e-Pensiun: the SK recorded in the year).
 */
import type { Counters } from '@simak/shared/api/indicators';
import type { Db } from '../../db.ts';
import { Prisma } from '../../db.ts';
import { WORKFLOWS } from '../../workflow/registry.ts';
import type { Scope } from './scope.ts';

const sql = Prisma.sql;

/** The states that are a decision on a request: closing ones except cancellation, and rejection. */
export function decisionStates(): { type: string; label: string; state: string }[] {
  const out: { type: string; label: string; state: string }[] = [];
  for (const { def } of Object.values(WORKFLOWS)) {
    for (const [state, s] of Object.entries(def.states)) {
      if ((s.final && state !== 'DIBATALKAN') || state === 'DITOLAK') out.push({ type: def.type, label: def.label, state });
    }
  }
  return out;
}

export async function computeCounters(db: Db, scope: Pick<Scope, 'year' | 'asOf' | 'units'>): Promise<Counters> {
  const y0 = sql`make_date(${scope.year}::int, 1, 1)`;
  const d = sql`${scope.asOf}::date`;
  const unit = scope.units ? sql`AND r.opd_id = ANY(${scope.units}::int[])` : Prisma.empty;
  const localDate = (col: string) => sql`((${Prisma.raw(col)} AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Jakarta')::date`;
  const decisions = decisionStates();

  const [kgb, promotions, pensions, dataChange, times] = await Promise.all([
    db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM letter l JOIN workflow_request r ON r.id = l.request_id
      WHERE l.kind = 'KGB' AND l.date >= ${y0} AND l.date <= ${d} ${unit}`,
    // "ASN yang menerima dokumen kepangkatan": people whose KP SK was recorded in the period.
    db.$queryRaw<{ n: number }[]>`
      SELECT count(DISTINCT r.employee_id)::int AS n
      FROM request_event ev JOIN workflow_request r ON r.id = ev.request_id
      WHERE r.type = 'KP' AND ev.to_state = 'SK_TERBIT'
        AND ${localDate('ev.at')} >= ${y0} AND ${localDate('ev.at')} <= ${d} ${unit}`,
    // "ASN menerima SK pensiun": people whose pension SK was recorded in the period.
    db.$queryRaw<{ n: number }[]>`
      SELECT count(DISTINCT r.employee_id)::int AS n
      FROM request_event ev JOIN workflow_request r ON r.id = ev.request_id
      WHERE r.type = 'PENSIUN' AND ev.to_state = 'SK_TERBIT'
        AND ${localDate('ev.at')} >= ${y0} AND ${localDate('ev.at')} <= ${d} ${unit}`,
    db.$queryRaw<{ n: number }[]>`
      SELECT count(DISTINCT ev.request_id)::int AS n
      FROM request_event ev JOIN workflow_request r ON r.id = ev.request_id
      WHERE r.type = 'DATA_CHANGE' AND ev.to_state IN ('DISETUJUI', 'DITOLAK')
        AND ${localDate('ev.at')} >= ${y0} AND ${localDate('ev.at')} <= ${d} ${unit}`,
    // A request's first decision in the period, measured from its latest (re)submission before it.
    db.$queryRaw<{ type: string; decided: number; avg_days: number | null }[]>`
      WITH dec AS (
        SELECT DISTINCT ON (ev.request_id) ev.request_id, r.type, ev.at
        FROM request_event ev JOIN workflow_request r ON r.id = ev.request_id
        WHERE (r.type, ev.to_state) IN (SELECT * FROM unnest(${decisions.map((x) => x.type)}::text[], ${decisions.map((x) => x.state)}::text[]))
          AND ${localDate('ev.at')} >= ${y0} AND ${localDate('ev.at')} <= ${d} ${unit}
        ORDER BY ev.request_id, ev.at, ev.id
      )
      SELECT dec.type, count(*)::int AS decided,
        avg(EXTRACT(EPOCH FROM dec.at - sub.at) / 86400)::float8 AS avg_days
      FROM dec
      CROSS JOIN LATERAL (
        SELECT COALESCE(max(s.at), (SELECT wr.submitted_at FROM workflow_request wr WHERE wr.id = dec.request_id)) AS at
        FROM request_event s
        WHERE s.request_id = dec.request_id AND s.action IN ('create', 'resubmit', 'submit') AND s.at <= dec.at
      ) sub
      GROUP BY dec.type`,
  ]);

  const labels = new Map(decisions.map((x) => [x.type, x.label]));
  const byType = new Map(times.map((t) => [t.type, t]));
  return {
    kgbLetters: kgb[0]?.n ?? 0,
    promotionSks: promotions[0]?.n ?? 0,
    pensionSks: pensions[0]?.n ?? 0,
    dataChangeVerified: dataChange[0]?.n ?? 0,
    decisionTimes: [...labels.entries()].map(([type, label]) => ({
      type,
      label,
      decided: byType.get(type)?.decided ?? 0,
      averageDays: byType.get(type)?.avg_days ?? null,
    })),
    flags: [],
    notes: [],
  };
}

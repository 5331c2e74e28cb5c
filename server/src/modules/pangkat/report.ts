/**
 * e-Pangkat reports per period and OPD (part 6): eligible, proposed, returned, approved, SK
 * recorded and TMS per unit, the average days of each step from the proposals' timelines, and
 * the same as an XLSX workbook. Scoped in the query like the eligibility list.
 */
import { appToday, formatTanggal, type IsoDate } from '@simak/shared';
import type { KpReportQuery, KpReportResult, KpReportRow } from '@simak/shared/api/pangkat';
import ExcelJS from 'exceljs';
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db.ts';
import { Prisma } from '../../db.ts';
import { Forbidden, NotFound, Unprocessable } from '../../errors.ts';
import { hasRole, isBkd } from '../../lib/authz.ts';
import { loadOpdTree } from '../indicators/scope.ts';
import { currentPeriod, loadCalendar, presentPeriod, windowOrFail } from './periods.ts';
import { judgePeriod } from './service.ts';

const sql = Prisma.sql;

const STEPS = [
  { key: 'verifikasi', label: 'Verifikasi BKD (diajukan → diputus)', pairs: [['submit', 'approve'], ['submit', 'return_incomplete'], ['submit', 'reject_tms']] },
  { key: 'perbaikan', label: 'Perbaikan berkas oleh OPD (dikembalikan → diajukan lagi)', pairs: [['return_incomplete', 'submit']] },
  { key: 'pertek', label: 'Pertek BKN (disetujui → pertek)', pairs: [['approve', 'record_pertek']] },
  { key: 'penetapan_sk', label: 'Penetapan SK (disetujui/pertek → SK)', pairs: [['approve', 'record_sk'], ['record_pertek', 'record_sk']] },
] as const;

type Counts = Omit<KpReportRow, 'opd'>;
const zero = (): Counts => ({ eligible: 0, proposed: 0, returned: 0, approved: 0, skRecorded: 0, tms: 0 });

export async function kpReport(db: Db, actor: Actor, query: Omit<KpReportQuery, 'format'>, today: IsoDate = appToday()): Promise<KpReportResult> {
  if (!isBkd(actor) && !hasRole(actor, 'OPD_ADMIN')) throw Forbidden();
  const cal = await loadCalendar(db);
  const window = query.period ? windowOrFail(cal, query.period) : currentPeriod(cal, today);
  if (!window) throw Unprocessable('no_kp_period', 'Tidak ada periode KP mendatang menurut aturan periode yang berlaku.');
  const tree = await loadOpdTree(db);
  let units: number[] | null = isBkd(actor) ? null : actor.scopeOpdIds;
  let opd: KpReportResult['opd'] = null;
  if (query.opd) {
    const node = tree.byKode.get(query.opd);
    if (!node) throw NotFound(`OPD dengan kode ${query.opd}`, 'opd_not_found');
    const sub = tree.subtree(node.id);
    if (units && !sub.every((u) => units!.includes(u))) throw Forbidden('OPD ini di luar lingkup Anda.');
    units = sub;
    opd = tree.ref(node.id);
  }
  const unitSql = units ? sql`AND r.opd_id = ANY(${units}::int[])` : Prisma.empty;

  const [verdicts, proposals, steps] = await Promise.all([
    judgePeriod(db, cal, window, { opdIds: units }, today),
    db.$queryRaw<{ employee_id: number; opd_id: number; state: string; returned: boolean; approved: boolean }[]>`
      SELECT r.employee_id, r.opd_id, r.state,
        EXISTS (SELECT 1 FROM request_event e WHERE e.request_id = r.id AND e.action = 'return_incomplete') AS returned,
        EXISTS (SELECT 1 FROM request_event e WHERE e.request_id = r.id AND e.action = 'approve') AS approved
      FROM workflow_request r
      WHERE r.type = 'KP' AND r.payload->>'period' = ${window.period} AND r.state <> 'DIBATALKAN' ${unitSql}`,
    db.$queryRaw<{ prev: string; action: string; n: number; avg_days: number | null }[]>`
      WITH ev AS (
        SELECT e.action, e.at, lag(e.action) OVER w AS prev, lag(e.at) OVER w AS prev_at
        FROM request_event e JOIN workflow_request r ON r.id = e.request_id
        WHERE r.type = 'KP' AND r.payload->>'period' = ${window.period} ${unitSql}
        WINDOW w AS (PARTITION BY e.request_id ORDER BY e.at, e.id)
      )
      SELECT prev, action, count(*)::int AS n, avg(EXTRACT(EPOCH FROM at - prev_at) / 86400)::float8 AS avg_days
      FROM ev WHERE prev IS NOT NULL GROUP BY prev, action`,
  ]);

  const rows = new Map<number, Counts>();
  const row = (opdId: number) => rows.get(opdId) ?? rows.set(opdId, zero()).get(opdId)!;
  const proposedPeople = new Set(proposals.map((p) => p.employee_id));
  for (const v of verdicts) if (v.result.eligible && !proposedPeople.has(v.row.id)) row(v.row.opd_id).eligible++;
  for (const p of proposals) {
    const c = row(p.opd_id);
    c.eligible++;
    c.proposed++;
    if (p.returned) c.returned++;
    if (p.approved) c.approved++;
    if (p.state === 'SK_TERBIT') c.skRecorded++;
    if (p.state === 'TMS') c.tms++;
  }
  const out: KpReportRow[] = [...rows.entries()]
    .map(([opdId, c]) => ({ opd: tree.ref(opdId), ...c }))
    .sort((a, b) => a.opd.kode.localeCompare(b.opd.kode));
  const totals = zero();
  for (const r of out) for (const k of Object.keys(totals) as (keyof Counts)[]) totals[k] += r[k];

  return {
    period: presentPeriod(window, today),
    opd,
    rows: out,
    totals,
    steps: STEPS.map((s) => {
      const hits = steps.filter((x) => s.pairs.some(([a, b]) => x.prev === a && x.action === b));
      const n = hits.reduce((t, h) => t + h.n, 0);
      const days = hits.reduce((t, h) => t + (h.avg_days ?? 0) * h.n, 0);
      return { key: s.key, label: s.label, count: n, averageDays: n ? days / n : null };
    }),
  };
}

const HEADERS: [keyof Counts, string][] = [
  ['eligible', 'Memenuhi syarat'],
  ['proposed', 'Diusulkan'],
  ['returned', 'Pernah dikembalikan'],
  ['approved', 'Disetujui BKD'],
  ['skRecorded', 'SK tercatat'],
  ['tms', 'Tidak memenuhi syarat'],
];

/** The report as a workbook: one sheet per OPD row, one for the steps. */
export async function kpReportXlsx(r: KpReportResult): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SIMAK BKD';
  const ws = wb.addWorksheet('Rekap per OPD');
  ws.addRow([`Rekap usulan kenaikan pangkat periode ${formatTanggal(r.period.period)}${r.opd ? ` — ${r.opd.nama}` : ''}`]).font = { bold: true };
  ws.addRow([]);
  const head = ws.addRow(['Kode OPD', 'OPD', ...HEADERS.map(([, h]) => h)]);
  head.font = { bold: true };
  for (const x of r.rows) ws.addRow([x.opd.kode, x.opd.nama, ...HEADERS.map(([k]) => x[k])]);
  const total = ws.addRow(['', 'Jumlah', ...HEADERS.map(([k]) => r.totals[k])]);
  total.font = { bold: true };
  ws.columns.forEach((c, i) => (c.width = i === 1 ? 48 : i === 0 ? 14 : 16));

  const st = wb.addWorksheet('Lama per tahap');
  st.addRow(['Tahap', 'Jumlah', 'Rata-rata hari']).font = { bold: true };
  for (const s of r.steps) st.addRow([s.label, s.count, s.averageDays == null ? null : Math.round(s.averageDays * 10) / 10]);
  st.getColumn(1).width = 56;
  st.getColumn(2).width = 10;
  st.getColumn(3).width = 16;
  st.getColumn(3).numFmt = '0.0';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * e-Pensiun reports (issue part 6): retirements per OPD and month ahead (the forecast), files
 * submitted on time vs late against their due date, pension SKs recorded per year (the year's
 * count is the LKj output "ASN menerima SK pensiun", same query as indicators/counters.ts), and
 * the same as an XLSX workbook. Scoped in the query: BKD every unit, an OPD admin their own.
 */
import { addMonths, appToday, type IsoDate } from '@simak/shared';
import type { PensiunReportQuery, PensiunReportResult } from '@simak/shared/api/pensiun';
import ExcelJS from 'exceljs';
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db.ts';
import { Prisma } from '../../db.ts';
import { Forbidden, NotFound } from '../../errors.ts';
import { isBkd } from '../../lib/authz.ts';
import { loadOpdTree } from '../indicators/scope.ts';
import { PENSIUN } from './definition.ts';
import { forecast } from './forecast.ts';
import { authorizeForecast } from './policy.ts';

const sql = Prisma.sql;
const localDate = (col: string) => sql`((${Prisma.raw(col)} AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Jakarta')::date`;
type Tally = { onTime: number; late: number; overdue: number; notDue: number };
const zero = (): Tally => ({ onTime: 0, late: 0, overdue: 0, notDue: 0 });

export async function pensiunReport(db: Db, actor: Actor, q: Omit<PensiunReportQuery, 'format'>, today: IsoDate = appToday()): Promise<PensiunReportResult> {
  const tree = await loadOpdTree(db);
  let units: number[] | null = isBkd(actor) ? null : actor.scopeOpdIds;
  let opd: PensiunReportResult['opd'] = null;
  if (q.opd) {
    const node = tree.byKode.get(q.opd);
    if (!node) throw NotFound(`OPD dengan kode ${q.opd}`, 'opd_not_found');
    authorizeForecast(actor, node.id);
    const sub = tree.subtree(node.id);
    if (units && !sub.every((u) => units!.includes(u))) throw Forbidden('OPD ini di luar lingkup Anda.');
    units = sub;
    opd = tree.ref(node.id);
  } else {
    authorizeForecast(actor, null);
  }
  const year = q.year ?? Number(today.slice(0, 4));
  const unitSql = units ? sql`AND r.opd_id = ANY(${units}::int[])` : Prisma.empty;

  // Retirements ahead: from the 1st of this month, q.months months.
  const first = `${today.slice(0, 7)}-01`;
  const months = Array.from({ length: q.months }, (_, i) => addMonths(first, i).slice(0, 7));
  const fc = await forecast(db, { asOf: today, months: q.months, opdIds: units });
  const ahead = new Map<number, number[]>();
  const aheadTotals = months.map(() => 0);
  for (const i of fc.items) {
    const m = months.indexOf(i.tmtPensiun.slice(0, 7));
    if (m < 0) continue;
    const row = ahead.get(i.opdId) ?? months.map(() => 0);
    row[m]!++;
    aheadTotals[m]!++;
    ahead.set(i.opdId, row);
  }

  const [files, sks] = await Promise.all([
    // Files due in the year: their first submission to BKD (the app's day, kept in the payload) against the due date.
    db.$queryRaw<{ opd_id: number; due: string; submitted: string | null }[]>`
      SELECT r.opd_id, r.payload->>'dueDate' AS due,
        COALESCE(r.payload->>'submittedOn',
          (SELECT to_char(min(${localDate('e.at')}), 'YYYY-MM-DD') FROM request_event e WHERE e.request_id = r.id AND e.action = 'submit')) AS submitted
      FROM workflow_request r
      WHERE r.type = ${PENSIUN} AND r.state <> 'DIBATALKAN' AND r.payload->>'dueDate' IS NOT NULL
        AND substr(r.payload->>'dueDate', 1, 4) = ${String(year)} ${unitSql}`,
    db.$queryRaw<{ y: number; n: number }[]>`
      SELECT extract(year FROM ${localDate('ev.at')})::int AS y, count(DISTINCT r.employee_id)::int AS n
      FROM request_event ev JOIN workflow_request r ON r.id = ev.request_id
      WHERE r.type = ${PENSIUN} AND ev.to_state = 'SK_TERBIT' ${unitSql}
      GROUP BY 1 ORDER BY 1`,
  ]);
  const timeliness = new Map<number, Tally>();
  const totals = zero();
  for (const f of files) {
    const t = timeliness.get(f.opd_id) ?? zero();
    const k: keyof Tally = f.submitted ? (f.submitted <= f.due ? 'onTime' : 'late') : f.due < today ? 'overdue' : 'notDue';
    t[k]++;
    totals[k]++;
    timeliness.set(f.opd_id, t);
  }
  const byKode = <T extends { opd: { kode: string } }>(a: T, b: T) => a.opd.kode.localeCompare(b.opd.kode);
  return {
    asOf: today,
    year,
    opd,
    months,
    ahead: [...ahead.entries()].map(([id, counts]) => ({ opd: tree.ref(id), counts, total: counts.reduce((a, b) => a + b, 0) })).sort(byKode),
    aheadTotals,
    timeliness: [...timeliness.entries()].map(([id, t]) => ({ opd: tree.ref(id), ...t })).sort(byKode),
    timelinessTotals: totals,
    skPerYear: sks.map((s) => ({ year: s.y, count: s.n })),
    skThisYear: sks.find((s) => s.y === year)?.n ?? 0,
  };
}

const BULAN = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
const monthLabel = (m: string) => `${BULAN[Number(m.slice(5, 7)) - 1]} ${m.slice(0, 4)}`;

/** The report as a workbook: retirements ahead, timeliness, SKs per year. */
export async function pensiunReportXlsx(r: PensiunReportResult): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SIMAK BKD';
  const scope = r.opd ? ` — ${r.opd.nama}` : '';
  const a = wb.addWorksheet('Pensiun per bulan');
  a.addRow([`Perkiraan pensiun per OPD dan bulan${scope}`]).font = { bold: true };
  a.addRow([]);
  a.addRow(['Kode OPD', 'OPD', ...r.months.map(monthLabel), 'Jumlah']).font = { bold: true };
  for (const x of r.ahead) a.addRow([x.opd.kode, x.opd.nama, ...x.counts, x.total]);
  a.addRow(['', 'Jumlah', ...r.aheadTotals, r.aheadTotals.reduce((s, n) => s + n, 0)]).font = { bold: true };
  a.columns.forEach((c, i) => (c.width = i === 1 ? 44 : i === 0 ? 14 : 10));

  const t = wb.addWorksheet('Ketepatan waktu');
  t.addRow([`Ketepatan waktu berkas pensiun yang jatuh tempo tahun ${r.year}${scope}`]).font = { bold: true };
  t.addRow([]);
  t.addRow(['Kode OPD', 'OPD', 'Tepat waktu', 'Terlambat', 'Belum diajukan (lewat tempo)', 'Belum jatuh tempo']).font = { bold: true };
  for (const x of r.timeliness) t.addRow([x.opd.kode, x.opd.nama, x.onTime, x.late, x.overdue, x.notDue]);
  const tt = r.timelinessTotals;
  t.addRow(['', 'Jumlah', tt.onTime, tt.late, tt.overdue, tt.notDue]).font = { bold: true };
  t.columns.forEach((c, i) => (c.width = i === 1 ? 44 : i === 0 ? 14 : 18));

  const s = wb.addWorksheet('SK pensiun per tahun');
  s.addRow(['Tahun', 'ASN menerima SK pensiun']).font = { bold: true };
  for (const x of r.skPerYear) s.addRow([x.year, x.count]);
  s.getColumn(1).width = 10;
  s.getColumn(2).width = 28;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The attendance grid in SQL, set-based: every (employee, working day) of a date range with its
 * status — approved leave (C) before official duty (D) before present (H); a past working day
 * without any of them is unexcused (A); today and later, or before the attendance start, without
 * a reading is not counted (B).
 * Working days are, per OPD, the weekdays with a row of the OPD's own hours (jadwal_kerja_opd)
 * when it has any, else of the regency's jadwal_kerja, minus the hari_libur calendar. Minutes
 * late/early come from the accepted readings. One statement per recap, whatever the headcount.
 */
import type { IsoDate } from '@simak/shared';
import { Prisma } from '../../db.ts';

const sql = Prisma.sql;

/** Which employees: null units = all; atasanId = that atasan's direct subordinates. */
export interface EmpScope {
  units: number[] | null;
  atasanId?: number | null;
  /** Attendance is recorded from this day on: earlier working days are never unexcused (nor are days before the employee's TMT). */
  start: IsoDate;
}

function empWhere(s: EmpScope, from: IsoDate) {
  const parts = [sql`(e.tmt_berhenti IS NULL OR e.tmt_berhenti > ${from}::date)`];
  if (s.units) parts.push(sql`e.opd_id = ANY(${s.units}::int[])`);
  if (s.atasanId != null) parts.push(sql`e.atasan_id = ${s.atasanId}::int`);
  return Prisma.join(parts, ' AND ');
}

/** The CTEs `emp`, `wk`, `days`, `att`, `lv`, `dl` and `grid` (id, d, idx, st, telat, cepat). */
export function gridCtes(from: IsoDate, to: IsoDate, today: IsoDate, scope: EmpScope) {
  return sql`
    emp AS (
      SELECT e.id, e.opd_id, greatest(${scope.start}::date, coalesce(e.tmt_pppk, e.tmt_cpns, ${scope.start}::date)) AS mulai
      FROM employee e WHERE ${empWhere(scope, from)}
    ),
    wk AS (
      SELECT o.opd_id, x.hari FROM (SELECT DISTINCT opd_id FROM emp) o JOIN jadwal_kerja_opd x ON x.opd_id = o.opd_id
      UNION ALL
      SELECT o.opd_id, j.hari FROM (SELECT DISTINCT opd_id FROM emp) o CROSS JOIN jadwal_kerja j
      WHERE NOT EXISTS (SELECT 1 FROM jadwal_kerja_opd x WHERE x.opd_id = o.opd_id)
    ),
    days AS (
      SELECT wk.opd_id, g::date AS d, row_number() OVER (PARTITION BY wk.opd_id ORDER BY g)::int AS idx
      FROM generate_series(${from}::date, ${to}::date, interval '1 day') g
      JOIN wk ON wk.hari = extract(isodow FROM g)::int
      WHERE NOT EXISTS (SELECT 1 FROM hari_libur h WHERE h.tanggal = g::date)
    ),
    att AS (
      SELECT p.employee_id, p.tanggal AS d,
             max(p.menit) FILTER (WHERE p.jenis = 'MASUK') AS telat,
             max(p.menit) FILTER (WHERE p.jenis = 'PULANG') AS cepat,
             bool_or(p.jenis = 'MASUK') AS masuk, bool_or(p.jenis = 'PULANG') AS pulang
      FROM presensi p JOIN emp ON emp.id = p.employee_id
      WHERE p.accepted AND p.tanggal BETWEEN ${from}::date AND ${to}::date
      GROUP BY 1, 2
    ),
    lv AS (
      SELECT DISTINCT c.employee_id, g::date AS d
      FROM riwayat_cuti c JOIN emp ON emp.id = c.employee_id
      CROSS JOIN LATERAL generate_series(greatest(c.tanggal_mulai, ${from}::date), least(c.tanggal_selesai, ${to}::date), interval '1 day') g
      WHERE c.tanggal_mulai <= ${to}::date AND c.tanggal_selesai >= ${from}::date
    ),
    dl AS (
      SELECT x.employee_id, x.tanggal AS d FROM dinas_luar x JOIN emp ON emp.id = x.employee_id
      WHERE x.tanggal BETWEEN ${from}::date AND ${to}::date
    ),
    grid AS (
      SELECT e.id, days.d, days.idx,
             CASE WHEN lv.employee_id IS NOT NULL THEN 'C'
                  WHEN dl.employee_id IS NOT NULL THEN 'D'
                  WHEN a.employee_id IS NOT NULL THEN 'H'
                  WHEN days.d < ${today}::date AND days.d >= e.mulai THEN 'A'
                  ELSE 'B' END AS st,
             a.telat, a.cepat, a.masuk, a.pulang, days.d < ${today}::date AS past
      FROM emp e JOIN days ON days.opd_id = e.opd_id
      LEFT JOIN att a ON a.employee_id = e.id AND a.d = days.d
      LEFT JOIN lv ON lv.employee_id = e.id AND lv.d = days.d
      LEFT JOIN dl ON dl.employee_id = e.id AND dl.d = days.d
    )`;
}

export interface RecapRow {
  id: number;
  hari_kerja: number;
  hadir: number;
  cuti: number;
  dinas_luar: number;
  tanpa_keterangan: number;
  terlambat_hari: number;
  terlambat_menit: number;
  pulang_cepat_hari: number;
  pulang_cepat_menit: number;
  tl: [number, number, number, number];
  psw: [number, number, number, number];
}

/** Per employee: the month's counts, and the TL/PSW band occurrences (no check-in = TL4; no check-out on a past day = PSW4). */
export function recapSql(from: IsoDate, to: IsoDate, today: IsoDate, scope: EmpScope) {
  return sql`
    WITH ${gridCtes(from, to, today, scope)}
    SELECT g.id,
      count(*)::int AS hari_kerja,
      count(*) FILTER (WHERE st = 'H')::int AS hadir,
      count(*) FILTER (WHERE st = 'C')::int AS cuti,
      count(*) FILTER (WHERE st = 'D')::int AS dinas_luar,
      count(*) FILTER (WHERE st = 'A')::int AS tanpa_keterangan,
      count(*) FILTER (WHERE st = 'H' AND telat > 0)::int AS terlambat_hari,
      coalesce(sum(telat) FILTER (WHERE st = 'H'), 0)::int AS terlambat_menit,
      count(*) FILTER (WHERE st = 'H' AND cepat > 0)::int AS pulang_cepat_hari,
      coalesce(sum(cepat) FILTER (WHERE st = 'H'), 0)::int AS pulang_cepat_menit,
      ARRAY[
        count(*) FILTER (WHERE st = 'H' AND telat BETWEEN 1 AND 30),
        count(*) FILTER (WHERE st = 'H' AND telat BETWEEN 31 AND 60),
        count(*) FILTER (WHERE st = 'H' AND telat BETWEEN 61 AND 90),
        count(*) FILTER (WHERE st = 'H' AND (telat > 90 OR NOT coalesce(masuk, false)))
      ]::int[] AS tl,
      ARRAY[
        count(*) FILTER (WHERE st = 'H' AND cepat BETWEEN 1 AND 30),
        count(*) FILTER (WHERE st = 'H' AND cepat BETWEEN 31 AND 60),
        count(*) FILTER (WHERE st = 'H' AND cepat BETWEEN 61 AND 90),
        count(*) FILTER (WHERE st = 'H' AND (cepat > 90 OR (past AND NOT coalesce(pulang, false))))
      ]::int[] AS psw
    FROM grid g GROUP BY g.id`;
}

export interface AbsenceRow {
  id: number;
  hari: number;
  beruntun: number;
}

/** Per employee with at least one unexcused day: the count and the longest run of consecutive unexcused working days. */
export function absenceSql(from: IsoDate, to: IsoDate, today: IsoDate, scope: EmpScope) {
  return sql`
    WITH ${gridCtes(from, to, today, scope)},
    a AS (SELECT id, idx - row_number() OVER (PARTITION BY id ORDER BY idx) AS grp FROM grid WHERE st = 'A'),
    runs AS (SELECT id, count(*)::int AS n FROM a GROUP BY id, grp)
    SELECT id, sum(n)::int AS hari, max(n)::int AS beruntun FROM runs GROUP BY id`;
}

/**
 * The SQL behind the indicators (INDICATORS.md). PostgreSQL does the counting;
 * nothing here loads employees into JavaScript. Every query is parameterised
 * (Prisma.sql) and reads the histories "as of D":
 *
 *   ASN on a date     status PNS/CPNS/PPPK, appointed on or before it (tmt_cpns, or tmt_pppk
 *                     for PPPK; no date = appointed), no exit (tmt_berhenti) on or before it
 *   unit/position     the latest riwayat_jabatan row with tmt_jabatan ≤ D; without one, the
 *                     employee row (opd_id, jenis_jabatan, eselon, nama_jabatan)
 *   education         the highest level among the records completed on or before D
 *                     (tanggal_ijazah, else 31 December of tahun_lulus; no date = completed);
 *                     none → the earliest record; no records → pendidikan_terakhir
 *   trainings (a, b)  a KEPEMIMPINAN / FUNGSIONAL record finished on or before D
 *   JP, workshop      records finished between 1 January of Y and D
 *   SKP               the record of year Y: nilai, else the predicate's score for Y
 *   penalties         tanggal_sk between 1 January of Y and D, imposed on someone who was
 *                     ASN on tanggal_sk
 *
 * The indexes these plans rely on are created by the indicators migration.
 */
import type { IsoDate } from '@simak/shared';
import { PREDIKAT_SKP, type PredikatSkp } from '@simak/shared';
import { Prisma } from '../../db.ts';

export interface ScopeParams {
  year: number;
  /** D, inside `year`. */
  asOf: IsoDate;
  /** Education level codes by rank (ref_pendidikan ordered by urutan): rank = index + 1. */
  levels: readonly string[];
  /** Predicate → score for the year. */
  predicateScores: Record<PredikatSkp, number>;
  /** OPD ids of the unit asked for and every unit under it; null = the whole agency. */
  units: readonly number[] | null;
  /** Only employees with lo ≤ id ≤ hi (the agency-wide scan is split into ranges run side by side). */
  idRange?: readonly [number, number] | null;
}

const sql = Prisma.sql;
const raw = Prisma.raw;
const empty = Prisma.empty;

/** The SQL condition "employee `e` was ASN on `date`" (see the header). */
export function asnOn(e: string, date: Prisma.Sql): Prisma.Sql {
  const a = raw(e);
  return sql`(${a}.status_kepegawaian IN ('PNS', 'CPNS', 'PPPK')
    AND COALESCE(CASE WHEN ${a}.status_kepegawaian = 'PPPK' THEN ${a}.tmt_pppk ELSE ${a}.tmt_cpns END, ${date}) <= ${date}
    AND (${a}.tmt_berhenti IS NULL OR ${a}.tmt_berhenti > ${date}))`;
}

/** Predicate scores in hundredths, in PREDIKAT_SKP order (exact integer sums). */
function predicateCents(scores: Record<PredikatSkp, number>): number[] {
  return PREDIKAT_SKP.map((p) => Math.round(scores[p] * 100));
}

/** SKP score × 100 of the riwayat_skp row `s`: nilai wins, else the predicate's score; null when neither. */
export function skpCents(s: string, scores: Record<PredikatSkp, number>): Prisma.Sql {
  const a = raw(s);
  return sql`COALESCE(round(${a}.nilai * 100)::int,
    (${predicateCents(scores)}::int[])[array_position(${[...PREDIKAT_SKP]}::text[], ${a}.predikat::text)])`;
}

/**
 * The CTE chain that yields `f`: one row per employee who is ASN aktif on D (and,
 * with `units`, whose unit on D is one of them), with the facts the indicators need.
 * `detail` adds the columns of the drill-down (names, position, JP total …).
 */
export function factsCte(p: ScopeParams, detail: boolean): Prisma.Sql {
  const d = sql`${p.asOf}::date`;
  const y0 = sql`make_date(${p.year}::int, 1, 1)`;
  const levels = sql`${[...p.levels]}::text[]`;
  // With a unit filter, only employees who may belong to it on D are looked at: their
  // employee row points into it, or one of their positions on or before D does.
  const cand = p.units
    ? sql`cand AS (
        SELECT e.id FROM employee e WHERE e.opd_id = ANY(${[...p.units]}::int[])
        UNION
        SELECT j.employee_id FROM riwayat_jabatan j WHERE j.opd_id = ANY(${[...p.units]}::int[]) AND j.tmt_jabatan <= ${d}
      ),`
    : empty;
  const range = p.idRange;
  const inCand = (col: string) =>
    sql`${p.units ? sql`AND ${raw(col)} IN (SELECT id FROM cand)` : empty} ${range ? sql`AND ${raw(col)} BETWEEN ${range[0]}::int AND ${range[1]}::int` : empty}`;
  const unitFilter = p.units ? sql`AND u.unit_id = ANY(${[...p.units]}::int[])` : empty;

  return sql`WITH ${cand}
    jab AS (
      SELECT DISTINCT ON (j.employee_id) j.employee_id, j.opd_id, j.jenis_jabatan, j.eselon${detail ? sql`, j.nama_jabatan` : empty}
      FROM riwayat_jabatan j
      WHERE j.tmt_jabatan <= ${d} ${inCand('j.employee_id')}
      ORDER BY j.employee_id, j.tmt_jabatan DESC
    ),
    u AS (
      SELECT e.id, e.status_kepegawaian AS status,
        COALESCE(array_position(${levels}, e.pendidikan_terakhir), 0) AS level0,
        CASE WHEN j.employee_id IS NULL THEN e.opd_id ELSE j.opd_id END AS unit_id,
        CASE WHEN j.employee_id IS NULL THEN e.jenis_jabatan ELSE j.jenis_jabatan END AS jenis_jabatan,
        CASE WHEN j.employee_id IS NULL THEN e.eselon ELSE j.eselon END AS eselon
        ${detail ? sql`, e.nip, e.nama, e.gelar_depan, e.gelar_belakang, CASE WHEN j.employee_id IS NULL THEN e.nama_jabatan ELSE j.nama_jabatan END AS nama_jabatan` : empty}
      FROM employee e LEFT JOIN jab j ON j.employee_id = e.id
      WHERE ${asnOn('e', d)} ${inCand('e.id')}
    ),
    -- One key per record, so a single max() picks the level: a record completed by D
    -- (or undated) outranks every other and the highest level wins among them; otherwise
    -- the earliest completion wins. level = key mod 100.
    edu AS (
      SELECT p.employee_id,
        (max(CASE WHEN p.tanggal_ijazah IS NULL AND p.tahun_lulus IS NULL
                    OR COALESCE(p.tanggal_ijazah, make_date(p.tahun_lulus, 12, 31)) <= ${d}
                  THEN 10000000000
                  ELSE (10000000 - (COALESCE(p.tanggal_ijazah, make_date(p.tahun_lulus, 12, 31)) - DATE '0001-01-01')) * 100
             END + COALESCE(array_position(${levels}, p.jenjang), 0)) % 100)::int AS level
      FROM riwayat_pendidikan p
      WHERE true ${inCand('p.employee_id')}
      GROUP BY p.employee_id
    ),
    yr AS (
      SELECT k.employee_id, sum(k.jp)::int AS jp, count(*) FILTER (WHERE k.jenis = 'WORKSHOP')::int AS workshops
      FROM riwayat_diklat k
      WHERE k.tanggal_selesai >= ${y0} AND k.tanggal_selesai <= ${d} ${inCand('k.employee_id')}
      GROUP BY k.employee_id
    ),
    lead AS (
      SELECT DISTINCT k.employee_id FROM riwayat_diklat k
      WHERE k.jenis = 'KEPEMIMPINAN' AND k.tanggal_selesai <= ${d} ${inCand('k.employee_id')}
    ),
    func AS (
      SELECT DISTINCT k.employee_id FROM riwayat_diklat k
      WHERE k.jenis = 'FUNGSIONAL' AND k.tanggal_selesai <= ${d} ${inCand('k.employee_id')}
    ),
    skp AS (
      SELECT s.employee_id, s.nilai IS NOT NULL AS from_nilai, ${skpCents('s', p.predicateScores)} AS cents
      FROM riwayat_skp s
      WHERE s.tahun = ${p.year}::int ${inCand('s.employee_id')}
      ORDER BY s.employee_id -- read in index order (tahun, employee_id): no sort before the merge join
    ),
    f AS (
      SELECT u.*,
        COALESCE(edu.level, u.level0) AS level,
        (u.jenis_jabatan = 'STRUKTURAL' AND NULLIF(u.eselon, '') IS NOT NULL) AS eselon_holder,
        (u.jenis_jabatan = 'FUNGSIONAL') AS jft,
        (lead.employee_id IS NOT NULL) AS has_lead,
        (func.employee_id IS NOT NULL) AS has_func,
        COALESCE(yr.jp, 0) AS jp,
        COALESCE(yr.workshops, 0) AS workshops,
        skp.cents AS skp_cents,
        COALESCE(skp.from_nilai, false) AS skp_from_nilai
      FROM u
      LEFT JOIN edu ON edu.employee_id = u.id
      LEFT JOIN yr ON yr.employee_id = u.id
      LEFT JOIN lead ON lead.employee_id = u.id
      LEFT JOIN func ON func.employee_id = u.id
      LEFT JOIN skp ON skp.employee_id = u.id
      WHERE true ${unitFilter}
    )`;
}

/** The population and IKom counts per (unit on D, education level) that the facts and the rollups share. */
export interface LevelCounts {
  unit_id: number;
  level: number;
  n: number;
  pns: number;
  cpns: number;
  pppk: number;
  a_den: number;
  a_num: number;
  b_den: number;
  b_num: number;
  c_num: number;
  d_num: number;
}

/** Counts per (unit on D, education level): summable into any group of units. */
export interface UnitCountsRow extends LevelCounts {
  scored: number;
  from_nilai: number;
  /** Σ SKP score × 100 (an exact integer). */
  score_cents: number;
}

/**
 * The columns of UnitCountsRow, counted over rows `f` (one per ASN aktif on D, with `status`,
 * `eselon_holder`, `jft`, `jp`, `workshops`), given how `f` names the remaining facts.
 */
function countColumns(c: { lead: Prisma.Sql; func: Prisma.Sql; cents: Prisma.Sql; fromNilai: Prisma.Sql }): Prisma.Sql {
  return sql`count(*)::int AS n,
      count(*) FILTER (WHERE f.status = 'PNS')::int AS pns,
      count(*) FILTER (WHERE f.status = 'CPNS')::int AS cpns,
      count(*) FILTER (WHERE f.status = 'PPPK')::int AS pppk,
      count(*) FILTER (WHERE f.eselon_holder)::int AS a_den,
      count(*) FILTER (WHERE f.eselon_holder AND ${c.lead})::int AS a_num,
      count(*) FILTER (WHERE f.jft)::int AS b_den,
      count(*) FILTER (WHERE f.jft AND ${c.func})::int AS b_num,
      count(*) FILTER (WHERE f.jp >= 20)::int AS c_num,
      count(*) FILTER (WHERE f.workshops > 0)::int AS d_num,
      count(${c.cents})::int AS scored,
      count(*) FILTER (WHERE ${c.fromNilai})::int AS from_nilai,
      COALESCE(sum(${c.cents}), 0)::float8 AS score_cents`;
}

export function unitCountsSql(p: ScopeParams): Prisma.Sql {
  const columns = countColumns({
    lead: sql`f.has_lead`,
    func: sql`f.has_func`,
    cents: sql`f.skp_cents`,
    fromNilai: sql`f.skp_cents IS NOT NULL AND f.skp_from_nilai`,
  });
  return sql`${factsCte(p, false)}
    SELECT f.unit_id, f.level, ${columns}
    FROM f
    GROUP BY f.unit_id, f.level`;
}

/**
 * SKP score × 100 of the indicator_fact row `f`: its nilai, else the year's score of its
 * predicate (skp_predikat is the position in the PredikatSkp enum, whose order PREDIKAT_SKP follows).
 */
export function factSkpCents(f: string, scores: Record<PredikatSkp, number>): Prisma.Sql {
  const a = raw(f);
  return sql`COALESCE(${a}.skp_cents, (${predicateCents(scores)}::int[])[${a}.skp_predikat])`;
}

/**
 * The same counts from the facts of a materialized year (migration indicator_facts):
 * one row per employee is in force on D, already restricted to ASN aktif, so this is
 * a single scan of the year's partition. Used when `indicator_fact_year` lists `year`.
 */
export function factCountsSql(p: ScopeParams): Prisma.Sql {
  const d = sql`${p.asOf}::date`;
  const cents = factSkpCents('f', p.predicateScores);
  const columns = countColumns({ lead: sql`f.leadership`, func: sql`f.functional`, cents, fromNilai: sql`f.skp_cents IS NOT NULL` });
  return sql`
    SELECT f.opd_id AS unit_id, f.level::int AS level, ${columns}
    FROM indicator_fact f
    WHERE f.year = ${p.year}::int AND f.valid_from <= ${d} AND f.valid_to > ${d}
      ${p.units ? sql`AND f.opd_id = ANY(${[...p.units]}::int[])` : empty}
    GROUP BY 1, 2`;
}

/** Sums of the per-OPD rollups (migration indicator_rollups) as of D, per (unit, level). */
export interface RollupRow extends LevelCounts {
  nilai_n: number;
  /** Σ nilai × 100 of the rows with a nilai (exact integer). */
  nilai_cents: number;
  /** Rows without a nilai, per predicate (index = position in PREDIKAT_SKP). */
  pred: number[];
  /** indicator_fact_version of the year, read in the same snapshot as the sums. */
  version: string;
}

/**
 * The counts of a materialized year as of D for the whole agency, read from the per-OPD
 * rollups (migration indicator_rollups): for each (OPD, level) key, the row of its timeline
 * in force on D — one index probe per key, whatever the number of employees. The version
 * comes from the same snapshot, so a cached answer is filed under the version it was
 * computed from.
 */
export function rollupCountsSql(p: Pick<ScopeParams, 'year' | 'asOf'>): Prisma.Sql {
  return sql`
    SELECT k.opd_id AS unit_id, k.level::int AS level, r.n, r.pns, r.cpns, r.pppk, r.a_den, r.a_num, r.b_den, r.b_num,
      r.c_num, r.d_num, r.nilai_n, r.nilai_cents::float8 AS nilai_cents, ARRAY[r.p1, r.p2, r.p3, r.p4, r.p5] AS pred,
      (SELECT v.version::text FROM indicator_fact_version v WHERE v.year = ${p.year}::int) AS version
    FROM indicator_rollup_key k
    CROSS JOIN LATERAL (
      SELECT * FROM indicator_rollup r
      WHERE r.year = k.year AND r.opd_id = k.opd_id AND r.level = k.level AND r.day <= ${p.asOf}::date
      ORDER BY r.day DESC LIMIT 1
    ) r
    WHERE k.year = ${p.year}::int AND r.n <> 0`;
}

/** RollupRow → the UnitCountsRow factCountsSql gives for the same facts, with the year's predicate scores. */
export function rollupToCounts(r: RollupRow, scores: Record<PredikatSkp, number>): UnitCountsRow {
  const cents = predicateCents(scores);
  let predN = 0;
  let predCents = 0;
  r.pred.forEach((k, i) => {
    predN += k;
    predCents += k * cents[i]!;
  });
  return {
    unit_id: r.unit_id,
    level: r.level,
    n: r.n,
    pns: r.pns,
    cpns: r.cpns,
    pppk: r.pppk,
    a_den: r.a_den,
    a_num: r.a_num,
    b_den: r.b_den,
    b_num: r.b_num,
    c_num: r.c_num,
    d_num: r.d_num,
    scored: r.nilai_n + predN,
    from_nilai: r.nilai_n,
    score_cents: Number(r.nilai_cents) + predCents,
  };
}

/**
 * LEFT JOIN LATERAL `j`: the riwayat_jabatan row of `employee` in force on `date` (the
 * latest with tmt_jabatan ≤ date), with `employee_id` and `columns`; no row = none yet
 * (the employee row then stands for the position).
 */
export function jabatanOn(employee: string, date: Prisma.Sql, columns: readonly string[]): Prisma.Sql {
  return sql`LEFT JOIN LATERAL (
      SELECT rj.employee_id, ${raw(columns.map((c) => `rj.${c}`).join(', '))} FROM riwayat_jabatan rj
      WHERE rj.employee_id = ${raw(employee)} AND rj.tmt_jabatan <= ${date}
      ORDER BY rj.tmt_jabatan DESC LIMIT 1
    ) j ON true`;
}

/** Penalties counted for year Y up to D, by the unit of the penalised employee on D and level. */
export interface PenaltyRow {
  unit_id: number;
  tingkat: 'RINGAN' | 'SEDANG' | 'BERAT';
  count: number;
}

export function penaltiesSql(p: Pick<ScopeParams, 'year' | 'asOf'>): Prisma.Sql {
  const d = sql`${p.asOf}::date`;
  return sql`
    SELECT COALESCE(j.opd_id, e.opd_id) AS unit_id, h.tingkat::text AS tingkat, count(*)::int AS count
    FROM riwayat_hukdis h
    JOIN employee e ON e.id = h.employee_id
    ${jabatanOn('e.id', d, ['opd_id'])}
    WHERE h.tanggal_sk >= make_date(${p.year}::int, 1, 1) AND h.tanggal_sk <= ${d}
      AND ${asnOn('e', sql`h.tanggal_sk`)}
    GROUP BY 1, 2`;
}

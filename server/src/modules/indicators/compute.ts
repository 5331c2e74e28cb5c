/**
 * Live indicators: PostgreSQL counts (sql.ts), the pure formulas of
 * @simak/shared turn the counts into values, flags and formulas with numbers.
 *
 * The counts come back per (unit on D, education level) and are summed here, so
 * the agency's numerators and denominators are exactly the sums of the
 * top-level OPDs' ones.
 *
 * Two paths give the same counts (tested against each other): for a materialized
 * year, one scan of its facts (indicator_fact, kept exact by triggers in the writing
 * transaction); for any other year, the histories directly, agency-wide split into
 * employee-id ranges run side by side (each an independent, merge-join-friendly
 * query). Recent years are materialized on first use by a job.
 */
import {
  INDICATOR_LABELS,
  INDICATOR_POLARITY,
  capaian,
  idis,
  ikin,
  ikom,
  ikp,
  ip,
  IKP_REFERENCE_WEIGHT,
  type IndicatorResult as FormulaResult,
  appToday,
  type IsoDate,
} from '@simak/shared';
import type { BreakdownItem, IndicatorCode, IndicatorResult, IndicatorSet, IndicatorValue } from '@simak/shared/api/indicators';
import type { Db } from '../../db.ts';
import { enqueue } from '../../jobs/outbox.ts';
import { loadYearConfig, type YearConfig } from './config.ts';
import { computeCounters } from './counters.ts';
import { defaultAsOf, resolveScope, type OpdTree, type Scope } from './scope.ts';
import { latestSnapshot } from './snapshots.ts';
import { factCountsSql, penaltiesSql, rollupCountsSql, rollupToCounts, unitCountsSql, type PenaltyRow, type RollupRow, type ScopeParams, type UnitCountsRow } from './sql.ts';

/** Counts of one group of employees (a unit, a top-level OPD, the agency). */
export interface Tally {
  n: number;
  byStatus: { PNS: number; CPNS: number; PPPK: number };
  /** ASN per education rank (index = rank; 0 = code not in ref_pendidikan). */
  byLevel: number[];
  aNum: number;
  aDen: number;
  bNum: number;
  bDen: number;
  cNum: number;
  dNum: number;
  scored: number;
  fromNilai: number;
  /** Σ SKP score × 100 (integer, exact). */
  scoreCents: number;
  ringan: number;
  sedang: number;
  berat: number;
}

export function emptyTally(levels: number): Tally {
  return {
    n: 0,
    byStatus: { PNS: 0, CPNS: 0, PPPK: 0 },
    byLevel: new Array<number>(levels + 1).fill(0),
    aNum: 0,
    aDen: 0,
    bNum: 0,
    bDen: 0,
    cNum: 0,
    dNum: 0,
    scored: 0,
    fromNilai: 0,
    scoreCents: 0,
    ringan: 0,
    sedang: 0,
    berat: 0,
  };
}

function addCounts(t: Tally, r: UnitCountsRow) {
  t.n += r.n;
  t.byStatus.PNS += r.pns;
  t.byStatus.CPNS += r.cpns;
  t.byStatus.PPPK += r.pppk;
  t.byLevel[r.level] = (t.byLevel[r.level] ?? 0) + r.n;
  t.aNum += r.a_num;
  t.aDen += r.a_den;
  t.bNum += r.b_num;
  t.bDen += r.b_den;
  t.cNum += r.c_num;
  t.dNum += r.d_num;
  t.scored += r.scored;
  t.fromNilai += r.from_nilai;
  t.scoreCents += Number(r.score_cents);
}

function addPenalties(t: Tally, r: PenaltyRow) {
  if (r.tingkat === 'RINGAN') t.ringan += r.count;
  else if (r.tingkat === 'SEDANG') t.sedang += r.count;
  else t.berat += r.count;
}

/** Education levels by rank (ref_pendidikan ordered by urutan) and their IKP weights. */
export interface LevelTable {
  codes: string[];
  weights: number[];
}

export async function loadLevels(db: Db): Promise<LevelTable> {
  const rows = await db.refPendidikan.findMany({ orderBy: { urutan: 'asc' } });
  return { codes: rows.map((r) => r.kode), weights: rows.map((r) => r.bobotIkp) };
}

/** Employees per agency-wide range query of the direct path; below twice this, one query. */
const RANGE_SIZE = 50_000;
const MAX_RANGES = 4;
/** Years this far back from the current one are materialized the first time they are asked for. */
export const AUTO_MATERIALIZE_YEARS = 5;

/** Runs one counting query with the session settings the plans are tuned for. */
async function runCounting<T>(db: Db, query: ReturnType<typeof unitCountsSql>, opts: { mergeJoins: boolean }): Promise<T[]> {
  return db.$transaction(
    async (tx) => {
      // Big per-employee aggregates fit in memory; JIT compilation costs more than it saves here;
      // agency-wide every input is read in employee-id order, so merge joins beat building hash tables.
      await tx.$executeRawUnsafe(`SET LOCAL work_mem = '256MB'`);
      await tx.$executeRawUnsafe(`SET LOCAL jit = off`);
      if (opts.mergeJoins) {
        await tx.$executeRawUnsafe(`SET LOCAL enable_hashjoin = off`);
        await tx.$executeRawUnsafe(`SET LOCAL max_parallel_workers_per_gather = 0`);
      }
      return tx.$queryRaw<T[]>(query);
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}

/** Whether the facts of `year` are materialized (indicator_fact_year). */
export async function isMaterialized(db: Db, year: number): Promise<boolean> {
  const rows = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM indicator_fact_year WHERE year = ${year}::int`;
  return (rows[0]?.n ?? 0) > 0;
}

/** Builds the facts of `year` now (false when they already exist). Minutes at a million employees. */
export async function materializeYear(db: Db, year: number): Promise<boolean> {
  // The partition first, in a short transaction of its own (it locks the parent table).
  await db.$executeRaw`SELECT create_indicator_partition(${year}::int)`;
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL jit = off`);
      const [r] = await tx.$queryRaw<{ built: boolean }[]>`SELECT materialize_indicator_year(${year}::int) AS built`;
      return r?.built ?? false;
    },
    { timeout: 3_600_000, maxWait: 60_000 },
  );
}

/** Queues the materialization of a recent year that is computed directly for now. */
async function requestMaterialization(db: Db, year: number, today: IsoDate) {
  const current = Number(today.slice(0, 4));
  if (year > current || year < current - AUTO_MATERIALIZE_YEARS) return;
  await db.$transaction((tx) => enqueue(tx, 'indicators.materialize', { year, key: String(year) }));
}

// ---------------------------------------------------------------------------
// Materialized years: the per-OPD rollups, cached by facts version

/**
 * Agency-wide rollup sums per (year, as-of), filed under the facts version they were read
 * with. indicator_fact_version is bumped in the transaction of every change of the facts
 * (migration indicator_rollups), so an entry is used only while nothing changed: never stale.
 * Per process; 16 entries (one entry is a row per OPD and level: about 5,500 at the generated
 * 1,000,000-employee regency).
 */
const ROLLUP_CACHE_SIZE = 16;
const rollupCache = new Map<string, { version: string; rows: RollupRow[] }>();

/** The version of `year`'s facts; null when the year is not materialized. */
async function factsVersion(db: Db, year: number): Promise<string | null> {
  const rows = await db.$queryRaw<{ built: boolean; version: string | null }[]>`
    SELECT EXISTS (SELECT 1 FROM indicator_fact_year WHERE year = ${year}::int) AS built,
      (SELECT version::text FROM indicator_fact_version WHERE year = ${year}::int) AS version`;
  const r = rows[0];
  return r?.built ? (r.version ?? '0') : null;
}

/** The rollup sums of a materialized year as of D (agency-wide), from the cache when the version matches. */
async function rollupRows(db: Db, p: Pick<ScopeParams, 'year' | 'asOf'>, version: string): Promise<RollupRow[]> {
  const key = `${p.year}|${p.asOf}`;
  const hit = rollupCache.get(key);
  if (hit && hit.version === version) {
    rollupCache.delete(key); // most recently used last
    rollupCache.set(key, hit);
    return hit.rows;
  }
  const rows = await db.$queryRaw<RollupRow[]>(rollupCountsSql(p));
  // The version read with the sums (a commit may have come between the two reads).
  const read = rows[0]?.version ?? version;
  rollupCache.delete(key);
  rollupCache.set(key, { version: read, rows });
  while (rollupCache.size > ROLLUP_CACHE_SIZE) rollupCache.delete(rollupCache.keys().next().value!);
  return rows;
}

/** Empties the rollup cache (benchmarks: cold reads). */
export function clearRollupCache() {
  rollupCache.clear();
}

/**
 * Counts per (unit, level) for a scope. A materialized year is a read of its per-OPD
 * rollups (cached by facts version);
 * any other year is computed from the histories (agency-wide in parallel id ranges)
 * and, when recent, queued for materialization.
 */
export async function unitCounts(
  db: Db,
  p: ScopeParams,
  opts: { direct?: boolean; today?: IsoDate; /** a full scan of the facts instead of the rollups (tests, benchmarks) */ factScan?: boolean } = {},
): Promise<UnitCountsRow[]> {
  if (opts.factScan) return runCounting<UnitCountsRow>(db, factCountsSql(p), { mergeJoins: false });
  if (!opts.direct) {
    const version = await factsVersion(db, p.year);
    if (version !== null) {
      const inScope = p.units ? new Set(p.units) : null;
      const rows = await rollupRows(db, p, version);
      return rows.filter((r) => !inScope || inScope.has(r.unit_id)).map((r) => rollupToCounts(r, p.predicateScores));
    }
  }
  if (!opts.direct) await requestMaterialization(db, p.year, opts.today ?? appToday());
  if (p.units) return runCounting<UnitCountsRow>(db, unitCountsSql(p), { mergeJoins: false });
  const [bounds] = await db.$queryRaw<{ lo: number | null; hi: number | null }[]>`SELECT min(id) AS lo, max(id) AS hi FROM employee`;
  const { lo, hi } = bounds ?? { lo: null, hi: null };
  if (lo == null || hi == null) return [];
  const parts = Math.max(1, Math.min(MAX_RANGES, Math.floor((hi - lo + 1) / RANGE_SIZE)));
  const width = Math.ceil((hi - lo + 1) / parts);
  const ranges = Array.from({ length: parts }, (_, i) => [lo + i * width, Math.min(hi, lo + (i + 1) * width - 1)] as const);
  const results = await Promise.all(
    ranges.map((idRange) => runCounting<UnitCountsRow>(db, unitCountsSql({ ...p, idRange }), { mergeJoins: true })),
  );
  return results.flat();
}

export async function penaltyCounts(db: Db, p: Pick<ScopeParams, 'year' | 'asOf'>): Promise<PenaltyRow[]> {
  return db.$queryRaw<PenaltyRow[]>(penaltiesSql(p));
}

/** Tallies of a scope: the total and, per top-level OPD, the parts. */
export interface ScopeTallies {
  total: Tally;
  byRoot: Map<number, Tally>;
}

export async function computeTallies(
  db: Db,
  scope: Scope,
  levels: LevelTable,
  config: YearConfig,
  opts: { direct?: boolean; today?: IsoDate } = {},
): Promise<ScopeTallies> {
  const params: ScopeParams = { year: scope.year, asOf: scope.asOf, levels: levels.codes, predicateScores: config.predicateScores, units: scope.units };
  const [counts, penalties] = await Promise.all([unitCounts(db, params, opts), penaltyCounts(db, params)]);
  return tally(scope.tree, levels.codes.length, scope.units, counts, penalties);
}

export function tally(tree: OpdTree, levelCount: number, units: readonly number[] | null, counts: UnitCountsRow[], penalties: PenaltyRow[]): ScopeTallies {
  const inScope = units ? new Set(units) : null;
  const total = emptyTally(levelCount);
  const byRoot = new Map<number, Tally>();
  const rootTally = (unitId: number) => {
    const root = tree.rootOf(unitId);
    let t = byRoot.get(root);
    if (!t) byRoot.set(root, (t = emptyTally(levelCount)));
    return t;
  };
  for (const r of counts) {
    if (inScope && !inScope.has(r.unit_id)) continue;
    addCounts(total, r);
    addCounts(rootTally(r.unit_id), r);
  }
  for (const r of penalties) {
    if (inScope && !inScope.has(r.unit_id)) continue;
    addPenalties(total, r);
    addPenalties(rootTally(r.unit_id), r);
  }
  return { total, byRoot };
}

// ---------------------------------------------------------------------------
// Counts → indicator values

const IP_NOTE =
  'Sesuai rumus instansi, IDis masuk ke IP apa adanya: makin banyak hukuman disiplin, IP justru sedikit naik. ' +
  'Varian nasional (PermenPANRB 38/2018) memberi nilai penuh bila tanpa hukuman.';

function indicatorValue(
  code: IndicatorCode,
  r: FormulaResult,
  components: IndicatorValue['components'],
  target: number | null,
): IndicatorValue {
  const polarity = INDICATOR_POLARITY[code];
  const c = capaian(r.value, target, polarity);
  return {
    code,
    label: INDICATOR_LABELS[code],
    value: r.value,
    target,
    capaian: c.value,
    polarity,
    components,
    formula: r.formula,
    capaianFormula: c.formula,
    flags: [...new Set<string>([...r.flags, ...c.flags])],
  };
}

export function buildIndicators(t: Tally, levels: LevelTable, config: YearConfig): IndicatorSet {
  const sumWeights = t.byLevel.reduce((acc, count, rank) => acc + (rank > 0 ? (levels.weights[rank - 1] ?? 0) * count : 0), 0);
  const byLevel: Record<string, number> = {};
  t.byLevel.forEach((count, rank) => {
    if (rank > 0 && count > 0) byLevel[levels.codes[rank - 1]!] = count;
  });
  const rIkp = ikp(sumWeights, t.n);
  const unknownLevel = t.byLevel[0] ?? 0;
  const ikpValue = indicatorValue(
    'IKP',
    rIkp,
    { sumWeights, n: t.n, referenceWeight: IKP_REFERENCE_WEIGHT, byLevel, unknownLevel },
    config.targets.IKP,
  );
  if (unknownLevel > 0) ikpValue.flags.push('UNKNOWN_EDUCATION_LEVEL');

  const rIkom = ikom({
    a: { num: t.aNum, den: t.aDen },
    b: { num: t.bNum, den: t.bDen },
    c: { num: t.cNum, den: t.n },
    d: { num: t.dNum, den: t.n },
  });
  const ratio = (num: number, den: number, v: number | null) => ({ num, den, value: v });
  const ikomValue = indicatorValue(
    'IKOM',
    rIkom,
    {
      a: ratio(t.aNum, t.aDen, rIkom.components.a),
      b: ratio(t.bNum, t.bDen, rIkom.components.b),
      c: ratio(t.cNum, t.n, rIkom.components.c),
      d: ratio(t.dNum, t.n, rIkom.components.d),
    },
    config.targets.IKOM,
  );

  const sumScores = t.scoreCents / 100;
  const missing = t.n - t.scored;
  const ikinValue = indicatorValue(
    'IKIN',
    ikin(sumScores, t.n, missing),
    {
      sumScores,
      n: t.n,
      scored: t.scored,
      missing,
      fromNilai: t.fromNilai,
      fromPredikat: t.scored - t.fromNilai,
      predicateScores: config.predicateScores,
      predicateScoresYear: config.predicateScoresYear,
    },
    config.targets.IKIN,
  );

  const idisValue = indicatorValue(
    'IDIS',
    idis(t.ringan, t.sedang, t.berat, t.n),
    { ringan: t.ringan, sedang: t.sedang, berat: t.berat, weighted: t.ringan + 2 * t.sedang + 3 * t.berat, n: t.n },
    config.targets.IDIS,
  );

  const values = { ikp: ikpValue.value, ikom: ikomValue.value, ikin: ikinValue.value, idis: idisValue.value };
  const rIp = ip(values, config.weights);
  // Say why IP has no value when it is the SKP calendar (IKin not assessed yet).
  if (ikinValue.flags.includes('SKP_NOT_ASSESSED')) rIp.flags.push('SKP_NOT_ASSESSED');
  const ipValue = indicatorValue(
    'IP',
    rIp,
    { weights: config.weights, weightsYear: config.weightsYear, values, note: IP_NOTE },
    config.targets.IP,
  );
  return { ikp: ikpValue, ikom: ikomValue, ikin: ikinValue, idis: idisValue, ip: ipValue };
}

// ---------------------------------------------------------------------------
// The whole result

export interface ComputeInput {
  year: number;
  asOf?: string;
  opd?: string | null;
}

interface CoreResult {
  scope: Scope;
  config: YearConfig;
  tallies: ScopeTallies;
  indicators: IndicatorSet;
}

async function computeCore(db: Db, scope: Scope, levels: LevelTable, today?: IsoDate): Promise<CoreResult> {
  const config = await loadYearConfig(db, scope.year);
  const tallies = await computeTallies(db, scope, levels, config, { today });
  return { scope, config, tallies, indicators: buildIndicators(tallies.total, levels, config) };
}

/** The full result of GET /api/indicators (and of the CLI). */
export async function computeIndicators(db: Db, input: ComputeInput, opts: { today?: IsoDate; resolved?: Scope } = {}): Promise<IndicatorResult> {
  const scope = opts.resolved ?? (await resolveScope(db, input, opts.today));
  const levels = await loadLevels(db);
  const prevScope: Scope = { ...scope, year: scope.year - 1, asOf: defaultAsOf(scope.year - 1, opts.today) };
  const [current, previous, counters, snapshot] = await Promise.all([
    computeCore(db, scope, levels, opts.today),
    computeCore(db, prevScope, levels, opts.today),
    computeCounters(db, scope),
    latestSnapshot(db, scope.year, scope.opd?.id ?? null),
  ]);
  const { config } = current;
  const breakdown: BreakdownItem[] | null = scope.opd
    ? null
    : scope.tree.topLevel().map((root) => {
        const t = current.tallies.byRoot.get(root.id) ?? emptyTally(levels.codes.length);
        return { opd: scope.tree.ref(root.id), population: t.n, populationByStatus: t.byStatus, indicators: buildIndicators(t, levels, config) };
      });
  const total = current.tallies.total;
  return {
    year: scope.year,
    asOf: scope.asOf,
    opd: scope.opd,
    population: total.n,
    populationByStatus: total.byStatus,
    indicators: current.indicators,
    breakdown,
    previous: { year: prevScope.year, asOf: prevScope.asOf, population: previous.tallies.total.n, indicators: previous.indicators },
    counters,
    snapshot,
    computedAt: new Date().toISOString(),
  };
}

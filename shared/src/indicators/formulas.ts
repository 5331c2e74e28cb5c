/**
 * Indicator formulas (INDICATORS.md), pure and at full precision. Callers
 * count the records; these functions turn counts into values, flags and a
 * human-readable formula with the actual numbers (for auditors).
 */
import { z } from 'zod';
import { normalizePredikat, type PredikatSkp } from '../codes.ts';

export const INDICATORS = ['IKP', 'IKOM', 'IKIN', 'IDIS', 'IP'] as const;
export const IndicatorSchema = z.enum(INDICATORS);
export type Indicator = z.infer<typeof IndicatorSchema>;
export const INDICATOR_LABELS: Record<Indicator, string> = {
  IKP: 'Indeks Kualifikasi Pendidikan',
  IKOM: 'Indeks Kompetensi',
  IKIN: 'Indeks Kinerja',
  IDIS: 'Indeks Disiplin',
  IP: 'Indeks Profesionalitas ASN',
};

export const POLARITIES = ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER'] as const;
export const PolaritySchema = z.enum(POLARITIES);
export type Polarity = z.infer<typeof PolaritySchema>;
export const INDICATOR_POLARITY: Record<Indicator, Polarity> = {
  IKP: 'HIGHER_IS_BETTER',
  IKOM: 'HIGHER_IS_BETTER',
  IKIN: 'HIGHER_IS_BETTER',
  IDIS: 'LOWER_IS_BETTER',
  IP: 'HIGHER_IS_BETTER',
};

export type IndicatorFlag =
  /** N = 0: every index is null. */
  | 'NO_POPULATION'
  /** IKom component a/b/c/d had a zero denominator and counted as 0. */
  | 'ZERO_DENOMINATOR_A'
  | 'ZERO_DENOMINATOR_B'
  | 'ZERO_DENOMINATOR_C'
  | 'ZERO_DENOMINATOR_D'
  /** IKin: some ASN had no SKP score for the year (counted as 0). */
  | 'MISSING_SKP'
  /** IKin (and IP): nobody has an SKP score for the year yet: not assessed, no value (not 0). */
  | 'SKP_NOT_ASSESSED'
  /** IP: a component index is null. */
  | 'MISSING_COMPONENT'
  /** IP: the weights do not sum to 100. */
  | 'WEIGHTS_NOT_100'
  /** Capaian: no target, a zero target, or no realisasi. */
  | 'MISSING_TARGET'
  | 'ZERO_TARGET'
  | 'MISSING_REALISASI';

export interface IndicatorResult {
  /** Unrounded value; null when it cannot be computed (see flags). */
  value: number | null;
  flags: IndicatorFlag[];
  /** The formula with its numbers, e.g. '22 / (10 × 3) × 100'. */
  formula: string;
}

/** A numerator and denominator (counts). */
export interface Ratio {
  num: number;
  den: number;
}

function assertCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
}

function assertNonNegative(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative number, got ${value}`);
  }
}

function noPopulation(formula: string): IndicatorResult {
  return { value: null, flags: ['NO_POPULATION'], formula };
}

// ---------------------------------------------------------------------------
// 1. IKP

/** Highest weight of the IKP scale (S1/D4 = 3 is the reference). */
export const IKP_REFERENCE_WEIGHT = 3;

/** IKP = Σ weight / (N × 3) × 100. */
export function ikp(sumWeights: number, n: number): IndicatorResult {
  assertNonNegative('sumWeights', sumWeights);
  assertCount('n', n);
  const formula = `${sumWeights} / (${n} × ${IKP_REFERENCE_WEIGHT}) × 100`;
  if (n === 0) return noPopulation(formula);
  return { value: (sumWeights / (n * IKP_REFERENCE_WEIGHT)) * 100, flags: [], formula };
}

// ---------------------------------------------------------------------------
// 2. IKom

export interface IkomComponents {
  /** Eselon holders with leadership training / eselon holders. */
  a: Ratio;
  /** JFT holders with functional training / JFT holders. */
  b: Ratio;
  /** ASN with ≥ 20 JP in the year / N. */
  c: Ratio;
  /** ASN with a WORKSHOP record in the year / N. */
  d: Ratio;
}

export interface IkomResult extends IndicatorResult {
  /** Component ratios (0 when the denominator is 0); null when N = 0. */
  components: Record<keyof IkomComponents, number | null>;
}

const IKOM_KEYS = ['a', 'b', 'c', 'd'] as const;
const ZERO_DEN_FLAG: Record<keyof IkomComponents, IndicatorFlag> = {
  a: 'ZERO_DENOMINATOR_A',
  b: 'ZERO_DENOMINATOR_B',
  c: 'ZERO_DENOMINATOR_C',
  d: 'ZERO_DENOMINATOR_D',
};

/** Minimum competency-development hours (JP) per year (PP 11/2017 Art. 203(4)). */
export const JP_MIN_PER_YEAR = 20;

/**
 * IKom = (a + b + c + d) / 4 × 100. The denominators of c and d are N; when
 * N = 0 the value is null (NO_POPULATION). A component whose denominator is
 * 0 counts as 0 and is flagged.
 */
export function ikom(components: IkomComponents): IkomResult {
  for (const k of IKOM_KEYS) {
    assertCount(`${k}.num`, components[k].num);
    assertCount(`${k}.den`, components[k].den);
    if (components[k].num > components[k].den && components[k].den > 0) {
      throw new RangeError(`${k}.num (${components[k].num}) exceeds ${k}.den (${components[k].den})`);
    }
  }
  if (components.c.den !== components.d.den) {
    throw new RangeError(`c.den and d.den are both N; got ${components.c.den} and ${components.d.den}`);
  }
  const formula = `(${IKOM_KEYS.map((k) => `${components[k].num}/${components[k].den}`).join(' + ')}) / 4 × 100`;
  if (components.c.den === 0) {
    return { ...noPopulation(formula), components: { a: null, b: null, c: null, d: null } };
  }
  const flags: IndicatorFlag[] = [];
  const ratio = (k: keyof IkomComponents): number => {
    const { num, den } = components[k];
    if (den === 0) {
      flags.push(ZERO_DEN_FLAG[k]);
      return 0;
    }
    return num / den;
  };
  const values = { a: ratio('a'), b: ratio('b'), c: ratio('c'), d: ratio('d') };
  const value = ((values.a + values.b + values.c + values.d) / 4) * 100;
  return { value, flags, formula, components: values };
}

// ---------------------------------------------------------------------------
// 3. IKin

/** Default predicate → score table (editable per year by a BKD admin). */
export const DEFAULT_PREDIKAT_SCORES: Record<PredikatSkp, number> = {
  SANGAT_BAIK: 95,
  BAIK: 83,
  BUTUH_PERBAIKAN: 68,
  KURANG: 55,
  SANGAT_KURANG: 25,
};

/**
 * Score of one SKP record: its numeric nilai when present, otherwise its
 * predicate (legacy CUKUP/BURUK accepted) through the table; null when neither.
 */
export function skpScore(
  record: { nilai?: number | null; predikat?: string | null },
  table: Record<PredikatSkp, number> = DEFAULT_PREDIKAT_SCORES,
): number | null {
  if (record.nilai !== null && record.nilai !== undefined && Number.isFinite(record.nilai)) {
    return record.nilai;
  }
  const predikat = record.predikat ? normalizePredikat(record.predikat) : null;
  return predikat ? table[predikat] : null;
}

/**
 * IKin = Σ SKP score / (100 × N) × 100 (the mean score; an ASN without a
 * score counts 0). `missing` is the number of ASN without a score (flag only).
 */
export function ikin(sumScores: number, n: number, missing = 0): IndicatorResult {
  assertNonNegative('sumScores', sumScores);
  assertCount('n', n);
  assertCount('missing', missing);
  const formula = `${sumScores} / (100 × ${n}) × 100`;
  if (n === 0) return noPopulation(formula);
  // A year whose SKP has not been assessed yet (no score at all) has no IKin: counting
  // everyone as 0 would show a collapse that is only the assessment calendar.
  if (missing >= n) return { value: null, flags: ['SKP_NOT_ASSESSED'], formula };
  return {
    value: (sumScores / (100 * n)) * 100,
    flags: missing > 0 ? ['MISSING_SKP'] : [],
    formula,
  };
}

// ---------------------------------------------------------------------------
// 4. IDis (lower is better)

/** IDis = (R × 1 + S × 2 + B × 3) / N × 100 (penalties counted, not people). */
export function idis(r: number, s: number, b: number, n: number): IndicatorResult {
  assertCount('r', r);
  assertCount('s', s);
  assertCount('b', b);
  assertCount('n', n);
  const formula = `(${r} × 1 + ${s} × 2 + ${b} × 3) / ${n} × 100`;
  if (n === 0) return noPopulation(formula);
  return { value: ((r + 2 * s + 3 * b) / n) * 100, flags: [], formula };
}

// ---------------------------------------------------------------------------
// 5. IP

export interface IpWeights {
  ikp: number;
  ikom: number;
  ikin: number;
  idis: number;
}

/** Default weights in percent (configurable per year by a BKD admin). */
export const DEFAULT_IP_WEIGHTS: IpWeights = { ikp: 25, ikom: 40, ikin: 30, idis: 5 };

export type IpValues = Record<keyof IpWeights, number | null>;

const IP_KEYS = ['ikp', 'ikom', 'ikin', 'idis'] as const;

/**
 * IP = Σ weight% × index (the agency's formula: IDis enters as is, so more
 * penalties raise IP slightly). Null when any component is null.
 */
export function ip(values: IpValues, weights: IpWeights = DEFAULT_IP_WEIGHTS): IndicatorResult {
  for (const k of IP_KEYS) assertNonNegative(`weights.${k}`, weights[k]);
  const formula = IP_KEYS.map((k) => `${weights[k]}% × ${values[k] ?? '—'}`).join(' + ');
  const flags: IndicatorFlag[] = [];
  const sumWeights = IP_KEYS.reduce((acc, k) => acc + weights[k], 0);
  if (Math.abs(sumWeights - 100) > 1e-9) flags.push('WEIGHTS_NOT_100');
  let value = 0;
  for (const k of IP_KEYS) {
    const v = values[k];
    if (v === null) return { value: null, flags: [...flags, 'MISSING_COMPONENT'], formula };
    value += (weights[k] / 100) * v;
  }
  return { value, flags, formula };
}

// ---------------------------------------------------------------------------
// Capaian (achievement against target)

/**
 * Higher is better: realisasi / target × 100; lower is better:
 * (2 × target − realisasi) / target × 100. A missing or zero target, or a
 * missing realisasi, gives null (flagged). Not clamped.
 */
export function capaian(
  realisasi: number | null,
  target: number | null,
  polarity: Polarity,
): IndicatorResult {
  const formula =
    polarity === 'HIGHER_IS_BETTER'
      ? `${realisasi ?? '—'} / ${target ?? '—'} × 100`
      : `(2 × ${target ?? '—'} − ${realisasi ?? '—'}) / ${target ?? '—'} × 100`;
  const flags: IndicatorFlag[] = [];
  if (target === null) flags.push('MISSING_TARGET');
  else if (target === 0) flags.push('ZERO_TARGET');
  if (realisasi === null) flags.push('MISSING_REALISASI');
  if (target === null || target === 0 || realisasi === null) return { value: null, flags, formula };
  const value =
    polarity === 'HIGHER_IS_BETTER'
      ? (realisasi / target) * 100
      : ((2 * target - realisasi) / target) * 100;
  return { value, flags, formula };
}

/** Rounds for display only (default 2 decimals); null stays null. */
export function roundForDisplay(value: number | null, decimals = 2): number | null {
  if (value === null) return null;
  const f = 10 ** decimals;
  return Math.round((value + Number.EPSILON) * f) / f;
}

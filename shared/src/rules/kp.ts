/**
 * KP, rank promotion (kenaikan pangkat), DOMAIN-RULES §4: promotion periods
 * per regulation (as data), regular-KP eligibility and step validation.
 */
import {
  normalizePredikat,
  predikatAtLeast,
  predikatFromNilai,
  PENDIDIKAN_LABELS,
  PREDIKAT_SKP_LABELS,
  type JenisKp,
  type Pendidikan,
  type PredikatSkp,
  type StatusKepegawaian,
} from '../codes.ts';
import {
  addDays,
  addMonths,
  addYears,
  compareDates,
  firstOfMonthOnOrAfter,
  formatTanggal,
  parseDate,
  type IsoDate,
} from './dates.ts';
import {
  golonganIndex,
  golonganSteps,
  kpRegulerCeiling,
  nextGolongan,
  type Golongan,
  type PendidikanVariant,
} from './golongan.ts';

// ---------------------------------------------------------------------------
// Periods

export interface KpPeriodRegime {
  regulation: string;
  /** First day the regime applies (null = open start). */
  effectiveFrom: IsoDate | null;
  /** Last day the regime applies (null = still in force). */
  effectiveUntil: IsoDate | null;
  /** Months (1–12) whose 1st is a KP period. */
  months: readonly number[];
}

/** KP period regimes (DOMAIN-RULES §4). */
export const KP_PERIOD_REGIMES: readonly KpPeriodRegime[] = [
  {
    regulation: 'Kep. Ka BKN 12/2002',
    effectiveFrom: null,
    effectiveUntil: '2023-12-31',
    months: [4, 10],
  },
  {
    regulation: 'Perban BKN 4/2023',
    effectiveFrom: '2024-01-01',
    effectiveUntil: '2025-09-30',
    months: [2, 4, 6, 8, 10, 12],
  },
  {
    regulation: 'Perban BKN 4/2025',
    effectiveFrom: '2025-10-01',
    effectiveUntil: null,
    months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  },
];

/** The regime in force on the date, or null. */
export function kpRegimeOn(
  date: IsoDate,
  regimes: readonly KpPeriodRegime[] = KP_PERIOD_REGIMES,
): KpPeriodRegime | null {
  return (
    regimes.find(
      (r) =>
        (r.effectiveFrom === null || compareDates(r.effectiveFrom, date) <= 0) &&
        (r.effectiveUntil === null || compareDates(date, r.effectiveUntil) <= 0),
    ) ?? null
  );
}

/** True when the date is a KP period (TMT) under the regime in force on it. */
export function isKpPeriod(date: IsoDate, regimes: readonly KpPeriodRegime[] = KP_PERIOD_REGIMES): boolean {
  const { month, day } = parseDate(date);
  const regime = kpRegimeOn(date, regimes);
  return day === 1 && regime !== null && regime.months.includes(month);
}

/** The first KP period on or after the date (null if none within 10 years). */
export function kpPeriodOnOrAfter(
  date: IsoDate,
  regimes: readonly KpPeriodRegime[] = KP_PERIOD_REGIMES,
): IsoDate | null {
  let candidate = firstOfMonthOnOrAfter(date);
  for (let i = 0; i < 120; i++) {
    if (isKpPeriod(candidate, regimes)) return candidate;
    candidate = addMonths(candidate, 1);
  }
  return null;
}

/** The first KP period strictly after the date ('2025-11-01' → '2025-12-01'). */
export function nextKpPeriod(
  date: IsoDate,
  regimes: readonly KpPeriodRegime[] = KP_PERIOD_REGIMES,
): IsoDate | null {
  return kpPeriodOnOrAfter(addDays(date, 1), regimes);
}

export interface KpSubmissionWindow {
  /** The KP period (TMT) the window belongs to. */
  period: IsoDate;
  opens: IsoDate;
  closes: IsoDate;
  regulation: string;
}

/** Known submission windows set by BKN (extend as BKN announces them). */
export const KP_SUBMISSION_WINDOWS: readonly KpSubmissionWindow[] = [
  { period: '2024-02-01', opens: '2023-12-15', closes: '2024-01-15', regulation: 'Perban BKN 4/2023' },
  { period: '2024-04-01', opens: '2024-02-01', closes: '2024-02-28', regulation: 'Perban BKN 4/2023' },
];

/** The submission window of a period, or null when it is not known. */
export function kpSubmissionWindow(
  period: IsoDate,
  windows: readonly KpSubmissionWindow[] = KP_SUBMISSION_WINDOWS,
): KpSubmissionWindow | null {
  return windows.find((w) => w.period === period) ?? null;
}

// ---------------------------------------------------------------------------
// Regular-KP eligibility

/** Minimum years in the last rank for a regular KP. */
export const KP_REGULER_MIN_YEARS = 4;

/** Crossings that need an ujian dinas or the required training. */
export const KP_EXAM_CROSSINGS: readonly (readonly [Golongan, Golongan])[] = [
  ['II/d', 'III/a'],
  ['III/d', 'IV/a'],
];

export interface SkpYear {
  tahun: number;
  predikat?: string | null;
  /** 0–100; wins over the predicate when both are given. */
  nilai?: number | null;
}

export interface KpRegulerInput {
  golongan: Golongan;
  tmtGolongan: IsoDate;
  pendidikan: Pendidikan;
  pendidikanVariant?: PendidikanVariant;
  /** SKP records; the two years before the period's year are checked (or `skpYears`). */
  skp: readonly SkpYear[];
  /** The SKP years to check instead (e.g. the two years before the submission window closes). */
  skpYears?: readonly number[];
  /** A discipline penalty is in effect on the period date. */
  activePenalty: boolean;
  /** The KP period (TMT) being considered. */
  period: IsoDate;
  statusKepegawaian?: StatusKepegawaian;
  /** Only used when the KP crosses II/d→III/a or III/d→IV/a; false blocks. */
  ujianDinasLulus?: boolean;
  /** Minimum predicate; default BAIK. */
  threshold?: PredikatSkp;
  regimes?: readonly KpPeriodRegime[];
}

export type KpReasonCode =
  | 'BUKAN_PNS'
  | 'PERIODE_TIDAK_VALID'
  | 'MASA_KERJA_KURANG'
  | 'SKP_TIDAK_ADA'
  | 'SKP_DI_BAWAH_BATAS'
  | 'HUKDIS_AKTIF'
  | 'PANGKAT_PUNCAK'
  | 'GOLONGAN_TERTINGGI'
  | 'UJIAN_DINAS';

export interface KpReason {
  code: KpReasonCode;
  message: string;
}

export interface KpRegulerResult {
  eligible: boolean;
  /** Indonesian reasons why not eligible, one per code. */
  reasons: string[];
  codes: KpReasonCode[];
  /** The grade after the promotion (null at IV/e). */
  targetGolongan: Golongan | null;
  /** The ceiling for the diploma. */
  ceiling: Golongan;
  /** The first KP period at which the 4-year rule is met. */
  earliestPeriod: IsoDate | null;
  /** The KP crosses II/d→III/a or III/d→IV/a (ujian dinas or required training). */
  requiresUjianDinas: boolean;
}

/** The predicate of an SKP record (a valid 0–100 score wins over the predicate). */
export function skpPredikat(record: SkpYear | undefined): PredikatSkp | null {
  if (!record) return null;
  const { nilai, predikat } = record;
  if (nilai !== null && nilai !== undefined && Number.isFinite(nilai) && nilai >= 0 && nilai <= 100) {
    return predikatFromNilai(nilai);
  }
  return predikat ? normalizePredikat(predikat) : null;
}

/** What blocks a KP in the SKP of the given years: a missing year, or a predicate below the threshold. */
export function skpReasons(skp: readonly SkpYear[], years: readonly number[], threshold: PredikatSkp): KpReason[] {
  const reasons: KpReason[] = [];
  for (const tahun of years) {
    const predikat = skpPredikat(skp.find((s) => s.tahun === tahun));
    if (predikat === null) {
      reasons.push({ code: 'SKP_TIDAK_ADA', message: `SKP tahun ${tahun} belum tersedia.` });
    } else if (!predikatAtLeast(predikat, threshold)) {
      reasons.push({
        code: 'SKP_DI_BAWAH_BATAS',
        message: `Predikat SKP tahun ${tahun} (${PREDIKAT_SKP_LABELS[predikat]}) di bawah ${PREDIKAT_SKP_LABELS[threshold]}.`,
      });
    }
  }
  return reasons;
}

/** Whether the step from → to crosses II/d→III/a or III/d→IV/a. */
export function requiresUjianDinas(from: Golongan, to: Golongan): boolean {
  return KP_EXAM_CROSSINGS.some(([a, b]) => from === a && to === b);
}

/** The first period at which the employee has 4 years in rank. */
export function earliestKpReguler(
  tmtGolongan: IsoDate,
  regimes: readonly KpPeriodRegime[] = KP_PERIOD_REGIMES,
): IsoDate | null {
  return kpPeriodOnOrAfter(addYears(tmtGolongan, KP_REGULER_MIN_YEARS), regimes);
}

/**
 * Regular KP eligibility at a period: PNS, a valid period, ≥ 4 years in the
 * rank on the period date, SKP ≥ Baik in each of the 2 years before the
 * period's year, no active penalty, and the next grade within the diploma's
 * ceiling. Crossing II/d→III/a or III/d→IV/a is flagged (requiresUjianDinas)
 * and blocks only when `ujianDinasLulus` is false.
 */
export function kpRegulerEligibility(input: KpRegulerInput): KpRegulerResult {
  const regimes = input.regimes ?? KP_PERIOD_REGIMES;
  const threshold = input.threshold ?? 'BAIK';
  const reasons: KpReason[] = [];
  const target = nextGolongan(input.golongan);
  const ceiling = kpRegulerCeiling(input.pendidikan, input.pendidikanVariant);
  const earliestPeriod = earliestKpReguler(input.tmtGolongan, regimes);

  if (input.statusKepegawaian !== undefined && input.statusKepegawaian !== 'PNS') {
    reasons.push({ code: 'BUKAN_PNS', message: 'KP reguler hanya untuk PNS.' });
  }
  if (!isKpPeriod(input.period, regimes)) {
    reasons.push({
      code: 'PERIODE_TIDAK_VALID',
      message: `${formatTanggal(input.period)} bukan periode KP.`,
    });
  }
  const fourYears = addYears(input.tmtGolongan, KP_REGULER_MIN_YEARS);
  if (compareDates(input.period, fourYears) < 0) {
    reasons.push({
      code: 'MASA_KERJA_KURANG',
      message: `Belum ${KP_REGULER_MIN_YEARS} tahun dalam pangkat terakhir (terpenuhi ${formatTanggal(fourYears)}).`,
    });
  }
  const periodYear = parseDate(input.period).year;
  reasons.push(...skpReasons(input.skp, input.skpYears ?? [periodYear - 2, periodYear - 1], threshold));
  if (input.activePenalty) {
    reasons.push({ code: 'HUKDIS_AKTIF', message: 'Sedang menjalani hukuman disiplin.' });
  }
  if (target === null) {
    reasons.push({ code: 'GOLONGAN_TERTINGGI', message: 'Sudah pada golongan tertinggi (IV/e).' });
  } else if (golonganIndex(target) > golonganIndex(ceiling)) {
    reasons.push({
      code: 'PANGKAT_PUNCAK',
      message: `Pangkat puncak KP reguler untuk ijazah ${PENDIDIKAN_LABELS[input.pendidikan]} adalah ${ceiling}.`,
    });
  }
  const examNeeded = target !== null && requiresUjianDinas(input.golongan, target);
  if (examNeeded && input.ujianDinasLulus === false) {
    reasons.push({
      code: 'UJIAN_DINAS',
      message: `Kenaikan ${input.golongan} ke ${target} memerlukan ujian dinas atau diklat yang dipersyaratkan.`,
    });
  }

  return {
    eligible: reasons.length === 0,
    reasons: reasons.map((r) => r.message),
    codes: reasons.map((r) => r.code),
    targetGolongan: target,
    ceiling,
    earliestPeriod,
    requiresUjianDinas: examNeeded,
  };
}

// ---------------------------------------------------------------------------
// Step validation

/** KP kinds that may skip grades (diploma adjustment, extraordinary promotion). */
export const KP_MULTI_STEP_KINDS: readonly JenisKp[] = ['PENYESUAIAN_IJAZAH', 'LUAR_BIASA'];

/**
 * A KP must raise the grade by exactly one step, except diploma adjustment
 * (PI) and extraordinary promotion, which may raise it by more.
 * CPNS/PNS appointments are not promotions and are always accepted.
 */
export function validateKpStep(
  from: Golongan,
  to: Golongan,
  jenisKp: JenisKp,
): { ok: boolean; message: string | null } {
  if (jenisKp === 'CPNS' || jenisKp === 'PNS') return { ok: true, message: null };
  const steps = golonganSteps(from, to);
  if (steps <= 0) {
    return { ok: false, message: `Golongan baru (${to}) harus lebih tinggi dari ${from}.` };
  }
  if (steps > 1 && !KP_MULTI_STEP_KINDS.includes(jenisKp)) {
    return {
      ok: false,
      message: `KP dari ${from} ke ${to} melompati ${steps - 1} tingkat; hanya satu tingkat per KP.`,
    };
  }
  return { ok: true, message: null };
}

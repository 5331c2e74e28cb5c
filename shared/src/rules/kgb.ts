/**
 * KGB, periodic salary increase (kenaikan gaji berkala), DOMAIN-RULES §3:
 * salary-table lookup, the MKG rhythm, the next KGB and its postponement.
 */
import {
  normalizePredikat,
  predikatAtLeast,
  predikatFromNilai,
  PREDIKAT_SKP_LABELS,
  TINGKAT_HUKDIS_LABELS,
  type PredikatSkp,
  type StatusKepegawaian,
} from '../codes.ts';
import {
  addMonths,
  compareDates,
  diffMonths,
  firstOfMonthOnOrAfter,
  formatTanggal,
  type IsoDate,
} from './dates.ts';
import { type Golongan } from './golongan.ts';
import { activeHukdis, hukdisPeriod, type HukdisRecord } from './hukdis.ts';

// ---------------------------------------------------------------------------
// Salary table

export interface GajiPokokRow {
  golongan: Golongan;
  /** Masa kerja golongan, whole years. */
  mkg: number;
  /** Rupiah per month. */
  gajiPokok: number;
}

export interface GajiPokokTable {
  effectiveFrom: IsoDate;
  regulation: string;
  rows: readonly GajiPokokRow[];
}

export interface LookupOptions {
  /**
   * When the MKG is below the golongan's first row (e.g. I/c at MKG 0), use
   * the first row instead of returning null. Default false.
   */
  clampToFirstRow?: boolean;
}

/** The row with the largest MKG ≤ mkgYears for the golongan, or null. */
export function findGajiPokokRow(
  table: GajiPokokTable,
  golongan: Golongan,
  mkgYears: number,
  options: LookupOptions = {},
): GajiPokokRow | null {
  let best: GajiPokokRow | null = null;
  let first: GajiPokokRow | null = null;
  for (const row of table.rows) {
    if (row.golongan !== golongan) continue;
    if (first === null || row.mkg < first.mkg) first = row;
    if (row.mkg <= mkgYears && (best === null || row.mkg > best.mkg)) best = row;
  }
  return best ?? (options.clampToFirstRow ? first : null);
}

/** Gaji pokok for (golongan, MKG in whole years), or null when no row applies. */
export function lookupGajiPokok(
  table: GajiPokokTable,
  golongan: Golongan,
  mkgYears: number,
  options: LookupOptions = {},
): number | null {
  return findGajiPokokRow(table, golongan, mkgYears, options)?.gajiPokok ?? null;
}

/** The table in force on the date (latest effectiveFrom ≤ date), or null. */
export function selectGajiPokokTable(
  tables: readonly GajiPokokTable[],
  onDate: IsoDate,
): GajiPokokTable | null {
  let best: GajiPokokTable | null = null;
  for (const t of tables) {
    if (compareDates(t.effectiveFrom, onDate) > 0) continue;
    if (best === null || compareDates(t.effectiveFrom, best.effectiveFrom) > 0) best = t;
  }
  return best;
}

/** A CPNS receives 80% of gaji pokok (PP 7/1977 Art. 5). */
export const CPNS_GAJI_POKOK_FACTOR = 0.8;

/** The gaji pokok actually received: 80% for a CPNS, rounded to the rupiah. */
export function gajiPokokDiterima(gajiPokok: number, status: StatusKepegawaian): number {
  return status === 'CPNS' ? Math.round(gajiPokok * CPNS_GAJI_POKOK_FACTOR) : gajiPokok;
}

// ---------------------------------------------------------------------------
// MKG and rhythm

export type KgbRhythm = 'odd' | 'even';

/** I/b–I/d and golongan II step on odd MKG; I/a and golongan III/IV on even MKG. */
export function kgbRhythm(golongan: Golongan): KgbRhythm {
  if (golongan.startsWith('II/')) return 'odd';
  if (golongan.startsWith('I/') && golongan !== 'I/a') return 'odd';
  return 'even';
}

/** The lowest MKG (years) at which a KGB falls: 1 for II/a, 3 for other odd grades, 2 for even. */
export function firstKgbMkg(golongan: Golongan): number {
  if (golongan === 'II/a') return 1;
  return kgbRhythm(golongan) === 'odd' ? 3 : 2;
}

/** True when reaching this MKG (whole years) gives a KGB in the golongan. */
export function isKgbMkg(golongan: Golongan, mkgYears: number): boolean {
  if (!Number.isInteger(mkgYears) || mkgYears < firstKgbMkg(golongan)) return false;
  const odd = mkgYears % 2 === 1;
  return kgbRhythm(golongan) === 'odd' ? odd : !odd;
}

export interface MkgAtBase {
  mkgTahun: number;
  mkgBulan: number;
  /** TMT of the SK in which this MKG was recorded. */
  tmtBase: IsoDate;
}

export interface Mkg {
  tahun: number;
  bulan: number;
}

function assertMkg(mkgTahun: number, mkgBulan: number): void {
  if (!Number.isInteger(mkgTahun) || mkgTahun < 0) {
    throw new RangeError(`mkgTahun must be a non-negative integer, got ${mkgTahun}`);
  }
  if (!Number.isInteger(mkgBulan) || mkgBulan < 0 || mkgBulan > 11) {
    throw new RangeError(`mkgBulan must be an integer 0–11, got ${mkgBulan}`);
  }
}

/** MKG on a date: the MKG in the last SK + whole months since its TMT. */
export function mkgAt({ mkgTahun, mkgBulan, tmtBase }: MkgAtBase, onDate: IsoDate): Mkg {
  assertMkg(mkgTahun, mkgBulan);
  const total = mkgTahun * 12 + mkgBulan + diffMonths(tmtBase, onDate);
  if (total < 0) throw new RangeError(`MKG would be negative on ${onDate}`);
  return { tahun: Math.floor(total / 12), bulan: total % 12 };
}

// ---------------------------------------------------------------------------
// Next KGB

export interface NextKgbInput extends MkgAtBase {
  golongan: Golongan;
  tmtCpns?: IsoDate | null;
  lastKgbTmt?: IsoDate | null;
}

export interface NextKgbResult {
  /** TMT of the next KGB, always the 1st of a month. */
  tmt: IsoDate;
  /** MKG at that TMT. */
  mkgTahun: number;
  mkgBulan: number;
  rhythm: KgbRhythm;
  /** No KGB recorded since TMT CPNS (lastKgbTmt absent). */
  isFirst: boolean;
  /** Data inconsistencies worth showing to the verifier (Indonesian). */
  warnings: string[];
}

/**
 * The next KGB after the last SK (KP or KGB): the first MKG year above the
 * MKG at `tmtBase` that matches the golongan's rhythm (II/a: 1, 3, 5, …;
 * other odd grades: 3, 5, …; even grades: 2, 4, …), reached by counting
 * whole months from `tmtBase`; the TMT is that date, or the 1st of the next
 * month when it is not a 1st.
 */
export function nextKgb(input: NextKgbInput): NextKgbResult {
  const { golongan, mkgTahun, mkgBulan, tmtBase } = input;
  assertMkg(mkgTahun, mkgBulan);
  const rhythm = kgbRhythm(golongan);
  const baseMonths = mkgTahun * 12 + mkgBulan;

  let stepYears = Math.max(firstKgbMkg(golongan), Math.floor(baseMonths / 12) + 1);
  if (!isKgbMkg(golongan, stepYears)) stepYears += 1;

  const reached = addMonths(tmtBase, stepYears * 12 - baseMonths);
  const tmt = firstOfMonthOnOrAfter(reached);
  const mkg = mkgAt(input, tmt);
  return {
    tmt,
    mkgTahun: mkg.tahun,
    mkgBulan: mkg.bulan,
    rhythm,
    isFirst: !input.lastKgbTmt,
    warnings: nextKgbWarnings(input),
  };
}

function nextKgbWarnings({ tmtBase, tmtCpns, lastKgbTmt }: NextKgbInput): string[] {
  const warnings: string[] = [];
  if (tmtCpns && compareDates(tmtBase, tmtCpns) < 0) {
    warnings.push(
      `TMT SK terakhir (${formatTanggal(tmtBase)}) lebih awal dari TMT CPNS (${formatTanggal(tmtCpns)}).`,
    );
  }
  if (lastKgbTmt && compareDates(lastKgbTmt, tmtBase) > 0) {
    warnings.push(
      `TMT KGB terakhir (${formatTanggal(lastKgbTmt)}) lebih baru dari TMT SK dasar (${formatTanggal(tmtBase)}); gunakan SK terakhir sebagai dasar.`,
    );
  }
  return warnings;
}

export interface NextKgbWithGaji extends NextKgbResult {
  gajiPokokLama: number | null;
  gajiPokokBaru: number | null;
  /** False when the new salary is not higher (e.g. the top of the table). */
  naik: boolean;
}

/** nextKgb plus the old and new gaji pokok from the table. */
export function nextKgbWithGaji(
  input: NextKgbInput,
  table: GajiPokokTable,
  options: LookupOptions = {},
): NextKgbWithGaji {
  const next = nextKgb(input);
  const gajiPokokLama = lookupGajiPokok(table, input.golongan, input.mkgTahun, options);
  const gajiPokokBaru = lookupGajiPokok(table, input.golongan, next.mkgTahun, options);
  const naik = gajiPokokBaru !== null && (gajiPokokLama === null || gajiPokokBaru > gajiPokokLama);
  return { ...next, gajiPokokLama, gajiPokokBaru, naik };
}

// ---------------------------------------------------------------------------
// Letter timing (Art. 12) and on-time rate

/** Default lead between the KGB letter and its TMT (PP 7/1977 Art. 12). */
export const KGB_LEAD_MONTHS = 2;

/** The date by which the letter should be issued: TMT − lead months. */
export function kgbLetterDueDate(tmt: IsoDate, leadMonths: number = KGB_LEAD_MONTHS): IsoDate {
  return addMonths(tmt, -leadMonths);
}

/** On time: finalized before the TMT; early: at least the lead before the TMT. */
export function kgbTimeliness(
  finalizedOn: IsoDate,
  tmt: IsoDate,
  leadMonths: number = KGB_LEAD_MONTHS,
): { onTime: boolean; early: boolean } {
  return {
    onTime: compareDates(finalizedOn, tmt) < 0,
    early: compareDates(finalizedOn, kgbLetterDueDate(tmt, leadMonths)) <= 0,
  };
}

// ---------------------------------------------------------------------------
// Postponement (Art. 11, 13; DOMAIN-RULES §3 and §7)

export type KgbPostponementCode = 'SKP_TIDAK_ADA' | 'SKP_DI_BAWAH_BATAS' | 'HUKDIS_AKTIF';

export interface KgbPostponementInput {
  /** Predicate of the last year's SKP (codes, labels or legacy CUKUP/BURUK). */
  lastSkpPredicate?: string | null;
  /** Score 0–100 of the last year's SKP; wins over the predicate when both are given. */
  lastSkpScore?: number | null;
  /** Minimum predicate; default BAIK (regional practice). */
  threshold?: PredikatSkp;
  /** Penalties of the employee; those active on `onDate` postpone the KGB. */
  penalties?: readonly HukdisRecord[];
  /** The date to check penalties on (normally the KGB TMT). */
  onDate: IsoDate;
}

export interface KgbPostponementResult {
  postponed: boolean;
  /** Indonesian reasons, one per code. */
  reasons: string[];
  codes: KgbPostponementCode[];
  /** The predicate used (from the score when given), or null when unknown. */
  predikat: PredikatSkp | null;
  activePenalties: HukdisRecord[];
}

function resolvePredikat(input: KgbPostponementInput): PredikatSkp | null {
  const score = input.lastSkpScore;
  if (score !== null && score !== undefined && Number.isFinite(score) && score >= 0 && score <= 100) {
    return predikatFromNilai(score);
  }
  return input.lastSkpPredicate ? normalizePredikat(input.lastSkpPredicate) : null;
}

/** Whether the KGB is postponed: SKP below the threshold or missing, or an active penalty. */
export function kgbPostponement(input: KgbPostponementInput): KgbPostponementResult {
  const threshold = input.threshold ?? 'BAIK';
  const predikat = resolvePredikat(input);
  const reasons: string[] = [];
  const codes: KgbPostponementCode[] = [];

  if (predikat === null) {
    codes.push('SKP_TIDAK_ADA');
    reasons.push(
      input.lastSkpPredicate
        ? `Predikat SKP tahun terakhir '${input.lastSkpPredicate}' tidak dikenal.`
        : 'SKP/predikat kinerja tahun terakhir belum tersedia.',
    );
  } else if (!predikatAtLeast(predikat, threshold)) {
    codes.push('SKP_DI_BAWAH_BATAS');
    reasons.push(
      `Predikat kinerja tahun terakhir (${PREDIKAT_SKP_LABELS[predikat]}) di bawah batas minimal (${PREDIKAT_SKP_LABELS[threshold]}).`,
    );
  }

  const active = activeHukdis(input.penalties ?? [], input.onDate);
  for (const p of active) {
    const { end } = hukdisPeriod(p);
    const until = end ? ` s.d. ${formatTanggal(end)}` : '';
    codes.push('HUKDIS_AKTIF');
    reasons.push(
      `Sedang menjalani hukuman disiplin tingkat ${TINGKAT_HUKDIS_LABELS[p.tingkat].toLowerCase()}${p.jenis ? ` (${p.jenis})` : ''}${until}.`,
    );
  }

  return { postponed: codes.length > 0, reasons, codes, predikat, activePenalties: active };
}

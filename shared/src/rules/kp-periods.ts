/**
 * KP periods and submission windows as data (DOMAIN-RULES §4). A regime (the regulation in
 * force from one date to another) says which months' 1st are KP periods and, by a rule, when
 * the submission window of each period opens and closes; BKN's announced window of one period
 * is recorded as an explicit window that wins over the rule. The tables live in the database
 * (kp_period_regime, kp_period) and are edited by BKD; these functions are the pure part.
 */
import {
  addMonths,
  compareDates,
  daysInMonth,
  firstOfMonthOnOrAfter,
  formatTanggal,
  parseDate,
  toIsoDate,
  type IsoDate,
} from './dates.ts';
import { isKpPeriod, kpRegimeOn, type KpPeriodRegime } from './kp.ts';

/**
 * When a period's window opens and closes, counted from the period's month: it opens on day
 * `opensDay` of the month `opensMonthsBefore` months before the period, and closes on day
 * `closesDay` of the month `closesMonthsBefore` months before (a day past the month's end is
 * its last day: 31 = the last day of any month).
 */
export interface KpWindowRule {
  opensMonthsBefore: number;
  opensDay: number;
  closesMonthsBefore: number;
  closesDay: number;
}

export interface KpRegimeWithWindow extends KpPeriodRegime {
  window: KpWindowRule;
}

/** A window set for one period (BKN's announcement), winning over the regime's rule. */
export interface KpWindowOverride {
  period: IsoDate;
  opens: IsoDate;
  closes: IsoDate;
  note?: string | null;
}

export type KpWindowSource = 'ATURAN' | 'DITETAPKAN';

export interface KpPeriodWindow {
  period: IsoDate;
  opens: IsoDate;
  closes: IsoDate;
  regulation: string;
  /** ATURAN = from the regime's rule; DITETAPKAN = set for this period. */
  source: KpWindowSource;
  note: string | null;
}

export type KpWindowStatus = 'BELUM_DIBUKA' | 'DIBUKA' | 'DITUTUP';

export const KP_WINDOW_STATUS_LABELS: Record<KpWindowStatus, string> = {
  BELUM_DIBUKA: 'Belum dibuka',
  DIBUKA: 'Dibuka',
  DITUTUP: 'Ditutup',
};

/**
 * The default window rule (local choice, unconfirmed: BKN announces windows per period): the
 * whole month two months before the period (1 Jan period → 1–30 November).
 */
export const DEFAULT_KP_WINDOW_RULE: KpWindowRule = {
  opensMonthsBefore: 2,
  opensDay: 1,
  closesMonthsBefore: 2,
  closesDay: 31,
};

/** The regimes of DOMAIN-RULES §4 with the default window rule (what the migration seeds). */
export const KP_REGIMES_SEED: readonly KpRegimeWithWindow[] = [
  {
    regulation: 'Kep. Ka BKN 12/2002',
    effectiveFrom: null,
    effectiveUntil: '2023-12-31',
    months: [4, 10],
    window: { opensMonthsBefore: 3, opensDay: 1, closesMonthsBefore: 2, closesDay: 31 },
  },
  {
    regulation: 'Perban BKN 4/2023',
    effectiveFrom: '2024-01-01',
    effectiveUntil: '2025-09-30',
    months: [2, 4, 6, 8, 10, 12],
    window: DEFAULT_KP_WINDOW_RULE,
  },
  {
    regulation: 'Perban BKN 4/2025',
    effectiveFrom: '2025-10-01',
    effectiveUntil: null,
    months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    window: DEFAULT_KP_WINDOW_RULE,
  },
];

/** Windows announced by BKN (DOMAIN-RULES §4), seeded as explicit windows. */
export const KP_WINDOWS_SEED: readonly KpWindowOverride[] = [
  { period: '2024-02-01', opens: '2023-12-15', closes: '2024-01-15', note: 'Perban BKN 4/2023 (BKN)' },
  { period: '2024-04-01', opens: '2024-02-01', closes: '2024-02-28', note: 'Perban BKN 4/2023 (BKN)' },
];

function dayOf(monthStart: IsoDate, day: number): IsoDate {
  const { year, month } = parseDate(monthStart);
  return toIsoDate(year, month, Math.min(day, daysInMonth(year, month)));
}

/** The window a rule gives a period. */
export function windowByRule(period: IsoDate, rule: KpWindowRule): { opens: IsoDate; closes: IsoDate } {
  const { year, month } = parseDate(period);
  const first = toIsoDate(year, month, 1);
  return {
    opens: dayOf(addMonths(first, -rule.opensMonthsBefore), rule.opensDay),
    closes: dayOf(addMonths(first, -rule.closesMonthsBefore), rule.closesDay),
  };
}

/**
 * Problems of a window rule (Indonesian messages; empty = valid): months 0–24, days 1–31, and
 * the window must open on or before it closes for every month of a leap and a common year.
 */
export function windowRuleProblems(rule: KpWindowRule): string[] {
  const out: string[] = [];
  const okMonths = (n: number) => Number.isInteger(n) && n >= 0 && n <= 24;
  const okDay = (n: number) => Number.isInteger(n) && n >= 1 && n <= 31;
  if (!okMonths(rule.opensMonthsBefore) || !okMonths(rule.closesMonthsBefore)) out.push('Jumlah bulan sebelum periode harus 0–24.');
  if (!okDay(rule.opensDay) || !okDay(rule.closesDay)) out.push('Tanggal buka/tutup harus 1–31.');
  if (out.length) return out;
  for (const year of [2027, 2028]) {
    for (let month = 1; month <= 12; month++) {
      const w = windowByRule(toIsoDate(year, month, 1), rule);
      if (compareDates(w.opens, w.closes) > 0) {
        return [`Jadwal pengusulan dibuka setelah ditutup (mis. periode ${formatTanggal(toIsoDate(year, month, 1))}: ${formatTanggal(w.opens)} – ${formatTanggal(w.closes)}).`];
      }
    }
  }
  return out;
}

/** Problems of a regime (Indonesian messages; empty = valid). */
export function regimeProblems(r: KpRegimeWithWindow): string[] {
  const out: string[] = [];
  if (!r.months.length || r.months.some((m) => !Number.isInteger(m) || m < 1 || m > 12)) out.push('Bulan periode harus 1–12 (minimal satu).');
  if (new Set(r.months).size !== r.months.length) out.push('Bulan periode tidak boleh berulang.');
  if (r.effectiveFrom && r.effectiveUntil && compareDates(r.effectiveFrom, r.effectiveUntil) > 0) {
    out.push('Tanggal mulai berlaku harus sebelum tanggal akhir.');
  }
  return [...out, ...windowRuleProblems(r.window)];
}

/** True when two regimes are in force on a common day (null bounds are open). */
export function regimesOverlap(
  a: Pick<KpPeriodRegime, 'effectiveFrom' | 'effectiveUntil'>,
  b: Pick<KpPeriodRegime, 'effectiveFrom' | 'effectiveUntil'>,
): boolean {
  const aStartsAfterBEnds = a.effectiveFrom !== null && b.effectiveUntil !== null && compareDates(a.effectiveFrom, b.effectiveUntil) > 0;
  const bStartsAfterAEnds = b.effectiveFrom !== null && a.effectiveUntil !== null && compareDates(b.effectiveFrom, a.effectiveUntil) > 0;
  return !aStartsAfterBEnds && !bStartsAfterAEnds;
}

/**
 * The submission window of a period: the explicit window when one is set, else the rule of the
 * regime in force on the period date; null when the date is not a KP period.
 */
export function kpPeriodWindow(
  period: IsoDate,
  regimes: readonly KpRegimeWithWindow[],
  overrides: readonly KpWindowOverride[] = [],
): KpPeriodWindow | null {
  if (!isKpPeriod(period, regimes)) return null;
  const regime = kpRegimeOn(period, regimes) as KpRegimeWithWindow;
  const set = overrides.find((o) => o.period === period);
  if (set) return { period, opens: set.opens, closes: set.closes, regulation: regime.regulation, source: 'DITETAPKAN', note: set.note ?? null };
  return { period, ...windowByRule(period, regime.window), regulation: regime.regulation, source: 'ATURAN', note: null };
}

/** The KP periods on or after `from`, at most `count` of them (searching 20 years ahead). */
export function kpPeriodsFrom(from: IsoDate, count: number, regimes: readonly KpPeriodRegime[]): IsoDate[] {
  const out: IsoDate[] = [];
  let candidate = firstOfMonthOnOrAfter(from);
  for (let i = 0; i < 240 && out.length < count; i++) {
    if (isKpPeriod(candidate, regimes)) out.push(candidate);
    candidate = addMonths(candidate, 1);
  }
  return out;
}

/** The KP periods from `from` to `to` (both inclusive). */
export function kpPeriodsBetween(from: IsoDate, to: IsoDate, regimes: readonly KpPeriodRegime[]): IsoDate[] {
  const out: IsoDate[] = [];
  for (let candidate = firstOfMonthOnOrAfter(from); compareDates(candidate, to) <= 0; candidate = addMonths(candidate, 1)) {
    if (isKpPeriod(candidate, regimes)) out.push(candidate);
  }
  return out;
}

/** Where a date stands in a window. */
export function kpWindowStatus(window: Pick<KpPeriodWindow, 'opens' | 'closes'>, date: IsoDate): KpWindowStatus {
  if (compareDates(date, window.opens) < 0) return 'BELUM_DIBUKA';
  if (compareDates(date, window.closes) > 0) return 'DITUTUP';
  return 'DIBUKA';
}

export type KpWindowCheck =
  | { ok: true; window: KpPeriodWindow }
  | { ok: false; code: 'BUKAN_PERIODE'; message: string; window: null }
  | { ok: false; code: 'JADWAL_BELUM_DIBUKA' | 'JADWAL_DITUTUP'; message: string; window: KpPeriodWindow };

/**
 * Whether a KP proposal for `period` may be submitted on `date`: refused when the period is
 * not a KP period, or when the date is outside the period's window (the message names its dates).
 */
export function checkKpSubmissionWindow(
  period: IsoDate,
  date: IsoDate,
  regimes: readonly KpRegimeWithWindow[],
  overrides: readonly KpWindowOverride[] = [],
): KpWindowCheck {
  const window = kpPeriodWindow(period, regimes, overrides);
  if (!window) return { ok: false, code: 'BUKAN_PERIODE', message: `${formatTanggal(period)} bukan periode KP.`, window: null };
  const status = kpWindowStatus(window, date);
  if (status === 'DIBUKA') return { ok: true, window };
  const range = `${formatTanggal(window.opens)} s.d. ${formatTanggal(window.closes)}`;
  return status === 'BELUM_DIBUKA'
    ? { ok: false, code: 'JADWAL_BELUM_DIBUKA', message: `Pengusulan KP periode ${formatTanggal(period)} belum dibuka; jadwalnya ${range}.`, window }
    : { ok: false, code: 'JADWAL_DITUTUP', message: `Pengusulan KP periode ${formatTanggal(period)} sudah ditutup; jadwalnya ${range}.`, window };
}

/**
 * The SKP years a KP at the period is judged on: the two calendar years before the year in which
 * its submission window closes (the last two finished assessment years when the file is
 * submitted: period 1 January 2027, window closing 30 November 2026 → 2024 and 2025).
 */
export function kpSkpYears(window: Pick<KpPeriodWindow, 'closes'>): [number, number] {
  const y = parseDate(window.closes).year;
  return [y - 2, y - 1];
}

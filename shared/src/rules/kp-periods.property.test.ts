import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, compareDates, lastOfMonth, parseDate } from './dates.ts';
import { isKpPeriod, kpPeriodOnOrAfter } from './kp.ts';
import {
  checkKpSubmissionWindow,
  DEFAULT_KP_WINDOW_RULE,
  KP_REGIMES_SEED,
  KP_WINDOWS_SEED,
  kpPeriodsBetween,
  kpPeriodsFrom,
  kpPeriodWindow,
  kpSkpYears,
  kpWindowStatus,
  regimeProblems,
  regimesOverlap,
  windowByRule,
  windowRuleProblems,
  type KpWindowRule,
  type KpWindowStatus,
} from './kp-periods.ts';
import { firstOfMonthDate, isoDate, runs } from './property-arbitraries.ts';

const rule: fc.Arbitrary<KpWindowRule> = fc.record({
  opensMonthsBefore: fc.integer({ min: 0, max: 24 }),
  opensDay: fc.integer({ min: 1, max: 31 }),
  closesMonthsBefore: fc.integer({ min: 0, max: 24 }),
  closesDay: fc.integer({ min: 1, max: 31 }),
});
const STATUS_ORDER: readonly KpWindowStatus[] = ['BELUM_DIBUKA', 'DIBUKA', 'DITUTUP'];

describe('KP windows by rule', () => {
  it('a rule that passes validation opens on or before it closes for every period of any year', () => {
    fc.assert(
      fc.property(rule, firstOfMonthDate(1990, 2100), (r, period) => {
        fc.pre(windowRuleProblems(r).length === 0);
        const w = windowByRule(period, r);
        expect(compareDates(w.opens, w.closes)).toBeLessThanOrEqual(0);
      }),
      runs(),
    );
  });

  it('a rule refused by validation has some period whose window would open after it closes', () => {
    fc.assert(
      fc.property(rule, (r) => {
        fc.pre(windowRuleProblems(r).length > 0);
        const bad = Array.from({ length: 24 }, (_, i) => windowByRule(addMonths('2027-01-01', i), r)).some((w) => compareDates(w.opens, w.closes) > 0);
        expect(bad).toBe(true);
      }),
      runs(),
    );
  });

  it('the default window is the whole month two months before the period, and closes before it', () => {
    fc.assert(
      fc.property(firstOfMonthDate(1990, 2100), (period) => {
        const w = windowByRule(period, DEFAULT_KP_WINDOW_RULE);
        expect(w.opens).toBe(addMonths(period, -2));
        expect(w.closes).toBe(lastOfMonth(addMonths(period, -2)));
        expect(compareDates(w.closes, period)).toBe(-1);
      }),
      runs(),
    );
  });
});

describe('KP period lists', () => {
  it('kpPeriodsFrom lists ascending KP periods, the first being the one on or after the date, none skipped', () => {
    fc.assert(
      fc.property(isoDate(2015, 2035), fc.integer({ min: 1, max: 8 }), (from, count) => {
        const list = kpPeriodsFrom(from, count, KP_REGIMES_SEED);
        expect(list).toHaveLength(count);
        expect(list[0]).toBe(kpPeriodOnOrAfter(from, KP_REGIMES_SEED));
        expect(list.every((p) => isKpPeriod(p, KP_REGIMES_SEED))).toBe(true);
        expect(kpPeriodsBetween(from, list[list.length - 1]!, KP_REGIMES_SEED)).toEqual(list);
      }),
      runs(),
    );
  });

  it('kpPeriodsBetween splits at any date into the periods up to it and after it', () => {
    fc.assert(
      fc.property(isoDate(2015, 2030), fc.integer({ min: 0, max: 900 }), fc.integer({ min: 0, max: 900 }), (from, a, b) => {
        const [mid, to] = [addDays(from, Math.min(a, b)), addDays(from, Math.max(a, b))];
        const all = kpPeriodsBetween(from, to, KP_REGIMES_SEED);
        expect([...kpPeriodsBetween(from, mid, KP_REGIMES_SEED), ...kpPeriodsBetween(addDays(mid, 1), to, KP_REGIMES_SEED)]).toEqual(all);
      }),
      runs(),
    );
  });
});

describe('KP submission window of a period', () => {
  it('exists exactly for KP periods; a date inside it may submit, before or after it may not', () => {
    fc.assert(
      fc.property(firstOfMonthDate(2015, 2035), isoDate(2014, 2035), (period, date) => {
        const w = kpPeriodWindow(period, KP_REGIMES_SEED, KP_WINDOWS_SEED);
        expect(w !== null).toBe(isKpPeriod(period, KP_REGIMES_SEED));
        const check = checkKpSubmissionWindow(period, date, KP_REGIMES_SEED, KP_WINDOWS_SEED);
        if (!w) {
          expect(check).toMatchObject({ ok: false, code: 'BUKAN_PERIODE' });
          return;
        }
        expect(compareDates(w.opens, w.closes)).toBeLessThanOrEqual(0);
        expect(compareDates(w.closes, period)).toBe(-1);
        const status = kpWindowStatus(w, date);
        expect(check.ok).toBe(status === 'DIBUKA');
        expect(status === 'DIBUKA').toBe(compareDates(w.opens, date) <= 0 && compareDates(date, w.closes) <= 0);
        // BKN's announced window wins over the rule.
        const set = KP_WINDOWS_SEED.find((o) => o.period === period);
        expect(w.source).toBe(set ? 'DITETAPKAN' : 'ATURAN');
      }),
      runs(),
    );
  });

  it('the window status only moves forward in time: not open yet, open, closed', () => {
    fc.assert(
      fc.property(firstOfMonthDate(2015, 2035), isoDate(2014, 2035), fc.integer({ min: 0, max: 200 }), (p, date, later) => {
        const period = kpPeriodOnOrAfter(p, KP_REGIMES_SEED)!;
        const w = kpPeriodWindow(period, KP_REGIMES_SEED)!;
        expect(STATUS_ORDER.indexOf(kpWindowStatus(w, date))).toBeLessThanOrEqual(STATUS_ORDER.indexOf(kpWindowStatus(w, addDays(date, later))));
      }),
      runs(),
    );
  });

  it('the SKP years are the two calendar years before the year the window closes', () => {
    fc.assert(
      fc.property(isoDate(2000, 2040), (closes) => {
        const y = parseDate(closes).year;
        expect(kpSkpYears({ closes })).toEqual([y - 2, y - 1]);
      }),
      runs(50),
    );
  });
});

describe('KP regimes', () => {
  it('the seeded regimes are valid and do not overlap; overlap is symmetric and reflexive', () => {
    const bound = fc.option(isoDate(2000, 2040), { freq: 4 });
    const span = fc.record({ effectiveFrom: bound, effectiveUntil: bound }).filter((s) => !s.effectiveFrom || !s.effectiveUntil || compareDates(s.effectiveFrom, s.effectiveUntil) <= 0);
    for (const r of KP_REGIMES_SEED) expect(regimeProblems(r)).toEqual([]);
    fc.assert(
      fc.property(fc.constantFrom(...KP_REGIMES_SEED), fc.constantFrom(...KP_REGIMES_SEED), span, span, (a, b, x, y) => {
        expect(regimesOverlap(a, b)).toBe(a === b);
        expect(regimesOverlap(x, y)).toBe(regimesOverlap(y, x));
        expect(regimesOverlap(x, x)).toBe(true);
        // Two spans overlap exactly when some day is in both (checked on their bounds).
        const days = [x.effectiveFrom, x.effectiveUntil, y.effectiveFrom, y.effectiveUntil].filter((d): d is string => d !== null);
        const inside = (s: typeof x, d: string) => (!s.effectiveFrom || compareDates(s.effectiveFrom, d) <= 0) && (!s.effectiveUntil || compareDates(d, s.effectiveUntil) <= 0);
        const common = days.length === 0 || days.some((d) => inside(x, d) && inside(y, d));
        expect(regimesOverlap(x, y)).toBe(common);
      }),
      runs(),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  BULAN,
  compareDates,
  dateToIso,
  daysInMonth,
  diffDays,
  diffMonths,
  diffYears,
  diffYearsMonths,
  firstOfMonth,
  firstOfMonthOnOrAfter,
  firstOfNextMonth,
  formatTanggal,
  isFirstOfMonth,
  isLeapYear,
  isoToDate,
  isValidDate,
  lastOfMonth,
  maxDate,
  minDate,
  parseDate,
  toIsoDate,
  toYearMonth,
  tryParseDate,
  yearMonthToDate,
} from './dates.ts';
import { isoDate, runs } from './property-arbitraries.ts';

// Wide enough for the century rules (1900 common, 2000 leap, 2100 common).
const date = isoDate(1890, 2110);
const months = fc.integer({ min: -600, max: 600 });
const days = fc.integer({ min: -20_000, max: 20_000 });
const dayOf = (d: string) => parseDate(d).day;

describe('dates: calendar facts', () => {
  it('February has 29 days exactly in leap years, and a year has 366 days exactly when it is leap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1001, max: 9998 }), (year) => {
        expect(daysInMonth(year, 2) === 29).toBe(isLeapYear(year));
        let total = 0;
        for (let m = 1; m <= 12; m++) total += daysInMonth(year, m);
        expect(total).toBe(isLeapYear(year) ? 366 : 365);
        // Independent oracle: the epoch-day distance between two New Year's days.
        expect(diffDays(toIsoDate(year, 1, 1), toIsoDate(year + 1, 1, 1))).toBe(total);
      }),
      runs(),
    );
  });

  it('a date built from valid parts parses back to the same parts, and the next day number is refused', () => {
    fc.assert(
      fc.property(date, (d) => {
        const { year, month, day } = parseDate(d);
        expect(toIsoDate(year, month, day)).toBe(d);
        expect(isValidDate(d)).toBe(true);
        expect(tryParseDate(toIsoDate(year, month, daysInMonth(year, month)))).not.toBeNull();
        expect(() => toIsoDate(year, month, daysInMonth(year, month) + 1)).toThrow(RangeError);
      }),
      runs(),
    );
  });

  it('tryParseDate never throws on arbitrary text and only accepts the canonical YYYY-MM-DD form', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 14 }),
      fc.string({ unit: fc.constantFrom('0', '1', '2', '9', '-', ' ', 'T', '\u0000', '\uD800', '٣'), maxLength: 12 }),
    );
    fc.assert(
      fc.property(text, (s) => {
        const parts = tryParseDate(s);
        if (parts) expect(toIsoDate(parts.year, parts.month, parts.day)).toBe(s);
        expect(isValidDate(s)).toBe(parts !== null);
      }),
      runs(),
    );
  });

  it('the JS Date conversion at UTC midnight round-trips', () => {
    fc.assert(
      fc.property(date, (d) => {
        expect(dateToIso(isoToDate(d))).toBe(d);
      }),
      runs(),
    );
  });
});

describe('dates: order', () => {
  it('compareDates is antisymmetric, agrees with diffDays and orders min ≤ max', () => {
    fc.assert(
      fc.property(date, date, (a, b) => {
        expect(compareDates(a, b)).toBe(-compareDates(b, a) || 0);
        expect(compareDates(a, b)).toBe(Math.sign(diffDays(b, a)) || 0);
        expect(compareDates(minDate(a, b), maxDate(a, b))).toBeLessThanOrEqual(0);
        expect([minDate(a, b), maxDate(a, b)].sort()).toEqual([a, b].sort());
      }),
      runs(),
    );
  });
});

describe('dates: addDays / diffDays', () => {
  it('adding n days moves exactly n days and adding −n comes back', () => {
    fc.assert(
      fc.property(date, days, (d, n) => {
        const e = addDays(d, n);
        expect(isValidDate(e)).toBe(true);
        expect(diffDays(d, e)).toBe(n);
        expect(addDays(e, -n)).toBe(d);
        expect(compareDates(e, d)).toBe(Math.sign(n) || 0);
      }),
      runs(),
    );
  });

  it('the day after the last of a month is the 1st of the next month', () => {
    fc.assert(
      fc.property(date, (d) => {
        expect(addDays(lastOfMonth(d), 1)).toBe(firstOfNextMonth(d));
        expect(addDays(firstOfMonth(d), -1)).toBe(lastOfMonth(addMonths(firstOfMonth(d), -1)));
      }),
      runs(),
    );
  });
});

describe('dates: addMonths / addYears (end-of-month clamping)', () => {
  it('adding months lands in the shifted month on the same day, clamped to the month end', () => {
    fc.assert(
      fc.property(date, months, (d, n) => {
        const e = addMonths(d, n);
        const a = parseDate(d);
        const b = parseDate(e);
        expect(isValidDate(e)).toBe(true);
        expect(b.year * 12 + b.month - (a.year * 12 + a.month)).toBe(n);
        expect(b.day).toBe(Math.min(a.day, daysInMonth(b.year, b.month)));
      }),
      runs(),
    );
  });

  it('adding months is monotone in the date and in the number of months', () => {
    fc.assert(
      fc.property(date, date, months, fc.integer({ min: 0, max: 48 }), (a, b, n, k) => {
        const [lo, hi] = compareDates(a, b) <= 0 ? [a, b] : [b, a];
        expect(compareDates(addMonths(lo, n), addMonths(hi, n))).toBeLessThanOrEqual(0);
        expect(compareDates(addMonths(a, n), addMonths(a, n + k))).toBeLessThanOrEqual(0);
      }),
      runs(),
    );
  });

  it('adding then subtracting months returns the date, or an earlier day of its month when clamped', () => {
    fc.assert(
      fc.property(date, months, (d, n) => {
        const back = addMonths(addMonths(d, n), -n);
        expect(toYearMonth(back)).toBe(toYearMonth(d));
        expect(compareDates(back, d)).toBeLessThanOrEqual(0);
        if (dayOf(d) <= 28) expect(back).toBe(d);
      }),
      runs(),
    );
  });

  it('month additions compose when no clamping happens (day ≤ 28)', () => {
    fc.assert(
      fc.property(date, months, months, (d, m, n) => {
        fc.pre(dayOf(d) <= 28);
        expect(addMonths(addMonths(d, m), n)).toBe(addMonths(d, m + n));
      }),
      runs(),
    );
  });

  it('adding years is adding 12 months, and 29 February becomes 28 February in a common year', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -50, max: 50 }), (d, n) => {
        const e = addYears(d, n);
        expect(e).toBe(addMonths(d, 12 * n));
        const { year, month, day } = parseDate(d);
        const expectedDay = month === 2 && day === 29 && !isLeapYear(year + n) ? 28 : day;
        expect(e).toBe(toIsoDate(year + n, month, expectedDay));
      }),
      runs(),
    );
  });
});

describe('dates: month boundaries', () => {
  it('first ≤ date ≤ last of its month; the next 1st is after it; on-or-after is the nearest 1st not before it', () => {
    fc.assert(
      fc.property(date, (d) => {
        const first = firstOfMonth(d);
        const last = lastOfMonth(d);
        const next = firstOfNextMonth(d);
        const onOrAfter = firstOfMonthOnOrAfter(d);
        expect(compareDates(first, d)).toBeLessThanOrEqual(0);
        expect(compareDates(d, last)).toBeLessThanOrEqual(0);
        expect(toYearMonth(first)).toBe(toYearMonth(d));
        expect(toYearMonth(last)).toBe(toYearMonth(d));
        expect(isFirstOfMonth(first) && isFirstOfMonth(next) && isFirstOfMonth(onOrAfter)).toBe(true);
        expect(compareDates(next, d)).toBe(1);
        expect(onOrAfter).toBe(isFirstOfMonth(d) ? d : next);
        expect(yearMonthToDate(toYearMonth(d))).toBe(first);
      }),
      runs(),
    );
  });
});

describe('dates: diffMonths / diffYears', () => {
  it('diffMonths is antisymmetric and zero from a date to itself', () => {
    fc.assert(
      fc.property(date, date, (a, b) => {
        expect(diffMonths(a, b)).toBe(-diffMonths(b, a) || 0);
        expect(diffMonths(a, a)).toBe(0);
      }),
      runs(),
    );
  });

  it('diffMonths is monotone in the end date', () => {
    fc.assert(
      fc.property(date, date, date, (from, x, y) => {
        const [lo, hi] = compareDates(x, y) <= 0 ? [x, y] : [y, x];
        expect(diffMonths(from, lo)).toBeLessThanOrEqual(diffMonths(from, hi));
        expect(diffMonths(lo, from)).toBeGreaterThanOrEqual(diffMonths(hi, from));
      }),
      runs(),
    );
  });

  it('diffMonths counts the months completed: adding them stays within the end date, one more passes it unless clamped', () => {
    fc.assert(
      fc.property(date, date, (a, b) => {
        const [from, to] = compareDates(a, b) <= 0 ? [a, b] : [b, a];
        const m = diffMonths(from, to);
        expect(m).toBeGreaterThanOrEqual(0);
        expect(compareDates(addMonths(from, m), to)).toBeLessThanOrEqual(0);
        const next = addMonths(from, m + 1);
        // A month is complete when the day of month is reached again; when the target month has
        // no such day (31 January → February), addMonths clamps and the month is not complete yet.
        if (dayOf(next) === dayOf(from)) expect(compareDates(next, to)).toBe(1);
      }),
      runs(),
    );
  });

  it('adding n months to a day ≤ 28 gives exactly n months by diffMonths', () => {
    fc.assert(
      fc.property(date, months, (d, n) => {
        fc.pre(dayOf(d) <= 28);
        expect(diffMonths(d, addMonths(d, n))).toBe(n);
      }),
      runs(),
    );
  });

  it('an age is reached on the birthday (not on 29 February) and not the day before', () => {
    fc.assert(
      fc.property(isoDate(1950, 2010), fc.integer({ min: 1, max: 80 }), (birth, n) => {
        fc.pre(!birth.endsWith('-02-29'));
        const birthday = addYears(birth, n);
        expect(diffYears(birth, birthday)).toBe(n);
        expect(diffYears(birth, addDays(birthday, -1))).toBe(n - 1);
      }),
      runs(),
    );
  });

  it('diffYearsMonths splits diffMonths into whole years and 0–11 months', () => {
    fc.assert(
      fc.property(date, date, (a, b) => {
        const [from, to] = compareDates(a, b) <= 0 ? [a, b] : [b, a];
        const { years, months: rest } = diffYearsMonths(from, to);
        expect(years * 12 + rest).toBe(diffMonths(from, to));
        expect(rest).toBeGreaterThanOrEqual(0);
        expect(rest).toBeLessThan(12);
        expect(diffYears(from, to)).toBe(years);
      }),
      runs(),
    );
  });
});

describe('dates: formatting', () => {
  it('formatTanggal writes the day, the Indonesian month name and the year', () => {
    fc.assert(
      fc.property(date, (d) => {
        const { year, month, day } = parseDate(d);
        expect(formatTanggal(d)).toBe(`${day} ${BULAN[month - 1]} ${year}`);
      }),
      runs(),
    );
  });
});

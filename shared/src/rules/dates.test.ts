import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
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
  formatBulanTahun,
  formatTanggal,
  formatTanggalSingkat,
  isFirstOfMonth,
  isLeapYear,
  isoToDate,
  isValidDate,
  isValidYearMonth,
  IsoDateSchema,
  lastOfMonth,
  maxDate,
  minDate,
  parseDate,
  todayJakarta,
  toIsoDate,
  toYearMonth,
  tryParseDate,
  yearMonthToDate,
  YearMonthSchema,
} from './dates.ts';

describe('isValidDate / tryParseDate', () => {
  it.each([
    ['2026-11-30', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-1-05', false],
    ['20261130', false],
    ['2026-11-30T00:00:00Z', false],
    ['', false],
    ['0999-01-01', false],
  ])('%s → %s', (value, expected) => {
    expect(isValidDate(value)).toBe(expected);
    expect(tryParseDate(value) !== null).toBe(expected);
  });

  it('parseDate returns parts and throws on invalid', () => {
    expect(parseDate('1986-09-26')).toEqual({ year: 1986, month: 9, day: 26 });
    expect(() => parseDate('1986-02-30')).toThrow(RangeError);
  });
});

describe('isLeapYear / daysInMonth', () => {
  it.each([
    [2024, true],
    [2023, false],
    [1900, false],
    [2000, true],
  ])('isLeapYear(%i) = %s', (year, expected) => {
    expect(isLeapYear(year)).toBe(expected);
  });

  it.each([
    [2024, 2, 29],
    [2025, 2, 28],
    [2025, 4, 30],
    [2025, 12, 31],
    [2025, 1, 31],
  ])('daysInMonth(%i, %i) = %i', (y, m, expected) => {
    expect(daysInMonth(y, m)).toBe(expected);
  });
});

describe('toIsoDate / year-month helpers', () => {
  it.each([
    [2026, 1, 5, '2026-01-05'],
    [1986, 9, 26, '1986-09-26'],
  ])('toIsoDate(%i, %i, %i) = %s', (y, m, d, expected) => {
    expect(toIsoDate(y, m, d)).toBe(expected);
  });

  it('toIsoDate throws for an impossible date', () => {
    expect(() => toIsoDate(2025, 2, 29)).toThrow(RangeError);
  });

  it.each([
    ['2015-05', true],
    ['2015-12', true],
    ['2015-13', false],
    ['2015-21', false],
    ['2015-5', false],
    ['2015-05-01', false],
  ])('isValidYearMonth(%s) = %s', (value, expected) => {
    expect(isValidYearMonth(value)).toBe(expected);
  });

  it.each([
    ['2015-05-17', '2015-05'],
    ['1999-12-31', '1999-12'],
  ])('toYearMonth(%s) = %s', (date, expected) => {
    expect(toYearMonth(date)).toBe(expected);
  });

  it('yearMonthToDate', () => {
    expect(yearMonthToDate('2015-05')).toBe('2015-05-01');
    expect(() => yearMonthToDate('2015-21')).toThrow(RangeError);
  });
});

describe('compare / min / max', () => {
  it.each([
    ['2026-01-01', '2026-01-02', -1],
    ['2026-01-02', '2026-01-01', 1],
    ['2026-01-01', '2026-01-01', 0],
    ['2025-12-31', '2026-01-01', -1],
  ] as const)('compareDates(%s, %s) = %i', (a, b, expected) => {
    expect(compareDates(a, b)).toBe(expected);
  });

  it('minDate / maxDate', () => {
    expect(minDate('2026-03-01', '2025-03-01')).toBe('2025-03-01');
    expect(maxDate('2026-03-01', '2025-03-01')).toBe('2026-03-01');
  });
});

describe('addMonths / addYears / addDays', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-11-01', 2, '2027-01-01'],
    ['2026-01-01', -1, '2025-12-01'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-06-01', -24, '2024-06-01'],
    ['2026-06-01', 0, '2026-06-01'],
  ])('addMonths(%s, %i) = %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });

  it.each([
    ['1968-05-15', 58, '2026-05-15'],
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2026-01-01', -4, '2022-01-01'],
  ])('addYears(%s, %i) = %s', (date, n, expected) => {
    expect(addYears(date, n)).toBe(expected);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-01-01', 365, '2027-01-01'],
  ])('addDays(%s, %i) = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it('rejects fractional amounts', () => {
    expect(() => addMonths('2026-01-01', 1.5)).toThrow(RangeError);
    expect(() => addYears('2026-01-01', 0.5)).toThrow(RangeError);
    expect(() => addDays('2026-01-01', 0.5)).toThrow(RangeError);
  });

  it.each([
    ['2026-01-01', '2026-01-31', 30],
    ['2026-01-31', '2026-01-01', -30],
    ['2024-02-28', '2024-03-01', 2],
  ])('diffDays(%s, %s) = %i', (a, b, expected) => {
    expect(diffDays(a, b)).toBe(expected);
  });
});

describe('month boundaries', () => {
  it.each([
    ['2026-05-17', '2026-05-01', '2026-05-31', '2026-06-01', '2026-06-01'],
    ['2026-05-01', '2026-05-01', '2026-05-31', '2026-06-01', '2026-05-01'],
    ['2026-12-31', '2026-12-01', '2026-12-31', '2027-01-01', '2027-01-01'],
    ['2024-02-10', '2024-02-01', '2024-02-29', '2024-03-01', '2024-03-01'],
  ])('%s: first %s, last %s, next %s, onOrAfter %s', (date, first, last, next, onOrAfter) => {
    expect(firstOfMonth(date)).toBe(first);
    expect(lastOfMonth(date)).toBe(last);
    expect(firstOfNextMonth(date)).toBe(next);
    expect(firstOfMonthOnOrAfter(date)).toBe(onOrAfter);
    expect(isFirstOfMonth(date)).toBe(date === first);
  });
});

describe('diffMonths / diffYears / diffYearsMonths', () => {
  it.each([
    ['2024-01-15', '2024-02-14', 0],
    ['2024-01-15', '2024-02-15', 1],
    ['2024-01-01', '2026-01-01', 24],
    ['2024-01-01', '2025-12-31', 23],
    ['2026-01-01', '2024-01-01', -24],
    ['2024-01-31', '2024-02-29', 0],
    ['2024-03-01', '2024-03-01', 0],
  ])('diffMonths(%s, %s) = %i', (a, b, expected) => {
    expect(diffMonths(a, b)).toBe(expected);
  });

  it.each([
    ['1986-09-26', '2026-09-25', 39],
    ['1986-09-26', '2026-09-26', 40],
    ['2000-02-29', '2018-02-28', 17],
    ['2000-02-29', '2018-03-01', 18],
    ['2026-01-01', '2020-01-01', -6],
  ])('diffYears(%s, %s) = %i', (a, b, expected) => {
    expect(diffYears(a, b)).toBe(expected);
  });

  it.each([
    ['2015-05-01', '2026-11-30', 11, 6],
    ['2015-05-01', '2015-05-01', 0, 0],
    ['2015-05-15', '2016-05-14', 0, 11],
  ])('diffYearsMonths(%s, %s) = %i y %i m', (a, b, years, months) => {
    expect(diffYearsMonths(a, b)).toEqual({ years, months });
  });

  it('diffYearsMonths throws when to < from', () => {
    expect(() => diffYearsMonths('2026-01-01', '2025-01-01')).toThrow(RangeError);
  });
});

describe('Indonesian formatting', () => {
  it.each([
    ['2026-11-30', '30 November 2026', '30 Nov 2026'],
    ['2026-01-01', '1 Januari 2026', '1 Jan 2026'],
    ['1986-08-17', '17 Agustus 1986', '17 Agu 1986'],
    ['2024-05-09', '9 Mei 2024', '9 Mei 2024'],
    ['2025-12-25', '25 Desember 2025', '25 Des 2025'],
    ['2025-10-02', '2 Oktober 2025', '2 Okt 2025'],
  ])('%s → %s / %s', (date, long, short) => {
    expect(formatTanggal(date)).toBe(long);
    expect(formatTanggalSingkat(date)).toBe(short);
  });

  it.each([
    ['2026-11', 'November 2026'],
    ['2026-02-15', 'Februari 2026'],
  ])('formatBulanTahun(%s) = %s', (value, expected) => {
    expect(formatBulanTahun(value)).toBe(expected);
  });

  it('throws on an invalid date', () => {
    expect(() => formatTanggal('2026-02-30')).toThrow(RangeError);
  });
});

describe('JS Date conversion and Jakarta today', () => {
  it.each([
    ['2026-11-30T00:00:00.000Z', '2026-11-30'],
    ['2026-11-30T23:59:59.999Z', '2026-11-30'],
  ])('dateToIso(%s) = %s', (instant, expected) => {
    expect(dateToIso(new Date(instant))).toBe(expected);
  });

  it('isoToDate is UTC midnight and round-trips', () => {
    expect(isoToDate('2026-11-30').toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(dateToIso(isoToDate('2024-02-29'))).toBe('2024-02-29');
  });

  it.each([
    ['2026-11-29T16:59:59Z', '2026-11-29'],
    ['2026-11-29T17:00:00Z', '2026-11-30'],
    ['2026-12-31T17:30:00Z', '2027-01-01'],
  ])('todayJakarta(%s) = %s', (instant, expected) => {
    expect(todayJakarta(new Date(instant))).toBe(expected);
  });

  it('dateToIso rejects an invalid Date', () => {
    expect(() => dateToIso(new Date('nope'))).toThrow(RangeError);
  });
});

describe('zod schemas', () => {
  it.each([
    ['2026-11-30', true],
    ['2026-02-30', false],
    ['30-11-2026', false],
  ])('IsoDateSchema(%s) success=%s', (value, ok) => {
    expect(IsoDateSchema.safeParse(value).success).toBe(ok);
  });

  it.each([
    ['2026-11', true],
    ['2026-21', false],
  ])('YearMonthSchema(%s) success=%s', (value, ok) => {
    expect(YearMonthSchema.safeParse(value).success).toBe(ok);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  annualBalance,
  annualUsed,
  calendarDays,
  checkCuti,
  countWorkingDays,
  CUTI_LIMITS,
  FIVE_DAY_WEEK,
  isWorkingDay,
  lastDayOfMonths,
  JENIS_CUTI_CODES,
  overlapping,
  weekday,
  workingDaysBetween,
  type CutiRequestInput,
  type CutiSubject,
  type HolidayCalendar,
  type LeaveRecord,
} from './cuti.ts';
import { addDays, addMonths, addYears, compareDates, toIsoDate } from './dates.ts';
import { isoDate, runs } from './property-arbitraries.ts';

const L = CUTI_LIMITS;

/** A leave record of the given kind starting in one of the years. */
const record = (fromYear: number, toYear: number): fc.Arbitrary<LeaveRecord> =>
  fc
    .record({ jenis: fc.constantFrom(...JENIS_CUTI_CODES), mulai: isoDate(fromYear, toYear), lamaHari: fc.integer({ min: 1, max: 12 }) })
    .map((r) => ({ ...r, selesai: addDays(r.mulai, r.lamaHari - 1) }));

const balanceInput = fc.integer({ min: 2000, max: 2035 }).chain((year) =>
  fc.record({
    year: fc.constant(year),
    serviceStart: fc.option(isoDate(1985, year), { freq: 8 }),
    // Mostly annual leave in the three years that matter, sometimes other kinds and older years.
    history: fc.array(
      fc.oneof(
        { weight: 4, arbitrary: record(year - 2, year).map((r) => ({ ...r, jenis: 'TAHUNAN' })) },
        { weight: 1, arbitrary: record(year - 4, year) },
      ),
      { maxLength: 6 },
    ),
    cutiBersamaWorked: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  }),
);

describe('cuti: annual balance (PP 11/2017 art. 312; DOMAIN-RULES §6)', () => {
  it('is never negative, is entitlement minus what was used, and nothing without eligibility or after cuti besar', () => {
    fc.assert(
      fc.property(balanceInput, (input) => {
        const b = annualBalance(input);
        expect(b.remaining).toBeGreaterThanOrEqual(0);
        expect(b.remaining).toBe(Math.max(0, b.entitlement - b.used));
        expect(b.used).toBe(annualUsed(input.history, input.year));
        if (!b.eligible || b.forfeited) expect(b.entitlement).toBe(0);
        else expect(b.entitlement).toBe(b.base + b.carried + b.bonus);
      }),
      runs(),
    );
  });

  it('carries at most 6 days (so 18), or reaches 24 only when the two previous years went entirely unused', () => {
    fc.assert(
      fc.property(balanceInput, (input) => {
        const b = annualBalance(input);
        fc.pre(b.eligible && !b.forfeited);
        expect(b.base).toBe(L.annualDays);
        expect(b.bonus).toBe(input.cutiBersamaWorked ?? 0);
        const twoYearsUnused = annualUsed(input.history, input.year - 1) === 0 && annualUsed(input.history, input.year - 2) === 0;
        if (b.carried > L.annualCarryMax) {
          expect(twoYearsUnused).toBe(true);
          expect(b.base + b.carried).toBe(L.annualMaxTwoYearsUnused);
        } else {
          expect(b.carried).toBeGreaterThanOrEqual(0);
          expect(b.base + b.carried).toBeLessThanOrEqual(L.annualMaxWithCarry);
        }
        // Never more than 12 + min(6, unused of last year), except the two-years-unused case.
        if (!twoYearsUnused) expect(b.carried).toBeLessThanOrEqual(Math.min(L.annualCarryMax, Math.max(0, L.annualDays - annualUsed(input.history, input.year - 1))));
      }),
      runs(),
    );
  });

  it('taking more annual leave last year never raises this year’s balance', () => {
    fc.assert(
      fc.property(balanceInput, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), (input, month, days) => {
        const more: LeaveRecord = { jenis: 'TAHUNAN', mulai: toIsoDate(input.year - 1, month, 1), selesai: toIsoDate(input.year - 1, month, 1), lamaHari: days };
        const before = annualBalance(input);
        const after = annualBalance({ ...input, history: [...input.history, more] });
        expect(after.entitlement).toBeLessThanOrEqual(before.entitlement);
      }),
      runs(),
    );
  });

  it('leave older than two years and leave of other kinds (except cuti besar) do not change the balance', () => {
    fc.assert(
      fc.property(balanceInput, record(1990, 2040), (input, extra) => {
        const y = Number(extra.mulai.slice(0, 4));
        fc.pre(extra.jenis !== 'BESAR' && (extra.jenis !== 'TAHUNAN' || y < input.year - 2 || y > input.year));
        expect(annualBalance({ ...input, history: [...input.history, extra] })).toEqual(annualBalance(input));
      }),
      runs(),
    );
  });
});

describe('cuti: working days', () => {
  const workWeek = fc.oneof(
    fc.constant(undefined),
    fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }).map((days) => new Set(days)),
  );
  const calendar: fc.Arbitrary<HolidayCalendar> = fc.record({
    holidays: fc.array(isoDate(2025, 2027), { maxLength: 10 }).map((d) => new Set(d)),
    cutiBersama: fc.array(isoDate(2025, 2027), { maxLength: 5 }).map((d) => new Set(d)),
    workWeek,
  });
  const range = fc.record({ from: isoDate(2025, 2027), length: fc.integer({ min: 0, max: 70 }) });

  it('weekday advances by one each day', () => {
    fc.assert(
      fc.property(isoDate(1950, 2100), (d) => {
        expect(weekday(addDays(d, 1))).toBe((weekday(d) + 1) % 7);
        expect(weekday(addDays(d, 7))).toBe(weekday(d));
      }),
      runs(),
    );
  });

  it('the working days of a period are its own days, ascending, none a holiday, at most its calendar days', () => {
    fc.assert(
      fc.property(range, calendar, ({ from, length }, cal) => {
        const to = addDays(from, length);
        const list = workingDaysBetween(from, to, cal);
        expect(list.length).toBeLessThanOrEqual(calendarDays(from, to));
        const bad = list.filter(
          (d, i) =>
            compareDates(from, d) > 0 ||
            compareDates(d, to) > 0 ||
            (i > 0 && compareDates(list[i - 1]!, d) >= 0) ||
            !isWorkingDay(d, cal) ||
            cal.holidays.has(d) ||
            cal.cutiBersama.has(d),
        );
        expect(bad).toEqual([]);
      }),
      runs(),
    );
  });

  it('working days add up over adjacent periods, and a full week has as many as the unit’s work week', () => {
    fc.assert(
      fc.property(range, fc.integer({ min: 0, max: 70 }), calendar, ({ from, length }, split, cal) => {
        const to = addDays(from, length);
        const mid = addDays(from, Math.min(split, length));
        expect(countWorkingDays(from, to, cal)).toBe(countWorkingDays(from, mid, cal) + countWorkingDays(addDays(mid, 1), to, cal));
        const plain: HolidayCalendar = { holidays: new Set(), cutiBersama: new Set(), workWeek: cal.workWeek };
        expect(countWorkingDays(from, addDays(from, 6), plain)).toBe((cal.workWeek ?? FIVE_DAY_WEEK).size);
      }),
      runs(),
    );
  });
});

describe('cuti: one request', () => {
  const subject: CutiSubject = { statusKepegawaian: 'PNS', jenisKelamin: 'P', serviceStart: '2005-01-01' };
  const cal: HolidayCalendar = { holidays: new Set(), cutiBersama: new Set() };
  /** Kinds with a calendar-month limit, with what the request needs besides the dates. */
  const limited: readonly [Partial<CutiRequestInput> & Pick<CutiRequestInput, 'jenis'>, number][] = [
    [{ jenis: 'BESAR' }, L.besarMonths],
    [{ jenis: 'MELAHIRKAN', anakKe: 1 }, L.melahirkanMonths],
    [{ jenis: 'ALASAN_PENTING', alasanPenting: 'KELUARGA_SAKIT' }, L.alasanPentingMonths],
    [{ jenis: 'SAKIT', sakitVarian: 'UMUM' }, L.sakitMaxMonths],
    [{ jenis: 'SAKIT', sakitVarian: 'UMUM', perpanjanganSakit: true }, L.sakitMaxMonths + L.sakitExtensionMonths],
    [{ jenis: 'CLTN' }, L.cltnYears * 12],
    [{ jenis: 'CLTN', perpanjanganCltn: true }, (L.cltnYears + L.cltnExtensionYears) * 12],
  ];

  it('a request through the last day of N months is within the limit, one day more is too long', () => {
    fc.assert(
      fc.property(fc.constantFrom(...limited), isoDate(2020, 2030), ([extra, months], mulai) => {
        const lastDay = lastDayOfMonths(mulai, months);
        const ok = checkCuti({ ...extra, mulai, selesai: lastDay }, subject, [], cal);
        const tooLong = checkCuti({ ...extra, mulai, selesai: addDays(lastDay, 1) }, subject, [], cal);
        expect(ok.issues.map((i) => i.code)).not.toContain('too_long');
        expect(tooLong.issues.map((i) => i.code)).toContain('too_long');
      }),
      runs(100), // up to four years of days per request: fewer runs keep it fast
    );
  });

  it('the last allowed day never moves earlier when the leave starts later, and is the day before the same date where that date exists', () => {
    fc.assert(
      fc.property(fc.constantFrom(...limited), isoDate(2020, 2030), (entry, mulai) => {
        const [, months] = entry;
        expect(compareDates(lastDayOfMonths(mulai, months), lastDayOfMonths(addDays(mulai, 1), months))).toBeLessThanOrEqual(0);
        const same = addMonths(mulai, months);
        if (same.slice(8) === mulai.slice(8)) expect(lastDayOfMonths(mulai, months)).toBe(addDays(same, -1));
        else expect(lastDayOfMonths(mulai, months)).toBe(same); // no such date: the last day of that month
      }),
      runs(),
    );
  });

  it('counts working days within the calendar days, and refuses a reversed range', () => {
    fc.assert(
      fc.property(fc.constantFrom(...JENIS_CUTI_CODES), isoDate(2020, 2030), fc.integer({ min: -30, max: 120 }), (jenis, mulai, length) => {
        const selesai = addDays(mulai, length);
        const r = checkCuti({ jenis, mulai, selesai }, subject, [], cal);
        if (length < 0) {
          expect(r.issues.map((i) => i.code)).toEqual(['range_invalid']);
          expect(r.lamaHari).toBe(0);
        } else {
          expect(r.calendarDays).toBe(length + 1);
          expect(r.lamaHari).toBe(countWorkingDays(mulai, selesai, cal));
          expect(r.lamaHari).toBeLessThanOrEqual(r.calendarDays);
        }
      }),
      runs(),
    );
  });

  it('annual leave asking more working days than the balance left is refused', () => {
    fc.assert(
      fc.property(balanceInput, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 40 }), (input, month, length) => {
        fc.pre(input.serviceStart !== null);
        const mulai = toIsoDate(input.year, month, 1);
        const selesai = addDays(mulai, length);
        fc.pre(selesai.slice(0, 4) === mulai.slice(0, 4));
        const r = checkCuti({ jenis: 'TAHUNAN', mulai, selesai }, { ...subject, serviceStart: input.serviceStart }, input.history, cal);
        const codes = r.issues.map((i) => i.code);
        const bal = annualBalance({ year: input.year, serviceStart: input.serviceStart, history: input.history });
        if (!bal.forfeited) expect(codes.includes('balance_exceeded')).toBe(r.lamaHari > bal.remaining);
        if (compareDates(addYears(input.serviceStart!, L.annualServiceYears), mulai) > 0) expect(codes).toContain('service_too_short');
      }),
      runs(),
    );
  });

  it('overlap is symmetric and a period overlaps itself', () => {
    const period = fc.record({ mulai: isoDate(2025, 2026), length: fc.integer({ min: 0, max: 30 }) }).map(({ mulai, length }) => ({ mulai, selesai: addDays(mulai, length) }));
    fc.assert(
      fc.property(period, period, (a, b) => {
        expect(overlapping(a, [b]).length).toBe(overlapping(b, [a]).length);
        expect(overlapping(a, [a])).toEqual([a]);
      }),
      runs(),
    );
  });
});

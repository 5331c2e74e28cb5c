/**
 * Test support (not a rule): fast-check generators and settings shared by the
 * `*.property.test.ts` files next to the rules. Every property runs with the same fixed
 * seed, so CI never turns red by chance; the dates are built from calendar fields with the
 * rules' own helpers and never from the machine's clock.
 */
import fc from 'fast-check';
import { daysInMonth, toIsoDate, type IsoDate } from './dates.ts';
import { GOLONGAN, type Golongan } from './golongan.ts';

/** The one seed of the property tests (a failure is reproducible with it and the reported path). */
export const PROPERTY_SEED = 20261207;

/** fc.assert parameters: the fixed seed and a bounded number of runs. */
export function runs(numRuns = 300): { seed: number; numRuns: number } {
  return { seed: PROPERTY_SEED, numRuns };
}

const yearMonth = (fromYear: number, toYear: number) =>
  fc.record({ year: fc.integer({ min: fromYear, max: toYear }), month: fc.integer({ min: 1, max: 12 }) });

/**
 * A real calendar date from 1 January `fromYear` to 31 December `toYear`. Besides any day,
 * it often picks the 1st and the last days of a month (29 February included), where the
 * month arithmetic clamps.
 */
export function isoDate(fromYear: number, toYear: number): fc.Arbitrary<IsoDate> {
  const anyDay = yearMonth(fromYear, toYear).chain(({ year, month }) =>
    fc.integer({ min: 1, max: daysInMonth(year, month) }).map((day) => toIsoDate(year, month, day)),
  );
  const firstDay = yearMonth(fromYear, toYear).map(({ year, month }) => toIsoDate(year, month, 1));
  const monthEnd = fc
    .record({ ym: yearMonth(fromYear, toYear), back: fc.integer({ min: 0, max: 3 }) })
    .map(({ ym: { year, month }, back }) => toIsoDate(year, month, daysInMonth(year, month) - back));
  const leapYears: number[] = [];
  for (let year = fromYear; year <= toYear; year++) if (daysInMonth(year, 2) === 29) leapYears.push(year);
  const arbitraries = [
    { weight: 6, arbitrary: anyDay },
    { weight: 2, arbitrary: firstDay },
    { weight: 2, arbitrary: monthEnd },
  ];
  if (leapYears.length > 0) {
    arbitraries.push({ weight: 1, arbitrary: fc.constantFrom(...leapYears).map((year) => toIsoDate(year, 2, 29)) });
  }
  return fc.oneof(...arbitraries);
}

/** The 1st of a month from January `fromYear` to December `toYear`. */
export function firstOfMonthDate(fromYear: number, toYear: number): fc.Arbitrary<IsoDate> {
  return yearMonth(fromYear, toYear).map(({ year, month }) => toIsoDate(year, month, 1));
}

/** Any grade I/a … IV/e (the module's own list). */
export const golongan: fc.Arbitrary<Golongan> = fc.constantFrom(...GOLONGAN);

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JENIS_KP, PENDIDIKAN, PREDIKAT_SKP } from '../codes.ts';
import { addMonths, addYears, compareDates, diffMonths, firstOfMonthOnOrAfter, isFirstOfMonth, parseDate, type IsoDate } from './dates.ts';
import { compareGolongan, golonganSteps, kpRegulerCeiling, nextGolongan } from './golongan.ts';
import {
  earliestKpReguler,
  isKpPeriod,
  KP_EXAM_CROSSINGS,
  KP_MULTI_STEP_KINDS,
  KP_PERIOD_REGIMES,
  KP_REGULER_MIN_YEARS,
  kpPeriodOnOrAfter,
  kpRegimeOn,
  kpRegulerEligibility,
  nextKpPeriod,
  requiresUjianDinas,
  validateKpStep,
  type KpRegulerInput,
} from './kp.ts';
import { firstOfMonthDate, golongan, isoDate, runs } from './property-arbitraries.ts';

const day = isoDate(1995, 2040);

describe('KP periods (DOMAIN-RULES §4)', () => {
  it('exactly one regime is in force on every date', () => {
    fc.assert(
      fc.property(day, (d) => {
        const inForce = KP_PERIOD_REGIMES.filter((r) => kpRegimeOn(d, [r]) !== null);
        expect(inForce).toHaveLength(1);
        expect(kpRegimeOn(d)).toBe(inForce[0]);
      }),
      runs(),
    );
  });

  it('a KP period is the 1st of a month of the regime in force: April/October until 2023, even months in 2024 to Sept 2025, every month after', () => {
    fc.assert(
      fc.property(firstOfMonthDate(1995, 2040), (d) => {
        const { month } = parseDate(d);
        const expected = compareDates(d, '2024-01-01') < 0 ? month === 4 || month === 10 : compareDates(d, '2025-10-01') < 0 ? month % 2 === 0 : true;
        expect(isKpPeriod(d)).toBe(expected);
      }),
      runs(),
    );
  });

  it('the period on or after a date is the nearest one: not before it, and no period in between', () => {
    fc.assert(
      fc.property(day, (d) => {
        const p = kpPeriodOnOrAfter(d);
        expect(p).not.toBeNull();
        expect(isKpPeriod(p!)).toBe(true);
        expect(compareDates(p!, d)).toBeGreaterThanOrEqual(0);
        // No KP period on a 1st between the date and p; periods are at most 6 months apart.
        const months = diffMonths(firstOfMonthOnOrAfter(d), p!);
        expect(months).toBeLessThanOrEqual(6);
        for (let k = 0; k < months; k++) expect(isKpPeriod(addMonths(firstOfMonthOnOrAfter(d), k))).toBe(false);
        // The next period is strictly after the date.
        const next = nextKpPeriod(d)!;
        expect(compareDates(next, d)).toBe(1);
        expect(next).toBe(isKpPeriod(d) ? kpPeriodOnOrAfter(addMonths(d, 1)) : p);
      }),
      runs(),
    );
  });

  it('the earliest regular KP is the first period on or after 4 years in rank', () => {
    fc.assert(
      fc.property(day, (tmt) => {
        const p = earliestKpReguler(tmt)!;
        expect(p).toBe(kpPeriodOnOrAfter(addYears(tmt, KP_REGULER_MIN_YEARS)));
        expect(compareDates(p, addYears(tmt, KP_REGULER_MIN_YEARS))).toBeGreaterThanOrEqual(0);
        expect(isFirstOfMonth(p)).toBe(true);
      }),
      runs(),
    );
  });
});

describe('KP reguler eligibility', () => {
  const goodSkp = (period: IsoDate) => {
    const y = parseDate(period).year;
    return [
      { tahun: y - 2, predikat: 'BAIK' },
      { tahun: y - 1, predikat: 'SANGAT_BAIK' },
    ];
  };
  const input: fc.Arbitrary<KpRegulerInput> = fc
    .record({
      golongan,
      tmtGolongan: isoDate(2000, 2030),
      pendidikan: fc.constantFrom(...PENDIDIKAN),
      period: firstOfMonthDate(2000, 2036),
      skpPredikat: fc.array(fc.constantFrom(...PREDIKAT_SKP, 'CUKUP'), { minLength: 2, maxLength: 2 }),
      activePenalty: fc.boolean(),
      statusKepegawaian: fc.constantFrom('PNS' as const, 'CPNS' as const, undefined),
      ujianDinasLulus: fc.constantFrom(true, false, undefined),
      threshold: fc.constantFrom(...PREDIKAT_SKP),
    })
    .map(({ skpPredikat, ...rest }) => {
      const y = parseDate(rest.period).year;
      return { ...rest, skp: skpPredikat.map((predikat, i) => ({ tahun: y - 2 + i, predikat })) };
    });

  it('is eligible exactly when no reason is given, and then the next grade is within the diploma ceiling', () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = kpRegulerEligibility(i);
        expect(r.eligible).toBe(r.codes.length === 0);
        expect(r.reasons).toHaveLength(r.codes.length);
        expect(r.targetGolongan).toBe(nextGolongan(i.golongan));
        expect(r.ceiling).toBe(kpRegulerCeiling(i.pendidikan));
        if (r.eligible) {
          expect(compareGolongan(r.targetGolongan!, r.ceiling)).toBeLessThanOrEqual(0);
          expect(compareDates(i.period, addYears(i.tmtGolongan, KP_REGULER_MIN_YEARS))).toBeGreaterThanOrEqual(0);
          expect(isKpPeriod(i.period)).toBe(true);
          expect(i.activePenalty).toBe(false);
        }
        expect(r.codes.includes('MASA_KERJA_KURANG')).toBe(compareDates(i.period, addYears(i.tmtGolongan, KP_REGULER_MIN_YEARS)) < 0);
        expect(r.codes.includes('HUKDIS_AKTIF')).toBe(i.activePenalty);
        expect(r.codes.includes('BUKAN_PNS')).toBe(i.statusKepegawaian === 'CPNS');
      }),
      runs(),
    );
  });

  it('a PNS with good SKP, no penalty and room under the ceiling is eligible from the earliest period on', () => {
    fc.assert(
      fc.property(golongan, isoDate(2000, 2030), fc.integer({ min: 0, max: 30 }), (g, tmt, later) => {
        const target = nextGolongan(g);
        fc.pre(target !== null && compareGolongan(target, kpRegulerCeiling('S3')) <= 0);
        const earliest = earliestKpReguler(tmt)!;
        const period = kpPeriodOnOrAfter(addMonths(earliest, later))!;
        const r = kpRegulerEligibility({ golongan: g, tmtGolongan: tmt, pendidikan: 'S3', skp: goodSkp(period), activePenalty: false, period, statusKepegawaian: 'PNS' });
        expect(r).toMatchObject({ eligible: true, codes: [], earliestPeriod: earliest, targetGolongan: target });
      }),
      runs(),
    );
  });

  it('crossing II/d→III/a or III/d→IV/a needs the exam, and only a failed exam blocks', () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = kpRegulerEligibility(i);
        const crossing = KP_EXAM_CROSSINGS.some(([a, b]) => a === i.golongan && b === nextGolongan(i.golongan));
        expect(r.requiresUjianDinas).toBe(crossing);
        expect(r.codes.includes('UJIAN_DINAS')).toBe(crossing && i.ujianDinasLulus === false);
      }),
      runs(),
    );
  });
});

describe('KP step validation (one grade per KP, DOMAIN-RULES §2)', () => {
  it('one step up is always valid; none or down never (except CPNS/PNS appointments); more only for PI and extraordinary KP', () => {
    fc.assert(
      fc.property(golongan, golongan, fc.constantFrom(...JENIS_KP), (from, to, jenis) => {
        const steps = golonganSteps(from, to);
        const { ok, message } = validateKpStep(from, to, jenis);
        expect(ok).toBe(message === null);
        if (jenis === 'CPNS' || jenis === 'PNS') expect(ok).toBe(true);
        else if (steps <= 0) expect(ok).toBe(false);
        else if (steps === 1) expect(ok).toBe(true);
        else expect(ok).toBe(KP_MULTI_STEP_KINDS.includes(jenis));
        expect(requiresUjianDinas(from, to)).toBe(KP_EXAM_CROSSINGS.some(([a, b]) => a === from && b === to));
      }),
      runs(),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ESELON, JENIS_JABATAN, JENJANG_FUNGSIONAL, RUMPUN_FUNGSIONAL } from '../codes.ts';
import {
  DEFAULT_BUP_RULES,
  determineBup,
  FALLBACK_BUP_RULE,
  monthsUntil,
  PENSIUN_FILE_LEAD_MONTHS,
  PENSIUN_FILE_OPEN_AHEAD_MONTHS,
  pensiunFileDueDate,
  pensiunFileOpensOn,
  tanggalCapaiBup,
  tmtPensiun,
  type BupProfile,
} from './bup.ts';
import {
  addDays,
  addMonths,
  compareDates,
  diffDays,
  diffMonths,
  diffYears,
  firstOfMonth,
  isFirstOfMonth,
  lastOfMonth,
  toYearMonth,
} from './dates.ts';
import { firstOfMonthDate, isoDate, runs } from './property-arbitraries.ts';

const birth = isoDate(1950, 2010);
/** The retirement ages the rule table can give. */
const bup = fc.constantFrom(...new Set([...DEFAULT_BUP_RULES, FALLBACK_BUP_RULE].map((r) => r.bup)));

describe('BUP: pension TMT (DOMAIN-RULES §5)', () => {
  it('is the 1st of the month after the month in which the BUP is reached', () => {
    fc.assert(
      fc.property(birth, bup, (b, age) => {
        const reached = tanggalCapaiBup(b, age);
        const tmt = tmtPensiun(b, age);
        expect(isFirstOfMonth(tmt)).toBe(true);
        expect(compareDates(tmt, reached)).toBe(1);
        // Discharged at the end of the month of reaching the BUP: the day before the TMT is its last day.
        expect(addDays(tmt, -1)).toBe(lastOfMonth(reached));
        // The month of reaching the BUP is the birth month, BUP years later (born in May → TMT 1 June).
        expect(toYearMonth(reached)).toBe(toYearMonth(addMonths(firstOfMonth(b), age * 12)));
        expect(toYearMonth(tmt)).toBe(toYearMonth(addMonths(firstOfMonth(b), age * 12 + 1)));
        expect(diffDays(reached, tmt)).toBeGreaterThanOrEqual(1);
        expect(diffDays(reached, tmt)).toBeLessThanOrEqual(31);
      }),
      runs(),
    );
  });

  it('on the pension TMT the employee has completed the BUP in whole years, and not a month before it', () => {
    fc.assert(
      fc.property(birth, bup, (b, age) => {
        const tmt = tmtPensiun(b, age);
        expect(diffYears(b, tmt)).toBe(age);
        expect(diffYears(b, addMonths(tmt, -1))).toBeLessThanOrEqual(age);
        expect(diffYears(b, addMonths(tmt, -2))).toBe(age - 1);
      }),
      runs(),
    );
  });

  it('is monotone: born later or a higher BUP never gives an earlier TMT', () => {
    fc.assert(
      fc.property(birth, birth, bup, bup, (b1, b2, a1, a2) => {
        const [early, late] = compareDates(b1, b2) <= 0 ? [b1, b2] : [b2, b1];
        const [low, high] = a1 <= a2 ? [a1, a2] : [a2, a1];
        expect(compareDates(tmtPensiun(early, low), tmtPensiun(late, low))).toBeLessThanOrEqual(0);
        expect(compareDates(tmtPensiun(early, low), tmtPensiun(early, high))).toBeLessThanOrEqual(0);
      }),
      runs(),
    );
  });
});

describe('BUP: countdown and the pension file', () => {
  const day = isoDate(2000, 2080);

  it('monthsUntil is the whole months between two dates: antisymmetric, 0 for the same day, never past the target', () => {
    fc.assert(
      fc.property(day, day, (from, to) => {
        const m = monthsUntil(from, to);
        expect(m).toBe(diffMonths(from, to));
        expect(monthsUntil(to, from)).toBe(-m || 0);
        expect(monthsUntil(from, from)).toBe(0);
        expect(m >= 0).toBe(compareDates(from, to) <= 0 || m === 0);
        if (m >= 0) expect(compareDates(addMonths(from, m), to)).toBeLessThanOrEqual(0);
      }),
      runs(),
    );
  });

  it('the file opens on or before its due date, which is the lead months before the TMT', () => {
    const lead = fc.integer({ min: 1, max: 24 });
    const ahead = fc.integer({ min: 0, max: 12 });
    fc.assert(
      fc.property(birth, bup, lead, ahead, (b, age, l, a) => {
        const tmt = tmtPensiun(b, age);
        const due = pensiunFileDueDate(tmt, l);
        const opens = pensiunFileOpensOn(due, a);
        expect(compareDates(due, tmt)).toBe(-1);
        expect(compareDates(opens, due)).toBeLessThanOrEqual(0);
        expect(monthsUntil(due, tmt)).toBe(l);
        expect(monthsUntil(opens, due)).toBe(a);
        expect(isFirstOfMonth(due) && isFirstOfMonth(opens)).toBe(true);
        // Defaults: 12 months before the TMT, opening 3 months before that.
        expect(pensiunFileDueDate(tmt)).toBe(addMonths(tmt, -PENSIUN_FILE_LEAD_MONTHS));
        expect(pensiunFileOpensOn(pensiunFileDueDate(tmt))).toBe(addMonths(tmt, -PENSIUN_FILE_LEAD_MONTHS - PENSIUN_FILE_OPEN_AHEAD_MONTHS));
      }),
      runs(),
    );
  });

  it('a due date anywhere in a month opens the given months ahead, never after it', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 12 }), (due, a) => {
        const opens = pensiunFileOpensOn(due, a);
        expect(compareDates(opens, due)).toBeLessThanOrEqual(0);
        expect(toYearMonth(opens)).toBe(toYearMonth(addMonths(firstOfMonth(due), -a)));
      }),
      runs(),
    );
  });

  it('monthsUntil a pension TMT on the 1st from another 1st is the calendar month count', () => {
    fc.assert(
      fc.property(firstOfMonthDate(2000, 2080), birth, bup, (from, b, age) => {
        const tmt = tmtPensiun(b, age);
        const m = monthsUntil(from, tmt);
        expect(addMonths(from, m)).toBe(tmt);
      }),
      runs(),
    );
  });
});

describe('BUP: determineBup (DOMAIN-RULES §5, "from the employee record")', () => {
  const profile: fc.Arbitrary<BupProfile> = fc.record(
    {
      jenisJabatan: fc.constantFrom(...JENIS_JABATAN, null),
      eselon: fc.constantFrom(...ESELON, null),
      jenjangFungsional: fc.constantFrom(...JENJANG_FUNGSIONAL, null),
      rumpunFungsional: fc.constantFrom(...RUMPUN_FUNGSIONAL, null),
      guruBesar: fc.boolean(),
    },
    { requiredKeys: ['jenisJabatan'] },
  );

  /** The mapping of DOMAIN-RULES §5 written out independently of the rule table. */
  function expectedBup(p: BupProfile): number {
    if (p.jenisJabatan === 'FUNGSIONAL') {
      if (p.rumpunFungsional === 'DOSEN') return p.guruBesar ? 70 : 65;
      if (p.rumpunFungsional === 'GURU') return 60;
      if (p.jenjangFungsional === 'AHLI_UTAMA') return 65;
      if (p.jenjangFungsional === 'AHLI_MADYA') return 60;
      return 58; // the other jenjang, or none recorded (fallback)
    }
    if (p.jenisJabatan === 'STRUKTURAL' && p.eselon && /^II?\./.test(p.eselon)) return 60; // JPT: eselon I.x–II.x
    return 58; // eselon III.x–IV.x, pelaksana, or no jabatan
  }

  it('gives the BUP of the domain table for any combination of record fields', () => {
    fc.assert(
      fc.property(profile, (p) => {
        const r = determineBup(p);
        expect(r.bup).toBe(expectedBup(p));
        expect(r.isFallback).toBe(r.ruleId === FALLBACK_BUP_RULE.id);
        expect(r.basis.length).toBeGreaterThan(0);
      }),
      runs(),
    );
  });

  it('fields of another kind of position do not change the BUP', () => {
    fc.assert(
      fc.property(profile, profile, (p, noise) => {
        if (p.jenisJabatan !== 'FUNGSIONAL') {
          const q = { ...p, jenjangFungsional: noise.jenjangFungsional, rumpunFungsional: noise.rumpunFungsional, guruBesar: noise.guruBesar };
          expect(determineBup(q).bup).toBe(determineBup(p).bup);
        } else {
          expect(determineBup({ ...p, eselon: noise.eselon }).bup).toBe(determineBup(p).bup);
          if (p.rumpunFungsional !== 'DOSEN') expect(determineBup({ ...p, guruBesar: !p.guruBesar }).bup).toBe(determineBup(p).bup);
        }
      }),
      runs(),
    );
  });
});

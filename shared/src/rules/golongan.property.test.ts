import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareEducation, PENDIDIKAN } from '../codes.ts';
import {
  compareGolongan,
  entryGolongan,
  GOLONGAN,
  GOLONGAN_PPPK,
  golonganIndex,
  golonganInfo,
  golonganPppkNumber,
  golonganSteps,
  isGolongan,
  kpRegulerCeiling,
  mkgReductionYears,
  nextGolongan,
  parseGolongan,
  parseGolonganPppk,
  previousGolongan,
  type PendidikanVariant,
} from './golongan.ts';
import { golongan, runs } from './property-arbitraries.ts';

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

describe('golongan: the ladder I/a … IV/e', () => {
  it('next and previous are inverse steps of one, and the order agrees with the index', () => {
    fc.assert(
      fc.property(golongan, golongan, (a, b) => {
        const next = nextGolongan(a);
        if (next === null) expect(a).toBe('IV/e');
        else {
          expect(previousGolongan(next)).toBe(a);
          expect(golonganSteps(a, next)).toBe(1);
          expect(compareGolongan(next, a)).toBeGreaterThan(0);
        }
        const prev = previousGolongan(a);
        if (prev === null) expect(a).toBe('I/a');
        else expect(nextGolongan(prev)).toBe(a);
        expect(Math.sign(compareGolongan(a, b))).toBe(Math.sign(golonganIndex(a) - golonganIndex(b)));
        expect(golonganSteps(a, b)).toBe(-golonganSteps(b, a) || 0);
        expect(golonganInfo(a).urutan).toBe(golonganIndex(a) + 1);
      }),
      runs(100),
    );
  });
});

describe('golongan: parseGolongan', () => {
  it('reads the canonical code back, whatever the case, numerals and separator', () => {
    const separator = fc.constantFrom('/', ' ', '', '-', '.', ' / ');
    fc.assert(
      fc.property(golongan, separator, fc.boolean(), fc.boolean(), fc.constantFrom('', ' ', '  '), (g, sep, arabic, upper, pad) => {
        const { golongan: group, ruang } = golonganInfo(g);
        const head = arabic ? String(ROMAN.indexOf(group) + 1) : group;
        const written = `${pad}${head}${sep}${upper ? ruang.toUpperCase() : ruang}${pad}`;
        expect(parseGolongan(written)).toBe(g);
      }),
      runs(),
    );
  });

  it('never throws on arbitrary text and returns a real grade or null', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 10 }),
      fc.string({ unit: fc.constantFrom('I', 'V', 'i', '1', '4', '5', 'a', 'e', 'f', '/', ' ', '\u0000', '\uD800'), maxLength: 8 }),
    );
    fc.assert(
      fc.property(text, (s) => {
        const g = parseGolongan(s);
        if (g !== null) expect(isGolongan(g)).toBe(true);
      }),
      runs(),
    );
  });

  it('PPPK grades I … XVII read back from their numeral or number', () => {
    fc.assert(
      fc.property(fc.constantFrom(...GOLONGAN_PPPK), fc.boolean(), (g, asNumber) => {
        const n = golonganPppkNumber(g);
        expect(GOLONGAN_PPPK[n - 1]).toBe(g);
        expect(parseGolonganPppk(asNumber ? ` ${n} ` : g.toLowerCase())).toBe(g);
      }),
      runs(100),
    );
  });
});

describe('golongan: entry grade and regular-KP ceiling by diploma (DOMAIN-RULES §2)', () => {
  it('the ceiling is never below the entry grade, and a higher diploma never enters or tops out lower', () => {
    const variant = fc.constantFrom<PendidikanVariant | undefined>(undefined, 'SLTP_KEJURUAN', 'SGPLB');
    const pendidikan = fc.constantFrom(...PENDIDIKAN);
    fc.assert(
      fc.property(pendidikan, pendidikan, variant, (p, q, v) => {
        expect(compareGolongan(kpRegulerCeiling(p, v), entryGolongan(p))).toBeGreaterThanOrEqual(0);
        expect(compareGolongan(kpRegulerCeiling(p, v), kpRegulerCeiling(p))).toBeGreaterThanOrEqual(0);
        const [lo, hi] = compareEducation(p, q) <= 0 ? [p, q] : [q, p];
        expect(compareGolongan(entryGolongan(lo), entryGolongan(hi))).toBeLessThanOrEqual(0);
        expect(compareGolongan(kpRegulerCeiling(lo), kpRegulerCeiling(hi))).toBeLessThanOrEqual(0);
      }),
      runs(200),
    );
  });
});

describe('golongan: MKG reduction on crossing a group (DOMAIN-RULES §2)', () => {
  it('adds up over intermediate grades and is 6 into II, 5 into III, 0 within a group or into IV', () => {
    fc.assert(
      fc.property(golongan, golongan, golongan, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => compareGolongan(p, q));
        expect(mkgReductionYears(a!, c!)).toBe(mkgReductionYears(a!, b!) + mkgReductionYears(b!, c!));
        const groups = (g: string) => ROMAN.indexOf(golonganInfo(g as (typeof GOLONGAN)[number]).golongan);
        const entered = (n: number) => groups(a!) < n && n <= groups(c!);
        expect(mkgReductionYears(a!, c!)).toBe((entered(1) ? 6 : 0) + (entered(2) ? 5 : 0));
      }),
      runs(),
    );
  });
});

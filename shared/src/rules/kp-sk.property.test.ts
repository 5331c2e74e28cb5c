import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from './dates.ts';
import { compareGolongan, mkgReductionYears, type Golongan } from './golongan.ts';
import { mkgAt } from './kgb.ts';
import { kpNewMkg, kpSkRoute, mkgCut } from './kp-sk.ts';
import { firstOfMonthDate, golongan, runs } from './property-arbitraries.ts';

/** A promotion from → to (to not below from). */
const upward = fc.tuple(golongan, golongan).map(([a, b]): [Golongan, Golongan] => (compareGolongan(a, b) <= 0 ? [a, b] : [b, a]));

describe('KP SK: MKG at the new rank (DOMAIN-RULES §2)', () => {
  it('the crossing cut of the SK equals the golongan module’s MKG reduction for every promotion', () => {
    fc.assert(
      fc.property(upward, ([from, to]) => {
        expect(mkgCut(from, to)).toBe(mkgReductionYears(from, to));
      }),
      runs(),
    );
  });

  it('the new MKG is the carried MKG less the cut, never negative, and grows with a later TMT', () => {
    const base = fc.record({
      mkgTahun: fc.integer({ min: 0, max: 30 }),
      mkgBulan: fc.integer({ min: 0, max: 11 }),
      tmtBase: firstOfMonthDate(1990, 2030),
    });
    fc.assert(
      fc.property(upward, base, fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 60 }), ([from, to], b, after, more) => {
        const tmt = addMonths(b.tmtBase, after);
        const carried = mkgAt(b, tmt);
        const m = kpNewMkg(from, to, b, tmt);
        const total = m.tahun * 12 + m.bulan;
        expect(total).toBe(Math.max(0, carried.tahun * 12 + carried.bulan - mkgCut(from, to) * 12));
        expect(m.bulan).toBeGreaterThanOrEqual(0);
        expect(m.bulan).toBeLessThan(12);
        const later = kpNewMkg(from, to, b, addMonths(tmt, more));
        expect(later.tahun * 12 + later.bulan).toBeGreaterThanOrEqual(total);
      }),
      runs(),
    );
  });
});

describe('KP SK: who signs (DOMAIN-RULES §4)', () => {
  it('the PPK signs up to IV/b, the President (Keppres) for IV/c–IV/e, and a pertek is always recorded', () => {
    fc.assert(
      fc.property(golongan, (to) => {
        const route = kpSkRoute(to);
        expect(route.authority).toBe(compareGolongan(to, 'IV/b') <= 0 ? 'PPK' : 'PRESIDEN');
        expect(route.pertekRequired).toBe(true);
      }),
      runs(100),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TINGKAT_HUKDIS } from '../codes.ts';
import { ABSENCE_THRESHOLDS, CONSECUTIVE_DISCHARGE_DAYS, disciplineWarning } from './disiplin.ts';
import { classifyJenisHukdis, JENIS_HUKDIS } from './hukdis.ts';
import { runs } from './property-arbitraries.ts';

/** Unexcused days in a year and the longest run among them (a run never exceeds the total). */
const absence = fc.integer({ min: 0, max: 260 }).chain((days) => fc.record({ days: fc.constant(days), run: fc.integer({ min: Math.min(days, 1), max: days }) }));
const rank = (w: ReturnType<typeof disciplineWarning>) => (w.threshold ? ABSENCE_THRESHOLDS.indexOf(w.threshold) : -1);

describe('disiplin: unexcused absence → penalty warning (PP 94/2021 art. 11; DOMAIN-RULES §7)', () => {
  it('nothing below 3 days; more days or a longer run never give a lighter penalty', () => {
    fc.assert(
      fc.property(absence, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), ({ days, run }, more, longer) => {
        const w = disciplineWarning(days, run);
        expect(w.threshold === null).toBe(days < 3 && run < CONSECUTIVE_DISCHARGE_DAYS);
        expect(rank(disciplineWarning(days + more, run))).toBeGreaterThanOrEqual(rank(w));
        expect(rank(disciplineWarning(days + longer, Math.min(days + longer, run + longer)))).toBeGreaterThanOrEqual(rank(w));
        if (w.threshold) {
          const heavier = disciplineWarning(days + more, run).threshold!;
          expect(TINGKAT_HUKDIS.indexOf(heavier.tingkat)).toBeGreaterThanOrEqual(TINGKAT_HUKDIS.indexOf(w.threshold.tingkat));
        }
      }),
      runs(),
    );
  });

  it('10 consecutive days or 28 in total mean discharge; the next threshold is further on and heavier', () => {
    fc.assert(
      fc.property(absence, ({ days, run }) => {
        const w = disciplineWarning(days, run);
        const top = ABSENCE_THRESHOLDS[ABSENCE_THRESHOLDS.length - 1]!;
        expect(w.threshold === top).toBe(days >= 28 || run >= CONSECUTIVE_DISCHARGE_DAYS);
        expect(w.byConsecutive).toBe(run >= CONSECUTIVE_DISCHARGE_DAYS && days < 28);
        if (w.nextAt === null) expect(w.threshold).toBe(top);
        else {
          expect(w.nextAt).toBeGreaterThan(days);
          expect(rank(disciplineWarning(w.nextAt, run))).toBeGreaterThan(rank(w));
          expect(rank(disciplineWarning(w.nextAt - 1, run))).toBe(rank(w));
        }
      }),
      runs(),
    );
  });

  it('each threshold names a PP 94/2021 penalty of its own level', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ABSENCE_THRESHOLDS), (t) => {
        const jenis = classifyJenisHukdis(t.hukuman);
        expect(jenis).not.toBeNull();
        expect(JENIS_HUKDIS[jenis!].tingkat).toBe(t.tingkat);
      }),
      runs(50),
    );
  });
});

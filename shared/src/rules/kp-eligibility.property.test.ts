import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ESELON, JENIS_JABATAN, JENJANG_FUNGSIONAL, PENDIDIKAN, PREDIKAT_SKP, STATUS_KEPEGAWAIAN, TINGKAT_HUKDIS } from '../codes.ts';
import { addYears, compareDates, parseDate } from './dates.ts';
import { compareGolongan, entryGolongan, nextGolongan } from './golongan.ts';
import { activeHukdis, JENIS_HUKDIS } from './hukdis.ts';
import { ANGKA_KREDIT_KP, KP_FUNGSIONAL_MIN_YEARS, KP_KINDS, KP_PI_MIN_YEARS, KP_STRUKTURAL_MIN_YEARS, kpCandidates, kpEligibility, type KpEligibilityInput } from './kp-eligibility.ts';
import { KP_REGIMES_SEED } from './kp-periods.ts';
import { KP_REGULER_MIN_YEARS } from './kp.ts';
import { firstOfMonthDate, golongan, isoDate, runs } from './property-arbitraries.ts';

/** One PNS at one period (mostly realistic: PNS, good SKP, no penalty; sometimes not). */
const input: fc.Arbitrary<KpEligibilityInput> = firstOfMonthDate(2026, 2032).chain((period) => {
  const y = parseDate(period).year;
  return fc
    .record({
      period: fc.constant(period),
      statusKepegawaian: fc.oneof({ weight: 6, arbitrary: fc.constant('PNS' as const) }, { weight: 1, arbitrary: fc.constantFrom(...STATUS_KEPEGAWAIAN) }),
      golongan,
      tmtGolongan: isoDate(y - 7, y),
      pendidikan: fc.constantFrom(...PENDIDIKAN),
      jenisJabatan: fc.constantFrom(...JENIS_JABATAN),
      eselon: fc.constantFrom(...ESELON, null),
      jenjangFungsional: fc.constantFrom(...JENJANG_FUNGSIONAL, null),
      tmtJabatan: fc.option(isoDate(y - 4, y), { freq: 5 }),
      skp: fc.tuple(
        fc.oneof({ weight: 4, arbitrary: fc.constantFrom('BAIK', 'SANGAT_BAIK') }, { weight: 1, arbitrary: fc.constantFrom(...PREDIKAT_SKP) }),
        fc.oneof({ weight: 4, arbitrary: fc.constantFrom('BAIK', 'SANGAT_BAIK') }, { weight: 1, arbitrary: fc.constantFrom(...PREDIKAT_SKP, null) }),
      ),
      hukdis: fc.array(
        fc.record({
          tingkat: fc.constantFrom(...TINGKAT_HUKDIS),
          jenis: fc.constantFrom(...Object.keys(JENIS_HUKDIS)),
          tanggalSk: isoDate(y - 3, y),
        }),
        { maxLength: 1 },
      ),
      angkaKredit: fc.option(
        fc.record({ nilai: fc.integer({ min: 0, max: 250 }), tanggal: isoDate(y - 2, y), documentId: fc.option(fc.integer({ min: 1, max: 999 }), { freq: 6 }) }),
        { freq: 5 },
      ),
      diplomas: fc.array(fc.record({ jenjang: fc.constantFrom(...PENDIDIKAN), tahunLulus: fc.option(fc.integer({ min: 2000, max: y }), { freq: 8 }) }), { maxLength: 2 }),
      tmtCpns: fc.option(isoDate(1990, y - 1), { freq: 8 }),
      endOfService: fc.option(isoDate(y - 1, y + 3), { freq: 3 }),
    })
    .map(({ skp, ...rest }) => ({
      ...rest,
      skp: skp.flatMap((predikat, i) => (predikat ? [{ tahun: y - 2 + i, predikat }] : [])),
      regimes: KP_REGIMES_SEED,
    }));
});

const yearsInRank = (i: KpEligibilityInput, years: number) => compareDates(i.period, addYears(i.tmtGolongan, years)) >= 0;

describe('KP eligibility over all kinds (DOMAIN-RULES §4)', () => {
  it('is eligible exactly when some candidate kind is, and then proposes the highest target (ties by kind order)', () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = kpEligibility(i);
        const eligible = r.candidates.filter((c) => c.eligible);
        expect(r.candidates.length).toBeGreaterThan(0);
        expect(r.eligible).toBe(eligible.length > 0);
        expect(r.codes).toHaveLength(r.reasons.length);
        if (!r.eligible) {
          expect(r.jenis).toBeNull();
          expect(r.reasons.length).toBeGreaterThan(0);
          return;
        }
        expect(r.reasons).toEqual([]);
        const chosen = eligible.find((c) => c.jenis === r.jenis)!;
        expect(chosen.to).toBe(r.to);
        for (const c of eligible) {
          const cmp = compareGolongan(c.to!, r.to!);
          expect(cmp < 0 || (cmp === 0 && KP_KINDS.indexOf(c.jenis) >= KP_KINDS.indexOf(r.jenis!))).toBe(true);
        }
      }),
      runs(),
    );
  });

  it('nobody is eligible who is not a PNS, leaves service by the period, has a penalty in effect or lacks a good SKP', () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = kpEligibility(i);
        const blocked =
          i.statusKepegawaian !== 'PNS' ||
          (i.endOfService != null && compareDates(i.endOfService, i.period) <= 0) ||
          activeHukdis(i.hukdis, i.period).length > 0 ||
          i.skp.length < 2 ||
          i.skp.some((s) => s.predikat !== 'BAIK' && s.predikat !== 'SANGAT_BAIK');
        if (blocked) expect(r.eligible).toBe(false);
      }),
      runs(),
    );
  });

  it('each eligible kind meets its own time in rank and limits: 4 years (reguler, structural), 2 years and angka kredit (functional), 1 year (PI)', () => {
    fc.assert(
      fc.property(input, (i) => {
        for (const c of kpCandidates(i).filter((x) => x.eligible)) {
          if (c.jenis === 'REGULER') {
            expect(i.jenisJabatan).not.toBe('FUNGSIONAL');
            expect(yearsInRank(i, KP_REGULER_MIN_YEARS)).toBe(true);
            expect(c.to).toBe(nextGolongan(i.golongan));
          }
          if (c.jenis === 'PILIHAN_STRUKTURAL') {
            expect(i.jenisJabatan).toBe('STRUKTURAL');
            expect(yearsInRank(i, KP_STRUKTURAL_MIN_YEARS)).toBe(true);
            expect(i.eselon).not.toBeNull();
          }
          if (c.jenis === 'PILIHAN_FUNGSIONAL') {
            expect(i.jenisJabatan).toBe('FUNGSIONAL');
            expect(yearsInRank(i, KP_FUNGSIONAL_MIN_YEARS)).toBe(true);
            expect(i.angkaKredit!.nilai).toBeGreaterThanOrEqual(ANGKA_KREDIT_KP[i.jenjangFungsional!]);
            expect(i.angkaKredit!.documentId).not.toBeNull();
          }
          if (c.jenis === 'PENYESUAIAN_IJAZAH') {
            expect(yearsInRank(i, KP_PI_MIN_YEARS)).toBe(true);
            expect(compareGolongan(c.to!, i.golongan)).toBeGreaterThan(0);
            expect((i.diplomas ?? []).some((d) => entryGolongan(d.jenjang) === c.to)).toBe(true);
          }
        }
      }),
      runs(600), // eligible structural and functional cases are the rarer ones
    );
  });
});

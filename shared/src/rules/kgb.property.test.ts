import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PREDIKAT_SKP, PREDIKAT_SKP_ALIASES, STATUS_KEPEGAWAIAN, TINGKAT_HUKDIS, predikatAtLeast, predikatFromNilai } from '../codes.ts';
import { GAJI_POKOK_PP_5_2024 as TABLE } from '../data/gaji-pokok-pp5-2024.ts';
import { addDays, addMonths, compareDates, diffMonths, isFirstOfMonth } from './dates.ts';
import { GOLONGAN, kelompokGolongan } from './golongan.ts';
import { activeHukdis, JENIS_HUKDIS, type HukdisRecord } from './hukdis.ts';
import {
  firstKgbMkg,
  gajiPokokDiterima,
  isKgbMkg,
  KGB_LEAD_MONTHS,
  kgbLetterDueDate,
  kgbPostponement,
  kgbRhythm,
  kgbTimeliness,
  lookupGajiPokok,
  mkgAt,
  nextKgb,
  nextKgbWithGaji,
} from './kgb.ts';
import { firstOfMonthDate, golongan, isoDate, runs } from './property-arbitraries.ts';

/** The last SK (KP or KGB): its MKG and TMT (mostly a 1st, sometimes any day of a legacy record). */
const base = fc.record({
  golongan,
  mkgTahun: fc.integer({ min: 0, max: 32 }),
  mkgBulan: fc.integer({ min: 0, max: 11 }),
  tmtBase: fc.oneof({ weight: 3, arbitrary: firstOfMonthDate(1985, 2030) }, { weight: 1, arbitrary: isoDate(1985, 2030) }),
});
const totalMonths = (m: { tahun: number; bulan: number }) => m.tahun * 12 + m.bulan;

/** DOMAIN-RULES §3, written out independently: I/a and golongan III/IV step on even MKG, the rest on odd. */
const evenRhythm = (g: (typeof GOLONGAN)[number]) => g === 'I/a' || ['III', 'IV'].includes(kelompokGolongan(g));

describe('KGB: the MKG rhythm (DOMAIN-RULES §3)', () => {
  it('KGB MKGs alternate: from the first one, every other whole year, with the parity of the golongan', () => {
    fc.assert(
      fc.property(golongan, fc.integer({ min: 0, max: 40 }), (g, mkg) => {
        const first = firstKgbMkg(g);
        expect(isKgbMkg(g, first)).toBe(true);
        expect(kgbRhythm(g)).toBe(evenRhythm(g) ? 'even' : 'odd');
        if (mkg < first) expect(isKgbMkg(g, mkg)).toBe(false);
        else {
          expect(isKgbMkg(g, mkg)).toBe((mkg % 2 === 0) === evenRhythm(g));
          expect(isKgbMkg(g, mkg)).not.toBe(isKgbMkg(g, mkg + 1));
        }
      }),
      runs(),
    );
  });
});

describe('KGB: mkgAt', () => {
  it('is the base MKG on the base TMT and never decreases as the date moves on', () => {
    fc.assert(
      fc.property(base, isoDate(1985, 2060), isoDate(1985, 2060), (b, x, y) => {
        expect(mkgAt(b, b.tmtBase)).toEqual({ tahun: b.mkgTahun, bulan: b.mkgBulan });
        const [lo, hi] = compareDates(x, y) <= 0 ? [x, y] : [y, x];
        fc.pre(compareDates(lo, b.tmtBase) >= 0);
        const a = mkgAt(b, lo);
        const c = mkgAt(b, hi);
        expect(totalMonths(a)).toBeLessThanOrEqual(totalMonths(c));
        expect(c.bulan).toBeGreaterThanOrEqual(0);
        expect(c.bulan).toBeLessThan(12);
      }),
      runs(),
    );
  });

  it('grows by exactly the calendar months elapsed since a TMT on the 1st', () => {
    fc.assert(
      fc.property(base, fc.integer({ min: 0, max: 480 }), (b, n) => {
        fc.pre(isFirstOfMonth(b.tmtBase));
        expect(totalMonths(mkgAt(b, addMonths(b.tmtBase, n)))).toBe(b.mkgTahun * 12 + b.mkgBulan + n);
      }),
      runs(),
    );
  });
});

describe('KGB: nextKgb', () => {
  it('falls on a 1st strictly after the base TMT, on a whole MKG year of the golongan rhythm', () => {
    fc.assert(
      fc.property(base, (b) => {
        const r = nextKgb(b);
        expect(isFirstOfMonth(r.tmt)).toBe(true);
        expect(compareDates(r.tmt, b.tmtBase)).toBe(1);
        expect(r.mkgBulan).toBe(0);
        expect(isKgbMkg(b.golongan, r.mkgTahun)).toBe(true);
        expect(r.mkgTahun % 2 === 0).toBe(evenRhythm(b.golongan));
        expect(r.rhythm).toBe(kgbRhythm(b.golongan));
        expect(mkgAt(b, r.tmt)).toEqual({ tahun: r.mkgTahun, bulan: 0 });
      }),
      runs(),
    );
  });

  it('is the first such step: MKG rises above the base, by at most 2 years once past the first step, and not a month earlier', () => {
    fc.assert(
      fc.property(base, (b) => {
        const r = nextKgb(b);
        const baseMonths = b.mkgTahun * 12 + b.mkgBulan;
        const gained = r.mkgTahun * 12 - baseMonths;
        expect(gained).toBeGreaterThan(0);
        if (b.mkgTahun >= firstKgbMkg(b.golongan)) expect(gained).toBeLessThanOrEqual(24);
        else expect(r.mkgTahun).toBe(firstKgbMkg(b.golongan));
        // A month earlier the step was not reached yet.
        const monthBefore = addMonths(r.tmt, -1);
        if (compareDates(monthBefore, b.tmtBase) >= 0) expect(mkgAt(b, monthBefore).tahun).toBeLessThan(r.mkgTahun);
        // The TMT is the month the MKG completes (its 1st), or the 1st after it.
        const reached = addMonths(b.tmtBase, gained);
        expect(compareDates(reached, r.tmt)).toBeLessThanOrEqual(0);
        expect(diffMonths(reached, r.tmt)).toBe(0);
      }),
      runs(),
    );
  });

  it('from one KGB the next comes exactly 2 years (24 months) later with 2 more years of MKG', () => {
    fc.assert(
      fc.property(base, (b) => {
        const first = nextKgb(b);
        const second = nextKgb({ golongan: b.golongan, mkgTahun: first.mkgTahun, mkgBulan: 0, tmtBase: first.tmt, lastKgbTmt: first.tmt });
        expect(second.tmt).toBe(addMonths(first.tmt, 24));
        expect(second.mkgTahun).toBe(first.mkgTahun + 2);
        expect(second.isFirst).toBe(false);
      }),
      runs(),
    );
  });

  it('a new CPNS (MKG 0 at TMT CPNS) gets the first KGB after 2 years, or after 1 year at II/a', () => {
    const evenOrIIa = fc.constantFrom(...GOLONGAN.filter((g) => g === 'II/a' || evenRhythm(g)));
    fc.assert(
      fc.property(evenOrIIa, firstOfMonthDate(1985, 2030), (g, tmtCpns) => {
        const r = nextKgb({ golongan: g, mkgTahun: 0, mkgBulan: 0, tmtBase: tmtCpns, tmtCpns });
        expect(r.tmt).toBe(addMonths(tmtCpns, g === 'II/a' ? 12 : 24));
        expect(r.isFirst).toBe(true);
        expect(r.warnings).toEqual([]);
      }),
      runs(100),
    );
  });

  it('with the PP 5/2024 table the salary never drops, and rises unless the old MKG is at the top of the table', () => {
    fc.assert(
      fc.property(base, (b) => {
        const r = nextKgbWithGaji(b, TABLE);
        expect(r.gajiPokokBaru).not.toBeNull();
        if (r.gajiPokokLama !== null) expect(r.gajiPokokBaru!).toBeGreaterThanOrEqual(r.gajiPokokLama);
        const top = Math.max(...TABLE.rows.filter((row) => row.golongan === b.golongan).map((row) => row.mkg));
        expect(r.naik).toBe(b.mkgTahun < top);
      }),
      runs(),
    );
  });

  it('gaji pokok is non-decreasing in MKG for every golongan, and a CPNS receives 80 % of it', () => {
    fc.assert(
      fc.property(golongan, fc.integer({ min: 0, max: 40 }), fc.constantFrom(...STATUS_KEPEGAWAIAN), (g, mkg, st) => {
        const a = lookupGajiPokok(TABLE, g, mkg, { clampToFirstRow: true })!;
        const b = lookupGajiPokok(TABLE, g, mkg + 1, { clampToFirstRow: true })!;
        expect(b).toBeGreaterThanOrEqual(a);
        expect(gajiPokokDiterima(a, st)).toBe(st === 'CPNS' ? Math.round(a * 0.8) : a);
      }),
      runs(),
    );
  });
});

describe('KGB: letter timing (PP 7/1977 art. 12)', () => {
  const tmt = firstOfMonthDate(2000, 2040);
  const lead = fc.integer({ min: 1, max: 12 });

  it('the letter is due the lead months before the TMT, 2 months by default', () => {
    fc.assert(
      fc.property(tmt, lead, (t, m) => {
        const due = kgbLetterDueDate(t, m);
        expect(compareDates(due, t)).toBe(-1);
        expect(diffMonths(due, t)).toBe(m);
        expect(kgbLetterDueDate(t)).toBe(addMonths(t, -KGB_LEAD_MONTHS));
      }),
      runs(),
    );
  });

  it('early implies on time; on time means finalized before the TMT; finalizing earlier is never worse', () => {
    fc.assert(
      fc.property(tmt, lead, fc.integer({ min: -400, max: 100 }), fc.integer({ min: 0, max: 100 }), (t, m, offset, earlier) => {
        const finalized = addDays(t, offset);
        const r = kgbTimeliness(finalized, t, m);
        expect(r.onTime).toBe(offset < 0);
        if (r.early) expect(r.onTime).toBe(true);
        const r2 = kgbTimeliness(addDays(finalized, -earlier), t, m);
        if (r.onTime) expect(r2.onTime).toBe(true);
        if (r.early) expect(r2.early).toBe(true);
      }),
      runs(),
    );
  });
});

describe('KGB: postponement (art. 11, 13; §7)', () => {
  const predicate = fc.constantFrom(...PREDIKAT_SKP, ...Object.keys(PREDIKAT_SKP_ALIASES), 'Sangat Baik', 'baik', 'AMAT_BAIK', '');
  const score = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 100 }), fc.double({ min: -50, max: 200, noNaN: true }));
  const penalty: fc.Arbitrary<HukdisRecord> = fc.record({
    tingkat: fc.constantFrom(...TINGKAT_HUKDIS),
    jenis: fc.constantFrom(...Object.keys(JENIS_HUKDIS), null, 'Teguran lisan', 'potong tukin 9 bulan'),
    tanggalSk: isoDate(2020, 2028),
    tmt: fc.option(isoDate(2020, 2028)),
    tmtSelesai: fc.option(isoDate(2020, 2030), { freq: 4 }),
  });
  const input = fc.record({
    lastSkpPredicate: fc.option(predicate),
    lastSkpScore: score,
    threshold: fc.constantFrom(...PREDIKAT_SKP),
    penalties: fc.array(penalty, { maxLength: 3 }),
    onDate: isoDate(2020, 2030),
  });

  it('is postponed exactly when a reason is given, one reason per code and one HUKDIS_AKTIF per active penalty', () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = kgbPostponement(i);
        expect(r.postponed).toBe(r.codes.length > 0);
        expect(r.reasons).toHaveLength(r.codes.length);
        expect(r.activePenalties).toEqual(activeHukdis(i.penalties, i.onDate));
        expect(r.codes.filter((c) => c === 'HUKDIS_AKTIF')).toHaveLength(r.activePenalties.length);
        const skpBlocks = r.predikat === null || !predikatAtLeast(r.predikat, i.threshold);
        expect(r.codes.some((c) => c === 'SKP_TIDAK_ADA' || c === 'SKP_DI_BAWAH_BATAS')).toBe(skpBlocks);
        expect(r.codes.includes('SKP_TIDAK_ADA')).toBe(r.predikat === null);
      }),
      runs(),
    );
  });

  it('a score within 0–100 decides the predicate over the written one', () => {
    fc.assert(
      fc.property(input, (i) => {
        const s = i.lastSkpScore;
        fc.pre(s !== null && s >= 0 && s <= 100);
        expect(kgbPostponement(i).predikat).toBe(predikatFromNilai(s));
      }),
      runs(),
    );
  });

  it('a stricter threshold or one more penalty never lifts a postponement', () => {
    fc.assert(
      fc.property(input, fc.constantFrom(...PREDIKAT_SKP), penalty, (i, stricter, extra) => {
        fc.pre(predikatAtLeast(stricter, i.threshold));
        const r = kgbPostponement(i);
        if (r.postponed) {
          expect(kgbPostponement({ ...i, threshold: stricter }).postponed).toBe(true);
          expect(kgbPostponement({ ...i, penalties: [...i.penalties, extra] }).postponed).toBe(true);
        }
      }),
      runs(),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { computeTpp, DEFAULT_TPP_DEDUCTIONS as CFG, shortfallBand, tppClass, type Bands, type Shortfalls } from './tpp.ts';

const Z: Bands = [0, 0, 0, 0];
const s = (over: Partial<Shortfalls>): Shortfalls => ({ terlambat: Z, pulangCepat: Z, tanpaKeterangan: 0, ...over });

describe('shortfallBand', () => {
  it.each([
    [0, 0], [-5, 0], [1, 1], [30, 1], [31, 2], [60, 2], [61, 3], [90, 3], [91, 4], [600, 4],
  ])('%i minutes → band %i', (m, b) => expect(shortfallBand(m)).toBe(b));
});

describe('tppClass', () => {
  it.each([
    [{ statusKepegawaian: 'PNS', jenisJabatan: 'STRUKTURAL', eselon: 'II.a', jenjangFungsional: null }, 'STRUKTURAL_II'],
    [{ statusKepegawaian: 'PNS', jenisJabatan: 'STRUKTURAL', eselon: 'III.b', jenjangFungsional: null }, 'STRUKTURAL_III'],
    [{ statusKepegawaian: 'PNS', jenisJabatan: 'STRUKTURAL', eselon: 'IV.a', jenjangFungsional: null }, 'STRUKTURAL_IV'],
    [{ statusKepegawaian: 'PNS', jenisJabatan: 'STRUKTURAL', eselon: '', jenjangFungsional: null }, 'PELAKSANA'],
    [{ statusKepegawaian: 'PNS', jenisJabatan: 'FUNGSIONAL', eselon: null, jenjangFungsional: 'AHLI_MUDA' }, 'FUNGSIONAL_AHLI_MUDA'],
    [{ statusKepegawaian: 'PPPK', jenisJabatan: 'FUNGSIONAL', eselon: null, jenjangFungsional: 'TERAMPIL' }, 'FUNGSIONAL_TERAMPIL'],
    [{ statusKepegawaian: 'CPNS', jenisJabatan: 'PELAKSANA', eselon: null, jenjangFungsional: null }, 'PELAKSANA'],
    [{ statusKepegawaian: 'KONTRAK', jenisJabatan: 'PELAKSANA', eselon: null, jenjangFungsional: null }, 'KONTRAK'],
  ] as const)('%o → %s', (p, c) => expect(tppClass(p)).toBe(c));
});

describe('computeTpp (defaults 0.5/1/1.25/1.5 %, 3 %/day, cap 100 %)', () => {
  it.each<[string, number, Shortfalls, number, number, number]>([
    // name, base, shortfalls, total %, deduction, amount
    ['no shortfall', 4_000_000, s({}), 0, 0, 4_000_000],
    ['one TL1', 4_000_000, s({ terlambat: [1, 0, 0, 0] }), 0.5, 20_000, 3_980_000],
    ['TL1..TL4 once each', 4_000_000, s({ terlambat: [1, 1, 1, 1] }), 4.25, 170_000, 3_830_000],
    ['PSW2 twice', 2_000_000, s({ pulangCepat: [0, 2, 0, 0] }), 2, 40_000, 1_960_000],
    ['two unexcused days', 3_000_000, s({ tanpaKeterangan: 2 }), 6, 180_000, 2_820_000],
    ['mixed', 3_000_000, s({ terlambat: [3, 1, 0, 0], pulangCepat: [0, 0, 0, 1], tanpaKeterangan: 1 }), 7, 210_000, 2_790_000],
    ['capped at 100 %', 2_000_000, s({ tanpaKeterangan: 40 }), 100, 2_000_000, 0],
    ['zero base', 0, s({ tanpaKeterangan: 3 }), 9, 0, 0],
  ])('%s', (_n, base, sf, pct, ded, amount) => {
    const r = computeTpp(base, sf, CFG);
    expect(r.persenTotal).toBe(pct);
    expect(r.potongan).toBe(ded);
    expect(r.jumlah).toBe(amount);
    expect(r.potonganPerJenis.terlambat + r.potonganPerJenis.pulangCepat + r.potonganPerJenis.tanpaKeterangan).toBe(ded);
  });

  it('splits the deduction per kind in proportion', () => {
    const r = computeTpp(3_000_000, s({ terlambat: [3, 1, 0, 0], pulangCepat: [0, 0, 0, 1], tanpaKeterangan: 1 }), CFG);
    expect(r.persen).toEqual({ terlambat: 2.5, pulangCepat: 1.5, tanpaKeterangan: 3 });
    expect(r.potonganPerJenis).toEqual({ terlambat: 75_000, pulangCepat: 45_000, tanpaKeterangan: 90_000 });
  });

  it('gives the rounding remainder to the last kind that occurred, never a share to a kind that did not', () => {
    // Both halves of 53,125 are x.5 and round up: the remainder is −1, and used to land on the
    // unexcused days (none here), shown as −1 in the recap export.
    const r = computeTpp(2_125_000, s({ terlambat: [0, 0, 1, 0], pulangCepat: [0, 0, 1, 0] }), CFG);
    expect(r).toMatchObject({ persenTotal: 2.5, potongan: 53_125, jumlah: 2_071_875 });
    expect(r.potonganPerJenis).toEqual({ terlambat: 26_563, pulangCepat: 26_562, tanpaKeterangan: 0 });
    expect(computeTpp(1_001_000, s({ terlambat: [0, 0, 1, 0] }), CFG).potonganPerJenis).toEqual({ terlambat: 12_513, pulangCepat: 0, tanpaKeterangan: 0 });
  });

  it('uses the configured figures and cap', () => {
    const cfg = { ...CFG, terlambat: [1, 2, 3, 4] as Bands, tanpaKeterangan: 5, batasPersen: 50 };
    expect(computeTpp(1_000_000, s({ terlambat: [0, 0, 0, 2] }), cfg).potongan).toBe(80_000);
    expect(computeTpp(1_000_000, s({ tanpaKeterangan: 11 }), cfg)).toMatchObject({ persenTotal: 50, potongan: 500_000, jumlah: 500_000 });
  });
});

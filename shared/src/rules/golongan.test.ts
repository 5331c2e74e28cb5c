import { describe, expect, it } from 'vitest';
import { PENDIDIKAN } from '../codes.ts';
import {
  compareGolongan,
  entryGolongan,
  formatPangkatGolongan,
  GOLONGAN,
  GOLONGAN_INFO,
  GOLONGAN_PPPK,
  golonganIndex,
  golonganInfo,
  golonganPppkNumber,
  golonganSteps,
  GolonganSchema,
  isGolongan,
  isGolonganPppk,
  kelompokGolongan,
  kpRegulerCeiling,
  mkgReductionYears,
  nextGolongan,
  PANGKAT,
  parseGolongan,
  parseGolonganPppk,
  previousGolongan,
  type Golongan,
} from './golongan.ts';

describe('ladder and rank names', () => {
  it('has 17 grades from I/a to IV/e', () => {
    expect(GOLONGAN).toHaveLength(17);
    expect(GOLONGAN[0]).toBe('I/a');
    expect(GOLONGAN[16]).toBe('IV/e');
    expect(GOLONGAN_INFO.map((g) => g.urutan)).toEqual(GOLONGAN.map((_, i) => i + 1));
  });

  it.each([
    ['I/a', 'Juru Muda'],
    ['I/b', 'Juru Muda Tingkat I'],
    ['I/c', 'Juru'],
    ['I/d', 'Juru Tingkat I'],
    ['II/a', 'Pengatur Muda'],
    ['II/b', 'Pengatur Muda Tingkat I'],
    ['II/c', 'Pengatur'],
    ['II/d', 'Pengatur Tingkat I'],
    ['III/a', 'Penata Muda'],
    ['III/b', 'Penata Muda Tingkat I'],
    ['III/c', 'Penata'],
    ['III/d', 'Penata Tingkat I'],
    ['IV/a', 'Pembina'],
    ['IV/b', 'Pembina Tingkat I'],
    ['IV/c', 'Pembina Utama Muda'],
    ['IV/d', 'Pembina Utama Madya'],
    ['IV/e', 'Pembina Utama'],
  ] as const)('%s = %s', (g, pangkat) => {
    expect(PANGKAT[g]).toBe(pangkat);
    expect(golonganInfo(g).pangkat).toBe(pangkat);
  });

  it.each([
    ['I/a', 'I', 'a', 1],
    ['II/d', 'II', 'd', 8],
    ['III/a', 'III', 'a', 9],
    ['IV/e', 'IV', 'e', 17],
  ] as const)('golonganInfo(%s) = %s / %s #%i', (g, group, ruang, urutan) => {
    expect(golonganInfo(g)).toMatchObject({ kode: g, golongan: group, ruang, urutan });
    expect(kelompokGolongan(g)).toBe(group);
    expect(golonganIndex(g)).toBe(urutan - 1);
  });

  it('formatPangkatGolongan', () => {
    expect(formatPangkatGolongan('III/a')).toBe('Penata Muda (III/a)');
  });
});

describe('ordering', () => {
  it.each([
    ['I/a', 'I/b'],
    ['I/d', 'II/a'],
    ['II/d', 'III/a'],
    ['III/d', 'IV/a'],
    ['IV/d', 'IV/e'],
    ['IV/e', null],
  ] as const)('nextGolongan(%s) = %s', (g, next) => {
    expect(nextGolongan(g)).toBe(next);
  });

  it.each([
    ['I/a', null],
    ['II/a', 'I/d'],
    ['IV/a', 'III/d'],
  ] as const)('previousGolongan(%s) = %s', (g, prev) => {
    expect(previousGolongan(g)).toBe(prev);
  });

  it.each([
    ['III/a', 'III/b', -1],
    ['IV/a', 'III/d', 1],
    ['II/c', 'II/c', 0],
  ] as const)('compareGolongan(%s, %s) sign %i', (a, b, sign) => {
    expect(Math.sign(compareGolongan(a, b))).toBe(sign);
  });

  it.each([
    ['III/a', 'III/b', 1],
    ['II/c', 'III/a', 2],
    ['III/b', 'III/a', -1],
    ['I/a', 'IV/e', 16],
  ] as const)('golonganSteps(%s, %s) = %i', (a, b, steps) => {
    expect(golonganSteps(a, b)).toBe(steps);
  });
});

describe('parse / validate', () => {
  it.each([
    ['III/a', 'III/a'],
    ['III/A', 'III/a'],
    ['iii/a', 'III/a'],
    ['III a', 'III/a'],
    ['IIIa', 'III/a'],
    ['III-a', 'III/a'],
    ['III.a', 'III/a'],
    [' IV/e ', 'IV/e'],
    ['3/a', 'III/a'],
    ['2d', 'II/d'],
    ['Ia', 'I/a'],
    ['IIa', 'II/a'],
    ['I/e', null],
    ['III/e', null],
    ['V/a', null],
    ['5/a', null],
    ['III', null],
    ['', null],
  ])('parseGolongan(%j) = %j', (value, expected) => {
    expect(parseGolongan(value)).toBe(expected);
  });

  it.each([
    ['III/a', true],
    ['III/A', false],
    ['IIIa', false],
  ])('isGolongan(%j) = %s', (value, expected) => {
    expect(isGolongan(value)).toBe(expected);
    expect(GolonganSchema.safeParse(value).success).toBe(expected);
  });
});

describe('entry grade and regular-KP ceiling by diploma (DOMAIN-RULES §2)', () => {
  it.each([
    ['SD', 'I/a', 'II/a'],
    ['SMP', 'I/c', 'II/c'],
    ['SMA', 'II/a', 'III/b'],
    ['D1', 'II/a', 'III/b'],
    ['D2', 'II/b', 'III/b'],
    ['D3', 'II/c', 'III/c'],
    ['D4', 'III/a', 'III/d'],
    ['S1', 'III/a', 'III/d'],
    ['PROFESI', 'III/b', 'IV/a'],
    ['S2', 'III/b', 'IV/a'],
    ['SP1', 'III/b', 'IV/a'],
    ['S3', 'III/c', 'IV/b'],
    ['SP2', 'III/c', 'IV/b'],
  ] as const)('%s: entry %s, ceiling %s', (pendidikan, entry, ceiling) => {
    expect(entryGolongan(pendidikan)).toBe(entry);
    expect(kpRegulerCeiling(pendidikan)).toBe(ceiling);
  });

  it.each([
    ['SMP', 'SLTP_KEJURUAN', 'II/d'],
    ['D2', 'SGPLB', 'III/c'],
    ['S1', 'SGPLB', 'III/d'],
  ] as const)('variant %s/%s ceiling %s', (pendidikan, variant, ceiling) => {
    expect(kpRegulerCeiling(pendidikan, variant)).toBe(ceiling);
  });

  it('ceiling is above the entry for every diploma', () => {
    for (const p of PENDIDIKAN) {
      expect(compareGolongan(kpRegulerCeiling(p), entryGolongan(p))).toBeGreaterThan(0);
    }
  });
});

describe('MKG reduction on crossing a group', () => {
  it.each([
    ['I/d', 'II/a', 6],
    ['II/d', 'III/a', 5],
    ['I/c', 'III/a', 11],
    ['III/d', 'IV/a', 0],
    ['III/a', 'III/b', 0],
    ['I/a', 'I/b', 0],
  ] as [Golongan, Golongan, number][])('%s → %s drops %i years', (from, to, years) => {
    expect(mkgReductionYears(from, to)).toBe(years);
  });

  it('uses a custom table', () => {
    expect(mkgReductionYears('II/d', 'III/a', { III: 4 })).toBe(4);
  });
});

describe('PPPK golongan I … XVII', () => {
  it('has 17 grades', () => {
    expect(GOLONGAN_PPPK).toHaveLength(17);
    expect(GOLONGAN_PPPK[16]).toBe('XVII');
  });

  it.each([
    ['IX', 'IX'],
    ['ix', 'IX'],
    [' XVII ', 'XVII'],
    ['9', 'IX'],
    ['17', 'XVII'],
    ['1', 'I'],
    ['0', null],
    ['18', null],
    ['XVIII', null],
    ['III/a', null],
    ['', null],
  ])('parseGolonganPppk(%j) = %j', (value, expected) => {
    expect(parseGolonganPppk(value)).toBe(expected);
  });

  it.each([
    ['V', true, 5],
    ['XIII', true, 13],
  ] as const)('%s valid=%s number=%i', (g, ok, n) => {
    expect(isGolonganPppk(g)).toBe(ok);
    expect(golonganPppkNumber(g)).toBe(n);
  });

  it('isGolonganPppk rejects PNS grades', () => {
    expect(isGolonganPppk('III/a')).toBe(false);
  });
});

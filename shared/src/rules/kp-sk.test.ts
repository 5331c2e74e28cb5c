import { describe, expect, it } from 'vitest';
import type { Golongan } from './golongan.ts';
import { kpNewMkg, kpSkRoute, mkgCut } from './kp-sk.ts';

describe('mkgCut', () => {
  it.each<[Golongan, Golongan, number]>([
    ['III/a', 'III/b', 0],
    ['II/d', 'III/a', 5],
    ['I/d', 'II/a', 6],
    ['II/a', 'III/b', 5], // penyesuaian ijazah across a group
    ['I/c', 'III/a', 11],
    ['III/d', 'IV/a', 0],
    ['IV/a', 'IV/b', 0],
  ])('%s → %s drops %i years', (from, to, years) => expect(mkgCut(from, to)).toBe(years));
});

describe('kpNewMkg', () => {
  it.each<[string, Golongan, Golongan, { mkgTahun: number; mkgBulan: number; tmtBase: string }, string, { tahun: number; bulan: number }]>([
    ['carried to the TMT within a group', 'III/a', 'III/b', { mkgTahun: 4, mkgBulan: 0, tmtBase: '2023-01-01' }, '2027-01-01', { tahun: 8, bulan: 0 }],
    ['months count', 'III/b', 'III/c', { mkgTahun: 10, mkgBulan: 5, tmtBase: '2023-04-01' }, '2027-06-01', { tahun: 14, bulan: 7 }],
    ['II → III drops five years', 'II/d', 'III/a', { mkgTahun: 12, mkgBulan: 0, tmtBase: '2023-01-01' }, '2027-01-01', { tahun: 11, bulan: 0 }],
    ['I → II drops six years', 'I/d', 'II/a', { mkgTahun: 6, mkgBulan: 0, tmtBase: '2023-01-01' }, '2027-01-01', { tahun: 4, bulan: 0 }],
    ['never below zero', 'I/d', 'II/a', { mkgTahun: 0, mkgBulan: 0, tmtBase: '2025-01-01' }, '2027-01-01', { tahun: 0, bulan: 0 }],
  ])('%s', (_, from, to, base, tmt, expected) => expect(kpNewMkg(from, to, base, tmt)).toEqual(expected));
});

describe('kpSkRoute', () => {
  it.each<[Golongan, string, string]>([
    ['II/b', 'PPK', 'PERSETUJUAN_TEKNIS_KANREG'],
    ['III/d', 'PPK', 'PERSETUJUAN_TEKNIS_KANREG'],
    ['IV/a', 'PPK', 'PERTIMBANGAN_TEKNIS_BKN'],
    ['IV/b', 'PPK', 'PERTIMBANGAN_TEKNIS_BKN'],
    ['IV/c', 'PRESIDEN', 'PERTIMBANGAN_TEKNIS_BKN'],
    ['IV/e', 'PRESIDEN', 'PERTIMBANGAN_TEKNIS_BKN'],
  ])('%s: signed by %s after %s', (to, authority, pertek) => {
    const r = kpSkRoute(to);
    expect([r.authority, r.pertek, r.pertekRequired]).toEqual([authority, pertek, true]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Pendidikan } from '../codes.ts';
import type { Golongan } from './golongan.ts';
import {
  ESELON_PANGKAT,
  JENJANG_PANGKAT,
  kpEarliest,
  kpEligibility,
  piDiploma,
  type KpEligibilityCode,
  type KpEligibilityInput,
} from './kp-eligibility.ts';
import { KP_REGIMES_SEED } from './kp-periods.ts';

/** A pelaksana S1 in III/a for 4 years on 2027-01-01, SKP Baik in 2024 and 2025 (the window's years). */
const BASE: KpEligibilityInput = {
  period: '2027-01-01',
  statusKepegawaian: 'PNS',
  golongan: 'III/a',
  tmtGolongan: '2023-01-01',
  pendidikan: 'S1',
  jenisJabatan: 'PELAKSANA',
  skp: [
    { tahun: 2024, predikat: 'BAIK' },
    { tahun: 2025, predikat: 'SANGAT_BAIK' },
  ],
  skpYears: [2024, 2025],
  hukdis: [],
  tmtCpns: '2010-03-01',
  regimes: KP_REGIMES_SEED,
};

const run = (extra: Partial<KpEligibilityInput>) => kpEligibility({ ...BASE, ...extra });

describe('KP reguler (pelaksana)', () => {
  it('eligible base case', () => {
    expect(run({})).toMatchObject({ eligible: true, jenis: 'REGULER', from: 'III/a', to: 'III/b', reasons: [], flags: [] });
  });

  it.each<[string, Partial<KpEligibilityInput>, boolean, KpEligibilityCode[]]>([
    ['4 years exactly on the period date', { tmtGolongan: '2023-01-01' }, true, []],
    ['one day short of 4 years', { tmtGolongan: '2023-01-02' }, false, ['MASA_KERJA_KURANG']],
    ['4 years reached mid-month before the period', { tmtGolongan: '2022-12-15' }, true, []],
    ['SKP Butuh Perbaikan in one year', { skp: [{ tahun: 2024, predikat: 'BAIK' }, { tahun: 2025, predikat: 'BUTUH_PERBAIKAN' }] }, false, ['SKP_DI_BAWAH_BATAS']],
    ['SKP Kurang in both years', { skp: [{ tahun: 2024, predikat: 'KURANG' }, { tahun: 2025, predikat: 'SANGAT_KURANG' }] }, false, ['SKP_DI_BAWAH_BATAS', 'SKP_DI_BAWAH_BATAS']],
    ['SKP score 75 (Cukup)', { skp: [{ tahun: 2024, nilai: 75 }, { tahun: 2025, nilai: 90 }] }, false, ['SKP_DI_BAWAH_BATAS']],
    ['SKP of 2025 missing', { skp: [{ tahun: 2024, predikat: 'BAIK' }] }, false, ['SKP_TIDAK_ADA']],
    ['SKP years follow the given years', { skpYears: [2025, 2026] }, false, ['SKP_TIDAK_ADA']],
    [
      'penalty in effect on the period date',
      { hukdis: [{ tingkat: 'SEDANG', jenis: 'POTONG_TUKIN_12', tanggalSk: '2026-03-01', tmt: '2026-03-01' }] },
      false,
      ['HUKDIS_AKTIF'],
    ],
    [
      'penalty ended before the period',
      { hukdis: [{ tingkat: 'SEDANG', jenis: 'POTONG_TUKIN_6', tanggalSk: '2026-03-01', tmt: '2026-03-01' }] },
      true,
      [],
    ],
    ['light penalty has no lasting effect', { hukdis: [{ tingkat: 'RINGAN', jenis: 'TEGURAN_TERTULIS', tanggalSk: '2026-12-01' }] }, true, []],
    ['CPNS', { statusKepegawaian: 'CPNS' }, false, ['BUKAN_PNS']],
    ['PPPK', { statusKepegawaian: 'PPPK' }, false, ['BUKAN_PNS']],
    ['contract staff', { statusKepegawaian: 'KONTRAK' }, false, ['BUKAN_PNS']],
    ['retires on the period date', { endOfService: '2027-01-01' }, false, ['PENSIUN']],
    ['retires the month after', { endOfService: '2027-02-01' }, true, []],
    ['not a KP period', { period: '2027-01-15' }, false, ['PERIODE_TIDAK_VALID']],
    ['IV/e', { golongan: 'IV/e', pendidikan: 'S3' }, false, ['GOLONGAN_TERTINGGI']],
  ])('%s → eligible %s %j', (_label, extra, eligible, codes) => {
    const r = run(extra);
    expect(r.eligible).toBe(eligible);
    expect(r.codes).toEqual(codes);
    expect(r.reasons).toHaveLength(codes.length);
  });

  // Every diploma's ceiling (DOMAIN-RULES §2): at the ceiling → refused; one below → eligible.
  it.each<[Pendidikan, Golongan]>([
    ['SD', 'II/a'],
    ['SMP', 'II/c'],
    ['SMA', 'III/b'],
    ['D1', 'III/b'],
    ['D2', 'III/b'],
    ['D3', 'III/c'],
    ['D4', 'III/d'],
    ['S1', 'III/d'],
    ['PROFESI', 'IV/a'],
    ['S2', 'IV/a'],
    ['SP1', 'IV/a'],
    ['S3', 'IV/b'],
    ['SP2', 'IV/b'],
  ])('%s: ceiling %s', (pendidikan, ceiling) => {
    const at = run({ pendidikan, golongan: ceiling, diplomas: [] });
    expect(at.eligible).toBe(false);
    expect(at.codes).toContain('PANGKAT_PUNCAK');
    expect(at.reasons.join(' ')).toContain(`adalah ${ceiling}`);
    const order: Golongan[] = ['I/a', 'I/b', 'I/c', 'I/d', 'II/a', 'II/b', 'II/c', 'II/d', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b'];
    const below = order[order.indexOf(ceiling) - 1]!;
    expect(run({ pendidikan, golongan: below, diplomas: [] })).toMatchObject({ eligible: true, jenis: 'REGULER', to: ceiling });
  });

  it.each<[Golongan, Pendidikan, boolean]>([
    ['II/d', 'S1', true],
    ['III/d', 'S2', true],
    ['III/c', 'S2', false],
  ])('ujian dinas crossing %s (%s) flagged: %s, never blocking', (golongan, pendidikan, flagged) => {
    const r = run({ golongan, pendidikan });
    expect(r.eligible).toBe(true);
    expect(r.flags.some((f) => f.code === 'UJIAN_DINAS')).toBe(flagged);
  });

  it('many reasons at once, each once', () => {
    const r = run({
      tmtGolongan: '2024-01-01',
      skp: [],
      hukdis: [{ tingkat: 'BERAT', jenis: 'PENURUNAN_JABATAN', tanggalSk: '2026-06-01' }],
      golongan: 'III/d',
    });
    expect(r.codes).toEqual(['SKP_TIDAK_ADA', 'SKP_TIDAK_ADA', 'HUKDIS_AKTIF', 'MASA_KERJA_KURANG', 'PANGKAT_PUNCAK']);
    expect(new Set(r.reasons).size).toBe(r.reasons.length);
  });
});

describe('KP pilihan struktural', () => {
  const S: Partial<KpEligibilityInput> = { jenisJabatan: 'STRUKTURAL', eselon: 'IV.a', tmtJabatan: '2024-01-01', golongan: 'III/b' };

  it('eligible within the eselon band; reguler too, reguler preferred on a tie', () => {
    expect(run(S)).toMatchObject({ eligible: true, jenis: 'REGULER', to: 'III/c' });
    expect(run(S).candidates.map((c) => [c.jenis, c.eligible])).toEqual([
      ['REGULER', true],
      ['PILIHAN_STRUKTURAL', true],
    ]);
  });
  it('beyond the diploma ceiling, within the eselon band: pilihan struktural', () => {
    // SMA ceiling III/b; eselon III.b reaches IV/a.
    const r = run({ ...S, eselon: 'III.b', golongan: 'III/c', pendidikan: 'SMA' });
    expect(r).toMatchObject({ eligible: true, jenis: 'PILIHAN_STRUKTURAL', to: 'III/d' });
  });
  it.each<[string, Partial<KpEligibilityInput>, KpEligibilityCode[]]>([
    ['less than a year in the position (reguler refused by the ceiling)', { tmtJabatan: '2026-02-01', golongan: 'III/c', eselon: 'III.b', pendidikan: 'SMA' }, ['PANGKAT_PUNCAK', 'MASA_JABATAN_KURANG']],
    ['at the top of the eselon band and the diploma ceiling', { eselon: 'IV.b', golongan: 'III/d' }, ['PANGKAT_PUNCAK', 'PANGKAT_PUNCAK_ESELON']],
    ['no TMT jabatan, at the ceiling', { tmtJabatan: null, golongan: 'III/d' }, ['PANGKAT_PUNCAK', 'DATA_TIDAK_LENGKAP', 'PANGKAT_PUNCAK_ESELON']],
  ])('%s', (_l, extra, codes) => {
    const r = run({ ...S, ...extra });
    expect(r.eligible).toBe(false);
    expect(r.codes).toEqual(codes);
  });
  it('the eselon bands are the PP 13/2002 table', () => {
    expect(ESELON_PANGKAT['IV.a']).toEqual(['III/b', 'III/c']);
    expect(ESELON_PANGKAT['II.a']).toEqual(['IV/c', 'IV/d']);
  });
});

describe('KP pilihan fungsional (angka kredit with its PAK)', () => {
  const F: Partial<KpEligibilityInput> = {
    jenisJabatan: 'FUNGSIONAL',
    jenjangFungsional: 'AHLI_PERTAMA',
    golongan: 'III/a',
    tmtGolongan: '2025-01-01',
    angkaKredit: { nilai: 50, tanggal: '2026-06-30', documentId: 12 },
  };
  it('2 years in rank and the required angka kredit with the PAK document', () => {
    expect(run(F)).toMatchObject({ eligible: true, jenis: 'PILIHAN_FUNGSIONAL', to: 'III/b' });
    expect(run(F).candidates.map((c) => c.jenis)).toEqual(['PILIHAN_FUNGSIONAL']);
  });
  it.each<[string, Partial<KpEligibilityInput>, KpEligibilityCode[]]>([
    ['less than 2 years in rank', { tmtGolongan: '2025-01-02' }, ['MASA_KERJA_KURANG']],
    ['no PAK recorded', { angkaKredit: null }, ['ANGKA_KREDIT_TIDAK_ADA']],
    ['angka kredit below the requirement', { angkaKredit: { nilai: 37.5, tanggal: '2026-06-30', documentId: 12 } }, ['ANGKA_KREDIT_KURANG']],
    ['PAK without its document', { angkaKredit: { nilai: 60, tanggal: '2026-06-30', documentId: null } }, ['PAK_TANPA_DOKUMEN']],
    ['top of the jenjang', { golongan: 'III/b' }, ['PANGKAT_PUNCAK_JENJANG']],
    ['jenjang missing', { jenjangFungsional: null }, ['DATA_TIDAK_LENGKAP']],
    ['Ahli Muda needs 100', { jenjangFungsional: 'AHLI_MUDA', golongan: 'III/c', angkaKredit: { nilai: 99.999, tanggal: '2026-06-30', documentId: 1 } }, ['ANGKA_KREDIT_KURANG']],
  ])('%s', (_l, extra, codes) => {
    const r = run({ ...F, ...extra });
    expect(r.eligible).toBe(false);
    expect(r.codes).toEqual(codes);
  });
  it('messages name the values', () => {
    expect(run({ ...F, angkaKredit: { nilai: 37.5, tanggal: '2026-06-30', documentId: 12 } }).reasons).toEqual([
      'Angka kredit 37,5 (PAK 30 Juni 2026) kurang dari 50 yang dibutuhkan.',
    ]);
  });
  it('the jenjang bands are PP 11/2017', () => {
    expect(JENJANG_PANGKAT.AHLI_MADYA).toEqual(['IV/a', 'IV/c']);
    expect(JENJANG_PANGKAT.TERAMPIL).toEqual(['II/b', 'II/d']);
  });
});

describe('KP penyesuaian ijazah (a newer diploma in the education history)', () => {
  const PI: Partial<KpEligibilityInput> = {
    golongan: 'II/c',
    tmtGolongan: '2025-10-01',
    pendidikan: 'S1',
    diplomas: [
      { jenjang: 'SMA', tahunLulus: 2005 },
      { jenjang: 'S1', tahunLulus: 2024 },
    ],
  };
  it('1 year in rank: to the entry grade of the diploma, STLUPI flagged', () => {
    const r = run(PI);
    expect(r).toMatchObject({ eligible: true, jenis: 'PENYESUAIAN_IJAZAH', from: 'II/c', to: 'III/a' });
    expect(r.flags.map((f) => f.code)).toEqual(['UJIAN_PENYESUAIAN_IJAZAH']);
    // Reguler is not met (under 4 years) but PI is.
    expect(r.candidates.map((c) => [c.jenis, c.eligible])).toEqual([
      ['REGULER', false],
      ['PENYESUAIAN_IJAZAH', true],
    ]);
  });
  it('PI wins over reguler when both are met (higher grade)', () => {
    expect(run({ ...PI, tmtGolongan: '2022-01-01' })).toMatchObject({ eligible: true, jenis: 'PENYESUAIAN_IJAZAH', to: 'III/a' });
  });
  it.each<[string, Partial<KpEligibilityInput>, boolean]>([
    ['under a year in rank', { tmtGolongan: '2026-02-01' }, false],
    ['diploma obtained before appointment does not count', { diplomas: [{ jenjang: 'S1', tahunLulus: 2008 }], tmtGolongan: '2025-10-01' }, false],
    ['diploma whose entry grade is not above the grade', { golongan: 'III/a', diplomas: [{ jenjang: 'D4', tahunLulus: 2024 }], tmtGolongan: '2025-10-01' }, false],
  ])('%s → eligible %s', (_l, extra, eligible) => {
    expect(run({ ...PI, ...extra }).eligible).toBe(eligible);
  });
  it('piDiploma picks the highest diploma above the grade obtained in service', () => {
    expect(piDiploma({ golongan: 'II/a', tmtCpns: '2010-01-01', diplomas: [{ jenjang: 'D3', tahunLulus: 2015 }, { jenjang: 'S2', tahunLulus: 2020 }, { jenjang: 'S1', tahunLulus: 2018 }] })).toEqual({ jenjang: 'S2', tahunLulus: 2020 });
    expect(piDiploma({ golongan: 'III/b', tmtCpns: '2010-01-01', diplomas: [{ jenjang: 'S2', tahunLulus: 2020 }] })).toBeNull();
  });
});

describe("kpEarliest: the ASN's earliest period and what is missing", () => {
  const periods = ['2027-01-01', '2027-02-01', '2027-03-01', '2027-04-01', '2027-05-01'];
  const input = (extra: Partial<KpEligibilityInput>) => (period: string) => ({
    ...BASE,
    ...extra,
    period,
    skpYears: period >= '2027-03-01' ? [2025, 2026] : [2024, 2025],
  });
  it('time in rank reached in March; SKP 2026 still missing then', () => {
    expect(kpEarliest(periods, input({ tmtGolongan: '2023-03-01' }))).toEqual({
      period: '2027-03-01',
      jenis: 'REGULER',
      to: 'III/b',
      eligible: false,
      missing: ['SKP tahun 2026 belum tersedia.'],
      flags: [],
    });
  });
  it('eligible already at the first period', () => {
    expect(kpEarliest(periods, input({}))).toMatchObject({ period: '2027-01-01', eligible: true, missing: [] });
  });
  it('a penalty until March 2027 moves it to April', () => {
    const r = kpEarliest(periods, input({ hukdis: [{ tingkat: 'SEDANG', jenis: 'POTONG_TUKIN_12', tanggalSk: '2026-04-01', tmt: '2026-04-01' }], skp: [...BASE.skp, { tahun: 2026, predikat: 'BAIK' }] }));
    expect(r).toMatchObject({ period: '2027-04-01', eligible: true });
  });
  it('at the ceiling: never', () => {
    expect(kpEarliest(periods, input({ golongan: 'III/d' }))).toBeNull();
  });
});

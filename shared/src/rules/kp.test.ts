import { describe, expect, it } from 'vitest';
import type { Golongan } from './golongan.ts';
import {
  earliestKpReguler,
  isKpPeriod,
  kpPeriodOnOrAfter,
  kpRegimeOn,
  kpRegulerEligibility,
  kpSubmissionWindow,
  nextKpPeriod,
  requiresUjianDinas,
  validateKpStep,
  type KpRegulerInput,
} from './kp.ts';

describe('KP period regimes', () => {
  it.each([
    ['2010-04-01', 'Kep. Ka BKN 12/2002'],
    ['2023-12-31', 'Kep. Ka BKN 12/2002'],
    ['2024-01-01', 'Perban BKN 4/2023'],
    ['2025-09-30', 'Perban BKN 4/2023'],
    ['2025-10-01', 'Perban BKN 4/2025'],
    ['2030-01-01', 'Perban BKN 4/2025'],
  ])('kpRegimeOn(%s) = %s', (date, regulation) => {
    expect(kpRegimeOn(date)?.regulation).toBe(regulation);
  });

  it.each([
    ['2023-04-01', true],
    ['2023-10-01', true],
    ['2023-05-01', false],
    ['2023-12-01', false],
    ['2024-01-01', false],
    ['2024-02-01', true],
    ['2024-03-01', false],
    ['2024-12-01', true],
    ['2025-08-01', true],
    ['2025-09-01', false],
    ['2025-10-01', true],
    ['2025-11-01', true],
    ['2026-03-01', true],
    ['2026-03-02', false],
  ])('isKpPeriod(%s) = %s', (date, expected) => {
    expect(isKpPeriod(date)).toBe(expected);
  });

  it.each([
    ['2023-01-15', '2023-04-01'],
    ['2023-04-01', '2023-10-01'],
    ['2023-10-01', '2024-02-01'],
    ['2024-02-01', '2024-04-01'],
    ['2024-02-15', '2024-04-01'],
    ['2025-08-01', '2025-10-01'],
    ['2025-08-15', '2025-10-01'],
    ['2025-10-01', '2025-11-01'],
    ['2025-11-01', '2025-12-01'],
    ['2025-11-15', '2025-12-01'],
    ['2025-12-31', '2026-01-01'],
  ])('nextKpPeriod(%s) = %s', (date, expected) => {
    expect(nextKpPeriod(date)).toBe(expected);
  });

  it.each([
    ['2025-11-01', '2025-11-01'],
    ['2025-11-02', '2025-12-01'],
    ['2024-03-01', '2024-04-01'],
    ['2023-04-01', '2023-04-01'],
  ])('kpPeriodOnOrAfter(%s) = %s', (date, expected) => {
    expect(kpPeriodOnOrAfter(date)).toBe(expected);
  });

  it('returns null when no regime ever has a period', () => {
    expect(kpPeriodOnOrAfter('2026-01-01', [])).toBeNull();
  });

  it.each([
    ['2024-02-01', '2023-12-15', '2024-01-15'],
    ['2024-04-01', '2024-02-01', '2024-02-28'],
  ])('submission window of %s: %s – %s', (period, opens, closes) => {
    expect(kpSubmissionWindow(period)).toMatchObject({ opens, closes });
  });

  it('unknown window → null', () => {
    expect(kpSubmissionWindow('2026-01-01')).toBeNull();
  });
});

describe('earliestKpReguler: first period with 4 years in rank', () => {
  it.each([
    ['2022-04-01', '2026-04-01'],
    ['2021-10-15', '2025-11-01'],
    ['2019-05-01', '2023-10-01'],
    ['2020-01-01', '2024-02-01'],
  ])('TMT golongan %s → %s', (tmt, expected) => {
    expect(earliestKpReguler(tmt)).toBe(expected);
  });
});

describe('requiresUjianDinas', () => {
  it.each<[Golongan, Golongan, boolean]>([
    ['II/d', 'III/a', true],
    ['III/d', 'IV/a', true],
    ['I/d', 'II/a', false],
    ['III/a', 'III/b', false],
  ])('%s → %s: %s', (from, to, expected) => {
    expect(requiresUjianDinas(from, to)).toBe(expected);
  });
});

describe('kpRegulerEligibility', () => {
  const BASE: KpRegulerInput = {
    golongan: 'III/a',
    tmtGolongan: '2022-04-01',
    pendidikan: 'S1',
    skp: [
      { tahun: 2024, predikat: 'BAIK' },
      { tahun: 2025, predikat: 'SANGAT_BAIK' },
    ],
    activePenalty: false,
    period: '2026-04-01',
  };

  it('eligible base case', () => {
    expect(kpRegulerEligibility(BASE)).toEqual({
      eligible: true,
      reasons: [],
      codes: [],
      targetGolongan: 'III/b',
      ceiling: 'III/d',
      earliestPeriod: '2026-04-01',
      requiresUjianDinas: false,
    });
  });

  it.each<[string, Partial<KpRegulerInput>, boolean, string[], boolean]>([
    ['one month short of 4 years', { period: '2026-03-01' }, false, ['MASA_KERJA_KURANG'], false],
    ['4 years reached mid-month', { tmtGolongan: '2022-03-15', period: '2026-04-01' }, true, [], false],
    ['PNS status given', { statusKepegawaian: 'PNS' }, true, [], false],
    ['CPNS cannot KP', { statusKepegawaian: 'CPNS' }, false, ['BUKAN_PNS'], false],
    ['SKP of one year missing', { skp: [{ tahun: 2025, predikat: 'BAIK' }] }, false, ['SKP_TIDAK_ADA'], false],
    ['no SKP', { skp: [] }, false, ['SKP_TIDAK_ADA', 'SKP_TIDAK_ADA'], false],
    [
      'SKP only for other years',
      { skp: [{ tahun: 2023, predikat: 'BAIK' }, { tahun: 2026, predikat: 'BAIK' }] },
      false,
      ['SKP_TIDAK_ADA', 'SKP_TIDAK_ADA'],
      false,
    ],
    [
      'legacy Cukup in the last year',
      { skp: [{ tahun: 2024, predikat: 'BAIK' }, { tahun: 2025, predikat: 'CUKUP' }] },
      false,
      ['SKP_DI_BAWAH_BATAS'],
      false,
    ],
    [
      'numeric scores (nilai wins)',
      { skp: [{ tahun: 2024, nilai: 88 }, { tahun: 2025, nilai: 70, predikat: 'BAIK' }] },
      false,
      ['SKP_DI_BAWAH_BATAS'],
      false,
    ],
    [
      'numeric scores both ≥ 76',
      { skp: [{ tahun: 2024, nilai: 76 }, { tahun: 2025, nilai: 91.5 }] },
      true,
      [],
      false,
    ],
    ['active penalty', { activePenalty: true }, false, ['HUKDIS_AKTIF'], false],
    [
      'S1 at III/d: ceiling reached',
      { golongan: 'III/d' },
      false,
      ['PANGKAT_PUNCAK'],
      true,
    ],
    [
      'S2 at III/d → IV/a: exam flagged, not blocking',
      { golongan: 'III/d', pendidikan: 'S2' },
      true,
      [],
      true,
    ],
    [
      'SMA at II/d → III/a: exam flagged',
      { golongan: 'II/d', pendidikan: 'SMA' },
      true,
      [],
      true,
    ],
    [
      'SMA at II/d → III/a without ujian dinas',
      { golongan: 'II/d', pendidikan: 'SMA', ujianDinasLulus: false },
      false,
      ['UJIAN_DINAS'],
      true,
    ],
    [
      'SMA at II/d → III/a with ujian dinas',
      { golongan: 'II/d', pendidikan: 'SMA', ujianDinasLulus: true },
      true,
      [],
      true,
    ],
    ['SMA at III/b: ceiling', { golongan: 'III/b', pendidikan: 'SMA' }, false, ['PANGKAT_PUNCAK'], false],
    ['SD at I/d → II/a (ceiling)', { golongan: 'I/d', pendidikan: 'SD' }, true, [], false],
    ['SMP at II/c: ceiling', { golongan: 'II/c', pendidikan: 'SMP' }, false, ['PANGKAT_PUNCAK'], false],
    [
      'SLTP kejuruan at II/c → II/d',
      { golongan: 'II/c', pendidikan: 'SMP', pendidikanVariant: 'SLTP_KEJURUAN' },
      true,
      [],
      false,
    ],
    ['S3 at IV/a → IV/b', { golongan: 'IV/a', pendidikan: 'S3' }, true, [], false],
    ['IV/e: top grade', { golongan: 'IV/e', pendidikan: 'S3' }, false, ['GOLONGAN_TERTINGGI'], false],
    [
      'period not a KP period (4/2023 regime, March)',
      {
        tmtGolongan: '2020-02-01',
        period: '2024-03-01',
        skp: [
          { tahun: 2022, predikat: 'BAIK' },
          { tahun: 2023, predikat: 'BAIK' },
        ],
      },
      false,
      ['PERIODE_TIDAK_VALID'],
      false,
    ],
    [
      'old regime, October period',
      {
        tmtGolongan: '2019-10-01',
        period: '2023-10-01',
        skp: [
          { tahun: 2021, predikat: 'BAIK' },
          { tahun: 2022, predikat: 'BAIK' },
        ],
      },
      true,
      [],
      false,
    ],
    [
      'many reasons at once',
      { period: '2026-03-01', activePenalty: true, skp: [], golongan: 'III/d' },
      false,
      ['MASA_KERJA_KURANG', 'SKP_TIDAK_ADA', 'SKP_TIDAK_ADA', 'HUKDIS_AKTIF', 'PANGKAT_PUNCAK'],
      true,
    ],
    [
      'custom threshold',
      { threshold: 'BUTUH_PERBAIKAN', skp: [{ tahun: 2024, predikat: 'CUKUP' }, { tahun: 2025, predikat: 'BAIK' }] },
      true,
      [],
      false,
    ],
  ])('%s', (_label, extra, eligible, codes, exam) => {
    const r = kpRegulerEligibility({ ...BASE, ...extra });
    expect(r.eligible).toBe(eligible);
    expect(r.codes).toEqual(codes);
    expect(r.reasons).toHaveLength(codes.length);
    expect(r.requiresUjianDinas).toBe(exam);
  });

  it('explains in Indonesian', () => {
    const r = kpRegulerEligibility({
      ...BASE,
      golongan: 'III/d',
      period: '2026-03-01',
      skp: [{ tahun: 2024, predikat: 'BAIK' }, { tahun: 2025, predikat: 'KURANG' }],
    });
    expect(r.reasons).toEqual([
      'Belum 4 tahun dalam pangkat terakhir (terpenuhi 1 April 2026).',
      'Predikat SKP tahun 2025 (Kurang) di bawah Baik.',
      'Pangkat puncak KP reguler untuk ijazah Sarjana (S1) adalah III/d.',
    ]);
  });
});

describe('validateKpStep', () => {
  it.each<[Golongan, Golongan, Parameters<typeof validateKpStep>[2], boolean]>([
    ['III/a', 'III/b', 'REGULER', true],
    ['III/a', 'III/c', 'REGULER', false],
    ['III/a', 'III/c', 'PILIHAN_STRUKTURAL', false],
    ['II/a', 'III/a', 'PENYESUAIAN_IJAZAH', true],
    ['III/a', 'III/c', 'LUAR_BIASA', true],
    ['III/b', 'III/a', 'REGULER', false],
    ['III/b', 'III/b', 'PILIHAN_FUNGSIONAL', false],
    ['IV/a', 'IV/b', 'PENGABDIAN', true],
    ['III/a', 'III/a', 'CPNS', true],
    ['III/a', 'III/a', 'PNS', true],
  ])('%s → %s (%s): ok=%s', (from, to, jenis, ok) => {
    const r = validateKpStep(from, to, jenis);
    expect(r.ok).toBe(ok);
    expect(r.message === null).toBe(ok);
  });
});

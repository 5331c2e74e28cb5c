import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BUP_RULES,
  determineBup,
  monthsUntil,
  pensiunFileDueDate,
  pensiunFileOpensOn,
  tanggalCapaiBup,
  tmtPensiun,
  type BupProfile,
  type BupRule,
} from './bup.ts';

describe('determineBup (DOMAIN-RULES §5)', () => {
  it.each<[string, BupProfile, number, string, boolean]>([
    ['eselon I.a (JPT)', { jenisJabatan: 'STRUKTURAL', eselon: 'I.a' }, 60, 'JPT', false],
    ['eselon II.a (JPT)', { jenisJabatan: 'STRUKTURAL', eselon: 'II.a' }, 60, 'JPT', false],
    ['eselon II.b (JPT)', { jenisJabatan: 'STRUKTURAL', eselon: 'II.b' }, 60, 'JPT', false],
    ['eselon III.a (administrator)', { jenisJabatan: 'STRUKTURAL', eselon: 'III.a' }, 58, 'ADMINISTRASI', false],
    ['eselon IV.b (pengawas)', { jenisJabatan: 'STRUKTURAL', eselon: 'IV.b' }, 58, 'ADMINISTRASI', false],
    ['struktural without eselon', { jenisJabatan: 'STRUKTURAL' }, 58, 'ADMINISTRASI', false],
    ['pelaksana', { jenisJabatan: 'PELAKSANA' }, 58, 'ADMINISTRASI', false],
    ['JF pemula', { jenisJabatan: 'FUNGSIONAL', jenjangFungsional: 'PEMULA' }, 58, 'JF_LAINNYA', false],
    ['JF terampil', { jenisJabatan: 'FUNGSIONAL', jenjangFungsional: 'TERAMPIL' }, 58, 'JF_LAINNYA', false],
    ['JF mahir', { jenisJabatan: 'FUNGSIONAL', jenjangFungsional: 'MAHIR' }, 58, 'JF_LAINNYA', false],
    ['JF penyelia', { jenisJabatan: 'FUNGSIONAL', jenjangFungsional: 'PENYELIA' }, 58, 'JF_LAINNYA', false],
    ['JF ahli pertama', { jenisJabatan: 'FUNGSIONAL', jenjangFungsional: 'AHLI_PERTAMA' }, 58, 'JF_LAINNYA', false],
    ['JF ahli muda', { jenisJabatan: 'FUNGSIONAL', jenjangFungsional: 'AHLI_MUDA' }, 58, 'JF_LAINNYA', false],
    ['JF ahli madya', { jenisJabatan: 'FUNGSIONAL', jenjangFungsional: 'AHLI_MADYA' }, 60, 'JF_AHLI_MADYA', false],
    ['JF ahli utama', { jenisJabatan: 'FUNGSIONAL', jenjangFungsional: 'AHLI_UTAMA' }, 65, 'JF_AHLI_UTAMA', false],
    [
      'JF kesehatan ahli madya (no special law)',
      { jenisJabatan: 'FUNGSIONAL', jenjangFungsional: 'AHLI_MADYA', rumpunFungsional: 'KESEHATAN' },
      60,
      'JF_AHLI_MADYA',
      false,
    ],
    [
      'guru ahli pertama → 60 (special law beats jenjang)',
      { jenisJabatan: 'FUNGSIONAL', jenjangFungsional: 'AHLI_PERTAMA', rumpunFungsional: 'GURU' },
      60,
      'GURU',
      false,
    ],
    [
      'guru ahli utama → 60',
      { jenisJabatan: 'FUNGSIONAL', jenjangFungsional: 'AHLI_UTAMA', rumpunFungsional: 'GURU' },
      60,
      'GURU',
      false,
    ],
    ['guru without jenjang', { jenisJabatan: 'FUNGSIONAL', rumpunFungsional: 'GURU' }, 60, 'GURU', false],
    [
      'dosen ahli muda → 65',
      { jenisJabatan: 'FUNGSIONAL', jenjangFungsional: 'AHLI_MUDA', rumpunFungsional: 'DOSEN' },
      65,
      'DOSEN',
      false,
    ],
    [
      'dosen professor → 70',
      { jenisJabatan: 'FUNGSIONAL', jenjangFungsional: 'AHLI_UTAMA', rumpunFungsional: 'DOSEN', guruBesar: true },
      70,
      'DOSEN_GURU_BESAR',
      false,
    ],
    [
      'rumpun ignored outside FUNGSIONAL',
      { jenisJabatan: 'STRUKTURAL', eselon: 'III.a', rumpunFungsional: 'GURU' },
      58,
      'ADMINISTRASI',
      false,
    ],
    ['FUNGSIONAL without jenjang → fallback', { jenisJabatan: 'FUNGSIONAL' }, 58, 'DEFAULT', true],
    ['no jabatan → fallback', { jenisJabatan: null }, 58, 'DEFAULT', true],
  ])('%s', (_label, profile, bup, ruleId, isFallback) => {
    const r = determineBup(profile);
    expect(r).toMatchObject({ bup, ruleId, isFallback });
    expect(r.basis.length).toBeGreaterThan(0);
  });

  it('cites PP 11/2017 and UU 14/2005', () => {
    expect(determineBup({ jenisJabatan: 'PELAKSANA' }).basis).toBe('PP 11/2017 Pasal 239');
    expect(determineBup({ jenisJabatan: 'FUNGSIONAL', rumpunFungsional: 'GURU' }).basis).toMatch(/UU 14\/2005/);
  });

  it('accepts a custom table (e.g. a future PP changing the BUP)', () => {
    const custom: BupRule[] = [
      { id: 'ADMIN_60', when: { jenisJabatan: ['STRUKTURAL'] }, bup: 60, basis: 'PP baru', description: 'x' },
      ...DEFAULT_BUP_RULES,
    ];
    expect(determineBup({ jenisJabatan: 'STRUKTURAL', eselon: 'III.a' }, custom)).toMatchObject({
      bup: 60,
      ruleId: 'ADMIN_60',
    });
    expect(determineBup({ jenisJabatan: 'PELAKSANA' }, custom).bup).toBe(58);
  });
});

describe('tmtPensiun: 1st of the month after reaching BUP', () => {
  it.each([
    ['1968-05-15', 58, '2026-05-15', '2026-06-01'],
    ['1968-05-01', 58, '2026-05-01', '2026-06-01'],
    ['1968-05-31', 58, '2026-05-31', '2026-06-01'],
    ['1966-12-10', 60, '2026-12-10', '2027-01-01'],
    ['1964-02-29', 62, '2026-02-28', '2026-03-01'],
    ['1961-11-30', 65, '2026-11-30', '2026-12-01'],
    ['1956-01-01', 70, '2026-01-01', '2026-02-01'],
  ])('born %s, BUP %i: reaches %s, TMT %s', (birth, bup, reach, tmt) => {
    expect(tanggalCapaiBup(birth, bup)).toBe(reach);
    expect(tmtPensiun(birth, bup)).toBe(tmt);
  });
});

describe('monthsUntil / pensiunFileDueDate', () => {
  it.each([
    ['2026-01-01', '2026-06-01', 5],
    ['2025-06-01', '2026-06-01', 12],
    ['2026-05-15', '2026-06-01', 0],
    ['2026-07-01', '2026-06-01', -1],
  ])('monthsUntil(%s, %s) = %i', (from, to, months) => {
    expect(monthsUntil(from, to)).toBe(months);
  });

  it.each([
    ['2026-06-01', undefined, '2025-06-01'],
    ['2026-06-01', 8, '2025-10-01'],
  ])('file for TMT %s (lead %s) is due %s', (tmt, lead, due) => {
    expect(pensiunFileDueDate(tmt, lead)).toBe(due);
  });

  it.each([
    ['2027-03-01', undefined, '2026-12-01'],
    ['2027-03-01', 0, '2027-03-01'],
    ['2026-05-31', 3, '2026-02-28'],
    ['2028-05-31', 3, '2028-02-29'],
  ])('a file due %s (opened %s months ahead) opens on %s', (due, ahead, opens) => {
    expect(pensiunFileOpensOn(due, ahead)).toBe(opens);
  });
});

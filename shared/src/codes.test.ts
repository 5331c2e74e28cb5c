import { describe, expect, it } from 'vitest';
import {
  ASN_STATUSES,
  compareEducation,
  eselonOrder,
  ESELON,
  ESELON_LABELS,
  EselonSchema,
  HUBUNGAN_KELUARGA,
  HUBUNGAN_KELUARGA_LABELS,
  highestEducation,
  isAsnStatus,
  JENIS_BERHENTI,
  JENIS_BERHENTI_LABELS,
  JENIS_DIKLAT,
  JENIS_DIKLAT_LABELS,
  JENIS_JABATAN,
  JENIS_JABATAN_LABELS,
  JENIS_KELAMIN,
  JENIS_KELAMIN_LABELS,
  JENIS_KP,
  JENIS_KP_LABELS,
  JENJANG_FUNGSIONAL,
  JENJANG_FUNGSIONAL_LABELS,
  kategoriJenjang,
  kelompokEselon,
  normalizeEducation,
  normalizeEselon,
  normalizePredikat,
  PENDIDIKAN,
  PENDIDIKAN_IKP_WEIGHT,
  PENDIDIKAN_LABELS,
  PENDIDIKAN_ORDER,
  PendidikanSchema,
  predikatAtLeast,
  predikatFromNilai,
  PREDIKAT_SKP,
  PREDIKAT_SKP_LABELS,
  ROLE_LABELS,
  ROLES,
  RoleSchema,
  RUMPUN_FUNGSIONAL,
  RUMPUN_FUNGSIONAL_LABELS,
  STATUS_KEPEGAWAIAN,
  STATUS_KEPEGAWAIAN_LABELS,
  StatusKepegawaianSchema,
  TINGKAT_HUKDIS,
  TINGKAT_HUKDIS_LABELS,
  type Pendidikan,
  type PredikatSkp,
} from './codes.ts';

describe('code lists have a label for every code and nothing else', () => {
  it.each([
    ['STATUS_KEPEGAWAIAN', STATUS_KEPEGAWAIAN, STATUS_KEPEGAWAIAN_LABELS],
    ['JENIS_KELAMIN', JENIS_KELAMIN, JENIS_KELAMIN_LABELS],
    ['JENIS_JABATAN', JENIS_JABATAN, JENIS_JABATAN_LABELS],
    ['ESELON', ESELON, ESELON_LABELS],
    ['JENJANG_FUNGSIONAL', JENJANG_FUNGSIONAL, JENJANG_FUNGSIONAL_LABELS],
    ['RUMPUN_FUNGSIONAL', RUMPUN_FUNGSIONAL, RUMPUN_FUNGSIONAL_LABELS],
    ['JENIS_BERHENTI', JENIS_BERHENTI, JENIS_BERHENTI_LABELS],
    ['ROLES', ROLES, ROLE_LABELS],
    ['PENDIDIKAN', PENDIDIKAN, PENDIDIKAN_LABELS],
    ['PREDIKAT_SKP', PREDIKAT_SKP, PREDIKAT_SKP_LABELS],
    ['TINGKAT_HUKDIS', TINGKAT_HUKDIS, TINGKAT_HUKDIS_LABELS],
    ['JENIS_DIKLAT', JENIS_DIKLAT, JENIS_DIKLAT_LABELS],
    ['JENIS_KP', JENIS_KP, JENIS_KP_LABELS],
    ['HUBUNGAN_KELUARGA', HUBUNGAN_KELUARGA, HUBUNGAN_KELUARGA_LABELS],
  ] as const)('%s', (_name, codes, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...codes].sort());
    for (const label of Object.values(labels)) expect(label.length).toBeGreaterThan(0);
  });
});

describe('zod enums', () => {
  it.each([
    [StatusKepegawaianSchema, 'PNS', true],
    [StatusKepegawaianSchema, 'HONORER', false],
    [RoleSchema, 'BKD_VERIFIER', true],
    [RoleSchema, 'bkd_admin', false],
    [EselonSchema, 'II.a', true],
    [EselonSchema, 'V.a', false],
    [PendidikanSchema, 'SLTA', false],
    [PendidikanSchema, 'PROFESI', true],
  ] as const)('%#: %s → %s', (schema, value, ok) => {
    expect(schema.safeParse(value).success).toBe(ok);
  });
});

describe('roles', () => {
  it.each([
    ['ASN', 'ASN'],
    ['ATASAN', 'Atasan'],
    ['OPD_ADMIN', 'Admin OPD'],
    ['BKD_VERIFIER', 'Verifikator BKD'],
    ['BKD_ADMIN', 'Admin BKD'],
  ] as const)('%s → %s', (role, label) => {
    expect(ROLE_LABELS[role]).toBe(label);
  });
});

describe('status', () => {
  it.each([
    ['PNS', true],
    ['CPNS', true],
    ['PPPK', true],
    ['KONTRAK', false],
  ] as const)('isAsnStatus(%s) = %s', (status, expected) => {
    expect(isAsnStatus(status)).toBe(expected);
  });

  it('ASN_STATUSES', () => {
    expect(ASN_STATUSES).toEqual(['PNS', 'CPNS', 'PPPK']);
  });
});

describe('eselon', () => {
  it.each([
    ['II.a', 'II.a'],
    ['II/a', 'II.a'],
    ['IIa', 'II.a'],
    ['ii a', 'II.a'],
    [' IV.B ', 'IV.b'],
    ['III-a', 'III.a'],
    ['I.a', 'I.a'],
    ['V.a', null],
    ['II.c', null],
    ['', null],
  ])('normalizeEselon(%j) = %j', (value, expected) => {
    expect(normalizeEselon(value)).toBe(expected);
  });

  it.each([
    ['I.a', 'JPT', 1],
    ['II.b', 'JPT', 4],
    ['III.a', 'ADMINISTRATOR', 5],
    ['IV.b', 'PENGAWAS', 8],
  ] as const)('%s: %s, order %i', (eselon, group, order) => {
    expect(kelompokEselon(eselon)).toBe(group);
    expect(eselonOrder(eselon)).toBe(order);
  });
});

describe('jenjang', () => {
  it.each([
    ['PEMULA', 'KETERAMPILAN'],
    ['PENYELIA', 'KETERAMPILAN'],
    ['AHLI_PERTAMA', 'KEAHLIAN'],
    ['AHLI_UTAMA', 'KEAHLIAN'],
  ] as const)('kategoriJenjang(%s) = %s', (jenjang, expected) => {
    expect(kategoriJenjang(jenjang)).toBe(expected);
  });
});

describe('education', () => {
  it.each([
    ['SD', 'SD'],
    ['SLTP', 'SMP'],
    ['SLTA', 'SMA'],
    ['SMK', 'SMA'],
    ['SMU', 'SMA'],
    ['SARJANA_MUDA', 'D3'],
    ['Sarjana Muda', 'D3'],
    ['AKADEMI', 'D3'],
    ['DIV', 'D4'],
    ['D-IV', 'D4'],
    ['d4', 'D4'],
    [' s1 ', 'S1'],
    ['S-1', 'S1'],
    ['Sp-1', 'SP1'],
    ['SP2', 'SP2'],
    ['profesi', 'PROFESI'],
    ['S3', 'S3'],
    ['SMEA', null],
    ['', null],
    ['constructor', null],
  ])('normalizeEducation(%j) = %j', (value, expected) => {
    expect(normalizeEducation(value)).toBe(expected);
  });

  it.each([
    ['SD', 0],
    ['SMP', 0],
    ['SMA', 1],
    ['D1', 1],
    ['D2', 1],
    ['D3', 2],
    ['D4', 3],
    ['S1', 3],
    ['PROFESI', 3],
    ['S2', 4],
    ['SP1', 4],
    ['S3', 5],
    ['SP2', 5],
  ] as const)('IKP weight %s = %i', (code, weight) => {
    expect(PENDIDIKAN_IKP_WEIGHT[code]).toBe(weight);
  });

  it('order is strictly increasing and weights never decrease along it', () => {
    for (let i = 1; i < PENDIDIKAN.length; i++) {
      const prev = PENDIDIKAN[i - 1] as Pendidikan;
      const cur = PENDIDIKAN[i] as Pendidikan;
      expect(PENDIDIKAN_ORDER[cur]).toBe(PENDIDIKAN_ORDER[prev] + 1);
      expect(PENDIDIKAN_IKP_WEIGHT[cur]).toBeGreaterThanOrEqual(PENDIDIKAN_IKP_WEIGHT[prev]);
    }
  });

  it.each([
    ['S1', 'D3', 1],
    ['D3', 'S1', -1],
    ['S2', 'S2', 0],
  ] as const)('compareEducation(%s, %s) sign %i', (a, b, sign) => {
    expect(Math.sign(compareEducation(a, b))).toBe(sign);
  });

  it.each([
    [['SMA', 'S1', 'D3'], 'S1'],
    [['S2', 'SP1'], 'SP1'],
    [['SD'], 'SD'],
    [[], null],
  ] as const)('highestEducation(%j) = %j', (codes, expected) => {
    expect(highestEducation(codes)).toBe(expected);
  });
});

describe('SKP predicates', () => {
  it.each([
    ['SANGAT_BAIK', 'SANGAT_BAIK'],
    ['Sangat Baik', 'SANGAT_BAIK'],
    ['baik', 'BAIK'],
    ['BUTUH_PERBAIKAN', 'BUTUH_PERBAIKAN'],
    ['CUKUP', 'BUTUH_PERBAIKAN'],
    ['Cukup', 'BUTUH_PERBAIKAN'],
    ['BURUK', 'SANGAT_KURANG'],
    ['KURANG', 'KURANG'],
    ['AMAT_BAIK', null],
    ['', null],
  ])('normalizePredikat(%j) = %j', (value, expected) => {
    expect(normalizePredikat(value)).toBe(expected);
  });

  it.each([
    ['SANGAT_BAIK', 'BAIK', true],
    ['BAIK', 'BAIK', true],
    ['BUTUH_PERBAIKAN', 'BAIK', false],
    ['SANGAT_KURANG', 'KURANG', false],
    ['KURANG', 'SANGAT_KURANG', true],
  ] as const)('predikatAtLeast(%s, %s) = %s', (p, t, expected) => {
    expect(predikatAtLeast(p, t)).toBe(expected);
  });

  it.each([
    [100, 'SANGAT_BAIK'],
    [91, 'SANGAT_BAIK'],
    [90.99, 'BAIK'],
    [76, 'BAIK'],
    [75.5, 'BUTUH_PERBAIKAN'],
    [61, 'BUTUH_PERBAIKAN'],
    [60, 'KURANG'],
    [51, 'KURANG'],
    [50, 'SANGAT_KURANG'],
    [0, 'SANGAT_KURANG'],
  ] as [number, PredikatSkp][])('predikatFromNilai(%d) = %s', (nilai, expected) => {
    expect(predikatFromNilai(nilai)).toBe(expected);
  });

  it.each([-1, 101, Number.NaN])('predikatFromNilai(%d) throws', (nilai) => {
    expect(() => predikatFromNilai(nilai)).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { formatNip, makeNip, normalizeNip, parseNip, type NipProfile } from './nip.ts';

const ASOF = '2026-11-30';
const NIP = '198609262015051001';
const MATCHING: NipProfile = {
  statusKepegawaian: 'PNS',
  tanggalLahir: '1986-09-26',
  tmtCpns: '2015-05-01',
  jenisKelamin: 'L',
  asOf: ASOF,
};

const codes = (issues: { code: string }[]): string[] => issues.map((i) => i.code);

describe('parseNip: decoding', () => {
  it('decodes a valid NIP that matches the profile', () => {
    expect(parseNip(NIP, MATCHING)).toEqual({
      ok: true,
      nip: NIP,
      birthDate: '1986-09-26',
      tmtCpnsMonth: '2015-05',
      pppkYear: null,
      gender: 'L',
      sequence: 1,
      isPppk: false,
      errors: [],
      warnings: [],
    });
  });

  it.each([
    ['19860926 201505 1 001', NIP],
    [' 198609262015051001 ', NIP],
    ['19860926\t201505\t1\t001', NIP],
  ])('accepts white space: %j', (input, expected) => {
    const r = parseNip(input, MATCHING);
    expect(r.ok).toBe(true);
    expect(r.nip).toBe(expected);
  });

  it.each([
    ['199001312020122002', '1990-01-31', '2020-12', 'P', 2],
    ['197502282000011123', '1975-02-28', '2000-01', 'L', 123],
    ['200002292019031999', '2000-02-29', '2019-03', 'L', 999],
  ])('%s → birth %s, tmt %s, gender %s, seq %i', (nip, birth, tmt, gender, seq) => {
    const r = parseNip(nip, { asOf: ASOF });
    expect(r).toMatchObject({ ok: true, birthDate: birth, tmtCpnsMonth: tmt, gender, sequence: seq });
    expect(r.warnings).toEqual([]);
  });
});

describe('parseNip: errors (PNS/CPNS or unknown status)', () => {
  it.each([
    ['', undefined, ['NIP_EMPTY']],
    ['   ', 'PNS', ['NIP_EMPTY']],
    ['19860926201505100', 'PNS', ['NIP_FORMAT']],
    ['1986092620150510011', 'PNS', ['NIP_FORMAT']],
    ['19860926201505100A', 'CPNS', ['NIP_FORMAT']],
    ['198609262015-05-1001', undefined, ['NIP_FORMAT']],
    ['198602302015051001', 'PNS', ['NIP_TANGGAL_LAHIR']],
    ['198613012015051001', 'PNS', ['NIP_TANGGAL_LAHIR']],
    ['198609262015131001', 'PNS', ['NIP_TMT_CPNS']],
    ['198609262015001001', 'PNS', ['NIP_TMT_CPNS']],
    ['198609262023211001', 'PNS', ['NIP_TMT_CPNS']],
    ['198609262023211001', 'CPNS', ['NIP_TMT_CPNS']],
    ['198602302015131001', undefined, ['NIP_TANGGAL_LAHIR', 'NIP_TMT_CPNS']],
  ] as const)('%j (status %s) → %j', (nip, status, expected) => {
    const r = parseNip(nip, { statusKepegawaian: status ?? null, asOf: ASOF });
    expect(r.ok).toBe(false);
    expect(codes(r.errors)).toEqual(expected);
  });

  it('errors and warnings are in Bahasa Indonesia', () => {
    expect(parseNip('123', { asOf: ASOF }).errors[0]?.message).toMatch(/NIP harus terdiri dari tepat 18 digit/);
    expect(parseNip('198602302015051001', { asOf: ASOF }).errors[0]?.message).toMatch(
      /bukan tanggal lahir yang valid/,
    );
  });

  it('a failed length check decodes nothing', () => {
    expect(parseNip('12345', { asOf: ASOF })).toMatchObject({
      birthDate: null,
      tmtCpnsMonth: null,
      gender: null,
      sequence: null,
      warnings: [],
    });
  });
});

describe('parseNip: PPPK and KONTRAK', () => {
  it.each([
    ['199105052023212001', undefined, true, 2023],
    ['199105052023212001', 'PPPK', true, 2023],
  ] as const)('%s with status %s: month 21 accepted', (nip, status, isPppk, year) => {
    const r = parseNip(nip, { statusKepegawaian: status ?? null, asOf: ASOF });
    expect(r).toMatchObject({ ok: true, isPppk, pppkYear: year, tmtCpnsMonth: null, gender: 'P' });
  });

  it.each([
    ['199102302023212001', ['NIP_PPPK_STRUKTUR']],
    ['199105052023132001', ['NIP_PPPK_STRUKTUR']],
    ['199105052023052001', []],
  ])('PPPK %s: structure problems are warnings only → %j', (nip, warnings) => {
    const r = parseNip(nip, { statusKepegawaian: 'PPPK', asOf: ASOF });
    expect(r.ok).toBe(true);
    expect(codes(r.errors)).toEqual([]);
    expect(codes(r.warnings)).toEqual(warnings);
  });

  it('PPPK still needs 18 digits', () => {
    expect(codes(parseNip('19910505202321200', { statusKepegawaian: 'PPPK' }).errors)).toEqual(['NIP_FORMAT']);
  });

  it('PPPK skips TMT CPNS checks but compares birth date and gender', () => {
    const r = parseNip('199105052023212001', {
      statusKepegawaian: 'PPPK',
      tanggalLahir: '1991-05-06',
      jenisKelamin: 'L',
      tmtCpns: '2030-01-15',
      asOf: ASOF,
    });
    expect(codes(r.warnings)).toEqual(['NIP_TANGGAL_LAHIR_BEDA', 'NIP_JENIS_KELAMIN_BEDA']);
  });

  it.each([
    ['K-2024-001', true],
    ['kontrak 7', true],
    ['', false],
  ])('KONTRAK id %j ok=%s', (nip, ok) => {
    const r = parseNip(nip, { statusKepegawaian: 'KONTRAK' });
    expect(r.ok).toBe(ok);
    expect(r.warnings).toEqual([]);
  });
});

describe('parseNip: warnings', () => {
  it.each<[string, string, NipProfile, string[]]>([
    ['gender digit 3', '198609262015053001', { asOf: ASOF }, ['NIP_JENIS_KELAMIN_KODE']],
    ['gender digit 0', '198609262015050001', { asOf: ASOF }, ['NIP_JENIS_KELAMIN_KODE']],
    ['sequence 000', '198609262015051000', { asOf: ASOF }, ['NIP_NOMOR_URUT_000']],
    [
      'birth date differs',
      NIP,
      { ...MATCHING, tanggalLahir: '1986-09-27' },
      ['NIP_TANGGAL_LAHIR_BEDA'],
    ],
    ['tmt month differs', NIP, { ...MATCHING, tmtCpns: '2015-06-01' }, ['NIP_TMT_CPNS_BEDA']],
    ['tmt same month, not the 1st', NIP, { ...MATCHING, tmtCpns: '2015-05-02' }, ['TMT_CPNS_BUKAN_TANGGAL_1']],
    ['gender differs', NIP, { ...MATCHING, jenisKelamin: 'P' }, ['NIP_JENIS_KELAMIN_BEDA']],
    ['under 18 at TMT (from NIP)', '200001012015051001', { asOf: ASOF }, ['TMT_CPNS_USIA_KURANG']],
    ['exactly 18 at TMT', '199705012015051001', { asOf: ASOF }, []],
    ['one day short of 18', '199705022015051001', { asOf: ASOF }, ['TMT_CPNS_USIA_KURANG']],
    ['TMT in the future', '199801012026121001', { asOf: ASOF }, ['TMT_CPNS_MASA_DEPAN']],
    ['TMT this month is not future', '199801012026111001', { asOf: ASOF }, []],
    [
      'profile tmt in the future and not on the 1st',
      '199801012026111001',
      { tmtCpns: '2026-11-15', asOf: '2026-11-10' },
      ['TMT_CPNS_BUKAN_TANGGAL_1', 'TMT_CPNS_MASA_DEPAN'],
    ],
    [
      'several at once',
      '198609262015052000',
      { ...MATCHING, tanggalLahir: '1986-09-25' },
      ['NIP_NOMOR_URUT_000', 'NIP_TANGGAL_LAHIR_BEDA', 'NIP_JENIS_KELAMIN_BEDA'],
    ],
    ['invalid profile dates are ignored', NIP, { ...MATCHING, tanggalLahir: '1986-02-30' }, []],
  ])('%s', (_label, nip, profile, expected) => {
    const r = parseNip(nip, profile);
    expect(r.ok).toBe(true);
    expect(codes(r.warnings)).toEqual(expected);
  });

  it('mismatch messages quote both values in Indonesian', () => {
    const r = parseNip(NIP, { ...MATCHING, tanggalLahir: '1986-09-27' });
    expect(r.warnings[0]?.message).toBe(
      'Tanggal lahir pada NIP (26 September 1986) berbeda dengan tanggal lahir di data (27 September 1986).',
    );
  });
});

describe('formatNip / normalizeNip', () => {
  it.each([
    ['198609262015051001', '19860926 201505 1 001'],
    ['19860926 201505 1 001', '19860926 201505 1 001'],
    ['19860926201505 1001', '19860926 201505 1 001'],
    [' 12345 ', '12345'],
    ['K-001', 'K-001'],
  ])('formatNip(%j) = %j', (input, expected) => {
    expect(formatNip(input)).toBe(expected);
  });

  it('normalizeNip removes white space', () => {
    expect(normalizeNip(' 19860926 201505 1 001 ')).toBe(NIP);
  });
});

describe('makeNip', () => {
  it.each([
    [{ birthDate: '1986-09-26', tmtCpns: '2015-05-01', gender: 'L' as const }, NIP],
    [{ birthDate: '1986-09-26', tmtCpns: '2015-05', gender: 'L' as const, seq: 1 }, NIP],
    [{ birthDate: '1990-01-31', tmtCpns: '2020-12-01', gender: 'P' as const, seq: 12 }, '199001312020122012'],
    [{ birthDate: '1991-05-05', tmtCpns: '2023-10-01', gender: 'P' as const, pppk: true }, '199105052023212001'],
  ])('%j → %s', (input, expected) => {
    expect(makeNip(input)).toBe(expected);
  });

  it('round-trips through parseNip', () => {
    const nip = makeNip({ birthDate: '1979-12-31', tmtCpns: '2005-03-01', gender: 'P', seq: 999 });
    expect(parseNip(nip, { asOf: ASOF })).toMatchObject({
      ok: true,
      birthDate: '1979-12-31',
      tmtCpnsMonth: '2005-03',
      gender: 'P',
      sequence: 999,
      warnings: [],
    });
  });

  it.each([
    [{ birthDate: '1986-02-30', tmtCpns: '2015-05-01', gender: 'L' as const }],
    [{ birthDate: '1986-09-26', tmtCpns: '2015-13', gender: 'L' as const }],
    [{ birthDate: '1986-09-26', tmtCpns: '2015-05-01', gender: 'L' as const, seq: 0 }],
    [{ birthDate: '1986-09-26', tmtCpns: '2015-05-01', gender: 'L' as const, seq: 1000 }],
  ])('throws on %j', (input) => {
    expect(() => makeNip(input)).toThrow(RangeError);
  });
});

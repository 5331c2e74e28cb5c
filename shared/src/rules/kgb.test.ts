import { describe, expect, it } from 'vitest';
import { GAJI_POKOK_PP_5_2024 as TABLE } from '../data/gaji-pokok-pp5-2024.ts';
import { GOLONGAN, type Golongan } from './golongan.ts';
import type { HukdisRecord } from './hukdis.ts';
import {
  findGajiPokokRow,
  firstKgbMkg,
  gajiPokokDiterima,
  isKgbMkg,
  kgbLetterDueDate,
  kgbPostponement,
  kgbRhythm,
  kgbTimeliness,
  lookupGajiPokok,
  mkgAt,
  nextKgb,
  nextKgbWithGaji,
  selectGajiPokokTable,
  type GajiPokokTable,
  type KgbPostponementInput,
  type NextKgbInput,
} from './kgb.ts';

describe('PP 5/2024 salary table: exact cells (DOMAIN-RULES §3)', () => {
  it.each<[Golongan, number, number]>([
    // golongan III/IV, even MKG
    ['III/a', 0, 2785700],
    ['III/a', 10, 3252900],
    ['III/b', 26, 4345100],
    ['III/c', 16, 3878500],
    ['III/d', 32, 5180700],
    ['IV/a', 14, 4084900],
    ['IV/b', 2, 3534800],
    ['IV/c', 20, 4870400],
    ['IV/d', 8, 4214600],
    ['IV/e', 0, 3880400],
    ['IV/e', 32, 6373200],
    // I/a, even MKG
    ['I/a', 0, 1685700],
    ['I/a', 12, 2030400],
    ['I/a', 26, 2522600],
    // I/b–I/d, odd MKG
    ['I/b', 3, 1840800],
    ['I/c', 15, 2311100],
    ['I/d', 27, 2901400],
    // golongan II, odd MKG (II/a also 0 and 1)
    ['II/a', 0, 2184000],
    ['II/a', 1, 2218400],
    ['II/a', 33, 3643400],
    ['II/b', 17, 2963200],
    ['II/c', 29, 3720100],
    ['II/d', 3, 2591100],
    ['II/d', 33, 4125600],
  ])('%s MKG %i = Rp %i', (golongan, mkg, gaji) => {
    expect(lookupGajiPokok(TABLE, golongan, mkg)).toBe(gaji);
    expect(findGajiPokokRow(TABLE, golongan, mkg)).toEqual({ golongan, mkg, gajiPokok: gaji });
  });
});

describe('lookupGajiPokok: largest MKG ≤ the given one', () => {
  it.each<[Golongan, number, number | null, number | null]>([
    ['III/a', 11, 10, 3252900],
    ['III/a', 33, 32, 4575200],
    ['III/a', 40, 32, 4575200],
    ['I/a', 13, 12, 2030400],
    ['I/a', 30, 26, 2522600],
    ['II/a', 2, 1, 2218400],
    ['II/c', 4, 3, 2485900],
    ['I/b', 28, 27, 2670700],
    ['IV/e', 1, 0, 3880400],
    ['I/b', 2, null, null],
    ['I/c', 0, null, null],
    ['II/c', 0, null, null],
    ['III/a', -1, null, null],
  ])('%s MKG %i → row %s (Rp %s)', (golongan, mkg, rowMkg, gaji) => {
    expect(findGajiPokokRow(TABLE, golongan, mkg)?.mkg ?? null).toBe(rowMkg);
    expect(lookupGajiPokok(TABLE, golongan, mkg)).toBe(gaji);
  });

  it.each<[Golongan, number, number]>([
    ['I/c', 0, 1918700],
    ['II/c', 1, 2485900],
    ['III/a', 5, 2964000],
  ])('clampToFirstRow: %s MKG %i = Rp %i', (golongan, mkg, gaji) => {
    expect(lookupGajiPokok(TABLE, golongan, mkg, { clampToFirstRow: true })).toBe(gaji);
  });
});

describe('PP 5/2024 table integrity', () => {
  it('is dated and cites the regulation', () => {
    expect(TABLE.effectiveFrom).toBe('2024-01-01');
    expect(TABLE.regulation).toBe('PP 5/2024');
  });

  it.each<[Golongan, number, number, number]>([
    ['I/a', 14, 0, 26],
    ['I/b', 13, 3, 27],
    ['I/c', 13, 3, 27],
    ['I/d', 13, 3, 27],
    ['II/a', 18, 0, 33],
    ['II/b', 16, 3, 33],
    ['II/c', 16, 3, 33],
    ['II/d', 16, 3, 33],
    ['III/a', 17, 0, 32],
    ['III/d', 17, 0, 32],
    ['IV/a', 17, 0, 32],
    ['IV/e', 17, 0, 32],
  ])('%s has %i rows, MKG %i–%i', (golongan, count, min, max) => {
    const mkgs = TABLE.rows.filter((r) => r.golongan === golongan).map((r) => r.mkg);
    expect(mkgs).toHaveLength(count);
    expect(Math.min(...mkgs)).toBe(min);
    expect(Math.max(...mkgs)).toBe(max);
  });

  it.each(GOLONGAN.map((g) => [g]))('%s: salary rises with MKG and KGB rows follow the rhythm', (golongan) => {
    const rows = TABLE.rows.filter((r) => r.golongan === golongan);
    for (let i = 1; i < rows.length; i++) {
      const prev = rows[i - 1];
      const cur = rows[i];
      expect(cur && prev && cur.mkg > prev.mkg && cur.gajiPokok > prev.gajiPokok).toBe(true);
    }
    for (const row of rows) {
      if (row.mkg >= firstKgbMkg(golongan)) expect(isKgbMkg(golongan, row.mkg)).toBe(true);
    }
  });

  it('has 272 rows in total', () => {
    expect(TABLE.rows).toHaveLength(272);
  });

  // PP 5/2024 ≈ PP 15/2019 × 1.08 (range ends quoted in DOMAIN-RULES §3); within 0.01%.
  it.each<[Golongan, number, number]>([
    ['I/a', 0, 1560800],
    ['I/a', 26, 2335800],
    ['III/a', 0, 2579400],
    ['III/a', 32, 4236400],
    ['III/b', 0, 2688500],
    ['III/b', 32, 4415600],
    ['III/c', 0, 2802300],
    ['III/c', 32, 4602400],
    ['III/d', 0, 2920800],
    ['III/d', 32, 4797000],
    ['IV/e', 32, 5901200],
  ])('%s MKG %i ≈ PP 15/2019 Rp %i × 1.08', (golongan, mkg, pp15) => {
    const value = lookupGajiPokok(TABLE, golongan, mkg) ?? 0;
    expect(Math.abs(value - pp15 * 1.08) / value).toBeLessThan(0.0001);
  });
});

describe('selectGajiPokokTable', () => {
  const older: GajiPokokTable = { effectiveFrom: '2019-01-01', regulation: 'PP 15/2019', rows: [] };
  const tables = [TABLE, older];
  it.each([
    ['2018-12-31', null],
    ['2019-01-01', 'PP 15/2019'],
    ['2023-12-31', 'PP 15/2019'],
    ['2024-01-01', 'PP 5/2024'],
    ['2026-11-30', 'PP 5/2024'],
  ])('on %s → %s', (date, regulation) => {
    expect(selectGajiPokokTable(tables, date)?.regulation ?? null).toBe(regulation);
  });
});

describe('gajiPokokDiterima (CPNS 80%)', () => {
  it.each([
    [2785700, 'CPNS', 2228560],
    [2785700, 'PNS', 2785700],
    [2184000, 'CPNS', 1747200],
    [1685700, 'PPPK', 1685700],
  ] as const)('Rp %i for %s → Rp %i', (gaji, status, expected) => {
    expect(gajiPokokDiterima(gaji, status)).toBe(expected);
  });
});

describe('rhythm', () => {
  it.each<[Golongan, 'odd' | 'even', number]>([
    ['I/a', 'even', 2],
    ['I/b', 'odd', 3],
    ['I/c', 'odd', 3],
    ['I/d', 'odd', 3],
    ['II/a', 'odd', 1],
    ['II/b', 'odd', 3],
    ['II/c', 'odd', 3],
    ['II/d', 'odd', 3],
    ['III/a', 'even', 2],
    ['III/d', 'even', 2],
    ['IV/a', 'even', 2],
    ['IV/e', 'even', 2],
  ])('%s steps on %s MKG, first at %i', (golongan, rhythm, first) => {
    expect(kgbRhythm(golongan)).toBe(rhythm);
    expect(firstKgbMkg(golongan)).toBe(first);
  });

  it.each<[Golongan, number, boolean]>([
    ['I/a', 0, false],
    ['I/a', 2, true],
    ['I/a', 3, false],
    ['I/b', 1, false],
    ['I/b', 3, true],
    ['I/b', 4, false],
    ['II/a', 1, true],
    ['II/a', 2, false],
    ['II/b', 1, false],
    ['II/b', 5, true],
    ['III/a', 0, false],
    ['III/a', 2, true],
    ['III/a', 7, false],
    ['IV/e', 32, true],
    ['IV/e', 2.5, false],
  ])('isKgbMkg(%s, %d) = %s', (golongan, mkg, expected) => {
    expect(isKgbMkg(golongan, mkg)).toBe(expected);
  });
});

describe('mkgAt: MKG in the last SK + time since its TMT', () => {
  it.each([
    [4, 6, '2024-01-01', '2026-01-01', 6, 6],
    [4, 6, '2024-01-01', '2025-12-31', 6, 5],
    [0, 11, '2024-03-01', '2024-04-01', 1, 0],
    [0, 0, '2024-03-15', '2024-04-14', 0, 0],
    [0, 0, '2024-03-15', '2024-04-15', 0, 1],
    [10, 0, '2024-03-01', '2024-03-01', 10, 0],
    [10, 0, '2024-03-01', '2023-03-01', 9, 0],
  ])('%iy%im at %s, on %s → %iy%im', (tahun, bulan, tmtBase, on, et, eb) => {
    expect(mkgAt({ mkgTahun: tahun, mkgBulan: bulan, tmtBase }, on)).toEqual({ tahun: et, bulan: eb });
  });

  it.each([
    [0, 12],
    [-1, 0],
    [1.5, 0],
  ])('rejects MKG %i y %i m', (tahun, bulan) => {
    expect(() => mkgAt({ mkgTahun: tahun, mkgBulan: bulan, tmtBase: '2024-01-01' }, '2025-01-01')).toThrow(
      RangeError,
    );
  });

  it('rejects a date that makes MKG negative', () => {
    expect(() => mkgAt({ mkgTahun: 0, mkgBulan: 0, tmtBase: '2024-01-01' }, '2023-12-01')).toThrow(RangeError);
  });
});

describe('nextKgb', () => {
  it.each<[string, Golongan, number, number, string, string, number, number, 'odd' | 'even']>([
    // golongan III/IV (even)
    ['III/a new CPNS: first after 2 years', 'III/a', 0, 0, '2024-03-01', '2026-03-01', 2, 0, 'even'],
    ['III/a after the KGB at MKG 2', 'III/a', 2, 0, '2026-03-01', '2028-03-01', 4, 0, 'even'],
    ['III/b after KP at MKG 5y3m', 'III/b', 5, 3, '2025-04-01', '2026-01-01', 6, 0, 'even'],
    ['III/c months carry: 3y11m → 4y in 1 month', 'III/c', 3, 11, '2025-10-01', '2025-11-01', 4, 0, 'even'],
    ['III/a 1y11m, across the year end', 'III/a', 1, 11, '2024-12-01', '2025-01-01', 2, 0, 'even'],
    ['III/d exactly on a step: next is +2', 'III/d', 14, 0, '2025-01-01', '2027-01-01', 16, 0, 'even'],
    ['IV/a after KP at MKG 7', 'IV/a', 7, 0, '2025-04-01', '2026-04-01', 8, 0, 'even'],
    ['IV/b 9y7m', 'IV/b', 9, 7, '2025-06-01', '2025-11-01', 10, 0, 'even'],
    ['IV/b 9y1m', 'IV/b', 9, 1, '2025-06-01', '2026-05-01', 10, 0, 'even'],
    ['II/d→III/a crossing (MKG 10y3m − 5)', 'III/a', 5, 3, '2021-04-01', '2022-01-01', 6, 0, 'even'],
    ['III/a at the top of the table', 'III/a', 32, 0, '2025-01-01', '2027-01-01', 34, 0, 'even'],
    // I/a (even)
    ['I/a new CPNS', 'I/a', 0, 0, '2020-01-01', '2022-01-01', 2, 0, 'even'],
    ['I/a 2y6m', 'I/a', 2, 6, '2022-07-01', '2024-01-01', 4, 0, 'even'],
    // I/b–I/d (odd)
    ['I/b after KP from I/a at MKG 4', 'I/b', 4, 0, '2024-01-01', '2025-01-01', 5, 0, 'odd'],
    ['I/c SMP entrant at MKG 0: first at MKG 3', 'I/c', 0, 0, '2019-03-01', '2022-03-01', 3, 0, 'odd'],
    ['I/d after KGB at MKG 3', 'I/d', 3, 0, '2023-07-01', '2025-07-01', 5, 0, 'odd'],
    ['I/d 6y10m', 'I/d', 6, 10, '2023-07-01', '2023-09-01', 7, 0, 'odd'],
    // golongan II (odd; II/a first after 1 year)
    ['II/a new CPNS: first after 1 year', 'II/a', 0, 0, '2021-03-01', '2022-03-01', 1, 0, 'odd'],
    ['II/a then every 2 years', 'II/a', 1, 0, '2022-03-01', '2024-03-01', 3, 0, 'odd'],
    ['II/a 0y6m', 'II/a', 0, 6, '2021-03-01', '2021-09-01', 1, 0, 'odd'],
    ['I/d→II/a crossing (MKG 11 − 6 = 5)', 'II/a', 5, 0, '2025-04-01', '2027-04-01', 7, 0, 'odd'],
    ['II/b after KP at MKG 4', 'II/b', 4, 0, '2025-04-01', '2026-04-01', 5, 0, 'odd'],
    ['II/c D3 entrant at MKG 0', 'II/c', 0, 0, '2019-03-01', '2022-03-01', 3, 0, 'odd'],
    ['II/d after KGB at MKG 9', 'II/d', 9, 0, '2024-10-01', '2026-10-01', 11, 0, 'odd'],
    ['II/d 10y2m', 'II/d', 10, 2, '2024-10-01', '2025-08-01', 11, 0, 'odd'],
    // TMT not on the 1st
    ['base on the 15th → 1st of the next month', 'III/a', 0, 0, '2024-03-15', '2026-04-01', 2, 0, 'even'],
    ['base on the 31st', 'II/b', 4, 0, '2025-01-31', '2026-02-01', 5, 0, 'odd'],
  ])('%s', (_label, golongan, mkgTahun, mkgBulan, tmtBase, tmt, et, eb, rhythm) => {
    const r = nextKgb({ golongan, mkgTahun, mkgBulan, tmtBase });
    expect(r).toMatchObject({ tmt, mkgTahun: et, mkgBulan: eb, rhythm });
    expect(r.tmt.endsWith('-01')).toBe(true);
  });

  it.each<[string, Partial<NextKgbInput>, boolean, number]>([
    ['no KGB yet', {}, true, 0],
    ['after a KGB', { lastKgbTmt: '2024-03-01' }, false, 0],
    ['tmtCpns before the base is fine', { tmtCpns: '2020-03-01' }, true, 0],
    ['base before TMT CPNS', { tmtCpns: '2024-06-01' }, true, 1],
    ['last KGB newer than the base', { lastKgbTmt: '2025-01-01' }, false, 1],
  ])('%s: isFirst %s, %i warnings', (_label, extra, isFirst, warnings) => {
    const r = nextKgb({ golongan: 'III/a', mkgTahun: 0, mkgBulan: 0, tmtBase: '2024-03-01', ...extra });
    expect(r.isFirst).toBe(isFirst);
    expect(r.warnings).toHaveLength(warnings);
  });

  it('rejects invalid MKG months', () => {
    expect(() => nextKgb({ golongan: 'III/a', mkgTahun: 1, mkgBulan: 12, tmtBase: '2024-03-01' })).toThrow(
      RangeError,
    );
  });
});

describe('nextKgbWithGaji', () => {
  it.each<[string, NextKgbInput, string, number | null, number | null, boolean]>([
    [
      'III/a 0 → 2',
      { golongan: 'III/a', mkgTahun: 0, mkgBulan: 0, tmtBase: '2024-03-01' },
      '2026-03-01',
      2785700,
      2873500,
      true,
    ],
    [
      'II/a 0 → 1',
      { golongan: 'II/a', mkgTahun: 0, mkgBulan: 0, tmtBase: '2024-03-01' },
      '2025-03-01',
      2184000,
      2218400,
      true,
    ],
    [
      'I/c 0 → 3 (no row below 3)',
      { golongan: 'I/c', mkgTahun: 0, mkgBulan: 0, tmtBase: '2024-03-01' },
      '2027-03-01',
      null,
      1918700,
      true,
    ],
    [
      'IV/e 32 → 34: top of the table, no raise',
      { golongan: 'IV/e', mkgTahun: 32, mkgBulan: 0, tmtBase: '2024-03-01' },
      '2026-03-01',
      6373200,
      6373200,
      false,
    ],
  ])('%s', (_label, input, tmt, lama, baru, naik) => {
    expect(nextKgbWithGaji(input, TABLE)).toMatchObject({ tmt, gajiPokokLama: lama, gajiPokokBaru: baru, naik });
  });
});

describe('letter timing (Art. 12) and on-time rate', () => {
  it.each([
    ['2026-03-01', 2, '2026-01-01'],
    ['2026-01-01', 2, '2025-11-01'],
    ['2026-03-01', 3, '2025-12-01'],
  ])('letter for TMT %s with %i months lead is due %s', (tmt, lead, due) => {
    expect(kgbLetterDueDate(tmt, lead)).toBe(due);
  });

  it.each([
    ['2025-12-20', true, true],
    ['2026-01-01', true, true],
    ['2026-01-02', true, false],
    ['2026-02-28', true, false],
    ['2026-03-01', false, false],
    ['2026-04-10', false, false],
  ])('finalized %s for TMT 2026-03-01: onTime %s, early %s', (finalized, onTime, early) => {
    expect(kgbTimeliness(finalized, '2026-03-01')).toEqual({ onTime, early });
  });
});

describe('kgbPostponement', () => {
  const cut6: HukdisRecord = { tingkat: 'SEDANG', jenis: 'POTONG_TUKIN_6', tanggalSk: '2025-12-20', tmt: '2026-01-01' };
  const berat: HukdisRecord = { tingkat: 'BERAT', jenis: 'PENURUNAN_JABATAN', tanggalSk: '2025-05-01' };
  const teguran: HukdisRecord = { tingkat: 'RINGAN', jenis: 'TEGURAN_TERTULIS', tanggalSk: '2026-02-01' };

  it.each<[string, Omit<KgbPostponementInput, 'onDate'>, string, boolean, string[]]>([
    ['Baik', { lastSkpPredicate: 'BAIK' }, '2026-03-01', false, []],
    ['Sangat Baik', { lastSkpPredicate: 'SANGAT_BAIK' }, '2026-03-01', false, []],
    ['label form', { lastSkpPredicate: 'Sangat Baik' }, '2026-03-01', false, []],
    ['Butuh Perbaikan', { lastSkpPredicate: 'BUTUH_PERBAIKAN' }, '2026-03-01', true, ['SKP_DI_BAWAH_BATAS']],
    ['legacy Cukup', { lastSkpPredicate: 'CUKUP' }, '2026-03-01', true, ['SKP_DI_BAWAH_BATAS']],
    ['legacy Buruk', { lastSkpPredicate: 'BURUK' }, '2026-03-01', true, ['SKP_DI_BAWAH_BATAS']],
    ['score 83', { lastSkpScore: 83 }, '2026-03-01', false, []],
    ['score 76 (lowest Baik)', { lastSkpScore: 76 }, '2026-03-01', false, []],
    ['score 75.9', { lastSkpScore: 75.9 }, '2026-03-01', true, ['SKP_DI_BAWAH_BATAS']],
    ['score wins over predicate', { lastSkpScore: 70, lastSkpPredicate: 'BAIK' }, '2026-03-01', true, ['SKP_DI_BAWAH_BATAS']],
    ['out-of-range score ignored', { lastSkpScore: 180, lastSkpPredicate: 'BAIK' }, '2026-03-01', false, []],
    ['no SKP', {}, '2026-03-01', true, ['SKP_TIDAK_ADA']],
    ['unknown predicate', { lastSkpPredicate: 'AMAT_BAIK' }, '2026-03-01', true, ['SKP_TIDAK_ADA']],
    ['lower threshold', { lastSkpPredicate: 'CUKUP', threshold: 'BUTUH_PERBAIKAN' }, '2026-03-01', false, []],
    ['active cut', { lastSkpPredicate: 'BAIK', penalties: [cut6] }, '2026-06-30', true, ['HUKDIS_AKTIF']],
    ['cut over', { lastSkpPredicate: 'BAIK', penalties: [cut6] }, '2026-07-01', false, []],
    ['cut not started', { lastSkpPredicate: 'BAIK', penalties: [cut6] }, '2025-12-31', false, []],
    ['reprimand never postpones', { lastSkpPredicate: 'BAIK', penalties: [teguran] }, '2026-02-01', false, []],
    [
      'two active penalties and a low SKP',
      { lastSkpPredicate: 'KURANG', penalties: [cut6, berat, teguran] },
      '2026-03-01',
      true,
      ['SKP_DI_BAWAH_BATAS', 'HUKDIS_AKTIF', 'HUKDIS_AKTIF'],
    ],
  ])('%s (on %s)', (_label, input, onDate, postponed, codes) => {
    const r = kgbPostponement({ ...input, onDate });
    expect(r.postponed).toBe(postponed);
    expect(r.codes).toEqual(codes);
    expect(r.reasons).toHaveLength(codes.length);
  });

  it('explains in Indonesian', () => {
    const r = kgbPostponement({ lastSkpPredicate: 'CUKUP', penalties: [cut6], onDate: '2026-03-01' });
    expect(r.predikat).toBe('BUTUH_PERBAIKAN');
    expect(r.activePenalties).toEqual([cut6]);
    expect(r.reasons).toEqual([
      'Predikat kinerja tahun terakhir (Butuh Perbaikan) di bawah batas minimal (Baik).',
      'Sedang menjalani hukuman disiplin tingkat sedang (POTONG_TUKIN_6) s.d. 30 Juni 2026.',
    ]);
  });
});

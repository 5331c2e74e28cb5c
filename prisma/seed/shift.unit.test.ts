import { parseNip } from '@simak/shared';
import { describe, expect, it } from 'vitest';
import { REF_DATE } from './dates.ts';
import { DEMO_NIPS } from './featured.ts';
import { ShiftedIds, addMonthsClamped, seedShift, shiftBy, shiftMonths, shiftYears } from './shift.ts';

describe('shiftMonths / refDate: the last month-aligned copy of REF_DATE on or before today', () => {
  it.each([
    // today, k, shifted reference date
    ['2026-11-30', 0, '2026-11-30'],
    ['2026-12-07', 0, '2026-11-30'],
    ['2026-12-29', 0, '2026-11-30'],
    ['2026-12-30', 1, '2026-12-30'],
    ['2026-12-31', 1, '2026-12-30'],
    ['2027-12-07', 12, '2027-11-30'],
    ['2026-11-29', -1, '2026-10-30'],
    ['2026-11-01', -1, '2026-10-30'],
    ['2025-11-30', -12, '2025-11-30'],
    ['2020-01-15', -83, '2019-12-30'],
    // February: the reference day is clamped to the month's length
    ['2027-02-27', 2, '2027-01-30'],
    ['2027-02-28', 3, '2027-02-28'],
    ['2027-03-01', 3, '2027-02-28'],
    ['2028-02-28', 14, '2028-01-30'],
    ['2028-02-29', 15, '2028-02-29'],
    ['2026-02-28', -9, '2026-02-28'],
    // 31-day months: the 31st still belongs to the 30th's month
    ['2027-01-31', 2, '2027-01-30'],
    ['2027-05-30', 6, '2027-05-30'],
  ] as const)('today %s → k = %i, reference %s', (today, k, ref) => {
    expect(shiftMonths(today)).toBe(k);
    const shift = seedShift(today);
    expect(shift.months).toBe(k);
    expect(shift.refDate).toBe(ref);
    expect(shift.refDate <= today).toBe(true);
    // the next month's copy would be after today (k is the largest)
    expect(addMonthsClamped(REF_DATE, k + 1) > today).toBe(true);
  });

  it('is its own fixed point: seedShift(refDate) gives the same shift (how --stats reads it back)', () => {
    for (const today of ['2026-12-07', '2027-12-07', '2028-02-29', '2026-11-29', '2031-08-15']) {
      const s = seedShift(today);
      expect(seedShift(s.refDate).months).toBe(s.months);
    }
  });

  it('rejects what is not a date', () => {
    expect(() => seedShift('2027-02-30')).toThrow(RangeError);
    expect(() => seedShift('27-12-07')).toThrow(RangeError);
    expect(() => shiftBy(1.5)).toThrow(RangeError);
  });
});

describe('date: whole months, day clamped to the target month', () => {
  it.each([
    ['2026-11-30', 1, '2026-12-30'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2028-02-29', 48, '2032-02-29'],
    ['2026-08-31', 3, '2026-11-30'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-12-01', 1, '2027-01-01'],
    ['1970-05-17', 12, '1971-05-17'],
    ['2026-06-01', -18, '2024-12-01'],
  ] as const)('%s + %i months = %s', (iso, k, want) => {
    expect(addMonthsClamped(iso, k)).toBe(want);
    expect(shiftBy(k).date(iso)).toBe(want);
  });

  it('passes null through and is monotone (nothing moves past the shifted reference)', () => {
    const s = shiftBy(3);
    expect(s.date(null)).toBeNull();
    const days = ['2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-31'];
    const moved = days.map((d) => s.date(d));
    expect(moved).toEqual(['2027-02-28', '2027-02-28', '2027-02-28', '2027-03-01', '2027-03-31']);
    expect([...moved].sort()).toEqual(moved);
    expect(moved.filter((d) => d <= s.refDate)).toHaveLength(3);
  });

  it('k = 0 is the identity for every value', () => {
    const s = shiftBy(0);
    expect(s.refDate).toBe(REF_DATE);
    expect(s.date('2026-02-29' as string)).toBe('2026-02-29'); // not even validated
    expect(s.year(2025)).toBe(2025);
    expect(s.nip('199405172019012001')).toBe('199405172019012001');
    expect(s.yearIn('822.4/1/427.45/2025')).toBe('822.4/1/427.45/2025');
  });
});

describe('year: Math.floor((k + 6) / 12) years', () => {
  it.each([
    [0, 0], [5, 0], [6, 1], [12, 1], [17, 1], [18, 2], [-1, 0], [-6, 0], [-7, -1], [-18, -1], [-19, -2], [30, 3],
  ] as const)('k = %i → %i years', (k, years) => {
    expect(shiftYears(k)).toBe(years);
    const s = shiftBy(k);
    expect(s.years).toBe(years);
    expect(s.year(2025)).toBe(2025 + years);
    expect(s.year(null)).toBeNull();
  });

  it('never moves the latest SKP year (2025) into the reference year', () => {
    for (let k = -40; k <= 120; k++) {
      const s = shiftBy(k);
      expect(s.year(2025)).toBeLessThan(Number(s.refDate.slice(0, 4)));
    }
  });

  it('moves the year at the end of letter numbers and "Tahun yyyy" titles', () => {
    const s = shiftBy(12);
    expect(s.yearIn('822.4/497/427.45/2025')).toBe('822.4/497/427.45/2026');
    expect(s.yearIn('PIM/1/SERT/2021')).toBe('PIM/1/SERT/2022');
    expect(s.yearIn('Bimbingan Teknis Penyusunan LKjIP Tahun 2023')).toBe('Bimbingan Teknis Penyusunan LKjIP Tahun 2024');
    expect(s.yearIn('Pelatihan Dasar CPNS')).toBe('Pelatihan Dasar CPNS');
    expect(s.yearIn(null)).toBeNull();
  });
});

describe('nip: dated digits follow the shifted tanggal_lahir and TMT', () => {
  it.each([
    // k, NIP, birth date, TMT CPNS, shifted NIP
    [12, '199405172019012001', '1994-05-17', '2019-01-01', '199505172020012001'],
    [1, '199405172019012001', '1994-05-17', '2019-01-01', '199406172019022001'],
    [-1, '199405172019012001', '1994-05-17', '2019-01-01', '199404172018122001'],
    [3, '197508312000111001', '1975-08-31', '2000-11-01', '197511302001021001'],
    [1, '198001312005121002', '1980-01-31', '2005-12-01', '198002292006011002'],
  ] as const)('k = %i: %s', (k, nip, birth, tmtCpns, want) => {
    const s = shiftBy(k);
    const moved = s.nip(nip);
    expect(moved).toBe(want);
    const p = parseNip(moved, {
      statusKepegawaian: 'PNS', tanggalLahir: s.date(birth), tmtCpns: s.date(tmtCpns), jenisKelamin: nip[14] === '1' ? 'L' : 'P', asOf: s.refDate,
    });
    expect(p.errors).toEqual([]);
    expect(p.warnings).toEqual([]);
  });

  it('moves an NI PPPK by its TMT PPPK (digits 9–12 = year, 13–14 = 21)', () => {
    const s = shiftBy(7);
    // TMT PPPK 2025-07-01 + 7 months = 2026-02-01: the year changes although 2025-01 + 7 would not
    expect(s.nip('199001152025212003', '2025-07-01')).toBe('199008152026212003');
    expect(s.nip('199001152025212003', '2025-03-01')).toBe('199008152025212003');
    expect(() => s.nip('199001152025212003')).toThrow(/TMT PPPK/);
    expect(() => s.nip('199001152025212003', '2024-07-01')).toThrow(/year differs/);
    const p = parseNip(s.nip('199001152025212003', '2025-07-01'), { statusKepegawaian: 'PPPK', tanggalLahir: s.date('1990-01-15'), jenisKelamin: 'P' });
    expect(p.ok && p.warnings.length === 0 && p.pppkYear === 2026).toBe(true);
  });

  it('moves a contract id to the year of its shifted start (January 1st) and passes anything else through', () => {
    expect(shiftBy(12).nip('K-2024-000001')).toBe('K-2025-000001');
    expect(shiftBy(11).nip('K-2024-000001')).toBe('K-2024-000001');
    expect(shiftBy(-1).nip('K-2024-000001')).toBe('K-2023-000001');
    expect(shiftBy(5).nip('12345')).toBe('12345');
  });

  it('leaves the featured NIPs (DEMO_NIPS) as they are at the reference date', () => {
    const ids = new ShiftedIds(seedShift('2026-12-07'));
    for (const nip of Object.values(DEMO_NIPS)) expect(ids.nip(nip)).toBe(nip);
  });
});

describe('ShiftedIds: unique NIPs and NIKs within a run', () => {
  it('bumps the sequence when clamping makes two NIPs equal (in call order)', () => {
    const ids = new ShiftedIds(shiftBy(3)); // Nov → Feb: the 28th, 29th and 30th all become Feb 28
    const a = ids.nip('199611282020032001');
    const b = ids.nip('199611292020032001');
    const c = ids.nip('199611302020032001');
    expect(a).toBe('199702282020062001');
    expect(b).toBe('199702282020062002');
    expect(c).toBe('199702282020062003');
    // a later NIP whose own number was taken moves on to the next free one
    expect(ids.nip('199611282020032002')).toBe('199702282020062004');
    // every result still decodes to the shifted birth date and TMT
    for (const n of [a, b, c]) expect(parseNip(n, { tanggalLahir: '1997-02-28', tmtCpns: '2020-06-01', jenisKelamin: 'P', asOf: '2027-02-28' }).warnings).toEqual([]);
  });

  it('wraps past 999 and never issues 000', () => {
    const ids = new ShiftedIds(shiftBy(1));
    expect(ids.nip('199001312015031999')).toBe('199002282015041999');
    expect(ids.nip('199001302015031999')).toBe('199002282015041001');
  });

  it('refuses a duplicate contract id', () => {
    const ids = new ShiftedIds(shiftBy(1));
    ids.nip('K-2024-000001');
    expect(() => ids.nip('K-2024-000001')).toThrow(/duplicate/);
  });

  it('rewrites the NIK birth date (day + 40 for women) from the shifted tanggal lahir, bumping on collision', () => {
    const ids = new ShiftedIds(shiftBy(3));
    // men and women (day + 40) born 1974-11-29 and 1974-11-30 in kecamatan 10: all become 1975-02-28
    expect(ids.nik('3508102911740001', '1974-11-29')).toBe('3508102802750001');
    expect(ids.nik('3508103011740001', '1974-11-30')).toBe('3508102802750002');
    expect(ids.nik('3508106911740001', '1974-11-29')).toBe('3508106802750001');
    expect(ids.nik('3508107011740001', '1974-11-30')).toBe('3508106802750002');
    // into a leap year's February
    expect(ids.nik('3508102911750001', '1975-11-29')).toBe('3508102902760001');
    expect(ids.nik(null, '1975-11-30')).toBeNull();
  });

  it('is the identity at k = 0', () => {
    const ids = new ShiftedIds(shiftBy(0));
    expect(ids.nip('199405172019012001')).toBe('199405172019012001');
    expect(ids.nip('199405172019012001')).toBe('199405172019012001');
    expect(ids.nik('3508035705940001', '1994-05-17')).toBe('3508035705940001');
  });
});

import { describe, expect, it } from 'vitest';
import {
  activeHukdis,
  classifyJenisHukdis,
  HUKDIS_IDIS_WEIGHT,
  hukdisPeriod,
  isHukdisActive,
  JENIS_HUKDIS,
  type HukdisRecord,
} from './hukdis.ts';

describe('classifyJenisHukdis', () => {
  it.each([
    ['POTONG_TUKIN_9', 'POTONG_TUKIN_9'],
    ['potong tukin 6', 'POTONG_TUKIN_6'],
    ['Teguran lisan', 'TEGURAN_LISAN'],
    ['Teguran Tertulis', 'TEGURAN_TERTULIS'],
    ['Pernyataan tidak puas secara tertulis', 'PERNYATAAN_TIDAK_PUAS'],
    ['Pemotongan tunjangan kinerja sebesar 25% selama 6 bulan', 'POTONG_TUKIN_6'],
    ['Pemotongan tunjangan kinerja sebesar 25% selama 9 (sembilan) bulan', 'POTONG_TUKIN_9'],
    ['Potongan TPP 25 persen selama dua belas bulan', 'POTONG_TUKIN_12'],
    ['Pemotongan tukin 25% 12 bulan', 'POTONG_TUKIN_12'],
    ['Pemotongan tunjangan kinerja 25%', null],
    ['Penurunan jabatan setingkat lebih rendah selama 12 bulan', 'PENURUNAN_JABATAN'],
    ['Pembebasan dari jabatannya menjadi jabatan pelaksana', 'PEMBEBASAN_JABATAN'],
    ['Pemberhentian dengan hormat tidak atas permintaan sendiri', 'PEMBERHENTIAN'],
    ['Lainnya', null],
    ['', null],
    [null, null],
    [undefined, null],
  ])('%j → %j', (text, expected) => {
    expect(classifyJenisHukdis(text)).toBe(expected);
  });

  it('every kind has the level of PP 94/2021', () => {
    expect(JENIS_HUKDIS.POTONG_TUKIN_12.tingkat).toBe('SEDANG');
    expect(JENIS_HUKDIS.PEMBERHENTIAN.tingkat).toBe('BERAT');
    expect(JENIS_HUKDIS.TEGURAN_LISAN.tingkat).toBe('RINGAN');
  });
});

describe('hukdisPeriod', () => {
  it.each<[string, HukdisRecord, string, string | null, string]>([
    [
      'cut 6 months from TMT',
      { tingkat: 'SEDANG', jenis: 'POTONG_TUKIN_6', tanggalSk: '2025-12-20', tmt: '2026-01-01' },
      '2026-01-01',
      '2026-06-30',
      'JENIS',
    ],
    [
      'cut 9 months',
      { tingkat: 'SEDANG', jenis: 'selama 9 bulan pemotongan tunjangan kinerja', tanggalSk: '2026-03-10', tmt: '2026-04-01' },
      '2026-04-01',
      '2026-12-31',
      'JENIS',
    ],
    [
      'cut 12 months, TMT mid-month',
      { tingkat: 'SEDANG', jenis: 'POTONG_TUKIN_12', tanggalSk: '2026-03-10', tmt: '2026-03-15' },
      '2026-03-15',
      '2027-03-14',
      'JENIS',
    ],
    [
      'no TMT: starts at the SK date',
      { tingkat: 'BERAT', jenis: 'PENURUNAN_JABATAN', tanggalSk: '2026-02-10' },
      '2026-02-10',
      '2027-02-09',
      'JENIS',
    ],
    [
      'recorded end wins',
      { tingkat: 'SEDANG', jenis: 'POTONG_TUKIN_6', tanggalSk: '2026-01-01', tmt: '2026-01-01', tmtSelesai: '2026-03-31' },
      '2026-01-01',
      '2026-03-31',
      'RECORDED',
    ],
    [
      'unknown kind, SEDANG: 12 months by default',
      { tingkat: 'SEDANG', jenis: 'lainnya', tanggalSk: '2026-01-05', tmt: '2026-02-01' },
      '2026-02-01',
      '2027-01-31',
      'TINGKAT_DEFAULT',
    ],
    [
      'discharge is permanent',
      { tingkat: 'BERAT', jenis: 'PEMBERHENTIAN', tanggalSk: '2026-01-05', tmt: '2026-02-01' },
      '2026-02-01',
      null,
      'JENIS',
    ],
    [
      'reprimand has no lasting effect',
      { tingkat: 'RINGAN', jenis: 'Teguran tertulis', tanggalSk: '2026-01-05' },
      '2026-01-05',
      '2026-01-04',
      'JENIS',
    ],
  ])('%s', (_label, record, start, end, source) => {
    expect(hukdisPeriod(record)).toMatchObject({ start, end, source });
  });
});

describe('isHukdisActive / activeHukdis', () => {
  const cut6: HukdisRecord = { tingkat: 'SEDANG', jenis: 'POTONG_TUKIN_6', tanggalSk: '2025-12-20', tmt: '2026-01-01' };
  const reprimand: HukdisRecord = { tingkat: 'RINGAN', jenis: 'TEGURAN_LISAN', tanggalSk: '2026-03-01' };
  const discharge: HukdisRecord = { tingkat: 'BERAT', jenis: 'PEMBERHENTIAN', tanggalSk: '2026-05-01' };

  it.each<[HukdisRecord, string, boolean]>([
    [cut6, '2025-12-31', false],
    [cut6, '2026-01-01', true],
    [cut6, '2026-06-30', true],
    [cut6, '2026-07-01', false],
    [reprimand, '2026-03-01', false],
    [discharge, '2026-04-30', false],
    [discharge, '2040-01-01', true],
  ])('%j on %s → %s', (record, date, expected) => {
    expect(isHukdisActive(record, date)).toBe(expected);
  });

  it('filters the active ones', () => {
    expect(activeHukdis([cut6, reprimand, discharge], '2026-06-01')).toEqual([cut6, discharge]);
    expect(activeHukdis([], '2026-06-01')).toEqual([]);
  });
});

describe('IDis weights', () => {
  it.each([
    ['RINGAN', 1],
    ['SEDANG', 2],
    ['BERAT', 3],
  ] as const)('%s = %i', (tingkat, weight) => {
    expect(HUKDIS_IDIS_WEIGHT[tingkat]).toBe(weight);
  });
});

import { describe, expect, it } from 'vitest';
import { disciplineWarning } from './disiplin.ts';

describe('disciplineWarning (PP 94/2021 art. 11)', () => {
  it.each<[number, number, string | null, string | null, number | null]>([
    // days, longest run, code, level, next threshold
    [0, 0, null, null, 3],
    [2, 2, null, null, 3],
    [3, 1, 'TEGURAN_LISAN', 'RINGAN', 4],
    [4, 1, 'TEGURAN_TERTULIS', 'RINGAN', 7],
    [6, 2, 'TEGURAN_TERTULIS', 'RINGAN', 7],
    [7, 1, 'PERNYATAAN_TIDAK_PUAS', 'RINGAN', 11],
    [10, 3, 'PERNYATAAN_TIDAK_PUAS', 'RINGAN', 11],
    [11, 1, 'POTONG_TUKIN_6', 'SEDANG', 14],
    [13, 1, 'POTONG_TUKIN_6', 'SEDANG', 14],
    [14, 1, 'POTONG_TUKIN_9', 'SEDANG', 17],
    [16, 1, 'POTONG_TUKIN_9', 'SEDANG', 17],
    [17, 1, 'POTONG_TUKIN_12', 'SEDANG', 21],
    [20, 1, 'POTONG_TUKIN_12', 'SEDANG', 21],
    [21, 1, 'PENURUNAN_JABATAN', 'BERAT', 25],
    [24, 1, 'PENURUNAN_JABATAN', 'BERAT', 25],
    [25, 1, 'PEMINDAHAN_PELAKSANA', 'BERAT', 28],
    [27, 1, 'PEMINDAHAN_PELAKSANA', 'BERAT', 28],
    [28, 1, 'PEMBERHENTIAN', 'BERAT', null],
    [60, 1, 'PEMBERHENTIAN', 'BERAT', null],
    [9, 9, 'PERNYATAAN_TIDAK_PUAS', 'RINGAN', 11],
    [10, 10, 'PEMBERHENTIAN', 'BERAT', null],
    [12, 10, 'PEMBERHENTIAN', 'BERAT', null],
  ])('%i days, run %i → %s', (days, run, kode, tingkat, next) => {
    const w = disciplineWarning(days, run);
    expect(w.threshold?.kode ?? null).toBe(kode);
    expect(w.threshold?.tingkat ?? null).toBe(tingkat);
    expect(w.nextAt).toBe(next);
  });

  it('flags the consecutive rule only when it decides', () => {
    expect(disciplineWarning(10, 10).byConsecutive).toBe(true);
    expect(disciplineWarning(30, 10).byConsecutive).toBe(false);
    expect(disciplineWarning(30, 2).byConsecutive).toBe(false);
  });
});

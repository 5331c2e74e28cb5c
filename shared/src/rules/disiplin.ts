/**
 * The discipline warning for unexcused absence (PP 94/2021 art. 11, DOMAIN-RULES §7): cumulative
 * unexcused working days in a calendar year, or a run of 10 consecutive ones, mapped to the
 * penalty the threshold names. A warning for people to decide on, never an automatic penalty.
 */

export type TingkatHukdis = 'RINGAN' | 'SEDANG' | 'BERAT';

export interface DisciplineThreshold {
  min: number;
  max: number | null;
  tingkat: TingkatHukdis;
  kode: string;
  hukuman: string;
}

export const ABSENCE_THRESHOLDS: readonly DisciplineThreshold[] = [
  { min: 3, max: 3, tingkat: 'RINGAN', kode: 'TEGURAN_LISAN', hukuman: 'Teguran lisan' },
  { min: 4, max: 6, tingkat: 'RINGAN', kode: 'TEGURAN_TERTULIS', hukuman: 'Teguran tertulis' },
  { min: 7, max: 10, tingkat: 'RINGAN', kode: 'PERNYATAAN_TIDAK_PUAS', hukuman: 'Pernyataan tidak puas secara tertulis' },
  { min: 11, max: 13, tingkat: 'SEDANG', kode: 'POTONG_TUKIN_6', hukuman: 'Pemotongan tunjangan kinerja 25% selama 6 bulan' },
  { min: 14, max: 16, tingkat: 'SEDANG', kode: 'POTONG_TUKIN_9', hukuman: 'Pemotongan tunjangan kinerja 25% selama 9 bulan' },
  { min: 17, max: 20, tingkat: 'SEDANG', kode: 'POTONG_TUKIN_12', hukuman: 'Pemotongan tunjangan kinerja 25% selama 12 bulan' },
  { min: 21, max: 24, tingkat: 'BERAT', kode: 'PENURUNAN_JABATAN', hukuman: 'Penurunan jabatan setingkat lebih rendah selama 12 bulan' },
  { min: 25, max: 27, tingkat: 'BERAT', kode: 'PEMINDAHAN_PELAKSANA', hukuman: 'Pembebasan dari jabatan menjadi jabatan pelaksana selama 12 bulan' },
  { min: 28, max: null, tingkat: 'BERAT', kode: 'PEMBERHENTIAN', hukuman: 'Pemberhentian dengan hormat tidak atas permintaan sendiri' },
];

/** Consecutive unexcused working days that alone reach the heaviest threshold. */
export const CONSECUTIVE_DISCHARGE_DAYS = 10;

export interface DisciplineWarning {
  /** The threshold reached, or null below 3 days. */
  threshold: DisciplineThreshold | null;
  /** Reached through 10 consecutive days rather than the cumulative count. */
  byConsecutive: boolean;
  /** The next threshold's first day count, null at the top. */
  nextAt: number | null;
}

export function disciplineWarning(days: number, longestRun: number): DisciplineWarning {
  const byRun = longestRun >= CONSECUTIVE_DISCHARGE_DAYS;
  const cumulative = ABSENCE_THRESHOLDS.find((t) => days >= t.min && (t.max == null || days <= t.max)) ?? null;
  const top = ABSENCE_THRESHOLDS[ABSENCE_THRESHOLDS.length - 1]!;
  const threshold = byRun ? top : cumulative;
  const byConsecutive = byRun && cumulative !== top;
  const nextAt = threshold === top ? null : (ABSENCE_THRESHOLDS.find((t) => t.min > days)?.min ?? null);
  return { threshold, byConsecutive, nextAt };
}

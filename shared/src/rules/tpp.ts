/**
 * The TPP basis (DOMAIN-RULES §11): a base amount per position class, reduced by configurable
 * percentages per shortfall. Late arrival TL1–TL4 (1–30, 31–60, 61–90, > 90 minutes or no
 * check-in), early departure PSW1–PSW4 (same bands or no check-out), unexcused absent days; the
 * month's total deduction is capped (100 % by default). Pure: the server feeds it counts.
 */

/** Band 1–4 of a number of minutes late/early (0 → none). */
export function shortfallBand(menit: number): 0 | 1 | 2 | 3 | 4 {
  if (menit <= 0) return 0;
  if (menit <= 30) return 1;
  if (menit <= 60) return 2;
  if (menit <= 90) return 3;
  return 4;
}

export type Bands = [number, number, number, number];

export interface TppDeductionConfig {
  /** Percent of the monthly amount per occurrence of TL1..TL4. */
  terlambat: Bands;
  /** Percent per occurrence of PSW1..PSW4. */
  pulangCepat: Bands;
  /** Percent per unexcused absent working day. */
  tanpaKeterangan: number;
  /** Cap of the month's total deduction, in percent. */
  batasPersen: number;
  /** Legal basis of the figures (Perbup …), shown with the export. */
  dasarHukum: string;
}

export const DEFAULT_TPP_DEDUCTIONS: TppDeductionConfig = {
  terlambat: [0.5, 1, 1.25, 1.5],
  pulangCepat: [0.5, 1, 1.25, 1.5],
  tanpaKeterangan: 3,
  batasPersen: 100,
  dasarHukum: 'Peraturan Bupati tentang Tambahan Penghasilan Pegawai (atur sesuai perbup yang berlaku)',
};

/** Position classes the base amounts are set for. */
export const TPP_CLASSES = [
  'STRUKTURAL_II',
  'STRUKTURAL_III',
  'STRUKTURAL_IV',
  'FUNGSIONAL_AHLI_UTAMA',
  'FUNGSIONAL_AHLI_MADYA',
  'FUNGSIONAL_AHLI_MUDA',
  'FUNGSIONAL_AHLI_PERTAMA',
  'FUNGSIONAL_PENYELIA',
  'FUNGSIONAL_MAHIR',
  'FUNGSIONAL_TERAMPIL',
  'FUNGSIONAL_PEMULA',
  'PELAKSANA',
  'KONTRAK',
] as const;
export type TppClass = (typeof TPP_CLASSES)[number];

export const TPP_CLASS_LABEL: Record<TppClass, string> = {
  STRUKTURAL_II: 'Struktural eselon II',
  STRUKTURAL_III: 'Struktural eselon III',
  STRUKTURAL_IV: 'Struktural eselon IV',
  FUNGSIONAL_AHLI_UTAMA: 'Fungsional Ahli Utama',
  FUNGSIONAL_AHLI_MADYA: 'Fungsional Ahli Madya',
  FUNGSIONAL_AHLI_MUDA: 'Fungsional Ahli Muda',
  FUNGSIONAL_AHLI_PERTAMA: 'Fungsional Ahli Pertama',
  FUNGSIONAL_PENYELIA: 'Fungsional Penyelia',
  FUNGSIONAL_MAHIR: 'Fungsional Mahir',
  FUNGSIONAL_TERAMPIL: 'Fungsional Terampil',
  FUNGSIONAL_PEMULA: 'Fungsional Pemula',
  PELAKSANA: 'Pelaksana',
  KONTRAK: 'Tenaga kontrak',
};

/** Default monthly base amounts (rupiah) per class; every figure is a BKD setting. */
export const DEFAULT_TPP_BASE: Record<TppClass, number> = {
  STRUKTURAL_II: 12_000_000,
  STRUKTURAL_III: 7_000_000,
  STRUKTURAL_IV: 4_500_000,
  FUNGSIONAL_AHLI_UTAMA: 8_000_000,
  FUNGSIONAL_AHLI_MADYA: 6_000_000,
  FUNGSIONAL_AHLI_MUDA: 4_000_000,
  FUNGSIONAL_AHLI_PERTAMA: 3_000_000,
  FUNGSIONAL_PENYELIA: 3_000_000,
  FUNGSIONAL_MAHIR: 2_500_000,
  FUNGSIONAL_TERAMPIL: 2_000_000,
  FUNGSIONAL_PEMULA: 1_750_000,
  PELAKSANA: 2_000_000,
  KONTRAK: 0,
};

export interface PositionFacts {
  statusKepegawaian: string;
  jenisJabatan: string;
  eselon: string | null;
  jenjangFungsional: string | null;
}

/** The class of a position: contract staff apart, eselon level for structural posts, the jenjang for functional ones. */
export function tppClass(p: PositionFacts): TppClass {
  if (p.statusKepegawaian === 'KONTRAK') return 'KONTRAK';
  if (p.jenisJabatan === 'STRUKTURAL') {
    const level = /^(I{1,3}|IV)\b/.exec(p.eselon ?? '')?.[1];
    if (level === 'I' || level === 'II') return 'STRUKTURAL_II';
    if (level === 'III') return 'STRUKTURAL_III';
    if (level === 'IV') return 'STRUKTURAL_IV';
    return 'PELAKSANA';
  }
  if (p.jenisJabatan === 'FUNGSIONAL' && p.jenjangFungsional) {
    const c = `FUNGSIONAL_${p.jenjangFungsional}`;
    if ((TPP_CLASSES as readonly string[]).includes(c)) return c as TppClass;
  }
  return 'PELAKSANA';
}

export interface Shortfalls {
  /** Occurrences of TL1..TL4 in the month. */
  terlambat: Bands;
  /** Occurrences of PSW1..PSW4. */
  pulangCepat: Bands;
  tanpaKeterangan: number;
}

export interface TppResult {
  base: number;
  /** Percent per kind before the cap. */
  persen: { terlambat: number; pulangCepat: number; tanpaKeterangan: number };
  /** The total percent after the cap. */
  persenTotal: number;
  /** Rupiah per kind (proportional share of the capped total), their sum is `potongan`. */
  potonganPerJenis: { terlambat: number; pulangCepat: number; tanpaKeterangan: number };
  potongan: number;
  jumlah: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const dot = (a: Bands, b: Bands) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + a[3] * b[3];

export function computeTpp(base: number, s: Shortfalls, cfg: TppDeductionConfig): TppResult {
  const persen = {
    terlambat: round2(dot(s.terlambat, cfg.terlambat)),
    pulangCepat: round2(dot(s.pulangCepat, cfg.pulangCepat)),
    tanpaKeterangan: round2(s.tanpaKeterangan * cfg.tanpaKeterangan),
  };
  const raw = persen.terlambat + persen.pulangCepat + persen.tanpaKeterangan;
  const persenTotal = round2(Math.min(raw, cfg.batasPersen));
  const potongan = Math.min(base, Math.round((base * persenTotal) / 100));
  // Split the rupiah deduction per kind in proportion; the remainder of the rounding goes to the last non-zero kind.
  const share = (p: number) => (raw > 0 ? Math.round((potongan * p) / raw) : 0);
  const terlambat = persen.pulangCepat > 0 || persen.tanpaKeterangan > 0 ? share(persen.terlambat) : potongan;
  const pulangCepat = persen.tanpaKeterangan > 0 ? share(persen.pulangCepat) : potongan - terlambat;
  const tanpaKeterangan = potongan - terlambat - pulangCepat;
  return { base, persen, persenTotal, potonganPerJenis: { terlambat, pulangCepat, tanpaKeterangan }, potongan, jumlah: base - potongan };
}

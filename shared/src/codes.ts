/**
 * Code lists shared by the database, the importer, the API and the UI.
 * Each list is an `as const` array (the order is the display order), a zod
 * enum, a TS type and Indonesian labels. Codes follow IMPORT-FORMAT.md.
 */
import { z } from 'zod';

/** Turns free input into a candidate code: trims, upper-cases, spaces/hyphens → '_'. */
function toCodeCandidate(value: string): string {
  return value
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
}

function lookupOwn<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function includes<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------
// Status kepegawaian

export const STATUS_KEPEGAWAIAN = ['PNS', 'CPNS', 'PPPK', 'KONTRAK'] as const;
export const StatusKepegawaianSchema = z.enum(STATUS_KEPEGAWAIAN);
export type StatusKepegawaian = z.infer<typeof StatusKepegawaianSchema>;
export const STATUS_KEPEGAWAIAN_LABELS: Record<StatusKepegawaian, string> = {
  PNS: 'PNS',
  CPNS: 'CPNS',
  PPPK: 'PPPK',
  KONTRAK: 'Kontrak',
};
/** Statuses that count as ASN (INDICATORS.md population); KONTRAK never counts. */
export const ASN_STATUSES = ['PNS', 'CPNS', 'PPPK'] as const satisfies readonly StatusKepegawaian[];
export type AsnStatus = (typeof ASN_STATUSES)[number];
export function isAsnStatus(status: StatusKepegawaian): status is AsnStatus {
  return includes(ASN_STATUSES, status);
}

// ---------------------------------------------------------------------------
// Jenis kelamin

export const JENIS_KELAMIN = ['L', 'P'] as const;
export const JenisKelaminSchema = z.enum(JENIS_KELAMIN);
export type JenisKelamin = z.infer<typeof JenisKelaminSchema>;
export const JENIS_KELAMIN_LABELS: Record<JenisKelamin, string> = {
  L: 'Laki-laki',
  P: 'Perempuan',
};

// ---------------------------------------------------------------------------
// Jabatan

export const JENIS_JABATAN = ['STRUKTURAL', 'FUNGSIONAL', 'PELAKSANA'] as const;
export const JenisJabatanSchema = z.enum(JENIS_JABATAN);
export type JenisJabatan = z.infer<typeof JenisJabatanSchema>;
export const JENIS_JABATAN_LABELS: Record<JenisJabatan, string> = {
  STRUKTURAL: 'Struktural',
  FUNGSIONAL: 'Fungsional',
  PELAKSANA: 'Pelaksana',
};

/** Eselon codes, highest first. */
export const ESELON = ['I.a', 'I.b', 'II.a', 'II.b', 'III.a', 'III.b', 'IV.a', 'IV.b'] as const;
export const EselonSchema = z.enum(ESELON);
export type Eselon = z.infer<typeof EselonSchema>;
export const ESELON_LABELS: Record<Eselon, string> = {
  'I.a': 'Eselon I.a',
  'I.b': 'Eselon I.b',
  'II.a': 'Eselon II.a',
  'II.b': 'Eselon II.b',
  'III.a': 'Eselon III.a',
  'III.b': 'Eselon III.b',
  'IV.a': 'Eselon IV.a',
  'IV.b': 'Eselon IV.b',
};
/** UU ASN position group of an eselon: JPT (I–II), administrator (III), pengawas (IV). */
export type KelompokEselon = 'JPT' | 'ADMINISTRATOR' | 'PENGAWAS';
export function kelompokEselon(eselon: Eselon): KelompokEselon {
  if (eselon.startsWith('IV.')) return 'PENGAWAS';
  if (eselon.startsWith('III.')) return 'ADMINISTRATOR';
  return 'JPT';
}
/** 1 for I.a … 8 for IV.b (lower is higher). */
export function eselonOrder(eselon: Eselon): number {
  return ESELON.indexOf(eselon) + 1;
}
/** Accepts 'II.a', 'II/a', 'IIa', 'ii a' (roman group and ruang a/b); null otherwise. */
export function normalizeEselon(value: string): Eselon | null {
  const m = /^\s*(IV|III|II|I)\s*[./\s-]?\s*([AB])\s*$/i.exec(value);
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  const code = `${m[1].toUpperCase()}.${m[2].toLowerCase()}`;
  return includes(ESELON, code) ? code : null;
}

export const JENJANG_FUNGSIONAL = [
  'PEMULA',
  'TERAMPIL',
  'MAHIR',
  'PENYELIA',
  'AHLI_PERTAMA',
  'AHLI_MUDA',
  'AHLI_MADYA',
  'AHLI_UTAMA',
] as const;
export const JenjangFungsionalSchema = z.enum(JENJANG_FUNGSIONAL);
export type JenjangFungsional = z.infer<typeof JenjangFungsionalSchema>;
export const JENJANG_FUNGSIONAL_LABELS: Record<JenjangFungsional, string> = {
  PEMULA: 'Pemula',
  TERAMPIL: 'Terampil',
  MAHIR: 'Mahir',
  PENYELIA: 'Penyelia',
  AHLI_PERTAMA: 'Ahli Pertama',
  AHLI_MUDA: 'Ahli Muda',
  AHLI_MADYA: 'Ahli Madya',
  AHLI_UTAMA: 'Ahli Utama',
};
/** Keterampilan (skill) or keahlian (expert) track of a JF level. */
export function kategoriJenjang(jenjang: JenjangFungsional): 'KETERAMPILAN' | 'KEAHLIAN' {
  return jenjang.startsWith('AHLI_') ? 'KEAHLIAN' : 'KETERAMPILAN';
}

export const RUMPUN_FUNGSIONAL = ['GURU', 'DOSEN', 'KESEHATAN', 'LAINNYA'] as const;
export const RumpunFungsionalSchema = z.enum(RUMPUN_FUNGSIONAL);
export type RumpunFungsional = z.infer<typeof RumpunFungsionalSchema>;
export const RUMPUN_FUNGSIONAL_LABELS: Record<RumpunFungsional, string> = {
  GURU: 'Guru',
  DOSEN: 'Dosen',
  KESEHATAN: 'Kesehatan',
  LAINNYA: 'Lainnya',
};

// ---------------------------------------------------------------------------
// Exit (berhenti)

export const JENIS_BERHENTI = ['PENSIUN', 'MENINGGAL', 'DIBERHENTIKAN', 'MENGUNDURKAN_DIRI'] as const;
export const JenisBerhentiSchema = z.enum(JENIS_BERHENTI);
export type JenisBerhenti = z.infer<typeof JenisBerhentiSchema>;
export const JENIS_BERHENTI_LABELS: Record<JenisBerhenti, string> = {
  PENSIUN: 'Pensiun',
  MENINGGAL: 'Meninggal dunia',
  DIBERHENTIKAN: 'Diberhentikan',
  MENGUNDURKAN_DIRI: 'Mengundurkan diri',
};

// ---------------------------------------------------------------------------
// Roles

export const ROLES = ['ASN', 'ATASAN', 'OPD_ADMIN', 'BKD_VERIFIER', 'BKD_ADMIN'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;
export const ROLE_LABELS: Record<Role, string> = {
  ASN: 'ASN',
  ATASAN: 'Atasan',
  OPD_ADMIN: 'Admin OPD',
  BKD_VERIFIER: 'Verifikator BKD',
  BKD_ADMIN: 'Admin BKD',
};

// ---------------------------------------------------------------------------
// Education (pendidikan)

/** Canonical education codes, lowest to highest (array order is the ranking). */
export const PENDIDIKAN = [
  'SD',
  'SMP',
  'SMA',
  'D1',
  'D2',
  'D3',
  'D4',
  'S1',
  'PROFESI',
  'S2',
  'SP1',
  'S3',
  'SP2',
] as const;
export const PendidikanSchema = z.enum(PENDIDIKAN);
export type Pendidikan = z.infer<typeof PendidikanSchema>;
export const PENDIDIKAN_LABELS: Record<Pendidikan, string> = {
  SD: 'SD',
  SMP: 'SMP/SLTP',
  SMA: 'SMA/SMK/SLTA',
  D1: 'Diploma I',
  D2: 'Diploma II',
  D3: 'Diploma III/Sarjana Muda',
  D4: 'Diploma IV',
  S1: 'Sarjana (S1)',
  PROFESI: 'Profesi',
  S2: 'Magister (S2)',
  SP1: 'Spesialis I',
  S3: 'Doktor (S3)',
  SP2: 'Spesialis II',
};
/** Accepted import aliases (IMPORT-FORMAT.md). */
export const PENDIDIKAN_ALIASES: Readonly<Record<string, Pendidikan>> = {
  SLTP: 'SMP',
  SLTA: 'SMA',
  SMK: 'SMA',
  SMU: 'SMA',
  SARJANA_MUDA: 'D3',
  AKADEMI: 'D3',
  DIV: 'D4',
};
/** Ranking 1 (SD) … 13 (SP2); used to pick the highest education. */
export const PENDIDIKAN_ORDER: Record<Pendidikan, number> = Object.fromEntries(
  PENDIDIKAN.map((code, i) => [code, i + 1]),
) as Record<Pendidikan, number>;
/** IKP weights (INDICATORS.md §1). */
export const PENDIDIKAN_IKP_WEIGHT: Record<Pendidikan, number> = {
  SD: 0,
  SMP: 0,
  SMA: 1,
  D1: 1,
  D2: 1,
  D3: 2,
  D4: 3,
  S1: 3,
  PROFESI: 3,
  S2: 4,
  SP1: 4,
  S3: 5,
  SP2: 5,
};

/**
 * Canonical education code for an import value, or null. Case and
 * surrounding spaces are ignored; spaces and hyphens count as '_'
 * ('Sarjana Muda' → 'D3'), and a code written with a separator is accepted
 * ('D-IV' → 'D4', 'S-1' → 'S1', 'Sp-1' → 'SP1').
 */
export function normalizeEducation(value: string): Pendidikan | null {
  const candidate = toCodeCandidate(value);
  const compact = candidate.replace(/_/g, '');
  for (const c of [candidate, compact]) {
    if (includes(PENDIDIKAN, c)) return c;
    const alias = lookupOwn(PENDIDIKAN_ALIASES, c);
    if (alias) return alias;
  }
  return null;
}

/** Negative when a ranks below b, 0 when equal, positive when above. */
export function compareEducation(a: Pendidikan, b: Pendidikan): number {
  return PENDIDIKAN_ORDER[a] - PENDIDIKAN_ORDER[b];
}

/** The highest code of the list, or null for an empty list. */
export function highestEducation(codes: readonly Pendidikan[]): Pendidikan | null {
  let best: Pendidikan | null = null;
  for (const code of codes) {
    if (best === null || compareEducation(code, best) > 0) best = code;
  }
  return best;
}

// ---------------------------------------------------------------------------
// SKP performance predicate

/** Current employee predicates (PermenPANRB 6/2022), best first. */
export const PREDIKAT_SKP = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
export const PredikatSkpSchema = z.enum(PREDIKAT_SKP);
export type PredikatSkp = z.infer<typeof PredikatSkpSchema>;
export const PREDIKAT_SKP_LABELS: Record<PredikatSkp, string> = {
  SANGAT_BAIK: 'Sangat Baik',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh Perbaikan',
  KURANG: 'Kurang',
  SANGAT_KURANG: 'Sangat Kurang',
};
/** Legacy PP 46/2011 predicates accepted on import. */
export const PREDIKAT_SKP_ALIASES: Readonly<Record<string, PredikatSkp>> = {
  CUKUP: 'BUTUH_PERBAIKAN',
  BURUK: 'SANGAT_KURANG',
};
/** 5 (Sangat Baik) … 1 (Sangat Kurang). */
export const PREDIKAT_SKP_RANK: Record<PredikatSkp, number> = {
  SANGAT_BAIK: 5,
  BAIK: 4,
  BUTUH_PERBAIKAN: 3,
  KURANG: 2,
  SANGAT_KURANG: 1,
};

/** Canonical predicate for an import value ('Sangat Baik', 'CUKUP', …), or null. */
export function normalizePredikat(value: string): PredikatSkp | null {
  const candidate = toCodeCandidate(value);
  if (includes(PREDIKAT_SKP, candidate)) return candidate;
  return lookupOwn(PREDIKAT_SKP_ALIASES, candidate) ?? null;
}

/** True when `predikat` is at least as good as `threshold`. */
export function predikatAtLeast(predikat: PredikatSkp, threshold: PredikatSkp): boolean {
  return PREDIKAT_SKP_RANK[predikat] >= PREDIKAT_SKP_RANK[threshold];
}

/**
 * Predicate for a 0–100 score by the PP 46/2011 bands (91–100 Sangat Baik,
 * 76–90 Baik, 61–75 Cukup → Butuh Perbaikan, 51–60 Kurang, ≤ 50 Buruk →
 * Sangat Kurang). Mapping Cukup to Butuh Perbaikan is a local choice.
 */
export function predikatFromNilai(nilai: number): PredikatSkp {
  if (!Number.isFinite(nilai) || nilai < 0 || nilai > 100) {
    throw new RangeError(`SKP score must be 0–100, got ${nilai}`);
  }
  if (nilai >= 91) return 'SANGAT_BAIK';
  if (nilai >= 76) return 'BAIK';
  if (nilai >= 61) return 'BUTUH_PERBAIKAN';
  if (nilai >= 51) return 'KURANG';
  return 'SANGAT_KURANG';
}

// ---------------------------------------------------------------------------
// Discipline (hukuman disiplin, PP 94/2021)

export const TINGKAT_HUKDIS = ['RINGAN', 'SEDANG', 'BERAT'] as const;
export const TingkatHukdisSchema = z.enum(TINGKAT_HUKDIS);
export type TingkatHukdis = z.infer<typeof TingkatHukdisSchema>;
export const TINGKAT_HUKDIS_LABELS: Record<TingkatHukdis, string> = {
  RINGAN: 'Ringan',
  SEDANG: 'Sedang',
  BERAT: 'Berat',
};

// ---------------------------------------------------------------------------
// Competency development (diklat)

export const JENIS_DIKLAT = ['KEPEMIMPINAN', 'FUNGSIONAL', 'TEKNIS', 'WORKSHOP'] as const;
export const JenisDiklatSchema = z.enum(JENIS_DIKLAT);
export type JenisDiklat = z.infer<typeof JenisDiklatSchema>;
export const JENIS_DIKLAT_LABELS: Record<JenisDiklat, string> = {
  KEPEMIMPINAN: 'Diklat Kepemimpinan',
  FUNGSIONAL: 'Diklat Fungsional',
  TEKNIS: 'Diklat Teknis',
  WORKSHOP: 'Seminar/Workshop/Bimtek',
};

// ---------------------------------------------------------------------------
// Rank history and family (import files `pangkat` and `keluarga`)

export const JENIS_KP = [
  'REGULER',
  'PILIHAN_STRUKTURAL',
  'PILIHAN_FUNGSIONAL',
  'PENYESUAIAN_IJAZAH',
  'LUAR_BIASA',
  'PENGABDIAN',
  'CPNS',
  'PNS',
] as const;
export const JenisKpSchema = z.enum(JENIS_KP);
export type JenisKp = z.infer<typeof JenisKpSchema>;
export const JENIS_KP_LABELS: Record<JenisKp, string> = {
  REGULER: 'KP Reguler',
  PILIHAN_STRUKTURAL: 'KP Pilihan (Struktural)',
  PILIHAN_FUNGSIONAL: 'KP Pilihan (Fungsional)',
  PENYESUAIAN_IJAZAH: 'KP Penyesuaian Ijazah',
  LUAR_BIASA: 'KP Luar Biasa',
  PENGABDIAN: 'KP Pengabdian',
  CPNS: 'Pengangkatan CPNS',
  PNS: 'Pengangkatan PNS',
};

export const HUBUNGAN_KELUARGA = ['SUAMI', 'ISTRI', 'ANAK', 'AYAH', 'IBU'] as const;
export const HubunganKeluargaSchema = z.enum(HUBUNGAN_KELUARGA);
export type HubunganKeluarga = z.infer<typeof HubunganKeluargaSchema>;
export const HUBUNGAN_KELUARGA_LABELS: Record<HubunganKeluarga, string> = {
  SUAMI: 'Suami',
  ISTRI: 'Istri',
  ANAK: 'Anak',
  AYAH: 'Ayah',
  IBU: 'Ibu',
};

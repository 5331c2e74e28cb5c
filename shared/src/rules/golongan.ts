/**
 * Rank ladder (pangkat, golongan/ruang) I/a … IV/e, PP 7/1977 Appendix I and
 * PP 99/2000, with the entry grade and the regular-promotion ceiling by
 * diploma (DOMAIN-RULES §2), and the PPPK grades I … XVII.
 */
import { z } from 'zod';
import type { Pendidikan } from '../codes.ts';

export const GOLONGAN = [
  'I/a',
  'I/b',
  'I/c',
  'I/d',
  'II/a',
  'II/b',
  'II/c',
  'II/d',
  'III/a',
  'III/b',
  'III/c',
  'III/d',
  'IV/a',
  'IV/b',
  'IV/c',
  'IV/d',
  'IV/e',
] as const;
export const GolonganSchema = z.enum(GOLONGAN);
export type Golongan = z.infer<typeof GolonganSchema>;
export type KelompokGolongan = 'I' | 'II' | 'III' | 'IV';
export type Ruang = 'a' | 'b' | 'c' | 'd' | 'e';

export const PANGKAT: Record<Golongan, string> = {
  'I/a': 'Juru Muda',
  'I/b': 'Juru Muda Tingkat I',
  'I/c': 'Juru',
  'I/d': 'Juru Tingkat I',
  'II/a': 'Pengatur Muda',
  'II/b': 'Pengatur Muda Tingkat I',
  'II/c': 'Pengatur',
  'II/d': 'Pengatur Tingkat I',
  'III/a': 'Penata Muda',
  'III/b': 'Penata Muda Tingkat I',
  'III/c': 'Penata',
  'III/d': 'Penata Tingkat I',
  'IV/a': 'Pembina',
  'IV/b': 'Pembina Tingkat I',
  'IV/c': 'Pembina Utama Muda',
  'IV/d': 'Pembina Utama Madya',
  'IV/e': 'Pembina Utama',
};

export interface GolonganInfo {
  kode: Golongan;
  golongan: KelompokGolongan;
  ruang: Ruang;
  pangkat: string;
  /** 1 (I/a) … 17 (IV/e). */
  urutan: number;
}

export function isGolongan(value: string): value is Golongan {
  return (GOLONGAN as readonly string[]).includes(value);
}

/** 0 (I/a) … 16 (IV/e). */
export function golonganIndex(golongan: Golongan): number {
  return GOLONGAN.indexOf(golongan);
}

export function golonganInfo(golongan: Golongan): GolonganInfo {
  const [group, ruang] = golongan.split('/') as [KelompokGolongan, Ruang];
  return {
    kode: golongan,
    golongan: group,
    ruang,
    pangkat: PANGKAT[golongan],
    urutan: golonganIndex(golongan) + 1,
  };
}

/** Reference rows for the ladder (the ref_golongan table). */
export const GOLONGAN_INFO: readonly GolonganInfo[] = GOLONGAN.map(golonganInfo);

export function kelompokGolongan(golongan: Golongan): KelompokGolongan {
  return golonganInfo(golongan).golongan;
}

/** Negative when a is below b, 0 when equal, positive when above. */
export function compareGolongan(a: Golongan, b: Golongan): number {
  return golonganIndex(a) - golonganIndex(b);
}

/** The next grade up, or null at IV/e. */
export function nextGolongan(golongan: Golongan): Golongan | null {
  return GOLONGAN[golonganIndex(golongan) + 1] ?? null;
}

/** The grade below, or null at I/a. */
export function previousGolongan(golongan: Golongan): Golongan | null {
  const i = golonganIndex(golongan);
  return i === 0 ? null : (GOLONGAN[i - 1] ?? null);
}

/** Number of steps from `from` up to `to` (negative for a demotion). */
export function golonganSteps(from: Golongan, to: Golongan): number {
  return golonganIndex(to) - golonganIndex(from);
}

const ROMAN_GROUP: Record<string, KelompokGolongan> = {
  I: 'I',
  II: 'II',
  III: 'III',
  IV: 'IV',
  '1': 'I',
  '2': 'II',
  '3': 'III',
  '4': 'IV',
};

/**
 * Canonical grade for free input, or null: 'III/a', 'III/A', 'III a',
 * 'IIIa', 'III-a', '3/a', '3a'.
 */
export function parseGolongan(value: string): Golongan | null {
  const m = /^\s*(IV|III|II|I|[1-4])\s*[/\s.-]?\s*([A-E])\s*$/i.exec(value);
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  const group = ROMAN_GROUP[m[1].toUpperCase()];
  const code = `${group ?? ''}/${m[2].toLowerCase()}`;
  return isGolongan(code) ? code : null;
}

/** 'Penata Muda (III/a)'. */
export function formatPangkatGolongan(golongan: Golongan): string {
  return `${PANGKAT[golongan]} (${golongan})`;
}

// ---------------------------------------------------------------------------
// Entry grade and regular-KP ceiling by diploma

export interface PendidikanGolonganRule {
  pendidikan: Pendidikan;
  /** Entry grade of a new CPNS with this diploma. */
  entry: Golongan;
  /** Highest grade reachable by regular KP. */
  ceiling: Golongan;
  /** Special ceilings for a diploma subtype. */
  ceilingVariants?: Partial<Record<PendidikanVariant, Golongan>>;
  basis: string;
  note?: string;
}

/** Diploma subtypes with their own ceiling. */
export type PendidikanVariant = 'SLTP_KEJURUAN' | 'SGPLB';

const ENTRY_BASIS = 'PP 98/2000 jo PP 11/2002 (golongan awal)';
const CEILING_BASIS = 'Kep. Ka BKN 12/2002; Perban BKN 2/2025 (pangkat puncak KP reguler)';
const BASIS = `${ENTRY_BASIS}; ${CEILING_BASIS}`;

/** DOMAIN-RULES §2 (config: edit here when the regulation changes). */
export const PENDIDIKAN_GOLONGAN_RULES: Record<Pendidikan, PendidikanGolonganRule> = {
  SD: { pendidikan: 'SD', entry: 'I/a', ceiling: 'II/a', basis: BASIS },
  SMP: {
    pendidikan: 'SMP',
    entry: 'I/c',
    ceiling: 'II/c',
    ceilingVariants: { SLTP_KEJURUAN: 'II/d' },
    basis: BASIS,
  },
  SMA: { pendidikan: 'SMA', entry: 'II/a', ceiling: 'III/b', basis: BASIS },
  D1: { pendidikan: 'D1', entry: 'II/a', ceiling: 'III/b', basis: BASIS },
  D2: {
    pendidikan: 'D2',
    entry: 'II/b',
    ceiling: 'III/b',
    ceilingVariants: { SGPLB: 'III/c' },
    basis: BASIS,
  },
  D3: { pendidikan: 'D3', entry: 'II/c', ceiling: 'III/c', basis: BASIS },
  D4: { pendidikan: 'D4', entry: 'III/a', ceiling: 'III/d', basis: BASIS },
  S1: { pendidikan: 'S1', entry: 'III/a', ceiling: 'III/d', basis: BASIS },
  PROFESI: {
    pendidikan: 'PROFESI',
    entry: 'III/b',
    ceiling: 'IV/a',
    basis: BASIS,
    note: 'Profesi (dokter, apoteker) diperlakukan sebagai S2 (DOMAIN-RULES §9, perlu verifikasi).',
  },
  S2: { pendidikan: 'S2', entry: 'III/b', ceiling: 'IV/a', basis: BASIS },
  SP1: {
    pendidikan: 'SP1',
    entry: 'III/b',
    ceiling: 'IV/a',
    basis: BASIS,
    note: 'Sp-1 ≈ S2 (DOMAIN-RULES §9, perlu verifikasi).',
  },
  S3: { pendidikan: 'S3', entry: 'III/c', ceiling: 'IV/b', basis: BASIS },
  SP2: {
    pendidikan: 'SP2',
    entry: 'III/c',
    ceiling: 'IV/b',
    basis: BASIS,
    note: 'Sp-2 ≈ S3 (DOMAIN-RULES §9, perlu verifikasi).',
  },
};

/** Entry grade of a new CPNS by the diploma used to apply. */
export function entryGolongan(
  pendidikan: Pendidikan,
  rules: Record<Pendidikan, PendidikanGolonganRule> = PENDIDIKAN_GOLONGAN_RULES,
): Golongan {
  return rules[pendidikan].entry;
}

/** Highest grade reachable by regular KP with the diploma. */
export function kpRegulerCeiling(
  pendidikan: Pendidikan,
  variant?: PendidikanVariant,
  rules: Record<Pendidikan, PendidikanGolonganRule> = PENDIDIKAN_GOLONGAN_RULES,
): Golongan {
  const rule = rules[pendidikan];
  return (variant && rule.ceilingVariants?.[variant]) ?? rule.ceiling;
}

// ---------------------------------------------------------------------------
// MKG on crossing a golongan group

/** Years of MKG dropped when a promotion crosses into the group (commonly cited, unconfirmed). */
export const MKG_REDUCTION_ON_ENTERING: Partial<Record<KelompokGolongan, number>> = {
  II: 6,
  III: 5,
};

/**
 * Years of MKG dropped by a promotion from `from` to `to` (sum over the groups
 * entered: I → II 6, II → III 5, I → III 11; 0 within a group or into IV).
 */
export function mkgReductionYears(
  from: Golongan,
  to: Golongan,
  reductions: Partial<Record<KelompokGolongan, number>> = MKG_REDUCTION_ON_ENTERING,
): number {
  const groups: readonly KelompokGolongan[] = ['I', 'II', 'III', 'IV'];
  const a = groups.indexOf(kelompokGolongan(from));
  const b = groups.indexOf(kelompokGolongan(to));
  let total = 0;
  for (let i = a + 1; i <= b; i++) {
    const group = groups[i];
    total += group ? (reductions[group] ?? 0) : 0;
  }
  return total;
}

// ---------------------------------------------------------------------------
// PPPK grades (golongan I … XVII)

export const GOLONGAN_PPPK = [
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
  'XIII',
  'XIV',
  'XV',
  'XVI',
  'XVII',
] as const;
export const GolonganPppkSchema = z.enum(GOLONGAN_PPPK);
export type GolonganPppk = z.infer<typeof GolonganPppkSchema>;

export function isGolonganPppk(value: string): value is GolonganPppk {
  return (GOLONGAN_PPPK as readonly string[]).includes(value);
}

/** Canonical PPPK grade for 'IX', 'ix', ' IX ' or '9'; null otherwise. */
export function parseGolonganPppk(value: string): GolonganPppk | null {
  const v = value.trim().toUpperCase();
  if (isGolonganPppk(v)) return v;
  if (/^\d{1,2}$/.test(v)) return GOLONGAN_PPPK[Number(v) - 1] ?? null;
  return null;
}

/** 1 (I) … 17 (XVII). */
export function golonganPppkNumber(golongan: GolonganPppk): number {
  return GOLONGAN_PPPK.indexOf(golongan) + 1;
}

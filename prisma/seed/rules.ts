// The slice of DOMAIN-RULES.md the generator needs (§2 entry grades and ceilings,
// §4 KP periods, §5 BUP), kept local with the generator's own month indexes; the
// KGB rhythm and the salary table come from @simak/shared.
import { nextKgb as sharedNextKgb } from '@simak/shared';
import { REF_YM, firstOf, ym, ymOfIso } from './dates.ts';

export const GOLONGAN = [
  'I/a', 'I/b', 'I/c', 'I/d',
  'II/a', 'II/b', 'II/c', 'II/d',
  'III/a', 'III/b', 'III/c', 'III/d',
  'IV/a', 'IV/b', 'IV/c', 'IV/d', 'IV/e',
] as const;
export type Golongan = (typeof GOLONGAN)[number];

/** 1-based rank index: I/a = 1 … IV/e = 17. */
export const golIndex = (g: Golongan): number => GOLONGAN.indexOf(g) + 1;
export const golAt = (idx: number): Golongan => {
  const g = GOLONGAN[idx - 1];
  if (!g) throw new Error(`no golongan at index ${idx}`);
  return g;
};

export const G = {
  Ia: 1, Ic: 3, IIa: 5, IIb: 6, IIc: 7, IId: 8,
  IIIa: 9, IIIb: 10, IIIc: 11, IIId: 12, IVa: 13, IVb: 14, IVc: 15,
} as const;

export type Pendidikan =
  | 'SD' | 'SMP' | 'SMA' | 'D1' | 'D2' | 'D3' | 'D4' | 'S1'
  | 'PROFESI' | 'S2' | 'SP1' | 'S3' | 'SP2';

/** Entry grade and highest grade by regular KP, by diploma (PP 98/2000 jo PP 11/2002; Kep. Ka BKN 12/2002). */
const GRADES: Record<Pendidikan, [entry: number, ceiling: number]> = {
  SD: [G.Ia, G.IIa],
  SMP: [G.Ic, G.IIc],
  SMA: [G.IIa, G.IIIb],
  D1: [G.IIa, G.IIIb],
  D2: [G.IIb, G.IIIb],
  D3: [G.IIc, G.IIIc],
  D4: [G.IIIa, G.IIId],
  S1: [G.IIIa, G.IIId],
  // Profesi (dokter, apoteker) and Sp-1 count as S2; Sp-2 as S3.
  PROFESI: [G.IIIb, G.IVa],
  S2: [G.IIIb, G.IVa],
  SP1: [G.IIIb, G.IVa],
  S3: [G.IIIc, G.IVb],
  SP2: [G.IIIc, G.IVb],
};
export const entryIndex = (p: Pendidikan): number => GRADES[p][0];
export const ceilingIndex = (p: Pendidikan): number => GRADES[p][1];

/** Ordering of education levels (ref_pendidikan.urutan). */
export const EDU_RANK: Record<Pendidikan, number> = {
  SD: 1, SMP: 2, SMA: 3, D1: 4, D2: 5, D3: 6, D4: 7, S1: 8, PROFESI: 9, S2: 10, SP1: 11, S3: 12, SP2: 13,
};

/** Youngest plausible age at graduation, per level. */
export const GRAD_AGE: Record<Pendidikan, number> = {
  SD: 12, SMP: 15, SMA: 18, D1: 19, D2: 20, D3: 21, D4: 22, S1: 22, PROFESI: 24, S2: 25, SP1: 30, S3: 30, SP2: 35,
};

/** Youngest plausible age at CPNS appointment, per entry diploma. */
export const MIN_ENTRY_AGE: Record<Pendidikan, number> = {
  SD: 18, SMP: 18, SMA: 19, D1: 20, D2: 21, D3: 22, D4: 23, S1: 23, PROFESI: 26, S2: 26, SP1: 30, S3: 30, SP2: 35,
};

export type Jenjang =
  | 'PEMULA' | 'TERAMPIL' | 'MAHIR' | 'PENYELIA'
  | 'AHLI_PERTAMA' | 'AHLI_MUDA' | 'AHLI_MADYA' | 'AHLI_UTAMA';

export const JENJANG_LABEL: Record<Jenjang, string> = {
  PEMULA: 'Pemula', TERAMPIL: 'Terampil', MAHIR: 'Mahir', PENYELIA: 'Penyelia',
  AHLI_PERTAMA: 'Ahli Pertama', AHLI_MUDA: 'Ahli Muda', AHLI_MADYA: 'Ahli Madya', AHLI_UTAMA: 'Ahli Utama',
};

/** Jenjang of a JF keahlian for a rank: III/a-b Pertama, III/c-d Muda, IV/a-c Madya, IV/d-e Utama. */
export function jenjangAhli(idx: number): Jenjang | null {
  if (idx < G.IIIa) return null;
  if (idx <= G.IIIb) return 'AHLI_PERTAMA';
  if (idx <= G.IIId) return 'AHLI_MUDA';
  if (idx <= G.IVc) return 'AHLI_MADYA';
  return 'AHLI_UTAMA';
}

/** Jenjang of a JF keterampilan: II/a Pemula (where it exists), II/b-d Terampil, III/a-b Mahir, III/c-d Penyelia. */
export function jenjangTerampil(idx: number, hasPemula: boolean): Jenjang | null {
  if (idx < G.IIa) return null;
  if (idx === G.IIa) return hasPemula ? 'PEMULA' : 'TERAMPIL';
  if (idx <= G.IId) return 'TERAMPIL';
  if (idx <= G.IIIb) return 'MAHIR';
  if (idx <= G.IIId) return 'PENYELIA';
  return null;
}

/** Lowest rank the generator gives an eselon holder (KP pilihan struktural fills the gap). */
export const ESELON_MIN_GOL: Record<string, number> = {
  'II.a': G.IVb, 'II.b': G.IVa, 'III.a': G.IIId, 'III.b': G.IIIc, 'IV.a': G.IIIb, 'IV.b': G.IIIa,
};

/** BUP per DOMAIN-RULES §5 "from the employee record". */
export function bupOf(p: {
  jenisJabatan: 'STRUKTURAL' | 'FUNGSIONAL' | 'PELAKSANA';
  eselon: string | null;
  jenjang: Jenjang | null;
  rumpun: string | null;
}): number {
  if (p.jenisJabatan === 'STRUKTURAL') return p.eselon && /^(I|II)\./.test(p.eselon) ? 60 : 58;
  if (p.jenisJabatan === 'FUNGSIONAL') {
    if (p.rumpun === 'GURU') return 60;
    if (p.rumpun === 'DOSEN') return 65;
    if (p.jenjang === 'AHLI_MADYA') return 60;
    if (p.jenjang === 'AHLI_UTAMA') return 65;
  }
  return 58;
}

/** Month index of the first KP period on or after `i` (§4: Apr/Oct until 2023, bi-monthly 2024 to Sep 2025, monthly since Oct 2025). */
export function kpPeriodOnOrAfter(i: number): number {
  for (let t = i; ; t++) {
    const month = (t % 12) + 1;
    if (t < ym(2024, 1)) {
      if (month === 4 || month === 10) return t;
    } else if (t < ym(2025, 10)) {
      if (month % 2 === 0) return t;
    } else {
      return t;
    }
  }
}

/** Latest KP period on or before `i`. */
export function kpPeriodOnOrBefore(i: number): number {
  for (let t = i; t > 0; t--) if (kpPeriodOnOrAfter(t) === t) return t;
  return i;
}

/**
 * Next KGB TMT (month index) strictly after `after`, from the MKG recorded at the
 * last SK: the shared rule (DOMAIN-RULES §3: even MKG for I/a and golongan III/IV,
 * odd for I/b–II/d, first step at MKG 1 for II/a, 3 for the other odd grades),
 * then every 2 years.
 */
export function nextKgb(golIdx: number, tmtGolongan: number, mkgMonths: number, after: number = REF_YM): number {
  const r = sharedNextKgb({ golongan: golAt(golIdx), mkgTahun: Math.floor(mkgMonths / 12), mkgBulan: mkgMonths % 12, tmtBase: firstOf(tmtGolongan) });
  let tmt = ymOfIso(r.tmt);
  while (tmt <= after) tmt += 24;
  return tmt;
}

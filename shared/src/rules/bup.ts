/**
 * Retirement age (BUP, batas usia pensiun) and pension TMT, DOMAIN-RULES §5.
 * The rules are a configurable, ordered table with their legal basis.
 */
import type { Eselon, JenisJabatan, JenjangFungsional, RumpunFungsional } from '../codes.ts';
import { addMonths, addYears, diffMonths, firstOfNextMonth, type IsoDate } from './dates.ts';

/** The position facts that decide the BUP (employee record, IMPORT-FORMAT.md). */
export interface BupProfile {
  jenisJabatan: JenisJabatan | null;
  eselon?: Eselon | null;
  jenjangFungsional?: JenjangFungsional | null;
  rumpunFungsional?: RumpunFungsional | null;
  /** Professor (guru besar); only matters for a DOSEN. */
  guruBesar?: boolean;
}

/** A rule matches when every given condition holds; the first matching rule wins. */
export interface BupRule {
  id: string;
  when: {
    jenisJabatan?: readonly JenisJabatan[];
    eselon?: readonly Eselon[];
    jenjangFungsional?: readonly JenjangFungsional[];
    rumpunFungsional?: readonly RumpunFungsional[];
    guruBesar?: boolean;
  };
  bup: number;
  basis: string;
  description: string;
}

const PP_11_2017 = 'PP 11/2017 Pasal 239';
const UU_14_2005 = 'UU 14/2005 tentang Guru dan Dosen';

/** Default rules, most specific first (a special law beats the jenjang). */
export const DEFAULT_BUP_RULES: readonly BupRule[] = [
  {
    id: 'DOSEN_GURU_BESAR',
    when: { jenisJabatan: ['FUNGSIONAL'], rumpunFungsional: ['DOSEN'], guruBesar: true },
    bup: 70,
    basis: UU_14_2005,
    description: 'Dosen dengan jabatan profesor (guru besar)',
  },
  {
    id: 'DOSEN',
    when: { jenisJabatan: ['FUNGSIONAL'], rumpunFungsional: ['DOSEN'] },
    bup: 65,
    basis: UU_14_2005,
    description: 'Dosen',
  },
  {
    id: 'GURU',
    when: { jenisJabatan: ['FUNGSIONAL'], rumpunFungsional: ['GURU'] },
    bup: 60,
    basis: `${UU_14_2005} Pasal 30 ayat (4)`,
    description: 'Guru',
  },
  {
    id: 'JF_AHLI_UTAMA',
    when: { jenisJabatan: ['FUNGSIONAL'], jenjangFungsional: ['AHLI_UTAMA'] },
    bup: 65,
    basis: PP_11_2017,
    description: 'Jabatan fungsional ahli utama',
  },
  {
    id: 'JF_AHLI_MADYA',
    when: { jenisJabatan: ['FUNGSIONAL'], jenjangFungsional: ['AHLI_MADYA'] },
    bup: 60,
    basis: PP_11_2017,
    description: 'Jabatan fungsional ahli madya',
  },
  {
    id: 'JF_LAINNYA',
    when: {
      jenisJabatan: ['FUNGSIONAL'],
      jenjangFungsional: ['PEMULA', 'TERAMPIL', 'MAHIR', 'PENYELIA', 'AHLI_PERTAMA', 'AHLI_MUDA'],
    },
    bup: 58,
    basis: PP_11_2017,
    description: 'Jabatan fungsional keterampilan, ahli pertama dan ahli muda',
  },
  {
    id: 'JPT',
    when: { jenisJabatan: ['STRUKTURAL'], eselon: ['I.a', 'I.b', 'II.a', 'II.b'] },
    bup: 60,
    basis: PP_11_2017,
    description: 'Jabatan pimpinan tinggi (eselon I–II)',
  },
  {
    id: 'ADMINISTRASI',
    when: { jenisJabatan: ['STRUKTURAL', 'PELAKSANA'] },
    bup: 58,
    basis: PP_11_2017,
    description: 'Jabatan administrasi (administrator, pengawas, pelaksana)',
  },
];

/** Used when no rule matches (e.g. FUNGSIONAL without jenjang, or no jabatan). */
export const FALLBACK_BUP_RULE: BupRule = {
  id: 'DEFAULT',
  when: {},
  bup: 58,
  basis: PP_11_2017,
  description: 'Data jabatan tidak lengkap; dianggap 58 tahun',
};

export interface BupResult {
  bup: number;
  ruleId: string;
  basis: string;
  description: string;
  /** True when no rule matched and the fallback was used (flag for verification). */
  isFallback: boolean;
}

function inList<T>(list: readonly T[] | undefined, value: T | null | undefined): boolean {
  return list === undefined || (value !== null && value !== undefined && list.includes(value));
}

function matches(rule: BupRule, p: BupProfile): boolean {
  const w = rule.when;
  return (
    inList(w.jenisJabatan, p.jenisJabatan) &&
    inList(w.eselon, p.eselon) &&
    inList(w.jenjangFungsional, p.jenjangFungsional) &&
    inList(w.rumpunFungsional, p.rumpunFungsional) &&
    (w.guruBesar === undefined || w.guruBesar === (p.guruBesar ?? false))
  );
}

/** The BUP of a position: the first matching rule, else the fallback. */
export function determineBup(
  profile: BupProfile,
  rules: readonly BupRule[] = DEFAULT_BUP_RULES,
  fallback: BupRule = FALLBACK_BUP_RULE,
): BupResult {
  const rule = rules.find((r) => matches(r, profile));
  const used = rule ?? fallback;
  return {
    bup: used.bup,
    ruleId: used.id,
    basis: used.basis,
    description: used.description,
    isFallback: rule === undefined,
  };
}

/** The date on which the BUP is reached (the birthday). */
export function tanggalCapaiBup(birthDate: IsoDate, bup: number): IsoDate {
  return addYears(birthDate, bup);
}

/**
 * Pension TMT: the 1st of the month after the month in which the BUP is
 * reached (born in May → TMT 1 June).
 */
export function tmtPensiun(birthDate: IsoDate, bup: number): IsoDate {
  return firstOfNextMonth(tanggalCapaiBup(birthDate, bup));
}

/** Whole months from `from` until `to` (negative when `to` has passed). */
export function monthsUntil(from: IsoDate, to: IsoDate): number {
  return diffMonths(from, to);
}

/** BKDs commonly want the pension file about 12 months before the TMT. */
export const PENSIUN_FILE_LEAD_MONTHS = 12;

/** The day the pension file is due at BKD: TMT − lead months. */
export function pensiunFileDueDate(tmt: IsoDate, leadMonths: number = PENSIUN_FILE_LEAD_MONTHS): IsoDate {
  return addMonths(tmt, -leadMonths);
}

/** The OPD admin gets this many months, by default, between a BUP file opening by itself and its due date. */
export const PENSIUN_FILE_OPEN_AHEAD_MONTHS = 3;

/** The day a BUP file opens by itself: its due date less the months ahead (so it can be on time). */
export function pensiunFileOpensOn(due: IsoDate, aheadMonths: number = PENSIUN_FILE_OPEN_AHEAD_MONTHS): IsoDate {
  return addMonths(due, -aheadMonths);
}

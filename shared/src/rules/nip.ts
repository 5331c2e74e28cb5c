/**
 * NIP (Nomor Induk Pegawai), 18 digits: birth date (8), TMT CPNS year-month
 * (6), gender (1), sequence (3). DOMAIN-RULES §1, IMPORT-FORMAT.md rules.
 *
 * Structural problems are errors (the row is rejected); disagreements with
 * the profile are warnings for BKD verification, never silently "fixed".
 */
import type { JenisKelamin, StatusKepegawaian } from '../codes.ts';
import { appToday } from '../clock.ts';
import {
  compareDates,
  diffYears,
  formatTanggal,
  isValidDate,
  isValidYearMonth,
  parseDate,
  toYearMonth,
  yearMonthToDate,
  type IsoDate,
  type YearMonth,
} from './dates.ts';

/** The "month" in digits 13–14 of an NI PPPK (unconfirmed, DOMAIN-RULES §1). */
export const PPPK_MONTH_CODE = '21';
/** Minimum age at TMT CPNS below which a warning is raised. */
export const NIP_MIN_AGE_AT_TMT_CPNS = 18;

export type NipErrorCode = 'NIP_EMPTY' | 'NIP_FORMAT' | 'NIP_TANGGAL_LAHIR' | 'NIP_TMT_CPNS';
export type NipWarningCode =
  | 'NIP_JENIS_KELAMIN_KODE'
  | 'NIP_NOMOR_URUT_000'
  | 'NIP_TANGGAL_LAHIR_BEDA'
  | 'NIP_TMT_CPNS_BEDA'
  | 'NIP_JENIS_KELAMIN_BEDA'
  | 'TMT_CPNS_BUKAN_TANGGAL_1'
  | 'TMT_CPNS_USIA_KURANG'
  | 'TMT_CPNS_MASA_DEPAN'
  | 'NIP_PPPK_STRUKTUR';

export interface NipIssue<C extends string> {
  code: C;
  message: string;
}

/** Profile values the NIP is checked against (all optional). */
export interface NipProfile {
  statusKepegawaian?: StatusKepegawaian | null;
  tanggalLahir?: IsoDate | null;
  tmtCpns?: IsoDate | null;
  jenisKelamin?: JenisKelamin | null;
  /** Reference date for the "TMT in the future" check; default today in Asia/Jakarta. */
  asOf?: IsoDate;
}

export interface NipParseResult {
  /** No errors (warnings allowed). */
  ok: boolean;
  /** The NIP with white space removed (what should be stored). */
  nip: string;
  birthDate: IsoDate | null;
  /** 'YYYY-MM' of TMT CPNS; null for a PPPK number or an invalid value. */
  tmtCpnsMonth: YearMonth | null;
  /** Appointment year of a PPPK number (digits 9–12 when digits 13–14 are 21). */
  pppkYear: number | null;
  gender: JenisKelamin | null;
  sequence: number | null;
  /** Digits 13–14 carry the PPPK code 21 instead of a month. */
  isPppk: boolean;
  errors: NipIssue<NipErrorCode>[];
  warnings: NipIssue<NipWarningCode>[];
}

/** Removes white space (accepts the grouped display form). */
export function normalizeNip(nip: string): string {
  return nip.replace(/\s+/g, '');
}

interface DecodedNip {
  birthDigits: string;
  yearDigits: string;
  monthDigits: string;
  genderDigit: string;
  seqDigits: string;
}

function split(nip: string): DecodedNip {
  return {
    birthDigits: nip.slice(0, 8),
    yearDigits: nip.slice(8, 12),
    monthDigits: nip.slice(12, 14),
    genderDigit: nip.slice(14, 15),
    seqDigits: nip.slice(15, 18),
  };
}

function digitsToDate(yyyymmdd: string): IsoDate | null {
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  return isValidDate(iso) ? iso : null;
}

function genderFromDigit(digit: string): JenisKelamin | null {
  if (digit === '1') return 'L';
  if (digit === '2') return 'P';
  return null;
}

function emptyResult(nip: string, errors: NipIssue<NipErrorCode>[]): NipParseResult {
  return {
    ok: errors.length === 0,
    nip,
    birthDate: null,
    tmtCpnsMonth: null,
    pppkYear: null,
    gender: null,
    sequence: null,
    isPppk: false,
    errors,
    warnings: [],
  };
}

/**
 * Decodes and checks a NIP. Rules by `profile.statusKepegawaian`:
 * - PNS, CPNS or unknown: errors for not 18 digits, digits 1–8 not a date,
 *   digits 9–14 not a year-month (the PPPK code 21 is accepted only when the
 *   status is unknown); warnings for gender digit, sequence 000, mismatches
 *   with the profile, TMT CPNS not on day 1, < 18 years after birth, or in
 *   the future.
 * - PPPK: only "18 digits" is an error; a number that does not decode is a
 *   warning, and mismatches with the profile are warnings.
 * - KONTRAK: free-form id; only an empty id is an error.
 */
export function parseNip(input: string, profile: NipProfile = {}): NipParseResult {
  const nip = normalizeNip(input);
  const status = profile.statusKepegawaian ?? null;
  if (nip === '') {
    return emptyResult(nip, [{ code: 'NIP_EMPTY', message: 'NIP wajib diisi.' }]);
  }
  if (status === 'KONTRAK') return emptyResult(nip, []);
  if (!/^\d{18}$/.test(nip)) {
    return emptyResult(nip, [
      { code: 'NIP_FORMAT', message: `NIP harus terdiri dari tepat 18 digit angka (tertulis: '${input}').` },
    ]);
  }

  const d = split(nip);
  const errors: NipIssue<NipErrorCode>[] = [];
  const warnings: NipIssue<NipWarningCode>[] = [];
  const isPppk = d.monthDigits === PPPK_MONTH_CODE;
  const lenient = status === 'PPPK';

  const birthDate = digitsToDate(d.birthDigits);
  if (!birthDate) {
    const message = `Digit 1–8 NIP (${d.birthDigits}) bukan tanggal lahir yang valid (yyyymmdd).`;
    if (lenient) warnings.push({ code: 'NIP_PPPK_STRUKTUR', message });
    else errors.push({ code: 'NIP_TANGGAL_LAHIR', message });
  }

  const ym = `${d.yearDigits}-${d.monthDigits}`;
  const tmtCpnsMonth = !isPppk && isValidYearMonth(ym) ? ym : null;
  const pppkYear = isPppk && isValidYearMonth(`${d.yearDigits}-01`) ? Number(d.yearDigits) : null;
  const tmtValid = tmtCpnsMonth !== null || (pppkYear !== null && status !== 'PNS' && status !== 'CPNS');
  if (!tmtValid) {
    const message = isPppk
      ? `Digit 13–14 NIP bernilai ${PPPK_MONTH_CODE} (kode NI PPPK), tidak sesuai untuk status ${status ?? 'PNS'}.`
      : `Digit 9–14 NIP (${d.yearDigits}${d.monthDigits}) bukan tahun-bulan TMT CPNS yang valid (yyyymm).`;
    if (lenient) warnings.push({ code: 'NIP_PPPK_STRUKTUR', message });
    else errors.push({ code: 'NIP_TMT_CPNS', message });
  }

  const gender = genderFromDigit(d.genderDigit);
  if (!gender) {
    warnings.push({
      code: 'NIP_JENIS_KELAMIN_KODE',
      message: `Digit ke-15 NIP (${d.genderDigit}) seharusnya 1 (laki-laki) atau 2 (perempuan).`,
    });
  }
  const sequence = Number(d.seqDigits);
  if (sequence === 0) {
    warnings.push({ code: 'NIP_NOMOR_URUT_000', message: 'Nomor urut NIP (digit 16–18) tidak boleh 000.' });
  }

  warnings.push(...profileWarnings({ birthDate, tmtCpnsMonth, gender }, profile, status));

  return {
    ok: errors.length === 0,
    nip,
    birthDate,
    tmtCpnsMonth,
    pppkYear,
    gender,
    sequence,
    isPppk,
    errors,
    warnings,
  };
}

interface Decoded {
  birthDate: IsoDate | null;
  tmtCpnsMonth: YearMonth | null;
  gender: JenisKelamin | null;
}

const JK_TEXT: Record<JenisKelamin, string> = { L: 'laki-laki', P: 'perempuan' };

function validOrNull(date: IsoDate | null | undefined): IsoDate | null {
  return date && isValidDate(date) ? date : null;
}

/** Warnings from comparing the decoded NIP with the profile. */
function profileWarnings(
  decoded: Decoded,
  profile: NipProfile,
  status: StatusKepegawaian | null,
): NipIssue<NipWarningCode>[] {
  const warnings: NipIssue<NipWarningCode>[] = [];
  // Invalid profile dates are reported by the caller's own validation; ignore them here.
  const tanggalLahir = validOrNull(profile.tanggalLahir);
  const tmtCpns = validOrNull(profile.tmtCpns);
  const jenisKelamin = profile.jenisKelamin ?? null;

  if (decoded.birthDate && tanggalLahir && decoded.birthDate !== tanggalLahir) {
    warnings.push({
      code: 'NIP_TANGGAL_LAHIR_BEDA',
      message: `Tanggal lahir pada NIP (${formatTanggal(decoded.birthDate)}) berbeda dengan tanggal lahir di data (${formatTanggal(tanggalLahir)}).`,
    });
  }
  if (decoded.tmtCpnsMonth && tmtCpns && decoded.tmtCpnsMonth !== toYearMonth(tmtCpns)) {
    warnings.push({
      code: 'NIP_TMT_CPNS_BEDA',
      message: `Bulan TMT CPNS pada NIP (${decoded.tmtCpnsMonth}) berbeda dengan TMT CPNS di data (${formatTanggal(tmtCpns)}).`,
    });
  }
  if (decoded.gender && jenisKelamin && decoded.gender !== jenisKelamin) {
    warnings.push({
      code: 'NIP_JENIS_KELAMIN_BEDA',
      message: `Jenis kelamin pada NIP (${JK_TEXT[decoded.gender]}) berbeda dengan jenis kelamin di data (${JK_TEXT[jenisKelamin]}).`,
    });
  }
  if (status === 'PPPK') return warnings;

  if (tmtCpns && parseDate(tmtCpns).day !== 1) {
    warnings.push({
      code: 'TMT_CPNS_BUKAN_TANGGAL_1',
      message: `TMT CPNS (${formatTanggal(tmtCpns)}) seharusnya tanggal 1.`,
    });
  }
  const tmt = tmtCpns ?? (decoded.tmtCpnsMonth ? yearMonthToDate(decoded.tmtCpnsMonth) : null);
  const birth = tanggalLahir ?? decoded.birthDate;
  if (tmt && birth && diffYears(birth, tmt) < NIP_MIN_AGE_AT_TMT_CPNS) {
    warnings.push({
      code: 'TMT_CPNS_USIA_KURANG',
      message: `TMT CPNS (${formatTanggal(tmt)}) kurang dari ${NIP_MIN_AGE_AT_TMT_CPNS} tahun setelah tanggal lahir (${formatTanggal(birth)}).`,
    });
  }
  const asOf = validOrNull(profile.asOf) ?? appToday();
  if (tmt && compareDates(tmt, asOf) > 0) {
    warnings.push({
      code: 'TMT_CPNS_MASA_DEPAN',
      message: `TMT CPNS (${formatTanggal(tmt)}) berada di masa depan.`,
    });
  }
  return warnings;
}

/** '198609262015051001' → '19860926 201505 1 001'; anything else is returned trimmed. */
export function formatNip(nip: string): string {
  const n = normalizeNip(nip);
  if (!/^\d{18}$/.test(n)) return nip.trim();
  return `${n.slice(0, 8)} ${n.slice(8, 14)} ${n.slice(14, 15)} ${n.slice(15)}`;
}

export interface MakeNipInput {
  birthDate: IsoDate;
  /** TMT CPNS (a date or 'YYYY-MM'); for PPPK only its year is used. */
  tmtCpns: IsoDate | YearMonth;
  gender: JenisKelamin;
  /** Sequence 1–999; default 1. */
  seq?: number;
  /** Build an NI PPPK (digits 13–14 = 21). */
  pppk?: boolean;
}

/** Builds an 18-digit NIP (used by the demo seed). Throws on invalid input. */
export function makeNip({ birthDate, tmtCpns, gender, seq = 1, pppk = false }: MakeNipInput): string {
  if (!isValidDate(birthDate)) throw new RangeError(`Invalid birthDate: '${birthDate}'`);
  const month = isValidYearMonth(tmtCpns) ? tmtCpns : toYearMonth(tmtCpns);
  if (!Number.isInteger(seq) || seq < 1 || seq > 999) {
    throw new RangeError(`seq must be an integer 1–999, got ${seq}`);
  }
  const birth = birthDate.replace(/-/g, '');
  const [year, mm] = month.split('-');
  const tmt = `${year ?? ''}${pppk ? PPPK_MONTH_CODE : (mm ?? '')}`;
  const g = gender === 'L' ? '1' : '2';
  return `${birth}${tmt}${g}${String(seq).padStart(3, '0')}`;
}

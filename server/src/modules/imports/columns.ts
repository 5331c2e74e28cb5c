/**
 * Cell parsers for import columns: each turns a non-empty trimmed cell into a
 * typed value or an Indonesian error message. Empty cells never reach a parser
 * (empty = no value; a required column reports its own error).
 */
import {
  GOLONGAN_PPPK,
  isValidDate,
  normalizeEducation,
  normalizeEselon,
  normalizePredikat,
  parseGolongan,
  parseGolonganPppk,
  appToday,
} from '@simak/shared';

export type Parsed<T = unknown> = { ok: true; value: T } | { ok: false; error: string };
export type Parser<T = unknown> = (raw: string) => Parsed<T>;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (error: string): Parsed<never> => ({ ok: false, error });

export const MAX_TEXT = 255;

export const text =
  (max = MAX_TEXT): Parser<string> =>
  (raw) => {
    const v = raw.replace(/\s+/g, ' ').trim();
    return v.length > max ? fail(`Terlalu panjang (maksimal ${max} karakter).`) : ok(v);
  };

export const date: Parser<string> = (raw) =>
  isValidDate(raw) ? ok(raw) : fail('Tanggal tidak valid; gunakan format YYYY-MM-DD (contoh 2024-03-01).');

export const int =
  (min: number, max: number): Parser<number> =>
  (raw) => {
    const v = raw.replace(/\.0+$/, '');
    if (!/^-?\d+$/.test(v)) return fail('Harus bilangan bulat.');
    const n = Number(v);
    if (n < min || n > max) return fail(`Harus antara ${min} dan ${max}.`);
    return ok(n);
  };

export const year: Parser<number> = (raw) => {
  const max = Number(appToday().slice(0, 4)) + 1;
  const r = int(1900, max)(raw);
  return r.ok ? r : fail(`Tahun tidak valid (4 digit, 1900–${max}).`);
};

/** Decimal with '.' as the decimal point; kept as a string so PostgreSQL rounds it exactly. */
export const decimal =
  (min: number, max: number, scale: number): Parser<string> =>
  (raw) => {
    if (/^-?\d+,\d+$/.test(raw)) return fail('Gunakan titik (.) sebagai pemisah desimal.');
    if (!new RegExp(`^-?\\d+(\\.\\d{1,${scale}})?$`).test(raw)) {
      return fail(`Harus angka desimal dengan paling banyak ${scale} angka di belakang titik.`);
    }
    const n = Number(raw);
    if (n < min || n > max) return fail(`Harus antara ${min} dan ${max}.`);
    return ok(raw);
  };

/** Trims, upper-cases and turns spaces/hyphens into '_' before matching a code list. */
export const code = (raw: string) => raw.trim().toUpperCase().replace(/[\s-]+/g, '_');

export const oneOf =
  <T extends string>(list: readonly T[], aliases: Readonly<Record<string, T>> = {}): Parser<T> =>
  (raw) => {
    const c = code(raw);
    if ((list as readonly string[]).includes(c)) return ok(c as T);
    if (Object.hasOwn(aliases, c)) return ok(aliases[c] as T);
    return fail(`Nilai tidak dikenal; pilihan: ${list.join(', ')}.`);
  };

export const yesNo: Parser<boolean> = (raw) => {
  const c = code(raw);
  if (['Y', 'YA', 'YES', 'TRUE', '1'].includes(c)) return ok(true);
  if (['N', 'T', 'TIDAK', 'NO', 'FALSE', '0'].includes(c)) return ok(false);
  return fail('Isi Y atau N.');
};

export const education: Parser<string> = (raw) => {
  const v = normalizeEducation(raw);
  return v
    ? ok(v)
    : fail('Kode pendidikan tidak dikenal; pilihan: SD, SMP, SMA, D1, D2, D3, D4, S1, PROFESI, S2, SP1, S3, SP2.');
};

export const eselon: Parser<string> = (raw) => {
  const v = normalizeEselon(raw);
  return v ? ok(v) : fail('Eselon tidak dikenal; pilihan: I.a, I.b, II.a, II.b, III.a, III.b, IV.a, IV.b.');
};

export const predikat: Parser<string> = (raw) => {
  const v = normalizePredikat(raw);
  return v
    ? ok(v)
    : fail('Predikat tidak dikenal; pilihan: SANGAT_BAIK, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG (atau CUKUP, BURUK).');
};

/** A PNS/CPNS grade (I/a … IV/e) or a PPPK grade (I … XVII), as written in the file. */
export const anyGolongan: Parser<string> = (raw) => {
  const pns = parseGolongan(raw);
  if (pns) return ok(pns);
  const pppk = parseGolonganPppk(raw);
  if (pppk && !/^\d+$/.test(raw.trim())) return ok(pppk);
  return fail('Golongan tidak dikenal; gunakan I/a … IV/e (PNS/CPNS) atau I … XVII (PPPK).');
};

/** The grade for an employment status: I/a … IV/e for PNS/CPNS, I … XVII for PPPK. */
export function golonganFor(status: string | null, raw: string): Parsed<string> {
  if (status === 'PPPK') {
    const v = parseGolonganPppk(raw);
    return v ? ok(v) : fail(`Golongan PPPK harus salah satu dari ${GOLONGAN_PPPK[0]} … ${GOLONGAN_PPPK[GOLONGAN_PPPK.length - 1]}.`);
  }
  if (status === 'KONTRAK') return fail('Pegawai KONTRAK tidak memiliki golongan; kosongkan kolom ini.');
  const v = parseGolongan(raw);
  return v ? ok(v) : fail('Golongan PNS/CPNS harus salah satu dari I/a … IV/e.');
}

export const email: Parser<string> = (raw) =>
  /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw) && raw.length <= 254 ? ok(raw.toLowerCase()) : fail('Alamat e-mail tidak valid.');

export const phone: Parser<string> = (raw) => {
  const v = raw.replace(/[\s().-]/g, '');
  return /^\+?\d{6,16}$/.test(v) ? ok(v) : fail('Nomor HP tidak valid (6–16 digit, boleh diawali +).');
};

/** A reference key (kode, nip): white space removed for NIPs is up to the caller. */
export const key =
  (max = 50): Parser<string> =>
  (raw) =>
    raw.length > max ? fail(`Terlalu panjang (maksimal ${max} karakter).`) : ok(raw);

/** A NIP reference in a history file: white space removed, format checked by the referenced record. */
export const nipRef: Parser<string> = (raw) => {
  const v = raw.replace(/\s+/g, '');
  return v.length > 30 ? fail('NIP terlalu panjang.') : ok(v);
};

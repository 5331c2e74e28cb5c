/**
 * The input boundary's building blocks (issue 13): zod schemas every route composes its
 * params, query and body from, so that no value a client can send reaches the database in a
 * form PostgreSQL refuses (which would answer 500):
 *
 * - ids bounded to the int4 column range (1 … 2 147 483 647);
 * - text that refuses NUL (`\u0000`, which PostgreSQL text and jsonb reject) and lone UTF-16
 *   surrogates (which cannot be encoded as UTF-8), bounded in length;
 * - integers and decimals bounded to their columns and their domain (years, MKG months 0–11, …);
 * - dates that are real calendar days and plausible (a birth date in the past, an end not before
 *   its start, a TMT no further ahead than DATE_BOUNDS.tmtHorizonYears).
 *
 * `findUnsafeInput` walks any parsed request part (params, query, JSON body) for the same text
 * problems plus prototype-pollution keys and absurd nesting; the server runs it on every request
 * before the route's own schema.
 *
 * Messages are Bahasa Indonesia (they reach the user); `label` names the field in them.
 */
import { z } from 'zod';
import { appToday } from '../clock.ts';
import { addYears, compareDates, isValidDate, type IsoDate } from '../rules/dates.ts';

// ---------------------------------------------------------------------------
// Ranges

/** PostgreSQL `integer` (int4), the type of every id and counter column. */
export const INT4_MAX = 2_147_483_647;
export const INT4_MIN = -2_147_483_648;

/** Plausible calendar dates: nothing before 1900 or after 2200; a TMT at most this many years ahead. */
export const DATE_BOUNDS = { min: '1900-01-01', max: '2200-12-31', tmtHorizonYears: 2 } as const;
/** Plausible years (4 digits, the same window as DATE_BOUNDS). */
export const YEAR_BOUNDS = { min: 1900, max: 2200 } as const;

// ---------------------------------------------------------------------------
// Text

/** NUL, or a UTF-16 surrogate without its partner. */
// eslint-disable-next-line no-control-regex
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSAFE_TEXT_MESSAGE = 'Teks memuat karakter yang tidak diizinkan (NUL atau surrogate tunggal).';

/** True when the string has a NUL or a lone surrogate (text PostgreSQL cannot store as given). */
export function hasUnsafeText(s: string): boolean {
  return UNSAFE_TEXT.test(s);
}

/** The string with NUL and lone surrogates written as visible escapes (`\u0000`, `\ud800`), for messages and logs. */
export function escapeUnsafeText(s: string): string {
  return s.replace(new RegExp(UNSAFE_TEXT.source, 'g'), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface TextOptions {
  /** Field name in messages. */
  label?: string;
  /** Maximum length (UTF-16 units, as zod counts). */
  max: number;
  /** Minimum length after trimming (default 0; use 1 for a required field). */
  min?: number;
  /** Trim white space first (default true). */
  trim?: boolean;
}

/** A text value: trimmed, bounded, without NUL or lone surrogates. */
export function text({ label = 'Teks', max, min = 0, trim = true }: TextOptions) {
  let s = z.string({ message: `${label} harus berupa teks.` });
  if (trim) s = s.trim();
  if (min > 0) s = s.min(min, min === 1 ? `${label} wajib diisi.` : `${label} minimal ${min} karakter.`);
  return s.max(max, `${label} maksimal ${max} karakter.`).refine((v) => !hasUnsafeText(v), UNSAFE_TEXT_MESSAGE);
}

// ---------------------------------------------------------------------------
// Numbers

/** An id in a JSON body: a whole number 1 … INT4_MAX. */
export function id(label = 'ID') {
  return z
    .number({ message: `${label} harus berupa angka.` })
    .int(`${label} harus berupa bilangan bulat.`)
    .min(1, `${label} harus lebih dari 0.`)
    .max(INT4_MAX, `${label} terlalu besar.`);
}

/** An id in a path or query string ("12"): coerced, then bounded like `id`. */
export function idParam(label = 'ID') {
  return z.coerce
    .number({ message: `${label} harus berupa angka.` })
    .int(`${label} harus berupa bilangan bulat.`)
    .min(1, `${label} harus lebih dari 0.`)
    .max(INT4_MAX, `${label} terlalu besar.`);
}

/** A whole number min … max in a JSON body. */
export function int(min: number, max: number, label = 'Nilai') {
  return z
    .number({ message: `${label} harus berupa angka.` })
    .int(`${label} harus berupa bilangan bulat.`)
    .min(min, `${label} minimal ${min}.`)
    .max(max, `${label} maksimal ${max}.`);
}

/** A whole number min … max in a path or query string. */
export function intParam(min: number, max: number, label = 'Nilai') {
  return z.coerce
    .number({ message: `${label} harus berupa angka.` })
    .int(`${label} harus berupa bilangan bulat.`)
    .min(min, `${label} minimal ${min}.`)
    .max(max, `${label} maksimal ${max}.`);
}

/** A finite number min … max (decimal columns: keep max inside the column's precision). */
export function decimal(min: number, max: number, label = 'Nilai') {
  return z
    .number({ message: `${label} harus berupa angka.` })
    .finite(`${label} harus berupa angka.`)
    .min(min, `${label} minimal ${min}.`)
    .max(max, `${label} maksimal ${max}.`);
}

/** A year in a JSON body (default 1900–2200; pass tighter bounds where the domain says). */
export function year(min: number = YEAR_BOUNDS.min, max: number = YEAR_BOUNDS.max, label = 'Tahun') {
  return int(min, max, label);
}

/** A year in a path or query string. */
export function yearParam(min: number = YEAR_BOUNDS.min, max: number = YEAR_BOUNDS.max, label = 'Tahun') {
  return intParam(min, max, label);
}

/** Masa kerja golongan: years 0–60 and months 0–11. */
export const mkgTahun = (label = 'MKG (tahun)') => int(0, 60, label);
export const mkgBulan = (label = 'MKG (bulan)') => int(0, 11, label);

/** `page` of a paged list (query). */
export const pageParam = () => intParam(1, 100_000, 'Halaman').default(1);
/** `pageSize` of a paged list (query). */
export const pageSizeParam = (max: number, fallback: number) => intParam(1, max, 'Ukuran halaman').default(fallback);

// ---------------------------------------------------------------------------
// Dates

type DateBound = IsoDate | (() => IsoDate);

let readingStored = 0;

/**
 * Parses data stored earlier (a request's payload): the bounds read from the clock ("not after
 * today", the TMT horizon) judged the data when it was written and are not judged again, so a
 * reader whose today is behind the writer's (a fixed APP_TODAY, another process) still reads it.
 * The structural rules (real dates, plausible window, lengths, safe text) still apply.
 */
export function parseStored<T>(parse: () => T): T {
  readingStored++;
  try {
    return parse();
  } finally {
    readingStored--;
  }
}

/** False inside parseStored: rules relative to today are skipped there. */
export const clockBoundsApply = () => readingStored === 0;

const boundOf = (b: DateBound, stored: IsoDate) => (typeof b === 'function' ? (readingStored ? stored : b()) : b);

export interface DateOptions {
  label?: string;
  /** Earliest allowed day (default DATE_BOUNDS.min); a function is read at validation time (the clock). */
  min?: DateBound;
  /** Latest allowed day (default DATE_BOUNDS.max). */
  max?: DateBound;
  /** Message when the day is after `max`. */
  maxMessage?: string;
}

/** A real calendar day 'YYYY-MM-DD' inside a plausible window. */
export function isoDate({ label = 'Tanggal', min = DATE_BOUNDS.min, max = DATE_BOUNDS.max, maxMessage }: DateOptions = {}) {
  return z
    .string({ message: `${label} harus berupa tanggal.` })
    .refine(isValidDate, `${label} harus tanggal yang ada, berformat YYYY-MM-DD.`)
    .superRefine((v, ctx) => {
      if (!isValidDate(v)) return;
      const lo = boundOf(min, DATE_BOUNDS.min);
      const hi = boundOf(max, DATE_BOUNDS.max);
      if (compareDates(v, lo) < 0) ctx.addIssue({ code: 'custom', message: `${label} tidak boleh sebelum ${lo}.` });
      else if (compareDates(v, hi) > 0) ctx.addIssue({ code: 'custom', message: maxMessage ?? `${label} tidak boleh setelah ${hi}.` });
    });
}

/** A day that has happened: a birth, a marriage, a certificate (not after today). */
export function pastDate(label = 'Tanggal') {
  return isoDate({ label, max: () => appToday(), maxMessage: `${label} tidak boleh di masa depan.` });
}

/** The latest TMT accepted today: today plus DATE_BOUNDS.tmtHorizonYears. */
export const tmtHorizon = (): IsoDate => addYears(appToday(), DATE_BOUNDS.tmtHorizonYears);

/** A TMT or decree date: a real day, at most DATE_BOUNDS.tmtHorizonYears years ahead. */
export function tmtDate(label = 'TMT') {
  return isoDate({ label, max: tmtHorizon, maxMessage: `${label} paling jauh ${DATE_BOUNDS.tmtHorizonYears} tahun ke depan.` });
}

/**
 * Cross-field rule for an object schema: `end` must not be before `start` (when both are real dates).
 * Use with `.superRefine(endNotBefore('tanggalMulai', 'tanggalSelesai', 'Tanggal selesai'))`.
 */
export function endNotBefore<K extends string>(start: K, end: K, endLabel = 'Tanggal selesai') {
  return (value: Partial<Record<K, unknown>>, ctx: z.RefinementCtx) => {
    const a = value[start];
    const b = value[end];
    if (typeof a === 'string' && typeof b === 'string' && isValidDate(a) && isValidDate(b) && compareDates(b, a) < 0) {
      ctx.addIssue({ code: 'custom', path: [end], message: `${endLabel} tidak boleh sebelum tanggal mulai.` });
    }
  };
}

// ---------------------------------------------------------------------------
// Whole request parts

export type UnsafeReason = 'unsafe_text' | 'forbidden_key' | 'too_deep';

export interface UnsafeInput {
  path: (string | number)[];
  reason: UnsafeReason;
  message: string;
}

/** Object keys that only ever serve prototype pollution. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
/** No request of this API nests deeper than a few levels; deeper input is refused. */
export const MAX_INPUT_DEPTH = 16;

const MESSAGES: Record<UnsafeReason, string> = {
  unsafe_text: UNSAFE_TEXT_MESSAGE,
  forbidden_key: 'Nama field tidak diizinkan.',
  too_deep: `Data bersarang terlalu dalam (maksimal ${MAX_INPUT_DEPTH} tingkat).`,
};

/**
 * Every place in a parsed request part (strings and object keys, at any depth) that no route may
 * accept: NUL or lone surrogates, prototype-pollution keys, nesting deeper than MAX_INPUT_DEPTH.
 * Iterative (no recursion, whatever the input), stops after `limit` findings.
 */
export function findUnsafeInput(value: unknown, limit = 20): UnsafeInput[] {
  // Each entry links to its parent; a path is only built for a finding (no copying per value).
  interface Entry {
    value: unknown;
    key: string | number;
    parent: Entry | null;
    depth: number;
  }
  const pathOf = (e: Entry, last?: string): (string | number)[] => {
    const path: (string | number)[] = last === undefined ? [] : [last];
    for (let x: Entry | null = e; x && x.parent; x = x.parent) path.unshift(x.key);
    return path;
  };
  const found: UnsafeInput[] = [];
  const add = (path: (string | number)[], reason: UnsafeReason) => found.push({ path, reason, message: MESSAGES[reason] });
  const stack: Entry[] = [{ value, key: '', parent: null, depth: 0 }];
  while (stack.length && found.length < limit) {
    const entry = stack.pop()!;
    const v = entry.value;
    if (typeof v === 'string') {
      if (hasUnsafeText(v)) add(pathOf(entry), 'unsafe_text');
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (entry.depth >= MAX_INPUT_DEPTH) {
      add(pathOf(entry), 'too_deep');
      continue;
    }
    const child = (key: string | number, value: unknown): Entry => ({ value, key, parent: entry, depth: entry.depth + 1 });
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(child(i, v[i]));
      continue;
    }
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      if (hasUnsafeText(key)) add(pathOf(entry, escapeUnsafeText(key)), 'unsafe_text');
      else if (FORBIDDEN_KEYS.has(key)) add(pathOf(entry, key), 'forbidden_key');
      else stack.push(child(key, (v as Record<string, unknown>)[key]));
    }
  }
  return found;
}

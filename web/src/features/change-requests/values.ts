/** Conversions between stored values (FieldValue), form state and the request body. */
import type { FieldSpec, FieldValue } from '@simak/shared/api/change-requests';
import { BULAN, BULAN_SINGKAT, isValidDateParts, toIsoDate } from '@simak/shared/rules/dates';

/** What an input holds: text as string, numbers as number | '' , dates/enums as string | null, bools as boolean. */
export type FormValue = string | number | boolean | null;
export type FormValues = Record<string, FormValue>;

export function toFormValue(field: FieldSpec, value: FieldValue | undefined): FormValue {
  switch (field.type) {
    case 'text':
      return value === null || value === undefined ? '' : String(value);
    case 'int':
    case 'decimal':
      return typeof value === 'number' ? value : value === null || value === undefined || value === '' ? '' : Number(value);
    case 'bool':
      return value === true;
    default:
      return value === null || value === undefined || value === '' ? null : String(value);
  }
}

/** The value sent to the server: empty → null, text trimmed. */
export function fromFormValue(field: FieldSpec, value: FormValue): FieldValue {
  switch (field.type) {
    case 'text': {
      const s = typeof value === 'string' ? value.trim() : '';
      return s === '' ? null : s;
    }
    case 'int':
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value) ? value : null;
    case 'bool':
      return value === true;
    default:
      return typeof value === 'string' && value !== '' ? value : null;
  }
}

export function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  return (a ?? null) === (b ?? null);
}

export function initialFormValues(fields: FieldSpec[], values: Record<string, FieldValue | undefined>): FormValues {
  return Object.fromEntries(fields.map((f) => [f.key, toFormValue(f, values[f.key])]));
}

const MONTHS: Record<string, number> = {};
BULAN.forEach((name, i) => (MONTHS[name.toLowerCase()] = i + 1));
BULAN_SINGKAT.forEach((name, i) => (MONTHS[name.toLowerCase()] = i + 1));
Object.assign(MONTHS, { agt: 8, agust: 8, peb: 2, pebruari: 2, nop: 11, nopember: 11, may: 5, aug: 8, oct: 10, dec: 12 });

/**
 * Parses what people type in a date field: `2026-11-30`, `30/11/2026`, `30-11-2026`,
 * `30.11.2026` or `30 November 2026` (Indonesian month names, full or short).
 * Returns `YYYY-MM-DD` or null.
 */
export function parseDateInput(input: string): string | null {
  const s = input.trim().toLowerCase();
  if (!s) return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return checked(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS[m[2]!];
    return month ? checked(Number(m[3]), month, Number(m[1])) : null;
  }
  return null;
}

function checked(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || !isValidDateParts(year, month, day)) return null;
  return toIsoDate(year, month, day);
}

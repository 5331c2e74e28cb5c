/**
 * Calendar-date helpers. Dates are ISO strings 'YYYY-MM-DD' with no time and
 * no time zone; months are 'YYYY-MM'. All arithmetic is on calendar fields,
 * so nothing here depends on the machine's time zone.
 */
import { z } from 'zod';

/** A calendar date 'YYYY-MM-DD'. */
export type IsoDate = string;
/** A calendar month 'YYYY-MM'. */
export type YearMonth = string;

export interface DateParts {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_MONTH_RE = /^(\d{4})-(\d{2})$/;

export const BULAN = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

export const BULAN_SINGKAT = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Mei',
  'Jun',
  'Jul',
  'Agu',
  'Sep',
  'Okt',
  'Nov',
  'Des',
] as const;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real calendar day between years 1000 and 9999. */
export function isValidDateParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1000 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Parses 'YYYY-MM-DD' into parts, or null when it is not a real calendar date. */
export function tryParseDate(value: string): DateParts | null {
  const m = ISO_DATE_RE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isValidDateParts(year, month, day) ? { year, month, day } : null;
}

/** True when the value is a real calendar date written 'YYYY-MM-DD'. */
export function isValidDate(value: string): boolean {
  return tryParseDate(value) !== null;
}

/** Parses 'YYYY-MM-DD'; throws a RangeError on anything else. */
export function parseDate(value: string): DateParts {
  const parts = tryParseDate(value);
  if (!parts) throw new RangeError(`Invalid date: '${value}' (expected YYYY-MM-DD)`);
  return parts;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Builds 'YYYY-MM-DD'; throws a RangeError when the parts are not a real date. */
export function toIsoDate(year: number, month: number, day: number): IsoDate {
  if (!isValidDateParts(year, month, day)) {
    throw new RangeError(`Invalid date parts: ${year}-${month}-${day}`);
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** True when the value is a real month written 'YYYY-MM'. */
export function isValidYearMonth(value: string): boolean {
  const m = YEAR_MONTH_RE.exec(value);
  if (!m) return false;
  return isValidDateParts(Number(m[1]), Number(m[2]), 1);
}

/** The month 'YYYY-MM' of a date. */
export function toYearMonth(date: IsoDate): YearMonth {
  const { year, month } = parseDate(date);
  return `${pad(year, 4)}-${pad(month, 2)}`;
}

/** The first day of a month 'YYYY-MM'. */
export function yearMonthToDate(value: YearMonth): IsoDate {
  if (!isValidYearMonth(value)) throw new RangeError(`Invalid month: '${value}' (expected YYYY-MM)`);
  return `${value}-01`;
}

/** -1, 0 or 1 (valid ISO dates compare correctly as strings). */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  parseDate(a);
  parseDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) <= 0 ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/**
 * Adds calendar months. A day that does not exist in the target month is
 * clamped to its last day ('2024-01-31' + 1 month = '2024-02-29').
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`months must be an integer, got ${months}`);
  const { year, month, day } = parseDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return toIsoDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Adds calendar years; 29 February becomes 28 February in a common year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  if (!Number.isInteger(years)) throw new RangeError(`years must be an integer, got ${years}`);
  return addMonths(date, years * 12);
}

const MS_PER_DAY = 86_400_000;

function toEpochDay(date: IsoDate): number {
  const { year, month, day } = parseDate(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function fromEpochDay(epochDay: number): IsoDate {
  const d = new Date(epochDay * MS_PER_DAY);
  return toIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  return fromEpochDay(toEpochDay(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function diffDays(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

export function firstOfMonth(date: IsoDate): IsoDate {
  const { year, month } = parseDate(date);
  return toIsoDate(year, month, 1);
}

export function lastOfMonth(date: IsoDate): IsoDate {
  const { year, month } = parseDate(date);
  return toIsoDate(year, month, daysInMonth(year, month));
}

/** The 1st of the month after the date's month ('2026-05-01' → '2026-06-01'). */
export function firstOfNextMonth(date: IsoDate): IsoDate {
  return addMonths(firstOfMonth(date), 1);
}

/** The date itself when it is a 1st, otherwise the 1st of the next month. */
export function firstOfMonthOnOrAfter(date: IsoDate): IsoDate {
  return parseDate(date).day === 1 ? date : firstOfNextMonth(date);
}

export function isFirstOfMonth(date: IsoDate): boolean {
  return parseDate(date).day === 1;
}

/**
 * Whole months completed from `from` to `to`, counting by calendar fields
 * (a month is complete when the day of month is reached again):
 * '2024-01-15' → '2024-02-14' is 0, → '2024-02-15' is 1. Negative when `to`
 * is earlier: diffMonths(a, b) === -diffMonths(b, a).
 */
export function diffMonths(from: IsoDate, to: IsoDate): number {
  if (compareDates(to, from) < 0) return -diffMonths(to, from);
  const a = parseDate(from);
  const b = parseDate(to);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (b.day < a.day) months -= 1;
  return months;
}

/** Whole years completed from `from` to `to` (an age: birth date → date). */
export function diffYears(from: IsoDate, to: IsoDate): number {
  return Math.trunc(diffMonths(from, to) / 12);
}

/** Whole years and remaining whole months from `from` to `to` (to ≥ from). */
export function diffYearsMonths(from: IsoDate, to: IsoDate): { years: number; months: number } {
  const total = diffMonths(from, to);
  if (total < 0) throw new RangeError(`'${to}' is before '${from}'`);
  return { years: Math.floor(total / 12), months: total % 12 };
}

/** '30 November 2026'. */
export function formatTanggal(date: IsoDate): string {
  const { year, month, day } = parseDate(date);
  return `${day} ${BULAN[month - 1] ?? ''} ${year}`;
}

/** '30 Nov 2026'. */
export function formatTanggalSingkat(date: IsoDate): string {
  const { year, month, day } = parseDate(date);
  return `${day} ${BULAN_SINGKAT[month - 1] ?? ''} ${year}`;
}

/** 'November 2026' for a 'YYYY-MM' month or a full date. */
export function formatBulanTahun(value: YearMonth | IsoDate): string {
  const date = isValidYearMonth(value) ? yearMonthToDate(value) : value;
  const { year, month } = parseDate(date);
  return `${BULAN[month - 1] ?? ''} ${year}`;
}

/** The UTC calendar date of a JS Date (how a Postgres DATE arrives from Prisma). */
export function dateToIso(value: Date): IsoDate {
  if (Number.isNaN(value.getTime())) throw new RangeError('Invalid Date');
  return toIsoDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
}

/** A JS Date at 00:00 UTC of the calendar date (how Prisma expects a DATE). */
export function isoToDate(date: IsoDate): Date {
  const { year, month, day } = parseDate(date);
  return new Date(Date.UTC(year, month - 1, day));
}

/** Asia/Jakarta is UTC+7 all year (no daylight saving time). */
const JAKARTA_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * The calendar date in Asia/Jakarta (WIB) at the given instant. For "today" use
 * `appToday()` (clock.ts), which honours the platform's clock.
 */
export function todayJakarta(now: Date): IsoDate {
  return dateToIso(new Date(now.getTime() + JAKARTA_OFFSET_MS));
}

/** Zod schema for a real calendar date 'YYYY-MM-DD'. */
export const IsoDateSchema = z
  .string()
  .refine(isValidDate, { message: 'Tanggal tidak valid (format YYYY-MM-DD).' });

/** Zod schema for a real month 'YYYY-MM'. */
export const YearMonthSchema = z
  .string()
  .refine(isValidYearMonth, { message: 'Bulan tidak valid (format YYYY-MM).' });

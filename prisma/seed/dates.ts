// Month arithmetic for the generator. A "month index" is y*12 + (m-1); most
// personnel dates (TMT) fall on the 1st of a month, so they are month indexes.

/** The generator's "today": all ages, due dates and tenures are relative to it, never the clock. */
export const REF_DATE = '2026-11-30';
export const REF_YEAR = 2026;
export const REF_MONTH = 11;
export const REF_DAY = 30;

export const ym = (y: number, m: number): number => y * 12 + (m - 1);
export const REF_YM = ym(REF_YEAR, REF_MONTH);

export const yearOf = (i: number): number => Math.floor(i / 12);
export const monthOf = (i: number): number => (i % 12) + 1;

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function isoDate(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

const firstOfCache: string[] = [];

/** ISO date of the 1st of the month index. */
export function firstOf(i: number): string {
  return (firstOfCache[i] ??= isoDate(yearOf(i), monthOf(i), 1));
}

/** yyyymm of a month index (NIP digits 9-14). */
export function yyyymm(i: number): string {
  return `${pad(yearOf(i), 4)}${pad(monthOf(i))}`;
}

/** A calendar day. */
export interface Day {
  y: number;
  m: number;
  d: number;
}

export const dayIso = (x: Day): string => isoDate(x.y, x.m, x.d);
export const dayYm = (x: Day): number => ym(x.y, x.m);
export const dayCompact = (x: Day): string => `${pad(x.y, 4)}${pad(x.m)}${pad(x.d)}`;

/** The first month index whose 1st is on or after the given day. */
export function monthOnOrAfter(x: Day): number {
  return x.d === 1 ? dayYm(x) : dayYm(x) + 1;
}

// ---------------------------------------------------------------------------
// Day numbers (days since 1970-01-01, UTC), for dates that are not a 1st.

const MS_PER_DAY = 86_400_000;

export const dayNum = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / MS_PER_DAY;

/** Day number of the 1st of a month index. */
export const dayNumOfMonth = (i: number): number => dayNum(yearOf(i), monthOf(i), 1);

export function dayOfNum(n: number): Day {
  const t = new Date(n * MS_PER_DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** ISO strings of day numbers from 1900 on, built once each (the generator formats millions of dates). */
const ISO_BASE = -25567; // 1900-01-01
const isoCache: string[] = [];

export function isoOfNum(n: number): string {
  const k = n - ISO_BASE;
  if (k < 0) return dayIso(dayOfNum(n));
  return (isoCache[k] ??= dayIso(dayOfNum(n)));
}

/** Day number of an ISO date 'YYYY-MM-DD'. */
export const numOfIso = (iso: string): number => dayNum(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));

/** Month index of an ISO date. */
export const ymOfIso = (iso: string): number => ym(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)));

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (n: number): number => (((n + 4) % 7) + 7) % 7;

export const REF_DAYNUM = dayNum(REF_YEAR, REF_MONTH, REF_DAY);

/** The day itself on Monday–Friday, else the following Monday. */
export function workdayOnOrAfter(n: number): number {
  const wd = weekdayOf(n);
  return wd === 6 ? n + 2 : wd === 0 ? n + 1 : n;
}

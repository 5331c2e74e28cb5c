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

/** ISO date of the 1st of the month index. */
export function firstOf(i: number): string {
  return isoDate(yearOf(i), monthOf(i), 1);
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

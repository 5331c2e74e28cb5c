import dayjs from 'dayjs';
import 'dayjs/locale/id';

dayjs.locale('id');

export type DateInput = string | number | Date | null | undefined;

/** Shown in place of a missing or unparseable value. */
export const EMPTY_VALUE = '—';

/** `YYYY-MM-DD`, optionally serialized as UTC midnight (how date-only DB columns arrive). */
const DATE_ONLY = /^(\d{4}-\d{2}-\d{2})(?:T00:00:00(?:\.0+)?Z)?$/;

function toDayjs(value: DateInput, dateOnly: boolean): dayjs.Dayjs | null {
  if (value === null || value === undefined || value === '') return null;
  if (dateOnly && typeof value === 'string') {
    // Take the calendar date literally so it never shifts with the browser time zone.
    const match = DATE_ONLY.exec(value);
    if (match?.[1]) {
      const d = dayjs(match[1]);
      return d.isValid() ? d : null;
    }
  }
  const d = dayjs(value);
  return d.isValid() ? d : null;
}

/** Indonesian long date, e.g. `30 November 2026`. */
export function formatDate(value: DateInput): string {
  return toDayjs(value, true)?.locale('id').format('D MMMM YYYY') ?? EMPTY_VALUE;
}

/** Indonesian short date, e.g. `30 Nov 2026`. */
export function formatDateShort(value: DateInput): string {
  return toDayjs(value, true)?.locale('id').format('D MMM YYYY') ?? EMPTY_VALUE;
}

/** Indonesian date and local time, e.g. `30 November 2026 14.05`. */
export function formatDateTime(value: DateInput): string {
  return toDayjs(value, false)?.locale('id').format('D MMMM YYYY HH.mm') ?? EMPTY_VALUE;
}

const numberFormat = new Intl.NumberFormat('id-ID');

/** Indonesian number grouping, e.g. `12.345`. */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

import dayjs from 'dayjs';
import 'dayjs/locale/id';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('id');

/** The agency's time zone: times are shown in WIB whatever the browser's zone. */
export const AGENCY_TZ = 'Asia/Jakarta';

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

/** Indonesian date and time in WIB, e.g. `30 November 2026 14.05 WIB`. */
export function formatDateTime(value: DateInput): string {
  const d = toDayjs(value, false);
  return d ? `${d.tz(AGENCY_TZ).locale('id').format('D MMMM YYYY HH.mm')} WIB` : EMPTY_VALUE;
}

/** Indonesian long date of an instant, in WIB whatever the browser's zone, e.g. `30 November 2026`. */
export function formatDateWib(value: DateInput): string {
  const d = toDayjs(value, false);
  return d ? d.tz(AGENCY_TZ).locale('id').format('D MMMM YYYY') : EMPTY_VALUE;
}

const numberFormat = new Intl.NumberFormat('id-ID');

/** Indonesian number grouping, e.g. `12.345`. */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** Rupiah with Indonesian grouping, e.g. `Rp 3.154.400`. */
export function formatMoney(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY_VALUE;
  return `Rp ${numberFormat.format(value)}`;
}

const decimalFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });

/** Decimal with Indonesian separators, e.g. `87,5`. */
export function formatDecimal(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY_VALUE;
  return decimalFormat.format(value);
}

/** File size, e.g. `512 KB`, `1,2 MB`. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return EMPTY_VALUE;
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${decimalFormat.format(Math.round(bytes / 102.4) / 10)} KB`;
  return `${decimalFormat.format(Math.round(bytes / (1024 * 102.4)) / 10)} MB`;
}

/** NIP grouped as on official documents: `19860926 201505 1 001` (other identifiers unchanged). */
export function formatNip(nip: string | null | undefined): string {
  if (!nip) return EMPTY_VALUE;
  const digits = nip.replace(/\s+/g, '');
  if (!/^\d{18}$/.test(digits)) return nip;
  return `${digits.slice(0, 8)} ${digits.slice(8, 14)} ${digits.slice(14, 15)} ${digits.slice(15)}`;
}

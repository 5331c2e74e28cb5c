import { formatDate } from '../../i18n/format';
import type { RequestRow } from './types';

/** Types whose server-made titles carry ISO dates (e.g. "KGB TMT 2027-01-01 — …"). */
const DATED_TITLES = new Set(['KGB']);

/** The request title as shown: ISO dates of generated titles in Indonesian ("1 Januari 2027"). */
export function displayTitle(row: Pick<RequestRow, 'type' | 'title'>): string {
  if (!DATED_TITLES.has(row.type)) return row.title;
  return row.title.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => formatDate(iso));
}

import { EMPTY_VALUE } from '../../i18n/format';

const indexFormat = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** An index or percentage for display: always 2 decimals with the Indonesian comma, e.g. `73,33`. */
export function formatIndex(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY_VALUE;
  return indexFormat.format(value);
}

/** Capaian as a percentage, e.g. `104,76%`. */
export function formatPercent(value: number | null | undefined): string {
  const text = formatIndex(value);
  return text === EMPTY_VALUE ? text : `${text}%`;
}

/**
 * The server's formula with numbers (dot decimals, unrounded) made readable: decimals
 * rounded to 2 places with a comma, and ` = result` appended.
 */
export function formatFormula(formula: string, result?: number | null): string {
  const body = formula.replace(/\d+\.\d+/g, (n) => indexFormat.format(Number(n)));
  if (result === undefined) return body;
  return `${body} = ${formatIndex(result)}`;
}

/** Indonesian formatting for printed documents (letters, reports). Pure. */
import { formatNip, formatTanggal } from '@simak/shared';

export { formatTanggal };

/** Rupiah with Indonesian grouping (`Rp 3.287.000`); '-' when unknown. */
export const rupiah = (n: number | null | undefined) => (n == null ? '-' : `Rp ${n.toLocaleString('id-ID').replace(/,/g, '.')}`);

/** A number with Indonesian separators and fixed decimals (`73,33`); '—' when unknown. */
export const angka = (v: number | null | undefined, digits = 2) =>
  v == null ? '—' : v.toLocaleString('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** An 18-digit NIP grouped as printed on SKs (`19940517 201901 2 001`); anything else as given. */
export const nipText = (nip: string) => (nip.length === 18 ? formatNip(nip) : nip);

/** The standard PDF fonts (WinAnsi) have no U+2212 minus, Σ or ≥: printable equivalents. */
export const pdfText = (s: string) => s.replace(/−/g, '-').replace(/Σ ?/g, 'Jumlah ').replace(/≥/g, '>=');

/** A whole number with Indonesian grouping (`7.000`); '—' when unknown. */
export const bilangan = (v: number | null | undefined) => (v == null ? '—' : v.toLocaleString('id-ID', { maximumFractionDigits: 0 }));

/**
 * The numbers of a formula written with Indonesian separators (`8520.5 / (100 × 7000)` →
 * `8.520,5 / (100 × 7.000)`), at most 4 decimals; the rest of the text unchanged.
 */
export const angkaDalamTeks = (s: string) =>
  s.replace(/(?<![\w.,])\d+(?:\.\d+)?(?![\w])/g, (m) => Number(m).toLocaleString('id-ID', { maximumFractionDigits: 4 }));

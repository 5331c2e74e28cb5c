/** Letter numbers, tokens and URLs (pure). */

/** Fills a number pattern: `{seq}` zero-padded to 4 digits, `{year}`. */
export function formatLetterNumber(pattern: string, seq: number, year: number): string {
  return pattern.replaceAll('{seq}', String(seq).padStart(4, '0')).replaceAll('{year}', String(year));
}

/** Tokens are 22 base64url characters (16 random bytes); anything outside this shape is unknown. */
export const LETTER_TOKEN = /^[\w-]{10,64}$/;

/** The public page of a letter (printed under its QR code as `${PUBLIC_URL}` + this path). */
export const letterVerifyPath = (token: string) => `/verifikasi/surat/${token}`;
export const letterVerifyUrl = (publicUrl: string, token: string) => `${publicUrl.replace(/\/$/, '')}${letterVerifyPath(token)}`;

/**
 * Masked NIP for the public verification page: only the last 4 characters (sex digit and
 * sequence of an 18-digit NIP), enough to match the paper; never the birth date (digits
 * 1–8) nor the CPNS month. Any other id (PPPK, KONTRAK) is masked the same way.
 */
export const maskNip = (nip: string) => (nip.length > 4 ? `${'*'.repeat(nip.length - 4)}${nip.slice(-4)}` : '*'.repeat(nip.length));

/**
 * A stored letter as the request pages and self-service cards show it: number, date, fingerprint,
 * whether the PDF is rendered, and its routes (the document routes check the reader's rights).
 */
export function presentLetter(letter: { id: number; number: string; date: Date; sha256: string | null; documentId: number | null; token: string }) {
  return {
    id: letter.id,
    number: letter.number,
    date: letter.date.toISOString().slice(0, 10),
    sha256: letter.sha256,
    ready: !!letter.documentId,
    downloadUrl: letter.documentId ? `/api/documents/${letter.documentId}/download` : null,
    viewUrl: letter.documentId ? `/api/documents/${letter.documentId}/view` : null,
    verifyUrl: letterVerifyPath(letter.token),
  };
}

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

/** Half-masked NIP: enough to match the paper, not a public directory. */
export const maskNip = (nip: string) => (nip.length === 18 ? `${nip.slice(0, 8)}******${nip.slice(14)}` : nip);

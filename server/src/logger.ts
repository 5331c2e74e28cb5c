import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Personal data and secrets that must never reach a log line, at the top level or nested up to three levels. */
const SENSITIVE_KEYS = [
  'password',
  'currentPassword',
  'newPassword',
  'passwordHash',
  'token',
  'csrfToken',
  'nik',
  'npwp',
  'alamat',
  'address',
  'noHp',
  'no_hp',
  'tanggalLahir',
  'tanggal_lahir',
  'tempatLahir',
  'tempat_lahir',
  'email',
];

export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  ...SENSITIVE_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `*.*.*.${k}`]),
];

/**
 * A request's URL for the log: the path, and the query's parameter names with their values masked
 * (searches carry names, NIPs and NIKs).
 */
export function logUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const names = [...new URLSearchParams(url.slice(q + 1)).keys()];
  return `${url.slice(0, q)}${names.length ? `?${names.map((n) => `${encodeURIComponent(n)}=*`).join('&')}` : ''}`;
}

/**
 * JSON logs on stdout, written asynchronously (sonic-boom): a request never waits for its log
 * line to reach the terminal or the log collector; pino flushes what is left when the process exits.
 * Tests may pass their own destination.
 */
export function createLogger(level: string, name = 'simak', destination?: DestinationStream): Logger {
  const options = { name, level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  return pino(options, destination ?? pino.destination({ dest: 1, sync: false }));
}

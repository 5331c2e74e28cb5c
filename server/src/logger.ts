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

export function createLogger(level: string, name = 'simak', destination?: DestinationStream): Logger {
  const options = { name, level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}

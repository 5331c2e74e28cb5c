/**
 * One error model: every error leaves the API as
 *   { error: { code, message, details } }  with the right HTTP status.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { STATUS_CODES, type Server } from 'node:http';
import { ZodError } from 'zod';

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
    /** Unexpected errors are logged at error level; expected ones are not. */
    readonly isReportable = false,
  ) {
    super(message);
  }
}

export const BadRequest = (code: string, message: string, details?: unknown) => new AppError(400, code, message, details);
export const Unauthorized = (message = 'Anda harus masuk terlebih dahulu.') => new AppError(401, 'unauthenticated', message);
export const Forbidden = (message = 'Anda tidak berwenang melakukan tindakan ini.', code = 'forbidden') =>
  new AppError(403, code, message);
export const NotFound = (what = 'Data', code = 'not_found') => new AppError(404, code, `${what} tidak ditemukan.`);
export const Conflict = (code: string, message: string, details?: unknown) => new AppError(409, code, message, details);
export const InvalidState = (code: string, message: string, details?: unknown) => new AppError(409, code, message, details);
export const Unprocessable = (code: string, message: string, details?: unknown) => new AppError(422, code, message, details);

/** A dependency (PostgreSQL, Redis) is unreachable: the client may retry later. */
export const ServiceUnavailable = (dependency: 'database' | 'redis') =>
  new AppError(503, 'service_unavailable', 'Layanan sedang tidak tersedia sementara. Silakan coba lagi beberapa saat lagi.', { dependency });

/** Driver adapter error kinds and Prisma codes of a database that cannot be reached or dropped the connection. */
const DB_DOWN_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const DB_DOWN_PRISMA = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const DB_DOWN_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|Can't reach database server|Client has encountered a connection error/i;
const REDIS_DOWN_NAMES = new Set(['MaxRetriesPerRequestError']);
const REDIS_DOWN_MESSAGE = /^(Connection is closed\.?|Stream isn't writeable.*|Reached the max retries per request limit.*)$/;
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);

/** Which dependency an error says is unreachable (null: another error). */
export function unreachableDependency(err: unknown): 'database' | 'redis' | null {
  const e = err as { name?: unknown; code?: unknown; message?: unknown; clientVersion?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } } };
  if (!e || typeof e !== 'object') return null;
  const message = typeof e.message === 'string' ? e.message : '';
  if (e.clientVersion !== undefined || e.name === 'DriverAdapterError') {
    const cause = e.meta?.driverAdapterError?.cause ?? (e as { cause?: { kind?: unknown; originalCode?: unknown } }).cause;
    const sqlState = typeof cause?.originalCode === 'string' ? cause.originalCode : '';
    // Class 08 = connection exception; 57P01–57P03 = the server terminated the connection or is not accepting any.
    if (DB_DOWN_KINDS.has(String(cause?.kind)) || DB_DOWN_PRISMA.has(String(e.code)) || /^08|^57P0[123]$/.test(sqlState)) return 'database';
    if (DB_DOWN_MESSAGE.test(message)) return 'database';
    return null;
  }
  if (typeof e.name === 'string' && REDIS_DOWN_NAMES.has(e.name)) return 'redis';
  if (REDIS_DOWN_MESSAGE.test(message)) return 'redis';
  if (typeof e.code === 'string' && SOCKET_CODES.has(e.code)) {
    // A raw socket error: ioredis names its port in the message; anything else is taken as the database.
    return /redis|:6379\b/i.test(message) ? 'redis' : 'database';
  }
  if (DB_DOWN_MESSAGE.test(message)) return 'database';
  return null;
}

export function validationError(err: ZodError, where: 'body' | 'query' | 'params' = 'body'): AppError {
  return new AppError(
    422,
    'validation_failed',
    'Data yang dikirim tidak valid.',
    err.issues.map((i) => ({ location: where, path: i.path.join('.'), message: i.message, code: i.code })),
  );
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError(404, 'route_not_found', `Rute ${req.method} ${req.path} tidak ditemukan.`));
};

type HttpishError = Error & { status?: number; statusCode?: number; type?: string; expose?: boolean; code?: string };

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return validationError(err);
  const e = err as HttpishError;
  if (e?.type === 'entity.parse.failed') return new AppError(400, 'malformed_json', 'Badan permintaan bukan JSON yang valid.');
  if (e?.type === 'entity.too.large') return new AppError(413, 'payload_too_large', 'Ukuran permintaan melebihi batas.');
  if (e?.code === 'LIMIT_FILE_SIZE') return new AppError(413, 'file_too_large', 'Ukuran berkas melebihi batas.');
  if (e?.code === 'P2002') return new AppError(409, 'conflict', 'Data yang sama sudah ada.', (e as { meta?: unknown }).meta ?? null);
  if (e?.code === 'P2025') return new AppError(404, 'not_found', 'Data tidak ditemukan.');
  const down = unreachableDependency(err);
  if (down) return ServiceUnavailable(down);
  // Two transactions that waited on each other (deadlock 40P01, serialization failure 40001,
  // Prisma's P2034): the database rolled this one back, so nothing was written; the other went on.
  const state = sqlStateOf(err);
  if (state === '40P01' || state === '40001' || e?.code === 'P2034') {
    return new AppError(409, 'concurrent_change', 'Data yang sama sedang diubah bersamaan oleh proses lain; tidak ada yang tersimpan. Silakan coba lagi.');
  }
  const refused = refusedInput(err);
  if (refused) return refused;
  const status = e?.status ?? e?.statusCode;
  if (status && status >= 400 && status < 500) {
    return new AppError(status, e.code && typeof e.code === 'string' ? e.code.toLowerCase() : 'bad_request', e.message);
  }
  return new AppError(500, 'internal_error', 'Terjadi kesalahan pada server.', null, true);
}

/** SQLSTATE of a PostgreSQL error, whether raw (pg) or wrapped by Prisma's driver adapter. */
function sqlStateOf(err: unknown): string | null {
  const e = err as { code?: unknown; clientVersion?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown } } } };
  const cause = e?.meta?.driverAdapterError?.cause;
  for (const c of [cause?.originalCode, cause?.code, e?.clientVersion === undefined ? e?.code : undefined]) {
    if (typeof c === 'string' && /^[0-9A-Z]{5}$/.test(c)) return c;
  }
  return null;
}

/**
 * Last resort: the database refused a value the route let through (an int past int4, NUL in
 * text, a date PostgreSQL cannot hold, a number too wide for its column). The client gets a 422
 * instead of a 500; the error is still logged, since a route schema should have caught it.
 */
function refusedInput(err: unknown): AppError | null {
  const prismaCode = (err as { code?: unknown; clientVersion?: unknown })?.clientVersion !== undefined ? (err as { code?: unknown }).code : null;
  const state = sqlStateOf(err);
  // Class 22 = data exception (22003 out of range, 22021 bad byte sequence, 22P05 bad escape, 22008 date out of range, …);
  // Prisma's own: P2000 too long, P2006/P2007 invalid value, P2020 out of range, P2023 inconsistent data, P2033 number too wide.
  const isDataException = (state?.startsWith('22') ?? false) || ['P2000', 'P2006', 'P2007', 'P2020', 'P2023', 'P2033'].includes(String(prismaCode));
  if (!isDataException) return null;
  return new AppError(422, 'invalid_value', 'Nilai yang dikirim tidak dapat disimpan atau dicari (di luar rentang atau memuat karakter yang tidak diizinkan).', null, true);
}

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const appErr = toAppError(err);
  if (appErr.isReportable && appErr.status < 500) req.log?.error({ err }, 'input refused by the database (a route schema should have caught it)');
  else if (appErr.isReportable) req.log?.error({ err }, 'unhandled error');
  else req.log?.debug({ code: appErr.code }, 'request failed');
  if (appErr.code === 'service_unavailable') {
    // The readiness tracker answers the next requests at once, until its probe sees the dependency again.
    const dep = (appErr.details as { dependency?: 'database' | 'redis' } | null)?.dependency;
    const readiness = req.app.locals.readiness as { markDown(d: string, e: string): void } | undefined;
    if (dep && readiness && err !== appErr) readiness.markDown(dep, (err as Error)?.message ?? 'unreachable');
    if (!res.headersSent) res.setHeader('Retry-After', '5');
  }
  if (res.headersSent) return;
  res.status(appErr.status).json({ error: { code: appErr.code, message: appErr.message, details: appErr.details ?? null } });
};

/**
 * Node's HTTP parser refuses some requests before Express sees them: a request line or headers
 * over the size limit (431) or a malformed request (400). They get the same error model.
 */
export function answerClientErrors(server: Server) {
  server.on('clientError', (err: Error & { code?: string }, socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const [status, code, message] =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'request_too_large', 'Alamat atau header permintaan terlalu panjang.']
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'request_timeout', 'Permintaan terlalu lama.']
          : [400, 'malformed_request', 'Permintaan HTTP tidak valid.'];
    const body = JSON.stringify({ error: { code, message, details: null } });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

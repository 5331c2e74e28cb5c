/**
 * One error model: every error leaves the API as
 *   { error: { code, message, details } }  with the right HTTP status.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
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
  const status = e?.status ?? e?.statusCode;
  if (status && status >= 400 && status < 500) {
    return new AppError(status, e.code && typeof e.code === 'string' ? e.code.toLowerCase() : 'bad_request', e.message);
  }
  return new AppError(500, 'internal_error', 'Terjadi kesalahan pada server.', null, true);
}

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const appErr = toAppError(err);
  if (appErr.isReportable) req.log?.error({ err }, 'unhandled error');
  else req.log?.debug({ code: appErr.code }, 'request failed');
  if (res.headersSent) return;
  res.status(appErr.status).json({ error: { code: appErr.code, message: appErr.message, details: appErr.details ?? null } });
};

import i18n from '../i18n';
import { formatDateTime } from '../i18n/format';
import type { ApiErrorBody } from './types';

/** Error codes produced on the client side (never sent by the server). */
export const CLIENT_ERROR_CODES = {
  network: 'network_error',
  unknown: 'unknown',
} as const;

/**
 * Error thrown by the API client for every failed request.
 * `message` is already localized (Bahasa Indonesia) and safe to show to users;
 * `serverMessage` keeps the raw server text for logging/debugging.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly serverMessage: string | undefined;

  constructor(status: number, code: string, message: string, details?: unknown, serverMessage?: string) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
    this.serverMessage = serverMessage;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Default code when the server did not send a JSON error envelope. */
export function codeForStatus(status: number): string {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'payload_too_large';
  if (status === 422) return 'validation_error';
  if (status === 429) return 'rate_limited';
  if (status === 503) return 'service_unavailable';
  if (status >= 500) return 'server_error';
  return CLIENT_ERROR_CODES.unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return isRecord(value) && isRecord(value.error) && typeof value.error.code === 'string';
}

/** Interpolation values taken from `details` (scalar fields only; dates made readable). */
function interpolationFrom(details: unknown): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  if (!isRecord(details)) return params;
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
  }
  if (typeof details.lockedUntil === 'string' || typeof details.lockedUntil === 'number') {
    params.lockedUntil = formatDateTime(details.lockedUntil);
  }
  return params;
}

/**
 * Localized message for an error code: `errors.<code>` from id.json when known,
 * otherwise the server's own message, otherwise a generic message.
 */
export function translateErrorCode(code: string, serverMessage?: string, details?: unknown): string {
  let key = `errors.${code}`;
  if (code === 'account_locked' && !(isRecord(details) && details.lockedUntil)) {
    key = 'errors.account_locked_no_time';
  }
  if (i18n.exists(key)) return i18n.t(key, interpolationFrom(details));
  if (serverMessage) return serverMessage;
  return i18n.t('errors.unknown');
}

/** User-facing message for anything thrown (ApiError or otherwise). */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.message;
  return i18n.t('errors.unknown');
}

/**
 * Extracts human-readable messages from an error's `details` (e.g. a 422 on a weak
 * password). Understands the common shapes: string[], `{ message }[]`,
 * `{ issues: { message }[] }`, `{ fieldErrors: Record<string, string[]> }` and
 * `Record<string, string | string[]>`. Returns [] when nothing readable is found.
 */
export function detailMessages(details: unknown): string[] {
  const out: string[] = [];
  const push = (value: unknown): void => {
    if (typeof value === 'string' && value.trim()) out.push(value);
    else if (Array.isArray(value)) value.forEach(push);
    else if (isRecord(value) && typeof value.message === 'string') out.push(value.message);
  };
  if (Array.isArray(details)) {
    details.forEach(push);
  } else if (isRecord(details)) {
    if (Array.isArray(details.issues)) details.issues.forEach(push);
    else if (isRecord(details.fieldErrors)) Object.values(details.fieldErrors).forEach(push);
    else if (Array.isArray(details.errors)) details.errors.forEach(push);
    else {
      for (const [key, value] of Object.entries(details)) {
        if (key === 'lockedUntil') continue;
        push(value);
      }
    }
  }
  return [...new Set(out)];
}

import { ApiError, CLIENT_ERROR_CODES, codeForStatus, isApiErrorBody, translateErrorCode } from './errors';
import { reportServiceAvailable, reportServiceUnavailable } from './outage';
import type { CsrfResponse } from './types';

export { ApiError, isApiError, errorMessage, detailMessages } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  /** JSON-serializable body, or FormData for uploads (sent as multipart). */
  body?: unknown;
  /** Appended to the URL; null/undefined/'' values are skipped. */
  query?: QueryParams;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export const CSRF_HEADER = 'x-csrf-token';
const CSRF_ENDPOINT = '/api/auth/csrf';

let csrfTokenPromise: Promise<string> | null = null;

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function toApiError(res: Response): Promise<ApiError> {
  const error = await readApiError(res);
  // The server cannot reach its database or Redis: the shell shows the outage banner until it recovers.
  if (error.code === 'service_unavailable') reportServiceUnavailable();
  else reportServiceAvailable();
  return error;
}

async function readApiError(res: Response): Promise<ApiError> {
  const body = await readJson(res);
  if (isApiErrorBody(body)) {
    const { code, message, details } = body.error;
    return new ApiError(res.status, code, translateErrorCode(code, message, details), details, message);
  }
  const code = codeForStatus(res.status);
  return new ApiError(res.status, code, translateErrorCode(code), undefined, res.statusText || undefined);
}

function networkError(cause: unknown): ApiError {
  const error = new ApiError(0, CLIENT_ERROR_CODES.network, translateErrorCode(CLIENT_ERROR_CODES.network));
  (error as { cause?: unknown }).cause = cause;
  return error;
}

async function doFetch(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { credentials: 'include', ...init });
  } catch (cause) {
    // Aborts are not errors the UI should show; let React Query handle them.
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw networkError(cause);
  }
}

async function fetchCsrfToken(): Promise<string> {
  const res = await doFetch(CSRF_ENDPOINT, { method: 'GET', headers: { Accept: 'application/json' } });
  if (!res.ok) throw await toApiError(res);
  const body = (await readJson(res)) as Partial<CsrfResponse> | undefined;
  if (!body || typeof body.csrfToken !== 'string') {
    throw new ApiError(res.status, CLIENT_ERROR_CODES.unknown, translateErrorCode(CLIENT_ERROR_CODES.unknown));
  }
  return body.csrfToken;
}

/** Returns the cached CSRF token, fetching it first if needed (or when `refresh` is set). */
export function getCsrfToken(refresh = false): Promise<string> {
  if (refresh || !csrfTokenPromise) {
    const pending = fetchCsrfToken();
    csrfTokenPromise = pending;
    // Do not cache failures: the next request tries again.
    pending.catch(() => {
      if (csrfTokenPromise === pending) csrfTokenPromise = null;
    });
  }
  return csrfTokenPromise;
}

/** Drops the cached CSRF token (call when the session changes: login, logout). */
export function resetCsrfToken(): void {
  csrfTokenPromise = null;
}

function buildUrl(path: string, query?: QueryParams): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue;
    params.append(key, String(value));
  }
  const qs = params.toString();
  if (!qs) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${qs}`;
}

/**
 * Performs an API request. Resolves with the parsed JSON body (undefined for 204 or an
 * empty body) and rejects with an {@link ApiError} whose message is localized.
 * Non-GET requests carry the CSRF token; a 403 `csrf_invalid` refreshes it and retries once.
 */
export async function apiRequest<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
  const { body, query, signal, headers: extraHeaders } = options;
  const url = buildUrl(path, query);
  const isFormData = typeof FormData !== 'undefined' && body instanceof FormData;

  const send = async (csrfToken: string | null): Promise<Response> => {
    const headers: Record<string, string> = { Accept: 'application/json', ...extraHeaders };
    if (body !== undefined && !isFormData) headers['Content-Type'] = 'application/json';
    if (csrfToken) headers[CSRF_HEADER] = csrfToken;
    const init: RequestInit = { method, headers };
    if (signal) init.signal = signal;
    if (body !== undefined) init.body = isFormData ? (body as FormData) : JSON.stringify(body);
    return doFetch(url, init);
  };

  const needsCsrf = method !== 'GET';
  let res = await send(needsCsrf ? await getCsrfToken() : null);

  if (!res.ok) {
    let error = await toApiError(res);
    if (needsCsrf && error.status === 403 && error.code === 'csrf_invalid') {
      res = await send(await getCsrfToken(true));
      if (!res.ok) error = await toApiError(res);
    }
    if (!res.ok) throw error;
  }
  reportServiceAvailable();

  if (res.status === 204) return undefined as T;
  return (await readJson(res)) as T;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => apiRequest<T>('GET', path, options),
  post: <T = void>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('POST', path, { ...options, body }),
  put: <T = void>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('PUT', path, { ...options, body }),
  patch: <T = void>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('PATCH', path, { ...options, body }),
  delete: <T = void>(path: string, options?: RequestOptions) => apiRequest<T>('DELETE', path, options),
};

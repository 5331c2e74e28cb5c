import type { HomeResponse as SharedHomeResponse } from '@simak/shared/api/auth';
/**
 * Wire types of the SIMAK HTTP API as consumed by the web app.
 * Keep in sync with the server contract (server/ + shared/).
 */

export const ROLES = ['ASN', 'ATASAN', 'OPD_ADMIN', 'BKD_VERIFIER', 'BKD_ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export interface OpdRef {
  id: number;
  kode: string;
  nama: string;
}

/** The authenticated user, as returned by `/api/auth/me` and `/api/auth/login`. */
export interface Me {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  /** OPDs in scope for the OPD_ADMIN role (empty for other roles). */
  opds: OpdRef[];
  employeeId: number | null;
  nip: string | null;
  mustChangePassword: boolean;
  /** The platform's today (YYYY-MM-DD, its one clock); date-dependent views use it, never the browser's clock. */
  today: string;
}

export interface MeResponse {
  user: Me;
}

export interface CsrfResponse {
  csrfToken: string;
}

export interface LoginRequest {
  username: string;
  password: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export type { HomeLink, HomeQueue, HomeResponse } from '@simak/shared/api/auth';
export type HomeCard = SharedHomeResponse['cards'][number];

export interface HealthResponse {
  status: 'ok' | 'degraded';
  database: { ok: boolean };
  redis: { ok: boolean };
}

/** Error envelope returned by the server for every non-2xx response. */
export interface ApiErrorBody {
  error: {
    code: string;
    message?: string;
    details?: unknown;
  };
}

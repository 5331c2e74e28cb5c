/** API contract for authentication (used by the server and the web app). */
import { z } from 'zod';
import { RoleSchema } from '../codes.ts';
import { text } from './primitives.ts';

export const LoginBody = z.object({
  username: text({ label: 'NIP atau nama pengguna', min: 1, max: 64 }),
  password: text({ label: 'Kata sandi', min: 1, max: 256, trim: false }),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const Me = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
  opds: z.array(z.object({ id: z.number().int(), kode: z.string(), nama: z.string() })),
  employeeId: z.number().int().nullable(),
  nip: z.string().nullable(),
  mustChangePassword: z.boolean(),
  /** The platform's today (its clock: APP_TODAY or the server's date); the web's date-dependent views use it. */
  today: z.string(),
});
export type Me = z.infer<typeof Me>;

export const MeResponse = z.object({ user: Me });

export const ChangePasswordBody = z.object({
  currentPassword: text({ label: 'Kata sandi saat ini', min: 1, max: 256, trim: false }),
  newPassword: text({ label: 'Kata sandi', min: 8, max: 128, trim: false })
    .regex(/[A-Za-z]/, 'Kata sandi harus memuat huruf.')
    .regex(/\d/, 'Kata sandi harus memuat angka.'),
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const CsrfResponse = z.object({ csrfToken: z.string() });

export const ResetPasswordResponse = z.object({ temporaryPassword: z.string(), mustChangePassword: z.literal(true) });

export const HealthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({ ok: z.boolean(), latencyMs: z.number().nullable(), error: z.string().optional() }),
  redis: z.object({ ok: z.boolean(), latencyMs: z.number().nullable(), error: z.string().optional() }),
});

/** The agency as its letterhead names it (public: shown on the login page, printed on every letter). */
export const AgencyResponse = z.object({ pemda: z.string(), instansi: z.string() });
export type AgencyResponse = z.infer<typeof AgencyResponse>;

/** Liveness: the process answers (nothing else is checked). */
export const LiveResponse = z.object({ status: z.literal('live'), version: z.string(), uptimeSeconds: z.number() });

const DependencyState = z.object({ up: z.boolean(), since: z.string(), error: z.string().nullable() });
/** Readiness: PostgreSQL and Redis answer (a load balancer sends traffic only to a ready replica). */
export const ReadyResponse = z.object({
  status: z.enum(['ready', 'unavailable']),
  database: DependencyState,
  redis: DependencyState,
});

/** Where a home card leads: a web route and the query its list understands. */
export const HomeLink = z.object({ path: z.string(), query: z.record(z.string(), z.string()) });
export type HomeLink = z.infer<typeof HomeLink>;

/**
 * One queue of work on the home page: how many items, the one waiting longest (or due
 * first) and the filtered list. `kind` picks the wording; `label` is the request type's
 * name for kind "tasks" (any future type appears without code changes).
 */
export const HomeQueue = z.object({
  key: z.string(),
  kind: z.enum(['tasks', 'my_open', 'team', 'opd_kgb_due', 'opd_retiring', 'aktivitas_review']),
  label: z.string(),
  count: z.number().int(),
  /** since: waiting since (datetime); due: falls due on (date). */
  oldest: z
    .object({ id: z.number().int(), title: z.string(), date: z.string(), dateKind: z.enum(['since', 'due']), link: HomeLink })
    .nullable(),
  link: HomeLink,
});
export type HomeQueue = z.infer<typeof HomeQueue>;

export const HomeResponse = z.object({
  /** Summary figures (employee counts say what they count: ASN aktif vs all records). */
  cards: z.array(z.object({ key: z.string(), value: z.union([z.number(), z.string()]), link: HomeLink.nullable().optional() })),
  queues: z.array(HomeQueue),
});
export type HomeResponse = z.infer<typeof HomeResponse>;

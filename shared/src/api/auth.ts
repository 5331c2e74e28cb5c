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

export const HomeResponse = z.object({
  cards: z.array(z.object({ key: z.string(), value: z.union([z.number(), z.string()]) })),
});

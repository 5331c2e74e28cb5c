/** API contract for authentication (used by the server and the web app). */
import { z } from 'zod';
import { RoleSchema } from '../codes.ts';

export const LoginBody = z.object({
  username: z.string().trim().min(1, 'NIP atau nama pengguna wajib diisi.').max(64),
  password: z.string().min(1, 'Kata sandi wajib diisi.').max(256),
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
  currentPassword: z.string().min(1).max(256),
  newPassword: z
    .string()
    .min(8, 'Kata sandi minimal 8 karakter.')
    .max(128)
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

import { ChangePasswordBody, CsrfResponse, LoginBody, MeResponse } from '@simak/shared/api/auth';
import { metaFrom, writeAudit } from '../../audit/audit.ts';
import type { AuthKit } from '../../auth/setup.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { defineRoute, ErrorBody } from '../../lib/http.ts';
import { redisRateLimit } from '../../lib/rate-limit.ts';
import { presentMe } from './presenter.ts';
import { changePassword } from './service.ts';

export function authRoutes(ctx: AppContext, kit: AuthKit) {
  const { config, db } = ctx;
  const loginLimiter = redisRateLimit(ctx, {
    name: 'login',
    limit: config.LOGIN_RATE_LIMIT,
    windowMinutes: config.LOGIN_RATE_WINDOW_MINUTES,
    by: 'ip',
    message: 'Terlalu banyak percobaan masuk. Coba lagi nanti.',
  });

  return [
    defineRoute({
      method: 'get',
      path: '/api/auth/csrf',
      summary: 'Token CSRF untuk permintaan yang mengubah data',
      tags: ['Auth'],
      auth: 'public',
      responses: { 200: { description: 'Token', schema: CsrfResponse } },
      handler: ({ req, res }) => ({ csrfToken: kit.generateCsrfToken(req, res, { overwrite: true }) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/login',
      summary: 'Masuk dengan NIP atau nama pengguna',
      tags: ['Auth'],
      auth: 'public',
      before: [loginLimiter],
      body: LoginBody,
      responses: {
        200: { description: 'Berhasil masuk', schema: MeResponse },
        401: { description: 'NIP/nama pengguna atau kata sandi salah', schema: ErrorBody },
        423: { description: 'Akun dikunci sementara', schema: ErrorBody },
        429: { description: 'Terlalu banyak percobaan', schema: ErrorBody },
      },
      handler: async ({ req, res }) => {
        const actor = await kit.login(req, res);
        if (!actor) throw new AppError(401, 'invalid_credentials', 'NIP/nama pengguna atau kata sandi salah.');
        await db.$transaction((tx) =>
          writeAudit(tx, { ...metaFrom(req), actorUserId: actor.userId }, { action: 'user.login', entityType: 'user', entityId: actor.userId, employeeId: actor.employeeId }),
        );
        return { user: presentMe(actor) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/logout',
      summary: 'Keluar',
      tags: ['Auth'],
      auth: 'any-session',
      responses: { 204: { description: 'Sesi diakhiri' } },
      handler: async ({ req, res }) => {
        await kit.logout(req);
        await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
        res.clearCookie('simak.sid');
        res.status(204);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/auth/me',
      summary: 'Pengguna yang sedang masuk',
      tags: ['Auth'],
      auth: 'any-session',
      responses: { 200: { description: 'Pengguna', schema: MeResponse } },
      handler: ({ actor }) => ({ user: presentMe(actor) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/password',
      summary: 'Ganti kata sandi sendiri',
      tags: ['Auth'],
      auth: 'any-session',
      body: ChangePasswordBody,
      responses: { 204: { description: 'Kata sandi diganti' } },
      handler: async ({ req, res, actor, body }) => {
        await changePassword(db, metaFrom(req), actor.userId, body.currentPassword, body.newPassword);
        // This session stays valid; other sessions of the account end (they started before the change).
        (req.session as unknown as { loginAt: number }).loginAt = Date.now();
        res.status(204);
      },
    }),
  ];
}

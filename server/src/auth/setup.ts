/** Sessions in Redis, Passport (local strategy by NIP or username) and CSRF protection. */
import RedisStore from 'connect-redis';
import { doubleCsrf } from 'csrf-csrf';
import type { Express, Request } from 'express';
import session from 'express-session';
import type { Redis } from 'ioredis';
import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import type { Config } from '../config.ts';
import type { Db } from '../db.ts';
import { AppError } from '../errors.ts';
import { loadActor, loadSessionActor, type Actor } from './actor.ts';
import { Lockout } from './lockout.ts';
import { verifyPassword } from './password.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface User extends Actor {}
  }
}

export const SESSION_COOKIE = 'simak.sid';
export const CSRF_COOKIE = 'simak.csrf';

export function setupAuth(app: Express, deps: { config: Config; db: Db; redis: Redis }) {
  const { config, db, redis } = deps;
  const secure = config.COOKIE_SECURE === 'auto' ? 'auto' : config.COOKIE_SECURE === 'true';
  const lockout = new Lockout(redis, config.REDIS_PREFIX, config.LOGIN_MAX_FAILURES, config.LOGIN_LOCKOUT_MINUTES);

  app.use(
    session({
      name: SESSION_COOKIE,
      secret: config.SESSION_SECRET,
      store: new RedisStore({ client: redis, prefix: `${config.REDIS_PREFIX}:sess:`, ttl: config.SESSION_TTL_MINUTES * 60 }),
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: { httpOnly: true, sameSite: 'lax', secure, maxAge: config.SESSION_TTL_MINUTES * 60_000 },
    }),
  );

  const pp = new passport.Passport();
  pp.use(
    new LocalStrategy({ usernameField: 'username', passwordField: 'password' }, async (username, password, done) => {
      try {
        const name = username.trim();
        const until = await lockout.lockedUntil(name);
        if (until) {
          return done(
            new AppError(423, 'account_locked', 'Terlalu banyak percobaan gagal. Akun dikunci sementara.', {
              lockedUntil: until.toISOString(),
            }),
          );
        }
        const user = await db.user.findUnique({ where: { username: name } });
        const ok = await verifyPassword(user?.active ? user.passwordHash : null, password);
        if (!user || !ok) {
          await lockout.fail(name);
          return done(null, false);
        }
        await lockout.clear(name);
        await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
        const actor = await loadActor(db, user.id);
        return done(null, actor ?? false);
      } catch (err) {
        done(err);
      }
    }),
  );
  pp.serializeUser((user, done) => done(null, (user as Actor).userId));
  // Sessions started before the account's last password change (e.g. an admin reset) end.
  pp.deserializeUser(async (req: Request, id: number, done: (err: unknown, user?: Actor | false) => void) => {
    try {
      const loginAt = (req.session as unknown as { loginAt?: number }).loginAt ?? 0;
      done(null, (await loadSessionActor(db, id, loginAt)) ?? false);
    } catch (err) {
      done(err);
    }
  });
  app.use(pp.initialize());
  app.use(pp.session());

  const csrf = doubleCsrf({
    getSecret: () => config.SESSION_SECRET,
    getSessionIdentifier: (req) => req.session.id,
    cookieName: CSRF_COOKIE,
    cookieOptions: { sameSite: 'lax', secure: secure === true, httpOnly: true, path: '/' },
    getCsrfTokenFromRequest: (req) => req.headers['x-csrf-token'] as string | undefined,
    // Only cookie-authenticated requests need the token; login has no session yet.
    // bull-board's own UI cannot send the header; it is BKD_ADMIN-only and relies on SameSite=Lax cookies.
    skipCsrfProtection: (req) =>
      !req.isAuthenticated() || req.path === '/api/auth/login' || req.originalUrl.startsWith('/admin/queues'),
    errorConfig: { statusCode: 403, message: 'Token CSRF tidak valid atau hilang. Muat ulang halaman.', code: 'CSRF_INVALID' },
  });
  app.use(csrf.doubleCsrfProtection);

  /** passport.authenticate as a promise; req.login regenerates the session id (passport ≥ 0.6). */
  const login = (req: Request, res: Parameters<ReturnType<typeof pp.authenticate>>[1]) =>
    new Promise<Actor | null>((resolve, reject) => {
      pp.authenticate('local', (err: unknown, user: Actor | false) => {
        if (err) return reject(err);
        if (!user) return resolve(null);
        req.login(user, (e) => {
          if (e) return reject(e);
          (req.session as unknown as { loginAt: number }).loginAt = Date.now();
          resolve(user);
        });
      })(req, res, () => undefined);
    });

  const logout = (req: Request) =>
    new Promise<void>((resolve, reject) => req.logout((err) => (err ? reject(err) : resolve())));

  return { login, logout, generateCsrfToken: csrf.generateCsrfToken };
}

export type AuthKit = ReturnType<typeof setupAuth>;

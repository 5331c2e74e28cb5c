/** Sessions in Redis, Passport (local strategy by NIP or username) and CSRF protection. */
import { doubleCsrf } from 'csrf-csrf';
import type { Express, NextFunction, Request, Response } from 'express';
import session from 'express-session';
import type { Redis } from 'ioredis';
import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import type { Config } from '../config.ts';
import type { Db } from '../db.ts';
import { AppError } from '../errors.ts';
import { loadActor, loadSessionActor, type Actor } from './actor.ts';
import { Lockout } from './lockout.ts';
import { ThrottledTouchStore } from './session-store.ts';
import { verifyPassword } from './password.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface User extends Actor {}
  }
}

export const SESSION_COOKIE = 'simak.sid';

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
export const CSRF_COOKIE = 'simak.csrf';

export function setupAuth(app: Express, deps: { config: Config; db: Db; redis: Redis }) {
  const { config, db, redis } = deps;
  const secure = config.COOKIE_SECURE === 'auto' ? 'auto' : config.COOKIE_SECURE === 'true';
  const lockout = new Lockout(redis, config.REDIS_PREFIX, config.LOGIN_MAX_FAILURES, config.LOGIN_LOCKOUT_MINUTES);

  app.use(
    session({
      name: SESSION_COOKIE,
      secret: config.SESSION_SECRET,
      store: new ThrottledTouchStore({ client: redis, prefix: `${config.REDIS_PREFIX}:sess:`, ttl: config.SESSION_TTL_MINUTES * 60 }, config.SESSION_TOUCH_SECONDS * 1000),
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

  const CSRF_COOKIE_OPTIONS = { sameSite: 'lax' as const, secure: secure === true, httpOnly: true, path: '/' };
  const csrf = doubleCsrf({
    getSecret: () => config.SESSION_SECRET,
    getSessionIdentifier: (req) => req.session.id,
    cookieName: CSRF_COOKIE,
    cookieOptions: CSRF_COOKIE_OPTIONS,
    getCsrfTokenFromRequest: (req) => req.headers['x-csrf-token'] as string | undefined,
    // Only cookie-authenticated requests need the token; login has no session yet.
    // bull-board's own UI cannot send the header: its mutations are checked by bullBoardGuard (same origin or token).
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

  /**
   * The CSRF cookie is Secure whenever the session cookie is: with COOKIE_SECURE=auto the
   * session cookie follows the request (express-session checks req.secure), so this does too.
   */
  const generateCsrfToken = (req: Request, res: Response, opts: { overwrite?: boolean } = {}) =>
    csrf.generateCsrfToken(req, res, {
      ...opts,
      cookieOptions: { ...CSRF_COOKIE_OPTIONS, secure: secure === 'auto' ? req.secure : secure },
    });

  /**
   * bull-board (/admin/queues) mutations (retry, clean, remove, pause…): its UI cannot send the
   * x-csrf-token header, so a state-changing request must come from this site's own pages
   * (Origin, or else Referer, equal to PUBLIC_URL's origin or the request's own host) or carry
   * a valid CSRF token. Browsers send Origin on every cross-site POST/PUT/PATCH/DELETE.
   */
  const ownOrigins = (req: Request) => new Set([new URL(config.PUBLIC_URL).origin, `${req.protocol}://${req.get('host') ?? ''}`]);
  const bullBoardGuard = (req: Request, _res: Response, next: NextFunction) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return next();
    if (req.headers['x-csrf-token'] && csrf.validateRequest(req)) return next();
    const from = req.get('origin') ?? originOf(req.get('referer'));
    if (from && ownOrigins(req).has(from)) return next();
    next(new AppError(403, 'CSRF_INVALID', 'Permintaan ditolak: harus berasal dari halaman SIMAK BKD sendiri (token CSRF atau asal yang sama).'));
  };

  return { login, logout, generateCsrfToken, bullBoardGuard };
}

export type AuthKit = ReturnType<typeof setupAuth>;

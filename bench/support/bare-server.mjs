// The baselines of bench/api.ts, in a cluster of as many processes as the platform's API, on PORT:
//   /bare   a bare Express route (JSON answer, no middleware);
//   /floor  the least a signed-in read costs on this stack: one Redis GET (the session) and one
//           PostgreSQL query (SELECT 1, prepared) per request, then the same JSON answer; no
//           middleware, no ORM. What the platform's reads can at best approach on this machine.
//   /stack  the least a signed-in read costs on the platform's fixed stack (DEVELOPERS.md: Express,
//           Passport, sessions in Redis): the libraries' middleware as the platform mounts it (helmet,
//           compression, body parsers, cookie-parser, express-session in Redis, passport's session,
//           csrf-csrf), the user taken from the session as stored (no query), one prepared SELECT 1,
//           and the same JSON answer. No application code. POST /stack/login starts its session.
import cluster from 'node:cluster';
import { createRequire } from 'node:module';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import { doubleCsrf } from 'csrf-csrf';
import express from 'express';
import session from 'express-session';
import helmet from 'helmet';
import { Redis } from 'ioredis';
import passport from 'passport';
import pg from 'pg';

// connect-redis is the server workspace's own (its version differs from the root's).
const connectRedis = await import(createRequire(new URL('../../server/package.json', import.meta.url)).resolve('connect-redis'));
const RedisStore = connectRedis.default.default ?? connectRedis.default;

const processes = Number(process.env.API_WORKERS || 1);
if (cluster.isPrimary && processes > 1) {
  for (let i = 0; i < processes; i++) cluster.fork();
  process.on('SIGTERM', () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
    process.exit(0);
  });
} else {
  const app = express();
  app.get('/bare', (_req, res) => res.json({ ok: true, at: Date.now() }));
  if (process.env.DATABASE_URL && process.env.REDIS_URL) {
    const redis = new Redis(process.env.REDIS_URL);
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
    app.get('/floor', async (_req, res) => {
      try {
        await redis.get('bench-floor-session');
        await pool.query({ name: 'floor', text: 'SELECT 1 AS one' });
        res.json({ ok: true, at: Date.now() });
      } catch (err) {
        res.status(500).json({ error: String(err) });
      }
    });

    const stack = express.Router();
    stack.use(helmet(), compression({ threshold: 1024 }), express.json(), express.urlencoded({ extended: false }), cookieParser());
    const secret = 'bench-stack-secret-bench-stack-secret';
    stack.use(
      session({
        name: 'stack.sid',
        secret,
        store: new RedisStore({ client: redis, prefix: `${process.env.REDIS_PREFIX ?? 'bench'}:stack:` }),
        resave: false,
        saveUninitialized: false,
        rolling: true,
        cookie: { httpOnly: true, sameSite: 'lax', maxAge: 3_600_000 },
      }),
    );
    const pp = new passport.Passport();
    pp.serializeUser((user, done) => done(null, user));
    pp.deserializeUser((user, done) => done(null, user));
    stack.use(pp.initialize(), pp.session());
    const csrf = doubleCsrf({
      getSecret: () => secret,
      getSessionIdentifier: (req) => req.session.id,
      cookieName: 'stack.csrf',
      getCsrfTokenFromRequest: (req) => req.headers['x-csrf-token'],
      skipCsrfProtection: (req) => !req.isAuthenticated(),
    });
    stack.use(csrf.doubleCsrfProtection);
    stack.post('/stack/login', (req, res, next) =>
      req.login({ userId: 1, username: 'bench', roles: ['ASN'] }, (err) => (err ? next(err) : res.json({ ok: true }))),
    );
    stack.get('/stack', async (req, res) => {
      try {
        if (!req.user) return res.status(401).json({ error: 'not signed in' });
        await pool.query({ name: 'floor', text: 'SELECT 1 AS one' });
        res.json({ ok: true, at: Date.now() });
      } catch (err) {
        res.status(500).json({ error: String(err) });
      }
    });
    app.use(stack);
  }
  app.listen(Number(process.env.PORT), '127.0.0.1');
}

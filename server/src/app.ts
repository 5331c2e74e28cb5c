/**
 * Express app factory: builds the whole HTTP app from its dependencies without
 * listening, so tests drive it with supertest against real PostgreSQL and Redis.
 */
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { apiReference } from '@scalar/express-api-reference';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setupAuth } from './auth/setup.ts';
import type { AppContext } from './context.ts';
import { errorHandler, Forbidden, notFoundHandler, ServiceUnavailable, Unauthorized } from './errors.ts';
import { QUEUES } from './jobs/catalog.ts';
import { buildOpenApi, mountRoutes, OpenAPIRegistry, type RouteDef } from './lib/http.ts';
import { createMetrics } from './metrics.ts';
import { requestLogger } from './lib/request-log.ts';
import { allRoutes } from './modules/index.ts';
import { unavailableGuard } from './readiness.ts';

const require = createRequire(import.meta.url);

/** The API's paths (and the metrics scrape), never files of the web app. */
const API_PATH = /^\/(api|metrics)(\/|$)/;

export function createApp(ctx: AppContext) {
  const { config, logger } = ctx;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY === 'true' ? true : config.TRUST_PROXY === 'false' ? false : config.TRUST_PROXY);

  app.use(
    requestLogger(app, logger, {
      ignore: (url) => /^\/api\/health(\/live|\/ready)?$|^\/metrics$/.test(url),
      levelOf: (res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'debug'),
    }),
  );
  // gzip for answers of 1 KB and more (JSON lists, the web app's scripts and styles: a 1.9 MB bundle
  // travels as about a third of it over a regency's slow links); never for event streams, which
  // must reach the browser event by event.
  app.use(
    compression({
      threshold: 1024,
      filter: (req, res) => !String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream') && compression.filter(req, res),
    }),
  );
  const metrics = createMetrics(ctx);
  app.use(metrics.middleware);
  app.use(metrics.router);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'script-src': ["'self'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'frame-src': ["'self'", 'blob:'],
          'object-src': ["'self'", 'blob:'],
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
  // The built web app's files, served before sessions and the readiness guard: they need neither
  // Redis nor PostgreSQL, so during an outage a page's chunk (loaded on first visit) still arrives
  // and the page shows the outage banner. (index.html for the app's own paths comes last, below.)
  const webDist = config.WEB_DIST || path.resolve(import.meta.dirname, '..', '..', 'web', 'dist');
  const hasWeb = existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    // Not for the API's own paths: the file lookup (a stat on the thread pool, always missing) would
    // come before every API request.
    const files = express.static(webDist, { index: false, maxAge: '1h' });
    app.use((req, res, next) => (API_PATH.test(req.path) ? next() : files(req, res, next)));
  }
  app.use(express.json({ limit: config.BODY_LIMIT }));
  app.use(express.urlencoded({ extended: false, limit: config.BODY_LIMIT }));
  app.use(cookieParser());

  // While PostgreSQL or Redis is unreachable: 503 at once (sessions need Redis, nearly everything the database).
  app.locals.readiness = ctx.readiness;
  app.use(unavailableGuard(ctx.readiness, ServiceUnavailable));

  const kit = setupAuth(app, ctx);

  const registry = new OpenAPIRegistry();
  const api = express.Router();
  const routes: RouteDef[] = allRoutes(ctx, kit);
  mountRoutes(api, routes, registry);
  app.use(api);

  // OpenAPI document and viewer (Scalar, served from node_modules: works offline).
  let openapi: unknown;
  app.get('/api/openapi.json', (_req, res) => {
    openapi ??= buildOpenApi(registry, ctx.version);
    res.json(openapi);
  });
  const scalarJs = require.resolve('@scalar/api-reference/browser/standalone.js');
  app.get('/api/docs/scalar.js', (_req, res) => res.sendFile(scalarJs));
  const relaxedCsp: RequestHandler = (_req, res, next) => {
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'",
    );
    next();
  };
  app.get('/api/docs', relaxedCsp, apiReference({ url: '/api/openapi.json', cdn: '/api/docs/scalar.js', pageTitle: 'SIMAK BKD API' }));

  // bull-board, BKD_ADMIN only.
  const board = new ExpressAdapter();
  board.setBasePath('/admin/queues');
  createBullBoard({ queues: QUEUES.map((q) => new BullMQAdapter(ctx.queues[q])), serverAdapter: board });
  const bkdAdminOnly: RequestHandler = (req, _res, next) => {
    if (!req.user) return next(Unauthorized());
    if (!req.user.roles.includes('BKD_ADMIN')) return next(Forbidden());
    next();
  };
  app.use('/admin/queues', bkdAdminOnly, kit.bullBoardGuard, relaxedCsp, board.getRouter());

  app.use('/api', notFoundHandler);

  // The single-page app: unknown non-API paths get index.html.
  if (hasWeb) app.get(/^(?!\/api(\/|$)|\/admin\/queues(\/|$)).*/, (_req, res) => res.sendFile(path.join(webDist, 'index.html')));
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}

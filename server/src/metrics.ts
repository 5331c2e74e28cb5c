/**
 * Prometheus metrics (prom-client) at GET /metrics, for one API replica: request latency per route,
 * the queues' depth and failed jobs (BullMQ, shared by every replica), the outbox's lag, the
 * reconciliation's repairs (from reconciliation_tally), whether the dependencies answer, and the
 * process's own metrics. Protected by METRICS_TOKEN (bearer); unset = 404.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import type { RequestHandler, Router } from 'express';
import express from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AppContext } from './context.ts';
import { AppError, NotFound } from './errors.ts';
import { QUEUES } from './jobs/catalog.ts';
import { DEPENDENCIES } from './readiness.ts';

const JOB_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed', 'completed'] as const;

export interface Metrics {
  registry: Registry;
  /** Times every request (label route = the declared route pattern, never the raw URL). */
  middleware: RequestHandler;
  router: Router;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

export function createMetrics(ctx: Pick<AppContext, 'config' | 'db' | 'queues' | 'readiness' | 'logger'>): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'simak-api' });
  collectDefaultMetrics({ register: registry, prefix: 'simak_' });

  const latency = new Histogram({
    name: 'simak_http_request_duration_seconds',
    help: 'HTTP request latency by route pattern, method and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const safely = async (what: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (err) {
      // A dependency that is down must not take /metrics down with it (simak_dependency_up says so).
      ctx.logger.debug({ err: (err as Error).message, what }, 'metric not collected');
    }
  };

  new Gauge({
    name: 'simak_queue_jobs',
    help: 'Jobs per BullMQ queue and state (queue depth = waiting + delayed + prioritized)',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      await safely('queue depth', async () => {
        for (const q of QUEUES) {
          const counts = await ctx.queues[q].getJobCounts(...JOB_STATES);
          for (const s of JOB_STATES) this.set({ queue: q, state: s }, counts[s] ?? 0);
        }
      });
    },
  });
  new Gauge({
    name: 'simak_queue_failed_jobs',
    help: 'Jobs that used up their attempts, per queue (kept 30 days; see /admin/queues)',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      await safely('failed jobs', async () => {
        for (const q of QUEUES) this.set({ queue: q }, await ctx.queues[q].getFailedCount());
      });
    },
  });

  /** One query per scrape for the gauges that share it (they are collected together). */
  const memo = <T>(fn: () => Promise<T>) => {
    let p: Promise<T> | null = null;
    return () => {
      if (!p) {
        p = fn();
        const clear = () => setTimeout(() => (p = null), 1000).unref();
        p.then(clear, clear);
      }
      return p;
    };
  };
  const outbox = memo(async () => {
    const rows = await ctx.db.$queryRaw<{ pending: number; lag: number | null; unfinished: number }[]>`
      SELECT
        (SELECT count(*)::int FROM outbox_event WHERE relayed_at IS NULL AND available_at <= now()) AS pending,
        (SELECT extract(epoch FROM now() - min(available_at))::float8 FROM outbox_event WHERE relayed_at IS NULL AND available_at <= now()) AS lag,
        (SELECT count(*)::int FROM outbox_event WHERE relayed_at IS NOT NULL AND completed_at IS NULL) AS unfinished`;
    return rows[0]!;
  });
  new Gauge({
    name: 'simak_outbox_pending',
    help: 'Committed outbox rows due and not yet relayed to BullMQ',
    registers: [registry],
    async collect() {
      await safely('outbox', async () => this.set((await outbox()).pending));
    },
  });
  new Gauge({
    name: 'simak_outbox_lag_seconds',
    help: 'Age of the oldest due outbox row not yet relayed (0 when none)',
    registers: [registry],
    async collect() {
      await safely('outbox lag', async () => this.set((await outbox()).lag ?? 0));
    },
  });
  new Gauge({
    name: 'simak_outbox_unfinished',
    help: 'Outbox rows relayed whose job has not finished yet (waiting, running, failed or lost)',
    registers: [registry],
    async collect() {
      await safely('outbox unfinished', async () => this.set((await outbox()).unfinished));
    },
  });

  const tally = memo(async () => Object.fromEntries((await ctx.db.reconciliationTally.findMany()).map((r) => [r.kind, r])));
  new Counter({
    name: 'simak_reconciliation_repairs_total',
    help: 'Owed work queued again by reconciliation, by kind (schedule, outbox, letter), over all replicas',
    labelNames: ['kind'] as const,
    registers: [registry],
    async collect() {
      await safely('reconciliation', async () => {
        const t = await tally();
        this.reset();
        for (const kind of ['schedule', 'outbox', 'letter']) this.inc({ kind }, Number(t[kind]?.total ?? 0));
      });
    },
  });
  new Counter({
    name: 'simak_reconciliation_runs_total',
    help: 'Reconciliation runs, over all replicas',
    registers: [registry],
    async collect() {
      await safely('reconciliation runs', async () => {
        const t = await tally();
        this.reset();
        this.inc(Number(t.runs?.total ?? 0));
      });
    },
  });
  new Gauge({
    name: 'simak_dependency_up',
    help: 'Whether this replica reaches the dependency (1) or answers 503 (0)',
    labelNames: ['dependency'] as const,
    registers: [registry],
    collect() {
      for (const d of DEPENDENCIES) this.set({ dependency: d }, ctx.readiness.isUp(d) ? 1 : 0);
    },
  });

  const middleware: RequestHandler = (req, res, next) => {
    const end = latency.startTimer();
    res.on('finish', () => {
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : req.path.startsWith('/api/') ? '(unmatched api)' : req.path.startsWith('/admin/queues') ? '/admin/queues' : '(web)';
      end({ method: req.method, route, status_code: String(res.statusCode) });
    });
    next();
  };

  const router = express.Router();
  const token = ctx.config.METRICS_TOKEN;
  router.get('/metrics', async (req, res, next) => {
    if (!token) return next(NotFound('Rute', 'route_not_found'));
    const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    // Compared as digests: equal length, constant time.
    if (!timingSafeEqual(digest(given), digest(token))) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      return next(new AppError(401, 'unauthenticated', 'Token metrik tidak valid.'));
    }
    try {
      const body = await registry.metrics();
      res.setHeader('Content-Type', registry.contentType);
      res.setHeader('Cache-Control', 'no-store');
      res.send(body);
    } catch (err) {
      next(err);
    }
  });
  return { registry, middleware, router };
}

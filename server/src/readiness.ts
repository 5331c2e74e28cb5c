/**
 * Whether the API's dependencies (PostgreSQL, Redis) answer. Fed by the Redis connection's events,
 * by requests that failed on a connection error (errors.ts reports them), and by a probe (every few
 * seconds while up, every second while down). While one is down, API requests are answered 503
 * service_unavailable at once instead of waiting for a connection that will not come; the probe
 * notices the return and the API recovers by itself.
 */
import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import type { Logger } from './logger.ts';

export const DEPENDENCIES = ['database', 'redis'] as const;
export type Dependency = (typeof DEPENDENCIES)[number];

interface DepState {
  up: boolean;
  since: Date;
  error: string | null;
}

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, rej) => setTimeout(() => rej(new Error(`no answer within ${ms} ms`)), ms).unref())]);

export class Readiness {
  private readonly state: Record<Dependency, DepState>;
  private readonly timers = new Map<Dependency, NodeJS.Timeout>();
  private readonly probing = new Set<Dependency>();
  private stopped = false;

  constructor(
    private readonly probes: Record<Dependency, () => Promise<unknown>>,
    private readonly logger: Logger,
    private readonly opts: { upEveryMs?: number; downEveryMs?: number; timeoutMs?: number } = {},
  ) {
    const now = new Date();
    this.state = { database: { up: true, since: now, error: null }, redis: { up: true, since: now, error: null } };
  }

  /** Follows the connection's events (ready = up, close = down). */
  watchRedis(redis: Redis) {
    redis.on('ready', () => this.markUp('redis'));
    redis.on('close', () => this.markDown('redis', 'connection closed'));
    if (redis.status !== 'ready' && redis.status !== 'connecting' && redis.status !== 'wait') this.markDown('redis', `status ${redis.status}`);
    return this;
  }

  start() {
    for (const d of DEPENDENCIES) this.schedule(d, 0);
    return this;
  }

  stop() {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  isUp(d: Dependency) {
    return this.state[d].up;
  }

  /** The dependencies that are down now. */
  down(): Dependency[] {
    return DEPENDENCIES.filter((d) => !this.state[d].up);
  }

  snapshot() {
    return Object.fromEntries(DEPENDENCIES.map((d) => [d, { ...this.state[d], since: this.state[d].since.toISOString() }])) as Record<
      Dependency,
      { up: boolean; since: string; error: string | null }
    >;
  }

  markDown(d: Dependency, error: string) {
    const s = this.state[d];
    if (s.up) {
      this.state[d] = { up: false, since: new Date(), error: error.slice(0, 200) };
      this.logger.warn({ dependency: d, err: error.slice(0, 200) }, 'dependency unreachable: answering 503 until it returns');
      this.schedule(d, this.opts.downEveryMs ?? 1000);
    }
  }

  markUp(d: Dependency) {
    if (!this.state[d].up) {
      this.logger.info({ dependency: d, downSince: this.state[d].since.toISOString() }, 'dependency reachable again');
      this.state[d] = { up: true, since: new Date(), error: null };
    }
  }

  /** Probes now (also what the readiness endpoint calls). */
  async probe(d: Dependency): Promise<boolean> {
    if (this.probing.has(d)) return this.state[d].up;
    this.probing.add(d);
    try {
      await withTimeout(this.probes[d](), this.opts.timeoutMs ?? 2000);
      this.markUp(d);
    } catch (err) {
      this.markDown(d, (err as Error).message ?? String(err));
    } finally {
      this.probing.delete(d);
    }
    return this.state[d].up;
  }

  private schedule(d: Dependency, ms: number) {
    if (this.stopped) return;
    clearTimeout(this.timers.get(d));
    const t = setTimeout(async () => {
      await this.probe(d);
      this.schedule(d, this.state[d].up ? (this.opts.upEveryMs ?? 5000) : (this.opts.downEveryMs ?? 1000));
    }, ms);
    t.unref();
    this.timers.set(d, t);
  }
}

/** Paths that answer whatever the dependencies' state (liveness, readiness, the health report). */
const ALWAYS = /^\/api\/health(\/|$)|^\/metrics$/;

/** 503 service_unavailable at once for API requests while a dependency is down. */
export function unavailableGuard(readiness: Readiness, unavailable: (d: Dependency) => Error): RequestHandler {
  return (req, _res, next) => {
    if (!(req.path.startsWith('/api/') || req.path.startsWith('/admin/queues')) || ALWAYS.test(req.path)) return next();
    const down = readiness.down();
    if (down.length) return next(unavailable(down[0]!));
    next();
  };
}

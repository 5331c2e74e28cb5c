/** Starts BullMQ workers for every queue plus the outbox relay; stops them gracefully. */
import { appToday, setClock } from '@simak/shared';
import { Worker, type Job } from 'bullmq';
import { clockOf, type Config } from '../config.ts';
import type { Db } from '../db.ts';
import type { Logger } from '../logger.ts';
import { createMailer } from '../mail/mailer.ts';
import { createRedis } from '../redis.ts';
import { createStorage } from '../storage/storage.ts';
import { JOBS, QUEUES, type JobName } from './catalog.ts';
import { assertHandlers } from './handlers.ts';
import { createQueues } from './queues.ts';
import { OutboxRelay } from './relay.ts';
import { reconcile } from './reconcile.ts';
import { RECONCILE_SCHEDULE_ID, upsertSchedules } from './schedules.ts';
import { enqueue } from './outbox.ts';
import type { HandlerMap, JobCtx } from './types.ts';

export interface WorkerRuntime {
  relay: OutboxRelay;
  workers: Worker[];
  stop(): Promise<void>;
}

export function startWorkerRuntime(opts: {
  config: Config;
  db: Db;
  logger: Logger;
  handlers: HandlerMap;
  concurrency?: number;
  relay?: boolean;
  /** Upsert the repeatable jobs (default true). */
  schedules?: boolean;
  /** Reconcile at start and whenever the reconciliation schedule is gone (default: as schedules). */
  reconcile?: boolean;
}): WorkerRuntime {
  const { config, db, logger, handlers } = opts;
  setClock(clockOf(config));
  assertHandlers(handlers as unknown as Record<string, unknown>);
  const redis = createRedis(config.REDIS_URL, { forBullmq: true });
  // Redis down is reported by the workers' own error events; this connection only writes the heartbeat.
  redis.on('error', () => undefined);
  const mailer = createMailer(config.SMTP_URL, config.MAIL_FROM);
  const storage = createStorage(config);
  const queues = createQueues(config.REDIS_URL, config.REDIS_PREFIX);
  const relay = new OutboxRelay(db, queues, logger.child({ part: 'outbox' }), config.OUTBOX_POLL_MS);

  const process = async (job: Job) => {
    const name = job.name as JobName;
    const spec = JOBS[name];
    if (!spec) throw new Error(`unknown job ${job.name}`);
    const payload = spec.schema.parse(job.data);
    const ctx: JobCtx = { db, redis, config, logger: logger.child({ job: name, jobId: job.id }), mailer, storage, queues, attempt: job.attemptsMade + 1 };
    const handler = handlers[name] as (p: unknown, c: JobCtx) => Promise<unknown>;
    const result = await handler(payload, ctx);
    // The outbox row (if the job came through it) is done: reconciliation no longer looks for its job.
    if (job.id) await db.$executeRaw`UPDATE outbox_event SET completed_at = now() WHERE job_id = ${job.id} AND completed_at IS NULL`;
    return result;
  };

  const workers = QUEUES.map(
    (q) =>
      new Worker(q, process, {
        connection: createRedis(config.REDIS_URL, { forBullmq: true }),
        prefix: `${config.REDIS_PREFIX}:bull`,
        concurrency: opts.concurrency ?? 4,
        lockDuration: config.JOB_LOCK_SECONDS * 1000,
        stalledInterval: config.JOB_LOCK_SECONDS * 1000,
      }),
  );
  for (const w of workers) {
    w.on('failed', (job, err) => logger.warn({ job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, err: err.message }, 'job failed'));
    w.on('error', (err) => logger.error({ err: err.message }, 'worker error'));
  }
  if (opts.relay !== false) relay.start();
  let watchdog: NodeJS.Timeout | null = null;
  let reconciling: Promise<unknown> | null = null;
  if (opts.reconcile ?? opts.schedules !== false) {
    // At start, then whenever the reconciliation schedule itself is gone (Redis lost its data):
    // a direct run re-creates the schedules and re-queues what is owed.
    let reconciledOnce = false;
    const rlog = logger.child({ part: 'reconcile' });
    const check = async () => {
      if (reconciling) return;
      const run = (async () => {
        if (reconciledOnce && (await queues.default.getJobScheduler(RECONCILE_SCHEDULE_ID))) return;
        await reconcile({ db, queues, logger: rlog, config });
        reconciledOnce = true;
      })();
      reconciling = run;
      try {
        await run;
      } catch (err) {
        rlog.warn({ err: (err as Error).message }, 'reconciliation failed; will retry');
      } finally {
        reconciling = null;
      }
    };
    watchdog = setInterval(() => void check(), Math.min(60_000, config.RECONCILE_INTERVAL_SECONDS * 1000));
    watchdog.unref();
    setTimeout(() => void check(), 0).unref();
  }
  if (opts.schedules !== false) {
    upsertSchedules(queues, config).catch((err) => logger.warn({ err: (err as Error).message }, 'could not upsert job schedules'));
    // Start-up work that must not wait for its schedule: the indicator facts of the current and previous year.
    db.$transaction((tx) => enqueue(tx, 'indicators.materialize', { year: null, key: `boot-${appToday()}` })).catch((err) =>
      logger.warn({ err: (err as Error).message }, 'could not queue the indicator facts'),
    );
  }
  // Heartbeat for container health checks (npm run worker:health).
  const beat = () => redis.set(`${config.REDIS_PREFIX}:worker:heartbeat`, new Date().toISOString(), 'EX', 30).catch(() => undefined);
  void beat();
  const heartbeat = setInterval(beat, 10_000);
  heartbeat.unref();

  return {
    relay,
    workers,
    async stop() {
      clearInterval(heartbeat);
      if (watchdog) clearInterval(watchdog);
      await reconciling;
      await relay.stop();
      await Promise.all(workers.map((w) => w.close()));
      await queues.close();
      redis.disconnect();
    },
  };
}

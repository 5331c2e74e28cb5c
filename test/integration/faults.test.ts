/**
 * Fault tests against real services: a worker process SIGKILLed during a batch of letter renders,
 * Redis restarted without its data during such a batch, and a PostgreSQL connection terminated in
 * the middle of a render's transaction. Every letter ends up rendered exactly once: one document,
 * one link, one audit row, one file (no orphan, no half-written file).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { handlers } from '../../server/src/jobs/handlers.ts';
import type { JobCtx } from '../../server/src/jobs/types.ts';
import { createMailer } from '../../server/src/mail/mailer.ts';
import { buildTestApp, TEST_TODAY, type TestApp } from '../support/app.ts';
import { issueKgbLetters, letterFiles, renderedOnce, waitFor } from '../support/letters.ts';
import { freePort, PrivateRedis } from '../support/outage.ts';

let t: TestApp;
beforeAll(() => {
  t = buildTestApp({ LETTER_CLAIM_STALE_SECONDS: '3' });
});
afterAll(() => t.close());

/**
 * The worker in its own process, as docker-compose runs it (`node --import tsx`: one process, so a
 * SIGKILL reaches the worker itself, not a wrapper).
 */
function startWorker(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/worker.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: inject('databaseUrl'),
      REDIS_URL: t.config.REDIS_URL,
      REDIS_PREFIX: t.config.REDIS_PREFIX,
      SESSION_SECRET: 'test-secret-test-secret-test-secret',
      STORAGE_DIR: t.config.STORAGE_DIR,
      APP_TODAY: TEST_TODAY,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      OUTBOX_POLL_MS: '100',
      LETTER_CLAIM_STALE_SECONDS: '3',
      RECONCILE_INTERVAL_SECONDS: '10',
      RECONCILE_GRACE_SECONDS: '1',
      JOB_LOCK_SECONDS: '5',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return child;
}

async function kill(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
}

const progress = async (ids: number[]) => {
  const rows = await t.db.$queryRaw<{ rendered: number; claimed: number }[]>`
    SELECT count(*) FILTER (WHERE rendered_at IS NOT NULL)::int AS rendered,
           count(*) FILTER (WHERE rendered_at IS NULL AND render_claimed_at IS NOT NULL)::int AS claimed
    FROM letter WHERE id = ANY(${ids}::int[])`;
  return rows[0]!;
};

/** Nothing else left unrendered for the worker to pick up (earlier tests' letters). */
async function settleAll() {
  await t.db.letter.updateMany({ where: { renderedAt: null }, data: { renderedAt: new Date() } });
}

describe('a worker killed (SIGKILL) during a batch of renders', () => {
  it('after a restart every letter is rendered exactly once, with no orphan file', { timeout: 300_000 }, async () => {
    await settleAll();
    const ids = await issueKgbLetters(t.db, 40);
    let worker = startWorker({});
    try {
      // Mid-batch: some renders hold their claim (running), and not every letter is done.
      const at = await waitFor(() => progress(ids), (p) => p.claimed > 0 && p.rendered > 0, 3000, 5);
      await kill(worker, 'SIGKILL');
      const after = await progress(ids);
      expect(at.claimed).toBeGreaterThan(0);
      expect(after.rendered).toBeLessThan(ids.length);

      worker = startWorker({});
      // The jobs the dead worker held come back when BullMQ finds them stalled; their claims have gone stale by then.
      const done = await waitFor(() => renderedOnce(t.db, t.config.STORAGE_DIR, ids), (s) => s.rendered === ids.length && s.filesMatchDocuments, 2500, 100);
      expect(done).toEqual({ rendered: 40, documents: 40, links: 40, audits: 40, filesMatchDocuments: true, files: 40 });
    } finally {
      await kill(worker, 'SIGTERM');
    }
  });
});

describe('Redis restarted without its data during a batch of renders', () => {
  let redis: PrivateRedis;
  let app: TestApp;
  beforeAll(async () => {
    redis = new PrivateRedis(await freePort());
    await redis.start();
    app = buildTestApp({ REDIS_URL: redis.url, LETTER_CLAIM_STALE_SECONDS: '3' });
  });
  afterAll(async () => {
    await app.close();
    await redis.stop();
  });

  it('reconciliation delivers every letter, once', { timeout: 300_000 }, async () => {
    await settleAll();
    const repairs = async () => (await app.db.reconciliationTally.findMany({ where: { kind: { in: ['outbox', 'letter'] } } })).reduce((n, r) => n + Number(r.total), 0);
    const before = await repairs();
    const ids = await issueKgbLetters(app.db, 40);
    const worker = startWorker({ REDIS_URL: redis.url, REDIS_PREFIX: app.config.REDIS_PREFIX });
    try {
      await waitFor(() => progress(ids), (p) => p.rendered > 0, 3000, 5);
      // Redis dies and comes back empty: queued jobs, schedules and locks are gone.
      await redis.stop();
      await redis.start();
      const lost = await progress(ids);
      expect(lost.rendered).toBeLessThan(ids.length);
      const done = await waitFor(() => renderedOnce(app.db, app.config.STORAGE_DIR, ids), (s) => s.rendered === ids.length && s.filesMatchDocuments, 2500, 100);
      expect(done).toEqual({ rendered: 40, documents: 40, links: 40, audits: 40, filesMatchDocuments: true, files: 40 });
      // The letters whose jobs were lost came back through reconciliation.
      expect((await repairs()) - before).toBeGreaterThan(0);
    } finally {
      await kill(worker, 'SIGTERM');
    }
  });
});

describe('a PostgreSQL connection terminated in the middle of a render transaction', () => {
  it('leaves nothing half-written; the retry renders once', async () => {
    await settleAll();
    const [id] = await issueKgbLetters(t.db, 1);
    const ctx: JobCtx = { db: t.db, redis: t.ctx.redis, config: t.config, logger: t.ctx.logger, mailer: createMailer(undefined, 'x'), storage: t.ctx.storage, attempt: 1 };
    // Another transaction holds the letter's KGB history row: the render's transaction, having written
    // the letter's "rendered" row, its document, link and audit row, waits for it in its follow-up step.
    const letter = await t.db.letter.findUniqueOrThrow({ where: { id: id! } });
    const history = await t.db.riwayatKgb.create({
      data: { employeeId: letter.employeeId, tmt: new Date('2027-01-01'), golongan: 'III/a', mkgTahun: 4, mkgBulan: 0, gajiPokok: 3_100_000, nomorSurat: letter.number },
    });
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = t.db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM riwayat_kgb WHERE id = ${history.id} FOR UPDATE`;
        locked();
        await released;
      },
      { timeout: 60_000 },
    );
    await isLocked;
    const killer = (async () => {
      const waiting = await waitFor(
        () => t.db.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%riwayat_kgb%'`,
        (rows) => rows.length > 0,
        2000,
        10,
      );
      if (waiting[0]) await t.db.$queryRaw`SELECT 1 AS ok FROM (SELECT pg_terminate_backend(${waiting[0].pid}::int)) k`;
      release();
      return waiting[0]?.pid ?? null;
    })();
    const first = await handlers['letters.render']({ letterId: id! }, ctx).then(
      (r) => r.status,
      (err: Error) => err.message,
    );
    await holder;
    const pid = await killer;
    expect(pid).not.toBeNull();
    expect(first).toMatch(/terminat|connection/i);
    // Nothing of the transaction remains, and the file it stored is gone.
    expect(await renderedOnce(t.db, t.config.STORAGE_DIR, [id!])).toEqual({ rendered: 0, documents: 0, links: 0, audits: 0, filesMatchDocuments: true, files: 0 });
    expect(await letterFiles(t.config.STORAGE_DIR, [id!])).toEqual([]);
    expect((await t.db.letter.findUniqueOrThrow({ where: { id: id! } })).renderClaimedAt).toBeNull();

    expect((await handlers['letters.render']({ letterId: id! }, ctx)).status).toBe('done');
    expect(await renderedOnce(t.db, t.config.STORAGE_DIR, [id!])).toEqual({ rendered: 1, documents: 1, links: 1, audits: 1, filesMatchDocuments: true, files: 1 });
  });
});

/**
 * Reconciliation (jobs/reconcile.ts): when Redis loses its data, the work the database says is
 * owed is queued again under its deterministic id and happens exactly once; a render killed
 * midway leaves no orphan file. "Redis lost its data" = every key of this test's prefix deleted.
 */
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../../server/src/jobs/handlers.ts';
import { createQueues, type Queues } from '../../server/src/jobs/queues.ts';
import { RECONCILE_LOCK_KEY, reconcile } from '../../server/src/jobs/reconcile.ts';
import { OutboxRelay } from '../../server/src/jobs/relay.ts';
import { startWorkerRuntime } from '../../server/src/jobs/runtime.ts';
import { RECONCILE_SCHEDULE_ID, schedulesOf } from '../../server/src/jobs/schedules.ts';
import type { JobCtx } from '../../server/src/jobs/types.ts';
import { createMailer } from '../../server/src/mail/mailer.ts';
import { renderKey } from '../../server/src/modules/letters/jobs.ts';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { flushPrefix, issueKgbLetters, letterFiles, renderedOnce, waitFor } from '../support/letters.ts';

let t: TestApp;
let queues: Queues;
beforeAll(() => {
  t = buildTestApp({ LETTER_CLAIM_STALE_SECONDS: '5' });
  queues = createQueues(t.config.REDIS_URL, t.config.REDIS_PREFIX);
});
afterAll(async () => {
  await queues.close();
  await t.close();
});

const deps = () => ({ db: t.db, queues, logger: t.ctx.logger, config: t.config });
const tally = async () => Object.fromEntries((await t.db.reconciliationTally.findMany()).map((r) => [r.kind, Number(r.total)]));
/** Leaves no earlier test's letters unrendered (each test counts its own repairs). */
async function settleAll() {
  await t.db.letter.updateMany({ where: { renderedAt: null }, data: { renderedAt: new Date() } });
  await t.db.outboxEvent.updateMany({ where: { completedAt: null }, data: { completedAt: new Date(), relayedAt: new Date() } });
}

describe('reconciliation after Redis lost its data', () => {
  it('re-queues relayed jobs and lost schedules; every letter is rendered exactly once', async () => {
    await settleAll();
    const ids = await issueKgbLetters(t.db, 6);
    // The relay moved the render jobs to BullMQ…
    const relay = new OutboxRelay(t.db, queues, t.ctx.logger);
    await waitFor(() => relay.relayOnce(), () => true);
    expect(await t.db.outboxEvent.count({ where: { jobId: { in: ids.map((id) => `letters.render/${id}`) }, relayedAt: null } })).toBe(0);
    // …then Redis restarted without its data.
    await flushPrefix(t.ctx.redis, t.config.REDIS_PREFIX);
    expect(await queues.documents.getJobState(`letters.render/${ids[0]}`)).toBe('unknown');

    const before = await tally();
    const r = await reconcile(deps(), { graceSeconds: 0 });
    expect(r).toEqual({ ran: true, schedule: schedulesOf(t.config).length, outbox: 6, letter: 0 });
    expect(await queues.default.getJobScheduler(RECONCILE_SCHEDULE_ID)).toBeTruthy();
    for (const id of ids) expect(await queues.documents.getJobState(`letters.render/${id}`)).toBe('waiting');
    // A second run finds the work queued: nothing repaired twice.
    expect(await reconcile(deps(), { graceSeconds: 0 })).toEqual({ ran: true, schedule: 0, outbox: 0, letter: 0 });
    const after = await tally();
    expect((after.outbox ?? 0) - (before.outbox ?? 0)).toBe(6);
    expect((after.runs ?? 0) - (before.runs ?? 0)).toBe(2);

    const runtime = startWorkerRuntime({ config: t.config, db: t.db, logger: t.ctx.logger, handlers, schedules: false });
    try {
      const done = await waitFor(() => renderedOnce(t.db, t.config.STORAGE_DIR, ids), (s) => s.rendered === ids.length);
      expect(done).toEqual({ rendered: 6, documents: 6, links: 6, audits: 6, filesMatchDocuments: true, files: 6 });
      // The worker marks the outbox rows done: reconciliation stops looking for their jobs.
      await waitFor(
        () => t.db.outboxEvent.count({ where: { jobId: { in: ids.map((id) => `letters.render/${id}`) }, completedAt: null } }),
        (n) => n === 0,
      );
    } finally {
      await runtime.stop();
    }
    // Redis loses its data again: the finished work is not done twice.
    await flushPrefix(t.ctx.redis, t.config.REDIS_PREFIX);
    expect(await reconcile(deps(), { graceSeconds: 0 })).toMatchObject({ outbox: 0, letter: 0 });
    expect(await renderedOnce(t.db, t.config.STORAGE_DIR, ids)).toMatchObject({ rendered: 6, documents: 6, audits: 6, files: 6 });
  });

  it('a letter without its PDF whose job is gone or finished behind a stale claim is queued again; a live or failed job is left', async () => {
    await settleAll();
    const [gone, skipped, fresh, failed, waiting] = await issueKgbLetters(t.db, 5);
    // No outbox row left to replay (e.g. a database restored from a backup): only the letter says it is owed.
    await t.db.outboxEvent.updateMany({ where: { jobId: { in: [gone, skipped, fresh, failed, waiting].map((id) => `letters.render/${id}`) } }, data: { relayedAt: new Date(), completedAt: new Date() } });
    // skipped: its job ran while a run that then died held the claim (now stale), and completed as "skipped".
    await queues.documents.add('letters.render', { letterId: skipped }, { jobId: `letters.render/${skipped}` });
    const job = await queues.documents.getJob(`letters.render/${skipped}`);
    await t.ctx.redis.eval(
      `redis.call('LREM', KEYS[1], 0, ARGV[1]); redis.call('ZADD', KEYS[2], 1, ARGV[1]); redis.call('HSET', KEYS[3], 'finishedOn', '1')`,
      3,
      `${t.config.REDIS_PREFIX}:bull:documents:wait`,
      `${t.config.REDIS_PREFIX}:bull:documents:completed`,
      `${t.config.REDIS_PREFIX}:bull:documents:${job!.id}`,
      job!.id!,
    );
    expect(await queues.documents.getJobState(`letters.render/${skipped}`)).toBe('completed');
    await t.db.$executeRaw`UPDATE letter SET render_claimed_at = now() - interval '1 hour' WHERE id = ${skipped}`;
    // fresh: a live render holds the claim.
    await t.db.$executeRaw`UPDATE letter SET render_claimed_at = now() WHERE id = ${fresh}`;
    // failed: its job used up its attempts (left for an operator).
    await queues.documents.add('letters.render', { letterId: failed }, { jobId: `letters.render/${failed}` });
    const fj = await queues.documents.getJob(`letters.render/${failed}`);
    await t.ctx.redis.eval(
      `redis.call('LREM', KEYS[1], 0, ARGV[1]); redis.call('ZADD', KEYS[2], 1, ARGV[1])`,
      2,
      `${t.config.REDIS_PREFIX}:bull:documents:wait`,
      `${t.config.REDIS_PREFIX}:bull:documents:failed`,
      fj!.id!,
    );
    expect(await queues.documents.getJobState(`letters.render/${failed}`)).toBe('failed');
    // waiting: queued under the KGB-only name used before letters.render.
    await queues.documents.add('berkala.letter', { letterId: waiting }, { jobId: `berkala.letter/${waiting}` });

    const r = await reconcile(deps(), { graceSeconds: 0 });
    expect(r.letter).toBe(2);
    expect(await queues.documents.getJobState(`letters.render/${gone}`)).toBe('waiting');
    expect(await queues.documents.getJobState(`letters.render/${skipped}`)).toBe('waiting');
    expect(await queues.documents.getJobState(`letters.render/${fresh}`)).toBe('unknown');
    expect(await queues.documents.getJobState(`letters.render/${failed}`)).toBe('failed');
    expect(await queues.documents.getJobState(`letters.render/${waiting}`)).toBe('unknown');
    expect((await reconcile(deps(), { graceSeconds: 0 })).letter).toBe(0);
  });

  it('work younger than the grace period is left to the relay', async () => {
    await settleAll();
    const [id] = await issueKgbLetters(t.db, 1);
    await t.db.outboxEvent.updateMany({ where: { jobId: `letters.render/${id}` }, data: { relayedAt: new Date() } });
    expect(await reconcile(deps())).toMatchObject({ outbox: 0, letter: 0 });
  });

  it('one replica reconciles at a time', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    // Another replica is reconciling: it holds the lock until released.
    const other = t.db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 AS ok FROM (SELECT pg_advisory_xact_lock(${RECONCILE_LOCK_KEY})) l`;
      locked();
      await held;
    });
    await isLocked;
    expect(await reconcile(deps(), { graceSeconds: 0 })).toEqual({ ran: false, schedule: 0, outbox: 0, letter: 0 });
    release();
    await other;
    expect((await reconcile(deps(), { graceSeconds: 0 })).ran).toBe(true);
  });
});

describe('a render killed midway', () => {
  it('leaves a file that the run taking over its claim deletes: one file per letter', async () => {
    await settleAll();
    const [id] = await issueKgbLetters(t.db, 1);
    // A worker claimed the letter, stored its file (and half of a second write), then was killed before committing.
    const rows = await t.db.$queryRaw<{ at: Date }[]>`UPDATE letter SET render_claimed_at = now() - interval '1 hour' WHERE id = ${id} RETURNING render_claimed_at AS at`;
    const deadKey = renderKey(id!, rows[0]!.at);
    const full = path.resolve(t.config.STORAGE_DIR, deadKey);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, 'half a pdf');
    await writeFile(`${full}.part`, 'half a pdf');
    expect(await letterFiles(t.config.STORAGE_DIR, [id!])).toHaveLength(2);

    const ctx: JobCtx = { db: t.db, redis: t.ctx.redis, config: t.config, logger: t.ctx.logger, mailer: createMailer(undefined, 'x'), storage: t.ctx.storage, attempt: 1 };
    expect((await handlers['letters.render']({ letterId: id! }, ctx)).status).toBe('done');
    expect(await renderedOnce(t.db, t.config.STORAGE_DIR, [id!])).toEqual({ rendered: 1, documents: 1, links: 1, audits: 1, filesMatchDocuments: true, files: 1 });
  });
});

import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit, systemMeta } from '../../server/src/audit/audit.ts';
import { assertHandlers, handlers } from '../../server/src/jobs/handlers.ts';
import { enqueue } from '../../server/src/jobs/outbox.ts';
import { createQueues } from '../../server/src/jobs/queues.ts';
import { OutboxRelay } from '../../server/src/jobs/relay.ts';
import { startWorkerRuntime } from '../../server/src/jobs/runtime.ts';
import { createLogger } from '../../server/src/logger.ts';
import { createRedis } from '../../server/src/redis.ts';
import { buildTestApp, uniq, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(() => {
  t = buildTestApp();
});
afterAll(() => t.close());
const logger = createLogger('silent');

const pending = (jobId: string) => t.db.outboxEvent.findUnique({ where: { jobId } });

describe('transactional outbox', () => {
  it('writes the job with the change, and not at all when the transaction rolls back', async () => {
    const ok = uniq('k');
    await t.db.$transaction(async (tx) => {
      await writeAudit(tx, systemMeta('test'), { action: 'test.change', entityType: 'test', entityId: ok });
      await enqueue(tx, 'system.echo', { key: ok, message: 'halo' });
    });
    expect(await pending(`system.echo/${ok}`)).toMatchObject({ relayedAt: null, queue: 'default' });

    const bad = uniq('k');
    await expect(
      t.db.$transaction(async (tx) => {
        await enqueue(tx, 'system.echo', { key: bad, message: 'x' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await pending(`system.echo/${bad}`)).toBeNull();
  });

  it('rejects an invalid payload before writing anything', async () => {
    await expect(t.db.$transaction((tx) => enqueue(tx, 'system.echo', { key: '', message: 'x' }))).rejects.toThrow();
  });

  it('keeps jobs while Redis is unavailable and delivers them later, once', async () => {
    const key = uniq('k');
    await t.db.$transaction((tx) => enqueue(tx, 'system.echo', { key, message: 'tertunda' }));
    // Enqueuing the same logical job again is a no-op (deterministic job id).
    await t.db.$transaction((tx) => enqueue(tx, 'system.echo', { key, message: 'tertunda' }));
    expect(await t.db.outboxEvent.count({ where: { jobId: `system.echo/${key}` } })).toBe(1);

    const down = createQueues('redis://127.0.0.1:6391', t.config.REDIS_PREFIX);
    down.connection.on('error', () => undefined);
    for (const q of Object.values(down)) if (q instanceof Queue) q.on('error', () => undefined);
    const failing = new OutboxRelay(t.db, down, logger);
    const r1 = await failing.relayOnce();
    expect(r1.relayed).toBe(0);
    expect(r1.failed).toBeGreaterThanOrEqual(1);
    const row = await pending(`system.echo/${key}`);
    expect(row?.relayedAt).toBeNull();
    expect(row?.attempts).toBeGreaterThanOrEqual(1);
    expect(row?.lastError).toBeTruthy();
    await down.close();

    const up = createQueues(t.config.REDIS_URL, t.config.REDIS_PREFIX);
    const relay = new OutboxRelay(t.db, up, logger);
    let relayed = 0;
    for (let i = 0; i < 10 && (await pending(`system.echo/${key}`))?.relayedAt == null; i++) relayed += (await relay.relayOnce()).relayed;
    expect(relayed).toBeGreaterThanOrEqual(1);
    expect((await pending(`system.echo/${key}`))?.relayedAt).toBeInstanceOf(Date);
    const job = await up.default.getJob(`system.echo/${key}`);
    expect(job?.data).toEqual({ key, message: 'tertunda' });
    expect(job?.opts.attempts).toBe(5);
    expect(job?.opts.backoff).toMatchObject({ type: 'exponential' });
    // A second relay pass finds nothing left to send.
    const again = await relay.relayOnce();
    expect(again.relayed).toBe(0);
    await up.close();
  });

  it('runs relayed jobs in the worker', async () => {
    const key = uniq('k');
    const runtime = startWorkerRuntime({ config: t.config, db: t.db, logger, handlers });
    const redis = createRedis(t.config.REDIS_URL);
    try {
      await t.db.$transaction((tx) => enqueue(tx, 'system.echo', { key, message: 'dari worker' }));
      let value: string | null = null;
      for (let i = 0; i < 100 && !value; i++) {
        await new Promise((r) => setTimeout(r, 100));
        value = await redis.get(`${t.config.REDIS_PREFIX}:echo:${key}`);
      }
      expect(value).toBe('dari worker');
    } finally {
      await runtime.stop();
      redis.disconnect();
    }
  });
});

describe('job registry', () => {
  it('refuses to start when a job has no handler', () => {
    expect(() => assertHandlers({ ...handlers, 'mail.send': undefined })).toThrow(/no handler for mail.send/);
    expect(() => assertHandlers(handlers as unknown as Record<string, unknown>)).not.toThrow();
  });
});

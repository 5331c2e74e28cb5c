/**
 * Closing the queues while their connection is still starting must not leave an unhandled rejection:
 * BullMQ drops a queue's error listeners on close, so an init that fails afterwards (our disconnect
 * cut its INFO command) used to surface as "Connection is closed" outside any test.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createQueues } from '../../server/src/jobs/queues.ts';
import { testConfig } from '../support/app.ts';

const seen: unknown[] = [];
const onRejection = (reason: unknown) => seen.push(reason);
beforeEach(() => {
  seen.length = 0;
  process.on('unhandledRejection', onRejection);
});
afterEach(() => {
  process.off('unhandledRejection', onRejection);
});

it('queues closed at every moment of their start-up leave no unhandled rejection', async () => {
  const config = testConfig();
  // Close after 0..N event-loop turns and a few milliseconds, so the close lands before, during and after the INFO.
  for (let i = 0; i < 60; i++) {
    const queues = createQueues(config.REDIS_URL, `${config.REDIS_PREFIX}:qc`);
    if (i % 3 === 1) await new Promise((r) => setImmediate(r));
    if (i % 3 === 2) await new Promise((r) => setTimeout(r, i % 7));
    await queues.close();
  }
  await new Promise((r) => setTimeout(r, 50));
  expect(seen.map((e) => String(e))).toEqual([]);
});

it('closing with Redis unreachable settles too', async () => {
  const queues = createQueues('redis://127.0.0.1:1', 'qc-down');
  await new Promise((r) => setTimeout(r, 20));
  await queues.close();
  await new Promise((r) => setTimeout(r, 50));
  expect(seen.map((e) => String(e))).toEqual([]);
});

import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { createRedis } from '../redis.ts';
import { DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS, JOBS, QUEUES, type JobName, type QueueName } from './catalog.ts';

export type Queues = Record<QueueName, Queue> & { close(): Promise<void>; connection: Redis };

/**
 * Queues used to add jobs. Their connection fails fast when Redis is down
 * (no offline queue), so the outbox relay notices and retries later.
 */
export function createQueues(redisUrl: string, prefix: string): Queues {
  const connection = createRedis(redisUrl);
  const out = { connection } as Queues;
  for (const name of QUEUES) {
    const q = new Queue(name, { connection, prefix: `${prefix}:bull` });
    // Redis down is expected (the outbox keeps the jobs): its errors are handled where jobs are added, never unhandled.
    q.on('error', () => undefined);
    q.waitUntilReady().catch(() => undefined);
    out[name] = q;
  }
  out.close = async () => {
    // Disconnect first, then let every queue's start-up settle, then close them: BullMQ drops a queue's
    // error listeners on close, so a start-up still in flight (its INFO cut by the disconnect) would
    // otherwise fail afterwards as an unhandled rejection.
    connection.disconnect();
    // (A connection cut while reconnecting never emits 'end', so its start-up never settles: wait a moment at most.)
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled(QUEUES.map((q) => out[q].waitUntilReady())),
      new Promise((resolve) => (timer = setTimeout(resolve, 1000))),
    ]);
    clearTimeout(timer);
    await Promise.all(QUEUES.map((q) => out[q].close()));
  };
  return out;
}

export function jobOptions(name: JobName, jobId: string) {
  const spec = JOBS[name] as { attempts?: number; backoffMs?: number };
  return {
    jobId,
    attempts: spec.attempts ?? DEFAULT_ATTEMPTS,
    backoff: { type: 'exponential' as const, delay: spec.backoffMs ?? DEFAULT_BACKOFF_MS },
    removeOnComplete: { age: 7 * 24 * 3600, count: 5000 },
    removeOnFail: { age: 30 * 24 * 3600 },
  };
}

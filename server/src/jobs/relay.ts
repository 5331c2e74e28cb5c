/** Moves committed outbox rows to BullMQ (see outbox.ts). */
import type { Db } from '../db.ts';
import type { Logger } from '../logger.ts';
import type { JobName, QueueName } from './catalog.ts';
import { jobOptions, type Queues } from './queues.ts';

interface Row {
  id: bigint;
  queue: QueueName;
  job_name: JobName;
  job_id: string;
  payload: unknown;
}

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, rej) => setTimeout(() => rej(new Error(`timed out after ${ms} ms`)), ms).unref())]);

export class OutboxRelay {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly db: Db,
    private readonly queues: Queues,
    private readonly logger: Logger,
    private readonly pollMs = 1000,
  ) {}

  /** Relays up to `limit` due rows; failed rows stay pending with their error. */
  async relayOnce(limit = 200): Promise<{ relayed: number; failed: number }> {
    return this.db.$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<Row[]>`
          SELECT id, queue, job_name, job_id, payload FROM outbox_event
          WHERE relayed_at IS NULL AND available_at <= now()
          ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
        if (!rows.length) return { relayed: 0, failed: 0 };
        const byQueue = new Map<QueueName, Row[]>();
        for (const r of rows) byQueue.set(r.queue, [...(byQueue.get(r.queue) ?? []), r]);
        let relayed = 0;
        let failed = 0;
        for (const [queue, list] of byQueue) {
          const ids = list.map((r) => r.id);
          try {
            await withTimeout(
              this.queues[queue].addBulk(list.map((r) => ({ name: r.job_name, data: r.payload, opts: jobOptions(r.job_name, r.job_id) }))),
              5000,
            );
            await tx.$executeRaw`UPDATE outbox_event SET relayed_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY(${ids}::bigint[])`;
            relayed += list.length;
          } catch (err) {
            const msg = (err as Error).message.slice(0, 500);
            await tx.$executeRaw`UPDATE outbox_event SET attempts = attempts + 1, last_error = ${msg} WHERE id = ANY(${ids}::bigint[])`;
            failed += list.length;
            this.logger.warn({ queue, count: list.length, err: msg }, 'outbox relay failed; will retry');
          }
        }
        return { relayed, failed };
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
  }

  start() {
    const tick = async () => {
      try {
        this.running = this.relayOnce();
        const r = (await this.running) as { relayed: number };
        // Drain quickly when there is a backlog.
        this.timer = setTimeout(tick, r.relayed > 0 ? 10 : this.pollMs);
      } catch (err) {
        this.logger.error({ err }, 'outbox relay tick failed');
        this.timer = setTimeout(tick, this.pollMs * 5);
      }
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }
}

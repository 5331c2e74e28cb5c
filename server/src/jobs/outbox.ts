/**
 * Transactional outbox. `enqueue(tx, name, payload)` writes the job in the same
 * database transaction as the change that causes it; the relay (worker process)
 * moves committed rows to BullMQ. A change and its job are never split, and a
 * Redis outage only delays delivery.
 */
import type { Tx } from '../db.ts';
import { JOBS, type JobName, type JobPayload } from './catalog.ts';

export async function enqueue<N extends JobName>(
  tx: Tx,
  name: N,
  payload: JobPayload<N>,
  opts: { delayMs?: number } = {},
): Promise<string> {
  const spec = JOBS[name];
  const data = (spec.schema as unknown as { parse(x: unknown): JobPayload<N> }).parse(payload);
  const jobId = (spec.jobId as unknown as (p: JobPayload<N>) => string)(data);
  // The database's clock, as the relay compares with now(): app and database may disagree on the time.
  const delayMs = Math.max(0, Math.round(opts.delayMs ?? 0));
  await tx.$executeRaw`
    INSERT INTO outbox_event (queue, job_name, job_id, payload, available_at)
    VALUES (${spec.queue}, ${name}, ${jobId}, ${JSON.stringify(data)}::jsonb, now() + make_interval(secs => ${delayMs / 1000}::float8))
    ON CONFLICT (job_id) DO NOTHING`;
  return jobId;
}

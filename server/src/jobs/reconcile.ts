/**
 * Reconciliation: work the database says is owed but Redis no longer holds is queued again under
 * its deterministic job id, so it happens exactly once even after Redis lost its data.
 *
 *  - schedules: a repeatable job (schedules.ts) whose scheduler is gone is upserted again;
 *  - outbox: a row marked relayed whose job never finished (completed_at) and no longer exists in
 *    BullMQ is added again;
 *  - letters: an issued letter without its PDF, not claimed by a live render, whose render job is
 *    neither waiting nor running (gone, or finished as "skipped" behind a claim that has since gone
 *    stale) is queued again. A render job that failed all its attempts is left for an operator
 *    (bull-board, the failed-jobs metric): retrying it here would fail the same way.
 *
 * Runs under a PostgreSQL advisory lock (one replica at a time); each kind of repair is added to
 * reconciliation_tally (exported as a Prometheus counter).
 */
import type { Config } from '../config.ts';
import type { Db } from '../db.ts';
import type { Logger } from '../logger.ts';
import { JOBS, type JobName, type QueueName } from './catalog.ts';
import { jobOptions, type Queues } from './queues.ts';
import { schedulesOf, upsertSchedule } from './schedules.ts';

export const REPAIR_KINDS = ['schedule', 'outbox', 'letter'] as const;
export type RepairKind = (typeof REPAIR_KINDS)[number];
export type ReconcileResult = { ran: boolean } & Record<RepairKind, number>;

const BATCH = 1000;
export const RECONCILE_LOCK_KEY = 0x5e_c0_9c_11; // pg advisory lock id of reconciliation
const LIVE_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

export interface ReconcileDeps {
  db: Db;
  queues: Queues;
  logger: Logger;
  config: Pick<Config, 'RECONCILE_INTERVAL_SECONDS' | 'RECONCILE_GRACE_SECONDS' | 'LETTER_CLAIM_STALE_SECONDS'>;
}

export async function reconcile(deps: ReconcileDeps, opts: { graceSeconds?: number } = {}): Promise<ReconcileResult> {
  const { db, logger } = deps;
  const grace = opts.graceSeconds ?? deps.config.RECONCILE_GRACE_SECONDS;
  const result = await db.$transaction(
    async (tx) => {
      const lock = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${RECONCILE_LOCK_KEY}) AS locked`;
      if (!lock[0]?.locked) return { ran: false, schedule: 0, outbox: 0, letter: 0 };
      const r: ReconcileResult = { ran: true, schedule: await repairSchedules(deps), outbox: await repairOutbox(deps, grace), letter: await repairLetters(deps, grace) };
      const counts = [...REPAIR_KINDS.map((k) => [k, r[k]] as const), ['runs', 1] as const];
      await tx.$executeRaw`
        INSERT INTO reconciliation_tally (kind, total, updated_at)
        SELECT k, n, now() FROM unnest(${counts.map((c) => c[0])}::text[], ${counts.map((c) => c[1])}::bigint[]) AS t(k, n)
        ON CONFLICT (kind) DO UPDATE SET total = reconciliation_tally.total + excluded.total, updated_at = now()`;
      return r;
    },
    { timeout: 300_000, maxWait: 10_000 },
  );
  const repaired = result.schedule + result.outbox + result.letter;
  if (repaired) logger.warn(result, 'reconciliation queued missing work again');
  else logger.debug(result, 'reconciliation found nothing missing');
  return result;
}

async function repairSchedules({ queues, config }: ReconcileDeps): Promise<number> {
  let n = 0;
  for (const s of schedulesOf(config)) {
    if (await queues[JOBS[s.name].queue].getJobScheduler(s.id)) continue;
    await upsertSchedule(queues, s);
    n++;
  }
  return n;
}

interface OutboxRow {
  id: bigint;
  queue: QueueName;
  job_name: JobName;
  job_id: string;
  payload: unknown;
}

async function repairOutbox({ db, queues }: ReconcileDeps, grace: number): Promise<number> {
  let n = 0;
  let after = -1n;
  for (;;) {
    const rows = await db.$queryRaw<OutboxRow[]>`
      SELECT id, queue, job_name, job_id, payload FROM outbox_event
      WHERE completed_at IS NULL AND relayed_at IS NOT NULL AND relayed_at < now() - make_interval(secs => ${grace}::int) AND id > ${after}
      ORDER BY id LIMIT ${BATCH}`;
    if (!rows.length) return n;
    after = rows[rows.length - 1]!.id;
    const states = await Promise.all(rows.map((r) => queues[r.queue].getJobState(r.job_id)));
    const finished = rows.filter((_, i) => states[i] === 'completed').map((r) => r.id);
    if (finished.length) await db.$executeRaw`UPDATE outbox_event SET completed_at = now() WHERE id = ANY(${finished}::bigint[]) AND completed_at IS NULL`;
    const missing = rows.filter((_, i) => states[i] === 'unknown');
    for (const r of missing) await queues[r.queue].add(r.job_name, r.payload, jobOptions(r.job_name, r.job_id));
    n += missing.length;
  }
}

async function repairLetters({ db, queues, config }: ReconcileDeps, grace: number): Promise<number> {
  let n = 0;
  let after = 0;
  const q = queues[JOBS['letters.render'].queue];
  for (;;) {
    const rows = await db.$queryRaw<{ id: number }[]>`
      SELECT id FROM letter
      WHERE rendered_at IS NULL AND created_at < now() - make_interval(secs => ${grace}::int) AND id > ${after}
        AND (render_claimed_at IS NULL OR render_claimed_at < now() - make_interval(secs => ${config.LETTER_CLAIM_STALE_SECONDS}::int))
      ORDER BY id LIMIT ${BATCH}`;
    if (!rows.length) return n;
    after = rows[rows.length - 1]!.id;
    for (const { id } of rows) {
      // The job may also exist under the KGB-only name used before letters.render.
      const ids = [JOBS['letters.render'].jobId({ letterId: id }), JOBS['berkala.letter'].jobId({ letterId: id })];
      const states = await Promise.all(ids.map((j) => q.getJobState(j)));
      if (states.some((s) => LIVE_STATES.has(s) || s === 'failed')) continue;
      // Gone, or completed without rendering (it found a claim that has gone stale since): queue it again.
      for (const [i, s] of states.entries()) if (s === 'completed') await q.remove(ids[i]!);
      await q.add('letters.render', { letterId: id }, jobOptions('letters.render', ids[0]!));
      n++;
    }
  }
}

/** Repeatable jobs, upserted at worker start (BullMQ job schedulers: one per id, never duplicated). */
import type { Config } from '../config.ts';
import type { JobName, JobPayload } from './catalog.ts';
import { jobOptions, type Queues } from './queues.ts';
import { JOBS } from './catalog.ts';

export interface Schedule<N extends JobName> {
  id: string;
  name: N;
  /** Cron pattern in Asia/Jakarta time, or a period in milliseconds. */
  repeat: { pattern: string } | { every: number };
  data: JobPayload<N>;
}

/** The id of the reconciliation schedule (the worker's watchdog checks that it still exists). */
export const RECONCILE_SCHEDULE_ID = 'system-reconcile';

export function schedulesOf(config: Pick<Config, 'RECONCILE_INTERVAL_SECONDS'>): Schedule<JobName>[] {
  return [
    // e-Berkala: detect KGB falling due, daily at 01:00 WIB.
    { id: 'berkala-scan-daily', name: 'berkala.scan', repeat: { pattern: '0 1 * * *' }, data: { date: '2000-01-01', trigger: 'schedule' } },
    // e-Pensiun: open the pension files whose lead time has started, record exits at the TMT, daily at 01:30 WIB.
    { id: 'pensiun-daily', name: 'pensiun.daily', repeat: { pattern: '30 1 * * *' }, data: { date: '2000-01-01', trigger: 'schedule' } },
    // Indicators: the facts of the current and the previous year exist (a new year on 1 January), daily at 00:15 WIB.
    { id: 'indicators-materialize-daily', name: 'indicators.materialize', repeat: { pattern: '15 0 * * *' }, data: { year: null, key: 'schedule' } },
    // Owed-but-missing work is queued again (jobs/reconcile.ts).
    { id: RECONCILE_SCHEDULE_ID, name: 'system.reconcile', repeat: { every: config.RECONCILE_INTERVAL_SECONDS * 1000 }, data: { trigger: 'schedule' } },
  ];
}

export async function upsertSchedule(queues: Queues, s: Schedule<JobName>) {
  const { jobId: _ignored, ...opts } = jobOptions(s.name, s.id);
  const repeat = 'pattern' in s.repeat ? { pattern: s.repeat.pattern, tz: 'Asia/Jakarta' } : { every: s.repeat.every };
  await queues[JOBS[s.name].queue].upsertJobScheduler(s.id, repeat, { name: s.name, data: s.data, opts });
}

export async function upsertSchedules(queues: Queues, config: Pick<Config, 'RECONCILE_INTERVAL_SECONDS'>) {
  for (const s of schedulesOf(config)) await upsertSchedule(queues, s);
}

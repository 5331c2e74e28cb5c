/** Repeatable jobs, upserted at worker start (BullMQ job schedulers: one per id, never duplicated). */
import type { JobName, JobPayload } from './catalog.ts';
import { jobOptions, type Queues } from './queues.ts';
import { JOBS } from './catalog.ts';

interface Schedule<N extends JobName> {
  id: string;
  name: N;
  /** Cron pattern in Asia/Jakarta time. */
  pattern: string;
  data: JobPayload<N>;
}

export const SCHEDULES: Schedule<JobName>[] = [
  // e-Berkala: detect KGB falling due, daily at 01:00 WIB.
  { id: 'berkala-scan-daily', name: 'berkala.scan', pattern: '0 1 * * *', data: { date: '2000-01-01', trigger: 'schedule' } },
  // Indicators: the facts of the current and the previous year exist (a new year on 1 January), daily at 00:15 WIB.
  { id: 'indicators-materialize-daily', name: 'indicators.materialize', pattern: '15 0 * * *', data: { year: null, key: 'schedule' } },
];

export async function upsertSchedules(queues: Queues) {
  for (const s of SCHEDULES) {
    const { jobId: _ignored, ...opts } = jobOptions(s.name, s.id);
    await queues[JOBS[s.name].queue].upsertJobScheduler(s.id, { pattern: s.pattern, tz: 'Asia/Jakarta' }, { name: s.name, data: s.data, opts });
  }
}

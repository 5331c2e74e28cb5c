/**
 * The typed job registry: every job name with its queue, payload schema and
 * deterministic job id. Handlers live in the modules (jobs.ts) and are bound in
 * jobs/handlers.ts; the worker refuses to start when a name has no handler.
 */
import { z, type ZodType } from 'zod';

export const QUEUES = ['default', 'documents', 'mail'] as const;
export type QueueName = (typeof QUEUES)[number];

export interface JobSpec<P> {
  queue: QueueName;
  schema: ZodType<P>;
  /** Deterministic id (no ":" — BullMQ reserves it): the same logical job is never queued twice. */
  jobId: (p: P) => string;
  attempts?: number;
  backoffMs?: number;
}

const spec = <P>(s: JobSpec<P>) => s;

export const JOBS = {
  /** Diagnostic job used by health checks and tests: records that it ran. */
  'system.echo': spec({
    queue: 'default',
    schema: z.object({ key: z.string().min(1), message: z.string() }),
    jobId: (p) => `system.echo/${p.key}`,
  }),
  /**
   * Re-queues work that is owed but missing (a letter without its PDF, an outbox row whose job is
   * gone, a lost schedule) under its deterministic id; see jobs/reconcile.ts. Repeats every
   * RECONCILE_INTERVAL_SECONDS and runs at worker start.
   */
  'system.reconcile': spec({
    queue: 'default',
    schema: z.object({ trigger: z.string().regex(/^[a-z0-9-]{1,40}$/) }),
    jobId: (p) => `system.reconcile/${p.trigger}`,
    attempts: 1,
  }),
  /** Sends one e-mail through SMTP when configured (skipped otherwise). */
  'mail.send': spec({
    queue: 'mail',
    schema: z.object({ key: z.string().min(1), to: z.string().email(), subject: z.string(), text: z.string() }),
    jobId: (p) => `mail.send/${p.key}`,
    attempts: 8,
    backoffMs: 5_000,
  }),
  /** Runs a queued bulk import (modules/imports); idempotent, a finished import is skipped. */
  'import.run': spec({
    queue: 'default',
    schema: z.object({ importId: z.number().int().positive() }),
    jobId: (p) => `import.run/${p.importId}`,
    attempts: 3,
  }),
  /** e-Berkala detection (daily schedule, on demand by BKD_ADMIN, or the CLI). */
  'berkala.scan': spec({
    queue: 'default',
    schema: z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), trigger: z.string().regex(/^[a-z0-9-]{1,40}$/) }),
    jobId: (p) => `berkala.scan/${p.date}/${p.trigger}`,
    attempts: 3,
  }),
  /** e-Pensiun daily: opens BUP files whose lead time has started (one per employee and TMT) and records exits at the TMT. */
  'pensiun.daily': spec({
    queue: 'default',
    schema: z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), trigger: z.string().regex(/^[a-z0-9-]{1,40}$/) }),
    jobId: (p) => `pensiun.daily/${p.date}/${p.trigger}`,
    attempts: 3,
  }),
  /**
   * Renders an issued letter of any kind (modules/letters) to PDF, stores it in the vault and runs
   * the kind's follow-up (KGB: history row, notification). Claims the letter first: idempotent.
   */
  'letters.render': spec({
    queue: 'documents',
    schema: z.object({ letterId: z.number().int().positive() }),
    jobId: (p) => `letters.render/${p.letterId}`,
  }),
  /**
   * The KGB-only name of letters.render before letters of any kind existed. Nothing enqueues it any
   * more; kept so that outbox rows and BullMQ jobs queued under it in existing databases still run.
   */
  'berkala.letter': spec({
    queue: 'documents',
    schema: z.object({ letterId: z.number().int().positive() }),
    jobId: (p) => `berkala.letter/${p.letterId}`,
  }),
  /** Builds the indicator facts of a year (null: the current year and the previous one); idempotent. */
  'indicators.materialize': spec({
    queue: 'default',
    schema: z.object({ year: z.number().int().min(1900).max(2200).nullable(), key: z.string().regex(/^[a-z0-9-]{1,40}$/) }),
    jobId: (p) => `indicators.materialize/${p.key}`,
    attempts: 3,
  }),
} satisfies Record<string, { queue: QueueName; schema: ZodType; jobId: (p: never) => string }>;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]['schema']>;

export const DEFAULT_ATTEMPTS = 5;
export const DEFAULT_BACKOFF_MS = 2_000;

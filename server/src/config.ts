/**
 * Every setting comes from environment variables, validated with zod at start-up.
 * A bad value stops the process with a message naming the variable.
 */
import { fixedClock, isValidDate, setClock, systemClock, type Clock } from '@simak/shared';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const ConfigObject = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Public base URL (used in QR codes and emails); `http://localhost:<PORT>` when unset. */
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL'),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').default('redis://127.0.0.1:6379'),
  /** Prefix for Redis keys and BullMQ queues (lets tests share one Redis). */
  REDIS_PREFIX: z.string().min(1).default('simak'),
  SESSION_SECRET: z.string().min(16, 'must be at least 16 characters'),
  SESSION_TTL_MINUTES: z.coerce.number().int().positive().default(480),
  /** Refresh a session's idle lifetime in Redis at most this often (seconds; 0 = on every request). */
  SESSION_TOUCH_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /** 'auto' = secure cookies when the request came over HTTPS (behind a proxy set TRUST_PROXY). */
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  TRUST_PROXY: z.string().default('loopback'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT: z.string().default('1mb'),
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(30),
  LOGIN_RATE_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  UPLOAD_RATE_LIMIT: z.coerce.number().int().positive().default(120),
  UPLOAD_RATE_WINDOW_MINUTES: z.coerce.number().int().positive().default(10),
  /** Public letter verification (QR page and JSON) per IP per window. */
  LETTER_VERIFY_RATE_LIMIT: z.coerce.number().int().positive().default(60),
  LETTER_VERIFY_RATE_WINDOW_MINUTES: z.coerce.number().int().positive().default(10),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().int().positive().default(15),
  WEB_DIST: z.string().default(''),
  OUTBOX_POLL_MS: z.coerce.number().int().positive().default(1000),
  /** How often the reconciliation job re-queues owed-but-missing work (jobs/reconcile.ts), in seconds. */
  RECONCILE_INTERVAL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
  /**
   * BullMQ job lock (seconds): a running job's lock is renewed at half this period; a job whose worker
   * died is found stalled and run again within about twice it.
   */
  JOB_LOCK_SECONDS: z.coerce.number().int().min(5).max(600).default(30),
  /** Work younger than this (seconds) is left to the normal path (relay, a job just added) by reconciliation. */
  RECONCILE_GRACE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  /** A letter render claim older than this is taken as abandoned (the worker died) and may be taken over. */
  LETTER_CLAIM_STALE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  /** How long the API waits for a new PostgreSQL connection before answering 503. */
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  /** Bearer token for GET /metrics (Prometheus); unset = /metrics is disabled (404). */
  METRICS_TOKEN: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || v.length >= 16, 'must be at least 16 characters'),
  /** HTTP processes of the API (node:cluster); 0 = one per CPU core, 1 = no cluster. */
  API_WORKERS: z.coerce.number().int().min(0).max(64).default(0),
  /**
   * V8 young-generation semi-space of each HTTP process of the cluster, in MB (0 = V8's default, 16):
   * a request allocates many short-lived objects (Prisma rows, JSON), and a larger nursery
   * collects them less often (bench/api.ts: 8–12 % less CPU per request on the queues and lists).
   */
  API_SEMI_SPACE_MB: z.coerce.number().int().min(0).max(512).default(64),
  /** Jobs one worker process runs at the same time, per queue. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  STORAGE_DIR: z.string().default('./storage'),
  S3_ENDPOINT: z.string().optional(),
  S3_BUCKET: z.string().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY: z.string().optional(),
  S3_SECRET_KEY: z.string().optional(),
  UPLOAD_MAX_BYTES: z.coerce.number().int().positive().default(5 * 1024 * 1024),
  /** Bulk import files (CSV/XLSX) go to a temporary file; their own limit. */
  IMPORT_MAX_BYTES: z.coerce.number().int().positive().default(200 * 1024 * 1024),
  /** Data rows per import file (the header not counted); a file with more is refused. */
  IMPORT_MAX_ROWS: z.coerce.number().int().positive().default(500_000),
  /** Cells per row of an import file (header included). */
  IMPORT_MAX_CELLS_PER_ROW: z.coerce.number().int().positive().default(200),
  /** Characters in one cell of an import file. */
  IMPORT_MAX_CELL_CHARS: z.coerce.number().int().positive().default(4000),
  /** Total unpacked size of an XLSX import (declared sizes checked before inflating, inflated bytes counted). */
  IMPORT_MAX_UNPACKED_BYTES: z.coerce.number().int().positive().default(512 * 1024 * 1024),
  /** Problems (errors and warnings) stored per import; the rest are only counted. */
  IMPORT_MAX_STORED_ERRORS: z.coerce.number().int().positive().default(10_000),
  /** Temporary files of imports (uploads, spooled XLSX); '' = <os tmpdir>/simak-imports. */
  IMPORT_TMP_DIR: z.string().default(''),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('SIMAK BKD <noreply@simak.local>'),
  SEED_DEMO: bool.default(true),
  /**
   * Fixes the platform's "today" (YYYY-MM-DD) for the server, the worker, the scans and the web
   * (tests, demos, training). Unset = the machine's date in Asia/Jakarta.
   */
  APP_TODAY: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || isValidDate(v), 'must be a real date YYYY-MM-DD'),
  /** APP_TODAY is refused when NODE_ENV=production unless this is true. */
  APP_TODAY_IN_PRODUCTION: bool.default(false),
  /**
   * With APP_TODAY: the WIB time of day (HH:MM) the server's clock starts at for decisions tied to
   * the hour (attendance), running on from there — for benchmarks and demos outside office hours.
   * Unset = the real time of day.
   */
  APP_TIME: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), 'must be a time HH:MM (00:00–23:59)'),
});

const FIXED_DATE_IN_PRODUCTION = 'a fixed date is refused in production (set APP_TODAY_IN_PRODUCTION=true to allow it explicitly)';

export const ConfigSchema = ConfigObject.superRefine((c, ctx) => {
  if (c.APP_TODAY && c.NODE_ENV === 'production' && !c.APP_TODAY_IN_PRODUCTION) {
    ctx.addIssue({ code: 'custom', path: ['APP_TODAY'], message: FIXED_DATE_IN_PRODUCTION });
  }
  if (c.APP_TIME && !c.APP_TODAY) {
    ctx.addIssue({ code: 'custom', path: ['APP_TIME'], message: 'needs APP_TODAY (a fixed time of day only goes with a fixed date)' });
  }
}).transform((c) => ({ ...c, PUBLIC_URL: c.PUBLIC_URL ?? `http://localhost:${c.PORT}` }));

/**
 * The server's "now" for decisions tied to the hour when APP_TIME is set: APP_TODAY at APP_TIME
 * (WIB) when the process started, running on in real time from there.
 */
export function nowOf(config: Pick<Config, 'APP_TODAY' | 'APP_TIME'>, started: number = Date.now()): (() => Date) | undefined {
  if (!config.APP_TODAY || !config.APP_TIME) return undefined;
  const [h, m] = config.APP_TIME.split(':').map(Number) as [number, number];
  const [y, mo, d] = config.APP_TODAY.split('-').map(Number) as [number, number, number];
  const start = Date.UTC(y, mo - 1, d, h - 7, m); // WIB = UTC+7
  return () => new Date(start + (Date.now() - started));
}

export type Config = z.infer<typeof ConfigSchema>;

/** The clock a process with this configuration runs on (installed by createContext and the worker). */
export function clockOf(config: Pick<Config, 'APP_TODAY'>): Clock {
  return config.APP_TODAY ? fixedClock(config.APP_TODAY) : systemClock;
}

/**
 * For command-line tools that need no full configuration: validates only the clock's
 * variables (APP_TODAY, APP_TODAY_IN_PRODUCTION, NODE_ENV) and installs the clock.
 * A bad value stops the process with a message naming the variable.
 */
export function installClockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  const schema = ConfigObject.pick({ NODE_ENV: true, APP_TODAY: true, APP_TODAY_IN_PRODUCTION: true });
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new ConfigError(formatIssues(parsed.error.issues));
  const c = parsed.data;
  if (c.APP_TODAY && c.NODE_ENV === 'production' && !c.APP_TODAY_IN_PRODUCTION) {
    throw new ConfigError(formatIssues([{ path: ['APP_TODAY'], message: FIXED_DATE_IN_PRODUCTION }]));
  }
  return setClock(clockOf(c));
}

const IMPORT_LIMIT_KEYS = {
  IMPORT_MAX_BYTES: true,
  IMPORT_MAX_ROWS: true,
  IMPORT_MAX_CELLS_PER_ROW: true,
  IMPORT_MAX_CELL_CHARS: true,
  IMPORT_MAX_UNPACKED_BYTES: true,
  IMPORT_MAX_STORED_ERRORS: true,
  IMPORT_TMP_DIR: true,
} as const;
export type ImportLimitsConfig = Pick<Config, keyof typeof IMPORT_LIMIT_KEYS>;

/** The import limits alone, from the environment (the import CLI, which needs no full configuration). */
export function importLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): ImportLimitsConfig {
  const parsed = ConfigObject.pick(IMPORT_LIMIT_KEYS).safeParse(env);
  if (!parsed.success) throw new ConfigError(formatIssues(parsed.error.issues));
  return parsed.data;
}

function formatIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const lines = issues.map((i) => `  ${i.path.map(String).join('.') || '(env)'}: ${i.message}`);
  return `Invalid configuration (see .env.example):\n${lines.join('\n')}`;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(formatIssues(parsed.error.issues));
  }
  return parsed.data;
}

/** loadConfig for entry points: prints the problem (naming the variable) and exits. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

/** installClockFromEnv for command-line tools: prints the problem (naming the variable) and exits with 2. */
export function installClockFromEnvOrExit(env: NodeJS.ProcessEnv = process.env): Clock {
  try {
    return installClockFromEnv(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}

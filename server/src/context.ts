import type { Clock } from '@simak/shared';
import type { Redis } from 'ioredis';
import type { Config } from './config.ts';
import type { Db } from './db.ts';
import type { Queues } from './jobs/queues.ts';
import type { Logger } from './logger.ts';
import type { Readiness } from './readiness.ts';
import type { Storage } from './storage/storage.ts';

/** What every module's routes receive. */
export interface AppContext {
  config: Config;
  db: Db;
  redis: Redis;
  queues: Queues;
  logger: Logger;
  storage: Storage;
  version: string;
  /** Whether PostgreSQL and Redis answer (503 at once while one does not). */
  readiness: Readiness;
  /** The platform's clock (APP_TODAY or the machine's date); also installed as the process clock. */
  clock: Clock;
  /** The server's instant for time stamps that decide something (attendance); the machine's by default, fixed by tests. */
  now?: () => Date;
}

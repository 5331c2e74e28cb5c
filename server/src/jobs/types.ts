import type { Redis } from 'ioredis';
import type { Config } from '../config.ts';
import type { Db } from '../db.ts';
import type { Logger } from '../logger.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Storage } from '../storage/storage.ts';
import type { JobName, JobPayload } from './catalog.ts';
import type { Queues } from './queues.ts';

export interface JobCtx {
  db: Db;
  redis: Redis;
  config: Config;
  logger: Logger;
  mailer: Mailer;
  storage: Storage;
  /** The queues (the worker's; jobs that add jobs themselves, such as system.reconcile, need them). */
  queues?: Queues;
  /** BullMQ attempt number (1-based). */
  attempt: number;
}

export type JobResult = { status: 'done' | 'skipped'; [k: string]: unknown };
export type Handler<N extends JobName> = (payload: JobPayload<N>, ctx: JobCtx) => Promise<JobResult>;
export type HandlerMap = { [N in JobName]: Handler<N> };

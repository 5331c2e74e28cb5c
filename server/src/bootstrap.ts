import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setClock } from '@simak/shared';
import { clockOf, nowOf, type Config } from './config.ts';
import type { AppContext } from './context.ts';
import { createDb } from './db.ts';
import { createQueues } from './jobs/queues.ts';
import { createLogger } from './logger.ts';
import { Readiness } from './readiness.ts';
import { createRedis } from './redis.ts';
import { createStorage } from './storage/storage.ts';

export const VERSION: string = (() => {
  try {
    return JSON.parse(readFileSync(path.resolve(import.meta.dirname, '..', '..', 'package.json'), 'utf8')).version;
  } catch {
    return '0.0.0';
  }
})();

export function createContext(config: Config, overrides: Partial<AppContext> = {}): AppContext & { close(): Promise<void> } {
  const clock = setClock(overrides.clock ?? clockOf(config));
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL);
  const db = overrides.db ?? createDb(config.DATABASE_URL, 10, config.DB_CONNECT_TIMEOUT_MS);
  const redis = overrides.redis ?? createRedis(config.REDIS_URL);
  redis.on('error', (err) => logger.warn({ err: err.message }, 'redis error'));
  const queues = overrides.queues ?? createQueues(config.REDIS_URL, config.REDIS_PREFIX);
  queues.connection.on('error', () => undefined);
  const readiness =
    overrides.readiness ??
    new Readiness({ database: () => db.$queryRaw`SELECT 1`, redis: () => redis.ping() }, logger.child({ part: 'readiness' }), { timeoutMs: config.DB_CONNECT_TIMEOUT_MS })
      .watchRedis(redis)
      .start();
  return {
    config,
    db,
    redis,
    queues,
    logger,
    storage: overrides.storage ?? createStorage(config),
    version: VERSION,
    clock,
    now: overrides.now ?? nowOf(config),
    readiness,
    async close() {
      readiness.stop();
      await queues.close();
      redis.disconnect();
      await db.$disconnect();
    },
  };
}

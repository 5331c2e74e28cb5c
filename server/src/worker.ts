// Worker entry point: BullMQ workers for every queue plus the outbox relay.
import 'dotenv/config';
import { loadConfigOrExit } from './config.ts';
import { createDb } from './db.ts';
import { handlers } from './jobs/handlers.ts';
import { startWorkerRuntime } from './jobs/runtime.ts';
import { createLogger } from './logger.ts';
import { importLimits } from './modules/imports/limits.ts';
import { sweepImportTemp } from './modules/imports/reader.ts';

const config = loadConfigOrExit();
const logger = createLogger(config.LOG_LEVEL, 'simak-worker');
const db = createDb(config.DATABASE_URL, 5);
const runtime = startWorkerRuntime({ config, db, logger, handlers, concurrency: config.WORKER_CONCURRENCY });
logger.info({ concurrency: config.WORKER_CONCURRENCY }, 'SIMAK BKD worker started (queues + outbox relay)');
// Temporary import files left by a killed process (old enough not to belong to a live reader).
void sweepImportTemp(importLimits(config).tmpDir).then(
  (removed) => removed && logger.info({ removed }, 'stale import temporary files removed'),
  (err: unknown) => logger.warn({ err }, 'import temporary files not swept'),
);

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'worker shutting down: finishing active jobs');
  const force = setTimeout(() => process.exit(1), 30_000);
  force.unref();
  await runtime.stop();
  await db.$disconnect();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

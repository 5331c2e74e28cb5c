// Worker entry point: BullMQ workers for every queue plus the outbox relay.
import 'dotenv/config';
import { loadConfigOrExit } from './config.ts';
import { createDb } from './db.ts';
import { handlers } from './jobs/handlers.ts';
import { startWorkerRuntime } from './jobs/runtime.ts';
import { createLogger } from './logger.ts';

const config = loadConfigOrExit();
const logger = createLogger(config.LOG_LEVEL, 'simak-worker');
const db = createDb(config.DATABASE_URL, 5);
const runtime = startWorkerRuntime({ config, db, logger, handlers, concurrency: config.WORKER_CONCURRENCY });
logger.info({ concurrency: config.WORKER_CONCURRENCY }, 'SIMAK BKD worker started (queues + outbox relay)');

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

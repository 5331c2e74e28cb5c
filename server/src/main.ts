// HTTP entry point: `node server/dist/main.js` (compiled by `npm run build`; `tsx server/src/main.ts`
// in development). With API_WORKERS ≠ 1 it is a cluster primary that runs one HTTP process per
// core (or API_WORKERS of them) and restarts any that dies, with backoff.
import 'dotenv/config';
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { loadConfigOrExit, type Config } from './config.ts';
import { supervise, type Supervised } from './lib/supervisor.ts';
import { createLogger } from './logger.ts';

const config = loadConfigOrExit();
const processes = config.API_WORKERS || availableParallelism();

if (cluster.isPrimary && processes > 1) runPrimary(config, processes);
else void runServer(config);

function runPrimary(config: Config, count: number) {
  const logger = createLogger(config.LOG_LEVEL, 'simak-api');
  if (config.API_SEMI_SPACE_MB > 0 && !process.execArgv.some((a) => a.startsWith('--max-semi-space-size'))) {
    cluster.setupPrimary({ execArgv: [...process.execArgv, `--max-semi-space-size=${config.API_SEMI_SPACE_MB}`] });
  }
  const slots: Supervised[] = [];
  for (let i = 0; i < count; i++) {
    slots.push(
      supervise({
        name: `api#${i + 1}`,
        start: () => cluster.fork(),
        onExit: (e) =>
          logger.error(
            { process: e.name, pid: e.pid, code: e.code, signal: e.signal, uptimeMs: e.uptimeMs, restartInMs: e.restartInMs, restarts: e.restarts },
            `${e.name} exited (${e.signal ?? `code ${e.code}`}); restarting in ${e.restartInMs} ms`,
          ),
      }),
    );
  }
  logger.info({ processes: count, pid: process.pid }, `SIMAK BKD API: cluster of ${count} HTTP processes`);

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down the API cluster');
    void Promise.all(slots.map((s) => s.stop('SIGTERM', 12_000))).finally(() => process.exit(0));
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

/** One HTTP process (the app is imported here, so a cluster primary never loads it). */
async function runServer(config: Config) {
  const [{ createApp }, { createContext }, { answerClientErrors }] = await Promise.all([
    import('./app.ts'),
    import('./bootstrap.ts'),
    import('./errors.ts'),
  ]);
  const ctx = createContext(config);
  const server = createApp(ctx).listen(config.PORT, config.HOST, () => {
    ctx.logger.info(`SIMAK BKD API listening on http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`);
  });
  answerClientErrors(server);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    ctx.logger.info({ signal }, 'shutting down API');
    server.close(() => {
      void ctx.close().finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

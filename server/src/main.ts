// HTTP entry point: `tsx server/src/main.ts` (npm start runs it next to the worker).
import 'dotenv/config';
import { createApp } from './app.ts';
import { createContext } from './bootstrap.ts';
import { loadConfigOrExit } from './config.ts';
import { answerClientErrors } from './errors.ts';

const config = loadConfigOrExit();
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

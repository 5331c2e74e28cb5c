/** Starts the real app (API + worker runtime) on a free port against the per-run database. */
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/src/app.ts';
import { createContext } from '../../server/src/bootstrap.ts';
import { answerClientErrors } from '../../server/src/errors.ts';
import { handlers } from '../../server/src/jobs/handlers.ts';
import { startWorkerRuntime } from '../../server/src/jobs/runtime.ts';
import { testConfig } from './app.ts';

export async function startServer(overrides: Record<string, string> = {}) {
  const config = testConfig(overrides);
  const ctx = createContext(config);
  const app = createApp(ctx);
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  answerClientErrors(server);
  const runtime = startWorkerRuntime({ config, db: ctx.db, logger: ctx.logger, handlers });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    ctx,
    async stop() {
      await runtime.stop();
      await new Promise((r) => server.close(r));
      await ctx.close();
    },
  };
}

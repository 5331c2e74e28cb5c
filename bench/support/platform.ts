/**
 * What the load benchmarks (bench/api.ts, bench/checkin.ts) share: their database (a fresh one,
 * dropped at the end, unless BENCH_DATABASE_URL names one to reuse), and the built platform with
 * the bare baseline server (bench/support/bare-server.mjs) started side by side on free ports.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildServer } from '../../scripts/build-server.ts';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BASE = process.env.TEST_DATABASE_BASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** The benchmark's database: BENCH_DATABASE_URL (kept), else `simak_bench_<name>_<pid>` (dropped by `drop`). */
export function benchDatabase(name: string) {
  const own = !process.env.BENCH_DATABASE_URL;
  const dbName = `simak_bench_${name}_${process.pid}`;
  const url = process.env.BENCH_DATABASE_URL ?? Object.assign(new URL(BASE), { pathname: `/${dbName}` }).toString();
  return {
    url,
    async drop() {
      if (!own) return;
      const a = new pg.Client({ connectionString: BASE });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await a.end();
    },
  };
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });

async function waitFor(url: string) {
  for (let i = 0; i < 1200; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} never answered`);
}

/**
 * Builds the server and starts it (the API cluster, `workers` HTTP processes, production mode on the
 * app date `today`) and the bare baseline server in as many processes; resolves once both answer.
 * `spawnApi` replaces the compiled API (e.g. another checkout run through tsx).
 */
export async function startPlatform(opts: {
  databaseUrl: string;
  name: string;
  today: string;
  /** The WIB time of day the server's clock starts at (APP_TIME), e.g. a morning for check-ins. */
  time?: string;
  workers: string;
  spawnApi?: (env: NodeJS.ProcessEnv) => ChildProcess;
}) {
  await buildServer({ quiet: true });
  const [port, barePort] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${port}`;
  const bare = `http://127.0.0.1:${barePort}/bare`;
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: opts.databaseUrl,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `bench-${opts.name}-${process.pid}`,
    SESSION_SECRET: 'bench-secret-bench-secret-bench-secret',
    PORT: String(port),
    HOST: '127.0.0.1',
    API_WORKERS: opts.workers,
    APP_TODAY: opts.today,
    APP_TODAY_IN_PRODUCTION: 'true',
    ...(opts.time ? { APP_TIME: opts.time } : {}),
    LOGIN_RATE_LIMIT: '100000000',
    COOKIE_SECURE: 'false',
    // The built web app as npm start serves it (its files are looked up before the API's routes);
    // none when it is not built.
    WEB_DIST: path.join(ROOT, 'web', 'dist'),
    STORAGE_DIR: mkdtempSync(path.join(os.tmpdir(), 'simak-bench-storage-')),
  };
  const api = opts.spawnApi?.(env) ?? spawn(process.execPath, ['server/dist/main.js'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const bareServer = spawn(process.execPath, ['bench/support/bare-server.mjs'], { cwd: ROOT, env: { ...env, PORT: String(barePort) }, stdio: 'inherit' });
  const children = [api, bareServer];
  const stop = async () => {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
  };
  try {
    await Promise.all([waitFor(`${base}/api/health`), waitFor(bare)]);
  } catch (err) {
    await stop();
    throw err;
  }
  return { base, bare, apiPid: api.pid!, barePid: bareServer.pid!, stop };
}

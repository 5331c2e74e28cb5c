/**
 * The running platform under load (issue 15.1): starts the built platform (server/dist, the API
 * cluster as `npm start` runs it) on the demo regency and, in the same run, a bare Express route
 * (bench/support/bare-server.mjs, one JSON answer, no middleware, as many processes as the API),
 * then drives each read with autocannon (50 connections) and prints requests/s, p50 and p99,
 * each as a percentage of the bare route. The bare route is measured before, between and after
 * the platform's targets; the median is the baseline. A second baseline, the floor (same server:
 * one Redis GET and one prepared SELECT 1 per request, no middleware, no ORM), shows the least any
 * signed-in read costs on this machine; each target is also given as a percentage of it. A third,
 * the stack floor (same server: the fixed stack's middleware as the platform mounts it, helmet,
 * compression, body parsers, express-session in Redis, passport, csrf-csrf, with the user taken from
 * the session and one prepared SELECT 1, no application code), is the least a signed-in read costs
 * on Express + Passport + Redis sessions.
 *
 *   npx tsx bench/api.ts [employees=7000] [seconds=10]
 *   BENCH_DATABASE_URL=…  reuse a seeded database (else a fresh one is seeded and dropped)
 *   API_WORKERS=n         HTTP processes (default one per core, as npm start)
 *   BENCH_API_DIR=dir     run the API of another checkout through tsx (`node tsx server/src/main.ts` in dir,
 *                         how npm start ran it before the compiled server), e.g. to measure the code before a change
 */
import autocannon, { type Result } from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DEMO_PASSWORD, DEMO_USERNAMES, seedDemo } from '../prisma/seed/demo.ts';
import { applyMigrations } from '../prisma/tools/migrations.ts';
import { benchDatabase, ROOT, startPlatform } from './support/platform.ts';

const N = Number(process.argv[2] ?? 7000);
const SECONDS = Number(process.argv[3] ?? 10);
const CONNECTIONS = 50;
const TODAY = '2026-11-30';
const database = benchDatabase('api');
const databaseUrl = database.url;
const workers = process.env.API_WORKERS || String(os.availableParallelism());
let platform: Awaited<ReturnType<typeof startPlatform>> | null = null;

async function prepareDatabase() {
  await applyMigrations(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM employee');
  await client.end();
  if (rows[0]!.n > 0) return;
  const t0 = performance.now();
  await seedDemo({ databaseUrl, employees: N, today: TODAY });
  // As npm start does after seeding: the first KGB scan and the indicator facts of the dashboard's years.
  process.env.APP_TODAY = TODAY;
  const { installClockFromEnv } = await import('../server/src/config.ts');
  installClockFromEnv();
  const [{ createDb }, { runKgbScan }, { materializeYear }, { defaultMaterializedYears }] = await Promise.all([
    import('../server/src/db.ts'),
    import('../server/src/modules/berkala/scan.ts'),
    import('../server/src/modules/indicators/compute.ts'),
    import('../server/src/modules/indicators/jobs.ts'),
  ]);
  const db = createDb(databaseUrl, 2);
  await runKgbScan(db);
  for (const y of defaultMaterializedYears()) await materializeYear(db, y);
  await db.$disconnect();
  console.log(`Seeded ${N} employees (KGB scan, indicator facts) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

async function login(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('simak.sid='));
  return cookie!.split(';')[0]!;
}

/** The pids of a process tree (the cluster primary and its HTTP processes, or tsx and its child). */
const tree = (pid: number): number[] => [
  pid,
  ...spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map(Number).flatMap(tree),
];
/** CPU seconds (user + system) used so far by the processes of a tree. */
function cpuSeconds(pid: number): number {
  const hz = 100;
  return tree(pid).reduce((sum, p) => {
    try {
      const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return sum + (Number(fields[11]) + Number(fields[12])) / hz;
    } catch {
      return sum;
    }
  }, 0);
}

interface Row {
  label: string;
  rps: number;
  /** CPU milliseconds the server's processes spent per answered request (insensitive to other load on the machine). */
  cpuMs: number;
  p50: number;
  p99: number;
  bytes: number;
  bad: number;
}

/** Waits until `url` answers within 50 ms (what the previous target queued is done), at most 30 s. */
async function settle(url: string) {
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now();
    await fetch(url).catch(() => undefined);
    if (performance.now() - t0 < 50) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

let healthUrl = '';

async function measure(label: string, server: number, opts: { url: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<Row> {
  if (healthUrl) await settle(healthUrl);
  // Warm-up (JIT, pools, caches), then the measured run.
  await autocannon({ ...opts, connections: CONNECTIONS, duration: 2 });
  const cpu0 = cpuSeconds(server);
  const r: Result = await autocannon({ ...opts, connections: CONNECTIONS, duration: SECONDS });
  const answered = r['2xx'] + r.non2xx;
  const row = {
    label,
    rps: r.requests.average,
    cpuMs: answered ? ((cpuSeconds(server) - cpu0) * 1000) / answered : 0,
    p50: r.latency.p50,
    p99: r.latency.p99,
    bytes: r['2xx'] ? r.throughput.total / (r['2xx'] + r.non2xx) : 0,
    bad: r.non2xx + r.errors + r.timeouts,
  };
  console.log(`  measured ${label}: ${row.rps.toFixed(0)} req/s, ${row.cpuMs.toFixed(2)} CPU ms/request, p50 ${row.p50} ms, p99 ${row.p99} ms${row.bad ? `, ${row.bad} non-2xx/errors` : ''}`);
  return row;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  await prepareDatabase();
  const other = process.env.BENCH_API_DIR;
  platform = await startPlatform({
    databaseUrl,
    name: 'api',
    today: TODAY,
    workers,
    spawnApi: other
      ? (env) => spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'server/src/main.ts'], { cwd: other, env, stdio: ['ignore', 'ignore', 'inherit'] })
      : undefined,
  });
  const { base, bare } = platform;
  healthUrl = `${base}/api/health`;

  const asn = await login(base, DEMO_USERNAMES.asn);
  const verifier = await login(base, DEMO_USERNAMES.bkdVerifier);
  const opdAdmin = await login(base, DEMO_USERNAMES.dinkesAdmin);
  const bkdAdmin = await login(base, DEMO_USERNAMES.bkdAdmin);
  const get = (url: string, cookie: string) => ({ url: `${base}${url}`, headers: { cookie } });

  console.log(
    `API ${other ? `of ${other} (tsx, one process)` : `server/dist, ${workers} HTTP processes`} on the demo regency (${N} employees), ` +
      `bare route in ${workers} processes, ${CONNECTIONS} connections, ${SECONDS} s per target`,
  );
  const load0 = os.loadavg()[0]!.toFixed(1);
  const api = platform.apiPid;
  const bareServer = platform.barePid;
  const bares = [await measure('bare Express route (1)', bareServer, { url: bare })];
  const floor = await measure('floor: one Redis GET + one SELECT 1 (no middleware, no ORM)', bareServer, { url: bare.replace(/\/bare$/, '/floor') });
  const stackUrl = bare.replace(/\/bare$/, '/stack');
  const stackLogin = await fetch(`${stackUrl}/login`, { method: 'POST' });
  const stackCookie = stackLogin.headers.getSetCookie().find((c) => c.startsWith('stack.sid='))!.split(';')[0]!;
  const stack = await measure('stack floor: the fixed stack (helmet, session, passport, CSRF) + one SELECT 1, no application code', bareServer, {
    url: stackUrl,
    headers: { cookie: stackCookie },
  });
  const rows: Row[] = [];
  rows.push(await measure('GET /api/auth/me (ASN)', api, get('/api/auth/me', asn)));
  rows.push(await measure('GET /api/employees/me (profile, ASN)', api, get('/api/employees/me', asn)));
  rows.push(await measure('GET /api/employees (list, BKD)', api, get('/api/employees?page=2', verifier)));
  bares.push(await measure('bare Express route (2)', bareServer, { url: bare }));
  rows.push(await measure('GET /api/employees?q= (search, BKD)', api, get('/api/employees?q=sari', verifier)));
  rows.push(await measure('GET /api/requests (verifier queue)', api, get('/api/requests?assigned=true&open=true', verifier)));
  rows.push(await measure('GET /api/requests (KGB queue, OPD admin)', api, get('/api/requests?type=KGB&open=true', opdAdmin)));
  rows.push(await measure(`GET /api/indicators (BKD, ${TODAY.slice(0, 4)})`, api, get(`/api/indicators?year=${TODAY.slice(0, 4)}`, bkdAdmin)));
  bares.push(await measure('bare Express route (3)', bareServer, { url: bare }));
  // Login last: 50 concurrent argon2 hashes keep the cores busy for a while after the run.
  rows.push(
    await measure('POST /api/auth/login (argon2)', api, {
      url: `${base}/api/auth/login`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: DEMO_USERNAMES.asn, password: DEMO_PASSWORD }),
    }),
  );

  const b = {
    rps: median(bares.map((r) => r.rps)),
    cpuMs: median(bares.map((r) => r.cpuMs)),
    p50: median(bares.map((r) => r.p50)),
    p99: median(bares.map((r) => r.p99)),
  };
  console.log(`\nLoad average (1 min) at start ${load0}, at end ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores`);
  console.log(`Baseline: bare Express route, median of 3: ${b.rps.toFixed(0)} req/s, ${b.cpuMs.toFixed(3)} CPU ms/request, p50 ${b.p50} ms, p99 ${b.p99} ms`);
  console.log(
    `Floor (the least a signed-in read needs here: one Redis and one PostgreSQL round trip): ${floor.rps.toFixed(0)} req/s = ${((100 * floor.rps) / b.rps).toFixed(1)} % of bare, ` +
      `p50 ${floor.p50} ms, p99 ${floor.p99} ms`,
  );
  console.log(
    `Stack floor (the same plus the fixed stack's middleware: Express, helmet, Redis sessions, Passport, CSRF): ${stack.rps.toFixed(0)} req/s = ` +
      `${((100 * stack.rps) / b.rps).toFixed(1)} % of bare, p50 ${stack.p50} ms, p99 ${stack.p99} ms\n`,
  );
  // "% of bare (CPU)": the bare route's CPU time per request over the target's: the share of the bare
  // route's throughput the target reaches when CPU is what limits both (stable under other load).
  console.log('| target | req/s | % of bare | % of floor | % of stack floor | CPU ms/request | % of bare (CPU) | p50 ms | p99 ms | bytes/answer |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.label} | ${r.rps.toFixed(0)} | ${((100 * r.rps) / b.rps).toFixed(1)} % | ${((100 * r.rps) / floor.rps).toFixed(0)} % | ${((100 * r.rps) / stack.rps).toFixed(0)} % | ${r.cpuMs.toFixed(2)} | ${((100 * b.cpuMs) / r.cpuMs).toFixed(1)} % | ` +
        `${r.p50} | ${r.p99} | ${Math.round(r.bytes)} |`,
    );
  }
}

async function cleanup() {
  await platform?.stop();
  await database.drop();
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => void cleanup());

/**
 * The morning peak of attendance (issue 12 part 7): POST /api/presensi (check-in with
 * geolocation, server time, fence and schedule, the reading and its audit row in one
 * transaction) on the built platform (server/dist, as `npm start` runs it), against a bare
 * Express route (bench/support/bare-server.mjs) in the same run, same process count.
 *
 * K employees (default 1,000) are signed in first (one session and CSRF token each); every
 * check-in request uses the next session, so each request is a first check-in of the day (the
 * readings of the day are deleted between samples). Two measurements:
 *  - saturation: the K check-ins through 50 connections, throughput and p99;
 * and the time 7,000 and 70,000 check-ins take at that capacity against the 30 minutes of the
 * peak (3.9/s and 38.9/s), and latency at those arrival rates (autocannon's connectionRate: 4 and
 * 39 connections sending one request a second each; its overallRate mode hung here).
 * Each as a ratio of the bare route measured the same way (3 samples, median; warm-up first).
 * The server's clock starts at 07:00 WIB of the demo day (APP_TODAY + APP_TIME), so the run is
 * the morning peak whatever the hour; any refusal (422) is counted and reported.
 *
 *   npx tsx bench/checkin.ts [employees=1500] [sessions=1000]
 *   BENCH_DATABASE_URL=…  reuse a seeded demo database (else a fresh one is seeded and dropped)
 */
import autocannon, { type Options, type Result } from 'autocannon';
import os from 'node:os';
import pg from 'pg';
import { DEMO_PASSWORD, seedDemo } from '../prisma/seed/demo.ts';
import { applyMigrations } from '../prisma/tools/migrations.ts';
import { benchDatabase, startPlatform } from './support/platform.ts';

const N = Number(process.argv[2] ?? 1500);
const K = Number(process.argv[3] ?? 1000);
const SAMPLES = 3;
const CONNECTIONS = 50;
const TODAY = '2026-11-30';
const database = benchDatabase('checkin');
const databaseUrl = database.url;
const workers = process.env.API_WORKERS || String(os.availableParallelism());
let platform: Awaited<ReturnType<typeof startPlatform>> | null = null;

interface Session {
  cookie: string;
  body: string;
}

async function signIn(base: string, username: string, body: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const sid = res.headers.getSetCookie().find((c) => c.startsWith('simak.sid='))!.split(';')[0]!;
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { cookie: sid } });
  const token = ((await csrf.json()) as { csrfToken: string }).csrfToken;
  const cookies = [sid, ...csrf.headers.getSetCookie().map((c) => c.split(';')[0]!)].filter((c, i, a) => a.findIndex((x) => x.split('=')[0] === c.split('=')[0]) === i);
  return { cookie: `${cookies.join('; ')}\u0000${token}`, body };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Row {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  refused: number;
  other: number;
}

async function run(opts: Options): Promise<Row> {
  const r: Result & { statusCodeStats?: Record<string, { count: number }> } = await autocannon({ timeout: 30, ...opts });
  if (process.env.BENCH_VERBOSE) console.log(`  ${opts.url} ${opts.overallRate ? `${opts.overallRate.toFixed(1)}/s` : 'saturation'}: ${r.requests.average} req/s, p99 ${r.latency.p99} ms, codes ${JSON.stringify(r.statusCodeStats ?? {})}`);
  const codes = r.statusCodeStats ?? {};
  const n = (c: string) => codes[c]?.count ?? 0;
  return { rps: r.duration > 0 ? (r['2xx'] + r.non2xx) / r.duration : r.requests.average, p50: r.latency.p50, p99: r.latency.p99, ok: n('201') + n('200'), refused: n('422'), other: r.non2xx - n('422') + r.errors + r.timeouts };
}

async function main() {
  await applyMigrations(databaseUrl);
  const c = new pg.Client({ connectionString: databaseUrl });
  c.on('error', () => undefined); // the database is dropped at the end, also after a failure
  await c.connect();
  if ((await c.query<{ n: number }>('SELECT count(*)::int AS n FROM employee')).rows[0]!.n === 0) {
    const t0 = performance.now();
    await seedDemo({ databaseUrl, employees: N, today: TODAY });
    console.log(`Seeded ${N} employees in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  // K employees with an account and an office fence; sign-in without the first-login password change.
  const people = (
    await c.query<{ id: number; username: string; lat: string; lon: string }>(
      `SELECT e.id, u.username, o.latitude AS lat, o.longitude AS lon FROM employee e JOIN app_user u ON u.employee_id = e.id JOIN opd o ON o.id = e.opd_id
       WHERE u.active AND e.tmt_berhenti IS NULL AND o.latitude IS NOT NULL AND o.radius_m IS NOT NULL ORDER BY e.id LIMIT $1`,
      [K],
    )
  ).rows;
  await c.query('UPDATE app_user SET must_change_password = false WHERE employee_id = ANY($1::int[])', [people.map((p) => p.id)]);
  // The readings of the benchmark's day (the server's clock is fixed to TODAY at 07:00 WIB).
  const reset = () => c.query('DELETE FROM presensi WHERE employee_id = ANY($1::int[]) AND tanggal = $2::date', [people.map((p) => p.id), TODAY]);
  await reset();

  // The morning peak whatever the hour of the run: the server's clock starts at 07:00 WIB (APP_TIME).
  platform = await startPlatform({ databaseUrl, name: 'checkin', today: TODAY, time: '07:00', workers });
  const { base, bare } = platform;

  const t0 = performance.now();
  const sessions: Session[] = [];
  for (let i = 0; i < people.length; i += 8) {
    sessions.push(
      ...(await Promise.all(
        people.slice(i, i + 8).map((p) => signIn(base, p.username, JSON.stringify({ jenis: 'MASUK', latitude: Number(p.lat), longitude: Number(p.lon), accuracy: 12 }))),
      )),
    );
  }
  console.log(`Signed in ${sessions.length} employees in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  let next = 0;
  const checkin = (extra: Partial<Options>): Options => ({
    url: `${base}/api/presensi`,
    method: 'POST',
    ...extra,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const s = sessions[next++ % sessions.length]!;
          const [cookie, token] = s.cookie.split('\u0000');
          req.headers = { ...req.headers, 'content-type': 'application/json', cookie: cookie!, 'x-csrf-token': token! };
          req.body = s.body;
          return req;
        },
      },
    ],
  });
  const bareOpts = (extra: Partial<Options>): Options => ({ url: bare, ...extra });

  // Warm-up of both (JIT, pools), then the samples; the day's readings are removed before each check-in run.
  await run(bareOpts({ connections: Math.min(CONNECTIONS, K), amount: K }));
  await reset();
  await run(checkin({ connections: Math.min(CONNECTIONS, K), amount: K }));
  const sat = { bare: [] as Row[], app: [] as Row[] };
  for (let i = 0; i < SAMPLES; i++) {
    sat.bare.push(await run(bareOpts({ connections: CONNECTIONS, duration: 3 })));
    await reset();
    sat.app.push(await run(checkin({ connections: Math.min(CONNECTIONS, K), amount: K })));
  }
  // The peak's own arrival rates (7,000 and 70,000 employees checking in over 30 minutes): each of
  // connection sends one request a second (autocannon's connectionRate; its overallRate mode hung
  // here), for 20 s or as many check-ins as there are sessions.
  const atRate: { label: string; bare: Row[]; app: Row[] }[] = [];
  for (const [employees, perSecond] of [
    [7_000, 7_000 / 1_800],
    [70_000, 70_000 / 1_800],
  ] as const) {
    // autocannon's connectionRate is a whole number per connection: one per second each, as many connections as the rate (rounded).
    const connections = Math.max(1, Math.round(perSecond));
    const rate = { connections, connectionRate: 1, amount: Math.min(K, connections * 20) };
    const row = { label: `${employees.toLocaleString('en')} employees in 30 min (${perSecond.toFixed(1)}/s): ${connections} check-ins/s, ${rate.amount} check-ins`, bare: [] as Row[], app: [] as Row[] };
    row.bare.push(await run(bareOpts(rate)));
    await reset();
    row.app.push(await run(checkin(rate)));
    atRate.push(row);
  }
  const m = (rows: Row[], k: keyof Row) => median(rows.map((x) => x[k]));
  const okAll = [...sat.app, ...atRate.flatMap((a) => a.app)];
  console.log(`\nCheck-in (POST /api/presensi) vs a bare Express route, server/dist with ${workers} HTTP processes; ${K} signed-in employees, ${SAMPLES} samples, median`);
  console.log(`Answers over all check-in runs: ${okAll.reduce((s, x) => s + x.ok, 0)} accepted (201), ${okAll.reduce((s, x) => s + x.refused, 0)} refused (422, e.g. outside working hours), ${okAll.reduce((s, x) => s + x.other, 0)} other`);
  console.log('| Load | Bare req/s | Check-in req/s | Throughput ratio | Bare p99 ms | Check-in p99 ms | p99 ratio |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  const line = (label: string, b: Row[], a: Row[]) =>
    console.log(`| ${label} | ${m(b, 'rps').toFixed(0)} | ${m(a, 'rps').toFixed(0)} | ${(m(a, 'rps') / m(b, 'rps')).toFixed(3)} | ${m(b, 'p99')} | ${m(a, 'p99')} | ${(m(a, 'p99') / Math.max(1, m(b, 'p99'))).toFixed(1)}× |`);
  line(`saturation, ${K} check-ins (bare: 3 s), ${CONNECTIONS} connections`, sat.bare, sat.app);
  for (const a of atRate) line(a.label, a.bare, a.app);
  const cap = m(sat.app, 'rps');
  console.log(`Capacity: ${cap.toFixed(0)} check-ins/s → 7,000 employees in ${(7000 / cap).toFixed(0)} s, 70,000 in ${(70000 / cap).toFixed(0)} s (the peak allows 1,800 s).`);
  await reset();
  await c.end();
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

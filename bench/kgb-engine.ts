/**
 * The KGB scan through the engine (createRequests: requests, events, checklist items pre-filled
 * from the vault, document links and audit rows, set-based) against the scan as it was before,
 * with hand-written INSERTs around the engine (bench/baselines/kgb-scan-raw.ts), in the same run:
 * two fresh databases seeded identically, each scanned once (first run, creates the drafts) and
 * again (rerun, creates nothing). Goal: the engine path ≤ 1.5× the raw path.
 *
 *   npx tsx bench/kgb-engine.ts [employees=20000] [rounds=3]
 */
import pg from 'pg';
import { seedDemo } from '../prisma/seed/demo.ts';
import { applyMigrations } from '../prisma/tools/migrations.ts';
import { createDb } from '../server/src/db.ts';
import { runKgbScan } from '../server/src/modules/berkala/scan.ts';
import { runKgbScan as runRawScan } from './baselines/kgb-scan-raw.ts';

const N = Number(process.argv[2] ?? 20_000);
const ROUNDS = Number(process.argv[3] ?? 3);
const BASE = process.env.TEST_DATABASE_BASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const TODAY = '2026-11-30';

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: BASE });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function prepare(name: string) {
  const url = Object.assign(new URL(BASE), { pathname: `/${name}` }).toString();
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await applyMigrations(url);
  await seedDemo({ databaseUrl: url, employees: N, today: TODAY });
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query('ANALYZE');
  await c.end();
  return url;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const rows: { path: string; first: number[]; rerun: number[]; created: number }[] = [
    { path: 'raw', first: [], rerun: [], created: 0 },
    { path: 'engine', first: [], rerun: [], created: 0 },
  ];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate the order so neither path always runs on a warmer machine.
    const order = round % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) {
      const row = rows[i]!;
      const name = `simak_bench_kgb_${row.path}_${process.pid}`;
      const url = await prepare(name);
      const db = createDb(url, 4);
      try {
        const scan = row.path === 'raw' ? runRawScan : runKgbScan;
        let t0 = performance.now();
        const first = await scan(db, { today: TODAY });
        row.first.push(performance.now() - t0);
        row.created = first.created;
        t0 = performance.now();
        await scan(db, { today: TODAY });
        row.rerun.push(performance.now() - t0);
      } finally {
        await db.$disconnect();
        await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }
    }
  }
  const [raw, engine] = rows as [(typeof rows)[0], (typeof rows)[0]];
  console.log(`KGB scan of ${N} employees, ${ROUNDS} rounds (median), ${engine.created} drafts created`);
  console.log(`  raw INSERTs (before): first run ${median(raw.first).toFixed(0)} ms, rerun ${median(raw.rerun).toFixed(0)} ms`);
  console.log(`  through the engine:   first run ${median(engine.first).toFixed(0)} ms, rerun ${median(engine.rerun).toFixed(0)} ms`);
  console.log(`  ratio engine / raw:   first run ${(median(engine.first) / median(raw.first)).toFixed(2)}×, rerun ${(median(engine.rerun) / median(raw.rerun)).toFixed(2)}× (goal ≤ 1.5×)`);
}

await main();

/**
 * The KGB scan at scale (issue 15, part 6): first run (creates the drafts through the workflow
 * engine) and rerun (creates nothing: every employee's next TMT already has its request, so the
 * scan skips them set-based), against a baseline measured in the same run.
 *
 *   npx tsx bench/kgb-scan.ts [employees=100000] [rounds=5]
 *       (TEST_DATABASE_BASE_URL or postgresql://postgres@127.0.0.1:5432)
 *
 * A fresh database is seeded with the demo generator (full histories) and ANALYZEd by the seed.
 * Baseline: ONE hand-written SQL read of the rows the scan reads (every PNS/CPNS in service with
 * a golongan, and their latest KGB since the golongan's TMT via LATERAL), warm (one unmeasured
 * run first), median of `rounds`. The first run is one sample by nature (it creates the drafts);
 * the rerun is the median of `rounds`. Goals: first run < 10 s and rerun < 2 s at 100,000.
 */
import pg from 'pg';
import { seedDemo } from '../prisma/seed/demo.ts';
import { applyMigrations } from '../prisma/tools/migrations.ts';
import { createDb } from '../server/src/db.ts';
import { runKgbScan } from '../server/src/modules/berkala/scan.ts';

const N = Number(process.argv[2] ?? 100_000);
const ROUNDS = Number(process.argv[3] ?? 5);
const BASE = process.env.TEST_DATABASE_BASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const TODAY = '2026-11-30';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = async <T>(fn: () => Promise<T>) => {
  const t0 = performance.now();
  const r = await fn();
  return { ms: performance.now() - t0, r };
};
const BASELINE = `SELECT e.id, e.golongan, e.tmt_golongan, e.mkg_tahun, e.mkg_bulan, k.tmt, k.mkg_tahun, k.mkg_bulan
  FROM employee e LEFT JOIN LATERAL (
    SELECT tmt, mkg_tahun, mkg_bulan FROM riwayat_kgb WHERE employee_id = e.id AND tmt >= e.tmt_golongan ORDER BY tmt DESC LIMIT 1
  ) k ON true
  WHERE e.status_kepegawaian IN ('PNS', 'CPNS') AND e.tmt_berhenti IS NULL AND e.golongan IS NOT NULL`;

async function main() {
  const name = `simak_bench_kgbscan_${process.pid}`;
  const url = Object.assign(new URL(BASE), { pathname: `/${name}` }).toString();
  await applyMigrations(url);
  const seeded = await time(() => seedDemo({ databaseUrl: url, employees: N, today: TODAY }));
  console.log(`seeded ${N.toLocaleString('en')} employees in ${(seeded.ms / 1000).toFixed(1)} s`);
  const db = createDb(url, 4);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(BASELINE);
    const base: number[] = [];
    let rows = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const b = await time(() => client.query(BASELINE));
      base.push(b.ms);
      rows = b.r.rowCount ?? 0;
    }
    const first = await time(() => runKgbScan(db, { today: TODAY }));
    const reruns: number[] = [];
    let rerun = first.r;
    for (let i = 0; i < ROUNDS; i++) {
      const r = await time(() => runKgbScan(db, { today: TODAY }));
      reruns.push(r.ms);
      rerun = r.r;
    }
    const b = median(base);
    const r = median(reruns);
    console.log(`KGB scan of ${N.toLocaleString('en')} employees (${first.r.scanned.toLocaleString('en')} PNS/CPNS scanned)`);
    console.log(`  baseline: one SQL read of the same rows (${rows.toLocaleString('en')}), warm, median of ${ROUNDS}: ${b.toFixed(0)} ms   [${base.map((x) => x.toFixed(0)).join(', ')}]`);
    console.log(`  first run: ${(first.ms / 1000).toFixed(2)} s, created ${first.r.created} (postponed ${first.r.postponed})  → ${(first.ms / b).toFixed(1)}× baseline (goal < 10 s: ${first.ms < 10_000 ? 'met' : 'NOT met'})`);
    console.log(`  rerun, median of ${ROUNDS}: ${(r / 1000).toFixed(2)} s, created ${rerun.created}, already present ${rerun.alreadyPresent}  → ${(r / b).toFixed(1)}× baseline (goal < 2 s: ${r < 2_000 ? 'met' : 'NOT met'})   [${reruns.map((x) => x.toFixed(0)).join(', ')}]`);
  } finally {
    await client.end();
    await db.$disconnect();
    const admin = new pg.Client({ connectionString: BASE });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

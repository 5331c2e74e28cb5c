/**
 * Planner statistics (issue 15.4): the first indicator answer for a year computed from the
 * histories (not materialized) on a freshly seeded demo regency whose tables have autovacuum
 * off, with the statistics the seed's ANALYZE leaves, against the baseline of the same seed
 * with the statistics reset to those of empty tables (what the seed left before it analyzed).
 *
 *   npx tsx bench/planner-stats.ts [employees=7000]
 */
import pg from 'pg';
import { applyMigrations } from '../prisma/tools/migrations.ts';
import { seedDemo } from '../prisma/seed/demo.ts';
process.env.APP_TODAY = '2026-11-30';
const { installClockFromEnv } = await import('../server/src/config.ts');
installClockFromEnv();
const { createDb } = await import('../server/src/db.ts');
const { computeIndicators } = await import('../server/src/modules/indicators/compute.ts');
const BASE = 'postgresql://postgres@127.0.0.1:5432/postgres';
for (const analyze of [true, false]) {
  const name = `simak_fresh_${analyze ? 'a' : 'n'}_${process.pid}`;
  const url = Object.assign(new URL(BASE), { pathname: `/${name}` }).toString();
  await applyMigrations(url);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const tables = (await c.query<{ t: string }>(`SELECT relname AS t FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'`)).rows.map((r) => r.t);
  for (const t of tables) await c.query(`ALTER TABLE "${t}" SET (autovacuum_enabled = false)`);
  await seedDemo({ databaseUrl: url, employees: Number(process.argv[2] ?? 7000), today: '2026-11-30' });
  if (!analyze) {
    // What the seed left before this change: statistics of the empty tables (reltuples -1, no pg_statistic rows).
    for (const t of tables) await c.query(`UPDATE pg_class SET reltuples = -1, relpages = 0 WHERE oid = '"${t}"'::regclass`);
    await c.query(`DELETE FROM pg_statistic WHERE starelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace)`);
  }
  const db = createDb(url, 4);
  const t0 = performance.now();
  await computeIndicators(db, { year: 2024 });
  console.log(`${analyze ? 'with the seed ANALYZE' : 'without statistics'}: first answer for 2024 (from the histories) ${(performance.now() - t0).toFixed(0)} ms`);
  await db.$disconnect();
  await c.end();
  const a = new pg.Client({ connectionString: BASE });
  await a.connect();
  await a.query(`DROP DATABASE "${name}" WITH (FORCE)`);
  await a.end();
}

/**
 * Employee search at scale: p50/p99 of the list endpoint's query (search by name fragment,
 * NIP prefix, OPD filter, sorting, pagination, count) over a generated regency, against a
 * baseline measured in the same run: the same queries with index scans disabled (what the
 * queries cost without the trigram/b-tree indexes).
 *
 *   npx tsx bench/search.ts [employees=100000] [queries=300]
 */
import pg from 'pg';
import { seedDemo } from '../prisma/seed/demo.ts';
import { applyMigrations } from '../prisma/tools/migrations.ts';
import type { Actor } from '../server/src/auth/actor.ts';
import { createDb } from '../server/src/db.ts';
import { EmployeeListQuery, employeeOrder, employeeWhere, listSelect } from '../server/src/modules/employees/service.ts';

const N = Number(process.argv[2] ?? 100_000);
const Q = Number(process.argv[3] ?? 300);
const BASE = process.env.TEST_DATABASE_BASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const name = `simak_bench_search_${process.pid}`;
const url = Object.assign(new URL(BASE), { pathname: `/${name}` }).toString();

const bkd: Actor = { userId: 0, username: 'bench', displayName: 'bench', employeeId: null, nip: null, roles: ['BKD_VERIFIER'], opds: [], scopeOpdIds: [], mustChangePassword: false };
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function main() {
  await applyMigrations(url);
  await seedDemo({ databaseUrl: url, employees: N, today: '2026-11-30' });
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('ANALYZE');
  const names = (await admin.query<{ nama: string; nip: string; opd_id: number }>('SELECT nama, nip, opd_id FROM employee ORDER BY id')).rows;
  const opds = [...new Set(names.map((n) => n.opd_id))];
  // Deterministic query mix: name fragments, NIP prefixes, OPD + sort, plain pages.
  const mix = Array.from({ length: Q }, (_, i) => {
    const e = names[(i * 7919) % names.length]!;
    const k = i % 4;
    if (k === 0) return { q: e.nama.split(' ')[0]!.slice(0, 5), sort: 'nama' as const };
    if (k === 1) return { q: e.nip.slice(0, 12), sort: 'nip' as const };
    if (k === 2) return { opdId: opds[i % opds.length], sort: '-golongan' as const };
    return { q: e.nama.split(' ').at(-1)!.slice(0, 4), sort: 'opd' as const, page: 2 };
  });

  async function run(label: string, sessionSql?: string) {
    const db = createDb(url, 1);
    if (sessionSql) await db.$executeRawUnsafe(sessionSql);
    const times: number[] = [];
    for (const m of mix) {
      const query = EmployeeListQuery.parse(m);
      const t0 = performance.now();
      const where = await employeeWhere(db, bkd, query);
      await Promise.all([
        db.employee.count({ where }),
        db.employee.findMany({ where, select: listSelect, orderBy: employeeOrder(query.sort), skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
      ]);
      times.push(performance.now() - t0);
    }
    await db.$disconnect();
    const r = { p50: pct(times, 50), p99: pct(times, 99) };
    console.log(`  ${label.padEnd(34)} p50 ${r.p50.toFixed(1)} ms   p99 ${r.p99.toFixed(1)} ms`);
    return r;
  }

  try {
    console.log(`Employee search over ${N} employees, ${Q} queries (name fragment, NIP prefix, OPD + sort, page 2 sorted by OPD)`);
    await run('warm-up');
    const idx = await run('with indexes');
    // One pooled connection: the session settings apply to every query of the run.
    const noIdx = await run('baseline: index scans disabled', 'SET enable_indexscan = off; SET enable_bitmapscan = off; SET enable_indexonlyscan = off');
    console.log(`  ratio (with indexes / baseline): p50 ${(idx.p50 / noIdx.p50).toFixed(2)}×, p99 ${(idx.p99 / noIdx.p99).toFixed(2)}×`);
  } finally {
    await admin.end();
    const a = new pg.Client({ connectionString: BASE });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await a.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

/**
 * The monthly attendance recap at scale (issue 12 part 7): N employees (default 100,000) in 50
 * OPDs with a month of demo attendance (prisma/seed/presensi-demo.ts: readings, leave, official
 * duty), then the recap statement the platform runs (server/src/modules/rekap/sql.ts, with the
 * employee and OPD columns the page shows) against ONE hand-written SQL aggregate over the
 * month's readings (count and minutes per employee) in the same run. Warm-up first; baseline
 * and recap alternate, the median of each is printed with the ratio.
 *
 *   npx tsx bench/rekap.ts [employees=100000] [samples=5]
 *   BENCH_DATABASE_URL=…  reuse a prepared database (else a fresh one is built and dropped)
 */
import pg from 'pg';
import { applyMigrations } from '../prisma/tools/migrations.ts';

const N = Number(process.argv[2] ?? 100_000);
const SAMPLES = Number(process.argv[3] ?? 5);
const TODAY = '2026-11-30';
const BASE = process.env.TEST_DATABASE_BASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const own = !process.env.BENCH_DATABASE_URL;
const dbName = `simak_bench_rekap_${process.pid}`;
const databaseUrl = process.env.BENCH_DATABASE_URL ?? Object.assign(new URL(BASE), { pathname: `/${dbName}` }).toString();

async function prepare() {
  await applyMigrations(databaseUrl);
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  const { rows } = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM employee');
  if (rows[0]!.n === 0) {
    const t0 = performance.now();
    await c.query(`INSERT INTO opd (kode, nama, latitude, longitude, radius_m, updated_at)
      SELECT 'B' || i, 'OPD bench ' || i, -8.13 - i * 0.001, 113.22, 150, now() FROM generate_series(1, 50) i`);
    await c.query(`INSERT INTO employee (nip, nama, jenis_kelamin, tanggal_lahir, status_kepegawaian, tmt_cpns, opd_id, jenis_jabatan, pendidikan_terakhir, updated_at)
      SELECT '2' || lpad(i::text, 17, '0'), 'Pegawai ' || i, 'L', date '1985-01-01', 'PNS', date '2010-01-01',
             (SELECT min(id) FROM opd) + (i % 50), (ARRAY['STRUKTURAL','FUNGSIONAL','PELAKSANA'])[1 + i % 3]::"JenisJabatan", 'S1', now()
      FROM generate_series(1, ${N}) i`);
    await c.query('ANALYZE employee, opd');
    console.log(`Inserted ${N} employees in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  await c.end();
  const probe = new pg.Client({ connectionString: databaseUrl });
  await probe.connect();
  const { rows: has } = await probe.query<{ n: number }>('SELECT count(*)::int AS n FROM presensi');
  await probe.end();
  if (has[0]!.n === 0) {
    const t0 = performance.now();
    const [{ createDb }, { seedPresensiDemo }] = await Promise.all([import('../server/src/db.ts'), import('../prisma/seed/presensi-demo.ts')]);
    const db = createDb(databaseUrl, 1);
    const r = await seedPresensiDemo({ db, today: TODAY });
    await db.$disconnect();
    console.log(`Demo attendance: ${r?.readings} readings, ${r?.leave} leave rows, ${r?.dinasLuar} official-duty days in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  await prepare();
  const [{ createDb }, { recapRows }] = await Promise.all([import('../server/src/db.ts'), import('../server/src/modules/rekap/service.ts')]);
  const db = createDb(databaseUrl, 2);
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  const from = '2026-11-01';
  const to = '2026-11-30';
  const baseline = async () => {
    const t0 = performance.now();
    const r = await c.query(
      `SELECT employee_id, count(*) FILTER (WHERE jenis = 'MASUK') AS hadir, sum(menit) FILTER (WHERE jenis = 'MASUK') AS telat
       FROM presensi WHERE accepted AND tanggal BETWEEN $1 AND $2 GROUP BY employee_id`,
      [from, to],
    );
    return { ms: performance.now() - t0, rows: r.rowCount ?? 0 };
  };
  const recap = async () => {
    const t0 = performance.now();
    const r = await recapRows(db, from, to, TODAY, { units: null, start: '2026-10-30' });
    return { ms: performance.now() - t0, rows: r.length };
  };
  // Warm-up: caches and plans.
  await baseline();
  await recap();
  const b: number[] = [];
  const s: number[] = [];
  let rows = { baseline: 0, recap: 0 };
  for (let i = 0; i < SAMPLES; i++) {
    const x = await baseline();
    const y = await recap();
    b.push(x.ms);
    s.push(y.ms);
    rows = { baseline: x.rows, recap: y.rows };
  }
  const mb = median(b);
  const ms = median(s);
  console.log(`Monthly recap, ${N} employees (${rows.recap} recap rows; the aggregate returns ${rows.baseline}), ${SAMPLES} samples each, median:`);
  console.log(`  hand-written aggregate over the month's readings: ${mb.toFixed(0)} ms (samples ${b.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`  recap (grid of employees × working days, leave, official duty, bands, employee and OPD columns): ${ms.toFixed(0)} ms (samples ${s.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`  ratio recap / aggregate: ${(ms / mb).toFixed(2)}×`);
  await c.end();
  await db.$disconnect();
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(async () => {
    if (!own) return;
    const admin = new pg.Client({ connectionString: BASE });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  });

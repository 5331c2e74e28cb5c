/**
 * The indicators answer of a materialized year (issue 15, part 5): read from the per-OPD
 * rollups, cached by facts version, against a hand-written SQL query over the same facts.
 *
 *   npx tsx bench/indicators-read.ts [--employees 1000000] [--runs 15]
 *       (TEST_DATABASE_BASE_URL or postgresql://postgres@127.0.0.1:5432; BENCH_KEEP_DB=1 keeps the database)
 *
 * A fresh database is filled by SQL (generate_series, random() after setseed: deterministic)
 * with a regency shaped like bench/indicators-generate.ts (40 top-level OPDs with units
 * under them; employees with position, education, training, SKP and penalty histories),
 * ANALYZEd, and the facts of 2025 and 2026 are materialized (timed). Then, interleaved,
 * warm (one unmeasured run of each first), median of `runs`:
 *
 *   baseline  ONE hand-written SQL query over the same facts: the counts the indicators need
 *             (population by status and education level, IKom a–d numerators/denominators,
 *             SKP scored / from nilai / score sum with the predicate scores) per OPD and level
 *             in force on D, for the year — a scan of the year's indicator_fact partition;
 *   api       the whole GET /api/indicators answer (computeIndicators: the year and the
 *             previous one, penalties, counters, snapshot, formulas), as the route computes it:
 *             the rollups from the cache keyed by the facts version;
 *   api-cold  the same with the cache emptied before each run (every figure read from the
 *             rollups: what the first request after a write costs);
 *   rollup    the rollup read alone (agency-wide sums per OPD and level as of D).
 *
 * The counts of the rollups are compared with the baseline's (must be identical), and a
 * write (one training row, committed) must change the answer at once.
 */
import pg from 'pg';
import { DEFAULT_PREDIKAT_SCORES, PREDIKAT_SKP } from '@simak/shared';
import { applyMigrations } from '../prisma/tools/migrations.ts';
import { createDb } from '../server/src/db.ts';
import { clearRollupCache, computeIndicators, loadLevels, materializeYear, unitCounts } from '../server/src/modules/indicators/compute.ts';
import { rollupCountsSql } from '../server/src/modules/indicators/sql.ts';
import { factsBaselineSql } from './support/facts-baseline.ts';

function flag(name: string, fallback: number) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const N = flag('employees', 1_000_000);
const RUNS = flag('runs', 15);
const BASE = process.env.TEST_DATABASE_BASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const YEAR = 2026;
const AS_OF = '2026-11-30';

const time = async <T>(fn: () => Promise<T>) => {
  const t0 = performance.now();
  const r = await fn();
  return { ms: performance.now() - t0, r };
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

/** The regency, generated in PostgreSQL. */
async function generate(client: pg.Client, n: number) {
  await client.query(`SELECT setseed(0.20261207)`);
  // OPDs: 40 top-level, 6 units under each, every fifth unit with 3 subunits.
  await client.query(`
    INSERT INTO opd (id, kode, nama, parent_id, updated_at)
    SELECT t, 'B' || lpad(t::text, 2, '0'), 'Perangkat Daerah ' || t, NULL, now() FROM generate_series(1, 40) t`);
  await client.query(`
    INSERT INTO opd (id, kode, nama, parent_id, updated_at)
    SELECT 40 + (t - 1) * 6 + c, 'B' || lpad(t::text, 2, '0') || '.' || c, 'Unit ' || t || '.' || c, t, now()
    FROM generate_series(1, 40) t, generate_series(1, 6) c`);
  await client.query(`
    INSERT INTO opd (id, kode, nama, parent_id, updated_at)
    SELECT 280 + (u - 41) / 5 * 3 + g, o.kode || '.' || g, 'Subunit ' || o.kode || '.' || g, u, now()
    FROM generate_series(41, 280, 5) u JOIN opd o ON o.id = u, generate_series(1, 3) g`);
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM opd`);
  const opds = rows[0]!.n;

  // The employees' drawn attributes, once (temporary table), then the employee rows and histories.
  await client.query(`
    CREATE TEMP TABLE gen AS
    WITH r AS (
      SELECT g AS id, random() AS st, random() AS sy, random() AS sm, random() AS ex, random() AS exy, random() AS un,
        random() AS jr, random() AS es, random() AS er, random() AS lu, random() AS sx, random() AS bd
      FROM generate_series(1, $1::int) g
    ), s AS (
      SELECT r.*, CASE WHEN st < 0.8 THEN 'PNS' WHEN st < 0.95 THEN 'PPPK' WHEN st < 0.98 THEN 'CPNS' ELSE 'KONTRAK' END AS status
      FROM r
    )
    SELECT id, status,
      CASE status WHEN 'CPNS' THEN make_date(2024 + floor(sy * 3)::int, 1 + floor(sm * 12)::int, 1)
                  WHEN 'PPPK' THEN make_date(2019 + floor(sy * 8)::int, 1 + floor(sm * 12)::int, 1)
                  ELSE make_date(1985 + floor(sy * 39)::int, 1 + floor(sm * 12)::int, 1) END AS start,
      CASE WHEN ex < 0.05 THEN make_date(2019 + floor(exy * 8)::int, 1 + floor(sm * 12)::int, 15) END AS leaves,
      1 + floor(un * $2::int)::int AS unit,
      CASE WHEN jr < 0.05 THEN 'STRUKTURAL' WHEN jr < 0.43 THEN 'FUNGSIONAL' ELSE 'PELAKSANA' END AS jenis,
      (ARRAY['II.a', 'II.b', 'III.a', 'III.b', 'IV.a', 'IV.b'])[1 + floor(es * 6)::int] AS eselon_pick,
      CASE WHEN er < 0.01 THEN 1 WHEN er < 0.03 THEN 2 WHEN er < 0.25 THEN 3 WHEN er < 0.27 THEN 4 WHEN er < 0.28 THEN 5
           WHEN er < 0.42 THEN 6 WHEN er < 0.46 THEN 7 WHEN er < 0.8 THEN 8 WHEN er < 0.84 THEN 9 WHEN er < 0.965 THEN 10
           WHEN er < 0.98 THEN 11 WHEN er < 0.995 THEN 12 ELSE 13 END AS edu,
      floor(lu * 4)::int AS lulus_back, sx < 0.5 AS male, floor(bd * 38 * 365)::int AS birth
    FROM s`, [n, opds]);
  const EDU = `(ARRAY['SD', 'SMP', 'SMA', 'D1', 'D2', 'D3', 'D4', 'S1', 'PROFESI', 'S2', 'SP1', 'S3', 'SP2'])`;
  await client.query(`
    INSERT INTO employee (id, nip, nama, jenis_kelamin, tanggal_lahir, status_kepegawaian, tmt_cpns, tmt_pppk, tmt_berhenti,
                          jenis_berhenti, opd_id, jenis_jabatan, nama_jabatan, eselon, pendidikan_terakhir, tahun_lulus, updated_at)
    SELECT id, '9' || lpad(id::text, 17, '0'), 'Pegawai ' || id, (CASE WHEN male THEN 'L' ELSE 'P' END)::"JenisKelamin",
      date '1962-01-01' + birth, status::"StatusKepegawaian",
      CASE WHEN status IN ('PNS', 'CPNS') THEN start END, CASE WHEN status = 'PPPK' THEN start END,
      CASE WHEN leaves > start THEN leaves END, CASE WHEN leaves > start THEN 'PENSIUN'::"JenisBerhenti" END,
      unit, jenis::"JenisJabatan", CASE jenis WHEN 'FUNGSIONAL' THEN 'Pranata Ahli' WHEN 'STRUKTURAL' THEN 'Kepala' ELSE 'Pelaksana' END,
      CASE WHEN jenis = 'STRUKTURAL' THEN eselon_pick END, ${EDU}[edu], LEAST(2026, extract(year FROM start)::int - lulus_back), now()
    FROM gen`);
  // Positions (90 %): 0–3 earlier ones in random units, then the current one.
  await client.query(`
    INSERT INTO riwayat_jabatan (employee_id, jenis_jabatan, nama_jabatan, eselon, opd_id, tmt_jabatan, updated_at)
    SELECT g.id,
      CASE WHEN k = e.earlier THEN g.jenis::"JenisJabatan" WHEN random() < 0.7 THEN 'PELAKSANA' ELSE 'FUNGSIONAL' END,
      CASE WHEN k = e.earlier THEN 'Jabatan sekarang' ELSE 'Jabatan lama' END,
      CASE WHEN k = e.earlier AND g.jenis = 'STRUKTURAL' THEN g.eselon_pick END,
      CASE WHEN k = e.earlier THEN g.unit ELSE 1 + floor(random() * $1::int)::int END,
      g.start + k * (GREATEST(1, date '2026-06-01' - g.start) / (e.earlier + 1) + 1), now()
    FROM gen g
    CROSS JOIN LATERAL (SELECT floor(random() * 4)::int + 0 * g.id AS earlier, random() + 0 * g.id AS has) e
    CROSS JOIN LATERAL generate_series(0, e.earlier) k
    WHERE g.status <> 'KONTRAK' AND e.has < 0.9`, [opds]);
  // Education (85 %): the highest level, SMA and S1 below it sometimes.
  await client.query(`
    INSERT INTO riwayat_pendidikan (employee_id, jenjang, tahun_lulus, updated_at)
    SELECT g.id, ${EDU}[lv.edu], LEAST(2026, extract(year FROM g.start)::int - g.lulus_back) - lv.back, now()
    FROM gen g
    CROSS JOIN LATERAL (SELECT random() + 0 * g.id AS has, random() + 0 * g.id AS a, random() + 0 * g.id AS b) x
    CROSS JOIN LATERAL (VALUES (g.edu, 0, true), (3, 4, g.edu > 3 AND x.a < 0.7), (8, 8, g.edu > 8 AND x.b < 0.6)) lv(edu, back, keep)
    WHERE g.status <> 'KONTRAK' AND x.has < 0.85 AND lv.keep`);
  // Trainings 2015–2026: 0–10 each.
  await client.query(`
    INSERT INTO riwayat_diklat (employee_id, jenis, nama, tanggal_mulai, tanggal_selesai, jp, updated_at)
    SELECT id, jenis::"JenisDiklat", 'Diklat ' || k, mulai,
      mulai + CASE WHEN jenis = 'WORKSHOP' THEN floor(random() * 3)::int ELSE 2 + floor(random() * 29)::int END,
      CASE WHEN jenis = 'WORKSHOP' THEN 2 + floor(random() * 15)::int ELSE 8 + floor(random() * 73)::int END, now()
    FROM (
      SELECT g.id, k,
        CASE WHEN g.jenis = 'STRUKTURAL' AND k = 1 AND random() < 0.7 THEN 'KEPEMIMPINAN'
             ELSE (ARRAY['KEPEMIMPINAN', 'FUNGSIONAL', 'FUNGSIONAL', 'TEKNIS', 'TEKNIS', 'TEKNIS', 'TEKNIS', 'WORKSHOP', 'WORKSHOP', 'WORKSHOP'])[1 + floor(random() * 10)::int] END AS jenis,
        date '2015-01-01' + floor(random() * 12 * 365)::int AS mulai
      FROM gen g
      CROSS JOIN LATERAL generate_series(1, floor(random() * 11)::int + 0 * g.id) k
      WHERE g.status <> 'KONTRAK'
    ) t`);
  // SKP 2019–2026: 92 % of the years, 60 % with a nilai, else a predicate.
  await client.query(`
    INSERT INTO riwayat_skp (employee_id, tahun, nilai, predikat, updated_at)
    SELECT id, y, CASE WHEN num THEN round((60 + random() * 39)::numeric, 2) END,
      CASE WHEN NOT num THEN (ARRAY['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'])[1 + floor(random() * 5)::int]::"PredikatSkp" END, now()
    FROM (SELECT g.id, y, random() < 0.6 AS num, random() AS keep FROM gen g, generate_series(2019, 2026) y WHERE g.status <> 'KONTRAK') t
    WHERE keep < 0.92`);
  // Penalties (2 %).
  await client.query(`
    INSERT INTO riwayat_hukdis (employee_id, tingkat, nomor_sk, tanggal_sk, updated_at)
    SELECT id, (ARRAY['RINGAN', 'SEDANG', 'BERAT'])[1 + floor(random() * 3)::int]::"TingkatHukdis", '800/' || id || '/2026',
      date '2020-01-01' + floor(random() * 7 * 365)::int, now()
    FROM gen WHERE status <> 'KONTRAK' AND random() < 0.02`);
  for (const t of ['opd', 'employee', 'riwayat_jabatan', 'riwayat_pendidikan', 'riwayat_diklat', 'riwayat_skp', 'riwayat_hukdis']) {
    await client.query(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), GREATEST((SELECT max(id) FROM "${t}"), 1))`);
  }
  await client.query(`DROP TABLE gen`);
  return opds;
}

async function main() {
  const name = `simak_bench_indread_${N}_${process.pid}`;
  const url = Object.assign(new URL(BASE), { pathname: `/${name}` }).toString();
  const admin = new pg.Client({ connectionString: BASE });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await applyMigrations(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const db = createDb(url, 8);
  try {
    const gen = await time(() => generate(client, N));
    const an = await time(() => client.query('ANALYZE'));
    const { rows: sizes } = await client.query<{ t: string; n: string }>(`
      SELECT 'employee' AS t, count(*)::text AS n FROM employee UNION ALL SELECT 'jabatan', count(*)::text FROM riwayat_jabatan
      UNION ALL SELECT 'pendidikan', count(*)::text FROM riwayat_pendidikan UNION ALL SELECT 'diklat', count(*)::text FROM riwayat_diklat
      UNION ALL SELECT 'skp', count(*)::text FROM riwayat_skp UNION ALL SELECT 'hukdis', count(*)::text FROM riwayat_hukdis`);
    console.log(`${N.toLocaleString('en')} employees, ${gen.r} OPDs: generated by SQL in ${fmt(gen.ms)} (+ ANALYZE ${fmt(an.ms)}); ${sizes.map((s) => `${s.t} ${Number(s.n).toLocaleString('en')}`).join(', ')}`);
    const mat: string[] = [];
    for (const y of [YEAR - 1, YEAR]) mat.push(`${y} ${fmt((await time(() => materializeYear(db, y))).ms)}`);
    await client.query('ANALYZE indicator_fact, indicator_rollup');
    const { rows: counts } = await client.query<{ facts: string; rollups: string }>(
      `SELECT (SELECT count(*) FROM indicator_fact WHERE year = ${YEAR})::text AS facts, (SELECT count(*) FROM indicator_rollup WHERE year = ${YEAR})::text AS rollups`,
    );
    console.log(`facts materialized (with their rollups): ${mat.join(', ')}; ${YEAR}: ${Number(counts[0]!.facts).toLocaleString('en')} fact rows, ${Number(counts[0]!.rollups).toLocaleString('en')} rollup rows`);

    const scores = PREDIKAT_SKP.map((p) => Math.round(DEFAULT_PREDIKAT_SCORES[p] * 100));
    const levels = await loadLevels(db);
    const baseline = () => client.query(factsBaselineSql(YEAR, AS_OF, scores));
    const api = () => computeIndicators(db, { year: YEAR, asOf: AS_OF });
    const apiCold = () => {
      clearRollupCache();
      return computeIndicators(db, { year: YEAR, asOf: AS_OF });
    };
    const rollup = () => db.$queryRaw(rollupCountsSql({ year: YEAR, asOf: AS_OF }));

    // Same counts?
    const norm = (rows: Record<string, unknown>[]): string =>
      JSON.stringify(rows.map((r) => ({ ...r, score_cents: Number(r.score_cents) }) as Record<string, unknown>).sort((a, b) => Number(a.unit_id) - Number(b.unit_id) || Number(a.level) - Number(b.level)));
    const viaRollups = await unitCounts(db, { year: YEAR, asOf: AS_OF, levels: levels.codes, predicateScores: DEFAULT_PREDIKAT_SCORES, units: null });
    const viaBaseline = (await baseline()).rows;
    const same = norm(viaRollups as unknown as Record<string, unknown>[]) === norm(viaBaseline);
    console.log(`rollup counts = baseline counts (${viaBaseline.length} OPD × level groups): ${same ? 'yes' : 'NO'}`);
    if (!same) process.exitCode = 1;

    // Warm-up, then interleaved measured runs.
    await baseline();
    await api();
    await apiCold();
    await rollup();
    const ms = { baseline: [] as number[], api: [] as number[], apiCold: [] as number[], rollup: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      ms.baseline.push((await time(baseline)).ms);
      ms.api.push((await time(api)).ms);
      ms.apiCold.push((await time(apiCold)).ms);
      ms.rollup.push((await time(rollup)).ms);
    }
    const b = median(ms.baseline);
    const line = (label: string, xs: number[]) =>
      console.log(`  ${label.padEnd(68)} ${fmt(median(xs)).padStart(9)}  = ${(median(xs) / b).toFixed(3)}× baseline   [min ${fmt(Math.min(...xs))}, max ${fmt(Math.max(...xs))}]`);
    console.log(`median of ${RUNS} warm runs each (interleaved):`);
    line('baseline: hand-written SQL over the same facts (counts per OPD × level)', ms.baseline);
    line('api: GET /api/indicators answer (computeIndicators, cache by version)', ms.api);
    line('api-cold: the same, cache emptied (every year read from the rollups)', ms.apiCold);
    line('rollup: the rollup read alone (agency, per OPD × level as of D)', ms.rollup);
    console.log(`goal: the API answer < 100 ms: ${median(ms.api) < 100 ? 'met' : 'NOT met'} (warm, cached); cold ${median(ms.apiCold) < 100 ? 'met' : 'NOT met'}`);

    // Never stale: a committed write changes the answer at once.
    const before = await api();
    const { rows: who } = await client.query<{ employee_id: number }>(
      `SELECT employee_id FROM indicator_fact WHERE year = ${YEAR} AND valid_from <= '${AS_OF}' AND valid_to > '${AS_OF}' AND jp < 20 ORDER BY employee_id LIMIT 1`,
    );
    const w = await time(() =>
      client.query(
        `INSERT INTO riwayat_diklat (employee_id, jenis, nama, tanggal_mulai, tanggal_selesai, jp, updated_at) VALUES ($1, 'TEKNIS', 'Probe', '2026-02-01', '2026-02-03', 30, now())`,
        [who[0]!.employee_id],
      ),
    );
    const after = await time(api);
    const c = (r: typeof before) => (r.indicators.ikom.components as { c: { num: number } }).c.num;
    console.log(
      `a write (one 30-JP training, ${fmt(w.ms)} to commit with facts, rollups and version): next answer ${fmt(after.ms)}, IKom c numerator ${c(before)} → ${c(after.r)} (${c(after.r) === c(before) + 1 ? 'changed at once' : 'NOT CHANGED'})`,
    );
    if (c(after.r) !== c(before) + 1) process.exitCode = 1;
  } finally {
    await client.end();
    await db.$disconnect();
    if (!process.env.BENCH_KEEP_DB) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    else console.log(`kept database ${name}`);
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

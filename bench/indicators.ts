/**
 * Live indicators benchmark, each figure printed as a ratio to baselines measured in
 * the same run on the same data:
 *
 *   npx tsx bench/indicators.ts [sizes=100000,1000000] [runs=5]
 *       (TEST_DATABASE_BASE_URL or postgresql://postgres@127.0.0.1:5432; BENCH_KEEP_DB=1 keeps the databases)
 *
 * For each size: a fresh database (prisma/tools/migrations.ts applyMigrations) filled by
 * bench/indicators-generate.ts (employees + jabatan, pendidikan, diklat, SKP, hukdis histories),
 * VACUUM ANALYZE, then, interleaved, median of `runs`:
 *
 *   scan     ONE hand-written SQL query touching every row of each table the indicators read
 *            (employee, riwayat_jabatan, riwayat_pendidikan, riwayat_diklat, riwayat_skp, riwayat_hukdis);
 *   facts    ONE hand-written SQL query over the same materialized facts (bench/support/facts-baseline.ts:
 *            the counts per OPD and level in force on D, a scan of the year's partition) — the fair
 *            baseline for the facts path, which core/response now read from the per-OPD rollups;
 *   core     the full indicator set of a year for the agency and every top-level OPD
 *            (IKP, IKom a–d, IKin, IDis, IP with every numerator/denominator): computeTallies + formulas,
 *            from the year's materialized facts (built first, timed: what the worker does);
 *   direct   the same from the histories (the path of a year not materialized); must agree exactly;
 *   response the whole GET /api/indicators answer (core + previous year + counters + snapshot);
 *   naive    (100k only) loading the same tables into JavaScript (Prisma findMany) and computing
 *            there; its result is compared with the SQL one (they must agree exactly). At 1M it is
 *            extrapolated linearly from the 100k run (loading ~17M rows into the V8 heap is not
 *            attempted).
 */
import pg from 'pg';
import {
  DEFAULT_PREDIKAT_SCORES,
  PREDIKAT_SKP,
  type PredikatSkp,
} from '@simak/shared';
import { applyMigrations } from '../prisma/tools/migrations.ts';
import { createDb, type Db } from '../server/src/db.ts';
import { buildIndicators, computeIndicators, computeTallies, emptyTally, loadLevels, materializeYear, type LevelTable, type Tally } from '../server/src/modules/indicators/compute.ts';
import { loadYearConfig } from '../server/src/modules/indicators/config.ts';
import { drilldownPage } from '../server/src/modules/indicators/drilldown.ts';
import { resolveScope } from '../server/src/modules/indicators/scope.ts';
import { generateRegency } from './indicators-generate.ts';
import { factsBaselineSql } from './support/facts-baseline.ts';

const SIZES = (process.argv[2] ?? '100000,1000000').split(',').map(Number);
const RUNS = Number(process.argv[3] ?? 5);
const BASE = process.env.TEST_DATABASE_BASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const YEAR = 2026;
const AS_OF = '2026-11-30';

const SCAN = `SELECT
  (SELECT count(opd_id) FROM employee),
  (SELECT count(opd_id) FROM riwayat_jabatan),
  (SELECT count(jenjang) FROM riwayat_pendidikan),
  (SELECT sum(jp) FROM riwayat_diklat),
  (SELECT count(tahun) FROM riwayat_skp),
  (SELECT count(tingkat) FROM riwayat_hukdis)`;

const time = async <T>(fn: () => Promise<T>) => {
  const t0 = performance.now();
  const r = await fn();
  return { ms: performance.now() - t0, r };
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

// ---------------------------------------------------------------------------
// The naive way: every row into JavaScript, the rules applied there.

const asnOn = (e: { statusKepegawaian: string; tmtCpns: Date | null; tmtPppk: Date | null; tmtBerhenti: Date | null }, d: number) => {
  if (!['PNS', 'CPNS', 'PPPK'].includes(e.statusKepegawaian)) return false;
  const tmt = e.statusKepegawaian === 'PPPK' ? e.tmtPppk : e.tmtCpns;
  if (tmt && tmt.getTime() > d) return false;
  return !(e.tmtBerhenti && e.tmtBerhenti.getTime() <= d);
};

async function naive(db: Db, levels: LevelTable, scores: Record<PredikatSkp, number>) {
  const D = Date.parse(`${AS_OF}T00:00:00Z`);
  const Y0 = Date.UTC(YEAR, 0, 1);
  const [opds, employees, jabatan, pendidikan, diklat, skp, hukdis] = await Promise.all([
    db.opd.findMany({ select: { id: true, parentId: true } }),
    db.employee.findMany({ select: { id: true, statusKepegawaian: true, tmtCpns: true, tmtPppk: true, tmtBerhenti: true, opdId: true, jenisJabatan: true, eselon: true, pendidikanTerakhir: true } }),
    db.riwayatJabatan.findMany({ select: { employeeId: true, tmtJabatan: true, opdId: true, jenisJabatan: true, eselon: true } }),
    db.riwayatPendidikan.findMany({ select: { employeeId: true, jenjang: true, tahunLulus: true, tanggalIjazah: true } }),
    db.riwayatDiklat.findMany({ select: { employeeId: true, jenis: true, tanggalSelesai: true, jp: true } }),
    db.riwayatSkp.findMany({ select: { employeeId: true, tahun: true, nilai: true, predikat: true } }),
    db.riwayatHukdis.findMany({ select: { employeeId: true, tingkat: true, tanggalSk: true } }),
  ]);
  const parent = new Map(opds.map((o) => [o.id, o.parentId]));
  const root = (id: number) => {
    let cur = id;
    while (parent.get(cur) != null) cur = parent.get(cur)!;
    return cur;
  };
  const group = <T extends { employeeId: number }>(rows: T[]) => {
    const m = new Map<number, T[]>();
    for (const r of rows) {
      const l = m.get(r.employeeId);
      if (l) l.push(r);
      else m.set(r.employeeId, [r]);
    }
    return m;
  };
  const jab = group(jabatan);
  const edu = group(pendidikan);
  const dik = group(diklat);
  const skpBy = group(skp.filter((s) => s.tahun === YEAR));
  const rank = (code: string) => levels.codes.indexOf(code) + 1;
  const byRoot = new Map<number, Tally>();
  const tallyOf = (unit: number) => {
    const r = root(unit);
    let t = byRoot.get(r);
    if (!t) byRoot.set(r, (t = emptyTally(levels.codes.length)));
    return t;
  };
  const unitOn = (e: (typeof employees)[number]) => {
    let best: (typeof jabatan)[number] | null = null;
    for (const j of jab.get(e.id) ?? []) if (j.tmtJabatan.getTime() <= D && (!best || j.tmtJabatan > best.tmtJabatan)) best = j;
    return best ? { unit: best.opdId, jenis: best.jenisJabatan, eselon: best.eselon } : { unit: e.opdId, jenis: e.jenisJabatan, eselon: e.eselon };
  };
  for (const e of employees) {
    if (!asnOn(e, D)) continue;
    const pos = unitOn(e);
    const t = tallyOf(pos.unit);
    t.n++;
    t.byStatus[e.statusKepegawaian as 'PNS' | 'CPNS' | 'PPPK']++;
    const records = edu.get(e.id);
    let level: number;
    if (!records) level = Math.max(0, rank(e.pendidikanTerakhir));
    else {
      const done = (p: (typeof pendidikan)[number]) => (p.tanggalIjazah ? p.tanggalIjazah.getTime() : p.tahunLulus != null ? Date.UTC(p.tahunLulus, 11, 31) : null);
      const ok = records.filter((p) => done(p) === null || done(p)! <= D);
      if (ok.length) level = Math.max(...ok.map((p) => Math.max(0, rank(p.jenjang))));
      else {
        const first = [...records].sort((a, b) => done(a)! - done(b)! || rank(b.jenjang) - rank(a.jenjang))[0]!;
        level = Math.max(0, rank(first.jenjang));
      }
    }
    t.byLevel[level]!++;
    const trainings = dik.get(e.id) ?? [];
    const eselonHolder = pos.jenis === 'STRUKTURAL' && !!pos.eselon;
    if (eselonHolder) {
      t.aDen++;
      if (trainings.some((k) => k.jenis === 'KEPEMIMPINAN' && k.tanggalSelesai.getTime() <= D)) t.aNum++;
    }
    if (pos.jenis === 'FUNGSIONAL') {
      t.bDen++;
      if (trainings.some((k) => k.jenis === 'FUNGSIONAL' && k.tanggalSelesai.getTime() <= D)) t.bNum++;
    }
    const inYear = trainings.filter((k) => k.tanggalSelesai.getTime() >= Y0 && k.tanggalSelesai.getTime() <= D);
    if (inYear.reduce((a, k) => a + k.jp, 0) >= 20) t.cNum++;
    if (inYear.some((k) => k.jenis === 'WORKSHOP')) t.dNum++;
    const s = skpBy.get(e.id)?.[0];
    const cents = s ? (s.nilai != null ? Math.round(Number(s.nilai) * 100) : s.predikat ? Math.round(scores[s.predikat] * 100) : null) : null;
    if (cents != null) {
      t.scored++;
      t.scoreCents += cents;
      if (s!.nilai != null) t.fromNilai++;
    }
  }
  const byId = new Map(employees.map((e) => [e.id, e]));
  for (const h of hukdis) {
    const e = byId.get(h.employeeId)!;
    if (h.tanggalSk.getTime() < Y0 || h.tanggalSk.getTime() > D || !asnOn(e, h.tanggalSk.getTime())) continue;
    const t = tallyOf(unitOn(e).unit);
    if (h.tingkat === 'RINGAN') t.ringan++;
    else if (h.tingkat === 'SEDANG') t.sedang++;
    else t.berat++;
  }
  const total = emptyTally(levels.codes.length);
  for (const t of byRoot.values()) {
    for (const k of ['n', 'aNum', 'aDen', 'bNum', 'bDen', 'cNum', 'dNum', 'scored', 'fromNilai', 'scoreCents', 'ringan', 'sedang', 'berat'] as const) total[k] += t[k];
    t.byLevel.forEach((c, i) => (total.byLevel[i]! += c));
    for (const s of ['PNS', 'CPNS', 'PPPK'] as const) total.byStatus[s] += t.byStatus[s];
  }
  return { total, byRoot, rows: employees.length + jabatan.length + pendidikan.length + diklat.length + skp.length + hukdis.length };
}

// ---------------------------------------------------------------------------

async function benchSize(n: number, naive100k: { ms: number; n: number } | null) {
  const name = `simak_bench_indicators_${n}_${process.pid}`;
  const url = Object.assign(new URL(BASE), { pathname: `/${name}` }).toString();
  const admin = new pg.Client({ connectionString: BASE });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await applyMigrations(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const db = createDb(url, 12);
  let naiveResult: { ms: number; n: number } | null = null;
  try {
    const gen = await time(() => generateRegency(client, n));
    const vac = await time(() => client.query('VACUUM ANALYZE'));
    const rows = Object.values(gen.r.rows).reduce((a, b) => a + b, 0);
    console.log(`\n${n.toLocaleString('en')} employees: ${gen.r.opds} OPDs, ${rows.toLocaleString('en')} rows generated in ${fmt(gen.ms)} (+ VACUUM ANALYZE ${fmt(vac.ms)})`);
    console.log(`  ${Object.entries(gen.r.rows).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')}`);
    await client.query('SET jit = off');

    // A write transaction (one training row, committed), 20 times in one session: without facts …
    const writeProbe = async (from: number) => {
      const xs: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t0 = performance.now();
        await client.query('BEGIN');
        await client.query(
          `INSERT INTO riwayat_diklat (employee_id, jenis, nama, tanggal_mulai, tanggal_selesai, jp, updated_at) VALUES ($1, 'TEKNIS', 'Probe', '2026-02-01', '2026-02-03', 12, now())`,
          [from + i],
        );
        await client.query('COMMIT');
        xs.push(performance.now() - t0);
      }
      return median(xs);
    };
    const writeBefore = await writeProbe(1_000);

    // The facts of the year and the previous one (what the worker does at start and every 1 January).
    const mat: string[] = [];
    for (const y of [YEAR - 1, YEAR]) {
      const m = await time(() => materializeYear(db, y));
      mat.push(`${y} ${fmt(m.ms)}`);
    }
    await client.query('VACUUM ANALYZE');
    const { rows: factRows } = await client.query<{ n: string }>('SELECT count(*)::text AS n FROM indicator_fact');
    console.log(`  facts materialized: ${mat.join(', ')} (${Number(factRows[0]!.n).toLocaleString('en')} rows for the two years)`);
    const writeAfter = await writeProbe(2_000);
    console.log(
      `  write cost: a transaction adding one training row, median of 20: ${writeBefore.toFixed(2)} ms without facts, ${writeAfter.toFixed(2)} ms with two years kept at commit (${(writeAfter / writeBefore).toFixed(1)}×)`,
    );

    const scope = await resolveScope(db, { year: YEAR, asOf: AS_OF });
    const levels = await loadLevels(db);
    const config = await loadYearConfig(db, YEAR);
    const core = async () => {
      const t = await computeTallies(db, scope, levels, config);
      return { t, indicators: buildIndicators(t.total, levels, config) };
    };
    const direct = async () => {
      const t = await computeTallies(db, scope, levels, config, { direct: true });
      return { t, indicators: buildIndicators(t.total, levels, config) };
    };
    const response = () => computeIndicators(db, { year: YEAR, asOf: AS_OF });
    const scan = () => client.query(SCAN);
    const facts = () => client.query(factsBaselineSql(YEAR, AS_OF, PREDIKAT_SKP.map((p) => Math.round(config.predicateScores[p] * 100))));

    // Warm-up (caches, plans), then interleaved measured runs.
    await scan();
    await facts();
    const first = await core();
    const viaHistories = await direct();
    await response();
    if (JSON.stringify(first.t.total) !== JSON.stringify(viaHistories.t.total)) {
      console.log('  FACTS AND HISTORIES DISAGREE');
      console.log('    facts    ', JSON.stringify(first.t.total));
      console.log('    histories', JSON.stringify(viaHistories.t.total));
      process.exitCode = 1;
    }
    const ms = { scan: [] as number[], facts: [] as number[], core: [] as number[], response: [] as number[], direct: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      ms.scan.push((await time(scan)).ms);
      ms.facts.push((await time(facts)).ms);
      ms.core.push((await time(core)).ms);
      ms.response.push((await time(response)).ms);
      ms.direct.push((await time(direct)).ms);
    }
    const scanMs = median(ms.scan);
    const factsMs = median(ms.facts);
    const coreMs = median(ms.core);
    const respMs = median(ms.response);
    const directMs = median(ms.direct);
    const ind = first.indicators;
    console.log(
      `  N = ${first.t.total.n.toLocaleString('en')}: IKP ${ind.ikp.value?.toFixed(4)}, IKom ${ind.ikom.value?.toFixed(4)}, IKin ${ind.ikin.value?.toFixed(4)}, IDis ${ind.idis.value?.toFixed(4)}, IP ${ind.ip.value?.toFixed(4)}`,
    );
    console.log(`  scan (one SQL query touching every row of the 6 tables): ${fmt(scanMs)}   [runs: ${ms.scan.map(fmt).join(', ')}]`);
    console.log(`  facts (one hand-written SQL query over the same facts, counts per OPD × level on D): ${fmt(factsMs)}   [runs: ${ms.facts.map(fmt).join(', ')}]`);
    console.log(`  core (full indicator set, agency + ${first.t.byRoot.size} top-level OPDs; rollups, cached by facts version): ${fmt(coreMs)}  → ${(coreMs / scanMs).toFixed(2)}× scan, ${(coreMs / factsMs).toFixed(2)}× facts   [runs: ${ms.core.map(fmt).join(', ')}]`);
    console.log(`  response (core + previous year + counters + snapshot): ${fmt(respMs)}  → ${(respMs / scanMs).toFixed(2)}× scan, ${(respMs / factsMs).toFixed(2)}× facts   [runs: ${ms.response.map(fmt).join(', ')}]`);
    console.log(
      `  core from the histories (a year not materialized; same counts: ${JSON.stringify(first.t.total) === JSON.stringify(viaHistories.t.total) ? 'yes' : 'NO'}): ${fmt(directMs)}  → ${(directMs / scanMs).toFixed(2)}× scan   [runs: ${ms.direct.map(fmt).join(', ')}]`,
    );
    // A drill-down page (agency-wide, the 50 first people without a workshop): from the facts vs from the histories.
    const page = (direct: boolean) => () => drilldownPage(db, scope, 'without_workshop', 1, 50, { direct });
    await page(false)();
    const drill = { facts: [] as number[], direct: [] as number[] };
    for (let i = 0; i < 3; i++) {
      drill.facts.push((await time(page(false))).ms);
      drill.direct.push((await time(page(true))).ms);
    }
    console.log(
      `  drill-down page (agency, without workshop, 50 of ${(await page(false)()).total.toLocaleString('en')}): ${fmt(median(drill.facts))} from the facts, ${fmt(median(drill.direct))} from the histories (${(median(drill.facts) / scanMs).toFixed(2)}× / ${(median(drill.direct) / scanMs).toFixed(2)}× scan)`,
    );

    // What a bulk write (an import) adds at commit: recomputing 10,000 employees' facts (two years).
    const ids = (await client.query<{ id: number }>(`SELECT id FROM employee ORDER BY id LIMIT 10000 OFFSET 1000`)).rows.map((r) => r.id);
    const bulk = await time(() => client.query('SELECT refresh_indicator_facts($1::int[], NULL)', [ids]));
    console.log(`  bulk write cost: recomputing the facts of 10,000 employees (2 years): ${fmt(bulk.ms)} (${(bulk.ms / 10_000).toFixed(3)} ms each)`);

    if (!naive100k) {
      const nv = await time(() => naive(db, levels, config.predicateScores ?? DEFAULT_PREDIKAT_SCORES));
      const same = JSON.stringify(nv.r.total) === JSON.stringify(first.t.total);
      const mem = process.memoryUsage().rss / 1e6;
      console.log(
        `  naive (${nv.r.rows.toLocaleString('en')} rows loaded into JavaScript with Prisma, computed there): ${fmt(nv.ms)}  → ${(nv.ms / scanMs).toFixed(1)}× scan, core is ${(nv.ms / coreMs).toFixed(1)}× faster; RSS ${mem.toFixed(0)} MB; same counts as SQL: ${same ? 'yes' : 'NO'}`,
      );
      if (!same) {
        console.log('    SQL  ', JSON.stringify(first.t.total));
        console.log('    naive', JSON.stringify(nv.r.total));
        process.exitCode = 1;
      }
      naiveResult = { ms: nv.ms, n };
    } else {
      const est = (naive100k.ms * n) / naive100k.n;
      console.log(`  naive: not run (≈ ${rows.toLocaleString('en')} rows into the V8 heap); linear extrapolation from ${naive100k.n.toLocaleString('en')}: ≈ ${fmt(est)}  → ≈ ${(est / scanMs).toFixed(1)}× scan, ≈ ${(est / coreMs).toFixed(1)}× core`);
    }
  } finally {
    await client.end();
    await db.$disconnect();
    if (!process.env.BENCH_KEEP_DB) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    else console.log(`  kept database ${name}`);
    await admin.end();
  }
  return naiveResult;
}

async function main() {
  let naive100k: { ms: number; n: number } | null = null;
  for (const n of SIZES) {
    const r = await benchSize(n, naive100k);
    naive100k ??= r;
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

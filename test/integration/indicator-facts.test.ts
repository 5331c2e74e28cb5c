/**
 * The materialized indicator facts (migration indicator_facts) against the direct
 * computation from the histories: on a generated regency, for many as-of dates and
 * scopes, the counts must be identical — after building, and after every kind of
 * write the triggers must follow (each source table, insert/update/delete, employee
 * status and exit, the education ranking, multi-statement and concurrent
 * transactions). Runs in its own database so the facts do not follow other files.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_PREDIKAT_SCORES, PREDIKAT_SKP } from '@simak/shared';
import { DRILLDOWN_COMPONENTS } from '@simak/shared/api/indicators';
import { generateRegency } from '../../bench/indicators-generate.ts';
import { applyMigrations } from '../../prisma/tools/migrations.ts';
import { createDb, type Db } from '../../server/src/db.ts';
import { computeIndicators, isMaterialized, loadLevels, materializeYear, unitCounts, type LevelTable } from '../../server/src/modules/indicators/compute.ts';
import { drilldownPage } from '../../server/src/modules/indicators/drilldown.ts';
import { indicatorHandlers } from '../../server/src/modules/indicators/jobs.ts';
import { resolveScope } from '../../server/src/modules/indicators/scope.ts';
import type { JobCtx } from '../../server/src/jobs/types.ts';

const base = new URL(inject('databaseUrl'));
const name = `${base.pathname.slice(1)}_facts`;
const url = Object.assign(new URL(base.toString()), { pathname: `/${name}` }).toString();
const adminUrl = Object.assign(new URL(base.toString()), { pathname: '/postgres' }).toString();

let client: pg.Client;
let db: Db;
let levels: LevelTable;
let opdScopes: number[][];

const YEARS = [2024, 2025, 2026] as const;

/** As-of dates of a year: its first and last day, quarter ends and days in between. */
function datesOf(year: number): string[] {
  return ['01-01', '02-28', '03-31', '05-15', '06-30', '07-01', '09-30', '11-30', '12-31'].map((d) => `${year}-${d}`);
}

type Row = Awaited<ReturnType<typeof unitCounts>>[number];
const normal = (rows: Row[]) =>
  rows
    .map((r) => ({ ...r, score_cents: Number(r.score_cents) }))
    .sort((a, b) => a.unit_id - b.unit_id || a.level - b.level);

/** Non-default predicate scores: the rollups keep counts per predicate and apply the year's scores when read. */
const OTHER_SCORES = { SANGAT_BAIK: 117.5, BAIK: 98.25, BUTUH_PERBAIKAN: 71, KURANG: 43.5, SANGAT_KURANG: 12 };

/** `rollup`: the API's path (per-OPD rollups); `scan`: one full scan of the facts; `direct`: from the histories. */
async function counts(year: number, asOf: string, units: number[] | null, via: 'rollup' | 'scan' | 'direct') {
  const predicateScores = units === opdScopes[3] ? OTHER_SCORES : DEFAULT_PREDIKAT_SCORES;
  const p = { year, asOf, levels: levels.codes, predicateScores, units };
  return normal(await unitCounts(db, p, { direct: via === 'direct', factScan: via === 'scan', today: '2026-11-30' }));
}

/** Rollup rows with a negative count (a timeline rewritten wrongly would leave some). */
const NEGATIVE_ROLLUPS = `SELECT count(*)::int AS n FROM indicator_rollup r
  WHERE LEAST(r.n, r.pns, r.cpns, r.pppk, r.a_den, r.a_num, r.b_den, r.b_num, r.c_num, r.d_num, r.nilai_n, r.nilai_cents,
              r.p1, r.p2, r.p3, r.p4, r.p5) < 0`;

/** Facts and histories agree for every date of the years and every scope; returns how many comparisons ran. */
async function expectAgreement(years: readonly number[] = YEARS, dates?: string[]) {
  let compared = 0;
  for (const year of years) {
    for (const asOf of dates?.filter((d) => d.startsWith(String(year))) ?? datesOf(year)) {
      for (const units of [null, opdScopes[0]!, opdScopes[3]!]) {
        // The rollups (what the API reads), a full scan of the facts and the histories: all equal.
        const [rollup, scan, direct] = await Promise.all([counts(year, asOf, units, 'rollup'), counts(year, asOf, units, 'scan'), counts(year, asOf, units, 'direct')]);
        if (JSON.stringify(rollup) !== JSON.stringify(direct) || JSON.stringify(scan) !== JSON.stringify(direct)) {
          expect({ year, asOf, units, rollup, scan }).toEqual({ year, asOf, units, rollup: direct, scan: direct });
        }
        compared++;
      }
    }
  }
  expect((await client.query(NEGATIVE_ROLLUPS)).rows[0].n).toBe(0);
  return compared;
}

/** Runs statements in one transaction on a fresh connection. */
async function tx(statements: string[]) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('BEGIN');
    for (const s of statements) await c.query(s);
    await c.query('COMMIT');
  } finally {
    await c.end();
  }
}

const someEmployee = async (where: string) => {
  const { rows } = await client.query<{ id: number }>(`SELECT id FROM employee e WHERE ${where} ORDER BY id LIMIT 1`);
  expect(rows[0], where).toBeDefined();
  return rows[0]!.id;
};

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
  await applyMigrations(url);
  client = new pg.Client({ connectionString: url });
  await client.connect();
  await generateRegency(client, 1_500, 7);
  await client.query('ANALYZE');
  db = createDb(url, 6);
  levels = await loadLevels(db);
  const { rows } = await client.query<{ id: number }>(`SELECT id FROM opd WHERE parent_id IS NULL ORDER BY id LIMIT 4`);
  // A top-level OPD with its tree, and a single unit below one.
  const trees = await Promise.all(
    rows.slice(0, 3).map(async (r) => {
      const t = await client.query<{ id: number }>(
        `WITH RECURSIVE t AS (SELECT id FROM opd WHERE id = $1 UNION ALL SELECT o.id FROM opd o JOIN t ON o.parent_id = t.id) SELECT id FROM t`,
        [r.id],
      );
      return t.rows.map((x) => x.id);
    }),
  );
  const leaf = await client.query<{ id: number }>(`SELECT id FROM opd WHERE parent_id IS NOT NULL ORDER BY id LIMIT 1`);
  opdScopes = [...trees, leaf.rows.map((r) => r.id)];
});

afterAll(async () => {
  await db?.$disconnect();
  await client?.end();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

describe('indicator facts', { timeout: 120_000 }, () => {
  it('the facts store predicates by their position in the PredikatSkp enum, whose order PREDIKAT_SKP follows', async () => {
    const { rows } = await client.query<{ r: string[] }>(`SELECT enum_range(NULL::"PredikatSkp")::text[] AS r`);
    expect(rows[0]!.r).toEqual([...PREDIKAT_SKP]);
  });

  it('while no year is materialized, a write leaves nothing behind', async () => {
    expect(await isMaterialized(db, 2026)).toBe(false);
    const id = await someEmployee(`status_kepegawaian = 'PNS'`);
    await tx([`INSERT INTO riwayat_diklat (employee_id, jenis, nama, tanggal_mulai, tanggal_selesai, jp, updated_at) VALUES (${id}, 'TEKNIS', 'Sebelum fakta', '2026-02-01', '2026-02-03', 12, now())`]);
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM indicator_fact_dirty`);
    expect(rows[0].n).toBe(0);
  });

  it('a materialized year gives exactly the counts computed from the histories, for every date and scope', async () => {
    for (const y of YEARS) expect(await materializeYear(db, y)).toBe(true);
    expect(await materializeYear(db, 2026)).toBe(false);
    expect(await isMaterialized(db, 2025)).toBe(true);
    await client.query('ANALYZE');
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM indicator_fact WHERE year = 2026`);
    expect(rows[0]!.n).toBeGreaterThan(1_000);
    const compared = await expectAgreement();
    expect(compared).toBe(81);
  });

  it('the comparison has teeth: a fact changed behind the triggers is caught, and a recompute repairs it', async () => {
    const changed = await client.query(
      `UPDATE indicator_fact SET jp = jp + 25 WHERE (year, employee_id, valid_from) =
        (SELECT year, employee_id, valid_from FROM indicator_fact WHERE year = 2026 AND valid_to > '2026-12-31' AND jp < 20 ORDER BY employee_id LIMIT 1)`,
    );
    expect(changed.rowCount).toBe(1);
    await expect(expectAgreement([2026], ['2026-12-31'])).rejects.toThrow();
    await client.query(`SELECT refresh_indicator_facts(NULL, ARRAY[2026])`);
    await expectAgreement([2026], ['2026-12-31']);
  });

  it('drill-down lists read from the facts are the lists read from the histories, row for row', async () => {
    const { rows } = await client.query<{ kode: string }>(`SELECT kode FROM opd WHERE id = ANY($1::int[]) ORDER BY id`, [[opdScopes[0]![0], opdScopes[3]![0]]]);
    for (const opd of [null, ...rows.map((r) => r.kode)]) {
      for (const asOf of ['2026-03-31', '2026-11-30']) {
        const scope = await resolveScope(db, { year: 2026, asOf, opd });
        for (const component of DRILLDOWN_COMPONENTS) {
          const [facts, direct] = await Promise.all([
            drilldownPage(db, scope, component, 1, 5_000),
            drilldownPage(db, scope, component, 1, 5_000, { direct: true }),
          ]);
          expect({ opd, asOf, component, total: facts.total, items: facts.items }).toEqual({ opd, asOf, component, total: direct.total, items: direct.items });
        }
      }
    }
    // A later page too (the position is added to the rows of the page only).
    const scope = await resolveScope(db, { year: 2026, asOf: '2026-11-30' });
    const [facts, direct] = await Promise.all([
      drilldownPage(db, scope, 'without_workshop', 3, 25),
      drilldownPage(db, scope, 'without_workshop', 3, 25, { direct: true }),
    ]);
    expect(facts.items).toHaveLength(25);
    expect(facts).toEqual(direct);
  });

  it('the API answer is the same through the facts as through the histories', async () => {
    const viaFacts = await computeIndicators(db, { year: 2026, asOf: '2026-09-30' }, { today: '2026-11-30' });
    await client.query(`DELETE FROM indicator_fact_year WHERE year IN (2025, 2026)`);
    const viaHistories = await computeIndicators(db, { year: 2026, asOf: '2026-09-30' }, { today: '2026-11-30' });
    await client.query(`INSERT INTO indicator_fact_year (year) VALUES (2025), (2026)`);
    const strip = (r: typeof viaFacts) => ({ ...r, computedAt: undefined });
    expect(strip(viaFacts)).toEqual(strip(viaHistories));
    expect(viaFacts.population).toBeGreaterThan(1_000);
  });

  it('the rollups have teeth: a rollup changed behind the triggers is caught, and rebuild_indicator_rollups repairs it', async () => {
    await client.query(`UPDATE indicator_rollup SET c_num = c_num + 1 WHERE (year, day, opd_id, level) =
      (SELECT year, day, opd_id, level FROM indicator_rollup WHERE year = 2026 AND n > 0 ORDER BY day DESC, n DESC, opd_id, level LIMIT 1)`);
    await client.query(`UPDATE indicator_fact_version SET version = version + 1 WHERE year = 2026`); // drop cached answers
    await expect(expectAgreement([2026], ['2026-12-31'])).rejects.toThrow();
    await client.query(`SELECT rebuild_indicator_rollups()`);
    await expectAgreement([2026], ['2026-12-31']);
  });

  it('the answer is cached by the facts version: served from the cache while nothing changed, changed at once by a write', async () => {
    const ask = () => computeIndicators(db, { year: 2026, asOf: '2026-12-31' }, { today: '2026-11-30' });
    const first = await ask();
    // A rollup row changed behind the triggers (no version bump): the cached answer stands.
    const row = `(year, day, opd_id, level) = (SELECT year, day, opd_id, level FROM indicator_rollup WHERE year = 2026 AND n > 0 ORDER BY day DESC, n DESC, opd_id, level LIMIT 1)`;
    await client.query(`UPDATE indicator_rollup SET n = n + 1000 WHERE ${row}`);
    expect((await ask()).population).toBe(first.population);
    await client.query(`UPDATE indicator_rollup SET n = n - 1000 WHERE ${row}`);
    // A write that changes a fact: someone under 20 JP on 31 December gets a 30-JP training.
    const { rows } = await client.query<{ employee_id: number }>(
      `SELECT employee_id FROM indicator_fact WHERE year = 2026 AND valid_from <= '2026-12-31' AND valid_to > '2026-12-31' AND jp < 20 ORDER BY employee_id LIMIT 1`,
    );
    const id = rows[0]!.employee_id;
    const before = await client.query(`SELECT version FROM indicator_fact_version WHERE year = 2026`);
    await tx([`INSERT INTO riwayat_diklat (employee_id, jenis, nama, tanggal_mulai, tanggal_selesai, jp, updated_at) VALUES (${id}, 'TEKNIS', 'Cache', '2026-06-01', '2026-06-03', 30, now())`]);
    const after = await client.query(`SELECT version FROM indicator_fact_version WHERE year = 2026`);
    expect(BigInt(after.rows[0].version)).toBeGreaterThan(BigInt(before.rows[0].version));
    const c = (r: typeof first) => (r.indicators.ikom.components as { c: { num: number; den: number } }).c;
    expect(c(await ask())).toMatchObject({ num: c(first).num + 1, den: c(first).den });
    await tx([`DELETE FROM riwayat_diklat WHERE employee_id = ${id} AND nama = 'Cache'`]);
    expect(c(await ask())).toEqual(c(first));
  });

  it('follows positions: a move to another OPD mid-year, a changed TMT, a deleted position', async () => {
    const mover = await someEmployee(`status_kepegawaian = 'PNS' AND tmt_berhenti IS NULL AND EXISTS (SELECT 1 FROM riwayat_jabatan j WHERE j.employee_id = e.id)`);
    const target = opdScopes[1]![0]!;
    await tx([
      `INSERT INTO riwayat_jabatan (employee_id, jenis_jabatan, nama_jabatan, eselon, opd_id, tmt_jabatan, updated_at)
       VALUES (${mover}, 'STRUKTURAL', 'Kepala Bidang', 'III.b', ${target}, '2026-07-15', now())`,
    ]);
    await expectAgreement([2026]);
    await tx([`UPDATE riwayat_jabatan SET tmt_jabatan = '2025-03-01' WHERE employee_id = ${mover} AND tmt_jabatan = '2026-07-15'`]);
    await tx([`UPDATE riwayat_jabatan SET nama_jabatan = 'Kepala Bidang Baru' WHERE employee_id = ${mover}`]); // not read: no recompute needed
    await expectAgreement([2025, 2026]);
    await tx([`DELETE FROM riwayat_jabatan WHERE employee_id = ${mover}`]);
    await expectAgreement([2025, 2026]);
  });

  it('follows education: a degree dated mid-year, an undated record, an unknown code, a deletion', async () => {
    const a = await someEmployee(`status_kepegawaian = 'PNS' AND tmt_berhenti IS NULL AND pendidikan_terakhir = 'S1'`);
    const b = await someEmployee(`status_kepegawaian = 'PPPK' AND tmt_berhenti IS NULL`);
    const c = await someEmployee(`status_kepegawaian = 'PNS' AND tmt_berhenti IS NULL AND NOT EXISTS (SELECT 1 FROM riwayat_pendidikan p WHERE p.employee_id = e.id)`);
    await tx([
      `INSERT INTO riwayat_pendidikan (employee_id, jenjang, tahun_lulus, tanggal_ijazah, updated_at) VALUES (${a}, 'S2', 2026, '2026-04-20', now())`,
      `INSERT INTO riwayat_pendidikan (employee_id, jenjang, tahun_lulus, tanggal_ijazah, updated_at) VALUES (${b}, 'S3', NULL, NULL, now())`,
      `INSERT INTO riwayat_pendidikan (employee_id, jenjang, tahun_lulus, updated_at) VALUES (${c}, 'XYZ', 2025, now())`,
      `INSERT INTO riwayat_pendidikan (employee_id, jenjang, tahun_lulus, updated_at) VALUES (${c}, 'D3', 2027, now())`,
    ]);
    await expectAgreement();
    await tx([`UPDATE riwayat_pendidikan SET tanggal_ijazah = '2025-11-02', tahun_lulus = 2025 WHERE employee_id = ${a} AND jenjang = 'S2'`]);
    await tx([`DELETE FROM riwayat_pendidikan WHERE employee_id = ${b}`, `UPDATE employee SET pendidikan_terakhir = 'SMP' WHERE id = ${b}`]);
    await expectAgreement();
  });

  it('follows trainings and SKP: leadership and functional training, JP reaching 20 mid-year, workshops, scores and predicates', async () => {
    const eselon = await someEmployee(`status_kepegawaian = 'PNS' AND tmt_berhenti IS NULL AND jenis_jabatan = 'STRUKTURAL'
      AND NOT EXISTS (SELECT 1 FROM riwayat_diklat k WHERE k.employee_id = e.id AND k.jenis = 'KEPEMIMPINAN')`);
    const jft = await someEmployee(`status_kepegawaian = 'PNS' AND tmt_berhenti IS NULL AND jenis_jabatan = 'FUNGSIONAL'`);
    await tx([
      `INSERT INTO riwayat_diklat (employee_id, jenis, nama, tanggal_mulai, tanggal_selesai, jp, updated_at) VALUES
        (${eselon}, 'KEPEMIMPINAN', 'PKA', '2026-03-01', '2026-05-31', 80, now()),
        (${jft}, 'FUNGSIONAL', 'Fungsional', '2025-12-20', '2026-01-02', 15, now()),
        (${jft}, 'WORKSHOP', 'Bimtek', '2026-08-08', '2026-08-08', 6, now())`,
    ]);
    await expectAgreement([2025, 2026]);
    await tx([
      `UPDATE riwayat_diklat SET jp = 3 WHERE employee_id = ${jft} AND nama = 'Bimtek'`,
      `UPDATE riwayat_diklat SET tanggal_selesai = '2025-12-31' WHERE employee_id = ${eselon} AND nama = 'PKA'`,
      `UPDATE riwayat_skp SET nilai = NULL, predikat = 'KURANG' WHERE employee_id = ${jft} AND tahun = 2026`,
      `DELETE FROM riwayat_skp WHERE employee_id = ${eselon} AND tahun = 2025`,
      `INSERT INTO riwayat_skp (employee_id, tahun, nilai, updated_at) VALUES (${eselon}, 2024, 91.5, now()) ON CONFLICT (employee_id, tahun) DO UPDATE SET nilai = 91.5, predikat = NULL`,
    ]);
    await tx([`DELETE FROM riwayat_diklat WHERE employee_id = ${jft} AND jenis = 'FUNGSIONAL' AND tanggal_selesai <= '2026-01-02'`]);
    await expectAgreement();
  });

  it('follows the population: an exit mid-year, a PPPK appointed mid-year, a status change, a new employee, a deleted one', async () => {
    const leaver = await someEmployee(`status_kepegawaian = 'PNS' AND tmt_berhenti IS NULL`);
    const contract = await someEmployee(`status_kepegawaian = 'CPNS' AND tmt_berhenti IS NULL`);
    const gone = await someEmployee(`status_kepegawaian = 'PNS' AND tmt_berhenti IS NULL AND id > ${leaver}`);
    const opd = opdScopes[0]![0]!;
    await tx([
      `UPDATE employee SET tmt_berhenti = '2026-06-01', jenis_berhenti = 'PENSIUN' WHERE id = ${leaver}`,
      `UPDATE employee SET status_kepegawaian = 'KONTRAK' WHERE id = ${contract}`,
      `INSERT INTO employee (nip, nama, jenis_kelamin, tanggal_lahir, status_kepegawaian, tmt_pppk, opd_id, jenis_jabatan, pendidikan_terakhir, updated_at)
       VALUES ('800000000000000001', 'PPPK Baru', 'P', '1995-01-01', 'PPPK', '2026-04-01', ${opd}, 'FUNGSIONAL', 'S1', now())`,
      `INSERT INTO riwayat_diklat (employee_id, jenis, nama, tanggal_mulai, tanggal_selesai, jp, updated_at)
       SELECT id, 'TEKNIS', 'Orientasi', '2026-04-02', '2026-04-10', 24, now() FROM employee WHERE nip = '800000000000000001'`,
      `INSERT INTO riwayat_skp (employee_id, tahun, predikat, updated_at) SELECT id, 2026, 'BAIK', now() FROM employee WHERE nip = '800000000000000001'`,
    ]);
    await expectAgreement([2026]);
    await tx([`DELETE FROM employee WHERE id = ${gone}`]);
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM indicator_fact WHERE employee_id = ${gone}`);
    expect(rows[0].n).toBe(0);
    await expectAgreement([2026]);
  });

  it('a change of the education ranking recomputes everyone', async () => {
    // Swap D4 and S1 (urutan is unique: through a free value), then back.
    const park = `UPDATE ref_pendidikan SET urutan = 999 WHERE kode = 'D4'`;
    const { rows } = await client.query<{ kode: string; urutan: number }>(`SELECT kode, urutan FROM ref_pendidikan WHERE kode IN ('D4', 'S1')`);
    const d4 = rows.find((r) => r.kode === 'D4')!.urutan;
    const s1 = rows.find((r) => r.kode === 'S1')!.urutan;
    await tx([park, `UPDATE ref_pendidikan SET urutan = ${d4} WHERE kode = 'S1'`, `UPDATE ref_pendidikan SET urutan = ${s1} WHERE kode = 'D4'`]);
    levels = await loadLevels(db);
    expect(levels.codes.indexOf('D4')).toBeGreaterThan(levels.codes.indexOf('S1'));
    await expectAgreement([2026], ['2026-12-31', '2026-03-31']);
    await tx([park, `UPDATE ref_pendidikan SET urutan = ${s1} WHERE kode = 'S1'`, `UPDATE ref_pendidikan SET urutan = ${d4} WHERE kode = 'D4'`]);
    levels = await loadLevels(db);
    await expectAgreement([2026], ['2026-12-31', '2026-03-31']);
  });

  it('a transaction that flushes midway (SET CONSTRAINTS ALL IMMEDIATE) and writes again is still followed', async () => {
    const id = await someEmployee(`status_kepegawaian = 'PNS' AND tmt_berhenti IS NULL AND id > 100`);
    await tx([
      `INSERT INTO riwayat_diklat (employee_id, jenis, nama, tanggal_mulai, tanggal_selesai, jp, updated_at) VALUES (${id}, 'TEKNIS', 'Satu', '2026-02-01', '2026-02-05', 10, now())`,
      `SET CONSTRAINTS ALL IMMEDIATE`,
      `SET CONSTRAINTS ALL DEFERRED`,
      `INSERT INTO riwayat_diklat (employee_id, jenis, nama, tanggal_mulai, tanggal_selesai, jp, updated_at) VALUES (${id}, 'TEKNIS', 'Dua', '2026-03-01', '2026-03-05', 10, now())`,
    ]);
    const { rows } = await client.query(`SELECT jp FROM indicator_fact WHERE year = 2026 AND employee_id = $1 AND valid_from <= '2026-12-31' AND valid_to > '2026-12-31'`, [id]);
    const { rows: direct } = await client.query(
      `SELECT COALESCE(sum(jp), 0)::int AS jp FROM riwayat_diklat WHERE employee_id = $1 AND tanggal_selesai BETWEEN '2026-01-01' AND '2026-12-31'`,
      [id],
    );
    expect(rows[0].jp).toBe(direct[0].jp);
    expect(await client.query(`SELECT count(*)::int AS n FROM indicator_fact_dirty`).then((r) => r.rows[0].n)).toBe(0);
  });

  it('two transactions changing one employee at the same time: the facts hold both changes', async () => {
    const id = await someEmployee(`status_kepegawaian = 'PNS' AND tmt_berhenti IS NULL AND id > 200`);
    const [c1, c2] = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
    await Promise.all([c1.connect(), c2.connect()]);
    try {
      await c1.query('BEGIN');
      await c2.query('BEGIN');
      await c1.query(`INSERT INTO riwayat_diklat (employee_id, jenis, nama, tanggal_mulai, tanggal_selesai, jp, updated_at) VALUES (${id}, 'WORKSHOP', 'Paralel 1', '2026-05-01', '2026-05-01', 7, now())`);
      await c2.query(`INSERT INTO riwayat_jabatan (employee_id, jenis_jabatan, nama_jabatan, opd_id, tmt_jabatan, updated_at) VALUES (${id}, 'PELAKSANA', 'Paralel', ${opdScopes[2]![0]}, '2026-05-02', now())`);
      // Both commit at once; whichever flushes second waits for the first and sees its change.
      await Promise.all([c1.query('COMMIT'), c2.query('COMMIT')]);
    } finally {
      await Promise.all([c1.end(), c2.end()]);
    }
    const { rows } = await client.query(
      `SELECT opd_id, workshops FROM indicator_fact WHERE year = 2026 AND employee_id = $1 AND valid_from <= '2026-06-01' AND valid_to > '2026-06-01'`,
      [id],
    );
    expect(rows).toEqual([{ opd_id: opdScopes[2]![0], workshops: expect.any(Number) }]);
    expect(rows[0].workshops).toBeGreaterThanOrEqual(1);
    await expectAgreement([2026], ['2026-05-01', '2026-06-01', '2026-12-31']);
  });

  it('a write committing while a year is being built waits, then is in the new year too', async () => {
    const id = await someEmployee(`status_kepegawaian = 'PNS' AND tmt_berhenti IS NULL AND tmt_cpns < '2019-01-01' AND id > 300`);
    const writer = new pg.Client({ connectionString: url });
    const builder = new pg.Client({ connectionString: url });
    await Promise.all([writer.connect(), builder.connect()]);
    try {
      await builder.query(`SELECT create_indicator_partition(2021)`);
      await writer.query('BEGIN');
      await writer.query(
        `INSERT INTO riwayat_diklat (employee_id, jenis, nama, tanggal_mulai, tanggal_selesai, jp, updated_at) VALUES (${id}, 'KEPEMIMPINAN', 'PKP 2021', '2021-03-01', '2021-06-30', 60, now())`,
      );
      // The build starts (and holds the lock) before the writer commits; its snapshot lacks the training.
      await builder.query('BEGIN');
      await builder.query(`SELECT materialize_indicator_year(2021)`);
      const commit = writer.query('COMMIT');
      const waited = await Promise.race([commit.then(() => false), new Promise((r) => setTimeout(() => r(true), 300))]);
      expect(waited).toBe(true); // the writer's recompute waits for the build
      await builder.query('COMMIT');
      await commit;
    } finally {
      await Promise.all([writer.end(), builder.end()]);
    }
    const { rows } = await client.query(
      `SELECT leadership, jp FROM indicator_fact WHERE year = 2021 AND employee_id = $1 AND valid_from <= '2021-12-31' AND valid_to > '2021-12-31'`,
      [id],
    );
    expect(rows[0]).toMatchObject({ leadership: true });
    expect(rows[0].jp).toBeGreaterThanOrEqual(60);
    await expectAgreement([2021], ['2021-01-01', '2021-07-01', '2021-12-31']);
  });

  it('a recent year that is not materialized is computed from the histories and queued for materialization; an old one is not', async () => {
    const p = (year: number) => ({ year, asOf: `${year}-12-31`, levels: levels.codes, predicateScores: DEFAULT_PREDIKAT_SCORES, units: null });
    await unitCounts(db, p(2022), { today: '2026-11-30' });
    await unitCounts(db, p(2015), { today: '2026-11-30' });
    const { rows } = await client.query<{ job_id: string }>(`SELECT job_id FROM outbox_event WHERE job_name = 'indicators.materialize' ORDER BY job_id`);
    expect(rows.map((r) => r.job_id)).toContain('indicators.materialize/2022');
    expect(rows.map((r) => r.job_id)).not.toContain('indicators.materialize/2015');
  });

  it('the job builds a year once; the facts then agree with the histories', async () => {
    const ctx = { db, logger: { info: () => undefined } } as unknown as JobCtx;
    const run = indicatorHandlers['indicators.materialize'];
    expect(await run({ year: 2022, key: '2022' }, ctx)).toMatchObject({ status: 'done', built: [2022] });
    expect(await run({ year: 2022, key: '2022' }, ctx)).toMatchObject({ status: 'skipped' });
    await expectAgreement([2022], ['2022-01-01', '2022-06-30', '2022-12-31']);
  });

  it('a TRUNCATE of a source table (no rows to follow) recomputes everything', async () => {
    await client.query('TRUNCATE riwayat_skp');
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM indicator_fact WHERE skp_cents IS NOT NULL OR skp_predikat IS NOT NULL`);
    expect(rows[0].n).toBe(0);
    await expectAgreement([2026], ['2026-06-30', '2026-12-31']);
  });
});

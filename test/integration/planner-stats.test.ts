/**
 * Planner statistics (issue 15.4): every bulk writer ANALYZEs what it wrote, so the
 * planner never plans for empty tables after a seed, an import or a new indicator year
 * — also where autovacuum is off. Only a manual ANALYZE moves pg_stat_user_tables.analyze_count
 * (autovacuum's analyses are counted in autoanalyze_count), so each step is checked by it.
 */
import pg from 'pg';
import { Readable } from 'node:stream';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applyMigrations } from '../../prisma/tools/migrations.ts';
import { SEEDED_TABLES, seedDemo } from '../../prisma/seed/demo.ts';
import { createDb, type Db } from '../../server/src/db.ts';
import { importedTables } from '../../server/src/modules/imports/engine.ts';
import { executeImport } from '../../server/src/modules/imports/service.ts';
import { materializeYear } from '../../server/src/modules/indicators/compute.ts';
import { TEST_TODAY } from '../support/app.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/imports');

let databaseUrl: string;
let client: pg.Client;
let db: Db;

/** analyze_count and reltuples per table (a fresh statistics snapshot each call). */
async function stats(tables: readonly string[]) {
  await client.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await client.query<{ relname: string; analyzed: number; last: Date | null; reltuples: number }>(
    `SELECT s.relname, s.analyze_count::int AS analyzed, s.last_analyze AS last, c.reltuples::float8 AS reltuples
     FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.relname = ANY($1)`,
    [tables],
  );
  return new Map(rows.map((r) => [r.relname, r]));
}

beforeAll(async () => {
  const url = new URL(inject('databaseUrl'));
  url.pathname = `${url.pathname}_stats`;
  databaseUrl = url.toString();
  await applyMigrations(databaseUrl);
  client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  db = createDb(databaseUrl, 2);
});

afterAll(async () => {
  await db?.$disconnect();
  await client?.end();
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${decodeURIComponent(new URL(databaseUrl).pathname.slice(1))}" WITH (FORCE)`);
  await c.end();
});

describe.sequential('ANALYZE after bulk writes', () => {
  it('the demo seed analyzes every table it fills', async () => {
    const before = await stats(SEEDED_TABLES);
    for (const t of SEEDED_TABLES) expect(before.get(t)?.analyzed ?? 0).toBe(0);
    await seedDemo({ databaseUrl, employees: 600, today: TEST_TODAY });
    const after = await stats(SEEDED_TABLES);
    for (const t of SEEDED_TABLES) {
      const s = after.get(t);
      expect(s?.analyzed, t).toBeGreaterThan(0);
      expect(s?.last, t).not.toBeNull();
    }
    // The planner now knows the sizes (reltuples is -1 for a never-analyzed table).
    expect(after.get('employee')!.reltuples).toBeGreaterThanOrEqual(600);
    expect(after.get('riwayat_pangkat')!.reltuples).toBeGreaterThan(600);
  });

  it('materializing an indicator year analyzes its partition', async () => {
    expect(await materializeYear(db, 2025)).toBe(true);
    const s = (await stats(['indicator_fact_2025'])).get('indicator_fact_2025');
    expect(s?.analyzed).toBeGreaterThan(0);
    expect(s!.reltuples).toBeGreaterThan(0);
  });

  it('an import analyzes the tables it wrote; a rejected one changes nothing', async () => {
    const tables = importedTables('opd');
    expect(tables).toEqual(['opd']);
    const before = (await stats(tables)).get('opd')!.analyzed;
    const job = await db.importJob.create({ data: { kind: 'opd', mode: 'all-or-nothing', fileName: 'opd.csv', storageKey: 'cli/opd.csv' } });
    const file = readFileSync(path.join(FIXTURES, 'opd.csv'));
    const r = await executeImport(db, job.id, async () => Readable.from([file]));
    expect(r.status).toBe('DONE');
    expect((await stats(tables)).get('opd')!.analyzed).toBe(before + 1);

    // A file rejected whole writes nothing and analyzes nothing.
    const bad = await db.importJob.create({ data: { kind: 'opd', mode: 'all-or-nothing', fileName: 'opd.csv', storageKey: 'cli/opd.csv' } });
    const r2 = await executeImport(db, bad.id, async () => Readable.from([Buffer.from('kode,nama\nX1,\n')]));
    expect(r2.status).toBe('REJECTED');
    expect((await stats(tables)).get('opd')!.analyzed).toBe(before + 1);
  });

  it('a pegawai import analyzes the employees, their current histories and the new accounts', async () => {
    expect(importedTables('pegawai')).toEqual(expect.arrayContaining(['employee', 'riwayat_pangkat', 'app_user', 'user_role']));
    const tables = importedTables('pegawai');
    const before = await stats(tables);
    const job = await db.importJob.create({ data: { kind: 'pegawai', mode: 'valid-rows', fileName: 'pegawai.csv', storageKey: 'cli/pegawai.csv' } });
    const file = readFileSync(path.join(FIXTURES, 'pegawai.csv'));
    const r = await executeImport(db, job.id, async () => Readable.from([file]));
    expect(r.status).toBe('DONE');
    const after = await stats(tables);
    for (const t of tables) expect(after.get(t)!.analyzed, t).toBe(before.get(t)!.analyzed + 1);
  });
});

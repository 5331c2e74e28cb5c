/**
 * npm run backup / npm run restore on a database and document store of this test: back up,
 * change rows and files (update, delete, insert; modify, delete, add), restore, and compare
 * with the state at the backup.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applyMigrations } from '../../prisma/tools/migrations.ts';
import { createDb, type Db } from '../../server/src/db.ts';
import { createEmployee, createOpd } from '../support/factories.ts';

let tmp: string;
let databaseUrl: string;
let db: Db;
const name = `ssp_test_backup_${process.pid}_${Date.now().toString(36)}`;

beforeAll(async () => {
  const u = new URL(inject('databaseUrl'));
  u.pathname = `/${name}`;
  databaseUrl = u.toString();
  await applyMigrations(databaseUrl);
  db = createDb(databaseUrl, 2);
  tmp = await mkdtemp(path.join(os.tmpdir(), 'simak-backup-'));
});
afterAll(async () => {
  await db?.$disconnect();
  const admin = new pg.Client({ connectionString: inject('databaseUrl') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
  await rm(tmp, { recursive: true, force: true });
});

function cli(script: 'backup' | 'restore', args: string[], storageDir: string) {
  const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', `server/src/cli/${script}.ts`, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, STORAGE_DIR: storageDir, STORAGE_DRIVER: 'local' },
    encoding: 'utf8',
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Every row of the tables the test changes, and every file with its hash. */
async function snapshot(storageDir: string) {
  const opds = await db.opd.findMany({ orderBy: { id: 'asc' } });
  const employees = await db.employee.findMany({ orderBy: { id: 'asc' } });
  const audit = await db.auditLog.count();
  const files: Record<string, string> = {};
  for (const f of (await readdir(storageDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())) {
    const full = path.join(f.parentPath, f.name);
    files[path.relative(storageDir, full)] = createHash('sha256').update(await readFile(full)).digest('hex');
  }
  return { opds, employees, audit, files };
}

describe('backup and restore', () => {
  it('restores the database and the document store as they were at the backup', async () => {
    const storage = path.join(tmp, 'storage');
    await mkdir(path.join(storage, 'documents/2026/11'), { recursive: true });
    await writeFile(path.join(storage, 'documents/2026/11/a.pdf'), '%PDF-1.4 satu');
    await writeFile(path.join(storage, 'documents/2026/11/b.pdf'), '%PDF-1.4 dua');
    // A half-written file is not part of the backup.
    await writeFile(path.join(storage, 'documents/2026/11/c.pdf.part'), 'setengah');
    const opd = await createOpd(db);
    const kept = await createEmployee(db, { opdId: opd.id, nama: 'Siti Rahmawati' });
    const removed = await createEmployee(db, { opdId: opd.id, nama: 'Bambang Wijaya' });
    await rm(path.join(storage, 'documents/2026/11/c.pdf.part'));
    const before = await snapshot(storage);
    await writeFile(path.join(storage, 'documents/2026/11/c.pdf.part'), 'setengah');

    const out = path.join(tmp, 'backup-1');
    const b = cli('backup', ['--out', out], storage);
    expect(b.status, b.out).toBe(0);
    expect(b.out).toContain('2 documents');
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'simak-backup/1', storage: { files: 2 } });

    // Life goes on: rows changed, deleted, added; files changed, deleted, added.
    await db.employee.update({ where: { id: kept.id }, data: { nama: 'Siti Diubah' } });
    await db.employee.delete({ where: { id: removed.id } });
    await createEmployee(db, { opdId: opd.id, nama: 'Pegawai Baru' });
    await db.opd.update({ where: { id: opd.id }, data: { nama: 'Dinas Diubah' } });
    await writeFile(path.join(storage, 'documents/2026/11/a.pdf'), '%PDF-1.4 diubah');
    await rm(path.join(storage, 'documents/2026/11/b.pdf'));
    await writeFile(path.join(storage, 'documents/2026/11/z.pdf'), '%PDF-1.4 baru');
    expect(await snapshot(storage)).not.toEqual(before);

    // Restoring needs --yes; a backup whose file does not match its checksum is refused before anything is touched.
    expect(cli('restore', [out], storage).status).toBe(1);
    const tampered = path.join(tmp, 'backup-tampered');
    await mkdir(tampered);
    for (const f of ['manifest.json', 'database.dump', 'storage.tar']) await writeFile(path.join(tampered, f), await readFile(path.join(out, f)));
    await writeFile(path.join(tampered, 'storage.tar'), 'rusak');
    const bad = cli('restore', [tampered, '--yes'], storage);
    expect(bad.status).toBe(1);
    expect(bad.out).toMatch(/checksum/);
    expect((await db.employee.findUniqueOrThrow({ where: { id: kept.id } })).nama).toBe('Siti Diubah');

    const r = cli('restore', [out, '--yes'], storage);
    expect(r.status, r.out).toBe(0);
    expect(await snapshot(storage)).toEqual(before);
    expect(existsSync(path.join(storage, 'documents/2026/11/z.pdf'))).toBe(false);
    // The database works after the restore (sequences included): a new row gets a fresh id.
    const next = await createEmployee(db, { opdId: opd.id });
    expect(next.id).toBeGreaterThan(removed.id);
  });
});

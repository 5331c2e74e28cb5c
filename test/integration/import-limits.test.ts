/**
 * Hostile import files stay bounded (issue 13 part 4): every limit refuses a file with
 * the limit named (message, code import_limit_exceeded, details), problems beyond the
 * stored cap are counted, and temporary and rejected files are removed on every path.
 * Small generated files against low limits; real PostgreSQL, Redis and storage.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ImportKind, ImportMode } from '@simak/shared/api/imports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../../server/src/jobs/handlers.ts';
import type { JobCtx } from '../../server/src/jobs/types.ts';
import { createLogger } from '../../server/src/logger.ts';
import { createMailer } from '../../server/src/mail/mailer.ts';
import { importLimits } from '../../server/src/modules/imports/limits.ts';
import { executeImport, IMPORT_RUN_ATTEMPTS } from '../../server/src/modules/imports/service.ts';
import type { Storage } from '../../server/src/storage/storage.ts';
import { buildTestApp, loginAgent, uniq, type TestApp } from '../support/app.ts';
import { createUser, PASSWORD } from '../support/factories.ts';
import { bombXlsx, sheetXml, writeHugeCellCsv, xlsx } from '../support/hostile-files.ts';

let t: TestApp;
let tmpDir: string;
let storageDir: string;
let admin: Awaited<ReturnType<typeof loginAgent>>;

beforeAll(async () => {
  tmpDir = await mkdtemp(path.join(os.tmpdir(), 'simak-import-limits-'));
  storageDir = await mkdtemp(path.join(os.tmpdir(), 'simak-import-storage-'));
  t = buildTestApp({
    IMPORT_MAX_ROWS: '5',
    IMPORT_MAX_CELLS_PER_ROW: '10',
    IMPORT_MAX_CELL_CHARS: '50',
    IMPORT_MAX_UNPACKED_BYTES: '200000',
    IMPORT_MAX_STORED_ERRORS: '3',
    IMPORT_MAX_BYTES: '3000000',
    IMPORT_TMP_DIR: tmpDir,
    STORAGE_DIR: storageDir,
  });
  const u = await createUser(t.db, { roles: ['BKD_ADMIN'] });
  admin = await loginAgent(t.app, u.username, PASSWORD);
});
afterAll(async () => {
  await t.close();
  await rm(tmpDir, { recursive: true, force: true });
  await rm(storageDir, { recursive: true, force: true });
});

const limits = () => importLimits(t.config);

/** Files left in the import temporary directory (the response's cleanup runs on 'close': poll briefly). */
async function tmpFiles(): Promise<string[]> {
  let names: string[] = [];
  for (let i = 0; i < 50; i++) {
    names = await readdir(tmpDir);
    if (names.length === 0) return names;
    await new Promise((r) => setTimeout(r, 20));
  }
  return names;
}

const storedImports = async () => readdir(path.join(storageDir, 'imports')).catch(() => [] as string[]);

async function run(kind: ImportKind, content: Buffer | string, opts: { format?: 'csv' | 'xlsx'; mode?: ImportMode } = {}) {
  const format = opts.format ?? 'csv';
  const job = await t.db.importJob.create({
    data: { kind, mode: opts.mode ?? 'all-or-nothing', fileName: `f.${format}`, storageKey: `cli/f.${format}` },
  });
  const buf = Buffer.isBuffer(content) ? content : Buffer.from(content);
  await executeImport(t.db, job.id, async () => Readable.from([buf]), { limits: limits() });
  return t.db.importJob.findUniqueOrThrow({ where: { id: job.id } });
}

const opdCsv = (rows: string[][]) => ['kode,nama', ...rows.map((r) => r.join(','))].join('\n') + '\n';
const opdRows = (n: number, p: string) => Array.from({ length: n }, (_, i) => [`${p}${i}`, `Unit ${i}`]);
const opdCount = (p: string) => t.db.opd.count({ where: { kode: { startsWith: p } } });

describe.sequential('import limits', () => {
  it('IMPORT_MAX_ROWS: 5 data rows pass, a sixth refuses the whole file naming the limit', async () => {
    const p = uniq('R');
    const ok = await run('opd', opdCsv(opdRows(5, p)));
    expect(ok.status).toBe('DONE');
    const q = uniq('R');
    const over = await run('opd', opdCsv(opdRows(6, q)));
    expect(over).toMatchObject({
      status: 'REJECTED',
      refusalCode: 'import_limit_exceeded',
      refusalDetails: { limit: 'IMPORT_MAX_ROWS', max: 5, row: 7 },
    });
    expect(over.message).toContain('IMPORT_MAX_ROWS');
    expect(await opdCount(q)).toBe(0);
    const detail = (await admin.get(`/api/imports/${over.id}`)).body;
    expect(detail.refusal).toEqual({ code: 'import_limit_exceeded', details: { limit: 'IMPORT_MAX_ROWS', max: 5, row: 7 } });
    expect(detail.errors[0].message).toContain('IMPORT_MAX_ROWS');
  });

  it('IMPORT_MAX_CELLS_PER_ROW: a row with 11 cells is refused (CSV and XLSX)', async () => {
    const p = uniq('C');
    const wide = [`${p}1`, 'Unit', ...Array.from({ length: 9 }, () => 'x')];
    const c = await run('opd', opdCsv([wide]));
    expect(c).toMatchObject({ status: 'REJECTED', refusalDetails: { limit: 'IMPORT_MAX_CELLS_PER_ROW', max: 10, actual: 11, row: 2 } });
    const x = await run('opd', xlsx(sheetXml([['kode', 'nama'], wide])), { format: 'xlsx' });
    expect(x).toMatchObject({ status: 'REJECTED', refusalDetails: { limit: 'IMPORT_MAX_CELLS_PER_ROW', max: 10, row: 2 } });
    expect(await opdCount(p)).toBe(0);
  });

  it('IMPORT_MAX_CELL_CHARS: 50 characters pass, 51 are refused; a 2 MB cell stops the parser (CSV and XLSX)', async () => {
    const p = uniq('L');
    expect((await run('opd', opdCsv([[`${p}1`, 'n'.repeat(50)]]))).status).toBe('DONE');
    const c = await run('opd', opdCsv([[`${p}2`, 'n'.repeat(51)]]));
    expect(c).toMatchObject({ status: 'REJECTED', refusalDetails: { limit: 'IMPORT_MAX_CELL_CHARS', max: 50, actual: 51, row: 2 } });
    expect(c.message).toContain('IMPORT_MAX_CELL_CHARS');

    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'simak-hugecell-')), 'big.csv');
    await writeHugeCellCsv(file, 2 * 1024 * 1024);
    const { readFile } = await import('node:fs/promises');
    const huge = await run('opd', await readFile(file));
    await rm(path.dirname(file), { recursive: true, force: true });
    expect(huge).toMatchObject({ status: 'REJECTED', refusalDetails: { limit: 'IMPORT_MAX_CELL_CHARS', max: 50 } });

    const x = await run('opd', xlsx(sheetXml([['kode', 'nama'], [`${p}3`, 'n'.repeat(51)]])), { format: 'xlsx' });
    expect(x).toMatchObject({ status: 'REJECTED', refusalDetails: { limit: 'IMPORT_MAX_CELL_CHARS', max: 50, row: 2 } });
    // A text node far beyond the limit is stopped in the zip reader, before the XML parser buffers it.
    const xHuge = await run('opd', xlsx(sheetXml([['kode', 'nama'], [`${p}4`, 'n'.repeat(150_000)]])), { format: 'xlsx' });
    expect(xHuge).toMatchObject({ status: 'REJECTED', refusalDetails: { limit: 'IMPORT_MAX_CELL_CHARS', max: 50 } });
    expect(await opdCount(p)).toBe(1);
  });

  it('IMPORT_MAX_UNPACKED_BYTES: a bomb is refused from its declared size, a lying bomb when it inflates past it', async () => {
    const honest = await run('opd', bombXlsx(1_000_000, true), { format: 'xlsx' });
    expect(honest).toMatchObject({
      status: 'REJECTED',
      refusalCode: 'import_limit_exceeded',
      refusalDetails: { limit: 'IMPORT_MAX_UNPACKED_BYTES', max: 200000, reason: 'declared' },
    });
    expect(honest.message).toContain('IMPORT_MAX_UNPACKED_BYTES');
    const lying = await run('opd', bombXlsx(1_000_000, false), { format: 'xlsx' });
    expect(lying).toMatchObject({
      status: 'REJECTED',
      refusalDetails: { limit: 'IMPORT_MAX_UNPACKED_BYTES', max: 200000, reason: 'entry-lies' },
    });
    // Many parts each under the limit, together over it.
    const parts = Array.from({ length: 3 }, (_, i) => ({ name: `xl/media/p${i}.bin`, data: Buffer.alloc(80_000) }));
    const sum = await run('opd', xlsx(sheetXml([['kode', 'nama']]), { more: parts }), { format: 'xlsx' });
    expect(sum).toMatchObject({ status: 'REJECTED', refusalDetails: { limit: 'IMPORT_MAX_UNPACKED_BYTES', reason: 'declared' } });
    expect(await tmpFiles()).toEqual([]);
  });

  it('an XLSX over the unpacked limit is refused at upload with 422 naming the limit; nothing is stored', async () => {
    const before = await storedImports();
    const res = await admin
      .post('/api/imports/opd')
      .set('x-csrf-token', admin.csrfToken)
      .attach('file', bombXlsx(1_000_000, true), 'bom.xlsx');
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('import_limit_exceeded');
    expect(res.body.error.message).toContain('IMPORT_MAX_UNPACKED_BYTES');
    expect(res.body.error.details[0]).toMatchObject({ path: 'file', limit: 'IMPORT_MAX_UNPACKED_BYTES', max: 200000 });
    expect(await storedImports()).toEqual(before);
    expect(await tmpFiles()).toEqual([]);
  });

  it('IMPORT_MAX_STORED_ERRORS: 3 problems stored, the rest counted and shown', async () => {
    const p = uniq('E');
    const rows = Array.from({ length: 5 }, (_, i) => [`${p}${i}`, '']); // nama is required
    const job = await run('opd', opdCsv(rows), { mode: 'valid-rows' });
    expect(job.failed).toBe(5);
    expect(await t.db.importError.count({ where: { importId: job.id } })).toBe(3);
    expect(job.issuesNotStored).toBe(2);
    const detail = (await admin.get(`/api/imports/${job.id}`)).body;
    expect(detail).toMatchObject({ errorsTotal: 3, errorsNotStored: 2, counts: { failed: 5 } });
  });
});

describe.sequential('temporary and rejected files are removed on every path', () => {
  const post = (kind: string) => admin.post(`/api/imports/${kind}`).set('x-csrf-token', admin.csrfToken);

  it('an unknown kind, a bad mode, a wrong type, an oversized file and a success leave no temporary file', async () => {
    const file = Buffer.from(opdCsv([[uniq('T'), 'Unit']]));
    expect((await post('gaji').attach('file', file, 'a.csv')).status).toBe(422);
    expect(await tmpFiles()).toEqual([]);
    expect((await post('opd').field('mode', 'sebagian').attach('file', file, 'a.csv')).status).toBe(422);
    expect(await tmpFiles()).toEqual([]);
    expect((await post('opd').attach('file', Buffer.from('%PDF-1.4'), 'a.pdf')).status).toBe(422);
    expect(await tmpFiles()).toEqual([]);
    const big = await post('opd').attach('file', Buffer.alloc(3_100_000, 0x61), 'big.csv');
    expect(big.status).toBe(413);
    expect(big.body.error.details).toMatchObject({ limit: 'IMPORT_MAX_BYTES' });
    expect(await tmpFiles()).toEqual([]);
    const ok = await post('opd').attach('file', file, 'a.csv');
    expect(ok.status).toBe(202);
    expect(await tmpFiles()).toEqual([]);
  });

  const jobCtx = (storage: Storage, attempt = 1): JobCtx => ({
    db: t.db,
    redis: t.ctx.redis,
    config: t.config,
    logger: createLogger('silent'),
    mailer: createMailer(undefined, 'x@y.z'),
    storage,
    attempt,
  });

  it('a rejected import (validation failure or limit) has its stored file removed; a done one keeps it', async () => {
    const bad = await post('opd').attach('file', Buffer.from(opdCsv(opdRows(6, uniq('J')))), 'a.xlsx.csv');
    expect(bad.status).toBe(202);
    const badJob = await t.db.importJob.findUniqueOrThrow({ where: { id: bad.body.id } });
    expect(await t.ctx.storage.exists(badJob.storageKey)).toBe(true);
    await handlers['import.run']({ importId: badJob.id }, jobCtx(t.ctx.storage));
    expect((await t.db.importJob.findUniqueOrThrow({ where: { id: badJob.id } })).status).toBe('REJECTED');
    expect(await t.ctx.storage.exists(badJob.storageKey)).toBe(false);

    const invalid = await post('opd').attach('file', Buffer.from(opdCsv([[uniq('J'), '']])), 'b.csv');
    const invalidJob = await t.db.importJob.findUniqueOrThrow({ where: { id: invalid.body.id } });
    await handlers['import.run']({ importId: invalidJob.id }, jobCtx(t.ctx.storage));
    expect((await t.db.importJob.findUniqueOrThrow({ where: { id: invalidJob.id } })).status).toBe('REJECTED');
    expect(await t.ctx.storage.exists(invalidJob.storageKey)).toBe(false);

    const good = await post('opd').attach('file', Buffer.from(opdCsv([[uniq('J'), 'Unit']])), 'c.csv');
    const goodJob = await t.db.importJob.findUniqueOrThrow({ where: { id: good.body.id } });
    await handlers['import.run']({ importId: goodJob.id }, jobCtx(t.ctx.storage));
    expect((await t.db.importJob.findUniqueOrThrow({ where: { id: goodJob.id } })).status).toBe('DONE');
    expect(await t.ctx.storage.exists(goodJob.storageKey)).toBe(true);
  });

  it('a job that crashes mid-read: FAILED after the last attempt, stored file and spooled XLSX removed', async () => {
    const p = uniq('K');
    const res = await post('opd').attach('file', xlsx(sheetXml([['kode', 'nama'], [`${p}1`, 'Unit']])), 'k.xlsx');
    expect(res.status).toBe(202);
    const job = await t.db.importJob.findUniqueOrThrow({ where: { id: res.body.id } });
    // Storage that breaks after the first bytes (a disk or network failure during the read).
    const failing: Storage = Object.assign(Object.create(t.ctx.storage) as Storage, {
      get: async () =>
        new Readable({
          read() {
            this.push(Buffer.from('PK\u0003\u0004'));
            this.destroy(Object.assign(new Error('read failed'), { code: 'EIO' }));
          },
        }),
    });
    await expect(handlers['import.run']({ importId: job.id }, jobCtx(failing, 1))).rejects.toThrow('read failed');
    expect((await t.db.importJob.findUniqueOrThrow({ where: { id: job.id } })).status).toBe('QUEUED');
    expect(await t.ctx.storage.exists(job.storageKey)).toBe(true);
    await expect(handlers['import.run']({ importId: job.id }, jobCtx(failing, IMPORT_RUN_ATTEMPTS))).rejects.toThrow();
    expect((await t.db.importJob.findUniqueOrThrow({ where: { id: job.id } })).status).toBe('FAILED');
    expect(await t.ctx.storage.exists(job.storageKey)).toBe(false);
    expect(await tmpFiles()).toEqual([]);
  });

  it('a crash after the XLSX was spooled (while rows are read) removes the spooled file', async () => {
    const job = await t.db.importJob.create({
      data: { kind: 'opd', mode: 'all-or-nothing', fileName: 'x.xlsx', storageKey: 'cli/x.xlsx' },
    });
    // An unknown column produces a warning as the header is read; the hook fails there.
    const file = xlsx(sheetXml([['kode', 'nama', 'asing'], [uniq('S'), 'Unit', 'x']]));
    await expect(
      executeImport(t.db, job.id, async () => Readable.from([file]), {
        limits: limits(),
        onIssue: () => {
          throw new Error('crash while reading');
        },
      }),
    ).rejects.toThrow('crash while reading');
    expect(await tmpFiles()).toEqual([]);
  });

  it('the worker sweeps spooled files left by a killed process', async () => {
    const { sweepImportTemp } = await import('../../server/src/modules/imports/reader.ts');
    await writeFile(path.join(tmpDir, 'spool-1-dead.xlsx'), 'x');
    expect(await sweepImportTemp(tmpDir, 0)).toBe(1);
    expect(await readdir(tmpDir)).toEqual([]);
  });
});

import ExcelJS from 'exceljs';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ImportKind, ImportMode } from '@simak/shared/api/imports';
import { handlers } from '../../server/src/jobs/handlers.ts';
import type { JobCtx } from '../../server/src/jobs/types.ts';
import { createLogger } from '../../server/src/logger.ts';
import { createMailer } from '../../server/src/mail/mailer.ts';
import { executeImport } from '../../server/src/modules/imports/service.ts';
import { buildTestApp, cliEnv, loginAgent, type TestApp } from '../support/app.ts';
import { createOpd, createUser, PASSWORD } from '../support/factories.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/imports');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const ROOT = path.resolve(import.meta.dirname, '../..');

let t: TestApp;
beforeAll(() => {
  t = buildTestApp();
});
afterAll(() => t.close());

/** Runs an import the way the worker does (import_job row, engine, errors stored) and returns the job and its issues. */
async function run(kind: ImportKind, content: string | Buffer, opts: { mode?: ImportMode; format?: 'csv' | 'xlsx' } = {}) {
  const format = opts.format ?? 'csv';
  const job = await t.db.importJob.create({
    data: { kind, mode: opts.mode ?? 'all-or-nothing', fileName: `${kind}.${format}`, storageKey: `cli/${kind}.${format}` },
  });
  const buf = Buffer.isBuffer(content) ? content : Buffer.from(content);
  const r = await executeImport(t.db, job.id, async () => Readable.from([buf]));
  const stored = await t.db.importJob.findUniqueOrThrow({ where: { id: job.id } });
  const issues = await t.db.importError.findMany({ where: { importId: job.id }, orderBy: [{ row: 'asc' }, { id: 'asc' }] });
  return {
    result: r,
    job: stored,
    counts: { created: stored.created, updated: stored.updated, unchanged: stored.unchanged, failed: stored.failed, warnings: stored.warnings },
    errors: issues.filter((i) => i.severity === 'error').map(({ row, column, value, message }) => ({ row, column, value, message })),
    warnings: issues.filter((i) => i.severity === 'warning').map(({ row, column, value, message }) => ({ row, column, value, message })),
  };
}

const csv = (rows: (string | number)[][]) =>
  rows.map((r) => r.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',')).join('\n') + '\n';

const PEGAWAI_HEADER = fixture('pegawai.csv').split('\n')[0]!.split(',');
/** A pegawai row from named values (others empty). */
function pegawaiRow(values: Record<string, string>): string[] {
  return PEGAWAI_HEADER.map((h) => values[h] ?? '');
}
const basePegawai = (nip: string, extra: Record<string, string> = {}) =>
  pegawaiRow({
    nip,
    nama: `Pegawai ${nip.slice(-4)}`,
    jenis_kelamin: nip[14] === '2' ? 'P' : 'L',
    tanggal_lahir: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
    status_kepegawaian: 'PNS',
    tmt_cpns: `${nip.slice(8, 12)}-${nip.slice(12, 14)}-01`,
    opd_kode: 'FX-BKD',
    jenis_jabatan: 'PELAKSANA',
    nama_jabatan: 'Pengadministrasi Umum',
    golongan: 'II/c',
    tmt_golongan: `${nip.slice(8, 12)}-${nip.slice(12, 14)}-01`,
    pendidikan_terakhir: 'SMA',
    ...extra,
  });

const auditCount = () => t.db.auditLog.count();
const SARI = '199001152015032001';
const BUDI = '197505102000031003';
const HARTONO = '196812251994031001';
const EKO = '198502202010011001';
const ORDER: ImportKind[] = ['opd', 'pegawai', 'pendidikan', 'pangkat', 'jabatan', 'kgb', 'keluarga', 'diklat', 'skp', 'hukdis'];

describe.sequential('import engine: every kind from the fixtures', () => {
  it('imports OPDs with a child before its parent', async () => {
    const r = await run('opd', fixture('opd.csv'));
    expect(r.job.status).toBe('DONE');
    expect(r.counts).toEqual({ created: 4, updated: 0, unchanged: 0, failed: 0, warnings: 0 });
    const sd = await t.db.opd.findUniqueOrThrow({ where: { kode: 'FX-DIK-SD' }, include: { parent: { include: { parent: true } } } });
    expect(sd.parent?.kode).toBe('FX-DIK');
    expect(sd.parent?.parent?.kode).toBe('FX-SETDA');
    expect(sd.latitude?.toString()).toBe('-8.1331');
    expect(r.job.processedRows).toBe(4);
    expect(r.job.totalRows).toBe(4);
  });

  it('imports employees: atasan in later rows, current histories, ASN accounts, NIP warnings stored', async () => {
    const r = await run('pegawai', fixture('pegawai.csv'));
    expect(r.job.status).toBe('DONE');
    expect(r.counts).toMatchObject({ created: 6, updated: 0, unchanged: 0, failed: 0, warnings: 1 });
    const sari = await t.db.employee.findUniqueOrThrow({ where: { nip: SARI }, include: { atasan: { include: { atasan: true } }, opd: true } });
    expect(sari.atasan?.nip).toBe(BUDI);
    expect(sari.atasan?.atasan?.nip).toBe(HARTONO);
    expect(sari).toMatchObject({ golongan: 'III/b', pendidikanTerakhir: 'S1', jenisJabatan: 'FUNGSIONAL', jenjangFungsional: 'AHLI_PERTAMA', nipWarnings: [] });
    expect(sari.opd.kode).toBe('FX-DIK-SD');
    // Current history rows come with the employee.
    expect(await t.db.riwayatPangkat.findMany({ where: { employeeId: sari.id }, select: { golongan: true, mkgTahun: true } })).toEqual([
      { golongan: 'III/b', mkgTahun: 4 },
    ]);
    expect(await t.db.riwayatJabatan.count({ where: { employeeId: sari.id, namaJabatan: 'Guru Ahli Pertama' } })).toBe(1);
    expect(await t.db.riwayatPendidikan.count({ where: { employeeId: sari.id, jenjang: 'S1', tahunLulus: 2012 } })).toBe(1);
    // Aliases, PPPK and KONTRAK.
    expect((await t.db.employee.findUniqueOrThrow({ where: { nip: 'K-2024-0007' } })).pendidikanTerakhir).toBe('SMA');
    expect((await t.db.employee.findUniqueOrThrow({ where: { nip: EKO } })).pendidikanTerakhir).toBe('D3');
    expect((await t.db.employee.findUniqueOrThrow({ where: { nip: '199203102022212001' } })).golongan).toBe('IX');
    // The NIP's birth date disagrees with tanggal_lahir: a stored warning, not an error.
    const eko = await t.db.employee.findUniqueOrThrow({ where: { nip: EKO } });
    expect(eko.nipWarnings).toEqual(['NIP_TANGGAL_LAHIR_BEDA']);
    expect(r.warnings).toEqual([expect.objectContaining({ row: 7, column: 'nip', value: EKO })]);
    // Accounts for ASN only (not KONTRAK), username = NIP, must change password, role ASN.
    const users = await t.db.user.findMany({ where: { employee: { nip: { in: [SARI, 'K-2024-0007', '199203102022212001'] } } }, include: { roles: true } });
    expect(users.map((u) => u.username).sort()).toEqual([SARI, '199203102022212001']);
    for (const u of users) {
      expect(u.mustChangePassword).toBe(true);
      expect(u.roles.map((x) => x.role)).toEqual(['ASN']);
    }
    expect(users[0]!.passwordHash).toMatch(/^\$argon2/);
    // An imported account cannot be used before an admin reset.
    const login = await supertest(t.app).post('/api/auth/login').send({ username: SARI, password: PASSWORD });
    expect(login.status).toBe(401);
  });

  it('imports every history kind referencing employees of an earlier import', async () => {
    const expected: Record<string, { created: number; updated: number }> = {
      pendidikan: { created: 1, updated: 1 },
      pangkat: { created: 1, updated: 1 },
      jabatan: { created: 1, updated: 1 },
      kgb: { created: 2, updated: 0 },
      keluarga: { created: 2, updated: 0 },
      diklat: { created: 2, updated: 0 },
      skp: { created: 3, updated: 0 },
      hukdis: { created: 2, updated: 0 },
    };
    for (const [kind, counts] of Object.entries(expected)) {
      const r = await run(kind as ImportKind, fixture(`${kind}.csv`));
      expect({ kind, status: r.job.status, errors: r.errors }).toEqual({ kind, status: 'DONE', errors: [] });
      expect(r.counts).toMatchObject({ ...counts, unchanged: 0, failed: 0 });
    }
    const sari = await t.db.employee.findUniqueOrThrow({ where: { nip: SARI } });
    const s1 = await t.db.riwayatPendidikan.findFirstOrThrow({ where: { employeeId: sari.id, jenjang: 'S1' } });
    expect(s1.institusi).toBe('Universitas Negeri Malang');
    const skp = await t.db.riwayatSkp.findMany({ where: { employeeId: sari.id }, orderBy: { tahun: 'asc' } });
    expect(skp.map((x) => [x.tahun, x.nilai?.toString() ?? null, x.predikat])).toEqual([
      [2022, null, 'BUTUH_PERBAIKAN'],
      [2023, '92.5', 'SANGAT_BAIK'],
    ]);
    const diklat = await t.db.riwayatDiklat.findMany({ where: { employeeId: sari.id }, orderBy: { tanggalMulai: 'asc' } });
    expect(diklat.map((d) => d.jenis)).toEqual(['FUNGSIONAL', 'WORKSHOP']);
    const hukdis = await t.db.riwayatHukdis.findFirstOrThrow({ where: { employee: { nip: BUDI } } });
    expect(hukdis.tmtSelesai).toBeNull();
    const keluarga = await t.db.keluarga.findMany({ where: { employeeId: sari.id } });
    expect(keluarga.every((k) => k.statusTunjangan)).toBe(true);
  });

  it('re-importing the same files changes nothing and writes no audit rows', async () => {
    const before = await auditCount();
    for (const kind of ORDER) {
      const r = await run(kind, fixture(`${kind}.csv`));
      expect({ kind, status: r.job.status }).toEqual({ kind, status: 'DONE' });
      expect({ kind, created: r.counts.created, updated: r.counts.updated }).toEqual({ kind, created: 0, updated: 0 });
      expect(r.counts.unchanged).toBeGreaterThan(0);
    }
    expect(await auditCount()).toBe(before);
  });

  it('a changed value updates the record and leaves an audit entry with before and after', async () => {
    const eko = await t.db.employee.findUniqueOrThrow({ where: { nip: EKO } });
    const changed = fixture('pegawai.csv').replace('Eko Prasetyo,,A.Md.', 'Eko Prasetyo Utomo,,A.Md.');
    const r = await run('pegawai', changed);
    expect(r.counts).toMatchObject({ created: 0, updated: 1, unchanged: 5, failed: 0 });
    const after = await t.db.employee.findUniqueOrThrow({ where: { nip: EKO } });
    expect(after.nama).toBe('Eko Prasetyo Utomo');
    expect(after.version).toBe(eko.version + 1);
    const audit = await t.db.auditLog.findFirstOrThrow({
      where: { entityType: 'employee', entityId: String(eko.id), action: 'import.update' },
      orderBy: { id: 'desc' },
    });
    expect(audit.before).toEqual({ nama: 'Eko Prasetyo' });
    expect(audit.after).toEqual({ nama: 'Eko Prasetyo Utomo' });
    expect(audit.requestId).toBe(`import/${r.job.id}`);
  });

  it('reports a conflict between a history file and the current value (error in all-or-nothing)', async () => {
    const file = csv([
      ['nip', 'golongan', 'tmt_golongan', 'jenis_kp', 'mkg_tahun', 'mkg_bulan'],
      [BUDI, 'III/d', '2012-10-01', 'REGULER', '12', '0'],
      [BUDI, 'IV/b', '2021-04-01', 'REGULER', '20', '6'],
    ]);
    const rejected = await run('pangkat', file);
    expect(rejected.job.status).toBe('REJECTED');
    expect(rejected.errors).toEqual([
      expect.objectContaining({ row: 3, column: 'golongan', value: 'IV/b', message: expect.stringMatching(/Konflik.*IV\/b.*IV\/a/) }),
    ]);
    const budi = await t.db.employee.findUniqueOrThrow({ where: { nip: BUDI } });
    expect(await t.db.riwayatPangkat.count({ where: { employeeId: budi.id, golongan: 'III/d' } })).toBe(0);
    const partial = await run('pangkat', file, { mode: 'valid-rows' });
    expect(partial.job.status).toBe('DONE');
    expect(partial.counts).toMatchObject({ created: 1, failed: 1 });
    expect(await t.db.riwayatPangkat.count({ where: { employeeId: budi.id, golongan: 'III/d' } })).toBe(1);
    expect(await t.db.riwayatPangkat.count({ where: { employeeId: budi.id, golongan: 'IV/b' } })).toBe(0);
  });
});

describe.sequential('import engine: errors', () => {
  const GOOD = '198807072014021001';
  const rows = () => [
    PEGAWAI_HEADER,
    basePegawai('19880707201402100'), // 17 digits
    basePegawai('198807072014021002', { tanggal_lahir: '1988-02-30' }),
    basePegawai('198807072014021003', { opd_kode: 'TIDAK-ADA' }),
    basePegawai('198807072014021004', { jenis_kelamin: 'X' }),
    basePegawai(GOOD),
  ];

  it('all-or-nothing: reports every error with row, column and value, and writes nothing', async () => {
    const audit = await auditCount();
    const r = await run('pegawai', csv(rows()));
    expect(r.job.status).toBe('REJECTED');
    expect(r.counts).toMatchObject({ created: 0, updated: 0, unchanged: 0, failed: 4 });
    expect(r.job.message).toMatch(/ditolak/);
    expect(r.errors).toEqual([
      expect.objectContaining({ row: 2, column: 'nip', value: '19880707201402100', message: expect.stringMatching(/18 digit/) }),
      expect.objectContaining({ row: 3, column: 'tanggal_lahir', value: '1988-02-30', message: expect.stringMatching(/YYYY-MM-DD/) }),
      expect.objectContaining({ row: 4, column: 'opd_kode', value: 'TIDAK-ADA', message: expect.stringMatching(/tidak ditemukan/) }),
      expect.objectContaining({ row: 5, column: 'jenis_kelamin', value: 'X', message: expect.stringMatching(/pilihan: L, P/) }),
    ]);
    expect(await t.db.employee.count({ where: { nip: GOOD } })).toBe(0);
    expect(await auditCount()).toBe(audit);
  });

  it('a cell with NUL is an error of its row and a header name with NUL a warning, both stored escaped (never a failed job)', async () => {
    const kode = `NUL${Date.now().toString(36).toUpperCase()}`;
    const r = await run('opd', csv([['kode', 'nama', 'asal\u0000usul'], [`${kode}-1`, 'Dinas\u0000Satu'], [`${kode}-2`, 'Dinas Dua']]), { mode: 'valid-rows' });
    expect(r.job.status).toBe('DONE');
    expect(r.counts).toMatchObject({ created: 1, failed: 1 });
    expect(r.errors).toEqual([expect.objectContaining({ row: 2, column: 'nama', value: 'Dinas\\u0000Satu', message: expect.stringMatching(/tidak diizinkan/) })]);
    expect(r.warnings).toEqual([expect.objectContaining({ row: 1, column: 'asal\\u0000usul' })]);
    expect(await t.db.opd.count({ where: { kode: { startsWith: kode } } })).toBe(1);
  });

  it('valid-rows: stores the valid rows and lists the rest', async () => {
    const r = await run('pegawai', csv(rows()), { mode: 'valid-rows' });
    expect(r.job.status).toBe('DONE');
    expect(r.counts).toMatchObject({ created: 1, failed: 4 });
    expect(r.errors.map((e) => e.row)).toEqual([2, 3, 4, 5]);
    expect(await t.db.employee.count({ where: { nip: GOOD } })).toBe(1);
  });

  it('rejects the whole file when a required column is missing from the header', async () => {
    const r = await run('pegawai', csv([PEGAWAI_HEADER.filter((h) => h !== 'nama' && h !== 'tanggal_lahir'), ['x']]));
    expect(r.job.status).toBe('REJECTED');
    expect(r.job.message).toMatch(/kolom wajib.*nama, tanggal_lahir/);
    expect(r.errors).toEqual([
      expect.objectContaining({ row: 1, column: 'nama' }),
      expect.objectContaining({ row: 1, column: 'tanggal_lahir' }),
    ]);
  });

  it('ignores extra columns with a warning, and in valid-rows drops rows whose same-file reference failed', async () => {
    const a = '198001012005011001';
    const b = '198001012005011002';
    const c = '198001012005011003';
    const file = csv([
      [...PEGAWAI_HEADER, 'catatan'],
      [...basePegawai(a, { atasan_nip: b }), 'abc'], // its atasan's row is invalid
      [...basePegawai(b, { golongan: 'V/a' }), ''],
      [...basePegawai(c, { atasan_nip: a }), ''], // chain: a is dropped, so c is too
    ]);
    const r = await run('pegawai', file, { mode: 'valid-rows' });
    expect(r.warnings).toEqual([expect.objectContaining({ row: 1, column: 'catatan', message: expect.stringMatching(/diabaikan/) })]);
    expect(r.errors).toEqual([
      expect.objectContaining({ row: 2, column: 'atasan_nip', value: b }),
      expect.objectContaining({ row: 3, column: 'golongan', value: 'V/a' }),
      expect.objectContaining({ row: 4, column: 'atasan_nip', value: a }),
    ]);
    expect(r.counts).toMatchObject({ created: 0, failed: 3 });
  });

  it('reports repeated keys and OPD cycles', async () => {
    const r = await run(
      'opd',
      csv([
        ['kode', 'nama', 'induk_kode'],
        ['CY-A', 'A', 'CY-B'],
        ['CY-B', 'B', 'CY-A'],
        ['CY-C', 'C', ''],
        ['CY-C', 'C lagi', ''],
      ]),
    );
    expect(r.job.status).toBe('REJECTED');
    expect(r.errors).toEqual([
      expect.objectContaining({ row: 2, column: 'induk_kode', message: expect.stringMatching(/lingkaran/) }),
      expect.objectContaining({ row: 3, column: 'induk_kode', message: expect.stringMatching(/lingkaran/) }),
      expect.objectContaining({ row: 5, column: 'kode', message: expect.stringMatching(/baris 4/) }),
    ]);
  });

  it('rejects an unreadable file and a semicolon CSV as a whole', async () => {
    const bad = await run('opd', Buffer.from('not a zip'), { format: 'xlsx' });
    expect(bad.job.status).toBe('REJECTED');
    expect(bad.job.message).toMatch(/XLSX tidak dapat dibaca/);
    const semi = await run('opd', 'kode;nama\nA;B\n');
    expect(semi.job.status).toBe('REJECTED');
    expect(semi.job.message).toMatch(/koma/);
  });
});

describe.sequential('import engine: XLSX', () => {
  it('reads the first sheet, with dates as date cells and a warning for an unknown column', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['nip', 'hubungan', 'nama', 'tanggal_lahir', 'jenis_kelamin', 'status_tunjangan', 'Keterangan Lain']);
    ws.addRow([EKO, 'ISTRI', 'Maya Sari', new Date(Date.UTC(1987, 5, 1)), 'P', 'Y', 'x']);
    ws.addRow([EKO, 'ANAK', 'Bima Prasetyo', '2012-13-01', 'L', 'N', '']);
    wb.addWorksheet('Ignored').addRow(['ignored']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await run('keluarga', buf, { format: 'xlsx', mode: 'valid-rows' });
    expect(r.job.status).toBe('DONE');
    expect(r.counts).toMatchObject({ created: 1, failed: 1, warnings: 1 });
    expect(r.errors).toEqual([expect.objectContaining({ row: 3, column: 'tanggal_lahir', value: '2012-13-01' })]);
    const istri = await t.db.keluarga.findFirstOrThrow({ where: { employee: { nip: EKO }, nama: 'Maya Sari' } });
    expect(istri.tanggalLahir?.toISOString().slice(0, 10)).toBe('1987-06-01');
    expect(istri.statusTunjangan).toBe(true);
  });

  it('flags an 18-digit NIP stored as a number (precision lost)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['nip', 'tahun', 'nilai']);
    ws.addRow([Number(SARI), 2021, 88]);
    const r = await run('skp', Buffer.from(await wb.xlsx.writeBuffer()), { format: 'xlsx' });
    expect(r.job.status).toBe('REJECTED');
    expect(r.errors).toEqual([expect.objectContaining({ row: 2, column: 'nip', message: expect.stringMatching(/teks/) })]);
  });
});

describe.sequential('imports API', () => {
  let admin: Awaited<ReturnType<typeof loginAgent>>;
  const jobCtx = (): JobCtx => ({
    db: t.db,
    redis: t.ctx.redis,
    config: t.config,
    logger: createLogger('silent'),
    mailer: createMailer(undefined, 'x@y.z'),
    storage: t.ctx.storage,
    attempt: 1,
  });

  beforeAll(async () => {
    const u = await createUser(t.db, { roles: ['BKD_ADMIN'] });
    admin = await loginAgent(t.app, u.username, PASSWORD);
  });

  it('401 without a session, 403 for other roles', async () => {
    const anon = await supertest(t.app).get('/api/imports');
    expect(anon.status).toBe(401);
    const opd = await createOpd(t.db);
    for (const roles of [['BKD_VERIFIER'], ['OPD_ADMIN']] as const) {
      const u = await createUser(t.db, { roles: [...roles], opdIds: [opd.id] });
      const agent = await loginAgent(t.app, u.username, PASSWORD);
      expect((await agent.get('/api/imports')).status).toBe(403);
      const post = await agent
        .post('/api/imports/opd')
        .set('x-csrf-token', agent.csrfToken)
        .attach('file', Buffer.from(fixture('opd.csv')), 'opd.csv');
      expect(post.status).toBe(403);
    }
  });

  it('validates the kind, the file and the mode', async () => {
    const badKind = await admin.post('/api/imports/gaji').set('x-csrf-token', admin.csrfToken).attach('file', Buffer.from('a'), 'a.csv');
    expect(badKind.status).toBe(422);
    const noFile = await admin.post('/api/imports/opd').set('x-csrf-token', admin.csrfToken).field('mode', 'valid-rows');
    expect(noFile.status).toBe(422);
    const badType = await admin.post('/api/imports/opd').set('x-csrf-token', admin.csrfToken).attach('file', Buffer.from('%PDF-1.4'), 'a.pdf');
    expect(badType.status).toBe(422);
    const badMode = await admin
      .post('/api/imports/opd')
      .set('x-csrf-token', admin.csrfToken)
      .field('mode', 'sebagian')
      .attach('file', Buffer.from(fixture('opd.csv')), 'opd.csv');
    expect(badMode.status).toBe(422);
  });

  it('202 with an id; the job runs it (idempotently); polling shows DONE; errors.csv lists every issue', async () => {
    const file = csv([
      ['nip', 'tahun', 'nilai', 'predikat'],
      [SARI, '2021', '', 'BAIK'],
      [SARI, '2020', '101', ''],
      ['199912312020121001', '2020', '80', ''],
    ]);
    const res = await admin
      .post('/api/imports/skp')
      .set('x-csrf-token', admin.csrfToken)
      .field('mode', 'valid-rows')
      .attach('file', Buffer.from(file), 'skp 2021.csv');
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ id: expect.any(Number), status: 'QUEUED' });
    const id = res.body.id as number;
    const outbox = await t.db.outboxEvent.findUniqueOrThrow({ where: { jobId: `import.run/${id}` } });
    expect(outbox).toMatchObject({ queue: 'default', jobName: 'import.run', payload: { importId: id } });

    const queued = await admin.get(`/api/imports/${id}`);
    expect(queued.body).toMatchObject({ id, kind: 'skp', mode: 'valid-rows', status: 'QUEUED', fileName: 'skp 2021.csv' });

    const first = await handlers['import.run']({ importId: id }, jobCtx());
    expect(first.status).toBe('done');
    const again = await handlers['import.run']({ importId: id }, jobCtx());
    expect(again.status).toBe('skipped');

    let body: Record<string, unknown> = {};
    for (let i = 0; i < 50; i++) {
      body = (await admin.get(`/api/imports/${id}`)).body;
      if (body.status === 'DONE' || body.status === 'REJECTED') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(body).toMatchObject({
      status: 'DONE',
      progress: { processedRows: 3, totalRows: 3 },
      counts: { created: 1, updated: 0, unchanged: 0, failed: 2, warnings: 0 },
      errorsTotal: 2,
    });
    expect(body.errors).toEqual([
      { row: 3, column: 'nilai', value: '101', message: expect.any(String), severity: 'error' },
      { row: 4, column: 'nip', value: '199912312020121001', message: expect.stringMatching(/tidak ditemukan/), severity: 'error' },
    ]);
    expect(body.startedAt).toEqual(expect.any(String));
    expect(body.finishedAt).toEqual(expect.any(String));

    const dl = await admin.get(`/api/imports/${id}/errors.csv`);
    expect(dl.status).toBe(200);
    expect(dl.headers['content-type']).toMatch(/text\/csv/);
    expect(dl.headers['content-disposition']).toMatch(/attachment/);
    const lines = dl.text.replace(/^\ufeff/, '').trim().split(/\r\n/);
    expect(lines[0]).toBe('baris,kolom,nilai,pesan,tingkat');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^3,nilai,101,.*,galat$/);

    const list = await admin.get('/api/imports?pageSize=5');
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({ id, status: 'DONE' });
    expect(list.body.total).toBeGreaterThan(1);

    expect((await admin.get('/api/imports/99999999')).status).toBe(404);
    expect((await admin.get('/api/imports/99999999/errors.csv')).status).toBe(404);
  });

  it('a crashed run (left RUNNING) restarts cleanly', async () => {
    const res = await admin
      .post('/api/imports/opd')
      .set('x-csrf-token', admin.csrfToken)
      .attach('file', Buffer.from(csv([['kode', 'nama'], ['CRASH-1', 'Unit Uji']])), 'opd.csv');
    const id = res.body.id as number;
    await t.db.importJob.update({ where: { id }, data: { status: 'RUNNING' } });
    await t.db.importError.create({ data: { importId: id, row: 9, message: 'sisa percobaan sebelumnya' } });
    expect((await handlers['import.run']({ importId: id }, jobCtx())).status).toBe('done');
    const body = (await admin.get(`/api/imports/${id}`)).body;
    expect(body).toMatchObject({ status: 'DONE', counts: { created: 1 }, errorsTotal: 0 });
  });
});

describe.sequential('import CLI', () => {
  function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn('npx', ['tsx', 'server/src/cli/import.ts', ...args], {
        cwd: ROOT,
        env: cliEnv(inject('databaseUrl')),
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  it('prints the counts and exits 0 when every row was imported', async () => {
    const r = await cli(['skp', path.join(FIXTURES, 'skp.csv')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/SELESAI/);
    expect(r.stdout).toMatch(/tidak berubah: 3/);
    expect(r.stderr).toMatch(/PERINGATAN baris 2, kolom predikat/);
  }, 60_000);

  it('writes errors to stderr and exits non-zero when a row failed', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'simak-import-'));
    const file = path.join(dir, 'skp.csv');
    await writeFile(file, csv([['nip', 'tahun', 'nilai'], [SARI, '2019', '77'], [SARI, 'dua ribu', '80']]));
    const rejected = await cli(['skp', file]);
    expect(rejected.code).toBe(1);
    expect(rejected.stdout).toMatch(/DITOLAK/);
    expect(rejected.stderr).toMatch(/GALAT baris 3, kolom tahun, nilai "dua ribu"/);
    const partial = await cli(['skp', file, '--mode', 'valid-rows']);
    expect(partial.code).toBe(1);
    expect(partial.stdout).toMatch(/dibuat: 1/);
    const usage = await cli(['gaji', file]);
    expect(usage.code).toBe(2);
  }, 60_000);
});

describe('import file size limit', () => {
  it('refuses a file over IMPORT_MAX_BYTES with 413 and creates no import', async () => {
    const small = buildTestApp({ IMPORT_MAX_BYTES: '200' });
    try {
      const admin = await createUser(small.db, { roles: ['BKD_ADMIN'] });
      const agent = await loginAgent(small.app, admin.username, PASSWORD);
      const before = await small.db.importJob.count();
      const big = Buffer.from('kode,nama\n' + 'X1,Dinas Percobaan Dengan Nama Panjang\n'.repeat(20));
      const res = await agent.post('/api/imports/opd').set('x-csrf-token', agent.csrfToken).attach('file', big, 'opd.csv');
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('file_too_large');
      expect(await small.db.importJob.count()).toBe(before);
    } finally {
      await small.close();
    }
  });
});

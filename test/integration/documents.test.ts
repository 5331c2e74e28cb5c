/**
 * Document vault: upload (type by magic bytes, limits, sanitised names, versioning,
 * nothing half-stored), listing, metadata, download/view, and the service functions
 * other modules call. Real PostgreSQL, Redis and local disk storage.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadActor, type Actor } from '../../server/src/auth/actor.ts';
import { assertDocumentsBelongTo, getDocumentForActor, presentDocument } from '../../server/src/modules/documents/index.ts';
import { buildTestApp, loginAgent, type TestApp } from '../support/app.ts';
import { createAsn, createEmployee, createOpd, createUser, PASSWORD } from '../support/factories.ts';

// --- file bodies (file-type only needs the magic bytes) -----------------------

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from([0x00, 0x00, 0x00, 0x0d]),
  Buffer.from('IHDR'),
  Buffer.from([0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xde]),
]);
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0'),
  Buffer.from([0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]),
]);
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(120, 0)]);
const MZ = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58, 0), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64, 0), Buffer.from('PE\0\0')]);
const HTML = Buffer.from('<!doctype html><script>alert(document.cookie)</script>');

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** supertest parser that keeps any response body as a Buffer. */
const binary = (res: supertest.Response, cb: (err: Error | null, body: unknown) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
};

// --- apps and people ----------------------------------------------------------

const STORAGE_DIR = mkdtempSync(path.join(os.tmpdir(), 'simak-docs-'));
const SMALL_STORAGE_DIR = mkdtempSync(path.join(os.tmpdir(), 'simak-docs-small-'));
let t: TestApp;
let small: TestApp;

type Agent = Awaited<ReturnType<typeof loginAgent>>;
let opd: { id: number };
let subOpd: { id: number };
let otherOpd: { id: number };
let owner: Awaited<ReturnType<typeof createAsn>>;
let boss: Awaited<ReturnType<typeof createAsn>>;
let colleague: Awaited<ReturnType<typeof createAsn>>;
let as: Record<'owner' | 'boss' | 'colleague' | 'opdAdmin' | 'otherAdmin' | 'verifier', Agent>;
let ids: { opdAdmin: number; verifier: number };

beforeAll(async () => {
  t = buildTestApp({ STORAGE_DIR });
  small = buildTestApp({ STORAGE_DIR: SMALL_STORAGE_DIR, UPLOAD_MAX_BYTES: '2048' });
  opd = await createOpd(t.db);
  subOpd = await createOpd(t.db, { parentId: opd.id });
  otherOpd = await createOpd(t.db);
  boss = await createAsn(t.db, opd.id);
  owner = await createAsn(t.db, opd.id, { atasanId: boss.employee.id });
  colleague = await createAsn(t.db, opd.id);
  const opdAdmin = await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [opd.id] });
  const otherAdmin = await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [otherOpd.id] });
  const verifier = await createUser(t.db, { roles: ['BKD_VERIFIER'] });
  ids = { opdAdmin: opdAdmin.id, verifier: verifier.id };
  as = {
    owner: await loginAgent(t.app, owner.username, PASSWORD),
    boss: await loginAgent(t.app, boss.username, PASSWORD),
    colleague: await loginAgent(t.app, colleague.username, PASSWORD),
    opdAdmin: await loginAgent(t.app, opdAdmin.username, PASSWORD),
    otherAdmin: await loginAgent(t.app, otherAdmin.username, PASSWORD),
    verifier: await loginAgent(t.app, verifier.username, PASSWORD),
  };
  expect(as.boss.user.roles).toContain('ATASAN');
});

afterAll(async () => {
  await t?.close();
  await small?.close();
  rmSync(STORAGE_DIR, { recursive: true, force: true });
  rmSync(SMALL_STORAGE_DIR, { recursive: true, force: true });
});

async function storedFiles(dir = STORAGE_DIR): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

interface UploadOpts {
  file?: Buffer;
  filename?: string;
  contentType?: string;
  fields?: Record<string, string>;
  field?: string;
  csrf?: boolean;
}

function upload(agent: Agent | ReturnType<typeof supertest>, employeeId: number, opts: UploadOpts = {}) {
  let req = agent.post(`/api/employees/${employeeId}/documents`);
  if ('csrfToken' in agent && opts.csrf !== false) req = req.set('x-csrf-token', agent.csrfToken);
  for (const [k, v] of Object.entries(opts.fields ?? { jenis: 'KK' })) req = req.field(k, v);
  if (opts.file) {
    req = req.attach(opts.field ?? 'file', opts.file, {
      filename: opts.filename ?? 'berkas.pdf',
      contentType: opts.contentType ?? 'application/pdf',
    });
  }
  return req;
}

/** Runs `act` and checks that it stored nothing: no document row for the employee, no new file. */
async function expectNothingStored(employeeId: number, act: () => Promise<unknown>, app: TestApp = t, dir = STORAGE_DIR) {
  const rows = await app.db.document.count({ where: { employeeId } });
  const files = await storedFiles(dir);
  await act();
  expect(await app.db.document.count({ where: { employeeId } })).toBe(rows);
  expect(await storedFiles(dir)).toEqual(files);
}

// --- upload ---------------------------------------------------------------------

describe('POST /api/employees/:employeeId/documents', () => {
  it('401 without a session', async () => {
    await expectNothingStored(owner.employee.id, async () => {
      const res = await upload(supertest(t.app), owner.employee.id, { file: PDF });
      expect(res.status).toBe(401);
    });
  });

  it('403 for another ASN, the atasan and an OPD admin of another OPD; nothing stored', async () => {
    for (const agent of [as.colleague, as.boss, as.otherAdmin]) {
      await expectNothingStored(owner.employee.id, async () => {
        const res = await upload(agent, owner.employee.id, { file: PDF });
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('forbidden');
      });
    }
  });

  it('403 without the CSRF token', async () => {
    const res = await upload(as.owner, owner.employee.id, { file: PDF, csrf: false });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_invalid');
  });

  it('404 for an unknown employee', async () => {
    const res = await upload(as.verifier, 999_999_999, { file: PDF });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('employee_not_found');
  });

  it('the owner uploads a PDF: 201, generated key, sha256, exact bytes on disk, audit row', async () => {
    const emp = await createAsn(t.db, opd.id);
    const agent = await loginAgent(t.app, emp.username, PASSWORD);
    const res = await upload(agent, emp.employee.id, { file: PDF, filename: 'kk-keluarga.pdf' });
    expect(res.status).toBe(201);
    const doc = res.body.document;
    expect(doc).toMatchObject({
      employeeId: emp.employee.id,
      jenis: 'KK',
      jenisLabel: 'Kartu Keluarga',
      title: 'Kartu Keluarga',
      slotKey: 'KK',
      version: 1,
      isCurrent: true,
      originalName: 'kk-keluarga.pdf',
      fileName: 'kk-keluarga.pdf',
      mimeType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: sha256(PDF),
      uploadedById: emp.user.id,
      downloadUrl: `/api/documents/${doc.id}/download`,
      viewUrl: `/api/documents/${doc.id}/view`,
      abilities: { download: true, upload: true },
    });
    expect(Object.keys(doc)).not.toContain('storageKey');

    const row = await t.db.document.findUniqueOrThrow({ where: { id: doc.id } });
    expect(row.storageKey).toMatch(/^documents\/\d{4}\/\d{2}\/[0-9a-f-]{36}\.pdf$/);
    expect(readFileSync(path.join(STORAGE_DIR, row.storageKey))).toEqual(PDF);

    const audit = await t.db.auditLog.findMany({ where: { entityType: 'document', entityId: String(doc.id) } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'document.uploaded', employeeId: emp.employee.id, actorUserId: emp.user.id });
    expect(audit[0]!.after).toMatchObject({ jenis: 'KK', slotKey: 'KK', version: 1, sha256: sha256(PDF), supersededIds: [] });
  });

  it('an OPD admin of the OPD uploads a PNG with title and slot; a parent-OPD admin covers sub-units', async () => {
    const res = await upload(as.opdAdmin, owner.employee.id, {
      file: PNG,
      filename: 'sk-pangkat.png',
      contentType: 'image/png',
      fields: { jenis: 'SK_PANGKAT', title: '  SK Pangkat III/b  ', slotKey: 'SK_PANGKAT:riwayat_pangkat:12' },
    });
    expect(res.status).toBe(201);
    expect(res.body.document).toMatchObject({
      title: 'SK Pangkat III/b',
      slotKey: 'SK_PANGKAT:riwayat_pangkat:12',
      mimeType: 'image/png',
      uploadedById: ids.opdAdmin,
    });

    const inSub = await createEmployee(t.db, { opdId: subOpd.id });
    const sub = await upload(as.opdAdmin, inSub.id, { file: PDF });
    expect(sub.status).toBe(201);
  });

  it('a BKD verifier uploads a JPEG', async () => {
    const res = await upload(as.verifier, owner.employee.id, {
      file: JPEG,
      filename: 'pas-foto.jpeg',
      contentType: 'image/jpeg',
      fields: { jenis: 'PAS_FOTO' },
    });
    expect(res.status).toBe(201);
    expect(res.body.document).toMatchObject({ mimeType: 'image/jpeg', fileName: 'pas-foto.jpeg', uploadedById: ids.verifier });
    const row = await t.db.document.findUniqueOrThrow({ where: { id: res.body.document.id } });
    expect(row.storageKey).toMatch(/\.jpg$/);
  });

  it('422 for a missing file, with field details', async () => {
    await expectNothingStored(owner.employee.id, async () => {
      const res = await upload(as.owner, owner.employee.id, { fields: { jenis: 'KK' } });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.details).toEqual([expect.objectContaining({ location: 'body', path: 'file' })]);
    });
  });

  it('422 for invalid fields (jenis, slot key pattern, slot of another type)', async () => {
    const cases: [Record<string, string>, string][] = [
      [{}, 'jenis'],
      [{ jenis: 'PASPOR' }, 'jenis'],
      [{ jenis: 'KK', slotKey: 'kk' }, 'slotKey'],
      [{ jenis: 'KK', slotKey: 'KK:../../x:1' }, 'slotKey'],
      [{ jenis: 'KTP', slotKey: 'KK' }, 'slotKey'],
      [{ jenis: 'KK', title: 'x'.repeat(201) }, 'title'],
    ];
    for (const [fields, field] of cases) {
      await expectNothingStored(owner.employee.id, async () => {
        const res = await upload(as.owner, owner.employee.id, { file: PDF, fields });
        expect(res.status, JSON.stringify(fields)).toBe(422);
        expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
      });
    }
  });

  it('422 for an invalid employee id', async () => {
    const res = await upload(as.verifier, 'abc' as unknown as number, { file: PDF });
    expect(res.status).toBe(422);
    expect(res.body.error.details[0]).toMatchObject({ location: 'params', path: 'employeeId' });
  });
});

describe('upload abuse', () => {
  it('an ELF or MZ executable renamed .pdf and declared application/pdf → 415, nothing stored', async () => {
    for (const exe of [ELF, MZ]) {
      await expectNothingStored(owner.employee.id, async () => {
        const res = await upload(as.owner, owner.employee.id, { file: exe, filename: 'sk.pdf', contentType: 'application/pdf' });
        expect(res.status).toBe(415);
        expect(res.body.error.code).toBe('unsupported_file_type');
      });
    }
  });

  it('HTML or unknown bytes declared as PDF or image → 415, nothing stored', async () => {
    for (const [body, type] of [
      [HTML, 'application/pdf'],
      [HTML, 'image/png'],
      [Buffer.from('hanya teks biasa'), 'application/pdf'],
    ] as const) {
      await expectNothingStored(owner.employee.id, async () => {
        const res = await upload(as.owner, owner.employee.id, { file: body, filename: 'x.pdf', contentType: type });
        expect(res.status).toBe(415);
      });
    }
  });

  it('an empty file → 422 empty_file, nothing stored', async () => {
    await expectNothingStored(owner.employee.id, async () => {
      const res = await upload(as.owner, owner.employee.id, { file: Buffer.alloc(0), filename: 'kosong.pdf' });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('empty_file');
    });
  });

  it('a file over UPLOAD_MAX_BYTES → 413 file_too_large, nothing stored; exactly the limit is accepted', async () => {
    const emp = await createEmployee(small.db, { opdId: opd.id });
    const bkd = await loginAgent(small.app, (await createUser(small.db, { roles: ['BKD_ADMIN'] })).username, PASSWORD);
    const big = Buffer.concat([PDF, Buffer.alloc(4096 - PDF.length, 0x20)]);
    await expectNothingStored(
      emp.id,
      async () => {
        const res = await upload(bkd, emp.id, { file: big });
        expect(res.status).toBe(413);
        expect(res.body.error.code).toBe('file_too_large');
        expect(res.body.error.details).toEqual({ maxBytes: 2048 });
      },
      small,
      SMALL_STORAGE_DIR,
    );
    const exact = Buffer.concat([PDF, Buffer.alloc(2048 - PDF.length, 0x20)]);
    const ok = await upload(bkd, emp.id, { file: exact });
    expect(ok.status).toBe(201);
    expect(ok.body.document.sizeBytes).toBe(2048);
  });

  it('uploads are rate-limited per user (UPLOAD_RATE_LIMIT): 429 rate_limited, nothing stored; another user is not affected', async () => {
    const limited = buildTestApp({ UPLOAD_RATE_LIMIT: '2', STORAGE_DIR: SMALL_STORAGE_DIR });
    try {
      const emp = await createEmployee(limited.db, { opdId: opd.id });
      const first = await loginAgent(limited.app, (await createUser(limited.db, { roles: ['BKD_ADMIN'] })).username, PASSWORD);
      const second = await loginAgent(limited.app, (await createUser(limited.db, { roles: ['BKD_ADMIN'] })).username, PASSWORD);
      expect((await upload(first, emp.id, { file: PDF })).status).toBe(201);
      expect((await upload(first, emp.id, { file: PDF })).status).toBe(201);
      await expectNothingStored(
        emp.id,
        async () => {
          const res = await upload(first, emp.id, { file: PDF });
          expect(res.status).toBe(429);
          expect(res.body.error.code).toBe('rate_limited');
        },
        limited,
        SMALL_STORAGE_DIR,
      );
      expect((await upload(second, emp.id, { file: PDF })).status).toBe(201);
    } finally {
      await limited.close();
    }
  });

  it('more than one file, or the file in another field → 422, nothing stored', async () => {
    await expectNothingStored(owner.employee.id, async () => {
      const two = await upload(as.owner, owner.employee.id, { file: PDF }).attach('file', PDF, { filename: 'b.pdf' });
      expect(two.status).toBe(422);
      expect(two.body.error.code).toBe('unexpected_file');
      const wrongField = await upload(as.owner, owner.employee.id, { file: PDF, field: 'dokumen' });
      expect(wrongField.status).toBe(422);
      expect(wrongField.body.error.code).toBe('unexpected_file');
    });
  });

  it('a malformed multipart body → 400', async () => {
    const res = await as.owner
      .post(`/api/employees/${owner.employee.id}/documents`)
      .set('x-csrf-token', as.owner.csrfToken)
      .set('Content-Type', 'multipart/form-data; boundary=xyz')
      .send('--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 truncated');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('malformed_multipart');
  });

  it('a path-traversal name keeps the bytes under a generated key and only a sanitised name', async () => {
    const emp = await createEmployee(t.db, { opdId: opd.id });
    for (const filename of ['../../etc/passwd.pdf', '..\\..\\Windows\\win.ini.pdf']) {
      const res = await upload(as.verifier, emp.id, { file: PDF, filename, fields: { jenis: 'LAINNYA' } });
      expect(res.status).toBe(201);
      expect(res.body.document.originalName).not.toMatch(/[/\\]|\.\./);
      const row = await t.db.document.findUniqueOrThrow({ where: { id: res.body.document.id } });
      expect(row.storageKey).toMatch(/^documents\/\d{4}\/\d{2}\/[0-9a-f-]{36}\.pdf$/);
      expect(statSync(path.join(STORAGE_DIR, row.storageKey)).size).toBe(PDF.length);
    }
    const names = (await t.db.document.findMany({ where: { employeeId: emp.id }, orderBy: { id: 'asc' } })).map((d) => d.originalName);
    expect(names).toEqual(['passwd.pdf', 'win.ini.pdf']);
    expect(existsSync(path.resolve(STORAGE_DIR, '../../etc/passwd.pdf'))).toBe(false);
  });

  it('a PNG named .pdf and declared application/pdf is stored as the PNG it is', async () => {
    const emp = await createEmployee(t.db, { opdId: opd.id });
    const res = await upload(as.verifier, emp.id, { file: PNG, filename: 'scan.pdf', contentType: 'application/pdf' });
    expect(res.status).toBe(201);
    expect(res.body.document).toMatchObject({ mimeType: 'image/png', originalName: 'scan.pdf', fileName: 'scan.pdf.png' });
  });

  it('a file whose transaction fails is deleted from storage again', async () => {
    const emp = await createEmployee(t.db, { opdId: opd.id });
    const locker = new pg.Client({ connectionString: inject('databaseUrl') });
    await locker.connect();
    try {
      // Hold the slot lock the upload takes, delete the employee while the upload waits, then let it go.
      await locker.query(`SELECT pg_advisory_lock(hashtext('document_slot'), hashtext($1))`, [`${emp.id}:KK`]);
      const before = await storedFiles();
      const pending = upload(as.verifier, emp.id, { file: PDF }).then((r) => r);
      for (let i = 0; ; i++) {
        const { rows } = await locker.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`);
        if (rows[0].n > 0) break;
        if (i > 200) throw new Error('the upload never waited for the slot lock');
        await new Promise((r) => setTimeout(r, 25));
      }
      expect((await storedFiles()).length).toBe(before.length + 1); // written before the transaction
      await t.db.employee.delete({ where: { id: emp.id } });
      await locker.query(`SELECT pg_advisory_unlock(hashtext('document_slot'), hashtext($1))`, [`${emp.id}:KK`]);
      const res = await pending;
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('employee_not_found');
      expect(await storedFiles()).toEqual(before);
      expect(await t.db.document.count({ where: { employeeId: emp.id } })).toBe(0);
    } finally {
      await locker.end();
    }
  });
});

// --- versioning -------------------------------------------------------------------

describe('versioning', () => {
  it('a second upload to the same slot supersedes the first; history lists both, newest first', async () => {
    const emp = await createAsn(t.db, opd.id);
    const agent = await loginAgent(t.app, emp.username, PASSWORD);
    const v1 = await upload(agent, emp.employee.id, { file: PDF, filename: 'kk-lama.pdf' });
    const v2 = await upload(agent, emp.employee.id, { file: PNG, filename: 'kk-baru.png', contentType: 'image/png' });
    const other = await upload(agent, emp.employee.id, { file: PDF, fields: { jenis: 'KTP' } });
    expect([v1.status, v2.status, other.status]).toEqual([201, 201, 201]);
    expect(v2.body.document).toMatchObject({ slotKey: 'KK', version: 2, isCurrent: true });
    expect(other.body.document).toMatchObject({ slotKey: 'KTP', version: 1, isCurrent: true });

    const first = await t.db.document.findUniqueOrThrow({ where: { id: v1.body.document.id } });
    expect(first).toMatchObject({ version: 1, isCurrent: false });

    const current = await agent.get(`/api/employees/${emp.employee.id}/documents`);
    expect(current.status).toBe(200);
    expect(current.body.items.map((d: { id: number }) => d.id)).toEqual([v2.body.document.id, other.body.document.id]);

    const history = await agent.get(`/api/employees/${emp.employee.id}/documents?includeHistory=true`);
    expect(history.body.items.map((d: { slotKey: string; version: number; isCurrent: boolean }) => [d.slotKey, d.version, d.isCurrent])).toEqual([
      ['KK', 2, true],
      ['KK', 1, false],
      ['KTP', 1, true],
    ]);
    const onlyKk = await agent.get(`/api/employees/${emp.employee.id}/documents?includeHistory=true&jenis=KK`);
    expect(onlyKk.body.items).toHaveLength(2);

    const audit = await t.db.auditLog.findFirstOrThrow({ where: { entityType: 'document', entityId: String(v2.body.document.id) } });
    expect(audit.after).toMatchObject({ version: 2, supersededIds: [v1.body.document.id] });
  });

  it('concurrent uploads to one slot get consecutive versions and leave exactly one current', async () => {
    const emp = await createEmployee(t.db, { opdId: opd.id });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => upload(as.verifier, emp.id, { file: PDF, fields: { jenis: 'SK_PANGKAT', slotKey: 'SK_PANGKAT:riwayat_pangkat:1' } })),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const rows = await t.db.document.findMany({ where: { employeeId: emp.id }, orderBy: { version: 'asc' } });
    expect(rows.map((r) => r.version)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.filter((r) => r.isCurrent).map((r) => r.version)).toEqual([5]);
  });
});

// --- list ------------------------------------------------------------------------

describe('GET /api/employees/:employeeId/documents', () => {
  const url = () => `/api/employees/${owner.employee.id}/documents`;

  it('401 without a session', async () => {
    expect((await supertest(t.app).get(url())).status).toBe(401);
  });

  it('403 for another ASN, the atasan and an OPD admin of another OPD', async () => {
    for (const agent of [as.colleague, as.boss, as.otherAdmin]) expect((await agent.get(url())).status).toBe(403);
  });

  it('200 for the owner, their OPD admin and BKD, with abilities; 404 unknown; 422 bad query', async () => {
    await upload(as.owner, owner.employee.id, { file: PDF, fields: { jenis: 'NPWP' } });
    for (const agent of [as.owner, as.opdAdmin, as.verifier]) {
      const res = await agent.get(url());
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      for (const d of res.body.items) {
        expect(d).toMatchObject({ employeeId: owner.employee.id, isCurrent: true, abilities: { download: true, upload: true } });
        expect(d).not.toHaveProperty('storageKey');
      }
    }
    const npwp = await as.owner.get(`${url()}?jenis=NPWP`);
    expect(npwp.body.items.every((d: { jenis: string }) => d.jenis === 'NPWP')).toBe(true);
    expect((await as.verifier.get('/api/employees/999999999/documents')).status).toBe(404);
    const bad = await as.owner.get(`${url()}?includeHistory=yes`);
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0]).toMatchObject({ location: 'query', path: 'includeHistory' });
    expect((await as.owner.get(`${url()}?jenis=PASPOR`)).status).toBe(422);
  });
});

// --- metadata, download, view -------------------------------------------------------

describe('GET /api/documents/:id, /download, /view', () => {
  let doc: { id: number };
  let utf8Doc: { id: number };
  beforeAll(async () => {
    const res = await upload(as.owner, owner.employee.id, { file: PDF, filename: 'ijazah-s1.pdf', fields: { jenis: 'IJAZAH' } });
    doc = res.body.document;
    const res2 = await upload(as.owner, owner.employee.id, {
      file: JPEG,
      filename: 'Akta "Kelahiran" — Anak Ke-2 ñ.jpg',
      contentType: 'image/jpeg',
      fields: { jenis: 'AKTA_KELAHIRAN' },
    });
    utf8Doc = res2.body.document;
  });

  for (const suffix of ['', '/download', '/view']) {
    describe(`GET /api/documents/:id${suffix}`, () => {
      it('401 without a session', async () => {
        expect((await supertest(t.app).get(`/api/documents/${doc.id}${suffix}`)).status).toBe(401);
      });
      it('403 for another ASN, the atasan and an OPD admin of another OPD; 404 for an unknown id; 422 for a bad id', async () => {
        for (const agent of [as.colleague, as.boss, as.otherAdmin]) {
          const res = await agent.get(`/api/documents/${doc.id}${suffix}`);
          expect(res.status).toBe(403);
          expect(res.headers['content-disposition']).toBeUndefined();
        }
        const missing = await as.verifier.get(`/api/documents/999999999${suffix}`);
        expect(missing.status).toBe(404);
        expect(missing.body.error.code).toBe('document_not_found');
        expect((await as.verifier.get(`/api/documents/abc${suffix}`)).status).toBe(422);
      });
      it('200 for the owner, their OPD admin and a BKD verifier', async () => {
        for (const agent of [as.owner, as.opdAdmin, as.verifier]) {
          const res = await agent.get(`/api/documents/${doc.id}${suffix}`).buffer(true).parse(binary);
          expect(res.status).toBe(200);
          if (suffix === '') expect(JSON.parse(res.body.toString()).document).toMatchObject({ id: doc.id, jenis: 'IJAZAH', title: 'Ijazah' });
          else expect(res.body).toEqual(PDF);
        }
      });
    });
  }

  it('download: exact bytes with attachment, type, nosniff and no-store headers', async () => {
    const res = await as.owner.get(`/api/documents/${doc.id}/download`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(PDF);
    expect(sha256(res.body)).toBe(sha256(PDF));
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-length']).toBe(String(PDF.length));
    expect(res.headers['content-disposition']).toBe('attachment; filename="ijazah-s1.pdf"');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['content-security-policy']).toContain('sandbox');
    // Who read the document is on record (UU PDP): actor, request id, the employee's trail.
    const audit = await t.db.auditLog.findFirst({ where: { action: 'document.downloaded', entityId: String(doc.id) }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ entityType: 'document', employeeId: owner.employee.id, actorUserId: as.owner.user.id });
    expect(audit!.requestId).toBeTruthy();
  });

  it('view: inline with a sandboxing CSP (PDF and image)', async () => {
    const before = await t.db.auditLog.count({ where: { action: 'document.viewed', entityId: String(doc.id) } });
    const pdf = await as.owner.get(`/api/documents/${doc.id}/view`).buffer(true).parse(binary);
    expect(pdf.headers['content-disposition']).toBe('inline; filename="ijazah-s1.pdf"');
    expect(pdf.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'self'; sandbox");
    expect(pdf.headers['cache-control']).toBe('private, no-store');
    expect(pdf.headers['x-content-type-options']).toBe('nosniff');
    const img = await as.owner.get(`/api/documents/${utf8Doc.id}/view`).buffer(true).parse(binary);
    expect(img.headers['content-type']).toBe('image/jpeg');
    expect(img.body).toEqual(JPEG);
    expect(img.headers['content-security-policy']).toBe(
      "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox",
    );
    expect(await t.db.auditLog.count({ where: { action: 'document.viewed', entityId: String(doc.id) } })).toBe(before + 1);
  });

  it('a non-ASCII name gets an ASCII fallback and an RFC 5987 filename*', async () => {
    const meta = await as.owner.get(`/api/documents/${utf8Doc.id}`);
    const name = 'Akta _Kelahiran_ — Anak Ke-2 ñ.jpg';
    expect(meta.body.document.originalName).toBe(name);
    const res = await as.owner.get(`/api/documents/${utf8Doc.id}/download`).buffer(true).parse(binary);
    const cd = res.headers['content-disposition'] as string;
    expect(cd).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(cd).toContain('filename="Akta _Kelahiran_ _ Anak Ke-2 n.jpg"');
    expect(decodeURIComponent(cd.split("UTF-8''")[1]!)).toBe(name);
  });

  it('404 document_file_missing when the stored file is gone', async () => {
    const res = await upload(as.owner, owner.employee.id, { file: PDF, fields: { jenis: 'SURAT' } });
    const row = await t.db.document.findUniqueOrThrow({ where: { id: res.body.document.id } });
    rmSync(path.join(STORAGE_DIR, row.storageKey));
    const dl = await as.owner.get(`/api/documents/${row.id}/download`);
    expect(dl.status).toBe(404);
    expect(dl.body.error.code).toBe('document_file_missing');
    // Nothing was read: no access recorded.
    expect(await t.db.auditLog.count({ where: { action: 'document.downloaded', entityId: String(row.id) } })).toBe(0);
  });

  it('is documented in the OpenAPI document', async () => {
    const res = await supertest(t.app).get('/api/openapi.json');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/employees/{employeeId}/documents',
        '/api/documents/{id}',
        '/api/documents/{id}/download',
        '/api/documents/{id}/view',
      ]),
    );
  });
});

// --- service functions other modules call -----------------------------------------------

describe('service exports', () => {
  let actors: Record<'owner' | 'colleague' | 'boss' | 'verifier', Actor>;
  let mine: { id: number }[];
  let theirs: { id: number };
  beforeAll(async () => {
    actors = {
      owner: (await loadActor(t.db, owner.user.id))!,
      colleague: (await loadActor(t.db, colleague.user.id))!,
      boss: (await loadActor(t.db, boss.user.id))!,
      verifier: (await loadActor(t.db, ids.verifier))!,
    };
    const a = await upload(as.owner, owner.employee.id, { file: PDF, fields: { jenis: 'SKP', slotKey: 'SKP:riwayat_skp:1' } });
    const b = await upload(as.owner, owner.employee.id, { file: PDF, fields: { jenis: 'SKP', slotKey: 'SKP:riwayat_skp:1' } });
    mine = [a.body.document, b.body.document];
    theirs = (await upload(as.colleague, colleague.employee.id, { file: PDF })).body.document;
  });

  it('assertDocumentsBelongTo accepts the employee\'s own documents and rejects others alike', async () => {
    const ok = await assertDocumentsBelongTo(t.db, owner.employee.id, [mine[1]!.id, mine[0]!.id, mine[1]!.id]);
    expect(ok.map((d) => d.id)).toEqual([mine[1]!.id, mine[0]!.id]);
    expect(await assertDocumentsBelongTo(t.db, owner.employee.id, [])).toEqual([]);
    await expect(assertDocumentsBelongTo(t.db, owner.employee.id, [mine[0]!.id, theirs.id, 999_999_999])).rejects.toMatchObject({
      status: 422,
      code: 'invalid_document_reference',
      details: { documentIds: [theirs.id, 999_999_999] },
    });
    await expect(assertDocumentsBelongTo(t.db, owner.employee.id, [mine[0]!.id], { currentOnly: true })).rejects.toMatchObject({
      status: 422,
      details: { documentIds: [mine[0]!.id] },
    });
    // Works inside a caller's transaction.
    await t.db.$transaction(async (tx) => {
      expect(await assertDocumentsBelongTo(tx, owner.employee.id, [mine[1]!.id], { currentOnly: true })).toHaveLength(1);
    });
  });

  it('getDocumentForActor: 404 unknown, 403 for the atasan and other ASN, the document for owner and BKD', async () => {
    await expect(getDocumentForActor(t, actors.verifier, 999_999_999)).rejects.toMatchObject({ status: 404 });
    await expect(getDocumentForActor(t, actors.boss, mine[0]!.id)).rejects.toMatchObject({ status: 403 });
    await expect(getDocumentForActor(t, actors.colleague, mine[0]!.id, 'download')).rejects.toMatchObject({ status: 403 });
    const doc = await getDocumentForActor(t, actors.owner, mine[0]!.id);
    expect(doc.employee).toEqual({ id: owner.employee.id, opdId: opd.id });
    const bkd = await getDocumentForActor(t, actors.verifier, mine[0]!.id, 'download');
    expect(presentDocument(bkd, actors.verifier)).toMatchObject({ id: mine[0]!.id, version: 1, isCurrent: false, abilities: { download: true } });
    // Presenting to someone without rights shows it (the caller decided) but grants nothing.
    expect(presentDocument(doc, actors.boss).abilities).toEqual({ download: false, upload: false });
  });
});

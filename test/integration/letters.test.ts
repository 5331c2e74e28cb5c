/**
 * Letters of any kind: numbering per kind and year, the claim-before-render job (duplicates,
 * concurrency, failures, stale claims), the public verification route and its rate limit. A
 * second kind registered here proves that a new kind is one registry entry.
 */
import { IsoDateSchema, type IsoDate } from '@simak/shared';
import { createHash } from 'node:crypto';
import { PDFParse } from 'pdf-parse';
import supertest from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { handlers } from '../../server/src/jobs/handlers.ts';
import { enqueue } from '../../server/src/jobs/outbox.ts';
import { startWorkerRuntime } from '../../server/src/jobs/runtime.ts';
import type { JobCtx } from '../../server/src/jobs/types.ts';
import { createMailer } from '../../server/src/mail/mailer.ts';
import { dateField, nameField, nipField, numberField, signerField } from '../../server/src/modules/letters/fields.ts';
import { registerLetterKind } from '../../server/src/modules/letters/registry.ts';
import { issueLetter } from '../../server/src/modules/letters/service.ts';
import { defineLetterKind } from '../../server/src/modules/letters/types.ts';
import { dataRow, drawLetterhead, drawSignatureBlock, formatTanggal, qrPng, renderPdf } from '../../server/src/pdf/index.ts';
import type { Storage } from '../../server/src/storage/storage.ts';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { createAsn, createOpd } from '../support/factories.ts';

let t: TestApp;
beforeAll(() => {
  t = buildTestApp({ PUBLIC_URL: 'https://simak.example.go.id' });
});
afterAll(() => t.close());

// ---------------------------------------------------------------------------
// A second kind, registered the way a module registers its own: one definition.

const KIND = 'TEST_CUTI';
const PATTERN_SETTING = 'test.cuti_number_pattern';
/** What the next render does wrong (set by a test, cleared after it). */
const failure: { at: 'render' | 'onRendered' | null } = { at: null };
const renderedHook: { letterId: number; documentId: number }[] = [];

const CutiData = z.object({
  nama: z.string(),
  nip: z.string(),
  // Stored on the letter (the address during leave is printed on the paper), never public.
  nik: z.string(),
  alamat: z.string(),
  tanggalLahir: IsoDateSchema,
  jenisCuti: z.string(),
  lamaHari: z.number().int().positive(),
  mulai: IsoDateSchema,
  signer: z.object({ nama: z.string(), jabatan: z.string(), nip: z.string(), pangkat: z.string() }),
});
type CutiData = z.infer<typeof CutiData>;

registerLetterKind(
  defineLetterKind({
    kind: KIND,
    label: 'Surat Izin Cuti (uji)',
    documentType: 'SURAT',
    numberPattern: { setting: PATTERN_SETTING, default: '800.1.11.4/{seq}/UJI/{year}' },
    data: CutiData,
    render: async (d, ctx) => {
      const qr = await qrPng(ctx.verifyUrl);
      return renderPdf(
        { title: `Surat Izin Cuti ${ctx.number}`, author: ctx.letterhead.instansi, createdAt: new Date(`${ctx.date}T00:00:00Z`), margins: { top: 50, bottom: 50, left: 60, right: 60 } },
        (doc) => {
          drawLetterhead(doc, ctx.letterhead);
          doc.fontSize(12).text('SURAT IZIN CUTI', { align: 'center' });
          doc.fontSize(10).text(`Nomor: ${ctx.number}`, { align: 'center' }).moveDown(1);
          dataRow(doc, '1.', 'Nama', d.nama);
          if (failure.at === 'render') throw new Error('renderer crashed midway');
          dataRow(doc, '2.', 'Jenis cuti', `${d.jenisCuti}, ${d.lamaHari} hari kerja mulai ${formatTanggal(d.mulai)}`);
          dataRow(doc, '3.', 'Alamat selama cuti', d.alamat);
          doc.moveDown(1.5);
          drawSignatureBlock(doc, { place: ctx.letterhead.kota, date: ctx.date, signer: d.signer, qr: { png: qr, url: ctx.verifyUrl } });
        },
      );
    },
    publicFields: (l) => [
      numberField(l),
      dateField(l),
      nameField(l.data.nama),
      nipField(l.data.nip),
      { key: 'jenisCuti', label: 'Jenis cuti', value: l.data.jenisCuti },
      { key: 'lamaHari', label: 'Lama cuti', value: `${l.data.lamaHari} hari kerja`, raw: l.data.lamaHari },
      { key: 'mulai', label: 'Mulai tanggal', value: formatTanggal(l.data.mulai), raw: l.data.mulai },
      signerField(l.data.signer),
      // A careless kind: the public route drops private fields whatever the kind returns.
      { key: 'alamat', label: 'Alamat selama cuti', value: l.data.alamat },
    ],
    onRendered: async (_tx, l, documentId) => {
      if (failure.at === 'onRendered') throw new Error('follow-up failed after the file was stored');
      renderedHook.push({ letterId: l.id, documentId });
    },
  }),
);

// ---------------------------------------------------------------------------

/** The job context with a storage that records every key written. */
function jobCtx() {
  const puts: string[] = [];
  const inner = t.ctx.storage;
  const storage: Storage = {
    driver: inner.driver,
    put: async (key, body, type) => {
      puts.push(key);
      await inner.put(key, body, type);
    },
    get: (key) => inner.get(key),
    exists: (key) => inner.exists(key),
    delete: (key) => inner.delete(key),
  };
  const ctx: JobCtx = { db: t.db, redis: t.ctx.redis, config: t.config, logger: t.ctx.logger, mailer: createMailer(undefined, 'x'), storage, attempt: 1 };
  return { ctx, puts };
}

const SIGNER = { nama: 'Drs. H. Mochamad Hasan, M.Si.', jabatan: 'Kepala Badan Kepegawaian Daerah', nip: '196805121993031007', pangkat: 'Pembina Utama Muda (IV/c)' };
const NIK = '3508011501900003';
const ALAMAT = 'Jl. Kenanga Gg. III No. 17, Sukodono';

/** An employee with NIK, address and birth date, and a request to hang a letter on. */
async function subject() {
  const opd = await createOpd(t.db);
  const asn = await createAsn(t.db, opd.id);
  const employee = await t.db.employee.update({ where: { id: asn.employee.id }, data: { nik: NIK, alamat: ALAMAT, tempatLahir: 'Lumajang' } });
  const request = await t.db.workflowRequest.create({
    data: { type: KIND, state: 'DISETUJUI', employeeId: employee.id, opdId: opd.id, title: 'Cuti tahunan (uji)', payload: {} },
  });
  return { employee, request };
}

function cutiData(e: { nama: string; nip: string; tanggalLahir: Date }): CutiData {
  return {
    nama: e.nama,
    nip: e.nip,
    nik: NIK,
    alamat: ALAMAT,
    tanggalLahir: e.tanggalLahir.toISOString().slice(0, 10),
    jenisCuti: 'Cuti tahunan',
    lamaHari: 6,
    mulai: '2026-12-21',
    signer: SIGNER,
  };
}

async function issueCuti(date: IsoDate = '2026-11-30') {
  const { employee, request } = await subject();
  const letter = await t.db.$transaction((tx) => issueLetter(tx, { kind: KIND, requestId: request.id, employeeId: employee.id, data: cutiData(employee), date }));
  return { employee, request, letter };
}

const seqOf = (number: string) => Number(number.split('/')[1]);

beforeEach(() => {
  failure.at = null;
});

describe('issuing', () => {
  it('numbers per kind and year from the kind pattern setting, and queues one render job', async () => {
    await t.db.appSetting.deleteMany({ where: { key: PATTERN_SETTING } });
    const a = await issueCuti('2026-03-01');
    expect(a.letter.number).toMatch(/^800\.1\.11\.4\/\d{4}\/UJI\/2026$/);
    const b = await issueCuti('2026-12-31');
    expect(seqOf(b.letter.number)).toBe(seqOf(a.letter.number) + 1);

    // Another year starts its own sequence; the pattern comes from the setting when it is valid.
    await t.db.appSetting.create({ data: { key: PATTERN_SETTING, value: 'CUTI-{year}/{seq}/BKD' } });
    const c = await issueCuti('2031-01-02');
    expect(c.letter.number).toBe('CUTI-2031/0001/BKD');
    const d = await issueCuti('2026-06-01');
    expect(d.letter.number).toBe(`CUTI-2026/${String(seqOf(a.letter.number) + 2).padStart(4, '0')}/BKD`);
    // A pattern without {seq} is refused: the kind's default applies.
    await t.db.appSetting.update({ where: { key: PATTERN_SETTING }, data: { value: 'TANPA-NOMOR' } });
    const e = await issueCuti('2031-05-05');
    expect(e.letter.number).toBe('800.1.11.4/0002/UJI/2031');
    await t.db.appSetting.deleteMany({ where: { key: PATTERN_SETTING } });

    // KGB keeps its own sequence and pattern (berkala.letter_number_pattern).
    const k = await subject();
    const kgb = await t.db.$transaction((tx) =>
      issueLetter(tx, {
        kind: 'KGB',
        requestId: k.request.id,
        employeeId: k.employee.id,
        date: '2031-01-02',
        data: {
          nip: k.employee.nip,
          nama: k.employee.nama,
          namaJabatan: null,
          opd: 'Dinas uji',
          golongan: 'III/b',
          gajiPokokLama: 3186600,
          gajiPokokBaru: 3287000,
          mkgTahun: 8,
          mkgBulan: 0,
          tmt: '2031-01-01',
          basis: { kind: 'KP', tmt: '2029-01-01', mkgTahun: 6, mkgBulan: 0 },
          regulation: 'PP 5/2024',
          signer: SIGNER,
        },
      }),
    );
    expect(kgb.number).toBe('822.4/0001/427.45/2031');

    // One render job per letter, with a deterministic id, in the issuing transaction.
    const jobs = await t.db.outboxEvent.findMany({ where: { jobId: { in: [a, b, c, d, e].map((x) => `letters.render/${x.letter.id}`).concat(`letters.render/${kgb.id}`) } } });
    expect(jobs).toHaveLength(6);
    expect(jobs.every((j) => j.jobName === 'letters.render' && j.queue === 'documents')).toBe(true);
    const row = await t.db.letter.findUniqueOrThrow({ where: { id: a.letter.id } });
    expect(row).toMatchObject({ kind: KIND, renderedAt: null, renderClaimedAt: null, documentId: null });
    expect(row.token).toMatch(/^[\w-]{22}$/);
  });

  it('data that does not fit the kind schema is refused and nothing is written', async () => {
    const { employee, request } = await subject();
    const before = await t.db.letter.count();
    await expect(
      t.db.$transaction((tx) => issueLetter(tx, { kind: KIND, requestId: request.id, employeeId: employee.id, data: { ...cutiData(employee), lamaHari: 'enam' }, date: '2026-11-30' })),
    ).rejects.toThrow(z.ZodError);
    await expect(t.db.$transaction((tx) => issueLetter(tx, { kind: 'NO_SUCH_KIND', requestId: request.id, employeeId: employee.id, data: {}, date: '2026-11-30' }))).rejects.toThrow(
      /unknown letter kind/,
    );
    expect(await t.db.letter.count()).toBe(before);
  });
});

describe('the render job', () => {
  it('a new kind renders with only its registry entry: document, link, hash, audit, follow-up', async () => {
    const { letter, employee, request } = await issueCuti();
    const { ctx, puts } = jobCtx();
    const r = await handlers['letters.render']({ letterId: letter.id }, ctx);
    expect(r.status).toBe('done');
    const row = await t.db.letter.findUniqueOrThrow({ where: { id: letter.id } });
    expect(row.renderedAt).toBeTruthy();
    const doc = await t.db.document.findUniqueOrThrow({ where: { id: row.documentId! } });
    expect(doc).toMatchObject({ employeeId: employee.id, jenis: 'SURAT', title: `Surat Izin Cuti (uji) ${letter.number}`, sha256: row.sha256, storageKey: puts[0] });
    expect(await t.db.requestDocument.findUnique({ where: { requestId_documentId: { requestId: request.id, documentId: doc.id } } })).toMatchObject({ role: 'SURAT' });
    expect(renderedHook).toContainEqual({ letterId: letter.id, documentId: doc.id });
    const audits = await t.db.auditLog.findMany({ where: { entityType: 'letter', entityId: String(letter.id), action: 'letter.rendered' } });
    expect(audits).toHaveLength(1);

    const stored = Buffer.concat(await (await t.ctx.storage.get(doc.storageKey)).toArray());
    expect(createHash('sha256').update(stored).digest('hex')).toBe(row.sha256);
    const text = (await new PDFParse({ data: new Uint8Array(stored) }).getText()).text.replace(/\s+/g, ' ');
    expect(text).toContain('SURAT IZIN CUTI');
    expect(text).toContain(letter.number);
    expect(text.replace(/\s+/g, '')).toContain(`https://simak.example.go.id/verifikasi/surat/${letter.token}`);
  });

  it('run twice, then three at once: one document, one file', async () => {
    const { letter, employee } = await issueCuti();
    const { ctx, puts } = jobCtx();
    expect((await handlers['letters.render']({ letterId: letter.id }, ctx)).status).toBe('done');
    expect((await handlers['letters.render']({ letterId: letter.id }, ctx)).status).toBe('skipped');
    // The name queued before letters.render existed runs the same job.
    expect((await handlers['berkala.letter']({ letterId: letter.id }, ctx)).status).toBe('skipped');
    expect(puts).toHaveLength(1);
    expect(await t.db.document.count({ where: { employeeId: employee.id } })).toBe(1);

    const other = await issueCuti();
    const race = jobCtx();
    const results = await Promise.all([1, 2, 3].map(() => handlers['letters.render']({ letterId: other.letter.id }, race.ctx)));
    expect(results.map((x) => x.status).sort()).toEqual(['done', 'skipped', 'skipped']);
    expect(race.puts).toHaveLength(1);
    expect(await t.db.document.count({ where: { employeeId: other.employee.id } })).toBe(1);
    expect(await t.db.requestDocument.count({ where: { requestId: other.request.id } })).toBe(1);
  });

  it('a render that throws midway stores nothing and leaves the letter claimable', async () => {
    const { letter, employee } = await issueCuti();
    const { ctx, puts } = jobCtx();
    failure.at = 'render';
    await expect(handlers['letters.render']({ letterId: letter.id }, ctx)).rejects.toThrow('renderer crashed midway');
    expect(puts).toHaveLength(0);
    expect(await t.db.letter.findUniqueOrThrow({ where: { id: letter.id } })).toMatchObject({ renderedAt: null, renderClaimedAt: null, documentId: null, sha256: null });

    failure.at = null;
    expect((await handlers['letters.render']({ letterId: letter.id }, ctx)).status).toBe('done');
    expect(await t.db.document.count({ where: { employeeId: employee.id } })).toBe(1);
  });

  it('a failure after the file was stored deletes the file, rolls back the links and releases the claim', async () => {
    const { letter, employee, request } = await issueCuti();
    const { ctx, puts } = jobCtx();
    failure.at = 'onRendered';
    await expect(handlers['letters.render']({ letterId: letter.id }, ctx)).rejects.toThrow('follow-up failed');
    expect(puts).toHaveLength(1);
    expect(await t.ctx.storage.exists(puts[0]!)).toBe(false);
    expect(await t.db.letter.findUniqueOrThrow({ where: { id: letter.id } })).toMatchObject({ renderedAt: null, renderClaimedAt: null, documentId: null, sha256: null });
    expect(await t.db.document.count({ where: { employeeId: employee.id } })).toBe(0);
    expect(await t.db.requestDocument.count({ where: { requestId: request.id } })).toBe(0);
    expect(await t.db.auditLog.count({ where: { entityType: 'letter', entityId: String(letter.id) } })).toBe(0);

    // BullMQ's retry renders it.
    failure.at = null;
    expect((await handlers['letters.render']({ letterId: letter.id }, ctx)).status).toBe('done');
    expect(puts).toHaveLength(2);
    expect(await t.ctx.storage.exists(puts[1]!)).toBe(true);
    expect(await t.db.document.count({ where: { employeeId: employee.id } })).toBe(1);
  });

  it('a fresh claim held by another run is respected; a stale one (a dead worker) is taken over', async () => {
    const { letter } = await issueCuti();
    const { ctx, puts } = jobCtx();
    await t.db.$executeRaw`UPDATE letter SET render_claimed_at = now() - interval '9 minutes' WHERE id = ${letter.id}`;
    expect((await handlers['letters.render']({ letterId: letter.id }, ctx)).status).toBe('skipped');
    expect(puts).toHaveLength(0);
    await t.db.$executeRaw`UPDATE letter SET render_claimed_at = now() - interval '11 minutes' WHERE id = ${letter.id}`;
    expect((await handlers['letters.render']({ letterId: letter.id }, ctx)).status).toBe('done');
    expect(puts).toHaveLength(1);
  });

  it('the worker renders what the outbox holds, including a job queued under the old KGB-only name', async () => {
    const fresh = await issueCuti();
    const legacy = await issueCuti();
    // An existing database may still hold a row queued as berkala.letter before letters.render existed.
    await t.db.$transaction(async (tx) => {
      await tx.outboxEvent.deleteMany({ where: { jobId: `letters.render/${legacy.letter.id}` } });
      await enqueue(tx, 'berkala.letter', { letterId: legacy.letter.id });
    });
    const runtime = startWorkerRuntime({ config: t.config, db: t.db, logger: t.ctx.logger, handlers, schedules: false });
    try {
      const ids = [fresh.letter.id, legacy.letter.id];
      let rendered = 0;
      for (let i = 0; i < 200 && rendered < 2; i++) {
        await new Promise((r) => setTimeout(r, 100));
        rendered = await t.db.letter.count({ where: { id: { in: ids }, documentId: { not: null } } });
      }
      expect(rendered).toBe(2);
    } finally {
      await runtime.stop();
    }
  });

  it('unknown letters are skipped', async () => {
    const { ctx } = jobCtx();
    expect(await handlers['letters.render']({ letterId: 2_000_000_000 }, ctx)).toMatchObject({ status: 'skipped' });
  });
});

describe('public verification', () => {
  it('shows the kind label, only its public fields and the hash; never NIK, address or birth date', async () => {
    const { letter, employee } = await issueCuti();
    const birth = employee.tanggalLahir.toISOString().slice(0, 10);
    const secrets = [NIK, ALAMAT, employee.nip, birth, formatTanggal(birth)];

    // Issued, not rendered yet.
    const pending = await supertest(t.app).get(`/api/public/letters/${letter.token}`);
    expect(pending.status).toBe(200);
    expect(pending.body).toMatchObject({ kind: KIND, label: 'Surat Izin Cuti (uji)', number: letter.number, status: 'PENDING', sha256: null });
    expect((await supertest(t.app).get(`/verifikasi/surat/${letter.token}`)).text).toContain('sedang diterbitkan');

    await handlers['letters.render']({ letterId: letter.id }, jobCtx().ctx);
    const { sha256 } = await t.db.letter.findUniqueOrThrow({ where: { id: letter.id } });

    const json = await supertest(t.app).get(`/api/public/letters/${letter.token}`);
    expect(json.status).toBe(200);
    expect(json.body.fields.map((f: { key: string }) => f.key)).toEqual(['number', 'date', 'nama', 'nip', 'jenisCuti', 'lamaHari', 'mulai', 'signer']);
    expect(json.body).toMatchObject({ status: 'ISSUED', sha256, date: '2026-11-30', lamaHari: 6, mulai: '2026-12-21', nip: `**************${employee.nip.slice(14)}` });
    expect(json.body).not.toHaveProperty('alamat');

    const page = await supertest(t.app).get(`/verifikasi/surat/${letter.token}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('Surat Izin Cuti (uji)');
    expect(page.text).toContain(letter.number);
    expect(page.text).toContain('6 hari kerja');
    expect(page.text).toContain('21 Desember 2026');
    expect(page.text).toContain(SIGNER.nama);
    expect(page.text).toContain(sha256!);
    for (const s of secrets) {
      expect(page.text).not.toContain(s);
      expect(JSON.stringify(json.body)).not.toContain(s);
    }
  });

  it('unknown or garbled tokens get the 404 page (or a 404 error), never a 5xx', async () => {
    for (const token of ['tidak-dikenal-sama-sekali', 'x', 'a'.repeat(300), "'%20OR%201=1--", '%3Cscript%3E', '..%2F..%2Fetc%2Fpasswd', '%C3%B1%C3%B1%C3%B1%C3%B1%C3%B1%C3%B1%C3%B1%C3%B1%C3%B1%C3%B1']) {
      const page = await supertest(t.app).get(`/verifikasi/surat/${token}`);
      expect(page.status, token).toBe(404);
      expect(page.text).toContain('tidak dikenal');
      const json = await supertest(t.app).get(`/api/public/letters/${token}`);
      expect(json.status, token).toBe(404);
      expect(json.body.error.code).toBe('not_found');
    }
    // Broken percent-encoding never reaches the handler (Express refuses to decode it): 400 in the error model.
    const broken = await supertest(t.app).get('/verifikasi/surat/%E0%A4%A');
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('bad_request');
  });

  it('is rate-limited per IP with the one error model', async () => {
    const limited = buildTestApp({ LETTER_VERIFY_RATE_LIMIT: '3' });
    try {
      const { letter } = await issueCuti();
      const ok = [
        await supertest(limited.app).get(`/verifikasi/surat/${letter.token}`),
        await supertest(limited.app).get(`/api/public/letters/${letter.token}`),
        await supertest(limited.app).get('/verifikasi/surat/tebak-tebak-token-01'),
      ];
      expect(ok.map((r) => r.status)).toEqual([200, 200, 404]);
      for (const path of [`/verifikasi/surat/${letter.token}`, `/api/public/letters/${letter.token}`]) {
        const res = await supertest(limited.app).get(path);
        expect(res.status).toBe(429);
        expect(res.body).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(/Terlalu banyak/), details: null } });
      }
      // Another address has its own budget (TRUST_PROXY=loopback: the proxy's X-Forwarded-For counts).
      expect((await supertest(limited.app).get(`/api/public/letters/${letter.token}`).set('X-Forwarded-For', '203.0.113.9')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

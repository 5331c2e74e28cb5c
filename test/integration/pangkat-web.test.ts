/**
 * What the e-Pangkat web pages read besides the module's own routes: the KP figures on the
 * request page (`details`: period, kind, window, SK route, pertek, SK and its summary letter),
 * each eligible row's proposal for the period, and the period filter of the request and batch
 * lists. The app runs on TEST_TODAY (2026-11-30): the 1 January 2027 period's window is open.
 */
import { KpRequestDetails } from '@simak/shared/api/pangkat';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { kpCast } from '../support/pangkat.ts';
import { tinyPdf } from '../support/pdf.ts';

const JAN = '2027-01-01';
let t: TestApp;
let c: Awaited<ReturnType<typeof kpCast>>;

beforeAll(async () => {
  t = buildTestApp();
  c = await kpCast(t);
});
afterAll(() => t.close());

describe('KP request page details', () => {
  it('shows the period, kind, window and SK route; then the pertek, the SK and its summary letter', async () => {
    const p = await c.h.person(c.opdA.id, { vault: true });
    const made = await c.h.propose(c.opdAdmin, { period: JAN, employeeIds: [p.employee.id] });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const id = made.body.items[0].requestId as number;

    const draft = KpRequestDetails.parse((await c.opdAdmin.get(`/api/requests/${id}`)).body.details);
    expect(draft).toMatchObject({
      period: JAN,
      jenis: 'REGULER',
      jenisLabel: 'KP Reguler',
      from: 'III/a',
      to: 'III/b',
      window: { period: JAN, opens: '2026-11-01', closes: '2026-11-30', status: 'DIBUKA' },
      route: { authority: 'PPK', pertekRequired: true },
      pertek: null,
      sk: null,
      letter: null,
    });

    expect((await c.h.act(c.opdAdmin, id, 'submit')).status).toBe(200);
    await c.h.judgeAll(c.verifier, id);
    expect((await c.h.act(c.verifier, id, 'approve')).status).toBe(200);
    expect((await c.h.act(c.verifier, id, 'record_pertek', undefined, { nomor: 'PT-1/KR/2026', tanggal: '2026-11-20' })).status).toBe(200);
    const upload = await c.bkdAdmin
      .post(`/api/employees/${p.employee.id}/documents`)
      .set('x-csrf-token', c.bkdAdmin.csrfToken)
      .field('jenis', 'SK_PANGKAT')
      .attach('file', tinyPdf('SK'), { filename: 'sk.pdf', contentType: 'application/pdf' });
    expect(upload.status).toBe(201);
    const documentId = upload.body.document.id as number;
    const sk = await c.h.act(c.bkdAdmin, id, 'record_sk', undefined, { nomorSk: '800/KP/1', tanggalSk: '2026-11-25', mkgTahun: 8, mkgBulan: 1, documentId });
    expect(sk.status, JSON.stringify(sk.body)).toBe(200);

    const done = KpRequestDetails.parse(sk.body.details);
    expect(done.pertek).toEqual({ nomor: 'PT-1/KR/2026', tanggal: '2026-11-20' });
    expect(done.sk).toMatchObject({ nomorSk: '800/KP/1', golongan: 'III/b', tmt: JAN, documentId, documentUrl: `/api/documents/${documentId}/view` });
    // The summary letter exists at once; its PDF comes from the worker (not run here).
    expect(done.letter).toMatchObject({ ready: false, downloadUrl: null, viewUrl: null });
    expect(done.letter!.verifyUrl).toMatch(/^\/verifikasi\/surat\/[\w-]+$/);
  });
});

describe('GET /api/pangkat/eligible: the proposal of each row', () => {
  it('names the proposal made for the period (state and label); others have none', async () => {
    const proposed = await c.h.person(c.opdB.id);
    const other = await c.h.person(c.opdB.id);
    const made = await c.h.propose(c.otherOpdAdmin, { period: JAN, employeeIds: [proposed.employee.id] });
    expect(made.status).toBe(201);
    const res = await c.otherOpdAdmin.get('/api/pangkat/eligible').query({ period: JAN, status: 'eligible' });
    expect(res.status).toBe(200);
    const rows = res.body.items as { employeeId: number; proposal: unknown }[];
    expect(rows.find((r) => r.employeeId === proposed.employee.id)!.proposal).toEqual({
      requestId: made.body.items[0].requestId,
      state: 'DRAFT',
      stateLabel: 'Draf usulan',
      tone: 'gray',
    });
    expect(rows.find((r) => r.employeeId === other.employee.id)!.proposal).toBeNull();
  });
});

describe('period filter of the request and batch lists', () => {
  it('401 without a session; lists only the period asked for, in the caller\'s scope', async () => {
    expect((await supertest(t.app).get('/api/requests').query({ type: 'KP', period: JAN })).status).toBe(401);
    expect((await supertest(t.app).get('/api/batches').query({ type: 'KP', period: JAN })).status).toBe(401);
    const p = await c.h.person(c.opdA.id);
    const made = await c.h.propose(c.opdAdmin, { period: JAN, employeeIds: [p.employee.id] });
    expect(made.status).toBe(201);

    const jan = await c.opdAdmin.get('/api/requests').query({ type: 'KP', period: JAN });
    expect(jan.status).toBe(200);
    expect(jan.body.items.map((r: { id: number }) => r.id)).toContain(made.body.items[0].requestId);
    const feb = await c.opdAdmin.get('/api/requests').query({ type: 'KP', period: '2027-02-01' });
    expect(feb.body.total).toBe(0);
    // Another OPD's admin does not see it.
    const foreign = await c.otherOpdAdmin.get('/api/requests').query({ type: 'KP', period: JAN });
    expect(foreign.body.items.map((r: { id: number }) => r.id)).not.toContain(made.body.items[0].requestId);
    expect((await c.opdAdmin.get('/api/requests').query({ period: 'kemarin' })).status).toBe(422);

    const batches = await c.opdAdmin.get('/api/batches').query({ type: 'KP', period: JAN });
    expect(batches.status).toBe(200);
    expect(batches.body.items.map((b: { id: number }) => b.id)).toContain(made.body.batchId);
    expect((await c.opdAdmin.get('/api/batches').query({ type: 'KP', period: '2027-02-01' })).body.total).toBe(0);
    expect((await c.verifier.get('/api/batches').query({ type: 'KP', period: JAN })).body.items.map((b: { id: number }) => b.id)).toContain(made.body.batchId);
  });
});

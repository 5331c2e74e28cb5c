/**
 * e-Pangkat proposals and verification (parts 3–4): the OPD admin proposes eligible employees for
 * a period as one batch (checklist per KP kind, pre-filled from the vault), submits inside the
 * window, BKD judges every document, returns "berkas tidak lengkap" with exactly what to fix,
 * closes "tidak memenuhi syarat" with the reason, or approves; the ASN and the OPD admin are
 * notified. The app runs on TEST_TODAY (2026-11-30): the 1 January 2027 period's window
 * (1–30 November) is open, 1 February's (1–31 December) not yet.
 */
import { fixedClock, setClock } from '@simak/shared';
import { KpProposalResult } from '@simak/shared/api/pangkat';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/src/db.ts';
import type { DocumentType } from '../../server/src/generated/prisma/enums.ts';
import { buildTestApp, loginAgent, TEST_TODAY, type TestApp } from '../support/app.ts';
import { createOpd, createUser, PASSWORD, resetKpCalendar } from '../support/factories.ts';
import { pangkatHelpers, vaultDoc } from '../support/pangkat.ts';

type H = ReturnType<typeof pangkatHelpers>;

const JAN = '2027-01-01';
const FEB = '2027-02-01';

let t: TestApp;
type Agent = Awaited<ReturnType<typeof loginAgent>>;
let bkdAdmin: Agent;
let verifier: Agent;
let opdAdmin: Agent;
let otherOpdAdmin: Agent;
let opdAdminUserId: number;
let opdA: { id: number };
let opdB: { id: number };

beforeAll(async () => {
  t = buildTestApp();
  await resetKpCalendar(t.db);
  opdA = await createOpd(t.db);
  opdB = await createOpd(t.db);
  bkdAdmin = await loginAgent(t.app, (await createUser(t.db, { roles: ['BKD_ADMIN'] })).username, PASSWORD);
  verifier = await loginAgent(t.app, (await createUser(t.db, { roles: ['BKD_VERIFIER'] })).username, PASSWORD);
  const admin = await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [opdA.id] });
  opdAdminUserId = admin.id;
  opdAdmin = await loginAgent(t.app, admin.username, PASSWORD);
  otherOpdAdmin = await loginAgent(t.app, (await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [opdB.id] })).username, PASSWORD);
  ({ person, propose, detail, act, judge, judgeAll } = pangkatHelpers(t));
});
afterAll(() => t.close());

let person: H['person'];
let propose: H['propose'];
let detail: H['detail'];
let act: H['act'];
let judge: H['judge'];
let judgeAll: H['judgeAll'];
const doc = (_db: Db, employeeId: number, jenis: DocumentType) => vaultDoc(t.db, employeeId, jenis);
const notes = (userId: number, kind: string) => t.db.notification.findMany({ where: { userId, kind }, orderBy: { id: 'asc' } });

describe('POST /api/pangkat/proposals', () => {
  it('401 without a session; 403 for roles other than OPD_ADMIN/BKD_ADMIN and for another OPD\'s employee', async () => {
    const p = await person(opdA.id);
    const body = { period: JAN, employeeIds: [p.employee.id] };
    expect((await supertest(t.app).post('/api/pangkat/proposals').send(body)).status).toBe(401);
    expect((await propose(verifier, body)).status).toBe(403);
    const asn = await loginAgent(t.app, (await createUser(t.db, { roles: ['ASN'] })).username, PASSWORD);
    expect((await propose(asn, body)).status).toBe(403);
    const foreign = await propose(otherOpdAdmin, body);
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('outside_scope');
    expect(await t.db.workflowRequest.count({ where: { employeeId: p.employee.id } })).toBe(0);
  });

  it('creates one batch for the period, checklists pre-filled from the vault (only what is missing is left); a duplicate is a 409', async () => {
    const full = await person(opdA.id, { vault: true });
    const bare = await person(opdA.id);
    const res = await propose(opdAdmin, { period: JAN, employeeIds: [full.employee.id, bare.employee.id] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const out = KpProposalResult.parse(res.body);
    expect(out.period).toMatchObject({ period: JAN, opens: '2026-11-01', closes: '2026-11-30', status: 'DIBUKA' });
    const [a, b] = out.items;
    expect(a).toMatchObject({ employeeId: full.employee.id, jenis: 'REGULER', from: 'III/a', to: 'III/b', state: 'DRAFT', missing: [] });
    expect(a!.prefilled.sort()).toEqual(['IJAZAH', 'SKP_2024', 'SKP_2025', 'SK_CPNS', 'SK_PANGKAT', 'SK_PNS']);
    expect(b).toMatchObject({ prefilled: [], missing: ['SK_CPNS', 'SK_PNS', 'SK_PANGKAT', 'SKP_2024', 'SKP_2025', 'IJAZAH'] });

    const rows = await t.db.workflowRequest.findMany({ where: { batchId: out.batchId }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.type, r.variant, r.dedupeKey, r.opdId])).toEqual([
      ['KP', 'REGULER', `KP:${full.employee.id}:${JAN}`, opdA.id],
      ['KP', 'REGULER', `KP:${bare.employee.id}:${JAN}`, opdA.id],
    ]);
    const batch = await t.db.requestBatch.findUniqueOrThrow({ where: { id: out.batchId } });
    expect(batch).toMatchObject({ type: 'KP', opdId: opdA.id });
    // The SK pangkat of the rank history, the SKP of each year.
    const items = (await detail(opdAdmin, a!.requestId)).checklist.items;
    expect(items.find((i) => i.key === 'SK_PANGKAT')!.document!.id).toBe(full.docs.SK_PANGKAT);
    expect(items.find((i) => i.key === 'SKP_2025')!.document!.id).toBe(full.docs.SKP_2025);
    // The OPD admin's task list holds the drafts.
    const tasks = await opdAdmin.get('/api/requests?assigned=true&type=KP');
    expect(tasks.status).toBe(200);

    const dup = await propose(opdAdmin, { period: JAN, employeeIds: [full.employee.id] });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('duplicate_proposal');
  });

  it('refuses the whole batch when someone is not eligible (422 listing each with the reasons); BKD_ADMIN may propose any unit', async () => {
    const ok = await person(opdB.id);
    const punished = await person(opdB.id, { penalty: true });
    const res = await propose(bkdAdmin, { period: JAN, employeeIds: [ok.employee.id, punished.employee.id] });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('not_eligible');
    expect(res.body.error.details.ineligible).toHaveLength(1);
    expect(res.body.error.details.ineligible[0].employeeId).toBe(punished.employee.id);
    expect(res.body.error.details.ineligible[0].reasons.join(' ')).toMatch(/hukuman/i);
    expect(await t.db.workflowRequest.count({ where: { employeeId: { in: [ok.employee.id, punished.employee.id] } } })).toBe(0);

    const made = await propose(bkdAdmin, { period: JAN, employeeIds: [ok.employee.id], title: 'Usulan BKD' });
    expect(made.status).toBe(201);
    expect(made.body.title).toBe('Usulan BKD');
    // Validation: no employees, a date that is not the 1st.
    expect((await propose(bkdAdmin, { period: JAN, employeeIds: [] })).status).toBe(422);
    expect((await propose(bkdAdmin, { period: '2027-01-15', employeeIds: [ok.employee.id] })).status).toBe(422);
  });

  it('the checklist follows the KP kind: pilihan struktural adds SK jabatan and the pelantikan statement', async () => {
    const s = await person(opdA.id, { vault: true, struktural: true });
    const res = await propose(opdAdmin, { period: JAN, employeeIds: [s.employee.id] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const item = res.body.items[0];
    expect(item).toMatchObject({ jenis: 'PILIHAN_STRUKTURAL', from: 'III/b', to: 'III/c', missing: ['PELANTIKAN'] });
    expect(item.prefilled).toContain('SK_JABATAN');
    const keys = (await detail(opdAdmin, item.requestId)).checklist.items.map((i) => i.key);
    expect(keys).toEqual(['SK_CPNS', 'SK_PNS', 'SK_PANGKAT', 'SKP_2024', 'SKP_2025', 'IJAZAH', 'TRANSKRIP', 'SK_JABATAN', 'PELANTIKAN', 'SK_MUTASI', 'KARPEG']);
  });
});

describe('submission, verification and notifications', () => {
  it('submit is refused with a missing required document (422 naming it), outside the window (422 with the dates), and goes inside it', async () => {
    const full = await person(opdA.id, { vault: true });
    const bare = await person(opdA.id);
    const made = await propose(opdAdmin, { period: FEB, employeeIds: [full.employee.id, bare.employee.id] });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const [a, b] = made.body.items as { requestId: number }[];

    // The batch's submit reports per member: one lacks documents, the other is before the window.
    const batch = await opdAdmin.post(`/api/batches/${made.body.batchId}/actions/submit`).set('x-csrf-token', opdAdmin.csrfToken).send({});
    expect(batch.status).toBe(200);
    expect(batch.body.succeeded).toBe(0);
    const byId = new Map(batch.body.results.map((r: { id: number; error: { code: string; message: string } }) => [r.id, r.error]));
    expect(byId.get(a!.requestId)).toMatchObject({ code: 'outside_submission_window' });
    expect((byId.get(a!.requestId) as { message: string }).message).toMatch(/1 Desember 2026/);
    expect(byId.get(b!.requestId)).toMatchObject({ code: 'document_required' });

    const missing = await act(opdAdmin, b!.requestId, 'submit');
    expect(missing.status).toBe(422);
    expect(missing.body.error.code).toBe('document_required');
    expect(missing.body.error.message).toContain('SK CPNS');
    expect(missing.body.error.details.missing).toEqual(['SK_CPNS', 'SK_PNS', 'SK_PANGKAT', 'SKP_2024', 'SKP_2025', 'IJAZAH']);

    const early = await act(opdAdmin, a!.requestId, 'submit');
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('outside_submission_window');
    expect(early.body.error.details).toMatchObject({ period: FEB, opens: '2026-12-01', closes: '2026-12-31' });

    // Inside the window (an app dated 10 December 2026).
    const later = buildTestApp({ APP_TODAY: '2026-12-10' });
    try {
      const admin = await loginAgent(later.app, (await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [opdA.id] })).username, PASSWORD);
      const { version } = await detail(opdAdmin, a!.requestId);
      const res = await admin.post(`/api/requests/${a!.requestId}/actions/submit`).set('x-csrf-token', admin.csrfToken).send({ version });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.state).toBe('DIAJUKAN');
    } finally {
      await later.close();
      setClock(fixedClock(TEST_TODAY)); // the clock is the process's: give it back to this file's app
    }
  });

  it('berkas tidak lengkap returns exactly what to fix; the OPD admin replaces it and resubmits; BKD approves once every document is valid; ASN and OPD admin are notified', async () => {
    const p = await person(opdA.id, { vault: true, account: true });
    const made = await propose(opdAdmin, { period: JAN, employeeIds: [p.employee.id] });
    expect(made.status).toBe(201);
    const id = made.body.items[0].requestId as number;
    const submitted = await opdAdmin.post(`/api/batches/${made.body.batchId}/actions/submit`).set('x-csrf-token', opdAdmin.csrfToken).send({});
    expect(submitted.body).toMatchObject({ succeeded: 1, failed: 0 });
    expect((await detail(verifier, id)).state).toBe('DIAJUKAN');

    // The OPD admin cannot judge, the verifier can.
    const { version } = await detail(opdAdmin, id);
    expect((await opdAdmin.post(`/api/requests/${id}/items/SKP_2025/verdict`).set('x-csrf-token', opdAdmin.csrfToken).send({ version, verdict: 'VALID' })).status).toBe(403);
    await judgeAll(verifier, id, ['SKP_2025']);
    await judge(verifier, id, 'SKP_2025', 'INVALID', 'Belum ditandatangani pejabat penilai');
    const blocked = await act(verifier, id, 'approve');
    expect(blocked.status).toBe(422);
    expect(blocked.body.error.code).toBe('documents_not_verified');

    const returned = await act(verifier, id, 'return_incomplete', 'Mohon dilengkapi.');
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect(returned.body.state).toBe('DIKEMBALIKAN');
    const ev = (await detail(opdAdmin, id)).timeline.at(-1)!;
    expect(ev.note).toBe('Dokumen tidak valid: SKP tahun 2025 — Belum ditandatangani pejabat penilai. Mohon dilengkapi.');
    for (const userId of [p.userId!, opdAdminUserId]) {
      const [n] = await notes(userId, 'kp.returned');
      expect(n!.body).toContain('SKP tahun 2025 (Belum ditandatangani pejabat penilai)');
      expect(n!.link).toBe(`/usulan/${id}`);
    }

    // Resubmitting with the invalid document still there is refused; the OPD admin replaces it.
    const stillInvalid = await act(opdAdmin, id, 'submit');
    expect(stillInvalid.status).toBe(422);
    const fresh = await doc(t.db, p.employee.id, 'SKP');
    const v1 = (await detail(opdAdmin, id)).version;
    const put = await opdAdmin.put(`/api/requests/${id}/items/SKP_2025`).set('x-csrf-token', opdAdmin.csrfToken).send({ version: v1, documentId: fresh.id });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const items = (await detail(opdAdmin, id)).checklist.items;
    expect(items.find((i) => i.key === 'SKP_2025')).toMatchObject({ verdict: 'PENDING', document: { id: fresh.id } });
    expect(items.find((i) => i.key === 'SK_CPNS')!.verdict).toBe('VALID');
    expect((await act(opdAdmin, id, 'submit')).status).toBe(200);

    expect((await act(verifier, id, 'approve')).status).toBe(422);
    await judge(verifier, id, 'SKP_2025', 'VALID');
    const approved = await act(verifier, id, 'approve');
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.state).toBe('DISETUJUI');
    const row = await t.db.workflowRequest.findUniqueOrThrow({ where: { id } });
    expect(row.assigneeRoles).toEqual(['BKD_VERIFIER', 'BKD_ADMIN']);
    expect(row.closedAt).toBeNull();
    for (const userId of [p.userId!, opdAdminUserId]) expect(await notes(userId, 'kp.approved')).toHaveLength(1);
  });

  it('tidak memenuhi syarat closes the proposal with the reason (required) and tells the ASN and the OPD admin', async () => {
    const p = await person(opdA.id, { vault: true, account: true });
    const made = await propose(opdAdmin, { period: JAN, employeeIds: [p.employee.id] });
    const id = made.body.items[0].requestId as number;
    expect((await act(opdAdmin, id, 'submit')).status).toBe(200);
    const noReason = await act(verifier, id, 'reject_tms');
    expect(noReason.status).toBe(422);
    const tms = await act(verifier, id, 'reject_tms', 'Masa kerja golongan belum terpenuhi menurut SK terakhir.');
    expect(tms.status).toBe(200);
    expect(tms.body.state).toBe('TMS');
    const row = await t.db.workflowRequest.findUniqueOrThrow({ where: { id } });
    expect(row.closedAt).not.toBeNull();
    expect(row.assigneeRoles).toEqual([]);
    for (const userId of [p.userId!, opdAdminUserId]) {
      const [n] = await notes(userId, 'kp.tms');
      expect(n!.body).toContain('Alasan: Masa kerja golongan belum terpenuhi menurut SK terakhir.');
    }
    // Closed for the period: the same employee cannot be proposed again for it.
    expect((await propose(opdAdmin, { period: JAN, employeeIds: [p.employee.id] })).status).toBe(409);
  });

  it('a withdrawn proposal frees the employee for a new one', async () => {
    const p = await person(opdA.id);
    const made = await propose(opdAdmin, { period: JAN, employeeIds: [p.employee.id] });
    const id = made.body.items[0].requestId as number;
    const { version } = await detail(opdAdmin, id);
    expect((await otherOpdAdmin.post(`/api/requests/${id}/actions/withdraw`).set('x-csrf-token', otherOpdAdmin.csrfToken).send({ version })).status).toBe(403);
    const w = await act(opdAdmin, id, 'withdraw');
    expect(w.status).toBe(200);
    expect(w.body.state).toBe('DIBATALKAN');
    expect((await propose(opdAdmin, { period: JAN, employeeIds: [p.employee.id] })).status).toBe(201);
  });
});

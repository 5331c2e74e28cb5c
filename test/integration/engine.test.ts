/**
 * The verification engine on its own, with a test definition (a leave-like request the atasan
 * approves, then BKD checks the documents): guards seen by both the action list and the
 * transition, assignee scope and "Tugas saya", checklist enforcement at submission, verdict
 * history, returning exactly the invalid items, set-based creation and batches.
 */
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../server/src/auth/actor.ts';
import { loadActor } from '../../server/src/auth/actor.ts';
import { systemMeta } from '../../server/src/audit/audit.ts';
import { assignedScope } from '../../server/src/workflow/assignee.ts';
import { batchAction, createBatch } from '../../server/src/workflow/batch.ts';
import { attachItemDocument, checklistHistory, checklistState, judgeItem } from '../../server/src/workflow/checklist.ts';
import { availableActions, createRequest, createRequests, loadRequest, requestScope, transition } from '../../server/src/workflow/engine.ts';
import { defineWorkflow, setting } from '../../server/src/workflow/types.ts';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { createAsn, createDocumentRow, createOpd, createUser } from '../support/factories.ts';

let t: TestApp;
beforeAll(() => {
  t = buildTestApp();
});
afterAll(() => t.close());

const meta = systemMeta('test');
const Payload = z.object({ days: z.number().int().min(1).max(30), reason: z.string().min(1) });
type Payload = z.infer<typeof Payload>;

/** A test request type: DRAFT (the submitter) → ATASAN (their superior) → BKD (documents) → DONE. */
const testWorkflow = defineWorkflow<Payload, 'DRAFT' | 'ATASAN' | 'BKD' | 'RETURNED' | 'DONE', { maxDays: number }>({
  type: 'TEST_LEAVE',
  label: 'Uji',
  payload: Payload,
  initial: 'DRAFT',
  settings: { maxDays: setting('test.max_days', z.number().int(), 12) },
  states: {
    DRAFT: { label: 'Draf', assignee: { person: 'employee' }, editable: true },
    ATASAN: { label: 'Menunggu atasan', assignee: { person: 'atasan' } },
    BKD: { label: 'Pemeriksaan BKD', assignee: { roles: ['BKD_VERIFIER', 'OPD_ADMIN:OPD'] } },
    RETURNED: { label: 'Dikembalikan', assignee: { person: 'employee' }, editable: true },
    DONE: { label: 'Selesai', final: true },
  },
  checklist: (p) => [
    { key: 'SURAT', docType: 'LAINNYA', label: 'Surat permohonan', required: true },
    ...(p.days > 5 ? [{ key: 'KK', docType: 'KK' as const, label: 'Kartu keluarga', required: true }] : []),
    { key: 'IJAZAH', docType: 'IJAZAH', label: 'Ijazah', required: false },
  ],
  transitions: [
    {
      action: 'submit',
      label: 'Ajukan',
      from: ['DRAFT', 'RETURNED'],
      allow: (actor, req) => actor.employeeId === req.employeeId,
      submits: true,
      to: 'ATASAN',
      guard: ({ request, settings }) => (request.payload.days > settings.maxDays ? `Paling lama ${settings.maxDays} hari.` : null),
    },
    { action: 'approve', label: 'Setujui', from: ['ATASAN'], allow: (actor, req) => actor.employeeId === req.assigneeEmployeeId, to: 'BKD' },
    { action: 'return', label: 'Kembalikan', from: ['BKD'], roles: ['BKD_VERIFIER', 'OPD_ADMIN'], returnsInvalidItems: true, to: 'RETURNED' },
    {
      action: 'finish',
      label: 'Selesai',
      from: ['BKD'],
      roles: ['BKD_VERIFIER'],
      input: z.object({ nomor: z.string().min(3) }),
      guard: async ({ db, request }) => ((await db.requestItem.count({ where: { requestId: request.id, verdict: { not: 'VALID' }, document: { isNot: null } } })) ? 'Semua dokumen harus sah.' : null),
      to: 'DONE',
    },
  ],
});

async function world() {
  const opd = await createOpd(t.db);
  const boss = await createAsn(t.db, opd.id);
  const asn = await createAsn(t.db, opd.id, { atasanId: boss.employee.id });
  const other = await createAsn(t.db, opd.id);
  const verifierUser = await createUser(t.db, { roles: ['BKD_VERIFIER'] });
  const opdAdminUser = await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [opd.id] });
  const otherOpd = await createOpd(t.db);
  const foreignAdminUser = await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [otherOpd.id] });
  const actor = async (userId: number) => (await loadActor(t.db, userId))!;
  return {
    opd,
    asn,
    boss,
    other,
    me: await actor(asn.user.id),
    atasan: await actor(boss.user.id),
    stranger: await actor(other.user.id),
    verifier: await actor(verifierUser.id),
    opdAdmin: await actor(opdAdminUser.id),
    foreignAdmin: await actor(foreignAdminUser.id),
  };
}

const newLeave = (w: Awaited<ReturnType<typeof world>>, days = 3, items: { key: string; documentId: number }[] = []) =>
  t.db.$transaction((tx) =>
    createRequest(tx, testWorkflow, { employeeId: w.asn.employee.id, opdId: w.opd.id, title: `Cuti ${days} hari`, payload: { days, reason: 'Keluarga' }, items }, { actor: w.me, meta }),
  );
const load = async (id: number) => (await loadRequest(t.db, testWorkflow, id))!;
const actions = async (actor: Actor, id: number) => availableActions(t.db, testWorkflow, actor, await load(id));
const act = async (actor: Actor, id: number, action: string, input: { note?: string; data?: unknown } = {}) =>
  transition(t.db, testWorkflow, { requestId: id, action, actor, expectedVersion: (await load(id)).version, input, meta });
const visible = async (actor: Actor, id: number) => t.db.workflowRequest.count({ where: { AND: [{ id }, requestScope(actor)] } });
const tasks = async (actor: Actor, id: number) => t.db.workflowRequest.count({ where: { AND: [{ id }, assignedScope(actor)] } });

describe('the engine', () => {
  it('rejects a payload its definition does not accept (422), and creates nothing', async () => {
    const w = await world();
    const before = await t.db.workflowRequest.count({ where: { employeeId: w.asn.employee.id } });
    await expect(
      t.db.$transaction((tx) => createRequest(tx, testWorkflow, { employeeId: w.asn.employee.id, opdId: w.opd.id, title: 'x', payload: { days: 99, reason: '' } }, { actor: w.me, meta })),
    ).rejects.toMatchObject({ status: 422 });
    expect(await t.db.workflowRequest.count({ where: { employeeId: w.asn.employee.id } })).toBe(before);
  });

  it('enforces the checklist at submission: the action is offered disabled with the missing document, and the transition answers 422 naming it', async () => {
    const w = await world();
    const req = await newLeave(w, 8);
    const [submit] = await actions(w.me, req.id);
    expect(submit).toMatchObject({ action: 'submit', enabled: false });
    expect(submit!.reason).toMatch(/Surat permohonan, Kartu keluarga/);
    await expect(act(w.me, req.id, 'submit')).rejects.toMatchObject({ status: 422, code: 'document_required', details: { missing: ['SURAT', 'KK'] } });
    // Optional items are not required; a document of the wrong type is refused.
    const surat = await createDocumentRow(t.db, w.asn.employee.id);
    const kk = await createDocumentRow(t.db, w.asn.employee.id, 'KK');
    await expect(
      t.db.$transaction(async (tx) => attachItemDocument(tx, testWorkflow, await load(req.id), { key: 'KK', documentId: surat.id, expectedVersion: req.version, actor: w.me, meta })),
    ).rejects.toMatchObject({ status: 422 });
    for (const [key, doc] of [['SURAT', surat], ['KK', kk]] as const) {
      const r = await load(req.id);
      await t.db.$transaction((tx) => attachItemDocument(tx, testWorkflow, r, { key, documentId: doc.id, expectedVersion: r.version, actor: w.me, meta }));
    }
    expect((await actions(w.me, req.id))[0]).toMatchObject({ action: 'submit', enabled: true, reason: null });
    expect((await act(w.me, req.id, 'submit')).state).toBe('ATASAN');
  });

  it('a guard reading a declared setting holds the action back with its reason, in the list and in the transition', async () => {
    const w = await world();
    const surat = await createDocumentRow(t.db, w.asn.employee.id);
    const kk = await createDocumentRow(t.db, w.asn.employee.id, 'KK');
    const req = await newLeave(w, 20, [{ key: 'SURAT', documentId: surat.id }, { key: 'KK', documentId: kk.id }]);
    expect((await actions(w.me, req.id))[0]).toMatchObject({ enabled: false, reason: 'Paling lama 12 hari.' });
    await expect(act(w.me, req.id, 'submit')).rejects.toMatchObject({ status: 422, code: 'action_unavailable', message: 'Paling lama 12 hari.' });
    await t.db.appSetting.upsert({ where: { key: 'test.max_days' }, create: { key: 'test.max_days', value: 25 }, update: { value: 25 } });
    try {
      expect((await actions(w.me, req.id))[0]).toMatchObject({ enabled: true });
      expect((await act(w.me, req.id, 'submit')).state).toBe('ATASAN');
    } finally {
      await t.db.appSetting.delete({ where: { key: 'test.max_days' } });
    }
  });

  it('assignees: the atasan sees and acts on what waits for them; the OPD-scoped role only for its OPD; lists follow the same rule', async () => {
    const w = await world();
    const surat = await createDocumentRow(t.db, w.asn.employee.id);
    const req = await newLeave(w, 3, [{ key: 'SURAT', documentId: surat.id }]);
    // DRAFT waits for the employee themself.
    expect(await tasks(w.me, req.id)).toBe(1);
    expect(await tasks(w.atasan, req.id)).toBe(0);
    await act(w.me, req.id, 'submit');
    const r = await load(req.id);
    expect(r).toMatchObject({ state: 'ATASAN', assigneeEmployeeId: w.boss.employee.id, assigneeRoles: [] });
    expect(await tasks(w.atasan, req.id)).toBe(1);
    expect(await tasks(w.me, req.id)).toBe(0);
    expect(await visible(w.atasan, req.id)).toBe(1);
    expect(await visible(w.stranger, req.id)).toBe(0);
    expect((await actions(w.atasan, req.id)).map((a) => a.action)).toEqual(['approve']);
    expect(await actions(w.stranger, req.id)).toEqual([]);
    await expect(act(w.stranger, req.id, 'approve')).rejects.toMatchObject({ status: 403 });
    await act(w.atasan, req.id, 'approve');
    // BKD: verifiers everywhere, the OPD admin only for their OPD.
    expect(await tasks(w.verifier, req.id)).toBe(1);
    expect(await tasks(w.opdAdmin, req.id)).toBe(1);
    expect(await tasks(w.foreignAdmin, req.id)).toBe(0);
    expect(await visible(w.foreignAdmin, req.id)).toBe(0);
    expect(await tasks(w.atasan, req.id)).toBe(0);
  });

  it('verdicts are kept as history; returning lists exactly the invalid items; a replaced item loses its verdict, valid ones stay valid', async () => {
    const w = await world();
    const surat = await createDocumentRow(t.db, w.asn.employee.id);
    const ijazah = await createDocumentRow(t.db, w.asn.employee.id, 'IJAZAH');
    const req = await newLeave(w, 3, [{ key: 'SURAT', documentId: surat.id }, { key: 'IJAZAH', documentId: ijazah.id }]);
    await act(w.me, req.id, 'submit');
    await act(w.atasan, req.id, 'approve');
    const judge = async (actor: Actor, key: string, verdict: 'VALID' | 'INVALID', note?: string) => {
      const r = await load(req.id);
      await t.db.$transaction((tx) => judgeItem(tx, testWorkflow, r, { key, verdict, note, expectedVersion: r.version, actor, meta }));
    };
    // Nobody but the assignee judges; an invalid verdict needs a note; return needs an invalid item.
    await expect(judge(w.me, 'SURAT', 'VALID')).rejects.toMatchObject({ status: 403 });
    await expect(judge(w.verifier, 'SURAT', 'INVALID')).rejects.toMatchObject({ status: 422 });
    expect((await actions(w.verifier, req.id)).find((a) => a.action === 'return')).toMatchObject({ enabled: false });
    await judge(w.verifier, 'SURAT', 'VALID');
    await judge(w.verifier, 'SURAT', 'INVALID', 'Tidak bertanda tangan');
    await judge(w.opdAdmin, 'IJAZAH', 'VALID');
    // finish's guard: every document must be valid.
    expect((await actions(w.verifier, req.id)).find((a) => a.action === 'finish')).toMatchObject({ enabled: false, reason: 'Semua dokumen harus sah.' });
    const returned = await act(w.verifier, req.id, 'return');
    expect(returned.state).toBe('RETURNED');
    const ev = await t.db.requestEvent.findFirstOrThrow({ where: { requestId: req.id, action: 'return' } });
    expect(ev.note).toBe('Dokumen tidak valid: Surat permohonan — Tidak bertanda tangan.');
    expect(ev.data).toMatchObject({ invalidItems: ['SURAT'] });
    // The submitter sees exactly that item; resubmission waits until it is replaced.
    const state = await checklistState(t.db, testWorkflow, await load(req.id));
    expect(state.filter((s) => s.verdict === 'INVALID').map((s) => s.key)).toEqual(['SURAT']);
    expect((await actions(w.me, req.id))[0]).toMatchObject({ action: 'submit', enabled: false });
    expect((await actions(w.me, req.id))[0]!.reason).toMatch(/tidak valid: Surat permohonan/);
    const fresh = await createDocumentRow(t.db, w.asn.employee.id);
    const r = await load(req.id);
    await t.db.$transaction((tx) => attachItemDocument(tx, testWorkflow, r, { key: 'SURAT', documentId: fresh.id, expectedVersion: r.version, actor: w.me, meta }));
    const after = await checklistState(t.db, testWorkflow, await load(req.id));
    expect(after.map((s) => [s.key, s.verdict, s.document?.id ?? null])).toEqual([
      ['SURAT', 'PENDING', fresh.id],
      ['IJAZAH', 'VALID', ijazah.id],
    ]);
    await act(w.me, req.id, 'submit');
    await act(w.atasan, req.id, 'approve');
    await judge(w.verifier, 'SURAT', 'VALID');
    await expect(act(w.verifier, req.id, 'finish', { data: { nomor: 'x' } })).rejects.toMatchObject({ status: 422 });
    expect((await act(w.verifier, req.id, 'finish', { data: { nomor: '800/1/2026' } })).state).toBe('DONE');
    const history = await checklistHistory(t.db, req.id);
    expect(history.filter((h) => h.key === 'SURAT').map((h) => [h.kind, h.verdict])).toEqual([
      ['attach', null],
      ['verdict', 'VALID'],
      ['verdict', 'INVALID'],
      ['replace', null],
      ['verdict', 'VALID'],
    ]);
    // Each verdict is audited.
    expect(await t.db.auditLog.count({ where: { entityType: 'workflow_request', entityId: String(req.id), action: 'test_leave.document_verdict' } })).toBe(4);
  });

  it('two verdicts on the same version: one wins, the other gets 409', async () => {
    const w = await world();
    const surat = await createDocumentRow(t.db, w.asn.employee.id);
    const req = await newLeave(w, 3, [{ key: 'SURAT', documentId: surat.id }]);
    await act(w.me, req.id, 'submit');
    await act(w.atasan, req.id, 'approve');
    const r = await load(req.id);
    const results = await Promise.allSettled(
      [w.verifier, w.opdAdmin].map((actor) => t.db.$transaction((tx) => judgeItem(tx, testWorkflow, r, { key: 'SURAT', verdict: 'VALID', expectedVersion: r.version, actor, meta }))),
    );
    expect(results.map((x) => x.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((results.find((x) => x.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ status: 409 });
  });

  it('creates set-based and skips an existing dedupe key, with events, items and audit rows', async () => {
    const w = await world();
    const docs = await Promise.all([w.asn, w.other].map((e) => createDocumentRow(t.db, e.employee.id)));
    const items = [w.asn, w.other].map((e, i) => ({
      employeeId: e.employee.id,
      opdId: w.opd.id,
      title: `Uji ${i}`,
      payload: { days: 2, reason: 'x' },
      dedupeKey: `TEST:${e.employee.id}`,
      items: [{ key: 'SURAT', documentId: docs[i]!.id }],
    }));
    const first = await t.db.$transaction((tx) => createRequests(tx, testWorkflow, items, { actor: null, meta }));
    expect(first).toHaveLength(2);
    const again = await t.db.$transaction((tx) => createRequests(tx, testWorkflow, items, { actor: null, meta }));
    expect(again).toHaveLength(0);
    const ids = first.map((c) => c.id);
    expect(await t.db.requestEvent.count({ where: { requestId: { in: ids }, action: 'create' } })).toBe(2);
    expect(await t.db.requestItem.count({ where: { requestId: { in: ids }, key: 'SURAT' } })).toBe(2);
    expect(await t.db.auditLog.count({ where: { entityType: 'workflow_request', entityId: { in: ids.map(String) }, action: 'test_leave.created' } })).toBe(2);
    // The DRAFT of each waits for its own employee.
    expect((await t.db.workflowRequest.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' } })).map((r) => r.assigneeEmployeeId)).toEqual([w.asn.employee.id, w.other.employee.id]);
  });

  it('batches: created as one, each member keeps its own state; a batch action passes its data and reports per member', async () => {
    const w = await world();
    const surat = await createDocumentRow(t.db, w.asn.employee.id);
    const { batchId, created } = await t.db.$transaction((tx) =>
      createBatch(
        tx,
        testWorkflow,
        { opdId: w.opd.id, period: '2027-04-01', title: 'Usulan April 2027' },
        [
          { employeeId: w.asn.employee.id, opdId: w.opd.id, title: 'A', payload: { days: 2, reason: 'x' }, items: [{ key: 'SURAT', documentId: surat.id }] },
          { employeeId: w.asn.employee.id, opdId: w.opd.id, title: 'B', payload: { days: 2, reason: 'y' } },
        ],
        { actor: w.me, meta },
      ),
    );
    expect(created).toHaveLength(2);
    const submitted = await batchAction(t.db, testWorkflow, batchId, { action: 'submit' }, w.me, meta);
    expect(submitted).toMatchObject({ succeeded: 1, failed: 1 });
    expect(submitted.results.find((r) => !r.ok)!.error!.code).toBe('document_required');
    const states = (await t.db.workflowRequest.findMany({ where: { batchId }, orderBy: { id: 'asc' } })).map((r) => r.state);
    expect(states).toEqual(['ATASAN', 'DRAFT']);
    expect((await t.db.requestBatch.findUniqueOrThrow({ where: { id: batchId } })).submittedAt).not.toBeNull();
    await batchAction(t.db, testWorkflow, batchId, { action: 'approve' }, w.atasan, meta);
    // Input data is validated per member and reaches the timeline.
    const surat2 = (await t.db.requestItem.findFirstOrThrow({ where: { requestId: created[0]!.id } }));
    const r = await load(created[0]!.id);
    await t.db.$transaction((tx) => judgeItem(tx, testWorkflow, r, { key: surat2.key, verdict: 'VALID', expectedVersion: r.version, actor: w.verifier, meta }));
    const bad = await batchAction(t.db, testWorkflow, batchId, { action: 'finish', data: { nomor: '' } }, w.verifier, meta);
    expect(bad).toMatchObject({ succeeded: 0, failed: 1 });
    const done = await batchAction(t.db, testWorkflow, batchId, { action: 'finish', data: { nomor: '800/2/2027' } }, w.verifier, meta);
    expect(done).toMatchObject({ succeeded: 1, failed: 0 });
    const ev = await t.db.requestEvent.findFirstOrThrow({ where: { requestId: created[0]!.id, action: 'finish' } });
    expect(ev.data).toEqual({ nomor: '800/2/2027' });
    expect(await t.db.auditLog.count({ where: { entityType: 'request_batch', entityId: String(batchId) } })).toBe(4);
  });
});

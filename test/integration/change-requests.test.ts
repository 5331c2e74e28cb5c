import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAgent, type TestApp } from '../support/app.ts';
import { createAsn, createDocumentRow, createOpd, createUser, PASSWORD } from '../support/factories.ts';

let t: TestApp;
beforeAll(() => {
  t = buildTestApp();
});
afterAll(() => t.close());

async function world() {
  const opd = await createOpd(t.db);
  const otherOpd = await createOpd(t.db);
  const asn = await createAsn(t.db, opd.id);
  const other = await createAsn(t.db, otherOpd.id);
  const verifier = await createUser(t.db, { roles: ['BKD_VERIFIER'] });
  const verifier2 = await createUser(t.db, { roles: ['BKD_VERIFIER'] });
  const opdAdmin = await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [opd.id] });
  const otherAdmin = await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [otherOpd.id] });
  return { opd, otherOpd, asn, other, verifier, verifier2, opdAdmin, otherAdmin };
}
const post = (agent: Awaited<ReturnType<typeof loginAgent>>, url: string, body: unknown) => agent.post(url).set('x-csrf-token', agent.csrfToken).send(body as object);

describe('data change requests', () => {
  it('401 without a session; 403 for another ASN or another OPD admin; 201 for self and own OPD admin', async () => {
    const w = await world();
    const doc = await createDocumentRow(t.db, w.asn.employee.id);
    const body = { employeeId: w.asn.employee.id, target: 'profile', op: 'update', changes: { tempatLahir: 'Lumajang' }, documentIds: [doc.id] };
    expect((await supertest(t.app).post('/api/change-requests').send(body)).status).toBe(401);
    const otherAsn = await loginAgent(t.app, w.other.username, PASSWORD);
    expect((await post(otherAsn, '/api/change-requests', body)).status).toBe(403);
    const otherAdmin = await loginAgent(t.app, w.otherAdmin.username, PASSWORD);
    expect((await post(otherAdmin, '/api/change-requests', body)).status).toBe(403);
    const self = await loginAgent(t.app, w.asn.username, PASSWORD);
    const created = await post(self, '/api/change-requests', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'DIAJUKAN', type: 'DATA_CHANGE', version: 1 });
    expect(created.body.details.diff).toEqual([{ field: 'tempatLahir', label: 'Tempat lahir', type: 'text', before: null, after: 'Lumajang', current: null }]);
    // The owner cannot approve their own request; they may withdraw.
    expect(created.body.actions.map((a: { action: string }) => a.action)).toEqual(['withdraw']);
    const admin = await loginAgent(t.app, w.opdAdmin.username, PASSWORD);
    const byAdmin = await post(admin, '/api/change-requests', { ...body, changes: { tempatLahir: 'Jember' } });
    expect(byAdmin.status).toBe(201);
  });

  it('validates the proposal (unknown field, bad date, missing document, no change)', async () => {
    const w = await world();
    const self = await loginAgent(t.app, w.asn.username, PASSWORD);
    const bad = await post(self, '/api/change-requests', { employeeId: w.asn.employee.id, target: 'profile', op: 'update', changes: { gaji: 1, tanggalLahir: '1990-13-40' } });
    expect(bad.status).toBe(422);
    const paths = bad.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['changes', 'changes.tanggalLahir']));
    const noDoc = await post(self, '/api/change-requests', { employeeId: w.asn.employee.id, target: 'profile', op: 'update', changes: { tempatLahir: 'Malang' } });
    expect(noDoc.status).toBe(422);
    expect(noDoc.body.error.code).toBe('document_required');
    const doc = await createDocumentRow(t.db, w.asn.employee.id);
    const same = await post(self, '/api/change-requests', { employeeId: w.asn.employee.id, target: 'profile', op: 'update', changes: { nama: w.asn.employee.nama }, documentIds: [doc.id] });
    expect(same.status).toBe(422);
    expect(same.body.error.code).toBe('no_changes');
    const foreignDoc = await createDocumentRow(t.db, w.other.employee.id);
    const stolen = await post(self, '/api/change-requests', { employeeId: w.asn.employee.id, target: 'profile', op: 'update', changes: { tempatLahir: 'X' }, documentIds: [foreignDoc.id] });
    expect(stolen.status).toBe(422);
    expect(await t.db.workflowRequest.count({ where: { employeeId: w.asn.employee.id } })).toBe(0);
  });

  it('applies contact changes at once when configured as needing no verification', async () => {
    const w = await world();
    const self = await loginAgent(t.app, w.asn.username, PASSWORD);
    const res = await post(self, '/api/change-requests', { employeeId: w.asn.employee.id, target: 'profile', op: 'update', changes: { noHp: '081234567890' } });
    expect(res.status).toBe(201);
    expect(res.body.state).toBe('DISETUJUI');
    expect((await t.db.employee.findUnique({ where: { id: w.asn.employee.id } }))?.noHp).toBe('081234567890');
  });

  it('verifier approves: the change is applied with its audit entry and the ASN is notified', async () => {
    const w = await world();
    const doc = await createDocumentRow(t.db, w.asn.employee.id, 'IJAZAH');
    const self = await loginAgent(t.app, w.asn.username, PASSWORD);
    const created = await post(self, '/api/change-requests', {
      employeeId: w.asn.employee.id,
      target: 'pendidikan',
      op: 'create',
      changes: { jenjang: 'S2', jurusan: 'Administrasi Publik', institusi: 'Universitas Jember', tahunLulus: 2020 },
      documentIds: [doc.id],
    });
    expect(created.status).toBe(201);
    const id = created.body.id;

    const v = await loginAgent(t.app, w.verifier.username, PASSWORD);
    const queue = await v.get('/api/requests?type=DATA_CHANGE&state=DIAJUKAN&pageSize=200');
    const row = queue.body.items.find((r: { id: number }) => r.id === id);
    expect(row.actions.map((a: { action: string }) => a.action)).toEqual(['approve', 'return_incomplete', 'reject']);
    const detail = await v.get(`/api/requests/${id}`);
    expect(detail.body.documents[0]).toMatchObject({ id: doc.id, downloadUrl: `/api/documents/${doc.id}/download` });

    // An OPD admin of another OPD cannot see it; the ASN's own OPD admin can, without verifier actions.
    const otherAdmin = await loginAgent(t.app, w.otherAdmin.username, PASSWORD);
    expect((await otherAdmin.get(`/api/requests/${id}`)).status).toBe(403);
    const admin = await loginAgent(t.app, w.opdAdmin.username, PASSWORD);
    const adminView = await admin.get(`/api/requests/${id}`);
    expect(adminView.status).toBe(200);
    expect(adminView.body.actions.map((a: { action: string }) => a.action)).toEqual(['withdraw']);
    // The ASN cannot approve by calling the action directly.
    expect((await post(self, `/api/requests/${id}/actions/approve`, { version: 1 })).status).toBe(403);

    const ok = await post(v, `/api/requests/${id}/actions/approve`, { version: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body.state).toBe('DISETUJUI');
    const edu = await t.db.riwayatPendidikan.findMany({ where: { employeeId: w.asn.employee.id } });
    expect(edu.map((e) => e.jenjang)).toEqual(['S2']);
    expect(edu[0]!.documentId).toBe(doc.id);
    const emp = await t.db.employee.findUnique({ where: { id: w.asn.employee.id } });
    expect(emp?.pendidikanTerakhir).toBe('S2');
    const audit = await t.db.auditLog.findMany({ where: { employeeId: w.asn.employee.id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['data_change.created', 'riwayat_pendidikan.created', 'data_change.approve']));
    const notes = await self.get('/api/notifications');
    expect(notes.body.unreadCount).toBe(1);
    expect(notes.body.items[0].title).toMatch(/disetujui/);
    expect(ok.body.timeline.map((e: { action: string }) => e.action)).toEqual(['create', 'approve']);

    // BKD sees the audit trail of the employee; the ASN does not.
    const trail = await v.get(`/api/employees/${w.asn.employee.id}/audit`);
    expect(trail.status).toBe(200);
    expect(trail.body.items.some((i: { action: string; requestId: string; ip: string }) => i.action === 'riwayat_pendidikan.created' && i.requestId && i.ip)).toBe(true);
    expect((await self.get(`/api/employees/${w.asn.employee.id}/audit`)).status).toBe(403);
  });

  it('reject needs a reason; the ASN sees it and resubmits', async () => {
    const w = await world();
    const doc = await createDocumentRow(t.db, w.asn.employee.id);
    const self = await loginAgent(t.app, w.asn.username, PASSWORD);
    const c = await post(self, '/api/change-requests', { employeeId: w.asn.employee.id, target: 'profile', op: 'update', changes: { tempatLahir: 'Probolinggo' }, documentIds: [doc.id] });
    const v = await loginAgent(t.app, w.verifier.username, PASSWORD);
    const noReason = await post(v, `/api/requests/${c.body.id}/actions/reject`, { version: 1 });
    expect(noReason.status).toBe(422);
    const rej = await post(v, `/api/requests/${c.body.id}/actions/reject`, { version: 1, note: 'Dokumen tidak terbaca' });
    expect(rej.body.state).toBe('DITOLAK');
    const mine = await self.get(`/api/requests/${c.body.id}`);
    expect(mine.body.timeline.at(-1)).toMatchObject({ action: 'reject', note: 'Dokumen tidak terbaca' });
    expect(mine.body.actions.map((a: { action: string }) => a.action)).toEqual(['resubmit', 'withdraw']);
    const again = await post(self, `/api/requests/${c.body.id}/actions/resubmit`, { version: 2, data: { changes: { tempatLahir: 'Probolinggo Kota' } } });
    expect(again.status).toBe(200);
    expect(again.body.state).toBe('DIAJUKAN');
    expect(again.body.details.diff[0].after).toBe('Probolinggo Kota');
    const ok = await post(v, `/api/requests/${c.body.id}/actions/approve`, { version: 3 });
    expect(ok.body.state).toBe('DISETUJUI');
    expect((await t.db.employee.findUnique({ where: { id: w.asn.employee.id } }))?.tempatLahir).toBe('Probolinggo Kota');
  });

  it('two verifiers deciding at once: one wins, the other gets 409', async () => {
    const w = await world();
    const doc = await createDocumentRow(t.db, w.asn.employee.id);
    const self = await loginAgent(t.app, w.asn.username, PASSWORD);
    const c = await post(self, '/api/change-requests', { employeeId: w.asn.employee.id, target: 'profile', op: 'update', changes: { kota: 'Lumajang' }, documentIds: [doc.id] });
    const a = await loginAgent(t.app, w.verifier.username, PASSWORD);
    const b = await loginAgent(t.app, w.verifier2.username, PASSWORD);
    const [ra, rb] = await Promise.all([
      post(a, `/api/requests/${c.body.id}/actions/approve`, { version: 1 }),
      post(b, `/api/requests/${c.body.id}/actions/reject`, { version: 1, note: 'Tidak sesuai' }),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);
    const loser = ra.status === 409 ? ra : rb;
    expect(loser.body.error.code).toBe('stale_version');
    const events = await t.db.requestEvent.findMany({ where: { requestId: c.body.id } });
    expect(events).toHaveLength(2);
  });

  it('optional second verification step by another verifier', async () => {
    const w = await world();
    await t.db.appSetting.update({ where: { key: 'change_request.second_step_types' }, data: { value: ['skp'] } });
    try {
      const doc = await createDocumentRow(t.db, w.asn.employee.id);
      const self = await loginAgent(t.app, w.asn.username, PASSWORD);
      const c = await post(self, '/api/change-requests', { employeeId: w.asn.employee.id, target: 'skp', op: 'create', changes: { tahun: 2025, predikat: 'BAIK' }, documentIds: [doc.id] });
      const a = await loginAgent(t.app, w.verifier.username, PASSWORD);
      const first = await post(a, `/api/requests/${c.body.id}/actions/approve`, { version: 1 });
      expect(first.body.state).toBe('VERIFIKASI_2');
      expect(await t.db.riwayatSkp.count({ where: { employeeId: w.asn.employee.id } })).toBe(0);
      const same = await post(a, `/api/requests/${c.body.id}/actions/approve_final`, { version: 2 });
      expect(same.status).toBe(403);
      const b = await loginAgent(t.app, w.verifier2.username, PASSWORD);
      const second = await post(b, `/api/requests/${c.body.id}/actions/approve_final`, { version: 2 });
      expect(second.body.state).toBe('DISETUJUI');
      expect(await t.db.riwayatSkp.count({ where: { employeeId: w.asn.employee.id } })).toBe(1);
    } finally {
      await t.db.appSetting.update({ where: { key: 'change_request.second_step_types' }, data: { value: [] } });
    }
  });

  it('lists are scoped: an ASN sees only their own requests', async () => {
    const w = await world();
    const doc = await createDocumentRow(t.db, w.other.employee.id);
    const other = await loginAgent(t.app, w.other.username, PASSWORD);
    await post(other, '/api/change-requests', { employeeId: w.other.employee.id, target: 'profile', op: 'update', changes: { kota: 'Jember' }, documentIds: [doc.id] });
    const self = await loginAgent(t.app, w.asn.username, PASSWORD);
    const list = await self.get('/api/requests?pageSize=200');
    expect(list.status).toBe(200);
    expect(list.body.items.every((r: { employee: { id: number } }) => r.employee.id === w.asn.employee.id)).toBe(true);
    const admin = await loginAgent(t.app, w.opdAdmin.username, PASSWORD);
    const adminList = await admin.get(`/api/requests?employeeId=${w.other.employee.id}`);
    expect(adminList.body.total).toBe(0);
  });
});

/**
 * A request whose stored payload no longer matches its type (a damaged row) does not break the
 * lists or the page it is on: it is shown, flagged, with no action; acting on it answers 409.
 * And a payload is read back without the rules relative to today (a writer whose today was later).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAgent, TEST_TODAY, type TestApp } from '../support/app.ts';
import { createEmployee, createOpd, createUser, PASSWORD } from '../support/factories.ts';

let t: TestApp;
beforeAll(() => {
  t = buildTestApp();
});
afterAll(() => t.close());

const KGB = {
  tmt: '2027-05-01', golongan: 'III/a', mkgTahun: 6, mkgBulan: 0, gajiPokokLama: null, gajiPokokBaru: null, regulation: null,
  basis: { kind: 'KGB', tmt: '2025-05-01', mkgTahun: 4, mkgBulan: 0 }, postponed: false, reasons: [], warnings: [], lastSkp: null, missingDocuments: [],
};

async function setup() {
  const opd = await createOpd(t.db);
  const e = await createEmployee(t.db, { opdId: opd.id });
  const row = (title: string, type: string, payload: object) =>
    t.db.workflowRequest.create({ data: { type, state: 'DRAFT', employeeId: e.id, opdId: opd.id, title, payload, submittedAt: new Date(`${TEST_TODAY}T01:00:00Z`), assigneeRoles: ['BKD_VERIFIER', 'BKD_ADMIN'] } });
  const good = await row('KGB utuh', 'KGB', KGB);
  const broken = await row('KGB rusak', 'KGB', { ...KGB, tmt: 'bukan tanggal', mkgBulan: 14 });
  const u = await createUser(t.db, { roles: ['BKD_VERIFIER'] });
  const agent = await loginAgent(t.app, u.username, PASSWORD);
  return { e, good, broken, agent };
}

describe('a damaged stored payload', () => {
  it('is listed, flagged and offers no action; its neighbours are unaffected', async () => {
    const { e, good, broken, agent } = await setup();
    const res = await agent.get('/api/requests').query({ q: e.nip });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const byId = new Map((res.body.items as { id: number; damaged: boolean; actions: unknown[] }[]).map((r) => [r.id, r]));
    expect(byId.get(broken.id)).toMatchObject({ damaged: true, actions: [] });
    expect(byId.get(good.id)!.damaged).toBe(false);
    expect(byId.get(good.id)!.actions.length).toBeGreaterThan(0);
  });

  it('opens as a page without actions, and acting on it is refused with 409, not a server error', async () => {
    const { broken, agent } = await setup();
    const page = await agent.get(`/api/requests/${broken.id}`);
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    expect(page.body).toMatchObject({ damaged: true, actions: [] });
    const act = await agent.post(`/api/requests/${broken.id}/actions/verify`).set('x-csrf-token', agent.csrfToken).send({ version: broken.version });
    expect(act.status).toBe(409);
    expect(act.body.error.code).toBe('invalid_payload');
    expect((await t.db.workflowRequest.findUniqueOrThrow({ where: { id: broken.id } })).state).toBe('DRAFT');
  });
});

/**
 * One clock: every date-dependent endpoint answers from the app's clock (APP_TODAY), never
 * from the machine's date. The same checks run on two apps dated a year apart, both far from
 * any day this suite might run on, so a check that secretly read the machine's date fails.
 */
import { addMonths, appToday, getClock, setClock, systemClock } from '@simak/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../../server/src/jobs/handlers.ts';
import { startWorkerRuntime } from '../../server/src/jobs/runtime.ts';
import { buildTestApp, loginAgent, type TestApp } from '../support/app.ts';
import { createAsn, createOpd, createUser, PASSWORD } from '../support/factories.ts';

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe.each([
  ['a year ahead', '2031-03-15'],
  ['a year back', '2030-03-15'],
])('an app dated %s (APP_TODAY=%s)', (_label, today) => {
  const year = Number(today.slice(0, 4));
  let t: TestApp;
  let verifier: Awaited<ReturnType<typeof loginAgent>>;
  let admin: Awaited<ReturnType<typeof loginAgent>>;
  let opdKode: string;
  let employeeId: number;

  beforeAll(async () => {
    t = buildTestApp({ APP_TODAY: today });
    const opd = await createOpd(t.db);
    opdKode = opd.kode;
    // One PNS whose next KGB falls a month after this app's today: due within 3 months here only.
    const asn = await createAsn(t.db, opd.id);
    employeeId = asn.employee.id;
    await t.db.employee.update({ where: { id: asn.employee.id }, data: { statusKepegawaian: 'PNS' } });
    await t.db.kgbSchedule.upsert({
      where: { employeeId: asn.employee.id },
      create: { employeeId: asn.employee.id, nextTmt: d(addMonths(today, 1)) },
      update: { nextTmt: d(addMonths(today, 1)) },
    });
    const v = await createUser(t.db, { roles: ['BKD_VERIFIER'] });
    const a = await createUser(t.db, { roles: ['BKD_ADMIN'] });
    verifier = await loginAgent(t.app, v.username, PASSWORD);
    admin = await loginAgent(t.app, a.username, PASSWORD);
  });
  afterAll(async () => {
    await t.db.kgbSchedule.deleteMany({ where: { employeeId } });
    await t.close();
  });

  it('installs the clock for the whole process (server, worker, scans)', () => {
    expect(getClock().fixedDate).toBe(today);
    expect(appToday()).toBe(today);
  });

  it('GET /api/auth/me gives the web its today', async () => {
    const res = await verifier.get('/api/auth/me');
    expect(res.status).toBe(200);
    expect(res.body.user.today).toBe(today);
  });

  it('GET /api/berkala/dashboard counts KGB due from today, in the current year', async () => {
    const res = await verifier.get('/api/berkala/dashboard');
    expect(res.status).toBe(200);
    expect(res.body.today).toBe(today);
    expect(res.body.onTime.year).toBe(year);
    const mine = res.body.dueByOpd.find((r: { opd: { kode: string } }) => r.opd.kode === opdKode);
    expect(mine).toMatchObject({ next3: 1, next6: 1, next12: 1 });
  });

  it('POST /api/berkala/scan queues the detection for today', async () => {
    const res = await admin.post('/api/berkala/scan').set('x-csrf-token', admin.csrfToken).send({});
    expect(res.status).toBe(202);
    const row = await t.db.outboxEvent.findFirstOrThrow({ where: { jobId: res.body.jobId } });
    expect((row.payload as { date: string }).date).toBe(today);
    await t.db.outboxEvent.delete({ where: { id: row.id } });
  });

  it('the worker runtime installs the same clock from its configuration', async () => {
    setClock(systemClock);
    const runtime = startWorkerRuntime({ config: t.config, db: t.db, logger: t.ctx.logger, handlers, relay: false, schedules: false });
    try {
      expect(appToday()).toBe(today);
    } finally {
      await runtime.stop();
    }
  });

  it('GET /api/pangkat/periods lists the KP periods after today, with their windows', async () => {
    const res = await verifier.get('/api/pangkat/periods?count=2');
    expect(res.status).toBe(200);
    expect(res.body.today).toBe(today);
    // Monthly periods (Perban BKN 4/2025): the first is the 1st of the next month.
    expect(res.body.items[0].period).toBe(`${addMonths(today, 1).slice(0, 7)}-01`);
  });

  it('GET /api/indicators takes the current year as of today, other years as of 31 December', async () => {
    const current = await verifier.get(`/api/indicators?year=${year}`);
    expect(current.status).toBe(200);
    expect(current.body.asOf).toBe(today);
    const previous = await verifier.get(`/api/indicators?year=${year - 1}`);
    expect(previous.status).toBe(200);
    expect(previous.body.asOf).toBe(`${year - 1}-12-31`);
  });
});

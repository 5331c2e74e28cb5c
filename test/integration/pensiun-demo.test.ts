/**
 * e-Pensiun demo data (issue 11 part 7): on a freshly seeded demo regency the daily job's first
 * run opens the due BUP files and the platform's services move them through every state, with at
 * least one file overdue; each role sees the module alive; running it again adds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../prisma/seed/demo.ts';
import { DEMO_USERNAMES } from '../../prisma/seed/featured.ts';
import { PENSIUN_DEMO_TARGETS, seedPensiunDemo, type PensiunDemoResult } from '../../prisma/seed/pensiun-demo.ts';
import { applyMigrations } from '../../prisma/tools/migrations.ts';
import { buildTestApp, loginAgent, TEST_TODAY, type TestApp } from '../support/app.ts';
import { dropDatabase } from '../support/demo-world.ts';

let t: TestApp;
let databaseUrl: string;
let seeded: PensiunDemoResult;

beforeAll(async () => {
  const url = new URL(inject('databaseUrl'));
  url.pathname = `${url.pathname}_pensiundemo`;
  databaseUrl = url.toString();
  await applyMigrations(databaseUrl);
  await seedDemo({ databaseUrl, employees: 2500, today: TEST_TODAY });
  t = buildTestApp({ DATABASE_URL: databaseUrl });
  seeded = await seedPensiunDemo({ db: t.db, storage: t.ctx.storage, today: TEST_TODAY });
}, 240_000);
afterAll(async () => {
  await t?.close();
  if (databaseUrl) await dropDatabase(databaseUrl);
});

describe('e-Pensiun demo files', () => {
  it('cover every state, made through the engine, with overdue files left open', async () => {
    const rows = await t.db.workflowRequest.findMany({ where: { type: 'PENSIUN' }, select: { id: true, state: true, payload: true } });
    expect(rows.length).toBe(seeded.opened);
    const states = new Set(rows.map((r) => r.state));
    expect([...states].sort()).toEqual([...PENSIUN_DEMO_TARGETS, 'DRAFT'].sort());
    for (const r of rows.filter((x) => x.state === 'SK_TERBIT' || x.state === 'SK_DISERAHKAN')) {
      expect(await t.db.letter.count({ where: { requestId: r.id, kind: 'PENSIUN_SK' } })).toBe(1);
    }
    const returned = rows.find((r) => r.state === 'DIKEMBALIKAN')!;
    expect(await t.db.requestItem.count({ where: { requestId: returned.id, verdict: 'INVALID' } })).toBe(1);
    // At least one file is overdue: due date passed, still with the OPD.
    const overdue = rows.filter((r) => (r.state === 'DRAFT' || r.state === 'DIKEMBALIKAN') && (r.payload as { dueDate: string }).dueDate < TEST_TODAY);
    expect(overdue.length).toBeGreaterThanOrEqual(1);
    // And files opened ahead of their due date (pensiun.open_ahead_months), still on time.
    const ahead = rows.filter((r) => r.state === 'DRAFT' && (r.payload as { dueDate: string }).dueDate > TEST_TODAY);
    expect(ahead.length).toBeGreaterThanOrEqual(1);
  });

  it('each role sees the module alive: BKD the overdue warnings and the report, the verifier a task, the ASN their timeline', async () => {
    const verifier = await loginAgent(t.app, DEMO_USERNAMES.bkdVerifier, DEMO_PASSWORD);
    const fc = await verifier.get('/api/pensiun/forecast?months=24');
    expect(fc.status).toBe(200);
    expect(fc.body.overdue).toBeGreaterThanOrEqual(1);
    const tasks = await verifier.get('/api/requests?type=PENSIUN&assigned=true');
    expect(tasks.body.total).toBeGreaterThanOrEqual(2);
    const report = await verifier.get('/api/pensiun/report?months=12');
    expect(report.status).toBe(200);
    expect(report.body.skPerYear.reduce((n: number, y: { count: number }) => n + y.count, 0)).toBe(2);

    const dinkes = await loginAgent(t.app, DEMO_USERNAMES.dinkesAdmin, DEMO_PASSWORD);
    const own = await dinkes.get('/api/pensiun/forecast');
    expect(own.status).toBe(200);
    expect(new Set(own.body.items.map((i: { opd: { id: number } }) => i.opd.id)).size).toBeGreaterThanOrEqual(1);

    const done = await t.db.workflowRequest.findFirstOrThrow({ where: { type: 'PENSIUN', state: 'SK_DISERAHKAN' } });
    const user = await t.db.user.findFirstOrThrow({ where: { employeeId: done.employeeId } });
    await t.db.user.update({ where: { id: user.id }, data: { mustChangePassword: false } });
    const asn = await loginAgent(t.app, user.username, DEMO_PASSWORD);
    const me = await asn.get('/api/pensiun/me');
    expect(me.body.file).toMatchObject({ requestId: done.id, state: 'SK_DISERAHKAN', missing: [] });
    expect(me.body.file.steps.map((s: { done: boolean }) => s.done)).toEqual([true, true, true, true, true, true, true]);
  });

  it('runs once: a second run adds nothing', async () => {
    const before = await t.db.workflowRequest.count({ where: { type: 'PENSIUN' } });
    const again = await seedPensiunDemo({ db: t.db, storage: t.ctx.storage, today: TEST_TODAY });
    expect(again.opened).toBe(0);
    expect(await t.db.workflowRequest.count({ where: { type: 'PENSIUN' } })).toBe(before);
  });
});

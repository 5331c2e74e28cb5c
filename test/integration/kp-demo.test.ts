/**
 * e-Pangkat demo data (issue 10 part 7): on a freshly seeded demo regency the platform's own
 * services leave proposals in every state for the current and the previous period, so each role
 * sees a living module on first login; running it again adds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../prisma/seed/demo.ts';
import { DEMO_USERNAMES } from '../../prisma/seed/featured.ts';
import { seedKpDemo, type KpDemoResult } from '../../prisma/seed/kp-demo.ts';
import { applyMigrations } from '../../prisma/tools/migrations.ts';
import { buildTestApp, loginAgent, TEST_TODAY, type TestApp } from '../support/app.ts';
import { dropDatabase } from '../support/demo-world.ts';

let t: TestApp;
let databaseUrl: string;
let seeded: KpDemoResult;

beforeAll(async () => {
  const url = new URL(inject('databaseUrl'));
  url.pathname = `${url.pathname}_kpdemo`;
  databaseUrl = url.toString();
  await applyMigrations(databaseUrl);
  await seedDemo({ databaseUrl, employees: 2500, today: TEST_TODAY });
  t = buildTestApp({ DATABASE_URL: databaseUrl });
  seeded = await seedKpDemo({ db: t.db, storage: t.ctx.storage, today: TEST_TODAY });
}, 240_000);
afterAll(async () => {
  await t?.close();
  if (databaseUrl) await dropDatabase(databaseUrl);
});

describe('e-Pangkat demo proposals', () => {
  it('cover every state across the current and the previous period, made through the engine', async () => {
    // On 30 November 2026 the period being prepared is 1 January 2027 (window: November); the previous one is 1 December 2026.
    expect(seeded).toMatchObject({ current: '2027-01-01', previous: '2026-12-01' });
    const rows = await t.db.workflowRequest.findMany({ where: { type: 'KP' }, select: { id: true, state: true, payload: true } });
    const states = (period: string) => new Set(rows.filter((r) => (r.payload as { period: string }).period === period).map((r) => r.state));
    expect([...states('2026-12-01')].sort()).toEqual(['DIBATALKAN', 'DISETUJUI', 'PERTEK', 'SK_TERBIT', 'TMS']);
    expect([...states('2027-01-01')]).toEqual(expect.arrayContaining(['DRAFT', 'DIAJUKAN', 'DIKEMBALIKAN', 'DISETUJUI']));
    // Real timelines: every submitted proposal has its submit event; every SK its rank history row and summary letter.
    // Signed by the agency head who signs the KGB letters (set by the migrations), not by "-".
    const head = (await t.db.appSetting.findUniqueOrThrow({ where: { key: 'berkala.signer' } })).value as { nama: string };
    expect(head.nama).not.toBe('-');
    for (const key of ['pangkat.signer', 'pensiun.signer', 'cuti.signer']) {
      expect((await t.db.appSetting.findUniqueOrThrow({ where: { key } })).value, key).toEqual(head);
    }
    for (const r of rows.filter((x) => x.state === 'SK_TERBIT')) {
      const letters = await t.db.letter.findMany({ where: { requestId: r.id, kind: 'KP_SK' } });
      expect(letters).toHaveLength(1);
      expect((letters[0]!.data as { signer: unknown }).signer).toEqual(head);
    }
    const returned = rows.find((r) => r.state === 'DIKEMBALIKAN')!;
    expect(await t.db.requestItem.count({ where: { requestId: returned.id, verdict: 'INVALID' } })).toBe(1);
  });

  it('each role sees the module alive: the OPD admin their proposals, the verifier a task, the ASN their new rank', async () => {
    const dinkes = await loginAgent(t.app, DEMO_USERNAMES.dinkesAdmin, DEMO_PASSWORD);
    const list = await dinkes.get('/api/requests?type=KP&pageSize=50');
    expect(list.status).toBe(200);
    expect(list.body.total).toBeGreaterThanOrEqual(5);
    const verifier = await loginAgent(t.app, DEMO_USERNAMES.bkdVerifier, DEMO_PASSWORD);
    const tasks = await verifier.get('/api/requests?type=KP&assigned=true');
    expect(tasks.body.total).toBeGreaterThanOrEqual(2);
    const report = await verifier.get('/api/pangkat/report?period=2026-12-01');
    expect(report.body.totals).toMatchObject({ skRecorded: 2, tms: 1 });

    const done = await t.db.workflowRequest.findFirstOrThrow({ where: { type: 'KP', state: 'SK_TERBIT' }, include: { employee: true } });
    expect(done.employee.golongan).toBe((done.payload as { to: string }).to);
    const user = await t.db.user.findFirstOrThrow({ where: { employeeId: done.employeeId } });
    await t.db.user.update({ where: { id: user.id }, data: { mustChangePassword: false } });
    const asn = await loginAgent(t.app, user.username, DEMO_PASSWORD);
    const mine = await asn.get('/api/requests?type=KP');
    expect(mine.body.items.map((i: { id: number }) => i.id)).toContain(done.id);
  });

  it('runs once: a second run adds nothing', async () => {
    const before = await t.db.workflowRequest.count({ where: { type: 'KP' } });
    const again = await seedKpDemo({ db: t.db, storage: t.ctx.storage, today: TEST_TODAY });
    expect(again.proposals).toBe(0);
    expect(await t.db.workflowRequest.count({ where: { type: 'KP' } })).toBe(before);
  });
});

/**
 * Rekap presensi in a real browser, on the demo regency with a month of demo attendance: an
 * annual-leave request of the featured ASN for today goes through the e-Cuti flow (asked by her,
 * approved by her atasan, granted by BKD, all through the API), and the BKD verifier's recap page
 * then counts that day as leave (excused), not as absence; the TPP tab and the discipline list
 * render; the pages fit a 1,366 px screen and a phone.
 *
 * Runs on its own database (created, migrated and seeded here, dropped afterwards).
 */
import supertest from 'supertest';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERNAMES } from '../../prisma/seed/demo.ts';
import { seedPresensiDemo } from '../../prisma/seed/presensi-demo.ts';
import { TEST_TODAY } from '../support/app.ts';
import { screenshotter, startDemoWorld, type DemoWorld } from '../support/demo-world.ts';

let world: DemoWorld | undefined;
const shot = screenshotter('rekap');
const fitsWidth = async (page: Page) => (await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')) === true;

type Agent = ReturnType<typeof supertest.agent> & { csrfToken: string };
async function login(username: string): Promise<Agent> {
  const agent = supertest.agent(world!.server.url);
  const res = await agent.post('/api/auth/login').send({ username, password: DEMO_PASSWORD });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const csrf = await agent.get('/api/auth/csrf');
  return Object.assign(agent, { csrfToken: csrf.body.csrfToken as string });
}
const post = (a: Agent, url: string, body: object) => a.post(url).set('x-csrf-token', a.csrfToken).send(body);

beforeAll(async () => {
  world = await startDemoWorld('rekap');
  const r = await seedPresensiDemo({ db: world.server.ctx.db, today: TEST_TODAY });
  expect(r?.readings).toBeGreaterThan(1000);
});

afterAll(async () => {
  await world?.stop();
});

async function recapRow(page: Page, nip: string) {
  await page.goto(`${world!.server.url}/rekap-presensi?bulan=${TEST_TODAY.slice(0, 7)}&q=${nip}`);
  const row = page.locator(`[data-testid="rekap-row"][data-nip="${nip}"]`);
  await row.waitFor();
  return row;
}

describe('rekap presensi', () => {
  it('an approved leave request shows as excused leave in the recap', async () => {
    const db = world!.server.ctx.db;
    const asnUser = await db.user.findUniqueOrThrow({ where: { username: DEMO_USERNAMES.asn }, select: { employee: { select: { nip: true } } } });
    const nip = asnUser.employee!.nip;
    const { context, page } = await world!.signIn(DEMO_USERNAMES.bkdVerifier);
    try {
      const before = await recapRow(page, nip);
      const leaveBefore = Number(await before.getAttribute('data-leave'));
      const presentBefore = Number(await before.getAttribute('data-present'));

      // The e-Cuti flow: the ASN asks annual leave for today, her atasan approves, BKD grants.
      const asn = await login(DEMO_USERNAMES.asn);
      const asked = await post(asn, '/api/cuti', { period: { jenis: 'TAHUNAN', mulai: TEST_TODAY, selesai: TEST_TODAY }, alasan: 'Keperluan keluarga', alamatSelamaCuti: 'Jl. Kenanga No. 17, Lumajang' });
      expect(asked.status, JSON.stringify(asked.body)).toBe(201);
      const id = asked.body.id as number;
      for (const [who, action] of [[DEMO_USERNAMES.atasan, 'approve_atasan'], [DEMO_USERNAMES.bkdVerifier, 'approve']] as const) {
        const agent = await login(who);
        const current = await agent.get(`/api/requests/${id}`);
        const r = await post(agent, `/api/requests/${id}/actions/${action}`, { version: current.body.version });
        expect(r.status, JSON.stringify(r.body)).toBe(200);
      }
      expect(await db.riwayatCuti.count({ where: { employee: { nip }, tanggalMulai: new Date(`${TEST_TODAY}T00:00:00Z`) } })).toBe(1);

      const after = await recapRow(page, nip);
      expect(Number(await after.getAttribute('data-leave'))).toBe(leaveBefore + 1);
      expect(Number(await after.getAttribute('data-present'))).toBe(presentBefore);
      expect(await after.getByTestId('rekap-leave').textContent()).toBe(String(leaveBefore + 1));
      expect(await fitsWidth(page)).toBe(true);
      await page.goto(`${world!.server.url}/rekap-presensi?bulan=${TEST_TODAY.slice(0, 7)}`);
      await page.getByTestId('rekap-row').first().waitFor();
      expect(Number(await page.getByTestId('rekap-stat-employees').getAttribute('data-value'))).toBeGreaterThan(500);
      await shot(page, '1-recap');

      await page.getByTestId('rekap-tab-tpp').click();
      await page.getByTestId('tpp-row').first().waitFor();
      expect(await page.getByTestId('tpp-total-amount').textContent()).toMatch(/Rp \d{1,3}(\.\d{3})+/);
      expect(await fitsWidth(page)).toBe(true);
      await shot(page, '2-tpp');

      await page.getByTestId('nav-disiplin').click();
      await page.getByTestId('disiplin-list').waitFor();
      expect(await fitsWidth(page)).toBe(true);
      await shot(page, '3-disiplin');

      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${world!.server.url}/rekap-presensi?bulan=${TEST_TODAY.slice(0, 7)}`);
      await page.getByTestId('rekap-row').first().waitFor();
      expect(await fitsWidth(page)).toBe(true);
      await shot(page, '4-recap-phone');
    } finally {
      await context.close();
    }
  });

  it('the atasan sees the discipline list of their subordinates only', async () => {
    const { context, page } = await world!.signIn(DEMO_USERNAMES.atasan);
    try {
      await page.getByTestId('nav-disiplinAtasan').click();
      await page.getByTestId('disiplin-list').waitFor();
      const db = world!.server.ctx.db;
      const boss = await db.user.findUniqueOrThrow({ where: { username: DEMO_USERNAMES.atasan }, select: { employeeId: true } });
      const subs = new Set((await db.employee.findMany({ where: { atasanId: boss.employeeId! }, select: { nip: true } })).map((e) => e.nip));
      const shown = await page.getByTestId('disiplin-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-nip')));
      for (const n of shown) expect(subs.has(n!)).toBe(true);
      await shot(page, '5-disiplin-atasan');
    } finally {
      await context.close();
    }
  });
});

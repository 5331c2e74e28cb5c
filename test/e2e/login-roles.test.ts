import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERNAMES, listDemoAccounts, seedDemo } from '../../prisma/seed/demo.ts';
import { launchBrowser, submitLogin } from '../support/browser.ts';
import { TEST_TODAY } from '../support/app.ts';
import { startServer } from '../support/server.ts';

const SHOTS = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let accounts: Awaited<ReturnType<typeof listDemoAccounts>>;

beforeAll(async () => {
  if (!existsSync(path.resolve(import.meta.dirname, '..', '..', 'web', 'dist', 'index.html'))) {
    throw new Error('web/dist is missing: run `npm run build -w web` (npm test does it first).');
  }
  mkdirSync(SHOTS, { recursive: true });
  await seedDemo({ databaseUrl: inject('databaseUrl'), employees: 600, today: TEST_TODAY });
  accounts = await listDemoAccounts(inject('databaseUrl'));
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('every role logs in and sees its home page', () => {
  const expected: Record<string, { username: string; nav: string[] }> = {
    ASN: { username: DEMO_USERNAMES.asn, nav: ['Profil Saya', 'Dokumen Saya'] },
    ATASAN: { username: DEMO_USERNAMES.atasan, nav: ['Bawahan'] },
    OPD_ADMIN: { username: DEMO_USERNAMES.dinkesAdmin, nav: ['Pegawai OPD'] },
    BKD_VERIFIER: { username: DEMO_USERNAMES.bkdVerifier, nav: ['Antrean Verifikasi', 'Cari Pegawai'] },
    BKD_ADMIN: { username: DEMO_USERNAMES.bkdAdmin, nav: ['Impor Data', 'Pengguna'] },
    KONTRAK: { username: DEMO_USERNAMES.kontrak, nav: ['Presensi', 'Aktivitas harian'] },
  };

  it('lists a demo account for every role, with the demo password', () => {
    for (const { username } of Object.values(expected)) {
      expect(accounts.find((a) => a.username === username)?.password).toBe(DEMO_PASSWORD);
    }
  });

  for (const role of Object.keys(expected)) {
    it(`logs in as ${role}`, async () => {
      const account = accounts.find((a) => a.username === expected[role]!.username)!;
      const page = await browser.newPage();
      try {
        await page.goto(`${server.url}/`);
        await page.waitForURL(/\/login/);
        // The login page names the agency from its letterhead; a first visit is no ended session.
        expect(await page.getByTestId('login-agency').innerText()).toBe('BADAN KEPEGAWAIAN DAERAH\nPEMERINTAH KABUPATEN LUMAJANG');
        expect(await page.getByTestId('login-session-ended').count()).toBe(0);
        await submitLogin(page, account.username, account.password);
        await page.getByTestId('home-title').waitFor();
        expect(await page.getByTestId('home-title').textContent()).toContain('Beranda');
        expect(await page.getByTestId('home-welcome').textContent()).toContain(account.name.split(',')[0]!);
        await page.getByTestId('home-cards').waitFor();
        const nav = await page.getByTestId('app-navbar').textContent();
        for (const item of expected[role]!.nav) expect(nav).toContain(item);
        if (role === 'ASN' || role === 'KONTRAK') expect(nav).not.toContain('Impor Data');
        await page.screenshot({ path: path.join(SHOTS, `home-${role}.png`), fullPage: true });
        await page.getByRole('button', { name: 'Keluar' }).click();
        await page.waitForURL(/\/login/);
        await page.getByTestId('login-agency').waitFor();
        // Signing out is not a session that ended under the user.
        expect(await page.getByTestId('login-session-ended').count()).toBe(0);
      } finally {
        await page.close();
      }
    });
  }

  it('a session that ends under the user leads to the login page with a notice, and back to the page they opened', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/login`);
      await submitLogin(page, DEMO_USERNAMES.bkdVerifier, DEMO_PASSWORD);
      await page.getByTestId('home-title').waitFor();
      // The session ends on the server (as when it expires): the next page the user opens finds none.
      const sessions = await server.ctx.redis.keys(`${server.ctx.config.REDIS_PREFIX}:sess:*`);
      expect(sessions.length).toBeGreaterThan(0);
      await server.ctx.redis.del(...sessions);
      await page.getByTestId('nav-employeeSearch').click();
      const notice = page.getByTestId('login-session-ended');
      await notice.waitFor();
      expect(await notice.textContent()).toContain('Sesi Anda telah berakhir');
      await page.screenshot({ path: path.join(SHOTS, 'login-session-ended.png') });
      await submitLogin(page, DEMO_USERNAMES.bkdVerifier, DEMO_PASSWORD);
      await page.getByTestId('employee-table').waitFor();
      expect(new URL(page.url()).pathname).toBe('/pegawai');
    } finally {
      await context.close();
    }
  });

  it('shows an error for a wrong password', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}/login`);
      await submitLogin(page, 'admin.bkd', 'salah-total-1');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/salah/i);
      await page.screenshot({ path: path.join(SHOTS, 'login-error.png') });
    } finally {
      await page.close();
    }
  });
});

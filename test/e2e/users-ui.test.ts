import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERNAMES } from '../../prisma/seed/demo.ts';
import { submitLogin } from '../support/browser.ts';
import { SHOTS, startDemoWorld, type DemoWorld } from '../support/demo-world.ts';

let world: DemoWorld;
beforeAll(async () => {
  world = await startDemoWorld('users');
});
afterAll(async () => {
  await world?.stop();
});

describe('Pengguna and Pengaturan (BKD_ADMIN)', () => {
  it('resets a password to a temporary one; the user must change it at the next login', async () => {
    const { browser, server } = world;
    const { context: admin, page } = await world.signIn(DEMO_USERNAMES.bkdAdmin);
    await page.getByTestId('nav-users').click();
    await page.getByTestId('users-search').fill(DEMO_USERNAMES.bkdVerifier);
    const row = page.getByTestId('users-table').getByRole('row', { name: /Rina Wulandari/ });
    await row.waitFor();
    await row.getByRole('button', { name: 'Setel ulang sandi' }).click();
    await page.getByTestId('users-reset-confirm').click();
    const temp = (await page.getByTestId('users-temporary-password').innerText()).trim();
    expect(temp).toMatch(/^[A-Za-z2-9]{12}$/);
    await page.screenshot({ path: path.join(SHOTS, 'users-reset.png') });
    await page.getByRole('button', { name: 'Tutup' }).click();

    // Pengaturan: add a rejection reason; it is stored (and audited) on the server.
    await page.getByTestId('nav-settings').click();
    const reasons = page.getByTestId('setting-change_request.reject_reasons');
    await reasons.waitFor();
    await reasons.locator('input:not([type=hidden])').fill('NIK tidak sesuai KTP');
    await reasons.locator('input:not([type=hidden])').press('Enter');
    await reasons.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Pengaturan disimpan').first().waitFor();
    // Labels and help in Indonesian: no setting key, no field id, no code value shown.
    const settingsText = await page.getByTestId('app-main').innerText();
    expect(settingsText).not.toMatch(/change_request|berkala\.|agency\.|noHp|kodePos|SANGAT_BAIK|\bpemda\b/);
    expect(settingsText).toContain('Predikat SKP minimal untuk KGB');
    await page.screenshot({ path: path.join(SHOTS, 'settings.png'), fullPage: true });
    const saved = await server.ctx.db.appSetting.findUniqueOrThrow({ where: { key: 'change_request.reject_reasons' } });
    expect(saved.value).toContain('NIK tidak sesuai KTP');
    expect(await server.ctx.db.auditLog.count({ where: { action: 'setting.updated', entityId: 'change_request.reject_reasons' } })).toBe(1);
    await admin.close();

    const verifier = await browser.newContext();
    const vp = await verifier.newPage();
    await vp.goto(`${server.url}/login`);
    await submitLogin(vp, DEMO_USERNAMES.bkdVerifier, temp);
    await vp.waitForURL(/\/ganti-sandi/);
    await vp.getByTestId('must-change-password-notice').waitFor();
    await verifier.close();
  });
});

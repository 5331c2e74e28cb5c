/**
 * e-Cuti in a real browser: the featured ASN sees her balance on Cuti Saya, asks annual leave over
 * Christmas (the live check counts working days without the holiday and cuti bersama), her atasan
 * approves it from "Tugas saya" on the generic request page, the BKD verifier grants it, and the
 * leave appears in her history with the letter number.
 *
 * Runs on its own database (created, migrated and seeded here, dropped afterwards).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERNAMES } from '../../prisma/seed/demo.ts';
import { screenshotter, startDemoWorld, type DemoWorld } from '../support/demo-world.ts';

let world: DemoWorld | undefined;
let requestId: number;
const shot = screenshotter('cuti');

beforeAll(async () => {
  world = await startDemoWorld('cuti');
});

afterAll(async () => {
  await world?.stop();
});

async function approve(username: string, action: string, state: string) {
  const { context, page } = await world!.signIn(username);
  try {
    await page.goto(`${world!.server.url}/usulan/${requestId}`);
    await page.getByTestId(`action-${action}`).click();
    await page.getByTestId(`action-dialog-${action}`).waitFor();
    await page.getByTestId('action-confirm').click();
    await page.locator(`[data-testid="request-status"][data-state="${state}"]`).first().waitFor();
    return page;
  } finally {
    await shot(page, `${action}`).catch(() => undefined);
    await context.close();
  }
}

describe('leave from the balance to the granted letter', () => {
  it('the ASN sees her balance and asks annual leave over Christmas', async () => {
    const { context, page } = await world!.signIn(DEMO_USERNAMES.asn);
    try {
      await page.getByTestId('nav-cuti').click();
      await page.waitForURL(/\/cuti$/);
      await page.getByTestId('cuti-balance').waitFor();
      expect(await page.getByTestId('cuti-remaining').textContent()).toMatch(/^\d+ hari kerja$/);
      await page.getByTestId('cuti-mulai').fill('23/12/2026');
      await page.getByTestId('cuti-mulai').press('Tab');
      await page.getByTestId('cuti-selesai').fill('28/12/2026');
      await page.getByTestId('cuti-selesai').press('Tab');
      await page.getByTestId('cuti-preview').waitFor();
      // 23 and 28 December: 24 (cuti bersama), 25 (Christmas) and the weekend do not count.
      expect(await page.getByTestId('cuti-preview').textContent()).toContain('2 hari kerja (6 hari kalender)');
      await page.getByTestId('cuti-alasan').fill('Liburan keluarga');
      await page.getByTestId('cuti-alamat').fill('Jl. Kenanga No. 17, Lumajang');
      await shot(page, '1-form');
      await page.getByTestId('cuti-submit').click();
      await page.waitForURL(/\/usulan\/\d+$/);
      requestId = Number(/\/usulan\/(\d+)$/.exec(page.url())![1]);
      await page.locator('[data-testid="request-status"][data-state="DIAJUKAN"]').first().waitFor();
      await shot(page, '2-request');
    } finally {
      await context.close();
    }
  });

  it('the atasan approves, then BKD grants it; the history shows it with its letter number', async () => {
    await approve(DEMO_USERNAMES.atasan, 'approve_atasan', 'MENUNGGU_BKD');
    await approve(DEMO_USERNAMES.bkdVerifier, 'approve', 'DISETUJUI');
    const row = await world!.server.ctx.db.riwayatCuti.findFirstOrThrow({ where: { tanggalMulai: new Date('2026-12-23') }, orderBy: { id: 'desc' } });
    expect(row).toMatchObject({ jenisCuti: 'TAHUNAN', lamaHari: 2 });
    const { context, page } = await world!.signIn(DEMO_USERNAMES.asn);
    try {
      await page.getByTestId('nav-cuti').click();
      await page.getByTestId('cuti-history').waitFor();
      expect(await page.getByTestId('cuti-history').textContent()).toContain(row.nomorSurat!);
      await shot(page, '3-history');
    } finally {
      await context.close();
    }
  });
});

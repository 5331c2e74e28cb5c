/**
 * e-Berkala in a real browser: the detection creates the featured ASN's KGB draft
 * (TMT 1 January 2027), the BKD verifier finds it under e-Berkala and verifies it, the
 * BKD admin runs the detection from the dashboard and finalizes the KGB, the worker
 * renders the letter, and the ASN downloads the PDF from the KGB card.
 *
 * Runs on its own database (created, migrated and seeded here, dropped afterwards).
 */
import { readFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NIPS, DEMO_USERNAMES } from '../../prisma/seed/demo.ts';
import { runKgbScan } from '../../server/src/modules/berkala/scan.ts';
import { screenshotter, startDemoWorld, type DemoWorld } from '../support/demo-world.ts';

const GOOD_PREDICATES = new Set(['SANGAT_BAIK', 'BAIK']);

let world: DemoWorld | undefined;
let server: DemoWorld['server'];
let requestId: number;

const signIn = (username: string) => world!.signIn(username);

const shot = screenshotter('berkala');

beforeAll(async () => {
  world = await startDemoWorld('kgb');
  ({ server } = world);

  // The KGB is postponed without a qualifying SKP of the year before the TMT: make sure there is one.
  const db = server.ctx.db;
  const siti = await db.employee.findUniqueOrThrow({ where: { nip: DEMO_NIPS.asn } });
  const lastSkp = await db.riwayatSkp.findFirst({ where: { employeeId: siti.id, tahun: { lte: 2026 } }, orderBy: { tahun: 'desc' } });
  if (!lastSkp || lastSkp.tahun < 2025 || !GOOD_PREDICATES.has(lastSkp.predikat ?? '')) {
    await db.riwayatSkp.upsert({
      where: { employeeId_tahun: { employeeId: siti.id, tahun: 2026 } },
      create: { employeeId: siti.id, tahun: 2026, predikat: 'BAIK' },
      update: { predikat: 'BAIK' },
    });
  }
  const scan = await runKgbScan(db);
  expect(scan.created).toBeGreaterThan(0);
  const draft = await db.kgbDraft.findFirstOrThrow({ where: { employeeId: siti.id }, orderBy: { tmt: 'desc' } });
  expect(draft.tmt.toISOString().slice(0, 10)).toBe('2027-01-01');
  expect(draft.postponed).toBe(false);
  requestId = draft.requestId;
});

afterAll(async () => {
  await world?.stop();
});

describe('KGB from detection to the downloaded letter', () => {
  it('the BKD verifier sees the dashboard, finds the KGB in the queue and verifies it', async () => {
    const { context, page } = await signIn(DEMO_USERNAMES.bkdVerifier);
    try {
      await page.getByTestId('nav-berkala').click();
      await page.waitForURL(/\/berkala/);
      await page.getByTestId('berkala-dashboard').waitFor();
      expect(Number(await page.locator('[data-testid="queue-count-DRAFT"]').getAttribute('data-count'))).toBeGreaterThan(0);
      expect(await page.getByTestId('due-by-opd').textContent()).toContain('Dinas Kesehatan');
      // Verifiers see the last run but cannot start one.
      expect(await page.getByTestId('scan-run').count()).toBe(0);
      await shot(page, '1-dashboard-verifier');

      await page.getByTestId('berkala-tab-antrean').click();
      await page.getByTestId('kgb-queue').waitFor();
      await page.getByTestId('kgb-filter-q').fill(DEMO_NIPS.asn);
      // The search applies after a short debounce; then only her KGB is listed.
      await expect.poll(() => page.getByTestId('request-row').count()).toBe(1);
      const row = page.locator(`[data-testid="request-row"][data-request-id="${requestId}"]`);
      await row.waitFor();
      expect(await row.textContent()).toContain('KGB TMT 1 Januari 2027');
      // Selecting the row offers "Verifikasi terpilih" only (the verifier cannot finalize).
      await row.getByTestId('request-select').check();
      await page.getByTestId('kgb-batch-verify').waitFor();
      expect(await page.getByTestId('kgb-batch-finalize').count()).toBe(0);
      await shot(page, '2-queue');
      await row.getByTestId('request-select').uncheck();
      await page.getByTestId('kgb-batch-verify').waitFor({ state: 'detached' });

      await row.getByTestId('request-link').click();
      await page.waitForURL(new RegExp(`/usulan/${requestId}$`));
      await page.getByTestId('kgb-details').waitFor();
      expect(await page.getByTestId('info-kgbTmt').textContent()).toContain('1 Januari 2027');
      expect(await page.getByTestId('kgb-salary-new').textContent()).toMatch(/^Rp 3\.\d{3}\.\d{3}$/);
      expect(await page.getByTestId('kgb-salary').textContent()).toMatch(/PP \d+\/\d{4}/);
      expect(await page.getByTestId('kgb-reasons').count()).toBe(0);
      expect(await page.getByTestId('kgb-letter').count()).toBe(0);
      await shot(page, '3-request-verifier');

      await page.getByTestId('action-verify').click();
      await page.getByTestId('action-dialog-verify').waitFor();
      await page.getByTestId('action-confirm').click();
      await page.locator('[data-testid="request-status"][data-state="DIVERIFIKASI"]').first().waitFor();
      expect(await page.getByTestId('action-verify').count()).toBe(0);
      expect(await page.getByTestId('request-timeline').textContent()).toContain('Diverifikasi');
    } finally {
      await context.close();
    }
  });

  it('the BKD admin runs the detection from the dashboard and finalizes the KGB; the letter is rendered', async () => {
    const { context, page } = await signIn(DEMO_USERNAMES.bkdAdmin);
    try {
      await page.getByTestId('nav-berkala').click();
      await page.getByTestId('berkala-dashboard').waitFor();
      await page.getByTestId('scan-run').click();
      await page.getByTestId('scan-confirm').click();
      const last = page.getByTestId('scan-last');
      await last.waitFor({ timeout: 60_000 });
      const scanned = await page.getByTestId('scan-scanned').getByTestId('scan-count-value').textContent();
      expect(Number((scanned ?? '0').replace(/\./g, ''))).toBeGreaterThan(0);
      await page.getByTestId('scan-running').waitFor({ state: 'detached' });
      await shot(page, '4-dashboard-admin-scan');

      // From the queue card to the "Menunggu penetapan" tab: the admin may finalize, not verify again.
      await page.getByTestId('queue-count-DIVERIFIKASI').click();
      const row = page.locator(`[data-testid="request-row"][data-request-id="${requestId}"]`);
      await row.waitFor();
      await row.getByTestId('request-select').check();
      await page.getByTestId('kgb-batch-finalize').waitFor();
      expect(await page.getByTestId('kgb-batch-verify').count()).toBe(0);
      await shot(page, '5-queue-admin');

      await row.getByTestId('request-link').click();
      await page.waitForURL(new RegExp(`/usulan/${requestId}$`));
      await page.getByTestId('action-finalize').click();
      await page.getByTestId('action-dialog-finalize').waitFor();
      await page.getByTestId('action-confirm').click();
      await page.locator('[data-testid="request-status"][data-state="DITETAPKAN"]').first().waitFor();

      // The worker renders the PDF; the page re-reads the request until the letter is ready.
      const letter = page.locator('[data-testid="kgb-letter"][data-ready="true"]');
      await letter.waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('kgb-letter-number').textContent()).toMatch(/\d{4}/);
      expect(await page.getByTestId('kgb-letter-download').getAttribute('href')).toMatch(/^\/api\/documents\/\d+\/download$/);
      await page.getByTestId('kgb-letter-preview').click();
      const src = await page.getByTestId('kgb-letter').getByTestId('document-preview-pdf').getAttribute('src');
      expect(src).toMatch(/^\/api\/documents\/\d+\/view$/);
      const verifyHref = await page.getByTestId('kgb-letter-verify').getAttribute('href');
      expect(verifyHref).toMatch(/^\/verifikasi\/surat\/[\w-]+$/);
      const publicPage = await page.request.get(`${server.url}${verifyHref}`);
      expect(publicPage.status()).toBe(200);
      expect(await publicPage.text()).toContain('Siti Rahmawati');
      await shot(page, '6-request-finalized');
    } finally {
      await context.close();
    }
  });

  it('the ASN sees the KGB card and downloads the letter PDF', async () => {
    const { context, page } = await signIn(DEMO_USERNAMES.asn);
    try {
      const card = page.getByTestId('my-kgb');
      await card.waitFor();
      expect(await card.getByTestId('my-kgb-next').textContent()).toBe('KGB berikutnya: 1 Januari 2027');
      expect(await card.getByTestId('my-kgb-salary-new').textContent()).toMatch(/^Rp 3\./);
      expect(await card.getByTestId('my-kgb-status').getAttribute('data-state')).toBe('DITETAPKAN');
      await card.getByTestId('my-kgb-download').waitFor();
      await shot(page, '7-home-asn');

      await page.getByTestId('nav-profile').click();
      await page.getByTestId('employee-profile').waitFor();
      await page.getByTestId('tab-kgb').click();
      const tabCard = page.getByTestId('my-kgb');
      await tabCard.waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), tabCard.getByTestId('my-kgb-download').click()]);
      const data = readFileSync(await download.path());
      expect(data.subarray(0, 4).toString()).toBe('%PDF');
      const text = (await new PDFParse({ data: new Uint8Array(data) }).getText()).text.replace(/\s+/g, ' ');
      expect(text).toContain('Rp 3.');
      expect(text).toContain('1 Januari 2027');
      expect(text).toContain('Siti Rahmawati');
      await shot(page, '8-profile-kgb');

      await tabCard.getByTestId('my-kgb-link').click();
      await page.waitForURL(new RegExp(`/usulan/${requestId}$`));
      await page.locator('[data-testid="kgb-letter"][data-ready="true"]').waitFor();
      expect(await page.locator('[data-testid="action-finalize"], [data-testid="action-verify"]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

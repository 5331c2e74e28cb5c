/**
 * The self-service round trip in a real browser: the featured ASN proposes a new
 * "Tempat lahir" with a freshly uploaded PDF, the BKD verifier finds it in the queue,
 * checks the diff and the document and approves it, and the ASN then sees the new
 * value on "Profil Saya" and a notification under the bell.
 *
 * Runs on its own database (created, migrated and seeded here, dropped afterwards), so
 * it does not depend on the order of the other e2e files that seed the shared one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERNAMES } from '../../prisma/seed/demo.ts';
import { screenshotter, startDemoWorld, type DemoWorld } from '../support/demo-world.ts';
import { tinyPdf } from '../support/pdf.ts';

const NEW_BIRTHPLACE = 'Malang';

let world: DemoWorld | undefined;
let server: DemoWorld['server'];
let requestId: number;

const signIn = (username: string) => world!.signIn(username);

const shot = screenshotter('simak-ui');

beforeAll(async () => {
  world = await startDemoWorld('ui');
  ({ server } = world);
});

afterAll(async () => {
  await world?.stop();
});

describe('data-change proposal from Profil Saya to approval', () => {
  it('the ASN proposes a new birthplace with a newly uploaded PDF', async () => {
    const { context, page } = await signIn(DEMO_USERNAMES.asn);
    try {
      await page.getByTestId('nav-profile').click();
      await page.waitForURL(/\/profil$/);
      await page.getByTestId('employee-profile').waitFor();
      expect(await page.getByTestId('profile-name').textContent()).toContain('Siti Rahmawati');
      expect(await page.getByTestId('profile-nip').textContent()).toContain('19940517 201901 2 001');
      const before = (await page.getByTestId('info-tempatLahir').textContent()) ?? '';
      expect(before).not.toContain(NEW_BIRTHPLACE);

      await page.getByTestId('propose-profile').click();
      const form = page.getByTestId('change-form');
      await form.waitFor();
      await form.getByLabel('Tempat lahir').fill(NEW_BIRTHPLACE);

      // Submitting without a supporting document is refused on the client.
      await form.getByTestId('change-submit').click();
      await form.getByText('Lampirkan minimal satu dokumen pendukung.').waitFor();

      // Upload a new PDF inline; it is selected as the supporting document.
      await form.locator('input[type="file"]').setInputFiles({
        name: 'surat-keterangan-lahir.pdf',
        mimeType: 'application/pdf',
        buffer: tinyPdf('Surat keterangan lahir'),
      });
      await form.getByTestId('picker-upload-submit').click();
      await form.locator('input[data-testid="document-picker-option"]:checked').waitFor({ state: 'attached' });
      await form.getByLabel('Catatan untuk verifikator').fill('Sesuai akta kelahiran.');
      await shot(page, '1-proposal-form');

      await form.getByTestId('change-submit').click();
      await page.waitForURL(/\/usulan\/\d+$/);
      requestId = Number(/\/usulan\/(\d+)$/.exec(page.url())![1]);
      await page.getByTestId('diff-table').waitFor();
      expect(await page.locator('[data-testid="diff-row"][data-field="tempatLahir"] [data-testid="diff-after"]').textContent()).toBe(NEW_BIRTHPLACE);
      expect(await page.getByTestId('request-status').first().getAttribute('data-state')).toBe('DIAJUKAN');
      expect(await page.getByTestId('request-documents').textContent()).toContain('surat-keterangan-lahir.pdf');
      await shot(page, '2-request-submitted');
    } finally {
      await context.close();
    }
  });

  it('the BKD verifier finds it in the queue, checks the diff and the document, and approves', async () => {
    expect(requestId).toBeGreaterThan(0);
    const { context, page } = await signIn(DEMO_USERNAMES.bkdVerifier);
    try {
      await page.getByTestId('nav-verificationQueue').click();
      await page.waitForURL(/\/verifikasi/);
      const row = page.locator(`[data-testid="request-row"][data-request-id="${requestId}"]`);
      await row.waitFor();
      expect(await row.textContent()).toContain('Siti Rahmawati');
      await shot(page, '3-queue');

      await row.getByTestId('request-link').click();
      await page.waitForURL(new RegExp(`/usulan/${requestId}$`));
      const diff = page.locator('[data-testid="diff-row"][data-field="tempatLahir"]');
      await diff.waitFor();
      expect(await diff.getByTestId('diff-before').textContent()).not.toContain(NEW_BIRTHPLACE);
      expect(await diff.getByTestId('diff-after').textContent()).toBe(NEW_BIRTHPLACE);

      // The supporting document is listed and previewed inline; its view URL serves the PDF.
      const doc = page.getByTestId('request-document').first();
      expect(await doc.textContent()).toContain('surat-keterangan-lahir.pdf');
      const iframe = page.getByTestId('document-preview-pdf');
      await iframe.waitFor();
      const src = await iframe.getAttribute('src');
      expect(src).toMatch(/^\/api\/documents\/\d+\/view$/);
      const res = await page.request.get(`${server.url}${src}`);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toContain('application/pdf');
      expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
      expect(await doc.getByTestId('document-download').getAttribute('href')).toMatch(/\/download$/);
      await shot(page, '4-request-verifier');

      await page.getByTestId('action-approve').click();
      await page.getByTestId('action-dialog-approve').waitFor();
      await page.getByTestId('action-confirm').click();
      await page.locator('[data-testid="request-status"][data-state="DISETUJUI"]').first().waitFor();
      expect(await page.getByTestId('request-timeline').textContent()).toContain('Disetujui');
      expect(await page.getByTestId('action-approve').count()).toBe(0);
      await shot(page, '5-request-approved');
    } finally {
      await context.close();
    }
  });

  it('the ASN sees the new birthplace and a notification under the bell', async () => {
    const { context, page } = await signIn(DEMO_USERNAMES.asn);
    try {
      const badge = page.locator('[data-testid="notification-badge"][data-count="1"]');
      await badge.waitFor({ state: 'attached' });
      await page.getByTestId('notification-bell').click();
      const item = page.getByTestId('notification-item').first();
      await item.waitFor();
      expect(await item.getAttribute('data-unread')).toBe('true');
      expect(await item.textContent()).toContain('disetujui');
      await shot(page, '6-bell');

      // Opening the notification marks it read and leads to the request.
      await item.click();
      await page.waitForURL(new RegExp(`/usulan/${requestId}$`));
      await page.locator('[data-testid="notification-badge"][data-count="0"]').waitFor({ state: 'attached' });

      await page.getByTestId('nav-profile').click();
      await page.getByTestId('employee-profile').waitFor();
      await expect.poll(() => page.getByTestId('info-tempatLahir').textContent()).toContain(NEW_BIRTHPLACE);
      await shot(page, '7-profile-updated');
    } finally {
      await context.close();
    }
  });
});

describe('lists with a search box', () => {
  it('a result clicked before the typed search applies opens, and the late search does not pull the user back', async () => {
    const { context, page } = await signIn(DEMO_USERNAMES.bkdAdmin);
    try {
      await page.goto(`${server.url}/pegawai`);
      const first = page.getByTestId('employee-row').first();
      await first.waitFor();
      const id = Number(await first.getAttribute('data-employee-id'));
      const nip = (await first.getByTestId('employee-row-nip').textContent())!.replace(/\s/g, '');
      // The profile page's code arrives late, as on a slow line; the search typed just before the
      // click applies (after its pause) while it loads.
      await context.route('**/assets/**', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        await route.continue();
      });
      await page.getByTestId('filter-q').fill(nip);
      await page.locator(`[data-testid="employee-row"][data-employee-id="${id}"]`).getByRole('link').click();
      // The click answers at once: the page is shown loading instead of the list.
      await page.getByTestId('app-main').getByTestId('loading-state').waitFor({ timeout: 1_000 });
      expect(await page.getByTestId('employee-table').isVisible()).toBe(false);
      await page.locator(`[data-testid="employee-profile"][data-employee-id="${id}"]`).waitFor({ timeout: 15_000 });
      expect(new URL(page.url()).pathname).toBe(`/pegawai/${id}`);
      // The list is still one step back.
      await context.unroute('**/assets/**');
      await page.goBack();
      await page.getByTestId('employee-table').waitFor();
      expect(new URL(page.url()).pathname).toBe('/pegawai');
    } finally {
      await context.close();
    }
  });
});

/**
 * The document checklist in a real browser: the featured ASN proposes a new "Tempat lahir"
 * with a supporting PDF; the BKD verifier opens it from "Tugas saya", marks the document
 * invalid with a note and returns the request "berkas tidak lengkap"; the ASN sees exactly
 * that item flagged, replaces it with a newly uploaded PDF and resubmits (no change form);
 * the verifier finds the item back to "Belum diperiksa", marks it valid and approves, and the
 * change is applied.
 *
 * Runs on its own database (created, migrated and seeded here, dropped afterwards).
 */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NIPS, DEMO_USERNAMES } from '../../prisma/seed/demo.ts';
import { SHOTS, screenshotter, startDemoWorld, type DemoWorld } from '../support/demo-world.ts';
import { tinyPdf } from '../support/pdf.ts';

const NEW_BIRTHPLACE = 'Probolinggo';
const ITEM = 'PENDUKUNG';
const INVALID_NOTE = 'Dokumen tidak terbaca, unggah pindaian akta kelahiran yang jelas.';
const FIRST_PDF = 'pindaian-buram.pdf';
const SECOND_PDF = 'akta-kelahiran-jelas.pdf';

/** The featured ASN's login: her username when the seed has one, else her NIP. */
const ASN_LOGIN: string = (DEMO_USERNAMES as Partial<Record<string, string>>).asn ?? DEMO_NIPS.asn;

let world: DemoWorld | undefined;
let server: DemoWorld['server'];
let requestId: number;
let verifierTasksBefore = 0;

const signIn = (username: string) => world!.signIn(username);

const shot = screenshotter('checklist');

const item = (page: Page): Locator => page.locator(`[data-testid="checklist-item"][data-key="${ITEM}"]`);
const status = (page: Page, state: string) => page.locator(`[data-testid="request-status"][data-state="${state}"]`).first();

/** The "Tugas saya" count in the navbar (0 when the badge is not shown). */
async function tasksCount(page: Page): Promise<number> {
  await page.getByTestId('nav-tasks').waitFor();
  const badge = page.getByTestId('nav-tasks-count');
  return (await badge.count()) ? Number(await badge.getAttribute('data-count')) : 0;
}

/** Opens the request from "Tugas saya". */
async function openFromTasks(page: Page) {
  await page.getByTestId('nav-tasks').click();
  await page.waitForURL(/\/tugas/);
  const row = page.locator(`[data-testid="request-row"][data-request-id="${requestId}"]`);
  await row.waitFor();
  return row;
}

/** The page has no horizontal scroll (nothing wider than the viewport). */
async function fitsWidth(page: Page): Promise<boolean> {
  // A string: the test project compiles without the DOM library.
  return (await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')) === true;
}

beforeAll(async () => {
  world = await startDemoWorld('checklist');
  ({ server } = world);
});

afterAll(async () => {
  await world?.stop();
});

describe('checklist: invalid document, returned, replaced, approved', () => {
  it('the ASN proposes a new birthplace with a supporting PDF', async () => {
    const { context, page } = await signIn(ASN_LOGIN);
    try {
      await page.getByTestId('nav-profile').click();
      await page.getByTestId('employee-profile').waitFor();
      await page.getByTestId('propose-profile').click();
      const form = page.getByTestId('change-form');
      await form.waitFor();
      await form.getByLabel('Tempat lahir').fill(NEW_BIRTHPLACE);
      await form.locator('input[type="file"]').setInputFiles({ name: FIRST_PDF, mimeType: 'application/pdf', buffer: tinyPdf('Pindaian buram') });
      await form.getByTestId('picker-upload-submit').click();
      await form.locator('input[data-testid="document-picker-option"]:checked').waitFor({ state: 'attached' });
      await form.getByTestId('change-submit').click();
      await page.waitForURL(/\/usulan\/\d+$/);
      requestId = Number(/\/usulan\/(\d+)$/.exec(page.url())![1]);
      await status(page, 'DIAJUKAN').waitFor();

      // The checklist holds the uploaded PDF, not yet checked; the ASN cannot edit it while it waits for BKD.
      const checklist = page.getByTestId('checklist');
      await item(page).waitFor();
      expect(await item(page).getAttribute('data-verdict')).toBe('PENDING');
      expect(await item(page).getByTestId('item-document-name').textContent()).toBe(FIRST_PDF);
      expect(await item(page).getByTestId('verdict-badge').textContent()).toBe('Belum diperiksa');
      expect(await item(page).getByTestId('item-required').textContent()).toBe('Wajib');
      expect(await checklist.getAttribute('data-can-edit')).toBe('false');
      expect(await page.getByTestId('item-replace').count()).toBe(0);
      expect(await page.getByTestId('verdict-valid').count()).toBe(0);
      await shot(page, '1-submitted-asn');
    } finally {
      await context.close();
    }
  });

  it('the verifier opens it from "Tugas saya", marks the document invalid and returns it', async () => {
    expect(requestId).toBeGreaterThan(0);
    const { context, page } = await signIn(DEMO_USERNAMES.bkdVerifier);
    try {
      await expect.poll(() => tasksCount(page)).toBeGreaterThan(0);
      verifierTasksBefore = await tasksCount(page);
      const row = await openFromTasks(page);
      expect(await row.textContent()).toContain('Siti Rahmawati');
      expect(await row.getByTestId('request-checklist-summary').textContent()).toContain('Dokumen wajib 1/1');
      expect(Number(await page.getByTestId('tasks-total').getAttribute('data-count'))).toBe(verifierTasksBefore);
      await shot(page, '2-tasks-verifier');

      await row.getByTestId('request-link').click();
      await page.waitForURL(new RegExp(`/usulan/${requestId}$`));
      await item(page).waitFor();
      expect(await page.getByTestId('checklist').getAttribute('data-can-judge')).toBe('true');
      // "Berkas tidak lengkap" is offered but held back until an item is marked invalid, with the reason.
      const returnButton = page.getByTestId('action-return_incomplete');
      expect(await returnButton.getAttribute('data-enabled')).toBe('false');
      expect(await returnButton.isDisabled()).toBe(true);
      expect(await page.getByTestId('action-return_incomplete-reason').getAttribute('data-reason')).toContain('tidak valid');
      await page.getByTestId('action-return_incomplete-reason').hover();
      await page.getByRole('tooltip').waitFor();
      expect(await page.getByRole('tooltip').textContent()).toContain('Tandai dahulu dokumen yang tidak valid');
      expect(await page.getByTestId('action-approve').getAttribute('data-enabled')).toBe('true');

      // The verifier finds the document previewed inside the item (and only there: the documents card does not repeat it).
      await item(page).getByTestId('document-preview-pdf').waitFor();
      expect(await page.getByTestId('document-preview-pdf').count()).toBe(1);
      expect(await item(page).getByTestId('item-preview').getAttribute('aria-pressed')).toBe('true');
      await shot(page, '3-verifier-before-verdict');

      // "Tidak sah" needs a note.
      await item(page).getByTestId('verdict-invalid').click();
      const dialog = page.getByTestId('verdict-dialog');
      await dialog.waitFor();
      await dialog.getByTestId('verdict-confirm').click();
      await dialog.getByText('Keterangan wajib diisi').waitFor();
      await dialog.getByTestId('verdict-note').fill(INVALID_NOTE);
      await shot(page, '4-verdict-dialog');
      await dialog.getByTestId('verdict-confirm').click();
      await page.locator(`[data-testid="checklist-item"][data-key="${ITEM}"][data-verdict="INVALID"]`).waitFor();
      expect(await item(page).getByTestId('verdict-badge').textContent()).toBe('Tidak sah');
      expect(await item(page).getByTestId('item-verdict-note').textContent()).toBe(INVALID_NOTE);
      expect(await item(page).getByTestId('item-verdict').textContent()).toContain('Diperiksa oleh');

      // Now approval is held back and the return is offered.
      await expect.poll(() => page.getByTestId('action-approve').getAttribute('data-enabled')).toBe('false');
      expect(await page.getByTestId('action-approve-reason').getAttribute('data-reason')).toContain('tidak valid');
      expect(await returnButton.getAttribute('data-enabled')).toBe('true');
      await shot(page, '5-verifier-invalid');

      await returnButton.click();
      await page.getByTestId('action-dialog-return_incomplete').waitFor();
      await page.getByTestId('action-confirm').click();
      await status(page, 'DIKEMBALIKAN').waitFor();
      const note = page.locator('[data-testid="timeline-item"][data-action="return_incomplete"] [data-testid="timeline-note"]');
      await note.waitFor();
      expect(await note.textContent()).toContain('Dokumen pendukung');
      expect(await note.textContent()).toContain(INVALID_NOTE);
      // It no longer waits for the verifier: judging is over and the count went down.
      expect(await page.getByTestId('checklist').getAttribute('data-can-judge')).toBe('false');
      expect(await page.getByTestId('verdict-invalid').count()).toBe(0);
      await expect.poll(() => tasksCount(page)).toBe(verifierTasksBefore - 1);
      await shot(page, '6-returned-verifier');
    } finally {
      await context.close();
    }
  });

  it('the ASN sees exactly that item flagged, replaces it with a new PDF and resubmits', async () => {
    const { context, page } = await signIn(ASN_LOGIN);
    try {
      await expect.poll(() => tasksCount(page)).toBeGreaterThan(0);
      const asnTasksBefore = await tasksCount(page);
      const row = await openFromTasks(page);
      expect(await row.getByTestId('request-checklist-summary').textContent()).toContain('1 tidak sah');
      await shot(page, '7-tasks-asn');
      await row.getByTestId('request-link').click();
      await page.waitForURL(new RegExp(`/usulan/${requestId}$`));
      await status(page, 'DIKEMBALIKAN').waitFor();

      const alert = page.getByTestId('checklist-invalid-alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('Berkas tidak lengkap: ganti dokumen berikut lalu ajukan ulang');
      const entries = alert.getByTestId('checklist-invalid-entry');
      expect(await entries.count()).toBe(1);
      expect(await entries.first().getAttribute('data-key')).toBe(ITEM);
      expect(await entries.first().textContent()).toContain(INVALID_NOTE);
      expect(await page.locator('[data-testid="checklist-item"][data-verdict="INVALID"]').count()).toBe(1);
      expect(await item(page).getAttribute('data-verdict')).toBe('INVALID');

      // Resubmitting is held back while the invalid document is there, with the reason.
      const resubmit = page.getByTestId('action-resubmit');
      expect(await resubmit.getAttribute('data-enabled')).toBe('false');
      expect(await page.getByTestId('action-resubmit-reason').getAttribute('data-reason')).toContain('Dokumen pendukung');
      expect(await page.getByTestId('action-withdraw').getAttribute('data-enabled')).toBe('true');
      await shot(page, '8-returned-asn');

      // A phone sees the same checklist without horizontal scrolling.
      await page.setViewportSize({ width: 390, height: 844 });
      await item(page).scrollIntoViewIfNeeded();
      expect(await fitsWidth(page)).toBe(true);
      await shot(page, '9-returned-asn-phone');
      await page.getByTestId('checklist').screenshot({ path: path.join(SHOTS, 'checklist-9b-phone-checklist.png') });
      await page.setViewportSize({ width: 1366, height: 900 });

      // Replace the document with a newly uploaded PDF.
      await item(page).getByTestId('item-replace').click();
      const dialog = page.getByTestId('item-document-dialog');
      await dialog.waitFor();
      // The document in use is listed but cannot be chosen again.
      await dialog.getByTestId('item-doc-option').first().waitFor();
      await dialog.locator('input[type="file"]').setInputFiles({ name: SECOND_PDF, mimeType: 'application/pdf', buffer: tinyPdf('Akta kelahiran') });
      await dialog.getByTestId('item-upload-submit').click();
      await dialog.locator('input[data-testid="item-doc-option"]:checked').waitFor({ state: 'attached' });
      await shot(page, '10-replace-dialog');
      await dialog.getByTestId('item-save').click();
      await page.locator(`[data-testid="checklist-item"][data-key="${ITEM}"][data-verdict="PENDING"]`).waitFor();
      expect(await item(page).getByTestId('item-document-name').textContent()).toBe(SECOND_PDF);
      expect(await page.getByTestId('checklist-invalid-alert').count()).toBe(0);

      // The item's history: attached, judged invalid, replaced.
      await item(page).getByTestId('item-history-toggle').click();
      const history = item(page).getByTestId('item-history-entry');
      await history.first().waitFor();
      expect(await history.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(['replace', 'verdict', 'attach']);

      // Resubmit as it is: a confirmation, not the change form.
      await expect.poll(() => resubmit.getAttribute('data-enabled')).toBe('true');
      await shot(page, '11-replaced-asn');
      await resubmit.click();
      await page.getByTestId('action-dialog-resubmit').waitFor();
      expect(await page.getByTestId('change-form').count()).toBe(0);
      await page.getByTestId('action-confirm').click();
      await status(page, 'DIAJUKAN').waitFor();
      await expect.poll(() => tasksCount(page)).toBe(asnTasksBefore - 1);
      await shot(page, '12-resubmitted-asn');

      // Nothing else waits for her: "Tugas saya" says so.
      await page.getByTestId('nav-tasks').click();
      await page.waitForURL(/\/tugas/);
      if (asnTasksBefore === 1) {
        await page.getByTestId('tasks-empty').waitFor();
        expect(await page.getByTestId('tasks-empty').textContent()).toContain('Tidak ada tugas yang menunggu Anda');
      }
      await shot(page, '12b-tasks-empty-asn');
    } finally {
      await context.close();
    }
  });

  it('the verifier finds the item unchecked, marks it valid and approves; the change is applied', async () => {
    const { context, page } = await signIn(DEMO_USERNAMES.bkdVerifier);
    try {
      await expect.poll(() => tasksCount(page)).toBe(verifierTasksBefore);
      const row = await openFromTasks(page);
      await row.getByTestId('request-link').click();
      await page.waitForURL(new RegExp(`/usulan/${requestId}$`));
      await item(page).waitFor();
      expect(await item(page).getAttribute('data-verdict')).toBe('PENDING');
      expect(await item(page).getByTestId('verdict-badge').textContent()).toBe('Belum diperiksa');
      expect(await item(page).getByTestId('item-document-name').textContent()).toBe(SECOND_PDF);
      expect(await page.getByTestId('action-return_incomplete').getAttribute('data-enabled')).toBe('false');
      // The replaced PDF stays linked to the request, marked as replaced.
      const replaced = page.locator('[data-testid="request-document"]', { has: page.getByTestId('request-document-replaced') });
      expect(await replaced.count()).toBe(1);
      expect(await replaced.textContent()).toContain(FIRST_PDF);

      await item(page).getByTestId('verdict-valid').click();
      await page.locator(`[data-testid="checklist-item"][data-key="${ITEM}"][data-verdict="VALID"]`).waitFor();
      expect(await item(page).getByTestId('verdict-badge').textContent()).toBe('Sah');
      await shot(page, '13-verifier-valid');

      await page.getByTestId('action-approve').click();
      await page.getByTestId('action-dialog-approve').waitFor();
      await page.getByTestId('action-confirm').click();
      await status(page, 'DISETUJUI').waitFor();
      expect(await page.getByTestId('checklist').getAttribute('data-can-judge')).toBe('false');
      await expect.poll(() => tasksCount(page)).toBe(verifierTasksBefore - 1);
      await shot(page, '14-approved');
    } finally {
      await context.close();
    }

    // The database: the change applied, the item valid with the new document, its whole history kept.
    const db = server.ctx.db;
    const request = await db.workflowRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(request.state).toBe('DISETUJUI');
    const employee = await db.employee.findUniqueOrThrow({ where: { id: request.employeeId } });
    expect(employee.tempatLahir).toBe(NEW_BIRTHPLACE);
    const stored = await db.requestItem.findUniqueOrThrow({ where: { requestId_key: { requestId, key: ITEM } }, include: { document: true } });
    expect(stored.verdict).toBe('VALID');
    expect(stored.document?.originalName).toBe(SECOND_PDF);
    const events = await db.requestItemEvent.findMany({ where: { requestId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
    expect(events.map((e) => [e.kind, e.verdict])).toEqual([
      ['attach', null],
      ['verdict', 'INVALID'],
      ['replace', null],
      ['verdict', 'VALID'],
    ]);
    const timeline = await db.requestEvent.findMany({ where: { requestId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
    expect(timeline.map((e) => e.action)).toEqual(['create', 'return_incomplete', 'resubmit', 'approve']);
  });
});

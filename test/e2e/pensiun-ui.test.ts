/**
 * e-Pensiun in a real browser, on the demo regency (TEST_TODAY 2026-11-30). A pelaksana of the
 * Dinas Kesehatan born 10 March 1969 reaches BUP 58 in March 2027: pension TMT 1 April 2027, file
 * due 1 April 2026 (overdue). The daily job opens the file pre-filled from the records; the OPD
 * admin finds it on the Pensiun page, attaches the missing document and submits; the BKD verifier
 * sees the overdue warning, checks each document, proposes to BKN and records the pertek; the BKD
 * admin records the SK with the signed PDF; the OPD admin hands it over; the retiring ASN sees
 * BUP, TMT and the whole timeline on their home page (also at phone width).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERNAMES } from '../../prisma/seed/demo.ts';
import '../../server/src/workflow/registry.ts';
import { openDueFiles } from '../../server/src/modules/pensiun/open.ts';
import { createEmployee, createUser, PASSWORD } from '../support/factories.ts';
import { screenshotter, startDemoWorld, type DemoWorld } from '../support/demo-world.ts';
import { tinyPdf } from '../support/pdf.ts';
import { apiLogin, chooseDate, fitsWidth, item, judgeAllValid, status, upload } from '../support/request-pages.ts';
import { TEST_TODAY } from '../support/app.ts';

const NOMOR_SK = '800.1.6.4/PENS-0042/2026';
const PERTEK = { nomor: 'PERTEK-0042/KR.II/PENS/2026', tanggal: '20/11/2026' };
const d = (s: string) => new Date(`${s}T00:00:00Z`);

let world: DemoWorld | undefined;
let server: DemoWorld['server'];
let employee: { id: number; nip: string; nama: string };
let requestId: number;
let asnUsername: string;

const shot = screenshotter('pensiun');

async function act(page: Page, action: string, state: string) {
  await expect.poll(() => page.getByTestId(`action-${action}`).getAttribute('data-enabled')).toBe('true');
  await page.getByTestId(`action-${action}`).click();
  await page.getByTestId('action-confirm').click();
  await status(page, state).waitFor();
}

beforeAll(async () => {
  world = await startDemoWorld('pensiun');
  ({ server } = world);
  const db = server.ctx.db;
  const grant = await db.userRole.findFirstOrThrow({ where: { user: { username: DEMO_USERNAMES.dinkesAdmin }, role: 'OPD_ADMIN' } });
  const e = await createEmployee(db, { opdId: grant.opdId!, nama: 'Sri Wahyuningsih' });
  await db.employee.update({
    where: { id: e.id },
    data: { tanggalLahir: d('1969-03-10'), jenisJabatan: 'PELAKSANA', eselon: null, jenjangFungsional: null, rumpunFungsional: null, statusKepegawaian: 'PNS', golongan: 'III/d', namaJabatan: 'Pengadministrasi Umum', statusPerkawinan: 'KAWIN' },
  });
  await db.keluarga.createMany({
    data: [
      { employeeId: e.id, hubungan: 'SUAMI', nama: 'Budi Santoso', tanggalLahir: d('1967-08-17'), tanggalNikah: d('1993-05-20') },
      { employeeId: e.id, hubungan: 'ANAK', nama: 'Dewi Lestari', tanggalLahir: d('2004-02-29') },
    ],
  });
  employee = { id: e.id, nip: e.nip, nama: 'Sri Wahyuningsih' };
  // The vault holds every required document but the KTP (attached in the browser).
  const opdAdmin = await apiLogin(server.url, DEMO_USERNAMES.dinkesAdmin);
  for (const jenis of ['SK_CPNS', 'SK_PNS', 'SK_PANGKAT', 'SK_KGB', 'SKP', 'KK', 'PAS_FOTO']) await upload(opdAdmin, e.id, jenis, `${jenis.toLowerCase()}.pdf`);
  // The daily job's run: the file opens itself, pre-filled.
  const opened = await openDueFiles(db, TEST_TODAY);
  const file = await db.workflowRequest.findFirstOrThrow({ where: { type: 'PENSIUN', employeeId: e.id } });
  expect(opened.requestIds).toContain(file.id);
  requestId = file.id;
  // The remaining "any type" letters (cover letter, statements, DPCP, SKPP, SKP years) attached through the API.
  const detail = async () => (await opdAdmin.get(`/api/requests/${requestId}`)).body as { version: number; checklist: { items: { key: string; required: boolean; document: unknown; docType?: string }[] } };
  for (const it of (await detail()).checklist.items.filter((i) => i.required && !i.document && i.key !== 'KTP')) {
    const docId = await upload(opdAdmin, e.id, it.key.startsWith('SKP_') ? 'SKP' : 'SURAT', `${it.key.toLowerCase()}.pdf`);
    const { version } = await detail();
    const r = await opdAdmin.put(`/api/requests/${requestId}/items/${it.key}`).set('x-csrf-token', opdAdmin.csrfToken).send({ version, documentId: docId });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }
  const user = await createUser(db, { roles: ['ASN'], employeeId: e.id, username: `pensiun.${e.nip}` });
  asnUsername = user.username;
}, 600_000);

afterAll(async () => {
  await world?.stop();
});

describe('a pension file from the forecast to the SK in the retiring ASN\'s hands', () => {
  it('the OPD admin finds the opened file on the Pensiun page, completes and submits it', async () => {
    const { context, page } = await world!.signIn(DEMO_USERNAMES.dinkesAdmin);
    try {
      await page.getByTestId('nav-pensiunOpd').click();
      await page.waitForURL(/\/pensiun/);
      await page.getByTestId('pensiun-forecast-table').waitFor();
      expect(await page.getByTestId('nav-pensiun').count()).toBe(0);
      await page.getByTestId('pensiun-q').fill('Sri Wahyuningsih');
      const row = page.locator(`[data-testid="pensiun-row"][data-nip="${employee.nip}"]`);
      await row.waitFor();
      expect(await row.getAttribute('data-overdue')).toBe('true');
      expect(await row.textContent()).toContain('1 April 2027');
      expect(await row.getByTestId('pensiun-row-file').getAttribute('data-state')).toBe('DRAFT');
      expect(await fitsWidth(page)).toBe(true);
      await shot(page, '1-forecast-opd');

      // The other pension kinds open from the same page.
      await page.getByTestId('pensiun-open-other').click();
      await page.getByTestId('pensiun-open-dialog').waitFor();
      await shot(page, '2-open-other-dialog');
      await page.keyboard.press('Escape');

      await row.getByTestId('pensiun-row-file').click();
      await page.waitForURL(new RegExp(`/usulan/${requestId}$`));
      await page.getByTestId('pensiun-details').waitFor();
      expect(await page.getByTestId('pensiun-tmt').textContent()).toBe('1 April 2027');
      expect(await page.getByTestId('pensiun-details-overdue').count()).toBe(1);
      expect(await page.getByTestId('pensiun-dpcp-spouse').textContent()).toContain('Budi Santoso');
      expect(await page.getByTestId('pensiun-dpcp-children').textContent()).toContain('Dewi Lestari');
      expect(await page.getByTestId('action-submit').getAttribute('data-enabled')).toBe('false');
      await item(page, 'KTP').getByTestId('item-replace').click();
      const attach = page.getByTestId('item-document-dialog');
      await attach.waitFor();
      await attach.locator('input[type="file"]').setInputFiles({ name: 'ktp.pdf', mimeType: 'application/pdf', buffer: tinyPdf('KTP') });
      await attach.getByTestId('item-upload-submit').click();
      await attach.locator('input[data-testid="item-doc-option"]:checked').waitFor({ state: 'attached' });
      await attach.getByTestId('item-save').click();
      await item(page, 'KTP').getByTestId('item-document-name').waitFor();
      await shot(page, '3-file-complete-opd');
      await act(page, 'submit', 'DIAJUKAN');
    } finally {
      await context.close();
    }
  });

  it('the BKD verifier sees the overdue warnings, checks each document, proposes to BKN and records the pertek', async () => {
    const { context, page } = await world!.signIn(DEMO_USERNAMES.bkdVerifier);
    try {
      await page.getByTestId('nav-pensiun').click();
      await page.getByTestId('pensiun-forecast-table').waitFor();
      expect(Number(await page.getByTestId('pensiun-total-overdue').getAttribute('data-count'))).toBeGreaterThanOrEqual(0);
      await shot(page, '4-forecast-bkd');
      await page.getByTestId('pensiun-tab-rekap').click();
      await page.getByTestId('pensiun-report-ahead').waitFor();
      await shot(page, '5-report-bkd');

      await page.goto(`${server.url}/usulan/${requestId}`);
      await item(page, 'KTP').waitFor();
      await judgeAllValid(page);
      await act(page, 'approve', 'DIVERIFIKASI');
      await act(page, 'propose_bkn', 'DIUSULKAN_BKN');
      await page.getByTestId('action-record_pertek').click();
      const dialog = page.getByTestId('action-dialog-record_pertek');
      await dialog.waitFor();
      await dialog.getByTestId('pensiun-pertek-nomor').fill(PERTEK.nomor);
      await chooseDate(page, 'pensiun-pertek-tanggal', PERTEK.tanggal);
      await shot(page, '6-pertek-dialog');
      await dialog.getByTestId('action-confirm').click();
      await status(page, 'PERTEK_BKN').waitFor();
      expect(await page.getByTestId('action-record_sk').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('the BKD admin records the SK with the signed PDF; the OPD admin hands it over', async () => {
    const { context, page } = await world!.signIn(DEMO_USERNAMES.bkdAdmin);
    try {
      await page.goto(`${server.url}/usulan/${requestId}`);
      await page.getByTestId('action-record_sk').click();
      const dialog = page.getByTestId('action-dialog-record_sk');
      await dialog.waitFor();
      expect(await page.getByTestId('pensiun-sk-tmt-input').inputValue()).toBe('1 April 2027');
      await dialog.getByTestId('pensiun-sk-nomor-input').fill(NOMOR_SK);
      await chooseDate(page, 'pensiun-sk-tanggal-input', '25/11/2026');
      const dir = mkdtempSync(path.join(tmpdir(), 'pensiun-sk-'));
      const file = path.join(dir, 'sk-pensiun.pdf');
      writeFileSync(file, tinyPdf(`SK ${NOMOR_SK}`));
      await dialog.locator('input[type="file"]').setInputFiles(file);
      await shot(page, '7-sk-dialog');
      await dialog.getByTestId('action-confirm').click();
      await status(page, 'SK_TERBIT').waitFor();
      expect(await page.getByTestId('pensiun-sk-nomor').textContent()).toBe(NOMOR_SK);
      await page.locator('[data-testid="pensiun-letter"][data-ready="true"]').waitFor({ timeout: 60_000 });
      expect(await fitsWidth(page)).toBe(true);
      await shot(page, '8-sk-recorded');
    } finally {
      await context.close();
    }
    const opd = await world!.signIn(DEMO_USERNAMES.dinkesAdmin);
    try {
      await opd.page.goto(`${server.url}/usulan/${requestId}`);
      await act(opd.page, 'hand_over', 'SK_DISERAHKAN');
    } finally {
      await opd.context.close();
    }
  });

  it('the retiring ASN sees BUP, TMT and the whole timeline on their home page, also on a phone', async () => {
    const { context, page } = await world!.signIn(asnUsername, PASSWORD);
    try {
      const card = page.getByTestId('my-pensiun');
      await card.waitFor();
      expect(await page.getByTestId('my-pensiun-bup').textContent()).toBe('58 tahun');
      expect(await page.getByTestId('my-pensiun-tmt').textContent()).toBe('1 April 2027');
      expect(await page.getByTestId('my-pensiun-state').getAttribute('data-state')).toBe('SK_DISERAHKAN');
      expect(await page.locator('[data-testid="my-pensiun-step"][data-done="true"]').count()).toBe(7);
      await shot(page, '9-asn-home');
      await page.setViewportSize({ width: 390, height: 844 });
      await card.scrollIntoViewIfNeeded();
      expect(await fitsWidth(page)).toBe(true);
      await shot(page, '10-asn-home-phone');
    } finally {
      await context.close();
    }
  });
});

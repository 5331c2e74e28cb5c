/**
 * e-Pangkat in a real browser, on the demo regency (TEST_TODAY 2026-11-30: the 1 January 2027
 * period's window, 1–30 November, is open). The Dinas Kesehatan admin proposes two eligible
 * employees as one batch (one with a complete vault, one missing the diploma, uploaded from the
 * request page), submits the batch; the BKD verifier marks one document of the first invalid and
 * returns it; the OPD admin replaces it and resubmits; the verifier judges everything valid,
 * approves and records BKN's pertek; the BKD admin records the SK with the signed PDF; the
 * worker renders the summary letter, whose QR page names the new rank; the employee's profile
 * shows it.
 *
 * The employees are picked from the eligibility list (eligible, not proposed yet, no exam flag)
 * and their vault is filled through the API, so the test does not depend on the seed's KP data.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERNAMES } from '../../prisma/seed/demo.ts';
import type { TestApp } from '../support/app.ts';
import { createUser, PASSWORD } from '../support/factories.ts';
import { pangkatHelpers } from '../support/pangkat.ts';
import { screenshotter, startDemoWorld, type DemoWorld } from '../support/demo-world.ts';
import { tinyPdf } from '../support/pdf.ts';
import { apiLogin, chooseDate, fitsWidth, item, judgeAllValid, status, upload, type Agent } from '../support/request-pages.ts';

const PERIOD = '2027-01-01';
const INVALID_KEY = 'SK_PNS';
const INVALID_NOTE = 'Pindaian SK PNS terpotong, unggah halaman lengkap.';
const PERTEK = { nomor: 'PT-0417/KR.II/XI/2026', tanggal: '20/11/2026' };
const NOMOR_SK = '823.3/KP-0117/2026';

interface Pick {
  employeeId: number;
  nip: string;
  nama: string;
  from: string;
  to: string;
}

let world: DemoWorld | undefined;
let server: DemoWorld['server'];
let complete: Pick;
let partial: Pick;
let asnUsername: string;
let batchId: number;
let completeId: number;
let partialId: number;

const shot = screenshotter('pangkat');

/** The vault holds every document a KP reguler proposal asks for (the SK pangkat and SKP linked to their records), except `skip`. */
async function fillVault(agent: Agent, employeeId: number, skip: string[] = []) {
  const db = server.ctx.db;
  for (const jenis of ['SK_CPNS', 'SK_PNS', 'IJAZAH'].filter((j) => !skip.includes(j))) await upload(agent, employeeId, jenis, `${jenis.toLowerCase()}.pdf`);
  const e = await db.employee.findUniqueOrThrow({ where: { id: employeeId } });
  const rank = await db.riwayatPangkat.findFirstOrThrow({ where: { employeeId, golongan: e.golongan! }, orderBy: { tmtGolongan: 'desc' } });
  await db.riwayatPangkat.update({ where: { id: rank.id }, data: { documentId: await upload(agent, employeeId, 'SK_PANGKAT', 'sk-pangkat-terakhir.pdf') } });
  for (const skp of await db.riwayatSkp.findMany({ where: { employeeId, tahun: { gte: 2023 } } })) {
    await db.riwayatSkp.update({ where: { id: skp.id }, data: { documentId: await upload(agent, employeeId, 'SKP', `skp-${skp.tahun}.pdf`) } });
  }
}

beforeAll(async () => {
  world = await startDemoWorld('pangkat');
  ({ server } = world);
  const opdAdmin = await apiLogin(server.url, DEMO_USERNAMES.dinkesAdmin);
  const db = server.ctx.db;
  // Two PNS of the admin's OPD made eligible for KP reguler III/a → III/b on 1 January 2027
  // (S1, III/a since 1 December 2022, SKP Baik 2024–2025), whatever the seed holds.
  const grant = await db.userRole.findFirstOrThrow({ where: { user: { username: DEMO_USERNAMES.dinkesAdmin }, role: 'OPD_ADMIN' } });
  const h = pangkatHelpers({ db } as TestApp);
  const picks: Pick[] = [];
  for (const nama of ['Rina Kusumawati', 'Agus Prasetyo']) {
    const { employee } = await h.person(grant.opdId!);
    await db.employee.update({ where: { id: employee.id }, data: { nama } });
    await db.riwayatPangkat.create({ data: { employeeId: employee.id, golongan: 'III/a', tmtGolongan: new Date('2022-12-01T00:00:00Z'), mkgTahun: 4, mkgBulan: 0 } });
    picks.push({ employeeId: employee.id, nip: employee.nip, nama, from: 'III/a', to: 'III/b' });
  }
  const res = await opdAdmin.get('/api/pangkat/eligible').query({ period: PERIOD, status: 'eligible', q: 'Rina Kusumawati' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.period).toMatchObject({ period: PERIOD, status: 'DIBUKA' });
  expect(res.body.items.map((r: { employeeId: number }) => r.employeeId)).toContain(picks[0]!.employeeId);
  [complete, partial] = picks as [Pick, Pick];
  await fillVault(opdAdmin, complete.employeeId);
  await fillVault(opdAdmin, partial.employeeId, ['IJAZAH']);
  // The diploma the partial one lacks: none of that type current in the vault.
  await db.document.updateMany({ where: { employeeId: partial.employeeId, jenis: 'IJAZAH' }, data: { isCurrent: false } });
  const user = await createUser(db, { roles: ['ASN'], employeeId: complete.employeeId, username: `kp.${complete.nip}` });
  asnUsername = user.username;
}, 600_000);

afterAll(async () => {
  await world?.stop();
});

describe('KP from the eligibility list to the recorded SK', () => {
  it('the OPD admin proposes two eligible employees as one batch', async () => {
    const { context, page } = await world!.signIn(DEMO_USERNAMES.dinkesAdmin);
    try {
      await page.getByTestId('nav-pangkatOpd').click();
      await page.waitForURL(/\/pangkat/);
      await page.getByTestId('kp-eligible-table').waitFor();
      expect(await page.getByTestId('pangkat-page').getAttribute('data-period')).toBe(PERIOD);
      expect(await page.getByTestId('kp-window-dates').textContent()).toBe('1 November 2026 – 30 November 2026');
      expect(await page.getByTestId('kp-window-status').getAttribute('data-status')).toBe('DIBUKA');
      expect(await page.getByTestId('nav-pangkat').count()).toBe(0);
      expect(Number(await page.getByTestId('kp-total-eligible').getAttribute('data-count'))).toBeGreaterThanOrEqual(2);
      expect(await fitsWidth(page)).toBe(true);
      await shot(page, '1-eligible-opd');

      // The ineligible ones come with their reasons.
      await page.getByTestId('kp-status').getByText('Tidak memenuhi syarat', { exact: true }).click();
      await page.locator('[data-testid="kp-eligible-row"][data-eligible="false"]').first().waitFor();
      expect(await page.locator('[data-testid="kp-eligible-row"][data-eligible="false"]').first().getByTestId('kp-reasons').count()).toBe(1);
      expect(await page.getByTestId('kp-select').first().isDisabled()).toBe(true);
      await shot(page, '2-ineligible-opd');
      await page.getByTestId('kp-status').getByText('Memenuhi syarat', { exact: true }).click();

      // Select both (the selection survives the search).
      for (const p of [complete, partial]) {
        await page.getByTestId('kp-q').fill(p.nip);
        const row = page.locator(`[data-testid="kp-eligible-row"][data-employee-id="${p.employeeId}"]`);
        await expect.poll(() => page.getByTestId('kp-eligible-row').count()).toBe(1);
        await row.getByTestId('kp-select').check();
      }
      expect(await page.getByTestId('kp-propose').textContent()).toBe('Usulkan (2)');
      await page.getByTestId('kp-propose').click();
      const dialog = page.getByTestId('kp-propose-dialog');
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain(complete.nama);
      expect(await dialog.textContent()).toContain(partial.nama);
      await shot(page, '3-propose-dialog');
      await page.getByTestId('kp-propose-confirm').click();

      const result = page.getByTestId('kp-propose-result');
      await result.waitFor();
      batchId = Number(await result.getAttribute('data-batch-id'));
      const rowOf = (p: Pick) => result.locator('[data-testid="kp-result-row"]', { hasText: p.nama });
      completeId = Number(await rowOf(complete).getAttribute('data-request-id'));
      partialId = Number(await rowOf(partial).getAttribute('data-request-id'));
      expect(await rowOf(complete).getAttribute('data-missing')).toBe('0');
      expect(await rowOf(partial).getByTestId('kp-result-missing').evaluateAll((els) => els.map((e) => e.getAttribute('data-key')))).toEqual(['IJAZAH']);
      await shot(page, '4-propose-result');

      // The batch on the proposals tab; nothing can be submitted while the diploma is missing there.
      await page.getByTestId('kp-result-open-batch').click();
      await page.getByTestId('kp-batch-filter').waitFor();
      await expect.poll(() => page.getByTestId('request-row').count()).toBe(2);
      const batch = page.locator(`[data-testid="kp-batch"][data-batch-id="${batchId}"]`);
      expect(await batch.locator('[data-testid="kp-batch-state"][data-state="DRAFT"]').getAttribute('data-count')).toBe('2');
      await shot(page, '5-proposals-batch');

      // Proposing one of them again: refused, with a link to the existing proposal.
      await page.getByTestId('kp-tab-syarat').click();
      await page.getByTestId('kp-q').fill(complete.nip);
      const again = page.locator(`[data-testid="kp-eligible-row"][data-employee-id="${complete.employeeId}"]`);
      await again.getByTestId('kp-row-proposal').waitFor();
      expect(await again.getByTestId('kp-select').isDisabled()).toBe(true);

      // The diploma is uploaded from the request page.
      await page.goto(`${server.url}/usulan/${partialId}`);
      await item(page, 'IJAZAH').waitFor();
      expect(await page.getByTestId('kp-details').textContent()).toContain('KP Reguler');
      expect(await page.getByTestId('kp-rank-to').textContent()).toContain(partial.to);
      expect(await page.getByTestId('action-submit').getAttribute('data-enabled')).toBe('false');
      await item(page, 'IJAZAH').getByTestId('item-replace').click();
      const attach = page.getByTestId('item-document-dialog');
      await attach.waitFor();
      await attach.locator('input[type="file"]').setInputFiles({ name: 'ijazah-s1.pdf', mimeType: 'application/pdf', buffer: tinyPdf('Ijazah S1') });
      await attach.getByTestId('item-upload-submit').click();
      await attach.locator('input[data-testid="item-doc-option"]:checked').waitFor({ state: 'attached' });
      await attach.getByTestId('item-save').click();
      await item(page, 'IJAZAH').getByTestId('item-document-name').waitFor();
      await expect.poll(() => page.getByTestId('action-submit').getAttribute('data-enabled')).toBe('true');
      await shot(page, '6-request-draft-opd');

      // Both submitted as one batch.
      await page.goto(`${server.url}/pangkat?tab=usulan&batch=${batchId}`);
      await batch.getByTestId('kp-batch-submit').click();
      await page.getByTestId('kp-batch-submit-confirm').click();
      const outcome = page.getByTestId('batch-result');
      await outcome.waitFor();
      expect(await outcome.locator('[data-testid="batch-result-row"][data-ok="true"]').count()).toBe(2);
      await shot(page, '7-batch-submitted');
      await page.keyboard.press('Escape');
      await expect.poll(() => batch.locator('[data-testid="kp-batch-state"][data-state="DIAJUKAN"]').getAttribute('data-count')).toBe('2');
    } finally {
      await context.close();
    }
  });

  it('the verifier marks one document invalid and returns the proposal', async () => {
    const { context, page } = await world!.signIn(DEMO_USERNAMES.bkdVerifier);
    try {
      await page.getByTestId('nav-pangkat').click();
      await page.getByTestId('kp-tab-usulan').click();
      await page.getByTestId('kp-proposals-q').fill(complete.nip);
      await page.locator(`[data-testid="request-row"][data-request-id="${completeId}"]`).waitFor();
      expect(await fitsWidth(page)).toBe(true);
      await shot(page, '8-proposals-verifier');

      await page.locator(`[data-testid="request-row"][data-request-id="${completeId}"]`).getByTestId('request-link').click();
      await page.waitForURL(new RegExp(`/usulan/${completeId}$`));
      await item(page, INVALID_KEY).getByTestId('verdict-invalid').click();
      await page.getByTestId('verdict-note').fill(INVALID_NOTE);
      await page.getByTestId('verdict-confirm').click();
      await page.locator(`[data-testid="checklist-item"][data-key="${INVALID_KEY}"][data-verdict="INVALID"]`).waitFor();
      await page.getByTestId('action-return_incomplete').click();
      await page.getByTestId('action-confirm').click();
      await status(page, 'DIKEMBALIKAN').waitFor();
      await shot(page, '9-returned-verifier');
    } finally {
      await context.close();
    }
  });

  it('the OPD admin replaces the document and resubmits', async () => {
    const { context, page } = await world!.signIn(DEMO_USERNAMES.dinkesAdmin);
    try {
      await page.goto(`${server.url}/usulan/${completeId}`);
      await page.getByTestId('checklist-invalid-alert').waitFor();
      expect(await page.getByTestId('checklist-invalid-alert').textContent()).toContain(INVALID_NOTE);
      await item(page, INVALID_KEY).getByTestId('item-replace').click();
      const dialog = page.getByTestId('item-document-dialog');
      await dialog.waitFor();
      await dialog.locator('input[type="file"]').setInputFiles({ name: 'sk-pns-lengkap.pdf', mimeType: 'application/pdf', buffer: tinyPdf('SK PNS lengkap') });
      await dialog.getByTestId('item-upload-submit').click();
      await dialog.locator('input[data-testid="item-doc-option"]:checked').waitFor({ state: 'attached' });
      await dialog.getByTestId('item-save').click();
      await page.locator(`[data-testid="checklist-item"][data-key="${INVALID_KEY}"][data-verdict="PENDING"]`).waitFor();
      await expect.poll(() => page.getByTestId('action-submit').getAttribute('data-enabled')).toBe('true');
      await page.getByTestId('action-submit').click();
      await page.getByTestId('action-dialog-submit').waitFor();
      await page.getByTestId('action-confirm').click();
      await status(page, 'DIAJUKAN').waitFor();
      await shot(page, '10-resubmitted-opd');
    } finally {
      await context.close();
    }
  });

  it('the verifier judges everything valid, approves and records the pertek', async () => {
    const { context, page } = await world!.signIn(DEMO_USERNAMES.bkdVerifier);
    try {
      await page.goto(`${server.url}/usulan/${completeId}`);
      await item(page, INVALID_KEY).waitFor();
      await judgeAllValid(page);
      await expect.poll(() => page.getByTestId('action-approve').getAttribute('data-enabled')).toBe('true');
      await page.getByTestId('action-approve').click();
      await page.getByTestId('action-confirm').click();
      await status(page, 'DISETUJUI').waitFor();

      await page.getByTestId('action-record_pertek').click();
      const dialog = page.getByTestId('action-dialog-record_pertek');
      await dialog.waitFor();
      // Both fields are required.
      await dialog.getByTestId('action-confirm').click();
      await dialog.getByText('Wajib diisi.').first().waitFor();
      await dialog.getByTestId('kp-pertek-nomor-input').fill(PERTEK.nomor);
      await chooseDate(page, 'kp-pertek-tanggal-input', PERTEK.tanggal);
      await shot(page, '11-pertek-dialog');
      await dialog.getByTestId('action-confirm').click();
      await status(page, 'PERTEK').waitFor();
      expect(await page.getByTestId('kp-pertek-nomor').textContent()).toBe(PERTEK.nomor);
      // Recording the SK is the BKD admin's.
      expect(await page.getByTestId('action-record_sk').count()).toBe(0);
      await shot(page, '12-pertek-recorded');
    } finally {
      await context.close();
    }
  });

  it('the BKD admin records the SK with the signed PDF; the summary letter verifies by QR', async () => {
    const { context, page } = await world!.signIn(DEMO_USERNAMES.bkdAdmin);
    try {
      await page.goto(`${server.url}/usulan/${completeId}`);
      await page.getByTestId('action-record_sk').click();
      const dialog = page.getByTestId('action-dialog-record_sk');
      await dialog.waitFor();
      expect(await dialog.getByTestId('kp-sk-pertek-known').textContent()).toContain(PERTEK.nomor);
      expect(await dialog.getByTestId('kp-sk-gaji').textContent()).toMatch(/^Rp \d/);
      await dialog.getByTestId('kp-sk-nomor-input').fill(NOMOR_SK);
      await chooseDate(page, 'kp-sk-tanggal-input', '25/11/2026');
      const dir = mkdtempSync(path.join(tmpdir(), 'kp-sk-'));
      const file = path.join(dir, 'sk-kenaikan-pangkat.pdf');
      writeFileSync(file, tinyPdf(`SK ${NOMOR_SK}`));
      await dialog.locator('input[type="file"]').setInputFiles(file);
      await shot(page, '13-sk-dialog');
      await dialog.getByTestId('action-confirm').click();
      await status(page, 'SK_TERBIT').waitFor();
      expect(await page.getByTestId('kp-sk-nomor').textContent()).toBe(NOMOR_SK);
      expect(await page.getByTestId('kp-sk-golongan').textContent()).toContain(complete.to);

      // The worker renders the summary; the page re-reads until it is ready.
      await page.locator('[data-testid="kp-letter"][data-ready="true"]').waitFor({ timeout: 60_000 });
      expect(await fitsWidth(page)).toBe(true);
      await shot(page, '14-sk-recorded');
      const verifyHref = await page.getByTestId('kp-letter-verify').getAttribute('href');
      expect(verifyHref).toMatch(/^\/verifikasi\/surat\/[\w-]+$/);
      const publicPage = await context.newPage();
      await publicPage.goto(`${server.url}${verifyHref}`);
      const text = await publicPage.locator('body').textContent();
      expect(text).toContain(`(${complete.to})`);
      expect(text).toContain(NOMOR_SK);
      await shot(publicPage, '15-verify-page');

      // The report counts it.
      await page.goto(`${server.url}/pangkat?tab=rekap`);
      await page.getByTestId('kp-report-table').waitFor();
      expect(Number(await page.getByTestId('kp-report-total').getByTestId('kp-report-skRecorded').getAttribute('data-count'))).toBeGreaterThanOrEqual(1);
      expect(await page.getByTestId('kp-report-xlsx').getAttribute('href')).toBe(`/api/pangkat/report?period=${PERIOD}&format=xlsx`);
      expect(await fitsWidth(page)).toBe(true);
      await shot(page, '16-report');
      await page.getByTestId('kp-tab-periode').click();
      await page.getByTestId('kp-periods-table').waitFor();
      await shot(page, '17-periods');

      // A window of its own for 1 February 2027 (e.g. a BKN announcement), then back to the rule.
      const feb = page.locator('[data-testid="kp-period-row"][data-period="2027-02-01"]');
      expect(await feb.getAttribute('data-source')).toBe('ATURAN');
      await feb.getByTestId('kp-period-set').click();
      await page.getByTestId('kp-window-form').waitFor();
      await chooseDate(page, 'kp-window-opens', '15/12/2026');
      await chooseDate(page, 'kp-window-closes', '10/01/2027');
      await page.getByTestId('kp-window-note').fill('Pengumuman BKN nomor 01/PENG/2026');
      await shot(page, '17b-window-form');
      await page.getByTestId('kp-window-save').click();
      await page.locator('[data-testid="kp-period-row"][data-period="2027-02-01"][data-source="DITETAPKAN"]').waitFor();
      expect(await feb.getByTestId('kp-period-window').textContent()).toBe('15 Desember 2026 – 10 Januari 2027');
      await feb.getByTestId('kp-period-clear').click();
      await page.getByTestId('kp-clear-confirm').click();
      await page.locator('[data-testid="kp-period-row"][data-period="2027-02-01"][data-source="ATURAN"]').waitFor();
      expect(await feb.getByTestId('kp-period-window').textContent()).toBe('1 Desember 2026 – 31 Desember 2026');
    } finally {
      await context.close();
    }
  });

  it('the employee sees the new rank on the profile and the proposal among their own', async () => {
    const { context, page } = await world!.signIn(asnUsername, PASSWORD);
    try {
      const card = page.getByTestId('my-kp');
      await card.waitFor();
      expect(await card.getByTestId('my-kp-golongan').textContent()).toContain(complete.to);
      expect(await card.getByTestId('my-kp-proposal-state').getAttribute('data-state')).toBe('SK_TERBIT');
      await shot(page, '18-home-asn');
      await page.getByTestId('nav-profile').click();
      await page.getByTestId('employee-profile').waitFor();
      expect(await page.getByTestId('profile-golongan').textContent()).toBe('III/b (Penata Muda Tingkat I)');
      await page.getByTestId('tab-pangkat').click();
      await page.getByTestId('my-kp').waitFor();
      const history = page.locator('table tbody tr').first();
      await history.waitFor();
      expect(await history.textContent()).toContain(NOMOR_SK);
      await shot(page, '19-profile-asn');
      await page.getByTestId('nav-proposals').click();
      await page.locator(`[data-testid="request-row"][data-request-id="${completeId}"]`).waitFor();
    } finally {
      await context.close();
    }
    const e = await server.ctx.db.employee.findUniqueOrThrow({ where: { id: complete.employeeId } });
    expect(e.golongan).toBe(complete.to);
  });
});

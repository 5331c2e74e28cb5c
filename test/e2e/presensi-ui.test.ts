/**
 * Attendance in a phone browser (390×844) with Chromium's geolocation override: the featured ASN
 * opens Presensi 500 m from her office and is refused with the reason and the distance, walks in
 * and is accepted (stamped with the server's instant, not the phone's clock); she records an
 * activity, which her atasan approves from "Tim hari ini" (the team's day also on his home). The
 * BKD admin's set-up page is shown too. The server's instant is fixed (ctx.now), so the test does
 * not depend on the time it runs.
 *
 * Runs on its own database (created, migrated and seeded here, dropped afterwards).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERNAMES } from '../../prisma/seed/demo.ts';
import { seedAktivitasDemo } from '../../prisma/seed/aktivitas-demo.ts';
import { submitLogin } from '../support/browser.ts';
import { TEST_TODAY } from '../support/app.ts';
import { screenshotter, startDemoWorld, type DemoWorld } from '../support/demo-world.ts';

let world: DemoWorld | undefined;
const shot = screenshotter('presensi');
const M = 1 / 111_195.08; // degrees of latitude per metre
let office: { lat: number; lon: number; radiusM: number };
const UURAIAN = 'Menyusun rekap presensi bidang (uji peramban)';

beforeAll(async () => {
  world = await startDemoWorld('presensi');
  const db = world.server.ctx.db;
  await seedAktivitasDemo(db, () => undefined, TEST_TODAY);
  const siti = await db.user.findUniqueOrThrow({ where: { username: DEMO_USERNAMES.asn }, select: { employee: { select: { opd: { select: { latitude: true, longitude: true, radiusM: true } } } } } });
  const o = siti.employee!.opd;
  office = { lat: Number(o.latitude), lon: Number(o.longitude), radiusM: o.radiusM! };
  // Monday 30 November 2026, 07:40 WIB, whatever the machine's clock says.
  world.server.ctx.now = () => new Date('2026-11-30T00:40:00Z');
});

afterAll(async () => {
  await world?.stop();
});

/** A phone-sized context with the position granted and set, signed in through the login page. */
async function phone(username: string, north: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await world!.browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    permissions: ['geolocation'],
    geolocation: { latitude: office.lat + north * M, longitude: office.lon, accuracy: 12 },
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  await page.goto(`${world!.server.url}/login`);
  await submitLogin(page, username, DEMO_PASSWORD);
  await page.getByTestId('home-title').waitFor();
  return { context, page };
}

describe('check-in from a phone', () => {
  it('refused 500 m away with the reason and the distance; accepted inside, with the server time', async () => {
    const { context, page } = await phone(DEMO_USERNAMES.asn, 500);
    try {
      await page.goto(`${world!.server.url}/presensi`);
      await page.locator('[data-testid="checkin-fence"][data-inside="false"]').waitFor();
      expect(await page.getByTestId('checkin-fence').textContent()).toMatch(/Di luar area kantor: 50\d m/);
      await shot(page, '1-outside');
      await page.getByTestId('checkin-submit').click();
      await page.getByTestId('checkin-refusal').waitFor();
      expect(await page.getByTestId('checkin-refusal-reason').textContent()).toMatch(/^Anda berada 50\d m dari kantor, di luar radius \d+ m\.$/);
      expect(await page.getByTestId('checkin-refusal-distance').textContent()).toMatch(/^Jarak: 50\d m$/);
      await shot(page, '2-refused');
      const refused = await world!.server.ctx.db.presensi.findFirstOrThrow({ where: { accepted: false }, orderBy: { id: 'desc' } });
      expect(refused.distanceM).toBeGreaterThanOrEqual(500);

      await context.setGeolocation({ latitude: office.lat + 15 * M, longitude: office.lon, accuracy: 8 });
      await page.getByTestId('checkin-locate').click();
      await page.locator('[data-testid="checkin-fence"][data-inside="true"]').waitFor();
      await page.getByTestId('checkin-submit').click();
      await page.getByTestId('checkin-masuk').getByText('07.40 WIB').waitFor();
      await page.getByTestId('checkin-refusal').waitFor({ state: 'detached' });
      // Checked in: the next action is the check-out.
      expect(await page.getByTestId('checkin-submit').textContent()).toContain('Presensi pulang');
      await shot(page, '3-accepted');
      const row = await world!.server.ctx.db.presensi.findFirstOrThrow({ where: { accepted: true }, orderBy: { id: 'desc' } });
      expect(row.at.toISOString()).toBe('2026-11-30T00:40:00.000Z');
      expect(row.tanggal.toISOString().slice(0, 10)).toBe('2026-11-30');
    } finally {
      await context.close();
    }
  });

  it('the page is installable: manifest with name, icons and theme', async () => {
    const res = await fetch(`${world!.server.url}/manifest.webmanifest`);
    expect(res.status).toBe(200);
    const manifest = (await res.json()) as { name: string; theme_color: string; icons: { sizes: string }[]; start_url: string };
    expect(manifest).toMatchObject({ name: expect.stringContaining('SIMAK'), theme_color: '#2b5a9e', start_url: '/presensi' });
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    const sw = await (await fetch(`${world!.server.url}/sw.js`)).text();
    expect(sw).toContain('denylist');
    expect(sw).not.toMatch(/registerRoute\([^)]*\/api/);
  });
});

describe('daily activity approved by the atasan', () => {
  it('the ASN records an activity; the atasan sees the team today and approves it', async () => {
    const asn = await phone(DEMO_USERNAMES.asn, 10);
    try {
      await asn.page.goto(`${world!.server.url}/aktivitas`);
      await asn.page.getByTestId('aktivitas-form').waitFor();
      await asn.page.getByTestId('aktivitas-uraian').fill(UURAIAN);
      await asn.page.getByTestId('aktivitas-output').fill('Rekap 12 pegawai');
      await asn.page.getByTestId('aktivitas-submit').click();
      await asn.page.getByTestId('aktivitas-list').getByText(UURAIAN).waitFor();
      await shot(asn.page, '4-aktivitas');
    } finally {
      await asn.context.close();
    }

    const boss = await phone(DEMO_USERNAMES.atasan, 10);
    try {
      await boss.page.getByTestId('home-team-today').getByTestId('team-count-TERLAMBAT').waitFor();
      expect(await boss.page.getByTestId('home-team-today').getByTestId('team-count-TERLAMBAT').textContent()).toMatch(/^[1-9]\d*Terlambat$/);
      await shot(boss.page, '5-home-atasan');
      await boss.page.goto(`${world!.server.url}/tim`);
      await boss.page.locator('[data-testid="team-row"][data-status="TERLAMBAT"]').filter({ hasText: 'Siti Rahmawati' }).waitFor();
      await shot(boss.page, '6-tim-hari-ini');
      await boss.page.getByTestId('tim-tab-aktivitas').click();
      const item = boss.page.getByTestId('aktivitas-item').filter({ hasText: UURAIAN });
      await item.waitFor();
      await shot(boss.page, '7-review-queue');
      await item.getByTestId('review-approve').click();
      await item.waitFor({ state: 'detached' });
      const row = await world!.server.ctx.db.aktivitasHarian.findFirstOrThrow({ where: { uraian: UURAIAN } });
      expect(row.status).toBe('DISETUJUI');
      expect(await world!.server.ctx.db.auditLog.count({ where: { action: 'aktivitas.approved', entityId: String(row.id) } })).toBe(1);
    } finally {
      await boss.context.close();
    }
  });

  it('the BKD admin sets work locations, the regency\'s and an OPD\'s hours, and holidays', async () => {
    const admin = await world!.signIn(DEMO_USERNAMES.bkdAdmin);
    try {
      await admin.page.goto(`${world!.server.url}/admin/presensi`);
      await admin.page.getByTestId('locations-table').waitFor();
      await admin.page.getByRole('tab', { name: 'Jam kerja' }).click();
      await admin.page.getByText('Jam kerja mingguan (WIB)').waitFor();
      await shot(admin.page, '8-admin-jadwal');
      // An OPD's own hours (e.g. an RSUD): 08:00–14:00 Monday to Saturday instead of the regency's.
      const db = world!.server.ctx.db;
      const opd = await db.opd.findFirstOrThrow({ where: { parentId: { not: null } }, orderBy: { nama: 'asc' }, select: { id: true, nama: true } });
      const card = admin.page.getByTestId('opd-schedule');
      await card.getByPlaceholder('Pilih OPD').click();
      await admin.page.getByRole('option', { name: opd.nama, exact: true }).click();
      const editor = card.getByTestId('opd-schedule-editor');
      await editor.getByText('Ikuti jadwal kabupaten').waitFor();
      await editor.getByText('Jam kerja sendiri').click();
      for (const d of ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu']) {
        await editor.getByRole('checkbox', { name: d }).check();
        await editor.getByLabel(`Jam masuk ${d}`).fill('08:00');
        await editor.getByLabel(`Jam pulang ${d}`).fill('14:00');
      }
      await shot(admin.page, '9-admin-jadwal-opd');
      await editor.getByTestId('opd-schedule-save').click();
      await expect
        .poll(async () => (await db.jadwalKerjaOpd.findMany({ where: { opdId: opd.id }, orderBy: { hari: 'asc' } })).map((r) => [r.hari, r.jamMasuk, r.jamPulang]), { timeout: 10_000 })
        .toEqual([1, 2, 3, 4, 5, 6].map((h) => [h, '08:00', '14:00']));
      await shot(admin.page, '10-admin-jadwal-opd-saved');
      expect(await db.auditLog.count({ where: { action: 'jadwal_kerja_opd.replaced', entityId: String(opd.id) } })).toBe(1);

      // The regency's own week: Friday until 11:30; a week without a working day cannot be saved.
      const regency = admin.page.getByTestId('regency-schedule');
      await regency.getByTestId('regency-schedule-edit').click();
      const week = regency.getByTestId('regency-schedule-editor');
      const worked = await db.jadwalKerja.findMany({ orderBy: { hari: 'asc' } });
      for (const d of ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu']) await week.getByRole('checkbox', { name: d }).uncheck();
      expect(await week.getByTestId('regency-schedule-save').isDisabled()).toBe(true);
      await week.getByText('Centang paling sedikit satu hari kerja.').waitFor();
      for (const r of worked) await week.getByTestId(`regency-day-${r.hari}`).getByRole('checkbox').check();
      await week.getByLabel('Jam pulang Jumat').fill('11:30');
      await shot(admin.page, '11-admin-jadwal-kabupaten');
      await week.getByTestId('regency-schedule-save').click();
      await week.waitFor({ state: 'detached' });
      await regency.getByText('07.30–11.30').waitFor();
      const after = await db.jadwalKerja.findMany({ orderBy: { hari: 'asc' } });
      expect(after.map((r) => [r.hari, r.jamMasuk, r.jamPulang])).toEqual(worked.map((r) => [r.hari, r.jamMasuk, r.hari === 5 ? '11:30' : r.jamPulang]));
      expect(await db.auditLog.count({ where: { action: 'jadwal_kerja.replaced' } })).toBe(1);
    } finally {
      await admin.context.close();
    }
  });
});

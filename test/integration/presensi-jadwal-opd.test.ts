/**
 * Per-OPD weekly working hours (jadwal_kerja_opd): an OPD with its own rows (here 08:00–15:00,
 * Monday to Saturday) overrides the regency's table (07:30, Monday to Friday) for its employees —
 * in the check-in decision, the day view, the month view, the atasan's team and the monthly recap.
 */
import supertest from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAgent, post, put, type TestApp } from '../support/app.ts';
import { createAsn, createOpd, createUser, PASSWORD } from '../support/factories.ts';

let t: TestApp;
beforeAll(() => {
  t = buildTestApp();
});
afterAll(() => t.close());
afterEach(() => {
  delete t.ctx.now;
});

const at = (iso: string) => {
  t.ctx.now = () => new Date(iso);
};
const OFFICE = { lat: -8.1335, lon: 113.2248 };
const reading = (jenis = 'MASUK') => ({ jenis, latitude: OFFICE.lat, longitude: OFFICE.lon, accuracy: 10 });
const RSUD_HOURS = [1, 2, 3, 4, 5, 6].map((hari) => ({ hari, jamMasuk: '08:00', jamPulang: '15:00' }));

async function world() {
  const own = await createOpd(t.db, { nama: 'RSUD Uji' });
  const regency = await createOpd(t.db);
  for (const o of [own, regency]) await t.db.opd.update({ where: { id: o.id }, data: { latitude: OFFICE.lat, longitude: OFFICE.lon, radiusM: 100 } });
  const boss = await createAsn(t.db, regency.id);
  const a = await createAsn(t.db, own.id, { atasanId: boss.employee.id });
  const b = await createAsn(t.db, regency.id, { atasanId: boss.employee.id });
  const login = (u: { username: string }) => loginAgent(t.app, u.username, PASSWORD);
  const admin = await login(await createUser(t.db, { roles: ['BKD_ADMIN'] }));
  return { own, regency, boss: await login(boss.user), a, b, meA: await login(a.user), meB: await login(b.user), admin, login };
}

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});

describe('routes: an OPD\'s weekly hours (BKD_ADMIN)', () => {
  it('401 without a session, 403 for a verifier and an ASN, 404 for an unknown OPD, 422 for hours ending before they start', async () => {
    const url = `/api/presensi/opd-schedules/${w.own.id}`;
    expect((await supertest(t.app).get(url)).status).toBe(401);
    expect((await supertest(t.app).put(url).send({ items: RSUD_HOURS })).status).toBe(401);
    const verifier = await w.login(await createUser(t.db, { roles: ['BKD_VERIFIER'] }));
    expect((await verifier.get(url)).status).toBe(403);
    expect((await put(verifier, url, { items: RSUD_HOURS })).status).toBe(403);
    expect((await put(w.meA, url, { items: RSUD_HOURS })).status).toBe(403);
    expect((await w.admin.get('/api/presensi/opd-schedules/99999999')).status).toBe(404);
    expect((await put(w.admin, '/api/presensi/opd-schedules/99999999', { items: RSUD_HOURS })).status).toBe(404);
    for (const bad of [{ hari: 1, jamMasuk: '15:00', jamPulang: '08:00' }, { hari: 1, jamMasuk: '08:00', jamPulang: '08:00' }, { hari: 1, jamMasuk: '8:00', jamPulang: '15:00' }, { hari: 8, jamMasuk: '08:00', jamPulang: '15:00' }]) {
      const r = await put(w.admin, url, { items: [bad] });
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBeTruthy();
    }
    expect((await put(w.admin, url, { items: [RSUD_HOURS[0], RSUD_HOURS[0]] })).status).toBe(422);
    expect(await t.db.jadwalKerjaOpd.count({ where: { opdId: w.own.id } })).toBe(0);
  });

  it('reads (follows the regency), replaces (own hours), back to the regency; each change audited', async () => {
    const url = `/api/presensi/opd-schedules/${w.own.id}`;
    const first = await w.admin.get(url);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ opdId: w.own.id, kode: w.own.kode, ikutKabupaten: true, items: [] });
    expect(first.body.kabupaten).toContainEqual({ hari: 1, jamMasuk: '07:30', jamPulang: '16:00' });
    const back = await put(w.admin, url, { items: [] });
    expect(back.status).toBe(200);
    const set = await put(w.admin, url, { items: RSUD_HOURS });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ ikutKabupaten: false, items: RSUD_HOURS });
    expect((await w.admin.get(url)).body.items).toEqual(RSUD_HOURS);
    const audits = await t.db.auditLog.findMany({ where: { action: 'jadwal_kerja_opd.replaced', entityId: String(w.own.id) }, orderBy: { id: 'asc' } });
    expect(audits).toHaveLength(2);
    expect(audits[1]!.after).toEqual(RSUD_HOURS);
    // The regency's table and the other OPD are untouched.
    expect((await w.admin.get(`/api/presensi/opd-schedules/${w.regency.id}`)).body).toMatchObject({ ikutKabupaten: true, items: [] });
  });
});

describe('the OPD\'s hours decide attendance (after the replacement above)', () => {
  it('07:45 WIB is on time for the OPD starting at 08:00 and 15 minutes late on the regency\'s 07:30', async () => {
    at('2026-11-03T00:45:00Z'); // Tuesday 07:45 WIB
    const a = await post(w.meA, '/api/presensi', reading());
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ tanggal: '2026-11-03', menit: 0 });
    const b = await post(w.meB, '/api/presensi', reading());
    expect(b.status).toBe(201);
    expect(b.body).toMatchObject({ tanggal: '2026-11-03', menit: 15 });
  });

  it('the day view shows the OPD\'s hours; a Saturday is a working day for the OPD only', async () => {
    at('2026-11-07T00:55:00Z'); // Saturday 07:55 WIB
    const a = await w.meA.get('/api/presensi/today');
    expect(a.body).toMatchObject({ workingDay: true, schedule: { jamMasuk: '08:00', jamPulang: '15:00', special: null } });
    const b = await w.meB.get('/api/presensi/today');
    expect(b.body).toMatchObject({ workingDay: false, schedule: null });
    expect((await post(w.meA, '/api/presensi', reading())).status).toBe(201);
    const refused = await post(w.meB, '/api/presensi', reading());
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('presensi_not_working_day');
  });

  it('a special schedule still wins over the OPD\'s own hours', async () => {
    const special = await t.db.jadwalKhusus.create({ data: { nama: 'Apel uji', mulai: new Date('2026-11-10'), selesai: new Date('2026-11-10'), items: [{ hari: 2, jamMasuk: '07:00', jamPulang: '12:00' }] } });
    at('2026-11-10T00:10:00Z'); // Tuesday 07:10 WIB
    expect((await w.meA.get('/api/presensi/today')).body.schedule).toEqual({ jamMasuk: '07:00', jamPulang: '12:00', special: 'Apel uji' });
    await t.db.jadwalKhusus.delete({ where: { id: special.id } });
  });

  it('the atasan\'s team: each member judged by their own OPD\'s hours', async () => {
    at('2026-11-03T02:00:00Z'); // Tuesday 09:00 WIB
    const team = await w.boss.get('/api/aktivitas/team');
    expect(team.status).toBe(200);
    const item = (id: number) => team.body.items.find((i: { employeeId: number }) => i.employeeId === id);
    expect(item(w.a.employee.id)).toMatchObject({ status: 'HADIR', masuk: { terlambatMenit: 0 } });
    expect(item(w.b.employee.id)).toMatchObject({ status: 'TERLAMBAT', masuk: { terlambatMenit: 15 } });
    at('2026-11-07T03:00:00Z'); // Saturday 10:00 WIB
    const sat = await w.boss.get('/api/aktivitas/team');
    expect(sat.body.items.find((i: { employeeId: number }) => i.employeeId === w.a.employee.id).status).toBe('HADIR');
    expect(sat.body.items.find((i: { employeeId: number }) => i.employeeId === w.b.employee.id).status).toBe('LIBUR');
  });

  it('the month view: Saturdays are working days for the OPD with its own hours only', async () => {
    const day = (m: { body: { days: { tanggal: string; status: string }[] } }, d: string) => m.body.days.find((x) => x.tanggal === d)?.status;
    const a = await w.meA.get('/api/presensi/me?month=2026-11');
    const b = await w.meB.get('/api/presensi/me?month=2026-11');
    expect(day(a, '2026-11-07')).toBe('HADIR');
    expect(day(a, '2026-11-08')).toBe('LIBUR');
    expect(day(b, '2026-11-07')).toBe('LIBUR');
  });

  it('the monthly recap: working days and late minutes follow each OPD\'s hours', async () => {
    // November 2026 (no holiday): Mon–Fri = 21 days; Mon–Sat = 25.
    const row = (r: { body: { rows: { employee: { id: number } }[] } }, id: number) => r.body.rows.find((x) => x.employee.id === id);
    const own = await w.admin.get(`/api/rekap/presensi?month=2026-11&opd=${w.own.kode}`);
    expect(own.status).toBe(200);
    expect(own.body.hariKerja).toBe(25);
    expect(row(own, w.a.employee.id)).toMatchObject({ hariKerja: 25, hadir: 2, terlambatHari: 0, terlambatMenit: 0 });
    expect(own.body.opds[0]).toMatchObject({ hariKerja: 25, pegawai: 1 });
    const reg = await w.admin.get(`/api/rekap/presensi?month=2026-11&opd=${w.regency.kode}`);
    expect(reg.body.hariKerja).toBe(21);
    expect(row(reg, w.b.employee.id)).toMatchObject({ hariKerja: 21, hadir: 1, terlambatHari: 1, terlambatMenit: 15 });
    expect(own.body.hariKerjaRange).toEqual({ min: 25, max: 25 });
    expect(reg.body.hariKerjaRange).toEqual({ min: 21, max: 21 });
    // All OPDs at once: each employee keeps their OPD's working days; the headline gives their range
    // (other test files' OPDs share the database, so only its bounds are fixed here).
    const all = await w.admin.get('/api/rekap/presensi?month=2026-11');
    expect(all.body.hariKerja).toBe(21);
    expect(all.body.hariKerjaRange.min).toBeLessThanOrEqual(21);
    expect(all.body.hariKerjaRange.max).toBeGreaterThanOrEqual(25);
    expect(row(all, w.a.employee.id)).toMatchObject({ hariKerja: 25 });
    expect(row(all, w.b.employee.id)).toMatchObject({ hariKerja: 21 });
    // Unexcused days too are counted on the OPD's working days, from the attendance start to the app's
    // today. The start is regency-wide (a setting, else the first accepted reading of anyone, which
    // other test files move), so the exact figures are not fixed here; the Saturdays after it count for
    // A only: A's unexcused days (its Mon–Sat less 2 present) exceed B's (Mon–Fri less 1 present).
    const tk = (r: typeof own, id: number) => (row(r, id) as unknown as { tanpaKeterangan: number }).tanpaKeterangan;
    expect(tk(all, w.a.employee.id)).toBeGreaterThan(tk(all, w.b.employee.id));
    expect(tk(all, w.a.employee.id)).toBeLessThanOrEqual(25 - 2);
  });
});

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

/** The server's instant for the next requests. */
const at = (iso: string) => {
  t.ctx.now = () => new Date(iso);
};

const OFFICE = { lat: -8.1335, lon: 113.2248 };
const M = 1 / 111_195.08; // degrees of latitude per metre
const reading = (north: number, extra: Record<string, unknown> = {}) => ({ jenis: 'MASUK', latitude: OFFICE.lat + north * M, longitude: OFFICE.lon, accuracy: 12, ...extra });

async function world() {
  const opd = await createOpd(t.db);
  await t.db.opd.update({ where: { id: opd.id }, data: { latitude: OFFICE.lat, longitude: OFFICE.lon, radiusM: 100 } });
  const asn = await createAsn(t.db, opd.id);
  return { opd, asn, me: await loginAgent(t.app, asn.username, PASSWORD) };
}

describe('check-in/out', () => {
  it('401 without a session; 404 for an account without an employee record', async () => {
    expect((await supertest(t.app).post('/api/presensi').send(reading(0))).status).toBe(401);
    expect((await supertest(t.app).get('/api/presensi/me')).status).toBe(401);
    const bkd = await loginAgent(t.app, (await createUser(t.db, { roles: ['BKD_VERIFIER'] })).username, PASSWORD);
    expect((await post(bkd, '/api/presensi', reading(0))).status).toBe(404);
  });

  it('inside and in time: accepted with the server time (the phone clock ignored) and the minutes late; once a day', async () => {
    const w = await world();
    at('2026-11-30T00:42:00Z'); // Monday 07:42 WIB
    const r = await post(w.me, '/api/presensi', reading(40, { clientTime: '2020-01-01T07:00:00+07:00' }));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ accepted: true, tanggal: '2026-11-30', at: '2026-11-30T00:42:00.000Z', distanceM: 40, menit: 12 });
    expect((await post(w.me, '/api/presensi', reading(10))).status).toBe(409);
    at('2026-11-30T09:10:00Z'); // 16:10 WIB
    const out = await post(w.me, '/api/presensi', reading(5, { jenis: 'PULANG' }));
    expect(out.status).toBe(201);
    expect(out.body.menit).toBe(0);
    expect(await t.db.auditLog.count({ where: { action: 'presensi.masuk', employeeId: w.asn.employee.id } })).toBe(1);
  });

  it('outside the radius or with poor accuracy: refused with the reason and the distance, and logged', async () => {
    const w = await world();
    at('2026-11-30T00:20:00Z');
    const far = await post(w.me, '/api/presensi', reading(349.6));
    expect(far.status).toBe(422);
    expect(far.body.error).toMatchObject({ code: 'presensi_outside', message: 'Anda berada 350 m dari kantor, di luar radius 100 m.' });
    expect(far.body.error.details).toMatchObject({ distanceM: 350, radiusM: 100 });
    const blurry = await post(w.me, '/api/presensi', reading(10, { accuracy: 500 }));
    expect(blurry.status).toBe(422);
    expect(blurry.body.error.code).toBe('presensi_poor_accuracy');
    const log = await t.db.presensi.findMany({ where: { employeeId: w.asn.employee.id }, orderBy: { id: 'asc' } });
    expect(log.map((l) => [l.accepted, l.distanceM, l.reason != null])).toEqual([
      [false, 350, true],
      [false, 10, true],
    ]);
    // Refusals do not use up the day: inside, it is accepted.
    expect((await post(w.me, '/api/presensi', reading(0))).status).toBe(201);
  });

  it('23:59 UTC is the next day in WIB; a Saturday is refused', async () => {
    const w = await world();
    at('2026-11-30T23:59:00Z');
    const r = await post(w.me, '/api/presensi', reading(0));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ tanggal: '2026-12-01', menit: 0 });
    at('2026-12-05T00:30:00Z');
    const sat = await post(w.me, '/api/presensi', reading(0));
    expect(sat.status).toBe(422);
    expect(sat.body.error.code).toBe('presensi_not_working_day');
  });

  it('the month marks approved leave days as excused, unrecorded past working days as absent', async () => {
    const w = await world();
    at('2026-11-30T00:25:00Z');
    await post(w.me, '/api/presensi', reading(0));
    await t.db.riwayatCuti.create({ data: { employeeId: w.asn.employee.id, jenisCuti: 'TAHUNAN', tanggalMulai: new Date('2026-11-26'), tanggalSelesai: new Date('2026-11-27'), lamaHari: 2 } });
    const m = await w.me.get('/api/presensi/me?month=2026-11');
    expect(m.status).toBe(200);
    const day = (d: string) => m.body.days.find((x: { tanggal: string }) => x.tanggal === d);
    expect(day('2026-11-26')).toMatchObject({ status: 'CUTI', excused: true, jenisCuti: 'TAHUNAN' });
    expect(day('2026-11-27')).toMatchObject({ status: 'CUTI', excused: true });
    expect(day('2026-11-28')).toMatchObject({ status: 'LIBUR' });
    expect(day('2026-11-25')).toMatchObject({ status: 'TANPA_KETERANGAN', excused: false });
    expect(day('2026-11-30')).toMatchObject({ status: 'HADIR', masuk: { terlambatMenit: 0 } });
    expect(m.body.days).toHaveLength(30);
    expect((await w.me.get('/api/presensi/me?month=2026-13')).status).toBe(422);
  });
});

describe('working hours', () => {
  it('read by users; replaced by a BKD admin only (audited)', async () => {
    const w = await world();
    expect((await supertest(t.app).get('/api/presensi/schedule')).status).toBe(401);
    const s = await w.me.get('/api/presensi/schedule');
    expect(s.status).toBe(200);
    expect(s.body.items).toContainEqual({ hari: 5, jamMasuk: '07:30', jamPulang: '11:00' });
    const verifier = await loginAgent(t.app, (await createUser(t.db, { roles: ['BKD_VERIFIER'] })).username, PASSWORD);
    expect((await put(verifier, '/api/presensi/schedule', s.body)).status).toBe(403);
    const admin = await loginAgent(t.app, (await createUser(t.db, { roles: ['BKD_ADMIN'] })).username, PASSWORD);
    expect((await put(admin, '/api/presensi/schedule', { items: [{ hari: 1, jamMasuk: '16:00', jamPulang: '07:30' }] })).status).toBe(422);
    // A regency without a single working day would stop all attendance: refused, nothing changed.
    const empty = await put(admin, '/api/presensi/schedule', { items: [] });
    expect(empty.status).toBe(422);
    expect(empty.body.error.details).toContainEqual(expect.objectContaining({ path: 'items', message: 'Minimal satu hari kerja.' }));
    expect((await w.me.get('/api/presensi/schedule')).body.items).toEqual(s.body.items);
    const ok = await put(admin, '/api/presensi/schedule', s.body);
    expect(ok.status).toBe(200);
    expect(ok.body.items).toEqual(s.body.items);
    expect(await t.db.auditLog.count({ where: { action: 'jadwal_kerja.replaced' } })).toBeGreaterThanOrEqual(1);
  });
});

describe('APP_TIME (benchmarks and demos outside office hours)', () => {
  it('a server started with APP_TODAY and APP_TIME 07:10 decides check-ins at that WIB time of that day, whatever the machine says', async () => {
    const s = buildTestApp({ APP_TIME: '07:10' });
    try {
      const opd = await createOpd(s.db);
      await s.db.opd.update({ where: { id: opd.id }, data: { latitude: OFFICE.lat, longitude: OFFICE.lon, radiusM: 100 } });
      const asn = await createAsn(s.db, opd.id);
      const me = await loginAgent(s.app, asn.username, PASSWORD);
      const r = await post(me, '/api/presensi', reading(10));
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ accepted: true, tanggal: s.config.APP_TODAY });
      // 07:10 WIB = 00:10 UTC of the fixed day, plus the seconds since the server started.
      expect(String(r.body.at).slice(0, 15)).toBe(`${s.config.APP_TODAY}T00:1`);
      expect(r.body.menit ?? 0).toBe(0);
    } finally {
      await s.close();
    }
  });
});

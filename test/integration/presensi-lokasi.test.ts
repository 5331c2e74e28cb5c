/**
 * Attendance set-up and requests: polygon work locations, approved work-from-home / field-duty
 * locations (a request on the workflow engine approved by the atasan), dated special schedules,
 * holidays, KONTRAK staff, the day view; the daily activity log with the atasan's review queue
 * and team view. 401 / 403 / happy path per route.
 */
import supertest from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, del, loginAgent, post, put, type TestApp } from '../support/app.ts';
import { createDocumentRow, createEmployee, createOpd, createUser, PASSWORD } from '../support/factories.ts';

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

const O = { lat: -8.1335, lon: 113.2248 };
const M = 1 / 111_195.08;
const MLON = M / Math.cos((O.lat * Math.PI) / 180);
const pos = (north: number, east = 0) => ({ latitude: O.lat + north * M, longitude: O.lon + east * MLON });
const reading = (north: number, east = 0, extra: Record<string, unknown> = {}) => ({ jenis: 'MASUK', ...pos(north, east), accuracy: 10, ...extra });
/** A GeoJSON polygon from [north, east] metre offsets around O. */
const polygon = (pts: [number, number][]) => ({ type: 'Polygon', coordinates: [[...pts, pts[0]!].map(([n, e]) => [O.lon + e * MLON, O.lat + n * M])] });
const L_SHAPE = polygon([[0, 0], [0, 100], [50, 100], [50, 50], [100, 50], [100, 0]]);

async function user(roles: ('BKD_ADMIN' | 'BKD_VERIFIER')[]) {
  return loginAgent(t.app, (await createUser(t.db, { roles })).username, PASSWORD);
}

/** An OPD at O (100 m), an atasan and two subordinates (one KONTRAK), all signed in. */
async function world() {
  const opd = await createOpd(t.db);
  await t.db.opd.update({ where: { id: opd.id }, data: { latitude: O.lat, longitude: O.lon, radiusM: 100 } });
  const boss = await createEmployee(t.db, { opdId: opd.id, nama: 'Atasan Uji' });
  const staff = await createEmployee(t.db, { opdId: opd.id, atasanId: boss.id, nama: 'Budi Staf' });
  const kontrak = await createEmployee(t.db, { opdId: opd.id, atasanId: boss.id, nama: 'Citra Kontrak', status: 'KONTRAK' });
  const login = async (e: { id: number; nip: string }) => {
    await createUser(t.db, { roles: ['ASN'], employeeId: e.id, username: e.nip });
    return loginAgent(t.app, e.nip, PASSWORD);
  };
  return { opd, boss, staff, kontrak, atasan: await login(boss), me: await login(staff), kon: await login(kontrak) };
}

describe('work location per OPD (BKD admin)', () => {
  it('401 / 403 / a polygon replaces the point (audited); concave polygon decides check-ins', async () => {
    const w = await world();
    expect((await supertest(t.app).get('/api/presensi/locations')).status).toBe(401);
    expect((await w.me.get('/api/presensi/locations')).status).toBe(403);
    const verifier = await user(['BKD_VERIFIER']);
    expect((await put(verifier, `/api/presensi/locations/${w.opd.id}`, { kind: 'POLYGON', polygon: L_SHAPE })).status).toBe(403);
    const admin = await user(['BKD_ADMIN']);
    const list = await admin.get('/api/presensi/locations');
    expect(list.status).toBe(200);
    expect(list.body.items.find((i: { opdId: number }) => i.opdId === w.opd.id)).toMatchObject({ kind: 'POINT', radiusM: 100 });

    const bad = await put(admin, `/api/presensi/locations/${w.opd.id}`, { kind: 'POLYGON', polygon: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] } });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body.error)).toContain('tertutup');
    expect((await put(admin, '/api/presensi/locations/999999', { kind: 'POINT', latitude: 0, longitude: 0, radiusM: 50 })).status).toBe(404);
    const ok = await put(admin, `/api/presensi/locations/${w.opd.id}`, { kind: 'POLYGON', polygon: L_SHAPE });
    expect(ok.status).toBe(200);
    expect(ok.body.kind).toBe('POLYGON');
    expect(await t.db.auditLog.count({ where: { action: 'opd.lokasi_kerja.updated', entityId: String(w.opd.id) } })).toBe(1);

    at('2026-11-30T00:20:00Z'); // Monday 07:20 WIB
    const notch = await post(w.me, '/api/presensi', reading(75.4, 75.4));
    expect(notch.status).toBe(422);
    expect(notch.body.error).toMatchObject({ code: 'presensi_outside', message: 'Anda berada 26 m di luar batas area kantor.' });
    expect(notch.body.error.details.distanceM).toBe(26);
    expect((await post(w.me, '/api/presensi', reading(75, 25))).status).toBe(201);
    // Back to a point and radius.
    expect((await put(admin, `/api/presensi/locations/${w.opd.id}`, { kind: 'POINT', ...pos(0), radiusM: 80 })).body).toMatchObject({ kind: 'POINT', radiusM: 80, polygon: null });
  });
});

describe('work-from-home / field-duty location (workflow, approved by the atasan)', () => {
  it('asked by the employee, approved by the atasan only; then a check-in there on those dates is accepted', async () => {
    const w = await world();
    const HOME = { north: 5000, east: 0 };
    const body = { jenis: 'WFH', nama: 'Rumah, Jl. Mawar 3', ...pos(HOME.north), radiusM: 75, mulai: '2026-12-01', selesai: '2026-12-02', alasan: 'Perbaikan jaringan kantor' };
    expect((await supertest(t.app).post('/api/presensi/lokasi-tugas').send(body)).status).toBe(401);
    expect((await post(w.me, '/api/presensi/lokasi-tugas', { ...body, selesai: '2026-11-01' })).status).toBe(422);
    const created = await post(w.me, '/api/presensi/lokasi-tugas', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ type: 'LOKASI_TUGAS', state: 'DIAJUKAN' });
    expect((await post(w.me, '/api/presensi/lokasi-tugas', body)).status).toBe(409);

    at('2026-12-01T00:15:00Z'); // Tuesday 07:15 WIB
    const before = await post(w.me, '/api/presensi', reading(HOME.north));
    expect(before.status).toBe(422);
    expect(before.body.error.code).toBe('presensi_outside');

    const id = created.body.id;
    // The employee cannot approve their own; another subordinate is not the atasan.
    expect((await post(w.me, `/api/requests/${id}/actions/approve`, { version: 1 })).status).toBe(403);
    expect([403, 404]).toContain((await post(w.kon, `/api/requests/${id}/actions/approve`, { version: 1 })).status);
    const tasks = await w.atasan.get('/api/requests/tasks');
    expect(tasks.status).toBe(200);
    const approved = await post(w.atasan, `/api/requests/${id}/actions/approve`, { version: 1 });
    expect(approved.status).toBe(200);
    expect(approved.body.state).toBe('DISETUJUI');
    expect(await t.db.lokasiTugas.count({ where: { requestId: id } })).toBe(1);
    expect(await t.db.auditLog.count({ where: { action: 'lokasi_tugas.granted', employeeId: w.staff.id } })).toBe(1);

    const ok = await post(w.me, '/api/presensi', reading(HOME.north + 30));
    expect(ok.status).toBe(201);
    expect(ok.body.distanceM).toBe(30);
    const day = await w.me.get('/api/presensi/today');
    expect(day.body.approvedLocations).toEqual([expect.objectContaining({ jenis: 'WFH', nama: 'Rumah, Jl. Mawar 3', radiusM: 75 })]);
    // Outside the dates the place does not count.
    at('2026-12-03T00:15:00Z');
    const after = await post(w.me, '/api/presensi', reading(HOME.north));
    expect(after.status).toBe(422);
    expect(after.body.error.message).toMatch(/dari kantor, di luar radius 100 m/);
  });
});

describe('special schedules (BKD admin) and holidays', () => {
  it('a dated special schedule replaces the weekly hours; 401/403; audited; deleted again', async () => {
    const w = await world();
    const ramadan = { nama: 'Ramadan uji', mulai: '2031-01-06', selesai: '2031-01-10', items: [1, 2, 3, 4, 5].map((hari) => ({ hari, jamMasuk: '08:00', jamPulang: hari === 5 ? '11:30' : '15:00' })) };
    expect((await supertest(t.app).post('/api/presensi/special-schedules').send(ramadan)).status).toBe(401);
    expect((await post(w.me, '/api/presensi/special-schedules', ramadan)).status).toBe(403);
    const admin = await user(['BKD_ADMIN']);
    expect((await post(admin, '/api/presensi/special-schedules', { ...ramadan, selesai: '2031-01-01' })).status).toBe(422);
    const created = await post(admin, '/api/presensi/special-schedules', ramadan);
    expect(created.status).toBe(201);
    expect((await w.me.get('/api/presensi/special-schedules')).body.items).toContainEqual(expect.objectContaining({ nama: 'Ramadan uji', mulai: '2031-01-06' }));

    at('2031-01-07T01:10:00Z'); // Tuesday 08:10 WIB: 10 minutes late on Ramadan hours (would be 40 on the weekly ones)
    const r = await post(w.me, '/api/presensi', reading(0));
    expect(r.status).toBe(201);
    expect(r.body.menit).toBe(10);
    expect((await w.me.get('/api/presensi/today')).body.schedule).toEqual({ jamMasuk: '08:00', jamPulang: '15:00', special: 'Ramadan uji' });
    at('2031-01-13T01:10:00Z'); // the Monday after: weekly hours again
    expect((await post(w.me, '/api/presensi', reading(0))).body.menit).toBe(40);

    expect((await del(w.me, `/api/presensi/special-schedules/${created.body.id}`)).status).toBe(403);
    expect((await del(admin, `/api/presensi/special-schedules/${created.body.id}`)).status).toBe(200);
    expect((await del(admin, `/api/presensi/special-schedules/${created.body.id}`)).status).toBe(404);
    expect(await t.db.auditLog.count({ where: { entityType: 'jadwal_khusus', entityId: String(created.body.id) } })).toBe(2);
  });

  it('a national holiday needs no check-in: refused as not a working day, shown on the day view', async () => {
    const w = await world();
    await t.db.hariLibur.upsert({ where: { tanggal: new Date('2031-02-03') }, update: {}, create: { tanggal: new Date('2031-02-03'), jenis: 'LIBUR_NASIONAL', keterangan: 'Libur uji' } });
    at('2031-02-03T00:30:00Z');
    const r = await post(w.me, '/api/presensi', reading(0));
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('presensi_not_working_day');
    expect((await w.me.get('/api/presensi/today')).body).toMatchObject({ workingDay: false, holiday: { keterangan: 'Libur uji' } });
  });
});

describe('day view, KONTRAK staff, WIB boundary, client clock', () => {
  it('401; the day view after a refusal and an acceptance; KONTRAK checks in; 23:59 UTC is tomorrow in WIB', async () => {
    const w = await world();
    expect((await supertest(t.app).get('/api/presensi/today')).status).toBe(401);
    at('2026-11-30T23:59:00Z'); // Tuesday 1 December 06:59 WIB
    const far = await post(w.kon, '/api/presensi', reading(249.6, 0, { clientTime: '2026-11-30T12:00:00Z' }));
    expect(far.status).toBe(422);
    let day = await w.kon.get('/api/presensi/today');
    expect(day.status).toBe(200);
    expect(day.body).toMatchObject({ tanggal: '2026-12-01', employee: { statusKepegawaian: 'KONTRAK' }, masuk: null, lastRefusal: { distanceM: 250, reason: 'Anda berada 250 m dari kantor, di luar radius 100 m.' }, office: { kind: 'circle', radiusM: 100 } });
    const ok = await post(w.kon, '/api/presensi', reading(20, 0, { clientTime: '2026-11-30T12:00:00Z' }));
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ tanggal: '2026-12-01', at: '2026-11-30T23:59:00.000Z', menit: 0 });
    day = await w.kon.get('/api/presensi/today');
    expect(day.body.masuk).toMatchObject({ at: '2026-11-30T23:59:00.000Z', menit: 0 });
    expect(day.body.lastRefusal).toBeNull();
  });
});

describe('daily activity log and the atasan', () => {
  it('recorded by the employee (attachment from their vault), reviewed by the atasan only; returned with a note, resent, approved; concurrent decision 409', async () => {
    const w = await world();
    const body = { tanggal: '2026-12-01', jamMulai: '08:00', jamSelesai: '10:00', uraian: 'Menyusun laporan kepegawaian', output: 'Draf laporan' };
    expect((await supertest(t.app).post('/api/aktivitas').send(body)).status).toBe(401);
    expect((await post(w.me, '/api/aktivitas', { ...body, jamSelesai: '07:00' })).status).toBe(422);
    const foreignDoc = await createDocumentRow(t.db, w.kontrak.id);
    expect((await post(w.me, '/api/aktivitas', { ...body, documentId: foreignDoc.id })).status).toBe(422);
    const doc = await createDocumentRow(t.db, w.staff.id);
    const a = await post(w.me, '/api/aktivitas', { ...body, documentId: doc.id });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ status: 'DIAJUKAN', version: 1, actions: ['edit'], document: { id: doc.id } });
    const b = await post(w.kon, '/api/aktivitas', { ...body, uraian: 'Mengarsipkan surat masuk' });
    expect(b.status).toBe(201);

    const mine = await w.me.get('/api/aktivitas/me?from=2026-12-01&to=2026-12-01');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((i: { id: number }) => i.id)).toEqual([a.body.id]);
    expect((await supertest(t.app).get('/api/aktivitas/review')).status).toBe(401);
    expect((await w.me.get('/api/aktivitas/review')).status).toBe(403);
    const queue = await w.atasan.get('/api/aktivitas/review');
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((i: { id: number }) => i.id).sort()).toEqual([a.body.id, b.body.id].sort());
    expect(queue.body.items[0].actions).toEqual(['approve', 'return']);

    // Another atasan (of another team) does not see it.
    const opd2 = await createOpd(t.db);
    const otherBoss = await createEmployee(t.db, { opdId: opd2.id });
    await createEmployee(t.db, { opdId: opd2.id, atasanId: otherBoss.id });
    await createUser(t.db, { roles: ['ASN'], employeeId: otherBoss.id, username: otherBoss.nip });
    const other = await loginAgent(t.app, otherBoss.nip, PASSWORD);
    expect((await other.get('/api/aktivitas/review')).body.items).toEqual([]);
    expect((await post(other, `/api/aktivitas/${a.body.id}/review`, { decision: 'SETUJUI', version: 1 })).status).toBe(404);
    expect((await post(w.me, `/api/aktivitas/${a.body.id}/review`, { decision: 'SETUJUI', version: 1 })).status).toBe(403);
    expect((await post(w.atasan, `/api/aktivitas/${a.body.id}/review`, { decision: 'KEMBALIKAN', version: 1 })).status).toBe(422);

    const returned = await post(w.atasan, `/api/aktivitas/${a.body.id}/review`, { decision: 'KEMBALIKAN', note: 'Lengkapi jumlah berkas', version: 1 });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ status: 'DIKEMBALIKAN', catatan: 'Lengkapi jumlah berkas', version: 2 });
    expect((await post(w.atasan, `/api/aktivitas/${a.body.id}/review`, { decision: 'SETUJUI', version: 1 })).status).toBe(409);
    const resent = await put(w.me, `/api/aktivitas/${a.body.id}`, { ...body, uraian: 'Menyusun laporan kepegawaian (24 berkas)', version: 2 });
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ status: 'DIAJUKAN', version: 3 });
    expect((await put(w.me, `/api/aktivitas/${a.body.id}`, { ...body, version: 2 })).status).toBe(409);

    const [one, two] = await Promise.all([
      post(w.atasan, `/api/aktivitas/${a.body.id}/review`, { decision: 'SETUJUI', version: 3 }),
      post(w.atasan, `/api/aktivitas/${a.body.id}/review`, { decision: 'KEMBALIKAN', note: 'x', version: 3 }),
    ]);
    expect([one.status, two.status].sort()).toEqual([200, 409]);
    const final = await t.db.aktivitasHarian.findUniqueOrThrow({ where: { id: a.body.id } });
    expect(final.version).toBe(4);
    expect((await put(w.me, `/api/aktivitas/${a.body.id}`, { ...body, version: 4 })).status).toBe(final.status === 'DISETUJUI' ? 403 : 200);
    expect(await t.db.auditLog.count({ where: { entityType: 'aktivitas_harian', entityId: String(a.body.id) } })).toBeGreaterThanOrEqual(4);
  });

  it('team today: in, late, on leave, not yet in / absent, with counts; ATASAN only', async () => {
    const w = await world();
    const third = await createEmployee(t.db, { opdId: w.opd.id, atasanId: w.boss.id, nama: 'Dewi Cuti' });
    const fourth = await createEmployee(t.db, { opdId: w.opd.id, atasanId: w.boss.id, nama: 'Eko Absen' });
    await t.db.riwayatCuti.create({ data: { employeeId: third.id, jenisCuti: 'TAHUNAN', tanggalMulai: new Date('2026-11-30'), tanggalSelesai: new Date('2026-12-02'), lamaHari: 3 } });
    at('2026-12-01T00:20:00Z'); // 07:20 WIB
    expect((await post(w.me, '/api/presensi', reading(0))).status).toBe(201);
    at('2026-12-01T00:50:00Z'); // 07:50 WIB: 20 minutes late
    expect((await post(w.kon, '/api/presensi', reading(0))).status).toBe(201);
    expect((await supertest(t.app).get('/api/aktivitas/team')).status).toBe(401);
    expect((await w.me.get('/api/aktivitas/team')).status).toBe(403);
    const team = await w.atasan.get('/api/aktivitas/team');
    expect(team.status).toBe(200);
    const byName = (n: string) => team.body.items.find((i: { nama: string }) => i.nama === n);
    expect(byName('Budi Staf')).toMatchObject({ status: 'HADIR' });
    expect(byName('Citra Kontrak')).toMatchObject({ status: 'TERLAMBAT', masuk: { terlambatMenit: 20 }, statusKepegawaian: 'KONTRAK' });
    expect(byName('Dewi Cuti')).toMatchObject({ status: 'CUTI', jenisCuti: 'TAHUNAN' });
    expect(byName('Eko Absen')).toMatchObject({ status: 'BELUM_HADIR' });
    expect(team.body.counts).toMatchObject({ HADIR: 1, TERLAMBAT: 1, CUTI: 1, BELUM_HADIR: 1, TIDAK_HADIR: 0 });
    at('2026-12-01T09:30:00Z'); // 16:30 WIB: the day is over
    const later = await w.atasan.get('/api/aktivitas/team');
    expect(later.body.items.find((i: { employeeId: number }) => i.employeeId === fourth.id).status).toBe('TIDAK_HADIR');
  });
});

import ExcelJS from 'exceljs';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, buildTestApp, loginAgent, post, put, type TestApp } from '../support/app.ts';
import { createAsn, createEmployee, createOpd, createUser, PASSWORD } from '../support/factories.ts';

let t: TestApp;
beforeAll(() => {
  t = buildTestApp();
});
afterAll(() => t.close());

const d = (s: string) => new Date(`${s}T00:00:00Z`);

const DEFAULT_CONFIG = {
  potongan: { terlambat: [0.5, 1, 1.25, 1.5], pulangCepat: [0.5, 1, 1.25, 1.5], tanpaKeterangan: 3, batasPersen: 100, dasarHukum: 'Perbup uji' },
  besaran: { PELAKSANA: 2_000_000 },
  mulaiBerlaku: '2026-11-01',
};

/**
 * The fixture month, November 2026 (the app clock is 2026-11-30): 21 working days (Mon–Fri, no
 * holiday), 20 of them past. X: present on 14 days with late/early readings in every band, 2 days
 * of approved leave (a reading on one of them), 1 day of official duty, 3 unexcused days in a
 * row of working days (Fri 13, Mon 16, Tue 17; one with a refused reading only). Y: no reading at all (20 unexcused days in a row). Their atasan
 * sits in another OPD.
 */
async function world() {
  const opd = await createOpd(t.db);
  const other = await createOpd(t.db);
  const bossOpd = await createOpd(t.db);
  const boss = await createAsn(t.db, bossOpd.id);
  const x = await createAsn(t.db, opd.id, { atasanId: boss.employee.id });
  const y = await createEmployee(t.db, { opdId: opd.id, atasanId: boss.employee.id });
  const z = await createAsn(t.db, other.id);
  const otherBoss = await createAsn(t.db, other.id);
  await t.db.employee.update({ where: { id: z.employee.id }, data: { atasanId: otherBoss.employee.id } });
  const admin = await createUser(t.db, { roles: ['BKD_ADMIN'] });
  const verifier = await createUser(t.db, { roles: ['BKD_VERIFIER'] });
  const opdAdmin = await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [opd.id] });
  const otherAdmin = await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [other.id] });
  const login = (u: { username: string }) => loginAgent(t.app, u.username, PASSWORD);

  const reading = (day: string, jenis: 'MASUK' | 'PULANG', menit: number, accepted = true) => ({
    employeeId: x.employee.id, opdId: opd.id, tanggal: d(day), jenis, at: new Date(`${day}T${jenis === 'MASUK' ? '00:30' : '09:00'}:00Z`),
    latitude: -8.1335, longitude: 113.2248, accuracyM: 10, distanceM: 5, accepted, reason: accepted ? null : 'Di luar radius', menit,
  });
  const onTime = ['2026-11-02', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];
  await t.db.presensi.createMany({
    data: [
      ...onTime.flatMap((day) => [reading(day, 'MASUK', 0), reading(day, 'PULANG', 0)]),
      reading('2026-11-03', 'MASUK', 15), reading('2026-11-03', 'PULANG', 0), // TL1
      reading('2026-11-04', 'MASUK', 45), reading('2026-11-04', 'PULANG', 40), // TL2, PSW2
      reading('2026-11-05', 'MASUK', 75), // TL3, no check-out: PSW4
      reading('2026-11-06', 'MASUK', 120), reading('2026-11-06', 'PULANG', 0), // TL4
      reading('2026-11-09', 'PULANG', 0), // no check-in: TL4
      reading('2026-11-10', 'MASUK', 30), // on leave: leave wins
      reading('2026-11-13', 'MASUK', 0, false), // refused only: unexcused
      reading('2026-11-29', 'MASUK', 200), // Sunday: not a working day
    ],
  });
  await t.db.riwayatCuti.create({ data: { employeeId: x.employee.id, jenisCuti: 'TAHUNAN', tanggalMulai: d('2026-11-10'), tanggalSelesai: d('2026-11-11'), lamaHari: 2 } });
  return { opd, other, boss, x, y, z, otherBoss, admin, verifier, opdAdmin, otherAdmin, login };
}

let w: Awaited<ReturnType<typeof world>>;
let admin: Agent;
beforeAll(async () => {
  w = await world();
  admin = await w.login(w.admin);
  expect((await put(admin, '/api/rekap/tpp/config', DEFAULT_CONFIG)).status).toBe(200);
});

describe('official duty (dinas luar)', () => {
  it('401, 403 outside the OPD admin\'s units and for a verifier, 422 on a bad body, 201 with its audit row, 409 twice', async () => {
    const body = { nip: w.x.employee.nip, tanggalMulai: '2026-11-12', tanggalSelesai: '2026-11-12', nomorSurat: '094/123/427.45/2026', keterangan: 'Rapat koordinasi di provinsi' };
    expect((await supertest(t.app).post('/api/rekap/dinas-luar').send(body)).status).toBe(401);
    expect((await post(await w.login(w.otherAdmin), '/api/rekap/dinas-luar', body)).status).toBe(403);
    expect((await post(await w.login(w.verifier), '/api/rekap/dinas-luar', body)).status).toBe(403);
    expect((await post(await w.login(w.x.user), '/api/rekap/dinas-luar', body)).status).toBe(403);
    const opdAdmin = await w.login(w.opdAdmin);
    expect((await post(opdAdmin, '/api/rekap/dinas-luar', { ...body, tanggalSelesai: '2026-11-11' })).status).toBe(422);
    const ok = await post(opdAdmin, '/api/rekap/dinas-luar', body);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ hari: 1, employeeId: w.x.employee.id });
    expect(await t.db.auditLog.count({ where: { action: 'dinas_luar.recorded', employeeId: w.x.employee.id } })).toBe(1);
    expect((await post(opdAdmin, '/api/rekap/dinas-luar', body)).status).toBe(409);
    const list = await opdAdmin.get('/api/rekap/dinas-luar?month=2026-11');
    expect(list.body.items).toEqual([expect.objectContaining({ tanggal: '2026-11-12', nip: w.x.employee.nip })]);
  });
});

describe('monthly recap', () => {
  it('gives the exact figures of the fixture month', async () => {
    const r = await admin.get(`/api/rekap/presensi?month=2026-11&opd=${w.opd.kode}`);
    expect(r.status).toBe(200);
    expect(r.body.hariKerja).toBe(21);
    const byId = new Map(r.body.rows.map((x: { employee: { id: number } }) => [x.employee.id, x]));
    expect(r.body.rows).toHaveLength(2);
    expect(byId.get(w.x.employee.id)).toMatchObject({
      hariKerja: 21, hadir: 14, cuti: 2, dinasLuar: 1, tanpaKeterangan: 3,
      terlambatHari: 4, terlambatMenit: 255, pulangCepatHari: 1, pulangCepatMenit: 40,
      tl: [1, 1, 1, 2], psw: [0, 1, 0, 1],
    });
    expect(byId.get(w.y.id)).toMatchObject({ hadir: 0, cuti: 0, dinasLuar: 0, tanpaKeterangan: 20, tl: [0, 0, 0, 0] });
    expect(r.body.opds).toEqual([expect.objectContaining({ pegawai: 2, hadir: 14, tanpaKeterangan: 23, cuti: 2, dinasLuar: 1, terlambatMenit: 255 })]);
  });

  it('days before the attendance start are never unexcused', async () => {
    expect((await put(admin, '/api/rekap/tpp/config', { ...DEFAULT_CONFIG, mulaiBerlaku: '2026-11-16' })).status).toBe(200);
    const r = await admin.get(`/api/rekap/presensi?month=2026-11&opd=${w.opd.kode}`);
    expect(r.body.rows.find((x: { employee: { id: number } }) => x.employee.id === w.y.id).tanpaKeterangan).toBe(10);
    expect((await put(admin, '/api/rekap/tpp/config', DEFAULT_CONFIG)).status).toBe(200);
  });

  it('is scoped: 401, 403 for an ASN and for another OPD\'s unit, 404 for an unknown OPD, an OPD admin sees only their units', async () => {
    expect((await supertest(t.app).get('/api/rekap/presensi')).status).toBe(401);
    expect((await (await w.login(w.x.user)).get('/api/rekap/presensi')).status).toBe(403);
    const otherAdmin = await w.login(w.otherAdmin);
    expect((await otherAdmin.get(`/api/rekap/presensi?opd=${w.opd.kode}`)).status).toBe(403);
    expect((await admin.get('/api/rekap/presensi?opd=TIDAK-ADA')).status).toBe(404);
    expect((await admin.get('/api/rekap/presensi?month=2026-13')).status).toBe(422);
    const own = await (await w.login(w.opdAdmin)).get('/api/rekap/presensi?month=2026-11');
    expect(own.status).toBe(200);
    expect(own.body.rows.map((x: { employee: { id: number } }) => x.employee.id).sort()).toEqual([w.x.employee.id, w.y.id].sort());
    const theirs = await otherAdmin.get('/api/rekap/presensi?month=2026-11');
    expect(theirs.body.rows.map((x: { employee: { id: number } }) => x.employee.id).sort()).toEqual([w.z.employee.id, w.otherBoss.employee.id].sort());
  });

  it('exports XLSX with the same figures', async () => {
    const r = await admin.get(`/api/rekap/presensi?month=2026-11&opd=${w.opd.kode}&format=xlsx`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.body as never);
    const ws = wb.getWorksheet('Per pegawai')!;
    const row = ws.getSheetValues().find((v) => Array.isArray(v) && v[1] === w.x.employee.nip) as unknown[];
    // NIP, nama, jabatan, kode, OPD, hari kerja, hadir, terlambat hari, menit, pulang cepat hari, menit, TK, cuti, DL
    expect(row.slice(6)).toEqual([21, 14, 4, 255, 1, 40, 3, 2, 1]);
  });
});

describe('TPP basis', () => {
  it('applies the configured deductions to the base of the position class', async () => {
    const r = await (await w.login(w.opdAdmin)).get('/api/rekap/tpp?month=2026-11');
    expect(r.status).toBe(200);
    expect(r.body.canEditConfig).toBe(false);
    const x = r.body.rows.find((e: { employee: { id: number } }) => e.employee.id === w.x.employee.id);
    // TL 0.5 + 1 + 1.25 + 2×1.5 = 5.75; PSW 1 + 1.5 = 2.5; 3 days × 3 = 9 → 17.25 % of 2,000,000.
    expect(x).toMatchObject({ kelas: 'PELAKSANA', base: 2_000_000, persen: { terlambat: 5.75, pulangCepat: 2.5, tanpaKeterangan: 9 }, persenTotal: 17.25, potongan: 345_000, jumlah: 1_655_000 });
    const y = r.body.rows.find((e: { employee: { id: number } }) => e.employee.id === w.y.id);
    expect(y).toMatchObject({ persenTotal: 60, potongan: 1_200_000, jumlah: 800_000 });
  });

  it('config: only a BKD admin changes it (audited); the new figures apply', async () => {
    expect((await supertest(t.app).put('/api/rekap/tpp/config').send(DEFAULT_CONFIG)).status).toBe(401);
    expect((await put(await w.login(w.verifier), '/api/rekap/tpp/config', DEFAULT_CONFIG)).status).toBe(403);
    expect((await put(admin, '/api/rekap/tpp/config', { ...DEFAULT_CONFIG, potongan: { ...DEFAULT_CONFIG.potongan, tanpaKeterangan: 101 } })).status).toBe(422);
    const before = await t.db.auditLog.count({ where: { action: 'tpp.config_updated' } });
    const changed = await put(admin, '/api/rekap/tpp/config', { ...DEFAULT_CONFIG, potongan: { ...DEFAULT_CONFIG.potongan, tanpaKeterangan: 5 }, besaran: { PELAKSANA: 3_000_000 } });
    expect(changed.status).toBe(200);
    expect(await t.db.auditLog.count({ where: { action: 'tpp.config_updated' } })).toBe(before + 1);
    const r = await admin.get(`/api/rekap/tpp?month=2026-11&opd=${w.opd.kode}`);
    expect(r.body.rows.find((e: { employee: { id: number } }) => e.employee.id === w.y.id)).toMatchObject({ base: 3_000_000, persenTotal: 100, jumlah: 0 });
    expect(r.body.canEditConfig).toBe(true);
    expect((await put(admin, '/api/rekap/tpp/config', DEFAULT_CONFIG)).status).toBe(200);
    const xlsx = await admin.get(`/api/rekap/tpp?month=2026-11&opd=${w.opd.kode}&format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('dasar-tpp-2026-11');
  });
});

describe('discipline warning list', () => {
  it('counts the year\'s unexcused days against the PP 94/2021 thresholds; the atasan sees their subordinates, BKD all', async () => {
    expect((await supertest(t.app).get('/api/rekap/disiplin')).status).toBe(401);
    expect((await (await w.login(w.x.user)).get('/api/rekap/disiplin')).status).toBe(403);
    expect((await (await w.login(w.opdAdmin)).get('/api/rekap/disiplin')).status).toBe(403);
    const boss = await w.login(w.boss.user);
    expect((await boss.get(`/api/rekap/disiplin?opd=${w.opd.kode}`)).status).toBe(403);
    const r = await boss.get('/api/rekap/disiplin?year=2026');
    expect(r.status).toBe(200);
    expect(r.body.sampai).toBe('2026-11-29');
    expect(r.body.rows).toEqual([
      expect.objectContaining({ employee: expect.objectContaining({ id: w.y.id }), hari: 20, beruntun: 20, kode: 'PEMBERHENTIAN', tingkat: 'BERAT', karenaBeruntun: true }),
      expect.objectContaining({ employee: expect.objectContaining({ id: w.x.employee.id }), hari: 3, beruntun: 3, kode: 'TEGURAN_LISAN', tingkat: 'RINGAN', ambangBerikutnya: 4 }),
    ]);
    const theirs = await (await w.login(w.otherBoss.user)).get('/api/rekap/disiplin?year=2026');
    expect(theirs.body.rows.map((x: { employee: { id: number } }) => x.employee.id)).toEqual([w.z.employee.id]);
    const bkd = await (await w.login(w.verifier)).get(`/api/rekap/disiplin?year=2026&opd=${w.opd.kode}`);
    expect(bkd.body.rows).toHaveLength(2);
    const prior = await admin.get(`/api/rekap/disiplin?year=2025&opd=${w.opd.kode}`);
    expect(prior.body.rows).toEqual([]);
  });
});

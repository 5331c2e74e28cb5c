import ExcelJS from 'exceljs';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAgent, TEST_TODAY, type TestApp } from '../support/app.ts';
import { createAsn, createEmployee, createOpd, createUser, PASSWORD } from '../support/factories.ts';

let t: TestApp;
beforeAll(() => {
  t = buildTestApp();
});
afterAll(() => t.close());

describe('employee profiles and lists', () => {
  it('detail: 401 anonymous, 403 for another ASN / other OPD admin, 200 for self, own OPD admin, atasan, BKD', async () => {
    const opd = await createOpd(t.db);
    const other = await createOpd(t.db);
    const boss = await createAsn(t.db, opd.id);
    const asn = await createAsn(t.db, opd.id, { atasanId: boss.employee.id });
    const stranger = await createAsn(t.db, other.id);
    const url = `/api/employees/${asn.employee.id}`;
    expect((await supertest(t.app).get(url)).status).toBe(401);
    expect((await (await loginAgent(t.app, stranger.username, PASSWORD)).get(url)).status).toBe(403);
    const otherAdmin = await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [other.id] });
    expect((await (await loginAgent(t.app, otherAdmin.username, PASSWORD)).get(url)).status).toBe(403);
    const self = await (await loginAgent(t.app, asn.username, PASSWORD)).get(url);
    expect(self.status).toBe(200);
    expect(self.body.abilities).toMatchObject({ read: true, proposeChange: true, viewAudit: false });
    expect(Object.keys(self.body.histories)).toEqual(['pangkat', 'jabatan', 'pendidikan', 'diklat', 'skp', 'hukdis', 'kgb', 'cuti', 'keluarga']);
    const admin = await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [opd.id] });
    expect((await (await loginAgent(t.app, admin.username, PASSWORD)).get(url)).status).toBe(200);
    const bossView = await (await loginAgent(t.app, boss.username, PASSWORD)).get(url);
    expect(bossView.status).toBe(200);
    expect(bossView.body.abilities.proposeChange).toBe(false);
    // The atasan sees work data: no NIK, address, contacts or family.
    expect(bossView.body.abilities.viewPersonal).toBe(false);
    expect(Object.keys(bossView.body.profile).sort()).toEqual(['gelarBelakang', 'gelarDepan', 'jenisKelamin', 'nama']);
    expect(bossView.body.histories.keluarga).toBeUndefined();
    expect(bossView.body.histories.pangkat).toEqual([]);
    expect(self.body.profile).toHaveProperty('nik');
    expect(self.body.histories.keluarga).toEqual([]);
    // The atasan's team: their subordinates, not themself.
    const team = await (await loginAgent(t.app, boss.username, PASSWORD)).get('/api/employees?team=true');
    expect(team.body.items.map((i: { id: number }) => i.id)).toEqual([asn.employee.id]);
    const unscoped = await (await loginAgent(t.app, boss.username, PASSWORD)).get('/api/employees');
    expect(unscoped.body.items.map((i: { id: number }) => i.id).sort()).toEqual([boss.employee.id, asn.employee.id].sort());
    const bkd = await createUser(t.db, { roles: ['BKD_VERIFIER'] });
    const bkdView = await (await loginAgent(t.app, bkd.username, PASSWORD)).get(url);
    expect(bkdView.body.abilities.viewAudit).toBe(true);
    expect((await (await loginAgent(t.app, bkd.username, PASSWORD)).get('/api/employees/999999999')).status).toBe(404);
    const me = await (await loginAgent(t.app, asn.username, PASSWORD)).get('/api/employees/me');
    expect(me.body.id).toBe(asn.employee.id);
  });

  it('search, filter, sort and paginate; scoped for OPD admins', async () => {
    const opd = await createOpd(t.db);
    const sub = await createOpd(t.db, { parentId: opd.id });
    const other = await createOpd(t.db);
    const names = ['Zainal Arifin', 'Ahmad Fauzi', 'Budi Santoso', 'Ahmad Zulkifli'];
    for (const [i, nama] of names.entries()) await createEmployee(t.db, { opdId: i === 3 ? sub.id : opd.id, nama, golongan: i % 2 ? 'III/b' : 'II/c' });
    await createEmployee(t.db, { opdId: other.id, nama: 'Ahmad Lain' });
    const bkd = await loginAgent(t.app, (await createUser(t.db, { roles: ['BKD_VERIFIER'] })).username, PASSWORD);
    const all = await bkd.get(`/api/employees?opdId=${opd.id}&sort=nama&pageSize=2`);
    expect(all.body.total).toBe(4);
    expect(all.body.items.map((i: { nama: string }) => i.nama)).toEqual(['Ahmad Fauzi', 'Ahmad Zulkifli']);
    const p2 = await bkd.get(`/api/employees?opdId=${opd.id}&sort=nama&pageSize=2&page=2`);
    expect(p2.body.items.map((i: { nama: string }) => i.nama)).toEqual(['Budi Santoso', 'Zainal Arifin']);
    const search = await bkd.get(`/api/employees?q=ahmad&opdId=${opd.id}&sort=-nama`);
    expect(search.body.items.map((i: { nama: string }) => i.nama)).toEqual(['Ahmad Zulkifli', 'Ahmad Fauzi']);
    // Names are found with or without their titles, as users copy them from letters.
    await createEmployee(t.db, { opdId: opd.id, nama: 'Siti Rahmawati', gelarBelakang: 'S.Kom.' });
    await createEmployee(t.db, { opdId: opd.id, nama: 'Moh. Rahmat', gelarDepan: 'dr.' });
    for (const q of ['Siti Rahmawati', 'Siti Rahmawati, S.Kom.', 'siti rahmawati s.kom', 'rahmawati, S.Kom.']) {
      const found = await bkd.get(`/api/employees?opdId=${opd.id}&q=${encodeURIComponent(q)}`);
      expect(found.body.items.map((i: { nama: string }) => i.nama), q).toEqual(['Siti Rahmawati']);
    }
    expect((await bkd.get(`/api/employees?opdId=${opd.id}&q=${encodeURIComponent('Siti Rahmawati, M.Kes.')}`)).body.total).toBe(0);
    for (const q of ['dr. Moh. Rahmat', 'Moh. Rahmat']) {
      expect((await bkd.get(`/api/employees?opdId=${opd.id}&q=${encodeURIComponent(q)}`)).body.items.map((i: { nama: string }) => i.nama), q).toEqual(['Moh. Rahmat']);
    }
    const gol = await bkd.get(`/api/employees?opdId=${opd.id}&golongan=III/b`);
    expect(gol.body.total).toBe(2);
    const nip = all.body.items[0].nip as string;
    const byNip = await bkd.get(`/api/employees?q=${nip.slice(0, 14)}`);
    expect(byNip.body.items.some((i: { nip: string }) => i.nip === nip)).toBe(true);

    const admin = await loginAgent(t.app, (await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [opd.id] })).username, PASSWORD);
    const scoped = await admin.get('/api/employees?q=ahmad&pageSize=200');
    expect(scoped.body.items.map((i: { nama: string }) => i.nama).sort()).toEqual(['Ahmad Fauzi', 'Ahmad Zulkifli']);
    const bad = await admin.get('/api/employees?pageSize=5000');
    expect(bad.status).toBe(422);
  });

  it('exports the filtered list as CSV and XLSX (BKD and OPD admin; not ASN)', async () => {
    const opd = await createOpd(t.db);
    await createEmployee(t.db, { opdId: opd.id, nama: '=HYPERLINK("x")' });
    await createEmployee(t.db, { opdId: opd.id, nama: 'Siti, Aminah' });
    const bkd = await loginAgent(t.app, (await createUser(t.db, { roles: ['BKD_ADMIN'] })).username, PASSWORD);
    const csv = await bkd.get(`/api/employees/export?opdId=${opd.id}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="pegawai-${TEST_TODAY}.csv"`);
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^NIP,Nama,/);
    expect(lines).toHaveLength(3);
    expect(csv.text).toContain(`"Siti, Aminah"`);
    expect(csv.text).toContain(`"'=HYPERLINK(""x"")"`);
    const audit = await t.db.auditLog.findFirst({ where: { action: 'employees.exported', actorUserId: bkd.user.id }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ entityType: 'employee_export', entityId: 'csv', after: { format: 'csv', filters: { opdId: opd.id } } });
    const xlsx = await bkd.get(`/api/employees/export?opdId=${opd.id}&format=xlsx`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as never);
    expect(wb.worksheets[0]!.rowCount).toBe(3);
    const asn = await createAsn(t.db, opd.id);
    expect((await (await loginAgent(t.app, asn.username, PASSWORD)).get('/api/employees/export')).status).toBe(403);
  });

  it('answers "as of date" from the dated histories', async () => {
    const opd1 = await createOpd(t.db);
    const opd2 = await createOpd(t.db);
    const e = await createEmployee(t.db, { opdId: opd2.id });
    await t.db.riwayatPangkat.createMany({
      data: [
        { employeeId: e.id, golongan: 'III/a', tmtGolongan: new Date('2015-03-01'), mkgTahun: 0, mkgBulan: 0 },
        { employeeId: e.id, golongan: 'III/b', tmtGolongan: new Date('2019-04-01'), mkgTahun: 4, mkgBulan: 0 },
      ],
    });
    await t.db.riwayatJabatan.createMany({
      data: [
        { employeeId: e.id, jenisJabatan: 'PELAKSANA', namaJabatan: 'Pengadministrasi', opdId: opd1.id, tmtJabatan: new Date('2015-03-01') },
        { employeeId: e.id, jenisJabatan: 'STRUKTURAL', namaJabatan: 'Kepala Seksi', eselon: 'IV.a', opdId: opd2.id, tmtJabatan: new Date('2021-01-04') },
      ],
    });
    await t.db.riwayatPendidikan.createMany({ data: [{ employeeId: e.id, jenjang: 'S1', tahunLulus: 2012 }, { employeeId: e.id, jenjang: 'S2', tahunLulus: 2020 }] });
    const bkd = await loginAgent(t.app, (await createUser(t.db, { roles: ['BKD_VERIFIER'] })).username, PASSWORD);
    const r2018 = await bkd.get(`/api/employees/${e.id}/as-of?date=2018-06-30`);
    expect(r2018.body).toMatchObject({ golongan: { golongan: 'III/a' }, jabatan: { namaJabatan: 'Pengadministrasi', opd: { id: opd1.id } }, pendidikan: { jenjang: 'S1' } });
    const r2022 = await bkd.get(`/api/employees/${e.id}/as-of?date=2022-01-01`);
    expect(r2022.body).toMatchObject({ golongan: { golongan: 'III/b' }, jabatan: { eselon: 'IV.a', opd: { id: opd2.id } }, pendidikan: { jenjang: 'S2' } });
    expect((await bkd.get(`/api/employees/${e.id}/as-of?date=kemarin`)).status).toBe(422);
  });
});

describe('notifications', () => {
  it('401 anonymous; lists only my notifications; marks read', async () => {
    expect((await supertest(t.app).get('/api/notifications')).status).toBe(401);
    const a = await createUser(t.db, { roles: ['BKD_VERIFIER'] });
    const b = await createUser(t.db, { roles: ['BKD_VERIFIER'] });
    const na = await t.db.notification.create({ data: { userId: a.id, kind: 'x', title: 'Untuk A', body: '-' } });
    const nb = await t.db.notification.create({ data: { userId: b.id, kind: 'x', title: 'Untuk B', body: '-' } });
    const agent = await loginAgent(t.app, a.username, PASSWORD);
    const list = await agent.get('/api/notifications');
    expect(list.body).toMatchObject({ unreadCount: 1, items: [{ id: na.id, title: 'Untuk A' }] });
    expect((await agent.post(`/api/notifications/${nb.id}/read`).set('x-csrf-token', agent.csrfToken)).status).toBe(404);
    expect((await agent.post(`/api/notifications/${na.id}/read`).set('x-csrf-token', agent.csrfToken)).status).toBe(204);
    expect((await agent.get('/api/notifications')).body.unreadCount).toBe(0);
  });
});

import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The test harness's provided values (inject types) for this colocated test.
import type {} from '../../../../test/support/global-setup.ts';
import { buildTestApp, loginAgent, type TestApp } from '../../../../test/support/app.ts';
import { createAsn, createEmployee, createOpd, createUser, PASSWORD } from '../../../../test/support/factories.ts';

let t: TestApp;
beforeAll(() => {
  t = buildTestApp();
});
afterAll(() => t.close());

const d = (s: string) => new Date(`${s}T00:00:00Z`);

/** An OPD with a sub-unit: 3 + 1 active ASN, one contract worker and one who has left (neither counted). */
async function world() {
  const opd = await createOpd(t.db);
  const sub = await createOpd(t.db, { parentId: opd.id });
  const set = async (id: number, data: Parameters<typeof t.db.employee.update>[0]['data']) => t.db.employee.update({ where: { id }, data });
  const a = await createEmployee(t.db, { opdId: opd.id, golongan: 'III/b' });
  await set(a.id, { jenisKelamin: 'P', tanggalLahir: d('1994-05-17'), pendidikanTerakhir: 'S1', jenisJabatan: 'FUNGSIONAL' });
  const b = await createEmployee(t.db, { opdId: opd.id, golongan: 'III/b' });
  // Pelaksana born 10 March 1969: BUP 58 reached in 2027 (pension TMT 1 April 2027).
  await set(b.id, { jenisKelamin: 'L', tanggalLahir: d('1969-03-10'), pendidikanTerakhir: 'SMA', jenisJabatan: 'PELAKSANA', eselon: null, jenjangFungsional: null });
  const c = await createEmployee(t.db, { opdId: opd.id, golongan: 'IX', status: 'PPPK' });
  await set(c.id, { jenisKelamin: 'P', tanggalLahir: d('1990-01-01'), pendidikanTerakhir: 'D3', jenisJabatan: 'FUNGSIONAL' });
  const s = await createEmployee(t.db, { opdId: sub.id, golongan: 'II/c' });
  await set(s.id, { jenisKelamin: 'L', tanggalLahir: d('2003-02-01'), pendidikanTerakhir: 'SMA', jenisJabatan: 'PELAKSANA' });
  await createEmployee(t.db, { opdId: opd.id, status: 'KONTRAK' });
  const left = await createEmployee(t.db, { opdId: opd.id });
  await set(left.id, { tmtBerhenti: d('2025-01-01') });
  await t.db.kgbSchedule.createMany({ data: [{ employeeId: a.id, nextTmt: d('2027-01-01') }, { employeeId: s.id, nextTmt: d('2026-10-01') }] });
  return { opd, sub };
}

describe('workforce statistics', () => {
  it('401 anonymous, 403 for an ASN and for an OPD admin outside the OPD, 404 for an unknown OPD', async () => {
    const { opd } = await world();
    expect((await supertest(t.app).get('/api/statistics')).status).toBe(401);
    const asn = await createAsn(t.db, opd.id);
    expect((await (await loginAgent(t.app, asn.username, PASSWORD)).get('/api/statistics')).status).toBe(403);
    const other = await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [(await createOpd(t.db)).id] });
    const otherAgent = await loginAgent(t.app, other.username, PASSWORD);
    expect((await otherAgent.get(`/api/statistics?opdId=${opd.id}`)).status).toBe(403);
    expect((await otherAgent.get(`/api/statistics/export?chart=golongan&opdId=${opd.id}`)).status).toBe(403);
    const bkd = await loginAgent(t.app, (await createUser(t.db, { roles: ['BKD_VERIFIER'] })).username, PASSWORD);
    expect((await bkd.get('/api/statistics?opdId=999999999')).status).toBe(404);
  });

  it('counts the active ASN of an OPD and its units by every breakdown, retirements per year and KGB per month', async () => {
    const { opd, sub } = await world();
    const bkd = await loginAgent(t.app, (await createUser(t.db, { roles: ['BKD_VERIFIER'] })).username, PASSWORD);
    const res = await bkd.get(`/api/statistics?opdId=${opd.id}`);
    expect(res.status).toBe(200);
    const s = res.body;
    expect(s).toMatchObject({ asOf: '2026-11-30', total: 4, opd: { id: opd.id } });
    const counts = (items: { key: string; count: number }[]) => Object.fromEntries(items.filter((i) => i.count).map((i) => [i.key, i.count]));
    expect(counts(s.golongan)).toEqual({ 'II/c': 1, 'III/b': 2, IX: 1 });
    expect(counts(s.status)).toEqual({ PNS: 3, PPPK: 1 });
    expect(counts(s.jenisKelamin)).toEqual({ L: 2, P: 2 });
    expect(counts(s.pendidikan)).toEqual({ SMA: 2, D3: 1, S1: 1 });
    expect(counts(s.jenisJabatan)).toEqual({ FUNGSIONAL: 2, PELAKSANA: 2 });
    expect(counts(s.byOpd)).toEqual({ [opd.kode]: 3, [sub.kode]: 1 });
    // Ages on 2026-11-30: 32 (P), 57 (L), 36 (P), 23 (L).
    expect(s.usia.filter((b: { laki: number; perempuan: number }) => b.laki + b.perempuan > 0)).toEqual([
      { key: '<25', label: '< 25', laki: 1, perempuan: 0 },
      { key: '30-34', label: '30–34', laki: 0, perempuan: 1 },
      { key: '35-39', label: '35–39', laki: 0, perempuan: 1 },
      { key: '55-59', label: '55–59', laki: 1, perempuan: 0 },
    ]);
    expect(s.pensiun.map((p: { key: string }) => p.key)).toEqual(['2026', '2027', '2028', '2029', '2030']);
    expect(counts(s.pensiun)).toEqual({ 2027: 1 });
    expect(s.pensiun12Bulan).toBe(1);
    expect(s.kgb[0]).toMatchObject({ key: '2026-11', label: 'Nov 2026' });
    expect(s.kgb).toHaveLength(12);
    expect(counts(s.kgb)).toEqual({ '2027-01': 1 });
    expect(s.kgbOverdue).toBe(1);

    // The OPD admin of the sub-unit sees it alone (scoped in SQL), with or without naming it.
    const admin = await loginAgent(t.app, (await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [sub.id] })).username, PASSWORD);
    for (const url of ['/api/statistics', `/api/statistics?opdId=${sub.id}`]) {
      const mine = await admin.get(url);
      expect(mine.status, url).toBe(200);
      expect(mine.body.total).toBe(1);
      expect(counts(mine.body.golongan)).toEqual({ 'II/c': 1 });
    }
  });

  it('downloads a chart as CSV and XLSX (audited)', async () => {
    const { opd } = await world();
    const bkd = await loginAgent(t.app, (await createUser(t.db, { roles: ['BKD_ADMIN'] })).username, PASSWORD);
    const csv = await bkd.get(`/api/statistics/export?chart=jenisKelamin&format=csv&opdId=${opd.id}`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toContain(`statistik-jenisKelamin-${opd.kode}-2026-11-30.csv`);
    expect(csv.text.replace(/^\uFEFF/, '').trim().split('\r\n')).toEqual(['Jenis kelamin,Jumlah pegawai', 'Laki-laki,2', 'Perempuan,2', 'Jumlah,4']);
    const xlsx = await bkd.get(`/api/statistics/export?chart=usia&format=xlsx&opdId=${opd.id}`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(xlsx.status).toBe(200);
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    expect(await t.db.auditLog.count({ where: { action: 'statistics.exported' } })).toBeGreaterThanOrEqual(2);
    expect((await bkd.get('/api/statistics/export?chart=nope')).status).toBe(422);
  });
});

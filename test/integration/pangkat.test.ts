/**
 * e-Pangkat foundation: periods and windows as data (BKD_ADMIN, audited), the window check of a
 * proposal, the eligibility list per period (rules on real rows, OPD scoping), the ASN's own
 * view, angka kredit records and the command line's JSON. The app runs on TEST_TODAY
 * (2026-11-30): the 1 January 2027 period's window (1–30 November) is open, 1 February's not yet.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { EligibleCliOutput, EligibleResult, MyKpResult, type EligibleRow } from '@simak/shared/api/pangkat';
import { fixedClock, setClock } from '@simak/shared';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../server/src/errors.ts';
import { assertSubmissionWindow } from '../../server/src/modules/pangkat/periods.ts';
import { buildTestApp, cliEnv, loginAgent, TEST_TODAY, type TestApp } from '../support/app.ts';
import { createDocumentRow, createEmployee, createOpd, createUser, PASSWORD, resetKpCalendar } from '../support/factories.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const d = (s: string) => new Date(`${s}T00:00:00Z`);

let t: TestApp;
type Agent = Awaited<ReturnType<typeof loginAgent>>;
let bkdAdmin: Agent;
let verifier: Agent;

beforeAll(async () => {
  t = buildTestApp();
  await resetKpCalendar(t.db);
  bkdAdmin = await loginAgent(t.app, (await createUser(t.db, { roles: ['BKD_ADMIN'] })).username, PASSWORD);
  verifier = await loginAgent(t.app, (await createUser(t.db, { roles: ['BKD_VERIFIER'] })).username, PASSWORD);
});
afterAll(() => t.close());

interface PersonSpec {
  status?: 'PNS' | 'CPNS' | 'PPPK' | 'KONTRAK';
  golongan?: string;
  tmtGolongan?: string;
  pendidikan?: string;
  jabatan?: 'PELAKSANA' | 'STRUKTURAL' | 'FUNGSIONAL';
  eselon?: string;
  jenjang?: 'AHLI_PERTAMA' | 'AHLI_MUDA';
  tmtJabatan?: string;
  skp?: Record<number, 'SANGAT_BAIK' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG'>;
  penalty?: boolean;
  birth?: string;
  tmtBerhenti?: string;
  diplomas?: { jenjang: string; tahunLulus: number }[];
  nama?: string;
}

/** An employee with rank, position, SKP, penalty and diplomas as given (a pelaksana S1 in III/a, SKP Baik 2024–2025 by default). */
async function person(opdId: number, spec: PersonSpec = {}) {
  const e = await createEmployee(t.db, { opdId, status: spec.status ?? 'PNS', nama: spec.nama });
  await t.db.employee.update({
    where: { id: e.id },
    data: {
      tanggalLahir: d(spec.birth ?? '1990-01-15'),
      tmtCpns: d('2012-03-01'),
      golongan: spec.golongan ?? 'III/a',
      tmtGolongan: d(spec.tmtGolongan ?? '2022-12-01'),
      mkgTahun: 4,
      mkgBulan: 0,
      pendidikanTerakhir: spec.pendidikan ?? 'S1',
      jenisJabatan: spec.jabatan ?? 'PELAKSANA',
      eselon: spec.eselon ?? null,
      jenjangFungsional: spec.jenjang ?? null,
      tmtJabatan: spec.tmtJabatan ? d(spec.tmtJabatan) : null,
      tmtBerhenti: spec.tmtBerhenti ? d(spec.tmtBerhenti) : null,
      jenisBerhenti: spec.tmtBerhenti ? 'PENSIUN' : null,
    },
  });
  const skp: Record<number, 'SANGAT_BAIK' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG'> = spec.skp ?? { 2024: 'BAIK', 2025: 'SANGAT_BAIK' };
  for (const [tahun, predikat] of Object.entries(skp)) {
    await t.db.riwayatSkp.create({ data: { employeeId: e.id, tahun: Number(tahun), predikat } });
  }
  if (spec.penalty) {
    await t.db.riwayatHukdis.create({
      data: { employeeId: e.id, tingkat: 'SEDANG', jenis: 'Pemotongan tunjangan kinerja 25% selama 12 bulan', nomorSk: `HD-${e.id}`, tanggalSk: d('2026-06-01'), tmt: d('2026-06-01') },
    });
  }
  for (const dip of spec.diplomas ?? []) await t.db.riwayatPendidikan.create({ data: { employeeId: e.id, jenjang: dip.jenjang, tahunLulus: dip.tahunLulus } });
  return t.db.employee.findUniqueOrThrow({ where: { id: e.id } });
}

const eligibleList = (agent: Agent, query: string) => agent.get(`/api/pangkat/eligible?${query}`);
const byNip = (rows: EligibleRow[]) => new Map(rows.map((r) => [r.nip, r]));

// ---------------------------------------------------------------------------

describe('periods and windows as data', () => {
  it('GET /api/pangkat/periods: 401 without a session; the next periods with their windows (monthly since Perban BKN 4/2025)', async () => {
    expect((await supertest(t.app).get('/api/pangkat/periods')).status).toBe(401);
    const res = await verifier.get('/api/pangkat/periods?count=3');
    expect(res.status).toBe(200);
    expect(res.body.today).toBe(TEST_TODAY);
    expect(res.body.items).toEqual([
      { period: '2026-12-01', regulation: 'Perban BKN 4/2025', opens: '2026-10-01', closes: '2026-10-31', source: 'ATURAN', note: null, status: 'DITUTUP' },
      { period: '2027-01-01', regulation: 'Perban BKN 4/2025', opens: '2026-11-01', closes: '2026-11-30', source: 'ATURAN', note: null, status: 'DIBUKA' },
      { period: '2027-02-01', regulation: 'Perban BKN 4/2025', opens: '2026-12-01', closes: '2026-12-31', source: 'ATURAN', note: null, status: 'BELUM_DIBUKA' },
    ]);
    // The seeded history: six periods a year under Perban BKN 4/2023, with BKN's announced windows.
    const old = await verifier.get('/api/pangkat/periods?from=2024-01-01&count=2');
    expect(old.body.items.map((p: { period: string; opens: string; closes: string; source: string }) => [p.period, p.opens, p.closes, p.source])).toEqual([
      ['2024-02-01', '2023-12-15', '2024-01-15', 'DITETAPKAN'],
      ['2024-04-01', '2024-02-01', '2024-02-28', 'DITETAPKAN'],
    ]);
  });

  it('regimes: 401, 403 for every role but BKD_ADMIN, 422 on a bad rule, 409 on an overlap; edits are audited in their transaction', async () => {
    const opdAdmin = await loginAgent(t.app, (await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [(await createOpd(t.db)).id] })).username, PASSWORD);
    const body = {
      regulation: 'Perban BKN uji/2040',
      effectiveFrom: '2040-01-01',
      effectiveUntil: null,
      months: [4, 10],
      window: { opensMonthsBefore: 3, opensDay: 1, closesMonthsBefore: 2, closesDay: 31 },
      note: 'uji',
    };
    expect((await supertest(t.app).post('/api/pangkat/regimes').send(body)).status).toBe(401);
    for (const a of [verifier, opdAdmin]) expect((await a.post('/api/pangkat/regimes').set('x-csrf-token', a.csrfToken).send(body)).status).toBe(403);
    const list = await verifier.get('/api/pangkat/regimes');
    expect(list.status).toBe(200);
    expect(list.body.items.map((r: { regulation: string; months: number[] }) => [r.regulation, r.months.length])).toEqual([
      ['Kep. Ka BKN 12/2002', 2],
      ['Perban BKN 4/2023', 6],
      ['Perban BKN 4/2025', 12],
    ]);

    const post = (b: object) => bkdAdmin.post('/api/pangkat/regimes').set('x-csrf-token', bkdAdmin.csrfToken).send(b);
    const bad = await post({ ...body, window: { opensMonthsBefore: 1, opensDay: 1, closesMonthsBefore: 2, closesDay: 31 } });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body.error.details)).toContain('dibuka setelah ditutup');
    expect((await post({ ...body, months: [] })).status).toBe(422);
    const overlap = await post(body);
    expect(overlap.status).toBe(409);
    expect(overlap.body.error).toMatchObject({ code: 'regime_overlap' });
    expect(overlap.body.error.message).toContain('Perban BKN 4/2025');

    // End 4/2025 in 2039, add the 2040 regime, then undo both.
    const current = list.body.items.find((r: { regulation: string }) => r.regulation === 'Perban BKN 4/2025');
    const { id: currentId, updatedAt: _u, ...currentBody } = current;
    const put = (id: number, b: object) => bkdAdmin.put(`/api/pangkat/regimes/${id}`).set('x-csrf-token', bkdAdmin.csrfToken).send(b);
    expect((await put(currentId, { ...currentBody, effectiveUntil: '2039-12-31' })).status).toBe(200);
    const created = await post(body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ regulation: 'Perban BKN uji/2040', months: [4, 10], effectiveFrom: '2040-01-01' });
    const periods = await verifier.get('/api/pangkat/periods?from=2039-11-01&count=3');
    expect(periods.body.items.map((p: { period: string }) => p.period)).toEqual(['2039-11-01', '2039-12-01', '2040-04-01']);

    const del = await bkdAdmin.delete(`/api/pangkat/regimes/${created.body.id}`).set('x-csrf-token', bkdAdmin.csrfToken);
    expect(del.status).toBe(204);
    expect((await put(currentId, currentBody)).status).toBe(200);
    expect((await bkdAdmin.delete(`/api/pangkat/regimes/${created.body.id}`).set('x-csrf-token', bkdAdmin.csrfToken)).status).toBe(404);

    const audit = await t.db.auditLog.findMany({ where: { entityType: 'kp_period_regime', entityId: { in: [String(currentId), String(created.body.id)] } }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['kp_period_regime.updated', 'kp_period_regime.created', 'kp_period_regime.deleted', 'kp_period_regime.updated']);
    expect(audit[0]).toMatchObject({ actorUserId: bkdAdmin.user.id, before: expect.objectContaining({ effectiveUntil: null }), after: expect.objectContaining({ effectiveUntil: '2039-12-31' }) });
    // The database keeps the rule too: no two regimes on one day.
    await expect(
      t.db.kpPeriodRegime.create({
        data: { regulation: 'x', effectiveFrom: d('2030-01-01'), months: [1], windowOpensMonthsBefore: 2, windowOpensDay: 1, windowClosesMonthsBefore: 2, windowClosesDay: 31 },
      }),
    ).rejects.toThrow();
  });

  it("a period's window set by BKD wins over the rule, and a proposal outside its window is refused with the window's dates", async () => {
    const url = '/api/pangkat/periods/2027-02-01/window';
    const body = { opens: '2026-11-15', closes: '2026-12-10', note: 'Pengumuman BKN uji' };
    expect((await supertest(t.app).put(url).send(body)).status).toBe(401);
    expect((await verifier.put(url).set('x-csrf-token', verifier.csrfToken).send(body)).status).toBe(403);
    const set = (u: string, b: object) => bkdAdmin.put(u).set('x-csrf-token', bkdAdmin.csrfToken).send(b);
    expect((await set('/api/pangkat/periods/2027-02-15/window', body)).status).toBe(422); // not a 1st
    const notPeriod = await set('/api/pangkat/periods/2024-03-01/window', { opens: '2024-01-01', closes: '2024-01-31' });
    expect(notPeriod.status).toBe(422);
    expect(notPeriod.body.error.code).toBe('not_a_kp_period');
    expect((await set(url, { opens: '2026-12-10', closes: '2026-11-15' })).status).toBe(422);

    // By the rule, 1 February 2027 opens on 1 December: a proposal today is refused, naming the window.
    const refused = await assertSubmissionWindow(t.db, '2027-02-01', TEST_TODAY).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({
      status: 422,
      code: 'outside_submission_window',
      message: 'Pengusulan KP periode 1 Februari 2027 belum dibuka; jadwalnya 1 Desember 2026 s.d. 31 Desember 2026.',
      details: { period: '2027-02-01', opens: '2026-12-01', closes: '2026-12-31', status: 'JADWAL_BELUM_DIBUKA' },
    });
    await expect(assertSubmissionWindow(t.db, '2027-01-01', TEST_TODAY)).resolves.toMatchObject({ opens: '2026-11-01', closes: '2026-11-30' });
    await expect(assertSubmissionWindow(t.db, '2026-12-01', TEST_TODAY)).rejects.toMatchObject({
      code: 'outside_submission_window',
      message: 'Pengusulan KP periode 1 Desember 2026 sudah ditutup; jadwalnya 1 Oktober 2026 s.d. 31 Oktober 2026.',
    });
    await expect(assertSubmissionWindow(t.db, '2027-01-15', TEST_TODAY)).rejects.toMatchObject({ code: 'not_a_kp_period' });

    const ok = await set(url, body);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ period: '2027-02-01', opens: '2026-11-15', closes: '2026-12-10', source: 'DITETAPKAN', status: 'DIBUKA', note: 'Pengumuman BKN uji' });
    await expect(assertSubmissionWindow(t.db, '2027-02-01', TEST_TODAY)).resolves.toMatchObject({ source: 'DITETAPKAN' });

    const cleared = await bkdAdmin.delete(url).set('x-csrf-token', bkdAdmin.csrfToken);
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ opens: '2026-12-01', closes: '2026-12-31', source: 'ATURAN' });
    expect((await bkdAdmin.delete(url).set('x-csrf-token', bkdAdmin.csrfToken)).status).toBe(404);
    const audit = await t.db.auditLog.findMany({ where: { entityType: 'kp_period', entityId: '2027-02-01' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['kp_period.window_set', 'kp_period.window_cleared']);
    expect(audit[0]!.after).toMatchObject({ opens: '2026-11-15', closes: '2026-12-10' });
  });
});

// ---------------------------------------------------------------------------

describe('eligibility list per period', () => {
  let top: { id: number; kode: string };
  let sub: { id: number; kode: string };
  let other: { id: number; kode: string };
  let people: Record<string, Awaited<ReturnType<typeof person>>>;
  let pakDoc: number;

  beforeAll(async () => {
    top = await createOpd(t.db, { nama: 'Dinas Uji KP' });
    sub = await createOpd(t.db, { parentId: top.id, nama: 'UPT Uji KP' });
    other = await createOpd(t.db, { nama: 'Dinas Lain' });
    people = {
      ok: await person(top.id, { nama: 'Ahmad Layak' }),
      short: await person(top.id, { tmtGolongan: '2023-02-01', nama: 'Budi Belum Empat Tahun' }),
      lowSkp: await person(top.id, { skp: { 2024: 'BAIK', 2025: 'BUTUH_PERBAIKAN' } }),
      noSkp: await person(top.id, { skp: { 2024: 'BAIK' } }),
      ceilingSma: await person(top.id, { golongan: 'III/b', pendidikan: 'SMA' }),
      ceilingD3: await person(top.id, { golongan: 'III/c', pendidikan: 'D3' }),
      belowCeilingD3: await person(top.id, { golongan: 'III/b', pendidikan: 'D3' }),
      penalty: await person(top.id, { penalty: true }),
      retiring: await person(top.id, { birth: '1968-11-10' }), // BUP 58 on 10 Nov 2026: pension TMT 1 Dec 2026
      crossing: await person(sub.id, { golongan: 'II/d', pendidikan: 'S1' }), // a unit under the OPD
      struktural: await person(top.id, { jabatan: 'STRUKTURAL', eselon: 'III.b', golongan: 'III/c', pendidikan: 'SMA', tmtJabatan: '2024-01-01' }),
      strukturalNew: await person(top.id, { jabatan: 'STRUKTURAL', eselon: 'III.b', golongan: 'III/c', pendidikan: 'SMA', tmtJabatan: '2026-06-01' }),
      fungsional: await person(top.id, { jabatan: 'FUNGSIONAL', jenjang: 'AHLI_PERTAMA', tmtGolongan: '2024-10-01' }),
      fungsionalNoAk: await person(top.id, { jabatan: 'FUNGSIONAL', jenjang: 'AHLI_PERTAMA', tmtGolongan: '2024-10-01' }),
      pi: await person(top.id, { golongan: 'II/c', tmtGolongan: '2025-10-01', pendidikan: 'S1', diplomas: [{ jenjang: 'SMA', tahunLulus: 2008 }, { jenjang: 'S1', tahunLulus: 2024 }] }),
      pppk: await person(top.id, { status: 'PPPK' }),
      kontrak: await person(top.id, { status: 'KONTRAK' }),
      cpns: await person(top.id, { status: 'CPNS' }),
      retired: await person(top.id, { tmtBerhenti: '2026-06-01' }),
      elsewhere: await person(other.id),
    };
    pakDoc = (await createDocumentRow(t.db, people.fungsional!.id, 'LAINNYA')).id;
  });

  it('angka kredit: recorded with its PAK document by BKD or the OPD admin (audited); 401/403/422', async () => {
    const url = `/api/pangkat/employees/${people.fungsional!.id}/angka-kredit`;
    const body = { nilai: 52.5, tanggalPak: '2026-07-15', nomorPak: `PAK-${people.fungsional!.id}`, documentId: pakDoc };
    expect((await supertest(t.app).post(url).send(body)).status).toBe(401);
    const outsider = await loginAgent(t.app, (await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [other.id] })).username, PASSWORD);
    expect((await outsider.post(url).set('x-csrf-token', outsider.csrfToken).send(body)).status).toBe(403);
    const asnUser = await createUser(t.db, { roles: ['ASN'], employeeId: people.fungsional!.id });
    const asn = await loginAgent(t.app, asnUser.username, PASSWORD);
    expect((await asn.post(url).set('x-csrf-token', asn.csrfToken).send(body)).status).toBe(403);
    const own = await loginAgent(t.app, (await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [top.id] })).username, PASSWORD);
    const foreignDoc = (await createDocumentRow(t.db, people.ok!.id)).id;
    const wrongDoc = await own.post(url).set('x-csrf-token', own.csrfToken).send({ ...body, documentId: foreignDoc });
    expect(wrongDoc.status).toBe(422);
    expect((await own.post(url).set('x-csrf-token', own.csrfToken).send({ ...body, tanggalPak: '2027-01-01' })).status).toBe(422);
    const created = await own.post(url).set('x-csrf-token', own.csrfToken).send(body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ nilai: 52.5, tanggalPak: '2026-07-15', documentId: pakDoc });
    expect((await own.post(url).set('x-csrf-token', own.csrfToken).send(body)).status).toBe(409);
    const list = await asn.get(url);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    const audit = await t.db.auditLog.findFirst({ where: { entityType: 'angka_kredit', entityId: String(created.body.id) } });
    expect(audit).toMatchObject({ action: 'angka_kredit.created', employeeId: people.fungsional!.id });
  });

  it('BKD sees the rules applied to every active PNS of the OPD (and its units); PPPK, contract, CPNS and retired staff are not listed', async () => {
    const res = await eligibleList(verifier, `period=2027-01-01&opd=${top.kode}&pageSize=200`);
    expect(res.status).toBe(200);
    const body = EligibleResult.parse(res.body);
    expect(body.period).toMatchObject({ period: '2027-01-01', opens: '2026-11-01', closes: '2026-11-30', status: 'DIBUKA' });
    const rows = byNip(body.items);
    const row = (k: string) => rows.get(people[k]!.nip);
    for (const k of ['pppk', 'kontrak', 'cpns', 'retired', 'elsewhere']) expect(row(k), k).toBeUndefined();
    expect(body.items).toHaveLength(Object.keys(people).length - 5);
    expect(body.totals).toMatchObject({ all: body.items.length });

    expect(row('ok')).toMatchObject({ eligible: true, jenis: 'REGULER', from: 'III/a', to: 'III/b', reasons: [], flags: [], opd: { kode: top.kode } });
    expect(row('short')).toMatchObject({ eligible: false, jenis: null, codes: ['MASA_KERJA_KURANG'] });
    expect(row('short')!.reasons[0]).toContain('terpenuhi 1 Februari 2027');
    expect(row('lowSkp')).toMatchObject({ eligible: false, codes: ['SKP_DI_BAWAH_BATAS'], reasons: ['Predikat SKP tahun 2025 (Butuh Perbaikan) di bawah Baik.'] });
    expect(row('noSkp')).toMatchObject({ eligible: false, codes: ['SKP_TIDAK_ADA'], reasons: ['SKP tahun 2025 belum tersedia.'] });
    expect(row('ceilingSma')).toMatchObject({ eligible: false, codes: ['PANGKAT_PUNCAK'] });
    expect(row('ceilingSma')!.reasons[0]).toContain('adalah III/b');
    expect(row('ceilingD3')).toMatchObject({ eligible: false, codes: ['PANGKAT_PUNCAK'] });
    expect(row('belowCeilingD3')).toMatchObject({ eligible: true, to: 'III/c' });
    expect(row('penalty')).toMatchObject({ eligible: false, codes: ['HUKDIS_AKTIF'], reasons: ['Sedang menjalani hukuman disiplin.'] });
    expect(row('retiring')).toMatchObject({ eligible: false, codes: ['PENSIUN'] });
    expect(row('crossing')).toMatchObject({ eligible: true, jenis: 'REGULER', from: 'II/d', to: 'III/a', opd: { kode: sub.kode } });
    expect(row('crossing')!.flags.map((f) => f.code)).toEqual(['UJIAN_DINAS']);
    expect(row('struktural')).toMatchObject({ eligible: true, jenis: 'PILIHAN_STRUKTURAL', to: 'III/d' });
    expect(row('strukturalNew')).toMatchObject({ eligible: false, codes: ['PANGKAT_PUNCAK', 'MASA_JABATAN_KURANG'] });
    expect(row('fungsional')).toMatchObject({ eligible: true, jenis: 'PILIHAN_FUNGSIONAL', to: 'III/b' });
    expect(row('fungsionalNoAk')).toMatchObject({ eligible: false, codes: ['ANGKA_KREDIT_TIDAK_ADA'] });
    expect(row('pi')).toMatchObject({ eligible: true, jenis: 'PENYESUAIAN_IJAZAH', from: 'II/c', to: 'III/a' });
    expect(row('pi')!.flags.map((f) => f.code)).toEqual(['UJIAN_PENYESUAIAN_IJAZAH']);
    expect(body.totals.byJenis).toEqual({ REGULER: 3, PILIHAN_STRUKTURAL: 1, PILIHAN_FUNGSIONAL: 1, PENYESUAIAN_IJAZAH: 1 });

    // Time in rank is judged on the period date: a month later Budi qualifies.
    const feb = EligibleResult.parse((await eligibleList(verifier, `period=2027-02-01&opd=${top.kode}&pageSize=200`)).body);
    expect(byNip(feb.items).get(people.short!.nip)).toMatchObject({ eligible: true, jenis: 'REGULER' });
    // A date that is no KP period is refused.
    expect((await eligibleList(verifier, 'period=2027-01-15')).status).toBe(422);
    expect((await eligibleList(verifier, 'period=2027-01-01&opd=TIDAK-ADA')).status).toBe(404);
  });

  it('filters, search and pages; the default period is the one being prepared', async () => {
    const eligibleOnly = EligibleResult.parse((await eligibleList(verifier, `opd=${top.kode}&status=eligible&pageSize=2&page=2`)).body);
    expect(eligibleOnly.period.period).toBe('2027-01-01');
    expect(eligibleOnly.total).toBe(6);
    expect(eligibleOnly.items).toHaveLength(2);
    expect(eligibleOnly.items.every((r) => r.eligible)).toBe(true);
    const ineligible = EligibleResult.parse((await eligibleList(verifier, `opd=${top.kode}&status=ineligible&pageSize=200`)).body);
    expect(ineligible.items.every((r) => !r.eligible && r.reasons.length > 0)).toBe(true);
    expect(ineligible.total + eligibleOnly.total).toBe(ineligible.totals.all);
    const pilihan = EligibleResult.parse((await eligibleList(verifier, `opd=${top.kode}&jenis=PILIHAN_STRUKTURAL`)).body);
    expect(pilihan.items.map((r) => r.nip)).toEqual([people.struktural!.nip]);
    const byName = EligibleResult.parse((await eligibleList(verifier, `opd=${top.kode}&q=layak`)).body);
    expect(byName.items.map((r) => r.nip)).toEqual([people.ok!.nip]);
    const byNipPrefix = EligibleResult.parse((await eligibleList(verifier, `q=${people.short!.nip}`)).body);
    expect(byNipPrefix.items.map((r) => r.nip)).toEqual([people.short!.nip]);
    expect((await eligibleList(verifier, 'pageSize=500')).status).toBe(422);
  });

  it('OPD scoping: an OPD admin sees only their units and only the next periods; an ASN does not see the list', async () => {
    const own = await loginAgent(t.app, (await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [top.id] })).username, PASSWORD);
    const mine = EligibleResult.parse((await eligibleList(own, 'period=2027-01-01&pageSize=200')).body);
    const nips = new Set(mine.items.map((r) => r.nip));
    expect(nips.has(people.ok!.nip)).toBe(true);
    expect(nips.has(people.crossing!.nip)).toBe(true); // the unit under the OPD
    expect(nips.has(people.elsewhere!.nip)).toBe(false);
    expect(mine.items.every((r) => r.opd.id === top.id || r.opd.id === sub.id)).toBe(true);
    // Another OPD's list, even searched by NIP, is not theirs.
    expect((await eligibleList(own, `period=2027-01-01&opd=${other.kode}`)).status).toBe(403);
    expect(EligibleResult.parse((await eligibleList(own, `q=${people.elsewhere!.nip}`)).body).items).toEqual([]);
    // A unit under their OPD: allowed.
    expect(EligibleResult.parse((await eligibleList(own, `opd=${sub.kode}`)).body).items.map((r) => r.nip)).toEqual([people.crossing!.nip]);
    // Past periods and periods beyond the next twelve are BKD's.
    const past = await eligibleList(own, 'period=2026-10-01');
    expect(past.status).toBe(403);
    expect(past.body.error.message).toContain('periode-periode mendatang');
    expect((await eligibleList(own, 'period=2028-06-01')).status).toBe(403);
    expect((await eligibleList(verifier, 'period=2026-10-01')).status).toBe(200);

    const otherAdmin = await loginAgent(t.app, (await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [other.id] })).username, PASSWORD);
    const theirs = EligibleResult.parse((await eligibleList(otherAdmin, 'period=2027-01-01&pageSize=200')).body);
    expect(theirs.items.map((r) => r.nip)).toEqual([people.elsewhere!.nip]);
    expect((await eligibleList(otherAdmin, `opd=${top.kode}`)).status).toBe(403);

    expect((await supertest(t.app).get('/api/pangkat/eligible')).status).toBe(401);
    const asnUser = await createUser(t.db, { roles: ['ASN'], employeeId: people.ok!.id });
    const asn = await loginAgent(t.app, asnUser.username, PASSWORD);
    expect((await eligibleList(asn, '')).status).toBe(403);
  });

  it('the ASN sees their earliest period and what is missing', async () => {
    const me = async (employeeId: number | undefined) => {
      // One account per employee (user.employee_id is unique): reuse the one an earlier test made.
      const existing = employeeId ? await t.db.user.findUnique({ where: { employeeId } }) : null;
      const u = existing ?? (await createUser(t.db, { roles: ['ASN'], employeeId }));
      return (await loginAgent(t.app, u.username, PASSWORD)).get('/api/pangkat/me');
    };
    expect((await supertest(t.app).get('/api/pangkat/me')).status).toBe(401);
    expect((await me(undefined)).status).toBe(404);

    const short = MyKpResult.parse((await me(people.short!.id)).body);
    expect(short).toMatchObject({
      applicable: true,
      next: { period: { period: '2027-01-01', status: 'DIBUKA' }, eligible: false },
      earliest: { period: { period: '2027-02-01', opens: '2026-12-01', closes: '2026-12-31' }, eligible: true, jenis: 'REGULER', to: 'III/b', missing: [] },
    });
    expect(short.next!.reasons[0]).toContain('belum 4 tahun');

    // In rank since March 2023: earliest 1 March 2027, when the SKP of 2026 (not recorded yet) is still missing.
    const later = await person(top.id, { tmtGolongan: '2023-03-01' });
    const m = MyKpResult.parse((await me(later.id)).body);
    expect(m.earliest).toMatchObject({ period: { period: '2027-03-01' }, eligible: false, missing: ['SKP tahun 2026 belum tersedia.'] });

    const ok = MyKpResult.parse((await me(people.ok!.id)).body);
    expect(ok.next).toMatchObject({ eligible: true, jenis: 'REGULER', to: 'III/b' });
    expect(ok.earliest).toMatchObject({ period: { period: '2027-01-01' }, eligible: true });

    const ceiling = MyKpResult.parse((await me(people.ceilingSma!.id)).body);
    expect(ceiling).toMatchObject({ applicable: true, earliest: null });
    expect(ceiling.next!.reasons.join(' ')).toContain('Pangkat puncak');

    const pppk = MyKpResult.parse((await me(people.pppk!.id)).body);
    expect(pppk).toMatchObject({ applicable: false, next: null, earliest: null });
    expect(pppk.reason).toContain('hanya untuk PNS');
  });

  it('the command line prints every active PNS in scope as JSON (and refuses a date that is no period)', async () => {
    const cli = ['node_modules/tsx/dist/cli.mjs', 'server/src/cli/pangkat-eligible.ts'];
    const env = cliEnv(t.config.DATABASE_URL);
    const { stdout } = await run(process.execPath, [...cli, '--period', '2027-01-01', '--opd', top.kode, '--json'], { cwd: ROOT, env });
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['period', 'eligible', 'ineligible']);
    const out = EligibleCliOutput.parse(json);
    expect(out.period).toBe('2027-01-01');
    expect(out.eligible.find((r) => r.nip === people.ok!.nip)).toEqual({ nip: people.ok!.nip, nama: 'Ahmad Layak', from: 'III/a', to: 'III/b', jenis: 'REGULER' });
    for (const r of out.eligible) expect(Object.keys(r)).toEqual(['nip', 'nama', 'from', 'to', 'jenis']);
    for (const r of out.ineligible) {
      expect(Object.keys(r)).toEqual(['nip', 'nama', 'reasons']);
      expect(r.reasons.length).toBeGreaterThan(0);
    }
    expect(out.ineligible.find((r) => r.nip === people.penalty!.nip)?.reasons).toEqual(['Sedang menjalani hukuman disiplin.']);
    // Every active PNS of the OPD and its units, once; nobody else.
    const pns = await t.db.employee.findMany({
      where: { opdId: { in: [top.id, sub.id] }, statusKepegawaian: 'PNS', OR: [{ tmtBerhenti: null }, { tmtBerhenti: { gt: d(TEST_TODAY) } }] },
      select: { nip: true },
    });
    const listed = [...out.eligible, ...out.ineligible].map((r) => r.nip);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.sort()).toEqual(pns.map((p) => p.nip).sort());
    for (const k of ['pppk', 'kontrak', 'cpns', 'retired', 'elsewhere']) expect(listed).not.toContain(people[k]!.nip);
    // The same verdicts as the API.
    const api = EligibleResult.parse((await eligibleList(verifier, `period=2027-01-01&opd=${top.kode}&status=eligible&pageSize=200`)).body);
    expect(out.eligible.map((r) => r.nip).sort()).toEqual(api.items.map((r) => r.nip).sort());

    const refused = await run(process.execPath, [...cli, '--period', '2027-01-15', '--json'], { cwd: ROOT, env }).catch((e: { code: number; stderr: string }) => e);
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stderr: string }).stderr).toContain('bukan periode KP');
  });
});

describe('one clock', () => {
  it("periods, the default period and the windows' status follow the app's date (APP_TODAY), never the machine's", async () => {
    const later = buildTestApp({ APP_TODAY: '2031-03-15' });
    try {
      const admin = await loginAgent(later.app, (await createUser(later.db, { roles: ['BKD_VERIFIER'] })).username, PASSWORD);
      const periods = await admin.get('/api/pangkat/periods?count=2');
      expect(periods.body).toMatchObject({
        today: '2031-03-15',
        items: [
          { period: '2031-04-01', status: 'DITUTUP' },
          { period: '2031-05-01', opens: '2031-03-01', closes: '2031-03-31', status: 'DIBUKA' },
        ],
      });
      const list = await admin.get('/api/pangkat/eligible?pageSize=1');
      expect(list.body.period).toMatchObject({ period: '2031-05-01', status: 'DIBUKA' });
      await expect(assertSubmissionWindow(later.db, '2031-05-01')).resolves.toMatchObject({ period: '2031-05-01' });
    } finally {
      await later.close();
      setClock(fixedClock(TEST_TODAY)); // the clock is the process's: give it back to this file's app
    }
  });
});

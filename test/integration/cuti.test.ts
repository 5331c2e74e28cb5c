import { PDFParse } from 'pdf-parse';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../../server/src/jobs/handlers.ts';
import type { JobCtx } from '../../server/src/jobs/types.ts';
import { createMailer } from '../../server/src/mail/mailer.ts';
import { type Agent, buildTestApp, loginAgent, post, put, type TestApp } from '../support/app.ts';
import { createAsn, createDocumentRow, createOpd, createUser, PASSWORD } from '../support/factories.ts';

let t: TestApp;
beforeAll(() => {
  t = buildTestApp({ PUBLIC_URL: 'https://simak.example.go.id' });
});
afterAll(() => t.close());

const act = (a: Agent, id: number, action: string, version: number, note?: string) => post(a, `/api/requests/${id}/actions/${action}`, { version, note });
const d = (s: string) => new Date(`${s}T00:00:00Z`);

/** OPD A: the ASN (service since 2015-03, from the test NIP) and their atasan; OPD B: another ASN; BKD and OPD admins. */
async function world() {
  const opd = await createOpd(t.db);
  const otherOpd = await createOpd(t.db);
  const boss = await createAsn(t.db, opd.id);
  const asn = await createAsn(t.db, opd.id, { atasanId: boss.employee.id });
  const other = await createAsn(t.db, otherOpd.id);
  const verifier = await createUser(t.db, { roles: ['BKD_VERIFIER'] });
  const admin = await createUser(t.db, { roles: ['BKD_ADMIN'] });
  const opdAdmin = await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [opd.id] });
  const otherAdmin = await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [otherOpd.id] });
  const login = (u: { username: string }) => loginAgent(t.app, u.username, PASSWORD);
  return { opd, boss, asn, other, verifier, admin, opdAdmin, otherAdmin, login };
}

const annual = (mulai: string, selesai: string) => ({
  period: { jenis: 'TAHUNAN', mulai, selesai },
  alasan: 'Keperluan keluarga',
  alamatSelamaCuti: 'Jl. Kenanga No. 17, Lumajang',
});

function jobCtx(): JobCtx {
  return { db: t.db, redis: t.ctx.redis, config: t.config, logger: t.ctx.logger, mailer: createMailer(undefined, 'x'), storage: t.ctx.storage, attempt: 1 };
}

describe('e-Cuti: balance before asking', () => {
  it('401 without a session, 404 for an account without an employee record, the balance with carry-over for the ASN', async () => {
    const w = await world();
    expect((await supertest(t.app).get('/api/cuti/me')).status).toBe(401);
    expect((await (await w.login(w.verifier)).get('/api/cuti/me')).status).toBe(404);
    // 8 days taken in 2025 → 4 carried into 2026: 16; 3 taken in 2026 → 13 left.
    await t.db.riwayatCuti.createMany({
      data: [
        { employeeId: w.asn.employee.id, jenisCuti: 'TAHUNAN', tanggalMulai: d('2025-06-02'), tanggalSelesai: d('2025-06-11'), lamaHari: 8 },
        { employeeId: w.asn.employee.id, jenisCuti: 'TAHUNAN', tanggalMulai: d('2026-02-02'), tanggalSelesai: d('2026-02-04'), lamaHari: 3 },
        { employeeId: w.asn.employee.id, jenisCuti: 'SAKIT', tanggalMulai: d('2026-03-02'), tanggalSelesai: d('2026-03-03'), lamaHari: 2 },
      ],
    });
    const me = await (await w.login(w.asn)).get('/api/cuti/me');
    expect(me.status).toBe(200);
    expect(me.body.year).toBe(2026);
    expect(me.body.annual).toMatchObject({ eligible: true, base: 12, carried: 4, entitlement: 16, used: 3, pending: 0, remaining: 13 });
    expect(me.body.types.find((x: { jenis: string }) => x.jenis === 'SAKIT')).toMatchObject({ takenDays: 2 });
    expect(me.body.history).toHaveLength(3);
    // Two years without annual leave: 24.
    const fresh = await (await w.login(w.other)).get('/api/cuti/me');
    expect(fresh.body.annual).toMatchObject({ carried: 12, entitlement: 24 });
  });

  it('preview counts working days without weekends, national holidays and cuti bersama (the seeded calendar)', async () => {
    const w = await world();
    expect((await supertest(t.app).post('/api/cuti/preview').send({ jenis: 'TAHUNAN', mulai: '2026-12-21', selesai: '2026-12-31' })).status).toBe(401);
    const me = await w.login(w.asn);
    const r = await post(me, '/api/cuti/preview', { jenis: 'TAHUNAN', mulai: '2026-12-21', selesai: '2026-12-31' });
    expect(r.status).toBe(200);
    // 9 weekdays minus 24 Dec (cuti bersama) and 25 Dec (Christmas).
    expect(r.body).toMatchObject({ lamaHari: 7, calendarDays: 11, issues: [] });
    const sick = await post(me, '/api/cuti/preview', { jenis: 'SAKIT', mulai: '2026-12-01', selesai: '2026-12-20' });
    expect(sick.body.documents).toEqual([{ key: 'SURAT_DOKTER_PEMERINTAH', label: 'Surat keterangan dokter pemerintah', required: true }]);
    const bad = await post(me, '/api/cuti/preview', { jenis: 'TAHUNAN', mulai: '2026-12-10', selesai: '2026-12-01' });
    expect(bad.status).toBe(422);
  });
});

describe('e-Cuti: the unit\'s working week', () => {
  it('a unit that works Saturdays counts them as leave days; a five-day unit does not', async () => {
    const w = await world();
    await t.db.jadwalKerjaOpd.createMany({ data: [1, 2, 3, 4, 5, 6].map((hari) => ({ opdId: w.opd.id, hari, jamMasuk: '07:00', jamPulang: hari === 6 ? '12:00' : '14:00' })) });
    const six = await post(await w.login(w.asn), '/api/cuti/preview', { jenis: 'TAHUNAN', mulai: '2026-12-21', selesai: '2026-12-31' });
    // 9 weekdays and Saturday 26 Dec, minus 24 Dec (cuti bersama) and 25 Dec (Christmas).
    expect(six.body).toMatchObject({ lamaHari: 8, calendarDays: 11 });
    const five = await post(await w.login(w.other), '/api/cuti/preview', { jenis: 'TAHUNAN', mulai: '2026-12-21', selesai: '2026-12-31' });
    expect(five.body).toMatchObject({ lamaHari: 7, calendarDays: 11 });
    // A request over a Saturday alone is one day for the six-day unit.
    const sat = await post(await w.login(w.asn), '/api/cuti/preview', { jenis: 'TAHUNAN', mulai: '2026-12-05', selesai: '2026-12-05' });
    expect(sat.body.lamaHari).toBe(1);
  });
});

describe('e-Cuti: asking', () => {
  it('401, 201 for the ASN (waiting for the atasan), 409 for an overlapping request, 422 for a broken rule or a missing doctor\'s letter', async () => {
    const w = await world();
    expect((await supertest(t.app).post('/api/cuti').send(annual('2026-12-07', '2026-12-09'))).status).toBe(401);
    const me = await w.login(w.asn);
    const created = await post(me, '/api/cuti', annual('2026-12-07', '2026-12-09'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ type: 'CUTI', state: 'DIAJUKAN', version: 1 });
    expect(created.body.details).toMatchObject({ jenis: 'TAHUNAN', lamaHari: 3, jenisLabel: 'Cuti tahunan' });
    const row = await t.db.workflowRequest.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(row.assigneeEmployeeId).toBe(w.boss.employee.id);
    // The open request is held against the balance.
    expect((await me.get('/api/cuti/me')).body.annual).toMatchObject({ pending: 3, remaining: 21 });

    const overlap = await post(me, '/api/cuti', { ...annual('2026-12-09', '2026-12-10'), period: { jenis: 'SAKIT', mulai: '2026-12-09', selesai: '2026-12-10' } });
    expect(overlap.status).toBe(409);
    expect(overlap.body.error.code).toBe('cuti_overlap');
    expect(await t.db.workflowRequest.count({ where: { employeeId: w.asn.employee.id, type: 'CUTI' } })).toBe(1);

    const tooMuch = await post(me, '/api/cuti', annual('2026-11-02', '2026-12-04'));
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.error.code).toBe('cuti_rule');
    expect(tooMuch.body.error.details.issues.map((i: { code: string }) => i.code)).toEqual(['balance_exceeded']);

    const sick = { period: { jenis: 'SAKIT', mulai: '2026-12-14', selesai: '2026-12-15' }, alasan: 'Demam berdarah', alamatSelamaCuti: 'Rumah sendiri' };
    const noLetter = await post(me, '/api/cuti', sick);
    expect(noLetter.status).toBe(422);
    expect(noLetter.body.error.code).toBe('document_required');
    const doc = await createDocumentRow(t.db, w.asn.employee.id);
    const withLetter = await post(me, '/api/cuti', { ...sick, documentIds: [doc.id] });
    expect(withLetter.status).toBe(201);
    expect(await t.db.requestItem.findMany({ where: { requestId: withLetter.body.id }, select: { key: true, documentId: true } })).toEqual([{ key: 'SURAT_DOKTER', documentId: doc.id }]);

    // Someone else's document cannot be attached.
    const foreign = await createDocumentRow(t.db, w.other.employee.id);
    expect((await post(me, '/api/cuti', { ...sick, period: { ...sick.period, mulai: '2026-12-16', selesai: '2026-12-16' }, documentIds: [foreign.id] })).status).toBe(422);
  });

  it('two concurrent overlapping requests: one is created, the other refused', async () => {
    const w = await world();
    const me = await w.login(w.asn);
    const [a, b] = await Promise.all([post(me, '/api/cuti', annual('2026-12-14', '2026-12-16')), post(me, '/api/cuti', annual('2026-12-15', '2026-12-17'))]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
  });
});

describe('e-Cuti: the approval chain', () => {
  it('atasan, then BKD: history row, letter and audit in the transaction; others are refused', async () => {
    const w = await world();
    const me = await w.login(w.asn);
    const created = await post(me, '/api/cuti', annual('2026-12-21', '2026-12-31'));
    expect(created.status).toBe(201);
    const id = created.body.id as number;

    // Not the ASN themself, not another ASN, not the OPD admin while it waits for the atasan, not BKD yet.
    expect((await act(me, id, 'approve_atasan', 1)).status).toBe(403);
    expect([403, 404]).toContain((await act(await w.login(w.other), id, 'approve_atasan', 1)).status);
    expect((await act(await w.login(w.opdAdmin), id, 'approve_atasan', 1)).status).toBe(403);
    expect((await act(await w.login(w.verifier), id, 'approve', 1)).status).toBe(409);

    // The atasan finds it in their queue and approves.
    const boss = await w.login(w.boss);
    const tasks = await boss.get('/api/requests/tasks');
    expect(tasks.status).toBe(200);
    expect(JSON.stringify(tasks.body)).toContain(`"id":${id}`);
    const step1 = await act(boss, id, 'approve_atasan', 1);
    expect(step1.status).toBe(200);
    expect(step1.body.state).toBe('MENUNGGU_BKD');

    // The OPD admin is not the configured final step; BKD is.
    expect((await act(await w.login(w.opdAdmin), id, 'approve', 2)).status).toBe(403);
    const verifier = await w.login(w.verifier);
    const done = await act(verifier, id, 'approve', 2);
    expect(done.status).toBe(200);
    expect(done.body.state).toBe('DISETUJUI');
    expect(done.body.details.letter).toMatchObject({ ready: false });

    const hist = await t.db.riwayatCuti.findMany({ where: { employeeId: w.asn.employee.id } });
    expect(hist).toHaveLength(1);
    expect(hist[0]).toMatchObject({ jenisCuti: 'TAHUNAN', lamaHari: 7, nomorSurat: done.body.details.letter.number, keterangan: 'Keperluan keluarga' });
    expect(await t.db.auditLog.count({ where: { action: 'riwayat_cuti.created', entityId: String(hist[0]!.id) } })).toBe(1);
    // The balance now counts it as used; the profile's Cuti tab reads riwayat_cuti.
    expect((await me.get('/api/cuti/me')).body.annual).toMatchObject({ used: 7, pending: 0, remaining: 17 });

    // The letter: rendered by the letters module, downloadable, with the leave's figures.
    const letter = await t.db.letter.findUniqueOrThrow({ where: { requestId: id } });
    expect(letter.kind).toBe('CUTI');
    expect((await handlers['letters.render']({ letterId: letter.id }, jobCtx())).status).toBe('done');
    const detail = await me.get(`/api/requests/${id}`);
    expect(detail.body.details.letter.ready).toBe(true);
    expect(detail.body.details.alamatSelamaCuti).toBeUndefined();
    const pdf = await me.get(detail.body.details.letter.downloadUrl).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(pdf.status).toBe(200);
    const text = (await new PDFParse({ data: new Uint8Array(pdf.body as Buffer) }).getText()).text.replace(/\s+/g, ' ');
    expect(text).toContain('SURAT IZIN CUTI TAHUNAN');
    expect(text).toContain(letter.number);
    expect(text).toContain('7 hari kerja');
    expect(text).toContain('21 Desember 2026');
    // The public verification page shows the period, never the address.
    const pub = await supertest(t.app).get(`/api/public/letters/${letter.token}`);
    expect(pub.status).toBe(200);
    expect(JSON.stringify(pub.body)).not.toContain('Kenanga');
    expect(pub.body.fields.map((f: { key: string }) => f.key)).toContain('jenisCuti');
  });

  it('the OPD step when configured; a rejection needs a note; the owner may cancel', async () => {
    const w = await world();
    await t.db.appSetting.upsert({ where: { key: 'cuti.final_step' }, create: { key: 'cuti.final_step', value: 'OPD' }, update: { value: 'OPD' } });
    try {
      const me = await w.login(w.asn);
      const id = (await post(me, '/api/cuti', annual('2026-12-01', '2026-12-02'))).body.id as number;
      const boss = await w.login(w.boss);
      expect((await act(boss, id, 'approve_atasan', 1)).body.state).toBe('MENUNGGU_OPD');
      expect((await act(await w.login(w.otherAdmin), id, 'approve', 2)).status).toBe(403);
      expect((await act(await w.login(w.opdAdmin), id, 'approve', 2)).body.state).toBe('DISETUJUI');

      const id2 = (await post(me, '/api/cuti', annual('2026-12-03', '2026-12-03'))).body.id as number;
      expect((await act(boss, id2, 'reject', 1)).status).toBe(422);
      const rejected = await act(boss, id2, 'reject', 1, 'Beban kerja akhir tahun');
      expect(rejected.body.state).toBe('DITOLAK');

      const id3 = (await post(me, '/api/cuti', annual('2026-12-03', '2026-12-04'))).body.id as number;
      expect((await act(me, id3, 'cancel', 1)).body.state).toBe('DIBATALKAN');
      // Closed requests no longer hold the days: the period can be asked again.
      expect((await post(me, '/api/cuti', annual('2026-12-03', '2026-12-04'))).status).toBe(201);
    } finally {
      await t.db.appSetting.delete({ where: { key: 'cuti.final_step' } });
    }
  });

  it('leave granted meanwhile over the same days blocks the approval with 409 (guard)', async () => {
    const w = await world();
    const me = await w.login(w.asn);
    const id = (await post(me, '/api/cuti', annual('2026-12-08', '2026-12-10'))).body.id as number;
    // E.g. sick leave recorded by the OPD admin's import after the request was made.
    await t.db.riwayatCuti.create({ data: { employeeId: w.asn.employee.id, jenisCuti: 'SAKIT', tanggalMulai: d('2026-12-10'), tanggalSelesai: d('2026-12-11'), lamaHari: 2 } });
    const r = await act(await w.login(w.boss), id, 'approve_atasan', 1);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('cuti_overlap');
    const detail = await (await w.login(w.boss)).get(`/api/requests/${id}`);
    const action = detail.body.actions.find((a: { action: string }) => a.action === 'approve_atasan');
    expect(action).toMatchObject({ enabled: false });
  });
});

describe('e-Cuti: the holiday calendar', () => {
  it('read by users, replaced by a BKD admin only; leave counts follow it', async () => {
    const w = await world();
    expect((await supertest(t.app).get('/api/cuti/holidays/2026')).status).toBe(401);
    const me = await w.login(w.asn);
    const cal = await me.get('/api/cuti/holidays/2026');
    expect(cal.status).toBe(200);
    expect(cal.body.items).toContainEqual({ tanggal: '2026-12-25', jenis: 'LIBUR_NASIONAL', keterangan: 'Hari Raya Natal' });
    const body = { items: [{ tanggal: '2028-01-03', jenis: 'CUTI_BERSAMA', keterangan: 'Uji' }] };
    expect((await put(me, '/api/cuti/holidays/2028', body)).status).toBe(403);
    expect((await put(await w.login(w.verifier), '/api/cuti/holidays/2028', body)).status).toBe(403);
    const admin = await w.login(w.admin);
    expect((await put(admin, '/api/cuti/holidays/2028', { items: [{ tanggal: '2027-01-03', jenis: 'CUTI_BERSAMA', keterangan: 'x' }] })).status).toBe(422);
    const ok = await put(admin, '/api/cuti/holidays/2028', body);
    expect(ok.status).toBe(200);
    expect(ok.body.items).toEqual(body.items);
    expect(await t.db.auditLog.count({ where: { action: 'hari_libur.replaced', entityId: '2028' } })).toBe(1);
    // 3 Jan 2028 (Monday) no longer counts as a working day.
    const p = await post(me, '/api/cuti/preview', { jenis: 'TAHUNAN', mulai: '2028-01-03', selesai: '2028-01-04' });
    expect(p.body.lamaHari).toBe(1);
    await put(admin, '/api/cuti/holidays/2028', { items: [] });
  });
});

/**
 * e-Pangkat parts 5–6: BKN's pertek and the SK recorded on an approved proposal (one transaction:
 * rank history, current rank, MKG and salary from the table, the summary letter, notifications;
 * nothing at all when it fails half-way), the new rank feeding the KGB computation, the report per
 * period and OPD (JSON and XLSX) and the LKj counter. The app runs on TEST_TODAY (2026-11-30).
 */
import { GAJI_POKOK_PP_5_2024, lookupGajiPokok } from '@simak/shared';
import ExcelJS from 'exceljs';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../../server/src/jobs/handlers.ts';
import type { JobCtx } from '../../server/src/jobs/types.ts';
import { createMailer } from '../../server/src/mail/mailer.ts';
import { computeKgb } from '../../server/src/modules/berkala/scan.ts';
import { allSalaryTables } from '../../server/src/modules/berkala/salary.ts';
import { computeCounters } from '../../server/src/modules/indicators/counters.ts';
import { buildTestApp, loginAgent, type TestApp } from '../support/app.ts';
import { createOpd, createUser, PASSWORD } from '../support/factories.ts';
import { kpCast, type Agent } from '../support/pangkat.ts';
import { tinyPdf } from '../support/pdf.ts';

const JAN = '2027-01-01';
let t: TestApp;
let c: Awaited<ReturnType<typeof kpCast>>;
let bkdProposer: Agent;

beforeAll(async () => {
  t = buildTestApp();
  c = await kpCast(t);
  bkdProposer = (await c.signIn(['BKD_ADMIN'])).agent;
});
afterAll(() => t.close());

/** A proposal for the January period, verified complete (DISETUJUI). */
async function approvedProposal(opdId = c.opdA.id) {
  const p = await c.h.person(opdId, { vault: true, account: true });
  // The OPD's own admin proposes (another unit: a second BKD admin, so the recording admin is not the proposer).
  const proposer = opdId === c.opdA.id ? c.opdAdmin : bkdProposer;
  const made = await c.h.propose(proposer, { period: JAN, employeeIds: [p.employee.id] });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const id = made.body.items[0].requestId as number;
  expect((await c.h.act(proposer, id, 'submit')).status).toBe(200);
  await c.h.judgeAll(c.verifier, id);
  const ok = await c.h.act(c.verifier, id, 'approve');
  expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  return { ...p, id };
}

/** The signed SK PDF, uploaded to the employee's vault by a BKD admin. */
async function uploadSk(employeeId: number, jenis = 'SK_PANGKAT') {
  const res = await c.bkdAdmin
    .post(`/api/employees/${employeeId}/documents`)
    .set('x-csrf-token', c.bkdAdmin.csrfToken)
    .field('jenis', jenis)
    .attach('file', tinyPdf(`SK KP ${employeeId}`), { filename: 'sk-kp.pdf', contentType: 'application/pdf' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.document as { id: number; sha256: string };
}

const pertek = { nomor: 'PT-12345/KR.II/2026', tanggal: '2026-11-20' };
const skData = (documentId: number, extra: object = {}) => ({ nomorSk: '800/KP/2026/001', tanggalSk: '2026-11-25', mkgTahun: 8, mkgBulan: 1, documentId, ...extra });

function jobCtx(): JobCtx {
  return { db: t.db, redis: t.ctx.redis, config: t.config, logger: t.ctx.logger, mailer: createMailer(undefined, 'x'), storage: t.ctx.storage, attempt: 1 };
}

describe('GET /api/pangkat/proposals/:id/sk-form', () => {
  it('401 without a session, 403 for the OPD admin and the ASN, the rules\' figures for BKD', async () => {
    const p = await approvedProposal();
    expect((await supertest(t.app).get(`/api/pangkat/proposals/${p.id}/sk-form`)).status).toBe(401);
    expect((await c.opdAdmin.get(`/api/pangkat/proposals/${p.id}/sk-form`)).status).toBe(403);
    const asn = await loginAgent(t.app, p.username!, PASSWORD);
    expect((await asn.get(`/api/pangkat/proposals/${p.id}/sk-form`)).status).toBe(403);
    const res = await c.verifier.get(`/api/pangkat/proposals/${p.id}/sk-form`);
    expect(res.status).toBe(200);
    // MKG 4 y 0 m at 1 Dec 2022 + 49 months to the TMT; salary of III/b at 8 years from PP 5/2024.
    expect(res.body).toMatchObject({
      tmt: JAN,
      golongan: 'III/b',
      mkgTahun: 8,
      mkgBulan: 1,
      gajiPokok: lookupGajiPokok(GAJI_POKOK_PP_5_2024, 'III/b', 8),
      regulation: 'PP 5/2024',
      authority: 'PPK',
      pertekRequired: true,
      pertek: null,
    });
  });
});

describe('recording the pertek and the SK', () => {
  it('pertek by a verifier, SK by a BKD admin: rank history, current rank, MKG, salary, summary letter, notifications, audit — then verifiable by QR', async () => {
    const p = await approvedProposal();
    expect((await c.h.act(c.opdAdmin, p.id, 'record_pertek', undefined, pertek)).status).toBe(403);
    const bad = await c.h.act(c.verifier, p.id, 'record_pertek', undefined, { nomor: '', tanggal: '2099-01-01' });
    expect(bad.status).toBe(422);
    const pt = await c.h.act(c.verifier, p.id, 'record_pertek', undefined, pertek);
    expect(pt.status, JSON.stringify(pt.body)).toBe(200);
    expect(pt.body.state).toBe('PERTEK');
    expect((await t.db.workflowRequest.findUniqueOrThrow({ where: { id: p.id } })).assigneeRoles).toEqual(['BKD_ADMIN']);

    const sk = await uploadSk(p.employee.id);
    // Only a BKD admin records the SK; the document must be this employee's SK pangkat PDF.
    expect((await c.h.act(c.verifier, p.id, 'record_sk', undefined, skData(sk.id))).status).toBe(403);
    const other = await c.h.person(c.opdA.id);
    const foreign = await uploadSk(other.employee.id);
    const wrongOwner = await c.h.act(c.bkdAdmin, p.id, 'record_sk', undefined, skData(foreign.id));
    expect(wrongOwner.status).toBe(422);
    expect(wrongOwner.body.error.code, JSON.stringify(wrongOwner.body)).toBe('sk_document_invalid');
    const ijazah = await uploadSk(p.employee.id, 'IJAZAH');
    expect((await c.h.act(c.bkdAdmin, p.id, 'record_sk', undefined, skData(ijazah.id))).body.error.code).toBe('sk_document_invalid');
    expect((await c.h.act(c.bkdAdmin, p.id, 'record_sk', undefined, { ...skData(sk.id), tanggalSk: '2099-01-01' })).status).toBe(422);

    const res = await c.h.act(c.bkdAdmin, p.id, 'record_sk', undefined, skData(sk.id));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.state).toBe('SK_TERBIT');
    const gaji = lookupGajiPokok(GAJI_POKOK_PP_5_2024, 'III/b', 8);

    const e = await t.db.employee.findUniqueOrThrow({ where: { id: p.employee.id } });
    expect(e).toMatchObject({ golongan: 'III/b', tmtGolongan: new Date(`${JAN}T00:00:00Z`), mkgTahun: 8, mkgBulan: 1, gajiPokok: gaji });
    const rp = await t.db.riwayatPangkat.findFirstOrThrow({ where: { employeeId: p.employee.id, golongan: 'III/b' } });
    expect(rp).toMatchObject({ jenisKp: 'REGULER', nomorSk: '800/KP/2026/001', pertekNomor: pertek.nomor, mkgTahun: 8, mkgBulan: 1, gajiPokok: gaji, documentId: sk.id });
    const audit = await t.db.auditLog.findMany({ where: { employeeId: p.employee.id, action: { in: ['riwayat_pangkat.created', 'kp.record_sk'] } } });
    expect(audit.map((a) => a.action).sort()).toEqual(['kp.record_sk', 'riwayat_pangkat.created']);
    for (const userId of [p.userId!, c.opdAdminUserId]) {
      const n = await t.db.notification.findMany({ where: { userId, kind: 'kp.sk_recorded' } });
      expect(n.filter((x) => x.link === `/usulan/${p.id}`)).toHaveLength(1);
    }

    // The ASN's profile shows the new rank.
    const asn = await loginAgent(t.app, p.username!, PASSWORD);
    const me = await asn.get(`/api/employees/${p.employee.id}`);
    expect(me.status).toBe(200);
    expect(JSON.stringify(me.body)).toContain('III/b');

    // The new rank is the basis of the next KGB (what the scan computes from the employee row).
    const kgb = computeKgb(
      { golongan: e.golongan!, tmt_golongan: e.tmtGolongan!, mkg_tahun: e.mkgTahun!, mkg_bulan: e.mkgBulan!, tmt_cpns: e.tmtCpns, kgb_tmt: null, kgb_mkg_tahun: null, kgb_mkg_bulan: null },
      await allSalaryTables(t.db),
    );
    expect(kgb.basis).toEqual({ kind: 'KP', tmt: JAN, mkgTahun: 8, mkgBulan: 1 });
    expect(kgb.next.tmt).toBe('2028-12-01');

    // The summary letter renders and verifies publicly, vouching for the SK file's hash.
    const letter = await t.db.letter.findFirstOrThrow({ where: { requestId: p.id, kind: 'KP_SK' } });
    await handlers['letters.render']({ letterId: letter.id }, jobCtx());
    const pub = await supertest(t.app).get(`/api/public/letters/${letter.token}`);
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ status: 'ISSUED', number: letter.number });
    const fields = Object.fromEntries((pub.body.fields as { key: string; value: string }[]).map((f) => [f.key, f.value]));
    expect(fields.golonganBaru).toContain('III/b');
    expect(fields.skSha256).toBe(sk.sha256);
    expect(JSON.stringify(pub.body)).not.toContain(p.employee.nip);

    // Recorded once: the request is closed.
    expect((await c.h.act(c.bkdAdmin, p.id, 'record_sk', undefined, skData(sk.id))).status).toBe(409);
  });

  it('without a recorded pertek the SK needs one in its input', async () => {
    const p = await approvedProposal();
    const sk = await uploadSk(p.employee.id);
    const res = await c.h.act(c.bkdAdmin, p.id, 'record_sk', undefined, skData(sk.id));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('pertek_required');
    const late = await c.h.act(c.bkdAdmin, p.id, 'record_sk', undefined, skData(sk.id, { pertek: { nomor: 'PT-1', tanggal: '2026-11-26' } }));
    expect(late.status).toBe(422);
    const ok = await c.h.act(c.bkdAdmin, p.id, 'record_sk', undefined, skData(sk.id, { pertek }));
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect((await t.db.riwayatPangkat.findFirstOrThrow({ where: { employeeId: p.employee.id, golongan: 'III/b' } })).pertekNomor).toBe(pertek.nomor);
  });

  it('a failure half-way leaves nothing changed (no rank, no history, no letter, same state)', async () => {
    const p = await approvedProposal();
    const sk = await uploadSk(p.employee.id);
    // The summary's number is taken by another letter: issuing fails after the rank was written.
    const pattern = await t.db.appSetting.findUnique({ where: { key: 'pangkat.letter_number_pattern' } });
    await t.db.appSetting.upsert({ where: { key: 'pangkat.letter_number_pattern' }, create: { key: 'pangkat.letter_number_pattern', value: 'SAMA/{seq}' }, update: { value: 'SAMA/{seq}' } });
    const counter = await t.db.letterCounter.findUnique({ where: { kind_year: { kind: 'KP_SK', year: 2026 } } });
    const q = await approvedProposal();
    const taken = await t.db.letter.create({
      data: { kind: 'KGB', requestId: q.id, employeeId: q.employee.id, number: `SAMA/${String((counter?.last ?? 0) + 1).padStart(4, '0')}`, date: new Date('2026-11-30T00:00:00Z'), token: `taken-${q.id}`, data: {} },
    });
    const before = await t.db.employee.findUniqueOrThrow({ where: { id: p.employee.id } });
    try {
      const res = await c.h.act(c.bkdAdmin, p.id, 'record_sk', undefined, skData(sk.id, { pertek }));
      expect(res.status, JSON.stringify(res.body)).toBe(409);
      const after = await t.db.employee.findUniqueOrThrow({ where: { id: p.employee.id } });
      expect({ g: after.golongan, v: after.version, gaji: after.gajiPokok }).toEqual({ g: before.golongan, v: before.version, gaji: before.gajiPokok });
      expect(await t.db.riwayatPangkat.count({ where: { employeeId: p.employee.id, golongan: 'III/b' } })).toBe(0);
      expect(await t.db.letter.count({ where: { requestId: p.id } })).toBe(0);
      expect((await t.db.workflowRequest.findUniqueOrThrow({ where: { id: p.id } })).state).toBe('DISETUJUI');
      expect(await t.db.auditLog.count({ where: { employeeId: p.employee.id, action: 'riwayat_pangkat.created' } })).toBe(0);
    } finally {
      await t.db.letter.delete({ where: { id: taken.id } });
      if (pattern) await t.db.appSetting.update({ where: { key: pattern.key }, data: { value: pattern.value! } });
      else await t.db.appSetting.delete({ where: { key: 'pangkat.letter_number_pattern' } });
    }
  });

  it('refuses an SK when the employee\'s rank changed since the proposal (409)', async () => {
    const p = await approvedProposal();
    const sk = await uploadSk(p.employee.id);
    await t.db.employee.update({ where: { id: p.employee.id }, data: { golongan: 'III/c' } });
    const res = await c.h.act(c.bkdAdmin, p.id, 'record_sk', undefined, skData(sk.id, { pertek }));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('kp_rank_changed');
  });

  it('two admins recording at once: one wins, the other gets 409', async () => {
    const p = await approvedProposal();
    const sk = await uploadSk(p.employee.id);
    const other = await loginAgent(t.app, (await createUser(t.db, { roles: ['BKD_ADMIN'] })).username, PASSWORD);
    const { version } = await c.h.detail(c.bkdAdmin, p.id);
    const send = (a: Agent) => a.post(`/api/requests/${p.id}/actions/record_sk`).set('x-csrf-token', a.csrfToken).send({ version, data: skData(sk.id, { pertek }) });
    const statuses = (await Promise.all([send(c.bkdAdmin), send(other)])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    expect(await t.db.riwayatPangkat.count({ where: { employeeId: p.employee.id, golongan: 'III/b' } })).toBe(1);
  });
});

describe('GET /api/pangkat/report', () => {
  it('401, 403 for the ASN and for another OPD; counts per OPD and steps; XLSX; the LKj counter counts recorded SKs', async () => {
    const opd = await createOpd(t.db);
    const admin = await loginAgent(t.app, (await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [opd.id] })).username, PASSWORD);
    expect((await supertest(t.app).get('/api/pangkat/report')).status).toBe(401);
    const done = await approvedProposal(opd.id);
    const asn = await loginAgent(t.app, done.username!, PASSWORD);
    expect((await asn.get(`/api/pangkat/report?period=${JAN}`)).status).toBe(403);
    expect((await c.otherOpdAdmin.get(`/api/pangkat/report?period=${JAN}&opd=${opd.kode}`)).status).toBe(403);

    const sk = await uploadSk(done.employee.id);
    expect((await c.h.act(c.bkdAdmin, done.id, 'record_sk', undefined, skData(sk.id, { pertek }))).status).toBe(200);
    const returned = await c.h.person(opd.id, { vault: true });
    const made = await c.h.propose(bkdProposer, { period: JAN, employeeIds: [returned.employee.id] });
    const rid = made.body.items[0].requestId as number;
    expect((await c.h.act(bkdProposer, rid, 'submit')).status).toBe(200);
    await c.h.judge(c.verifier, rid, 'SK_CPNS', 'INVALID', 'Buram');
    expect((await c.h.act(c.verifier, rid, 'return_incomplete')).status).toBe(200);
    await c.h.person(opd.id); // eligible, not proposed
    await c.h.person(opd.id, { penalty: true }); // not eligible

    const res = await admin.get(`/api/pangkat/report?period=${JAN}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.rows).toHaveLength(1);
    expect(res.body.rows[0]).toMatchObject({ opd: { id: opd.id }, eligible: 3, proposed: 2, returned: 1, approved: 1, skRecorded: 1, tms: 0 });
    const steps = Object.fromEntries((res.body.steps as { key: string; count: number; averageDays: number | null }[]).map((s) => [s.key, s]));
    expect(steps.verifikasi!.count).toBe(2);
    expect(steps.penetapan_sk!.count).toBe(1);
    expect(steps.penetapan_sk!.averageDays).toBeGreaterThanOrEqual(0);

    // BKD sees every unit; the OPD filter narrows to one.
    const all = await c.verifier.get(`/api/pangkat/report?period=${JAN}&opd=${opd.kode}`);
    expect(all.body.totals).toMatchObject({ proposed: 2, skRecorded: 1 });

    const xlsx = await admin.get(`/api/pangkat/report?period=${JAN}&format=xlsx`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Rekap per OPD')!;
    const values = sheet.getRow(4).values as unknown[];
    expect(values).toContain(opd.kode);
    expect(values.slice(-6)).toEqual([3, 2, 1, 1, 1, 0]);

    // The LKj counter: the SK recorded in the year (the year its timeline event happened, in WIB), in this OPD.
    const ev = await t.db.requestEvent.findFirstOrThrow({ where: { requestId: done.id, toState: 'SK_TERBIT' } });
    const year = Number(new Date(ev.at.getTime() + 7 * 3600_000).toISOString().slice(0, 4));
    const counters = await computeCounters(t.db, { year, asOf: `${year}-12-31`, units: [opd.id] });
    expect(counters.promotionSks).toBe(1);
    expect(counters.flags).not.toContain('PROMOTION_MODULE_NOT_AVAILABLE');
  });
});

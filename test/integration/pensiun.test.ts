/**
 * e-Pensiun (Mantun): the BUP table as configuration, the forecast (routes and CLI), files opened by
 * the daily job (idempotent) and by the OPD admin, processing to the SK, the exit at the TMT with a
 * read-only account, and the ASN's own view. The app runs on TEST_TODAY (2026-11-30).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../../server/src/jobs/handlers.ts';
import type { JobCtx } from '../../server/src/jobs/types.ts';
import { createMailer } from '../../server/src/mail/mailer.ts';
import { computeCounters } from '../../server/src/modules/indicators/counters.ts';
import ExcelJS from 'exceljs';
import { buildTestApp, cliEnv, loginAgent, type TestApp } from '../support/app.ts';
import { createEmployee, createOpd, createUser, PASSWORD } from '../support/factories.ts';
import { pangkatHelpers, type Agent } from '../support/pangkat.ts';
import { tinyPdf } from '../support/pdf.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const d = (s: string) => new Date(`${s}T00:00:00Z`);

let t: TestApp;
let h: ReturnType<typeof pangkatHelpers>;
let bkdAdmin: Agent;
let verifier: Agent;
let opdAdmin: Agent;
let otherOpdAdmin: Agent;
let opdA: { id: number; kode: string };
let opdB: { id: number; kode: string };
const people: Record<string, { id: number; nip: string }> = {};

function jobCtx(): JobCtx {
  return { db: t.db, redis: t.ctx.redis, config: t.config, logger: t.ctx.logger, mailer: createMailer(undefined, 'x'), storage: t.ctx.storage, attempt: 1 };
}
const runDaily = (date = '2026-11-30') => handlers['pensiun.daily']!({ date, trigger: 'test' }, jobCtx()) as unknown as Promise<{ opened: number; existing: number; exits: number }>;

async function person(key: string, opdId: number, born: string, extra: Record<string, unknown> = {}) {
  const e = await createEmployee(t.db, { opdId, nama: `Calon Pensiun ${key}` });
  await t.db.employee.update({ where: { id: e.id }, data: { tanggalLahir: d(born), ...extra } });
  people[key] = { id: e.id, nip: e.nip };
  return e;
}

beforeAll(async () => {
  t = buildTestApp();
  opdA = await createOpd(t.db);
  opdB = await createOpd(t.db);
  bkdAdmin = await loginAgent(t.app, (await createUser(t.db, { roles: ['BKD_ADMIN'] })).username, PASSWORD);
  verifier = await loginAgent(t.app, (await createUser(t.db, { roles: ['BKD_VERIFIER'] })).username, PASSWORD);
  opdAdmin = await loginAgent(t.app, (await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [opdA.id] })).username, PASSWORD);
  otherOpdAdmin = await loginAgent(t.app, (await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [opdB.id] })).username, PASSWORD);
  h = pangkatHelpers(t);
  // Pelaksana born 10 Mar 1969: BUP 58, reached 10 Mar 2027 → TMT 1 Apr 2027; file due 1 Apr 2026 (overdue).
  const due = await person('due', opdA.id, '1969-03-10', { statusPerkawinan: 'KAWIN', golongan: 'III/d', gajiPokok: 4_500_000, namaJabatan: 'Pengadministrasi Umum' });
  await t.db.keluarga.createMany({
    data: [
      { employeeId: due.id, hubungan: 'ISTRI', nama: 'Siti Istri', tanggalLahir: d('1972-02-02'), tanggalNikah: d('1995-06-01') },
      { employeeId: due.id, hubungan: 'ANAK', nama: 'Anak Muda', tanggalLahir: d('2005-01-01') },
      { employeeId: due.id, hubungan: 'ANAK', nama: 'Anak Dewasa', tanggalLahir: d('1996-01-01') },
    ],
  });
  for (const jenis of ['SK_CPNS', 'SK_PNS', 'KK', 'KTP'] as const) await h.doc(due.id, jenis);
  // Guru born 5 May 1967: the special law beats the jenjang (BUP 60) → TMT 1 Jun 2027.
  await person('guru', opdA.id, '1967-05-05', { jenisJabatan: 'FUNGSIONAL', jenjangFungsional: 'AHLI_PERTAMA', rumpunFungsional: 'GURU' });
  // Pelaksana born 20 Feb 1970 → TMT 1 Mar 2028, due 1 Mar 2027, opened 3 months ahead on 1 Dec 2026 (in the forecast, not yet opened).
  await person('later', opdA.id, '1970-02-20');
  // Another OPD; and an ahli utama (BUP 65) born 1962 → TMT 1 Aug 2027.
  await person('other', opdB.id, '1969-04-15');
  await person('utama', opdB.id, '1962-07-31', { jenisJabatan: 'FUNGSIONAL', jenjangFungsional: 'AHLI_UTAMA' });
  await createUser(t.db, { roles: ['ASN'], employeeId: due.id, username: due.nip });
});
afterAll(() => t.close());

describe('BUP table', () => {
  it('lists the seeded rules with their legal basis; 401 anonymous, 403 for an ASN', async () => {
    expect((await supertest(t.app).get('/api/pensiun/bup-rules')).status).toBe(401);
    const asn = await loginAgent(t.app, people.due!.nip, PASSWORD);
    expect((await asn.get('/api/pensiun/bup-rules')).status).toBe(403);
    const res = await opdAdmin.get('/api/pensiun/bup-rules');
    expect(res.status).toBe(200);
    const guru = res.body.items.find((r: { id: string }) => r.id === 'GURU');
    expect(guru).toMatchObject({ bup: 60, basis: expect.stringContaining('UU 14/2005') });
    expect(res.body.items.findIndex((r: { id: string }) => r.id === 'GURU')).toBeLessThan(res.body.items.findIndex((r: { id: string }) => r.id === 'JF_LAINNYA'));
  });

  it('is edited by a BKD admin only, audited, stale version → 409', async () => {
    const list = await bkdAdmin.get('/api/pensiun/bup-rules');
    const rule = list.body.items.find((r: { id: string }) => r.id === 'JF_AHLI_MADYA');
    const body = { bup: rule.bup, basis: `${rule.basis} (diperiksa)`, description: rule.description, version: rule.version };
    expect((await verifier.put('/api/pensiun/bup-rules/JF_AHLI_MADYA').set('x-csrf-token', verifier.csrfToken).send(body)).status).toBe(403);
    expect((await supertest(t.app).put('/api/pensiun/bup-rules/JF_AHLI_MADYA').send(body)).status).toBe(401);
    const ok = await bkdAdmin.put('/api/pensiun/bup-rules/JF_AHLI_MADYA').set('x-csrf-token', bkdAdmin.csrfToken).send(body);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ basis: body.basis, version: rule.version + 1 });
    const stale = await bkdAdmin.put('/api/pensiun/bup-rules/JF_AHLI_MADYA').set('x-csrf-token', bkdAdmin.csrfToken).send(body);
    expect(stale.status).toBe(409);
    const audit = await t.db.auditLog.findFirst({ where: { action: 'bup_rule.updated', entityId: 'JF_AHLI_MADYA' }, orderBy: { id: 'desc' } });
    expect(audit?.after).toMatchObject({ basis: body.basis });
    expect((await bkdAdmin.put('/api/pensiun/bup-rules/NOPE').set('x-csrf-token', bkdAdmin.csrfToken).send(body)).status).toBe(404);
  });
});

describe('forecast', () => {
  it('lists the OPD admin\'s units only, with BUP, TMT and due date; BKD sees all with overdue flags', async () => {
    expect((await supertest(t.app).get('/api/pensiun/forecast')).status).toBe(401);
    const asn = await loginAgent(t.app, people.due!.nip, PASSWORD);
    expect((await asn.get('/api/pensiun/forecast')).status).toBe(403);
    expect((await otherOpdAdmin.get(`/api/pensiun/forecast?opd=${opdA.kode}`)).status).toBe(403);

    const mine = await opdAdmin.get('/api/pensiun/forecast');
    expect(mine.status).toBe(200);
    const nips = mine.body.items.map((i: { nip: string }) => i.nip);
    expect(nips).toEqual(expect.arrayContaining([people.due!.nip, people.guru!.nip, people.later!.nip]));
    expect(nips).not.toContain(people.other!.nip);
    const due = mine.body.items.find((i: { nip: string }) => i.nip === people.due!.nip);
    expect(due).toMatchObject({ bup: 58, tmtPensiun: '2027-04-01', dueDate: '2026-04-01', overdue: true, file: null });
    expect(mine.body.items.find((i: { nip: string }) => i.nip === people.guru!.nip)).toMatchObject({ bup: 60, bupRule: 'GURU', tmtPensiun: '2027-06-01' });
    expect(mine.body.items.find((i: { nip: string }) => i.nip === people.later!.nip)).toMatchObject({ tmtPensiun: '2028-03-01', dueDate: '2027-03-01', overdue: false });

    const all = await verifier.get(`/api/pensiun/forecast?opd=${opdB.kode}`);
    expect(all.status).toBe(200);
    expect(all.body.items.find((i: { nip: string }) => i.nip === people.utama!.nip)).toMatchObject({ bup: 65, tmtPensiun: '2027-08-01' });
    // A 6-month window leaves out TMTs after 2027-05-30.
    const short = await verifier.get(`/api/pensiun/forecast?opd=${opdA.kode}&months=6`);
    expect(short.body.items.map((i: { nip: string }) => i.nip)).toEqual([people.due!.nip]);
    expect((await verifier.get('/api/pensiun/forecast?months=0')).status).toBe(422);
    expect((await verifier.get('/api/pensiun/forecast?opd=NOPE-XYZ')).status).toBe(404);

    // Filters (state, month, name), sort by TMT and paging; count and byState stay those of the whole forecast.
    const base = `/api/pensiun/forecast?opd=${opdA.kode}`;
    const overdue = await verifier.get(`${base}&state=OVERDUE`);
    // 'due' (due 1 Apr 2026) and 'guru' (due 1 Jun 2026) have passed their due date with no file yet.
    expect(overdue.body.items.map((i: { nip: string }) => i.nip)).toEqual([people.due!.nip, people.guru!.nip]);
    expect(overdue.body).toMatchObject({ total: 2, count: 3, overdue: 2, byState: { NONE: 3 } });
    expect((await verifier.get(`${base}&month=2027-06`)).body.items.map((i: { nip: string }) => i.nip)).toEqual([people.guru!.nip]);
    expect((await verifier.get(`${base}&q=${encodeURIComponent('pensiun later')}`)).body.items.map((i: { nip: string }) => i.nip)).toEqual([people.later!.nip]);
    const desc = await verifier.get(`${base}&sort=-tmt&pageSize=2&page=1`);
    expect(desc.body.total).toBe(3);
    expect(desc.body.items.map((i: { nip: string }) => i.nip)).toEqual([people.later!.nip, people.guru!.nip]);
    expect((await verifier.get(`${base}&sort=-tmt&pageSize=2&page=2`)).body.items.map((i: { nip: string }) => i.nip)).toEqual([people.due!.nip]);
    expect((await verifier.get(`${base}&month=2027-13`)).status).toBe(422);
    expect((await verifier.get(`${base}&state=${encodeURIComponent('x; drop')}`)).status).toBe(422);
  });

  it('prints the exact JSON from the command line', async () => {
    const env = cliEnv(t.config.DATABASE_URL);
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'server/src/cli/pensiun-forecast.ts', '--months', '24', '--as-of', '2026-11-30', '--opd', opdA.kode, '--json'], { cwd: ROOT, env });
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['asOf', 'months', 'count', 'items']);
    expect(json).toMatchObject({ asOf: '2026-11-30', months: 24, count: 3 });
    expect(json.items[0]).toEqual({ nip: people.due!.nip, nama: 'Calon Pensiun due', opd: opdA.kode, bup: 58, tmtPensiun: '2027-04-01', dueDate: '2026-04-01' });
    const bad = await run(process.execPath, ['--import', 'tsx', 'server/src/cli/pensiun-forecast.ts', '--months', 'x'], { cwd: ROOT, env }).catch((e: { code: number }) => e);
    expect((bad as { code: number }).code).toBe(2);
  });
});

describe('files', () => {
  it('the daily job opens each due file once, pre-filled, checklist from the vault (run twice)', async () => {
    const first = await runDaily();
    expect(first.opened).toBeGreaterThanOrEqual(1);
    const second = await runDaily();
    expect(second.opened).toBe(0);
    const files = await t.db.workflowRequest.findMany({ where: { type: 'PENSIUN', employeeId: { in: [people.due!.id, people.later!.id, people.guru!.id] } } });
    // Due within the 3 months ahead (pensiun.open_ahead_months): "due" (1 Apr 2026) and guru (1 Jun 2026, TMT 1 Jun 2027 − 12); not "later" (due 1 Mar 2027).
    expect(files.map((f) => f.employeeId).sort()).toEqual([people.due!.id, people.guru!.id].sort());
    const file = files.find((f) => f.employeeId === people.due!.id)!;
    expect(file).toMatchObject({ state: 'DRAFT', variant: 'BUP', dedupeKey: `PENSIUN/${people.due!.id}/2027-04-01` });
    const p = file.payload as { dpcp: { pasangan: { nama: string; tanggalNikah: string }[]; anak: { nama: string }[]; gajiPokok: number } };
    expect(p.dpcp.pasangan).toEqual([{ hubungan: 'ISTRI', nama: 'Siti Istri', tanggalLahir: '1972-02-02', tanggalNikah: '1995-06-01' }]);
    expect(p.dpcp.anak.map((a) => a.nama)).toEqual(['Anak Muda']);
    expect(p.dpcp.gajiPokok).toBe(4_500_000);
    const page = await h.detail(opdAdmin, file.id);
    const attached = page.checklist.items.filter((i) => i.document).map((i) => i.key).sort();
    expect(attached).toEqual(['KK', 'KTP', 'SK_CPNS', 'SK_PNS']);
    // The forecast now shows the file; still overdue until it is submitted.
    const fc = await opdAdmin.get('/api/pensiun/forecast');
    expect(fc.body.items.find((i: { nip: string }) => i.nip === people.due!.nip)).toMatchObject({ overdue: true, file: { requestId: file.id, state: 'DRAFT' } });
    // The ASN sees their BUP, TMT, file and what is missing; a notification was sent.
    const asn = await loginAgent(t.app, people.due!.nip, PASSWORD);
    const me = await asn.get('/api/pensiun/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ applicable: true, bup: 58, tmtPensiun: '2027-04-01', dueDate: '2026-04-01', opensOn: '2026-01-01', file: { requestId: file.id, state: 'DRAFT' } });
    expect(me.body.file.missing).toContain('SK pangkat terakhir');
    expect(me.body.file.steps[0]).toMatchObject({ key: 'opened', done: true });
    const home = await asn.get('/api/home');
    expect(home.status).toBe(200);
    expect(home.body.cards.find((c: { key: string }) => c.key === 'my_pensiun')).toMatchObject({ value: 'Berkas dibuka — dilengkapi admin OPD', link: { path: `/usulan/${file.id}` } });
    const n = await t.db.notification.findMany({ where: { user: { employeeId: people.due!.id }, kind: 'pensiun.opened' } });
    expect(n).toHaveLength(1);
  });

  it('the OPD admin opens other kinds with their own checklist; scope, duplicates, 401', async () => {
    const body = { employeeId: people.later!.id, jenis: 'APS', tmt: '2027-03-01' };
    expect((await supertest(t.app).post('/api/pensiun/files').send(body)).status).toBe(401);
    expect((await otherOpdAdmin.post('/api/pensiun/files').set('x-csrf-token', otherOpdAdmin.csrfToken).send(body)).status).toBe(403);
    expect((await verifier.post('/api/pensiun/files').set('x-csrf-token', verifier.csrfToken).send(body)).status).toBe(403);
    const res = await opdAdmin.post('/api/pensiun/files').set('x-csrf-token', opdAdmin.csrfToken).send(body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const page = await h.detail(opdAdmin, res.body.requestId);
    expect(page.checklist.items.map((i) => i.key)).toContain('PERMOHONAN_APS');
    expect((await opdAdmin.post('/api/pensiun/files').set('x-csrf-token', opdAdmin.csrfToken).send(body)).status).toBe(409);
    const noTmt = await opdAdmin.post('/api/pensiun/files').set('x-csrf-token', opdAdmin.csrfToken).send({ employeeId: people.later!.id, jenis: 'JANDA_DUDA' });
    expect(noTmt.status).toBe(422);
  });

  it('runs the full flow: submit, return incomplete, verify, BKN, SK, hand-over; exit at TMT, read-only account', async () => {
    const file = (await t.db.workflowRequest.findFirst({ where: { type: 'PENSIUN', employeeId: people.due!.id } }))!;
    const id = file.id;
    const e = people.due!.id;
    // Submitting with required documents missing is refused, naming them.
    const early = await h.act(opdAdmin, id, 'submit');
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('document_required');
    // The OPD admin completes the rest from the vault.
    const page = await h.detail(opdAdmin, id);
    for (const item of page.checklist.items.filter((i) => i.required && !i.document)) {
      const spec = item as unknown as { key: string; docType: string };
      const doc = await h.doc(e, (spec.docType ?? 'SURAT') as never);
      const { version } = await h.detail(opdAdmin, id);
      const r = await opdAdmin.put(`/api/requests/${id}/items/${item.key}`).set('x-csrf-token', opdAdmin.csrfToken).send({ version, documentId: doc.id });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    expect((await h.act(opdAdmin, id, 'submit')).status).toBe(200);
    // BKD returns one document as invalid.
    await h.judge(verifier, id, 'KTP', 'INVALID', 'Tidak terbaca');
    const back = await h.act(verifier, id, 'return_incomplete');
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    const ktp = await h.doc(e, 'KTP');
    const { version } = await h.detail(opdAdmin, id);
    expect((await opdAdmin.put(`/api/requests/${id}/items/KTP`).set('x-csrf-token', opdAdmin.csrfToken).send({ version, documentId: ktp.id })).status).toBe(200);
    expect((await h.act(opdAdmin, id, 'submit')).status).toBe(200);
    expect((await h.act(verifier, id, 'approve')).status).toBe(422);
    await h.judgeAll(verifier, id);
    expect((await h.act(verifier, id, 'approve')).status).toBe(200);
    // The forecast no longer flags it overdue once submitted and verified.
    const fc = await opdAdmin.get('/api/pensiun/forecast');
    expect(fc.body.items.find((i: { nip: string }) => i.nip === people.due!.nip).overdue).toBe(false);
    expect((await h.act(opdAdmin, id, 'propose_bkn')).status).toBe(403);
    expect((await h.act(verifier, id, 'propose_bkn')).status).toBe(200);
    const pertek = await h.act(verifier, id, 'record_pertek', undefined, { nomor: 'PERTEK/PENSIUN/1', tanggal: '2026-11-20' });
    expect(pertek.status, JSON.stringify(pertek.body)).toBe(200);
    // The SK: only a PDF of type SK pensiun in the employee's vault.
    const wrong = await h.doc(e, 'SK_PANGKAT');
    expect((await h.act(bkdAdmin, id, 'record_sk', undefined, { nomorSk: '800/PENS/2026/1', tanggalSk: '2026-11-25', tmt: '2027-04-01', documentId: wrong.id })).status).toBe(422);
    const up = await bkdAdmin.post(`/api/employees/${e}/documents`).set('x-csrf-token', bkdAdmin.csrfToken).field('jenis', 'SK_PENSIUN').attach('file', tinyPdf('SK pensiun'), { filename: 'sk-pensiun.pdf', contentType: 'application/pdf' });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    const sk = await h.act(bkdAdmin, id, 'record_sk', undefined, { nomorSk: '800/PENS/2026/1', tanggalSk: '2026-11-25', tmt: '2027-04-01', documentId: up.body.document.id });
    expect(sk.status, JSON.stringify(sk.body)).toBe(200);
    const letter = await t.db.letter.findFirst({ where: { requestId: id, kind: 'PENSIUN_SK' } });
    expect(letter).not.toBeNull();
    expect((await h.act(opdAdmin, id, 'hand_over')).status).toBe(200);
    // Before the TMT nothing changes; at the TMT the daily job records the exit (once).
    const population = async () => {
      const r = await verifier.get(`/api/indicators?year=2027&opd=${opdA.kode}&asOf=2027-06-30`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.population as number;
    };
    const before = await population();
    expect((await runDaily('2027-03-31')).exits).toBe(0);
    expect((await runDaily('2027-04-01')).exits).toBe(1);
    // The indicators' population after the TMT no longer counts them.
    expect(await population()).toBe(before - 1);
    expect((await runDaily('2027-04-02')).exits).toBe(0);
    const emp = await t.db.employee.findUniqueOrThrow({ where: { id: e } });
    expect(emp.tmtBerhenti?.toISOString().slice(0, 10)).toBe('2027-04-01');
    expect(emp.jenisBerhenti).toBe('PENSIUN');
    // The account can read and download, never change.
    const asn = await loginAgent(t.app, people.due!.nip, PASSWORD);
    const me = await asn.get('/api/pensiun/me');
    expect(me.status).toBe(200);
    expect(me.body.file.steps.every((s: { done: boolean }) => s.done)).toBe(true);
    expect((await asn.get(`/api/employees/${e}`)).status).toBe(200);
    const write = await asn.post('/api/change-requests').set('x-csrf-token', asn.csrfToken).send({ employeeId: e, target: 'profile', op: 'update', changes: { tempatLahir: 'Kota' } });
    expect(write.status).toBe(403);
    expect(write.body.error.code).toBe('account_read_only');
    // A notification at each step.
    const kinds = (await t.db.notification.findMany({ where: { user: { employeeId: e } }, select: { kind: true } })).map((x) => x.kind);
    for (const k of ['pensiun.opened', 'pensiun.submitted', 'pensiun.returned', 'pensiun.verified', 'pensiun.proposed_bkn', 'pensiun.pertek', 'pensiun.sk_recorded', 'pensiun.handed_over']) expect(kinds).toContain(k);
  });

  it('reports retirements ahead, timeliness and SKs per year (JSON and XLSX); the LKj counter; 401/403 and scope', async () => {
    expect((await supertest(t.app).get('/api/pensiun/report')).status).toBe(401);
    const asn = await loginAgent(t.app, people.due!.nip, PASSWORD);
    expect((await asn.get('/api/pensiun/report')).status).toBe(403);
    expect((await otherOpdAdmin.get(`/api/pensiun/report?opd=${opdA.kode}`)).status).toBe(403);
    expect((await bkdAdmin.get('/api/pensiun/report?opd=NOPE-XYZ')).status).toBe(404);
    expect((await bkdAdmin.get('/api/pensiun/report?months=0')).status).toBe(422);

    const all = await bkdAdmin.get('/api/pensiun/report?months=24&year=2026');
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    expect(all.body.months[0]).toBe('2026-11');
    const rowA = all.body.ahead.find((r: { opd: { kode: string } }) => r.opd.kode === opdA.kode);
    // 'guru' (TMT Jun 2027) and 'later' (TMT Mar 2028) are ahead in OPD A ('due' has left at its SK's TMT only in the job's future).
    expect(rowA.counts[all.body.months.indexOf('2027-06')]).toBeGreaterThanOrEqual(1);
    expect(rowA.counts[all.body.months.indexOf('2028-03')]).toBeGreaterThanOrEqual(1);
    // 'due' was due 1 Apr 2026 and submitted in November: late.
    const tA = all.body.timeliness.find((r: { opd: { kode: string } }) => r.opd.kode === opdA.kode);
    expect(tA).toMatchObject({ late: 1, onTime: 0 });
    expect(all.body.skPerYear.reduce((n: number, y: { count: number }) => n + y.count, 0)).toBe(1);

    // The OPD admin sees their units only.
    const own = await opdAdmin.get('/api/pensiun/report?months=24');
    expect(own.status).toBe(200);
    expect(own.body.ahead.map((r: { opd: { id: number } }) => r.opd.id)).toEqual([opdA.id]);
    expect((await otherOpdAdmin.get('/api/pensiun/report?months=24')).body.timeliness.map((r: { opd: { id: number } }) => r.opd.id)).toEqual([opdB.id]);

    const xlsx = await bkdAdmin.get('/api/pensiun/report?months=24&format=xlsx').buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Pensiun per bulan', 'Ketepatan waktu', 'SK pensiun per tahun']);
    expect(wb.getWorksheet('SK pensiun per tahun')!.getRow(2).values).toContain(1);

    // The LKj output "ASN menerima SK pensiun": the SK recorded in the year (WIB), in OPD A only.
    const ev = await t.db.requestEvent.findFirstOrThrow({ where: { request: { type: 'PENSIUN', employeeId: people.due!.id }, toState: 'SK_TERBIT' } });
    const year = Number(new Date(ev.at.getTime() + 7 * 3600_000).toISOString().slice(0, 4));
    expect((await computeCounters(t.db, { year, asOf: `${year}-12-31`, units: [opdA.id] })).pensionSks).toBe(1);
    expect((await computeCounters(t.db, { year, asOf: `${year}-12-31`, units: [opdB.id] })).pensionSks).toBe(0);
  });
});

describe('home queue "Pensiun 12 bulan ke depan"', () => {
  it('follows the BUP table in force (bup_rule), for the OPD admin and for BKD', async () => {
    const queue = async (agent: Agent) => ((await agent.get('/api/home')).body.queues as { key: string; count: number; link: { path: string } }[]).find((q) => q.key === 'opd_retiring')!;
    const before = await queue(opdAdmin);
    expect(before.link.path).toBe('/pensiun');
    expect(before.count).toBe((await opdAdmin.get('/api/pensiun/forecast?months=12')).body.count);
    const bkdBefore = await queue(bkdAdmin);
    expect(bkdBefore.count).toBe((await bkdAdmin.get('/api/pensiun/forecast?months=12')).body.count);

    // Guru BUP 60 → 62 (configuration): the guru of OPD A (TMT 1 Jun 2027) leaves the 12-month window.
    const rule = (await bkdAdmin.get('/api/pensiun/bup-rules')).body.items.find((r: { id: string }) => r.id === 'GURU');
    const put = (bup: number, version: number) => bkdAdmin.put('/api/pensiun/bup-rules/GURU').set('x-csrf-token', bkdAdmin.csrfToken).send({ bup, basis: rule.basis, description: rule.description, version });
    const changed = await put(62, rule.version);
    expect(changed.status).toBe(200);
    try {
      expect((await queue(opdAdmin)).count).toBe(before.count - 1);
      expect((await queue(bkdAdmin)).count).toBe(bkdBefore.count - 1);
    } finally {
      expect((await put(rule.bup, changed.body.version)).status).toBe(200);
    }
    expect((await queue(opdAdmin)).count).toBe(before.count);
  });
});

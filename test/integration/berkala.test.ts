import { PDFParse } from 'pdf-parse';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../../server/src/jobs/handlers.ts';
import type { JobCtx } from '../../server/src/jobs/types.ts';
import { createMailer } from '../../server/src/mail/mailer.ts';
import { runKgbScan } from '../../server/src/modules/berkala/scan.ts';
import { buildTestApp, cliEnv, loginAgent, TEST_TODAY, type TestApp } from '../support/app.ts';
import { createAsn, createOpd, createUser, PASSWORD } from '../support/factories.ts';

let t: TestApp;
beforeAll(() => {
  t = buildTestApp({ PUBLIC_URL: 'https://simak.example.go.id' });
});
afterAll(() => t.close());

/** The app's date (APP_TODAY of the app under test): the scan and the queues use it. */
const TODAY = TEST_TODAY;
const d = (s: string) => new Date(`${s}T00:00:00Z`);

/** An ASN in III/b whose last KP (MKG 6y 0m at 2025-01-01) puts the next KGB at 2027-01-01 (MKG 8, the even rhythm). */
async function kgbEmployee(opdId: number, opts: { skp?: 'BAIK' | 'BUTUH_PERBAIKAN' | null; penalty?: boolean; tmtGolongan?: string; mkg?: number } = {}) {
  const asn = await createAsn(t.db, opdId);
  await t.db.employee.update({
    where: { id: asn.employee.id },
    data: { golongan: 'III/b', tmtGolongan: d(opts.tmtGolongan ?? '2025-01-01'), mkgTahun: opts.mkg ?? 6, mkgBulan: 0, statusKepegawaian: 'PNS' },
  });
  if (opts.skp !== null) await t.db.riwayatSkp.create({ data: { employeeId: asn.employee.id, tahun: 2026, predikat: opts.skp ?? 'BAIK' } });
  if (opts.penalty) {
    await t.db.riwayatHukdis.create({
      data: { employeeId: asn.employee.id, tingkat: 'SEDANG', jenis: 'Pemotongan tunjangan kinerja 25% selama 12 bulan', nomorSk: `HD-${asn.employee.id}`, tanggalSk: d('2026-06-01'), tmt: d('2026-06-01') },
    });
  }
  return asn;
}

function jobCtx(): JobCtx {
  return { db: t.db, redis: t.ctx.redis, config: t.config, logger: t.ctx.logger, mailer: createMailer(undefined, 'x'), storage: t.ctx.storage, attempt: 1 };
}

describe('KGB scan', () => {
  it('creates exactly one draft per employee and TMT; a rerun creates nothing; postponements are recorded', async () => {
    const opd = await createOpd(t.db);
    const ok = await kgbEmployee(opd.id);
    const low = await kgbEmployee(opd.id, { skp: 'BUTUH_PERBAIKAN' });
    const punished = await kgbEmployee(opd.id, { penalty: true });
    const notYet = await kgbEmployee(opd.id, { tmtGolongan: '2025-06-01' });
    const first = await runKgbScan(t.db);
    expect(first.created).toBeGreaterThanOrEqual(3);
    const drafts = await t.db.kgbDraft.findMany({ where: { employeeId: { in: [ok, low, punished, notYet].map((x) => x.employee.id) } }, orderBy: { employeeId: 'asc' } });
    expect(drafts.map((x) => [x.employeeId, x.tmt.toISOString().slice(0, 10), x.postponed])).toEqual([
      [ok.employee.id, '2027-01-01', false],
      [low.employee.id, '2027-01-01', true],
      [punished.employee.id, '2027-01-01', true],
    ]);
    expect(drafts[0]).toMatchObject({ mkgTahun: 8, mkgBulan: 0, gajiPokokLama: 3186600, gajiPokokBaru: 3287000 });
    expect(drafts[1]!.reasons.join(' ')).toMatch(/di bawah batas/);
    expect(drafts[2]!.reasons.join(' ')).toMatch(/hukuman disiplin/);
    const reqs = await t.db.workflowRequest.findMany({ where: { id: { in: drafts.map((x) => x.requestId) } }, orderBy: { employeeId: 'asc' } });
    expect(reqs.map((r) => r.state)).toEqual(['DRAFT', 'DITUNDA', 'DITUNDA']);
    expect((await t.db.kgbSchedule.findUnique({ where: { employeeId: notYet.employee.id } }))?.nextTmt.toISOString().slice(0, 10)).toBe('2027-06-01');

    const again = await runKgbScan(t.db);
    expect(again.created).toBe(0);
    expect(again.alreadyPresent).toBe(first.created + first.alreadyPresent);
    expect(await t.db.kgbDraft.count()).toBe(first.created + first.alreadyPresent);
  });

  it('the queue sorts by TMT (overdue first) and shows each TMT', async () => {
    const opd = await createOpd(t.db);
    const later = await kgbEmployee(opd.id);
    const overdue = await kgbEmployee(opd.id, { tmtGolongan: '2024-11-01' });
    await runKgbScan(t.db);
    const bkd = await loginAgent(t.app, (await createUser(t.db, { roles: ['BKD_VERIFIER'] })).username, PASSWORD);
    const asc = await bkd.get(`/api/requests?type=KGB&opdId=${opd.id}&sort=dueDate`);
    expect(asc.status).toBe(200);
    const rows = (r: typeof asc) => r.body.items.map((i: { employee: { id: number }; dueDate: string }) => [i.employee.id, i.dueDate]);
    expect(rows(asc)).toEqual([
      [overdue.employee.id, '2026-11-01'],
      [later.employee.id, '2027-01-01'],
    ]);
    expect(rows(await bkd.get(`/api/requests?type=KGB&opdId=${opd.id}&sort=-dueDate`))).toEqual(rows(asc).reverse());
    const second = await bkd.get(`/api/requests?type=KGB&opdId=${opd.id}&sort=dueDate&pageSize=1&page=2`);
    expect(second.body.total).toBe(2);
    expect(rows(second)).toEqual([[later.employee.id, '2027-01-01']]);

    // The OPD's request lists offer every type present in its scope (here KGB), with that type's states.
    expect((await supertest(t.app).get('/api/requests/types')).status).toBe(401);
    const admin = await loginAgent(t.app, (await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [opd.id] })).username, PASSWORD);
    const types = await admin.get('/api/requests/types');
    expect(types.status).toBe(200);
    expect(types.body.items).toEqual([expect.objectContaining({ type: 'KGB', label: 'Kenaikan gaji berkala', count: 2 })]);
    expect(types.body.items[0].states).toContainEqual({ value: 'DRAFT', label: 'Menunggu verifikasi' });
    const elsewhere = await loginAgent(t.app, (await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [(await createOpd(t.db)).id] })).username, PASSWORD);
    expect((await elsewhere.get('/api/requests/types')).body.items).toEqual([]);
  });

  it('a run that dies midway misses nothing and duplicates nothing on the next run', async () => {
    const opd = await createOpd(t.db);
    const people = [];
    for (let i = 0; i < 7; i++) people.push(await kgbEmployee(opd.id));
    const before = await t.db.kgbDraft.count();
    await expect(
      runKgbScan(t.db, {
        batchSize: 3,
        // Die right after the first batch that committed drafts (the database is shared with other test files).
        onBatch: (_n, soFar) => {
          if (soFar.created > 0) throw new Error('worker killed');
        },
      }),
    ).rejects.toThrow('worker killed');
    const partial = await t.db.kgbDraft.count();
    expect(partial).toBeGreaterThan(before);
    const rerun = await runKgbScan(t.db, { batchSize: 3 });
    expect(rerun.created).toBeGreaterThan(0);
    const ids = people.map((p) => p.employee.id);
    const rows = await t.db.kgbDraft.groupBy({ by: ['employeeId'], where: { employeeId: { in: ids } }, _count: { _all: true } });
    expect(rows).toHaveLength(7);
    expect(rows.every((r) => r._count._all === 1)).toBe(true);
  });

  it('the job runs the scan, and the CLI prints the counts as JSON', async () => {
    const r = await handlers['berkala.scan']({ date: TODAY, trigger: 'test' }, jobCtx());
    expect(r.status).toBe('done');
    const { execFileSync } = await import('node:child_process');
    const out = execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'server/src/cli/berkala-scan.ts', '--json', '--date', TODAY], {
      env: cliEnv(t.config.DATABASE_URL),
    }).toString();
    const json = JSON.parse(out.trim().split('\n').at(-1)!);
    expect(Object.keys(json)).toEqual(['scanned', 'created', 'alreadyPresent', 'postponed']);
    expect(json.created).toBe(0);
  });
});

describe('KGB verification, finalization and letter', () => {
  it('verify → finalize → letter PDF with the right figures, public verification page, ASN downloads it', async () => {
    const opd = await createOpd(t.db);
    const asn = await kgbEmployee(opd.id);
    await runKgbScan(t.db);
    const draft = await t.db.kgbDraft.findFirstOrThrow({ where: { employeeId: asn.employee.id } });
    const url = `/api/requests/${draft.requestId}`;

    const verifierUser = await createUser(t.db, { roles: ['BKD_VERIFIER'] });
    const signerUser = await createUser(t.db, { roles: ['BKD_ADMIN'] });
    const v = await loginAgent(t.app, verifierUser.username, PASSWORD);
    const s = await loginAgent(t.app, signerUser.username, PASSWORD);
    const me = await loginAgent(t.app, asn.username, PASSWORD);

    expect((await supertest(t.app).post(`${url}/actions/verify`).send({ version: 1 })).status).toBe(401);
    expect((await me.post(`${url}/actions/verify`).set('x-csrf-token', me.csrfToken).send({ version: 1 })).status).toBe(403);
    const detail = await v.get(url);
    expect(detail.body.actions.map((a: { action: string }) => a.action)).toEqual(['verify', 'return']);
    expect(detail.body.details).toMatchObject({ tmt: '2027-01-01', gajiPokokBaru: 3287000 });
    // The signer cannot finalize before verification.
    expect((await s.post(`${url}/actions/finalize`).set('x-csrf-token', s.csrfToken).send({ version: 1 })).status).toBe(409);
    const verified = await v.post(`${url}/actions/verify`).set('x-csrf-token', v.csrfToken).send({ version: 1 });
    expect(verified.body.state).toBe('DIVERIFIKASI');
    // A verifier cannot finalize; the signer can.
    expect((await v.post(`${url}/actions/finalize`).set('x-csrf-token', v.csrfToken).send({ version: 2 })).status).toBe(403);
    const fin = await s.post(`${url}/actions/finalize`).set('x-csrf-token', s.csrfToken).send({ version: 2 });
    expect(fin.status).toBe(200);
    expect(fin.body.state).toBe('DITETAPKAN');
    expect(fin.body.details.letter.number).toMatch(/^822\.4\/\d{4}\/427\.45\/2026$/);
    const kgb = await t.db.riwayatKgb.findFirstOrThrow({ where: { employeeId: asn.employee.id } });
    expect(kgb).toMatchObject({ gajiPokok: 3287000, gajiPokokLama: 3186600, mkgTahun: 8 });
    // TMT 2027-01-01 is still ahead: the cached salary waits for it.
    expect((await t.db.employee.findUnique({ where: { id: asn.employee.id } }))?.tmtKgbTerakhir).toBeNull();

    // Run the letter job twice: one document, the second run is skipped.
    const letter = await t.db.letter.findUniqueOrThrow({ where: { requestId: draft.requestId } });
    expect((await handlers['berkala.letter']({ letterId: letter.id }, jobCtx())).status).toBe('done');
    expect((await handlers['berkala.letter']({ letterId: letter.id }, jobCtx())).status).toBe('skipped');
    const rendered = await t.db.letter.findUniqueOrThrow({ where: { id: letter.id } });
    expect(rendered.documentId).toBeTruthy();
    expect(await t.db.document.count({ where: { employeeId: asn.employee.id, jenis: 'SK_KGB' } })).toBe(1);

    // The ASN is notified and downloads the PDF; its text holds the figures.
    const notes = await me.get('/api/notifications');
    expect(notes.body.items.some((n: { kind: string }) => n.kind === 'kgb.letter_ready')).toBe(true);
    const mine = await me.get('/api/berkala/me');
    expect(mine.body.current).toMatchObject({ state: 'DITETAPKAN', tmt: '2027-01-01' });
    const pdf = await me.get(mine.body.current.letter.downloadUrl).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await new PDFParse({ data: new Uint8Array(pdf.body as Buffer) }).getText()).text.replace(/\s+/g, ' ');
    expect(text).toContain('SURAT PEMBERITAHUAN KENAIKAN GAJI BERKALA');
    expect(text).toContain(rendered.number);
    expect(text).toContain('Rp 3.186.600');
    expect(text).toContain('Rp 3.287.000');
    expect(text).toContain('8 tahun 0 bulan');
    expect(text).toContain('1 Januari 2027');
    // The URL under the QR code may wrap across lines.
    expect(text.replace(/\s+/g, '')).toContain(`https://simak.example.go.id/verifikasi/surat/${rendered.token}`);
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(pdf.body as Buffer).digest('hex')).toBe(rendered.sha256);

    // Public verification page (no login) shows the key data and the hash; unknown tokens say so.
    const page = await supertest(t.app).get(`/verifikasi/surat/${rendered.token}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(rendered.number);
    expect(page.text).toContain('Rp 3.287.000');
    expect(page.text).toContain(rendered.sha256!);
    expect(page.text).not.toContain(asn.employee.nip);
    const bad = await supertest(t.app).get('/verifikasi/surat/tidak-dikenal-sama-sekali');
    expect(bad.status).toBe(404);
    expect(bad.text).toContain('tidak dikenal');
    const json = await supertest(t.app).get(`/api/public/letters/${rendered.token}`);
    expect(json.body).toMatchObject({ number: rendered.number, gajiPokokBaru: 3287000, status: 'ISSUED' });
  });

  it('two verifiers at once: one wins, the other gets 409; batch verify reports per item', async () => {
    const opd = await createOpd(t.db);
    const a = await kgbEmployee(opd.id);
    const b = await kgbEmployee(opd.id);
    const c = await kgbEmployee(opd.id);
    await runKgbScan(t.db);
    const drafts = await t.db.kgbDraft.findMany({ where: { employeeId: { in: [a, b, c].map((x) => x.employee.id) } }, orderBy: { employeeId: 'asc' } });
    const v1 = await loginAgent(t.app, (await createUser(t.db, { roles: ['BKD_VERIFIER'] })).username, PASSWORD);
    const v2 = await loginAgent(t.app, (await createUser(t.db, { roles: ['BKD_VERIFIER'] })).username, PASSWORD);
    const url = `/api/requests/${drafts[0]!.requestId}`;
    const [r1, r2] = await Promise.all([
      v1.post(`${url}/actions/verify`).set('x-csrf-token', v1.csrfToken).send({ version: 1 }),
      v2.post(`${url}/actions/return`).set('x-csrf-token', v2.csrfToken).send({ version: 1, note: 'SK pangkat belum diunggah' }),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);

    const batch = await v1
      .post('/api/requests/batch')
      .set('x-csrf-token', v1.csrfToken)
      .send({ action: 'verify', items: [{ id: drafts[1]!.requestId, version: 1 }, { id: drafts[2]!.requestId, version: 1 }, { id: drafts[0]!.requestId, version: 1 }] });
    expect(batch.status).toBe(200);
    expect(batch.body).toMatchObject({ succeeded: 2, failed: 1 });
    expect(batch.body.results[2].error.code).toBe('stale_version');
    const asnAgent = await loginAgent(t.app, a.username, PASSWORD);
    expect((await asnAgent.post('/api/requests/batch').set('x-csrf-token', asnAgent.csrfToken).send({ action: 'verify', items: [{ id: 1, version: 1 }] })).status).toBe(403);
  });

  it('nobody verifies or finalizes their own KGB', async () => {
    const opd = await createOpd(t.db);
    const asn = await kgbEmployee(opd.id);
    await t.db.userRole.create({ data: { userId: asn.user.id, role: 'BKD_VERIFIER' } });
    await runKgbScan(t.db);
    const draft = await t.db.kgbDraft.findFirstOrThrow({ where: { employeeId: asn.employee.id } });
    const self = await loginAgent(t.app, asn.username, PASSWORD);
    const res = await self.post(`/api/requests/${draft.requestId}/actions/verify`).set('x-csrf-token', self.csrfToken).send({ version: 1 });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('self_approval');
  });

  it('dashboard: 401, 403 for ASN, due counts by OPD for BKD', async () => {
    expect((await supertest(t.app).get('/api/berkala/dashboard')).status).toBe(401);
    const opd = await createOpd(t.db);
    const asn = await kgbEmployee(opd.id);
    await runKgbScan(t.db);
    const me = await loginAgent(t.app, asn.username, PASSWORD);
    expect((await me.get('/api/berkala/dashboard')).status).toBe(403);
    const v = await loginAgent(t.app, (await createUser(t.db, { roles: ['BKD_VERIFIER'] })).username, PASSWORD);
    const dash = await v.get('/api/berkala/dashboard?year=2026');
    expect(dash.status).toBe(200);
    expect(dash.body.totals.next12).toBeGreaterThan(0);
    expect(dash.body.onTime).toMatchObject({ year: 2026 });
    const scan = await (await loginAgent(t.app, (await createUser(t.db, { roles: ['BKD_ADMIN'] })).username, PASSWORD));
    const started = await scan.post('/api/berkala/scan').set('x-csrf-token', scan.csrfToken);
    expect(started.status).toBe(202);
    expect(started.body.jobId).toMatch(/^berkala\.scan\//);
    expect((await v.post('/api/berkala/scan').set('x-csrf-token', v.csrfToken)).status).toBe(403);
  });
});

describe('KGB dashboard: on time and early', () => {
  it('counts the day of finalizing in WIB: a letter finalized at 01:00 WIB on the TMT is late, one at 23:00 WIB the day before is on time', async () => {
    // A year of its own (2019): the rate covers every KGB with its TMT in that year.
    const opd = await createOpd(t.db);
    const finalized = async (tmt: string, at: string) => {
      const asn = await createAsn(t.db, opd.id);
      const request = await t.db.workflowRequest.create({
        data: { type: 'KGB', state: 'DITETAPKAN', employeeId: asn.employee.id, opdId: opd.id, title: `KGB ${asn.employee.nip}`, payload: {} },
      });
      await t.db.kgbDraft.create({ data: { requestId: request.id, employeeId: asn.employee.id, tmt: d(tmt), golongan: 'III/b', mkgTahun: 8, mkgBulan: 0 } });
      await t.db.requestEvent.create({ data: { requestId: request.id, at: new Date(at), action: 'finalize', fromState: 'DIVERIFIKASI', toState: 'DITETAPKAN' } });
    };
    await finalized('2019-03-01', '2019-02-28T18:00:00Z'); // 1 March, 01:00 WIB: on the TMT itself
    await finalized('2019-03-01', '2019-02-28T16:00:00Z'); // 28 February, 23:00 WIB: the day before
    await finalized('2019-06-01', '2019-03-31T17:30:00Z'); // 1 April, 00:30 WIB: 2 months before the TMT (early)
    const v = await loginAgent(t.app, (await createUser(t.db, { roles: ['BKD_VERIFIER'] })).username, PASSWORD);
    const dash = await v.get('/api/berkala/dashboard?year=2019');
    expect(dash.status).toBe(200);
    expect(dash.body.onTime).toMatchObject({ year: 2019, due: 3, onTime: 2, early: 1 });
  });
});

describe('salary tables are data', () => {
  it('a table loaded with a later effective date applies to TMTs from that date on (CLI), bad files are refused', async () => {
    const { execFileSync, spawnSync } = await import('node:child_process');
    const { writeFileSync } = await import('node:fs');
    const env = cliEnv(t.config.DATABASE_URL);
    const cli = ['node_modules/tsx/dist/cli.mjs', 'server/src/cli/gaji-load.ts'];
    const bad = `/tmp/gaji-bad-${process.pid}.csv`;
    writeFileSync(bad, 'golongan,mkg,gaji_pokok\nIII/x,8,abc\n');
    const refused = spawnSync(process.execPath, [...cli, bad, '--regulation', 'X', '--effective', '2027-01-01'], { env });
    expect(refused.status).toBe(1);
    expect(refused.stderr.toString()).toMatch(/golongan "III\/x"/);

    const good = `/tmp/gaji-good-${process.pid}.csv`;
    writeFileSync(good, 'golongan,mkg,gaji_pokok\nIII/b,6,3400000\nIII/b,8,3500000\n');
    execFileSync(process.execPath, [...cli, good, '--regulation', 'PP uji/2026', '--effective', '2027-01-01'], { env });
    try {
      const opd = await createOpd(t.db);
      const asn = await kgbEmployee(opd.id);
      await runKgbScan(t.db);
      const draft = await t.db.kgbDraft.findFirstOrThrow({ where: { employeeId: asn.employee.id } });
      // TMT 2027-01-01 falls under the new table; the old salary (basis TMT 2025) under PP 5/2024.
      expect(draft).toMatchObject({ gajiPokokBaru: 3500000, gajiPokokLama: 3186600 });
    } finally {
      await t.db.gajiPokokTable.deleteMany({ where: { regulation: 'PP uji/2026' } });
    }
  });
});

describe('postponed KGB', () => {
  it('recompute is refused while the reason holds, and goes through once the SKP is corrected', async () => {
    const opd = await createOpd(t.db);
    const asn = await kgbEmployee(opd.id, { skp: 'BUTUH_PERBAIKAN' });
    await runKgbScan(t.db);
    const draft = await t.db.kgbDraft.findFirstOrThrow({ where: { employeeId: asn.employee.id } });
    expect(draft.postponed).toBe(true);
    const v = await loginAgent(t.app, (await createUser(t.db, { roles: ['BKD_VERIFIER'] })).username, PASSWORD);
    const url = `/api/requests/${draft.requestId}/actions/recompute`;
    const refused = await v.post(url).set('x-csrf-token', v.csrfToken).send({ version: 1 });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('kgb_still_postponed');
    await t.db.riwayatSkp.updateMany({ where: { employeeId: asn.employee.id, tahun: 2026 }, data: { predikat: 'BAIK' } });
    const ok = await v.post(url).set('x-csrf-token', v.csrfToken).send({ version: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body.state).toBe('DRAFT');
    expect(ok.body.details).toMatchObject({ postponed: false, reasons: [] });
    expect(await t.db.kgbDraft.findUniqueOrThrow({ where: { requestId: draft.requestId } })).toMatchObject({ postponed: false, reasons: [] });
  });
});

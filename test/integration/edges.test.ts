/**
 * Edges (issue 13 part 5): the CSRF cookie is Secure whenever the session cookie is;
 * bull-board mutations need the CSRF token or the same origin; the public letter
 * verification is private (no-store, noindex) and shows a NIP without its birth date;
 * a document's metadata follows its download policy; an atasan's list equals what they may open.
 */
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUES } from '../../server/src/jobs/catalog.ts';
import { buildTestApp, loginAgent, uniq, type TestApp } from '../support/app.ts';
import { createAsn, createDocumentRow, createEmployee, createOpd, createUser, PASSWORD } from '../support/factories.ts';

let t: TestApp;
beforeAll(() => {
  t = buildTestApp();
});
afterAll(() => t.close());

const cookie = (res: supertest.Response, name: string) =>
  ((res.headers['set-cookie'] as unknown as string[] | undefined) ?? []).find((c) => c.startsWith(`${name}=`));
const isSecure = (c: string | undefined) => !!c && /;\s*Secure/i.test(c);

describe('CSRF cookie follows the session cookie', () => {
  it('COOKIE_SECURE=auto: both Secure over HTTPS (behind the proxy), neither over HTTP', async () => {
    const u = await createUser(t.db, { roles: ['BKD_ADMIN'] });
    for (const https of [true, false]) {
      const agent = supertest(t.app);
      const login = await agent.post('/api/auth/login').set('X-Forwarded-Proto', https ? 'https' : 'http').send({ username: u.username, password: PASSWORD });
      expect(login.status).toBe(200);
      const sid = cookie(login, 'simak.sid');
      expect(sid).toBeDefined();
      const csrf = await agent
        .get('/api/auth/csrf')
        .set('X-Forwarded-Proto', https ? 'https' : 'http')
        .set('Cookie', sid!.split(';')[0]!);
      const c = cookie(csrf, 'simak.csrf');
      expect(c).toBeDefined();
      expect(isSecure(sid)).toBe(https);
      expect(isSecure(c)).toBe(https);
    }
  });

  it('COOKIE_SECURE=true: the CSRF cookie is Secure even on a plain request', async () => {
    const s = buildTestApp({ COOKIE_SECURE: 'true' });
    try {
      const csrf = await supertest(s.app).get('/api/auth/csrf');
      expect(isSecure(cookie(csrf, 'simak.csrf'))).toBe(true);
    } finally {
      await s.close();
    }
  });
});

describe('bull-board mutations', () => {
  it('need the CSRF token or the same origin; reading needs neither', async () => {
    const u = await createUser(t.db, { roles: ['BKD_ADMIN'] });
    const admin = await loginAgent(t.app, u.username, PASSWORD);
    const queue = t.ctx.queues[QUEUES[0]!].name;
    const url = `/admin/queues/api/queues/${encodeURIComponent(queue)}/clean/completed`;
    expect((await admin.get('/admin/queues/api/queues')).status).toBe(200);
    const bare = await admin.put(url);
    expect(bare.status).toBe(403);
    expect(bare.body.error.code).toBe('CSRF_INVALID');
    expect((await admin.put(url).set('Origin', 'https://evil.example')).status).toBe(403);
    expect((await admin.put(url).set('Referer', 'https://evil.example/x')).status).toBe(403);
    expect((await admin.put(url).set('x-csrf-token', 'forged')).status).toBe(403);
    const sameOrigin = await admin.put(url).set('Origin', new URL(t.config.PUBLIC_URL).origin);
    expect([401, 403]).not.toContain(sameOrigin.status);
    const withToken = await admin.put(url).set('x-csrf-token', admin.csrfToken);
    expect([401, 403]).not.toContain(withToken.status);
  });

  it('stay BKD_ADMIN-only (401 anonymous, 403 other roles)', async () => {
    expect((await supertest(t.app).get('/admin/queues/api/queues')).status).toBe(401);
    const v = await createUser(t.db, { roles: ['BKD_VERIFIER'] });
    const agent = await loginAgent(t.app, v.username, PASSWORD);
    expect((await agent.get('/admin/queues/api/queues')).status).toBe(403);
  });
});

describe('public letter verification', () => {
  async function letter() {
    const opd = await createOpd(t.db);
    const e = await createEmployee(t.db, { opdId: opd.id });
    const token = uniq('tok-').padEnd(16, 'x');
    const data = {
      nip: e.nip,
      nama: e.nama,
      namaJabatan: 'Pranata Komputer Ahli Pertama',
      opd: opd.nama,
      golongan: 'III/b',
      gajiPokokLama: 3186600,
      gajiPokokBaru: 3287000,
      mkgTahun: 8,
      mkgBulan: 0,
      tmt: '2027-01-01',
      basis: { kind: 'KGB', tmt: '2025-01-01', mkgTahun: 6, mkgBulan: 0 },
      regulation: 'PP 5/2024',
      signer: { nama: 'Kepala', jabatan: 'Kepala Badan Kepegawaian Daerah', nip: '196805121993031007', pangkat: 'Pembina Utama Muda (IV/c)' },
    };
    await t.db.letter.create({
      data: { kind: 'KGB', requestId: 900_000_000 + Math.floor(Math.random() * 1e8), employeeId: e.id, number: uniq('822.4/'), date: new Date('2026-11-30'), token, data },
    });
    return { e, token };
  }

  it('JSON and page: no-store, noindex (found and unknown); the NIP shows only its last 4 digits', async () => {
    const { e, token } = await letter();
    const anon = supertest(t.app);
    for (const url of [`/api/public/letters/${token}`, `/verifikasi/surat/${token}`, '/api/public/letters/unknown-token-000', '/verifikasi/surat/unknown-token-000']) {
      const res = await anon.get(url);
      expect([200, 404]).toContain(res.status);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-robots-tag']).toMatch(/noindex/);
    }
    const json = await anon.get(`/api/public/letters/${token}`);
    expect(json.status).toBe(200);
    expect(json.body.nip).toBe(`**************${e.nip.slice(14)}`);
    const birth = e.nip.slice(0, 8);
    expect(JSON.stringify(json.body)).not.toContain(birth);
    const page = await anon.get(`/verifikasi/surat/${token}`);
    expect(page.text).toContain(e.nip.slice(14));
    expect(page.text).not.toContain(birth);
    expect(page.text).not.toContain(e.nip);
  });

  it('is rate-limited per IP (429 past LETTER_VERIFY_RATE_LIMIT, still no-store)', async () => {
    const s = buildTestApp({ LETTER_VERIFY_RATE_LIMIT: '2' });
    try {
      const anon = supertest(s.app);
      await anon.get('/api/public/letters/unknown-token-001');
      await anon.get('/verifikasi/surat/unknown-token-001');
      const third = await anon.get('/api/public/letters/unknown-token-001');
      expect(third.status).toBe(429);
      expect(third.headers['cache-control']).toBe('no-store');
    } finally {
      await s.close();
    }
  });
});

describe('document metadata follows the download policy', () => {
  it('the atasan sees that a request has a document, not its name or size; the owner and OPD admin see both', async () => {
    const opd = await createOpd(t.db);
    const boss = await createEmployee(t.db, { opdId: opd.id });
    const bossUser = await createUser(t.db, { roles: ['ASN', 'ATASAN'], employeeId: boss.id });
    const asn = await createAsn(t.db, opd.id, { atasanId: boss.id });
    const opdAdmin = await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [opd.id] });
    const doc = await createDocumentRow(t.db, asn.employee.id);
    const self = await loginAgent(t.app, asn.username, PASSWORD);
    const created = await self
      .post('/api/change-requests')
      .set('x-csrf-token', self.csrfToken)
      .send({ employeeId: asn.employee.id, target: 'profile', op: 'update', changes: { tempatLahir: 'Lumajang' }, documentIds: [doc.id] });
    expect(created.status).toBe(201);
    const id = created.body.id as number;

    const atasan = await loginAgent(t.app, bossUser.username, PASSWORD);
    const seen = await atasan.get(`/api/requests/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.documents).toEqual([]);
    expect(seen.body.documentsHidden).toBe(1);
    expect(JSON.stringify(seen.body)).not.toContain(doc.originalName);
    // The same answer as the document routes: neither metadata nor file.
    expect((await atasan.get(`/api/documents/${doc.id}`)).status).toBe(403);
    expect((await atasan.get(`/api/documents/${doc.id}/download`)).status).toBe(403);

    for (const who of [self, await loginAgent(t.app, opdAdmin.username, PASSWORD)]) {
      const full = await who.get(`/api/requests/${id}`);
      expect(full.body.documents.map((d: { id: number }) => d.id)).toEqual([doc.id]);
      expect(full.body.documents[0].downloadUrl).toBe(`/api/documents/${doc.id}/download`);
      expect((await who.get(`/api/documents/${doc.id}`)).status).toBe(200);
    }
  });
});

describe("an atasan's list and detail agree", () => {
  it('the team in the list is exactly what the atasan may open, before and after a change of atasan', async () => {
    const opd = await createOpd(t.db);
    const boss = await createEmployee(t.db, { opdId: opd.id });
    const team = [await createEmployee(t.db, { opdId: opd.id, atasanId: boss.id }), await createEmployee(t.db, { opdId: opd.id, atasanId: boss.id })];
    const stranger = await createEmployee(t.db, { opdId: opd.id });
    const withRole = await createUser(t.db, { roles: ['ASN', 'ATASAN'], employeeId: boss.id });
    const agent = await loginAgent(t.app, withRole.username, PASSWORD);
    const list = await agent.get('/api/employees?pageSize=200');
    const listed = new Set((list.body.items as { id: number }[]).map((i) => i.id));
    expect(listed).toEqual(new Set([boss.id, ...team.map((e) => e.id)]));
    for (const e of [...team, stranger]) {
      const opened = (await agent.get(`/api/employees/${e.id}`)).status === 200;
      expect(opened).toBe(listed.has(e.id));
    }

    // A subordinate who leaves the team (atasan changed) leaves both at once.
    await t.db.employee.update({ where: { id: team[0]!.id }, data: { atasanId: null } });
    const after = new Set(((await agent.get('/api/employees?pageSize=200')).body.items as { id: number }[]).map((i) => i.id));
    expect(after.has(team[0]!.id)).toBe(false);
    expect((await agent.get(`/api/employees/${team[0]!.id}`)).status).toBe(403);
  });
});

describe('compression', () => {
  it('gzips answers of 1 KB and more when the client accepts it; small answers and clients without gzip get them plain', async () => {
    const big = await supertest(t.app).get('/api/openapi.json').set('Accept-Encoding', 'gzip');
    expect(big.status).toBe(200);
    expect(big.headers['content-encoding']).toBe('gzip');
    expect(big.body.openapi).toBeDefined(); // decoded by the client
    const plain = await supertest(t.app).get('/api/openapi.json').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const small = await supertest(t.app).get('/api/health/live').set('Accept-Encoding', 'gzip');
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../../server/src/auth/actor.ts';
import { employeeScope } from '../../server/src/lib/authz.ts';
import { buildTestApp, loginAgent, type TestApp } from '../support/app.ts';
import { createAsn, createEmployee, createOpd, createUser, PASSWORD } from '../support/factories.ts';

let t: TestApp;
beforeAll(() => {
  t = buildTestApp({ BODY_LIMIT: '2kb' });
});
afterAll(() => t.close());

describe('error model', () => {
  it('400 for malformed JSON', async () => {
    const res = await supertest(t.app).post('/api/auth/login').set('content-type', 'application/json').send('{"username": ');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'malformed_json', message: expect.any(String), details: null } });
  });
  it('413 for a body over the limit', async () => {
    const res = await supertest(t.app).post('/api/auth/login').send({ username: 'x'.repeat(5000), password: 'y' });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });
  it('404 JSON for unknown API routes', async () => {
    const res = await supertest(t.app).get('/api/tidak-ada');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.body.error.code).toBe('route_not_found');
  });
  it('401 JSON for protected routes without a session', async () => {
    const res = await supertest(t.app).get('/api/home');
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 'unauthenticated', details: null });
  });
  it('echoes a request id', async () => {
    const res = await supertest(t.app).get('/api/health').set('x-request-id', 'abc-123');
    expect(res.headers['x-request-id']).toBe('abc-123');
    const gen = await supertest(t.app).get('/api/health');
    expect(gen.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
  it('sets security headers', async () => {
    const res = await supertest(t.app).get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('the web app', () => {
  it("serves its files and index.html for its own paths, never a file under the API's paths", async () => {
    const dist = mkdtempSync(path.join(os.tmpdir(), 'simak-web-'));
    mkdirSync(path.join(dist, 'assets'));
    mkdirSync(path.join(dist, 'api', 'auth'), { recursive: true });
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>SIMAK</title>');
    writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log("app")');
    writeFileSync(path.join(dist, 'api', 'auth', 'me'), 'a file where the API is');
    const web = buildTestApp({ WEB_DIST: dist });
    try {
      const js = await supertest(web.app).get('/assets/app.js');
      expect(js.status).toBe(200);
      expect(js.text).toBe('console.log("app")');
      expect(js.headers['cache-control']).toContain('max-age=3600');
      const page = await supertest(web.app).get('/pegawai/12');
      expect(page.status).toBe(200);
      expect(page.text).toContain('<title>SIMAK</title>');
      const me = await supertest(web.app).get('/api/auth/me');
      expect(me.status).toBe(401);
      expect(me.body.error.code).toBe('unauthenticated');
      expect((await supertest(web.app).get('/api/tidak-ada')).body.error.code).toBe('route_not_found');
    } finally {
      await web.close();
    }
  });
});

describe('health', () => {
  it('reports database and Redis as up', async () => {
    const res = await supertest(t.app).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: { ok: true }, redis: { ok: true } });
  });
  it('reports Redis down as degraded (503)', async () => {
    const broken = buildTestApp({ REDIS_URL: 'redis://127.0.0.1:6390' });
    try {
      const res = await supertest(broken.app).get('/api/health');
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ status: 'degraded', database: { ok: true }, redis: { ok: false } });
    } finally {
      await broken.close();
    }
  });
});

describe('OpenAPI and docs', () => {
  it('serves an OpenAPI 3.1 document generated from the zod schemas', async () => {
    const res = await supertest(t.app).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('username');
    expect(res.body.paths['/api/users/{id}/reset-password']).toBeTruthy();
  });
  it('serves the viewer with a local script (works offline)', async () => {
    const res = await supertest(t.app).get('/api/docs');
    expect(res.status).toBe(200);
    expect(res.text).toContain('/api/docs/scalar.js');
    const js = await supertest(t.app).get('/api/docs/scalar.js');
    expect(js.status).toBe(200);
  });
});

describe('bull-board', () => {
  it('is for BKD_ADMIN only', async () => {
    expect((await supertest(t.app).get('/admin/queues')).status).toBe(401);
    const v = await createUser(t.db, { roles: ['BKD_VERIFIER'] });
    const va = await loginAgent(t.app, v.username, PASSWORD);
    expect((await va.get('/admin/queues')).status).toBe(403);
    const a = await createUser(t.db, { roles: ['BKD_ADMIN'] });
    const aa = await loginAgent(t.app, a.username, PASSWORD);
    const ok = await aa.get('/admin/queues');
    expect(ok.status).toBe(200);
    expect(ok.text).toMatch(/<html/i);
  });
});

describe('role scoping in SQL', () => {
  it('scopes employees: OPD admin to their OPD tree, atasan to subordinates, ASN to self, BKD to all', async () => {
    const dinas = await createOpd(t.db);
    const puskesmas = await createOpd(t.db, { parentId: dinas.id });
    const other = await createOpd(t.db);
    const boss = await createEmployee(t.db, { opdId: dinas.id });
    const e1 = await createEmployee(t.db, { opdId: dinas.id, atasanId: boss.id });
    const e2 = await createEmployee(t.db, { opdId: puskesmas.id });
    const e3 = await createEmployee(t.db, { opdId: other.id });
    const ids = [boss.id, e1.id, e2.id, e3.id];

    const scoped = async (userId: number) => {
      const actor = (await loadActor(t.db, userId))!;
      const rows = await t.db.employee.findMany({ where: { AND: [employeeScope(actor), { id: { in: ids } }] }, select: { id: true } });
      return { actor, ids: rows.map((r) => r.id).sort((a, b) => a - b) };
    };
    const opdAdmin = await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [dinas.id] });
    expect((await scoped(opdAdmin.id)).ids).toEqual([boss.id, e1.id, e2.id].sort((a, b) => a - b));

    const bossUser = await createUser(t.db, { roles: ['ASN'], employeeId: boss.id });
    const b = await scoped(bossUser.id);
    expect(b.actor.roles).toEqual(['ASN', 'ATASAN']);
    expect(b.ids).toEqual([boss.id, e1.id].sort((a, b) => a - b));

    const asn = await createUser(t.db, { roles: ['ASN'], employeeId: e3.id });
    expect((await scoped(asn.id)).ids).toEqual([e3.id]);

    const bkd = await createUser(t.db, { roles: ['BKD_VERIFIER'] });
    expect((await scoped(bkd.id)).ids).toEqual([...ids].sort((a, b) => a - b));

    const nobody = await createUser(t.db, { roles: [] });
    expect((await scoped(nobody.id)).ids).toEqual([]);
  });

  it('home cards count only what the role may see', async () => {
    const mine = await createOpd(t.db);
    const theirs = await createOpd(t.db);
    for (let i = 0; i < 3; i++) await createEmployee(t.db, { opdId: mine.id });
    for (let i = 0; i < 2; i++) await createEmployee(t.db, { opdId: theirs.id });
    const admin = await createUser(t.db, { roles: ['OPD_ADMIN'], opdIds: [mine.id] });
    const agent = await loginAgent(t.app, admin.username, PASSWORD);
    const res = await agent.get('/api/home');
    expect(res.status).toBe(200);
    expect(res.body.cards.map((c: { key: string; value: number }) => [c.key, c.value])).toEqual([
      ['employees_in_my_opds', 3],
      ['records_in_my_opds', 3],
    ]);

    const asn = await createAsn(t.db, mine.id);
    const asnAgent = await loginAgent(t.app, asn.username, PASSWORD);
    const home = await asnAgent.get('/api/home');
    expect(home.body.cards.map((c: { key: string }) => c.key)).toEqual(['my_golongan', 'my_opd']);
  });
});

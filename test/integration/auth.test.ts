import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAgent, uniq, type TestApp } from '../support/app.ts';
import { createAsn, createOpd, createUser, PASSWORD } from '../support/factories.ts';

let t: TestApp;
beforeAll(() => {
  t = buildTestApp({ LOGIN_MAX_FAILURES: '3' });
});
afterAll(() => t.close());

const sid = (res: supertest.Response) =>
  ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('simak.sid='))?.split(';')[0];

describe('login', () => {
  it('logs in by NIP and returns the user without secrets', async () => {
    const opd = await createOpd(t.db);
    const { username } = await createAsn(t.db, opd.id);
    const res = await supertest(t.app).post('/api/auth/login').send({ username, password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username, roles: ['ASN'], mustChangePassword: false });
    expect(res.body.user.nip).toBe(username);
    expect(JSON.stringify(res.body)).not.toMatch(/hash/i);
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('simak.sid='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('answers unknown users and wrong passwords identically (no user enumeration)', async () => {
    const u = await createUser(t.db, { roles: ['BKD_VERIFIER'] });
    const wrong = await supertest(t.app).post('/api/auth/login').send({ username: u.username, password: 'salah-sekali1' });
    const unknown = await supertest(t.app).post('/api/auth/login').send({ username: uniq('ghost.'), password: 'salah-sekali1' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('invalid_credentials');
  });

  it('locks an account temporarily after repeated failures, known or not', async () => {
    const u = await createUser(t.db, { roles: ['BKD_ADMIN'] });
    for (let i = 0; i < 3; i++) {
      const r = await supertest(t.app).post('/api/auth/login').send({ username: u.username, password: 'bukan-ini-1' });
      expect(r.status).toBe(401);
    }
    const locked = await supertest(t.app).post('/api/auth/login').send({ username: u.username, password: PASSWORD });
    expect(locked.status).toBe(423);
    expect(locked.body.error.code).toBe('account_locked');
    expect(Date.parse(locked.body.error.details.lockedUntil)).toBeGreaterThan(Date.now());

    const ghost = uniq('ghost.');
    for (let i = 0; i < 3; i++) await supertest(t.app).post('/api/auth/login').send({ username: ghost, password: 'x1' });
    const ghostLocked = await supertest(t.app).post('/api/auth/login').send({ username: ghost, password: 'x1' });
    expect(ghostLocked.status).toBe(423);
  });

  it('regenerates the session id at login and invalidates the old one', async () => {
    const u = await createUser(t.db, { roles: ['BKD_VERIFIER'] });
    const agent = supertest.agent(t.app);
    const first = await agent.post('/api/auth/login').send({ username: u.username, password: PASSWORD });
    const second = await agent.post('/api/auth/login').send({ username: u.username, password: PASSWORD });
    const a = sid(first);
    const b = sid(second);
    expect(a).toBeTruthy();
    expect(b).toBeTruthy();
    expect(a).not.toBe(b);
    const old = await supertest(t.app).get('/api/auth/me').set('Cookie', a!);
    expect(old.status).toBe(401);
    const cur = await supertest(t.app).get('/api/auth/me').set('Cookie', b!);
    expect(cur.status).toBe(200);
  });

  it('validates the body (422 with field details)', async () => {
    const res = await supertest(t.app).post('/api/auth/login').send({ username: '' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('validation_failed');
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['username', 'password']));
  });

  it('rate-limits login attempts per client', async () => {
    const limited = buildTestApp({ LOGIN_RATE_LIMIT: '3' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        codes.push((await supertest(limited.app).post('/api/auth/login').send({ username: uniq('rl.'), password: 'x' })).status);
      }
      expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
      expect(codes.slice(3)).toEqual([429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('session, CSRF, logout and passwords', () => {
  it('rejects a cookie-authenticated mutation without a valid CSRF token', async () => {
    const u = await createUser(t.db, { roles: ['BKD_VERIFIER'] });
    const agent = await loginAgent(t.app, u.username, PASSWORD);
    const noToken = await agent.post('/api/auth/password').send({ currentPassword: PASSWORD, newPassword: 'BaruSekali99' });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe('csrf_invalid');
    const badToken = await agent
      .post('/api/auth/password')
      .set('x-csrf-token', 'forged')
      .send({ currentPassword: PASSWORD, newPassword: 'BaruSekali99' });
    expect(badToken.status).toBe(403);
    const other = await loginAgent(t.app, u.username, PASSWORD);
    const ok = await agent
      .post('/api/auth/password')
      .set('x-csrf-token', agent.csrfToken)
      .send({ currentPassword: PASSWORD, newPassword: 'BaruSekali99' });
    expect(ok.status).toBe(204);
    // This session continues; the account's other sessions end.
    expect((await agent.get('/api/auth/me')).status).toBe(200);
    expect((await other.get('/api/auth/me')).status).toBe(401);
    const relogin = await supertest(t.app).post('/api/auth/login').send({ username: u.username, password: 'BaruSekali99' });
    expect(relogin.status).toBe(200);
    const audit = await t.db.auditLog.findFirst({ where: { action: 'user.password_changed', entityId: String(u.id) } });
    expect(audit).toBeTruthy();
  });

  it('rejects a weak new password with field details', async () => {
    const u = await createUser(t.db, { roles: ['BKD_VERIFIER'] });
    const agent = await loginAgent(t.app, u.username, PASSWORD);
    const res = await agent.post('/api/auth/password').set('x-csrf-token', agent.csrfToken).send({ currentPassword: PASSWORD, newPassword: 'pendek' });
    expect(res.status).toBe(422);
    expect(res.body.error.details[0].path).toBe('newPassword');
  });

  it('logs out', async () => {
    const u = await createUser(t.db, { roles: ['BKD_VERIFIER'] });
    const agent = await loginAgent(t.app, u.username, PASSWORD);
    expect((await agent.post('/api/auth/logout').set('x-csrf-token', agent.csrfToken)).status).toBe(204);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
  });

  it('forces imported accounts to change their password first', async () => {
    const u = await createUser(t.db, { roles: ['BKD_VERIFIER'], mustChangePassword: true });
    const agent = await loginAgent(t.app, u.username, PASSWORD);
    expect(agent.user.mustChangePassword).toBe(true);
    const blocked = await agent.get('/api/home');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('password_change_required');
    const changed = await agent
      .post('/api/auth/password')
      .set('x-csrf-token', agent.csrfToken)
      .send({ currentPassword: PASSWORD, newPassword: 'SandiBaru2026' });
    expect(changed.status).toBe(204);
    expect((await agent.get('/api/home')).status).toBe(200);
  });
});

describe('admin password reset', () => {
  it('401 without a session, 403 for non-admins, temporary password for BKD_ADMIN', async () => {
    const target = await createUser(t.db, { roles: ['BKD_VERIFIER'] });
    const anon = await supertest(t.app).post(`/api/users/${target.id}/reset-password`);
    expect(anon.status).toBe(401);

    const opd = await createOpd(t.db);
    const asn = await createAsn(t.db, opd.id);
    const asnAgent = await loginAgent(t.app, asn.username, PASSWORD);
    const forbidden = await asnAgent.post(`/api/users/${target.id}/reset-password`).set('x-csrf-token', asnAgent.csrfToken);
    expect(forbidden.status).toBe(403);

    const admin = await createUser(t.db, { roles: ['BKD_ADMIN'] });
    const adminAgent = await loginAgent(t.app, admin.username, PASSWORD);
    const targetAgent = await loginAgent(t.app, target.username, PASSWORD);
    expect((await targetAgent.get('/api/auth/me')).status).toBe(200);
    const ok = await adminAgent.post(`/api/users/${target.id}/reset-password`).set('x-csrf-token', adminAgent.csrfToken);
    // The target's existing session ends with the reset.
    expect((await targetAgent.get('/api/auth/me')).status).toBe(401);
    expect(ok.status).toBe(200);
    expect(ok.body.temporaryPassword).toMatch(/^[A-Za-z2-9]{12}$/);
    const relogin = await supertest(t.app).post('/api/auth/login').send({ username: target.username, password: ok.body.temporaryPassword });
    expect(relogin.status).toBe(200);
    expect(relogin.body.user.mustChangePassword).toBe(true);
    const self = await adminAgent.post(`/api/users/${admin.id}/reset-password`).set('x-csrf-token', adminAgent.csrfToken);
    expect(self.status).toBe(403);
    const missing = await adminAgent.post(`/api/users/999999999/reset-password`).set('x-csrf-token', adminAgent.csrfToken);
    expect(missing.status).toBe(404);
  });
});

describe('user list', () => {
  it('401 anonymous, 403 non-admin, searchable list with abilities for BKD_ADMIN', async () => {
    expect((await supertest(t.app).get('/api/users')).status).toBe(401);
    const v = await createUser(t.db, { roles: ['BKD_VERIFIER'], username: uniq('cari.verif.') });
    const va = await loginAgent(t.app, v.username, PASSWORD);
    expect((await va.get('/api/users')).status).toBe(403);
    const admin = await createUser(t.db, { roles: ['BKD_ADMIN'] });
    const aa = await loginAgent(t.app, admin.username, PASSWORD);
    const res = await aa.get(`/api/users?q=${encodeURIComponent(v.username)}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({ id: v.id, username: v.username, roles: [{ role: 'BKD_VERIFIER', opd: null }], abilities: { resetPassword: true } }),
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/hash/i);
    const self = await aa.get(`/api/users?q=${encodeURIComponent(admin.username)}`);
    expect(self.body.items[0].abilities.resetPassword).toBe(false);
  });
});

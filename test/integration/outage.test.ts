/**
 * While Redis or PostgreSQL is unreachable the API answers 503 service_unavailable (the error
 * model, Retry-After) instead of a 500 or a hanging request, liveness still answers, readiness says
 * which one is down, and the API recovers by itself when it returns. Redis is a redis-server of
 * this test (killed and restarted); PostgreSQL is reached through a TCP proxy this test cuts.
 */
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildTestApp, loginAgent, type TestApp } from '../support/app.ts';
import { createAsn, createOpd, PASSWORD } from '../support/factories.ts';
import { waitFor } from '../support/letters.ts';
import { freePort, PrivateRedis, TcpProxy } from '../support/outage.ts';

const ready = (t: TestApp) => supertest(t.app).get('/api/health/ready');

function expectUnavailable(res: supertest.Response, dependency: 'database' | 'redis') {
  expect(res.status).toBe(503);
  expect(res.body).toEqual({ error: { code: 'service_unavailable', message: expect.stringMatching(/tidak tersedia/), details: { dependency } } });
  expect(res.headers['retry-after']).toBe('5');
}

describe('Redis unreachable', () => {
  let redis: PrivateRedis;
  let t: TestApp;
  beforeAll(async () => {
    redis = new PrivateRedis(await freePort());
    await redis.start();
    t = buildTestApp({ REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await t.close();
    await redis.stop();
  });

  it('answers 503 while it is down and recovers by itself', async () => {
    const opd = await createOpd(t.db);
    const asn = await createAsn(t.db, opd.id);
    const agent = await loginAgent(t.app, asn.username, PASSWORD);
    expect((await agent.get('/api/auth/me')).status).toBe(200);
    expect((await ready(t)).status).toBe(200);

    await redis.stop();
    const r = await waitFor(() => ready(t), (res) => res.status === 503);
    expect(r.body).toMatchObject({ status: 'unavailable', database: { up: true }, redis: { up: false } });
    expectUnavailable(await agent.get('/api/auth/me'), 'redis');
    expectUnavailable(await supertest(t.app).post('/api/auth/login').send({ username: asn.username, password: PASSWORD }), 'redis');
    expectUnavailable(await agent.get('/api/employees'), 'redis');
    // Liveness does not depend on it; the health report says what is wrong.
    expect((await supertest(t.app).get('/api/health/live')).status).toBe(200);
    expect((await supertest(t.app).get('/api/health')).body).toMatchObject({ status: 'degraded', redis: { ok: false } });

    await redis.start();
    expect((await waitFor(() => ready(t), (res) => res.status === 200)).body).toMatchObject({ status: 'ready', redis: { up: true } });
    // The restarted Redis has no sessions: sign in again, and everything works.
    expect((await agent.get('/api/auth/me')).status).toBe(401);
    const again = await loginAgent(t.app, asn.username, PASSWORD);
    expect((await again.get('/api/auth/me')).status).toBe(200);
  });
});

describe('PostgreSQL unreachable', () => {
  let proxy: TcpProxy;
  let t: TestApp;
  beforeAll(async () => {
    const base = new URL(inject('databaseUrl'));
    proxy = new TcpProxy(await freePort(), { host: base.hostname, port: Number(base.port || 5432) });
    await proxy.up();
    base.port = String(proxy.port);
    t = buildTestApp({ DATABASE_URL: base.toString(), DB_CONNECT_TIMEOUT_MS: '1000' });
  });
  afterAll(async () => {
    await t.close();
    await proxy.down();
  });

  it('answers 503 (never a 500) while it is down and recovers by itself', async () => {
    const opd = await createOpd(t.db);
    const asn = await createAsn(t.db, opd.id);
    const agent = await loginAgent(t.app, asn.username, PASSWORD);
    expect((await agent.get('/api/auth/me')).status).toBe(200);

    await proxy.down();
    // The first request meets the dead connection: 503, and the tracker answers the next ones at once.
    const first = await agent.get('/api/employees');
    expectUnavailable(first, 'database');
    expect((await waitFor(() => ready(t), (res) => res.status === 503)).body).toMatchObject({ status: 'unavailable', database: { up: false }, redis: { up: true } });
    expectUnavailable(await agent.get('/api/auth/me'), 'database');
    expectUnavailable(await supertest(t.app).post('/api/auth/login').send({ username: asn.username, password: PASSWORD }), 'database');
    expect((await supertest(t.app).get('/api/health/live')).status).toBe(200);

    await proxy.up();
    await waitFor(() => ready(t), (res) => res.status === 200);
    // Sessions live in Redis: the same session carries on.
    expect((await agent.get('/api/auth/me')).status).toBe(200);
    expect((await agent.get('/api/employees')).status).not.toBeGreaterThanOrEqual(500);
  });
});

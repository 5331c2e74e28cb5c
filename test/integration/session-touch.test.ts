/**
 * Rolling sessions refresh their idle lifetime in Redis at most once per SESSION_TOUCH_SECONDS
 * (one EXPIRE per session per interval instead of one per request); 0 refreshes on every request.
 */
import supertest from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { createUser, PASSWORD } from '../support/factories.ts';

const apps: TestApp[] = [];
afterAll(() => Promise.all(apps.map((a) => a.close())));

async function signedIn(touchSeconds: string) {
  const t = buildTestApp({ SESSION_TOUCH_SECONDS: touchSeconds, SESSION_TTL_MINUTES: '60' });
  apps.push(t);
  const u = await createUser(t.db, { roles: ['BKD_ADMIN'] });
  const agent = supertest.agent(t.app);
  const login = await agent.post('/api/auth/login').send({ username: u.username, password: PASSWORD });
  expect(login.status).toBe(200);
  const raw = ([] as string[]).concat(login.headers['set-cookie'] ?? []).find((c) => c.startsWith('simak.sid='))!;
  const sid = decodeURIComponent(raw.split(';')[0]!.slice('simak.sid='.length)).replace(/^s:/, '').replace(/\.[^.]*$/, '');
  const key = `${t.config.REDIS_PREFIX}:sess:${sid}`;
  const ttl = () => t.ctx.redis.ttl(key);
  expect(await ttl()).toBeGreaterThan(3500);
  return { t, agent, key, ttl };
}

describe('session idle lifetime', () => {
  it('is not refreshed again within the interval (the login just set it)', async () => {
    const s = await signedIn('3600');
    await s.t.ctx.redis.expire(s.key, 100);
    expect((await s.agent.get('/api/auth/me')).status).toBe(200);
    expect(await s.ttl()).toBeLessThanOrEqual(100);
  });

  it('is refreshed by the first request after the interval', async () => {
    const s = await signedIn('1');
    await s.t.ctx.redis.expire(s.key, 100);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await s.agent.get('/api/auth/me')).status).toBe(200);
    expect(await s.ttl()).toBeGreaterThan(3500);
  });

  it('with 0, is refreshed by every request', async () => {
    const s = await signedIn('0');
    for (let i = 0; i < 2; i++) {
      await s.t.ctx.redis.expire(s.key, 100);
      expect((await s.agent.get('/api/auth/me')).status).toBe(200);
      expect(await s.ttl()).toBeGreaterThan(3500);
    }
  });

  it('a session past its lifetime in Redis is gone whatever the interval', async () => {
    const s = await signedIn('3600');
    await s.t.ctx.redis.del(s.key);
    expect((await s.agent.get('/api/auth/me')).status).toBe(401);
  });
});

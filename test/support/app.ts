/** Test harness: the real app on the per-run database and Redis, plus factories. */
import supertest from 'supertest';
import { inject } from 'vitest';
import { createApp } from '../../server/src/app.ts';
import { createContext } from '../../server/src/bootstrap.ts';
import { loadConfig, type Config } from '../../server/src/config.ts';
import { createLogger } from '../../server/src/logger.ts';

/**
 * The date every app under test runs on (its APP_TODAY): the demo regency's reference date.
 * Tests never read the machine's date; a test that needs another day sets APP_TODAY for its app.
 */
export const TEST_TODAY = '2026-11-30';

let seq = 0;
export const uniq = (p = 'x') => `${p}${process.pid.toString(36)}${Date.now().toString(36)}${(seq++).toString(36)}`;

/** The environment of a command-line tool run by a test: the app's database and its clock (APP_TODAY). */
export function cliEnv(databaseUrl: string, overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: databaseUrl, APP_TODAY: TEST_TODAY, ...overrides };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: inject('databaseUrl'),
    REDIS_URL: inject('redisUrl'),
    REDIS_PREFIX: `${inject('redisPrefix')}-${uniq('a')}`,
    SESSION_SECRET: 'test-secret-test-secret-test-secret',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    LOGIN_RATE_LIMIT: '1000',
    STORAGE_DIR: `/tmp/simak-test-storage-${process.pid}`,
    APP_TODAY: TEST_TODAY,
    ...overrides,
  });
}

export function buildTestApp(overrides: Record<string, string> = {}) {
  const config = testConfig(overrides);
  const ctx = createContext(config, { logger: createLogger(config.LOG_LEVEL) });
  const app = createApp(ctx);
  return { app, ctx, config, db: ctx.db, close: () => ctx.close() };
}

export type TestApp = ReturnType<typeof buildTestApp>;

/** A supertest agent (keeps cookies) logged in as `username`, with a CSRF token ready. */
export async function loginAgent(app: TestApp['app'], username: string, password: string) {
  const agent = supertest.agent(app);
  const res = await agent.post('/api/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const csrf = await agent.get('/api/auth/csrf');
  const token = csrf.body.csrfToken as string;
  return Object.assign(agent, { csrfToken: token, user: res.body.user });
}

/** A signed-in agent (loginAgent). */
export type Agent = Awaited<ReturnType<typeof loginAgent>>;
/** Mutations of a signed-in agent, with its CSRF token. */
export const post = (a: Agent, url: string, body: unknown) => a.post(url).set('x-csrf-token', a.csrfToken).send(body as object);
export const put = (a: Agent, url: string, body: unknown) => a.put(url).set('x-csrf-token', a.csrfToken).send(body as object);
export const del = (a: Agent, url: string) => a.delete(url).set('x-csrf-token', a.csrfToken);

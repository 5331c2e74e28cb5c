/**
 * Queries per request for the main reads (issue 15.2): the actor costs one query per
 * authenticated request, and no read runs a query per row (N+1): a page of 25 rows costs
 * as many queries as a page of 1. Counted with Prisma's query events on the app's own client.
 */
import pg from 'pg';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERNAMES, seedDemo } from '../../prisma/seed/demo.ts';
import { applyMigrations } from '../../prisma/tools/migrations.ts';
import { createApp } from '../../server/src/app.ts';
import { createContext } from '../../server/src/bootstrap.ts';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../server/src/generated/prisma/client.ts';
import type { Db } from '../../server/src/db.ts';
import { createLogger } from '../../server/src/logger.ts';
import { runKgbScan } from '../../server/src/modules/berkala/scan.ts';
import { TEST_TODAY, testConfig } from '../support/app.ts';

let databaseUrl: string;
/** The app's client with query events (what the test counts). */
const countingClient = (url: string) =>
  new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 4 }), log: [{ emit: 'event', level: 'query' }] });
let db: ReturnType<typeof countingClient>;
let ctx: ReturnType<typeof createContext>;
let app: ReturnType<typeof createApp>;
const queries: string[] = [];

async function agentFor(username: string) {
  const agent = supertest.agent(app);
  const res = await agent.post('/api/auth/login').send({ username, password: DEMO_PASSWORD });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  return agent;
}

/**
 * The SQL statements one GET runs (after a first call, so nothing is counted that only the first
 * call does). The fewest of three samples: a statement of something else running in the process
 * at that moment (a poller, the tail of an earlier request) can only add to a sample.
 */
async function count(agent: supertest.Agent, url: string) {
  const warm = await agent.get(url);
  expect(warm.status, url).toBe(200);
  let best: { n: number; body: supertest.Response['body']; sql: string[] } | null = null;
  for (let i = 0; i < 3; i++) {
    queries.length = 0;
    const res = await agent.get(url);
    expect(res.status, url).toBe(200);
    if (!best || queries.length < best.n) best = { n: queries.length, body: res.body, sql: [...queries] };
  }
  return best!;
}

beforeAll(async () => {
  const url = new URL(inject('databaseUrl'));
  url.pathname = `${url.pathname}_qcount`;
  databaseUrl = url.toString();
  await applyMigrations(databaseUrl);
  await seedDemo({ databaseUrl, employees: 600, today: TEST_TODAY });
  const config = testConfig({ DATABASE_URL: databaseUrl });
  db = countingClient(databaseUrl);
  db.$on('query', (e) => queries.push(e.query));
  ctx = createContext(config, { db: db as unknown as Db, logger: createLogger('silent') });
  app = createApp(ctx);
  await runKgbScan(db as unknown as Db, { today: TEST_TODAY });
  // Some drafts waiting for a data fix: their "recompute" action runs a guard per row.
  await db.$executeRaw`UPDATE workflow_request SET state = 'DITUNDA' WHERE type = 'KGB' AND id % 2 = 0`;
}, 180_000);

afterAll(async () => {
  await ctx?.close();
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${decodeURIComponent(new URL(databaseUrl).pathname.slice(1))}" WITH (FORCE)`);
  await c.end();
});

describe('queries per request', () => {
  it('the actor is one query: /api/auth/me runs exactly one', async () => {
    const asn = await agentFor(DEMO_USERNAMES.asn);
    const { n, sql } = await count(asn, '/api/auth/me');
    expect(n, sql.join('\n')).toBe(1);
  });

  it('the profile is two queries: the actor, then the employee with every history (one statement)', async () => {
    const asn = await agentFor(DEMO_USERNAMES.asn);
    const { n, sql, body } = await count(asn, '/api/employees/me');
    expect(n, sql.join('\n')).toBe(2);
    const bkd = await agentFor(DEMO_USERNAMES.bkdVerifier);
    expect((await count(bkd, `/api/employees/${body.id}`)).n).toBe(2);
  });

  it('employee list and search: the same queries for 1 row as for 25', async () => {
    const bkd = await agentFor(DEMO_USERNAMES.bkdVerifier);
    for (const q of ['', '&q=sari']) {
      const one = await count(bkd, `/api/employees?pageSize=1${q}`);
      const page = await count(bkd, `/api/employees?pageSize=25${q}`);
      expect(page.body.items.length).toBeGreaterThan(1);
      expect(page.n, page.sql.join('\n')).toBe(one.n);
      expect(page.n).toBeLessThanOrEqual(5);
    }
  });

  it('the KGB queue (with guards evaluated per row) and the verifier queue: no query per row', async () => {
    const total = await db.workflowRequest.count({ where: { type: 'KGB', state: 'DITUNDA' } });
    expect(total).toBeGreaterThan(3);
    for (const [user, url] of [
      [DEMO_USERNAMES.bkdVerifier, '/api/requests?type=KGB&open=true'],
      [DEMO_USERNAMES.bkdVerifier, '/api/requests?assigned=true&open=true'],
      [DEMO_USERNAMES.dinkesAdmin, '/api/requests?type=KGB&open=true'],
    ] as const) {
      const agent = await agentFor(user);
      const one = await count(agent, `${url}&pageSize=1&sort=-submittedAt`);
      const page = await count(agent, `${url}&pageSize=25&sort=-submittedAt`);
      expect(page.body.items.length, `${user} ${url}`).toBeGreaterThan(1);
      // The guard's per-employee reads are batched per page (one statement for the employees and their histories).
      expect(page.n, `${user} ${url}\n${page.sql.join('\n')}`).toBeLessThanOrEqual(one.n + 4);
      expect(page.n, `${user} ${url}`).toBeLessThanOrEqual(9);
    }
  });
});

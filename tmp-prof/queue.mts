import supertest from 'supertest';
import { DEMO_PASSWORD, DEMO_USERNAMES, seedDemo } from '../prisma/seed/demo.ts';
import { bringDemoToLife } from '../prisma/seed/living.ts';
import { applyMigrations } from '../prisma/tools/migrations.ts';
import { createApp } from '../server/src/app.ts';
import { createContext } from '../server/src/bootstrap.ts';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../server/src/generated/prisma/client.ts';
import type { Db } from '../server/src/db.ts';
import { createLogger } from '../server/src/logger.ts';
import { loadConfig } from '../server/src/config.ts';
import { setClock, fixedClock } from '../shared/src/clock.ts';
import pg from 'pg';

const url = 'postgresql://postgres@127.0.0.1:5432/perfcheck';
if (process.argv[2] === 'seed') {
  const admin = new pg.Client({ connectionString: 'postgresql://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS perfcheck WITH (FORCE)');
  await admin.end();
  await applyMigrations(url);
  await seedDemo({ databaseUrl: url, employees: 7000, today: '2026-11-30' });
  console.log('seeded');
  process.exit(0);
}
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 8 }), log: [{ emit: 'event', level: 'query' }] });
const qs: { q: string; d: number }[] = [];
db.$on('query', (e) => qs.push({ q: e.query.slice(0, 160), d: e.duration }));
const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, REDIS_URL: 'redis://127.0.0.1:6379', REDIS_PREFIX: 'perfcheck', SESSION_SECRET: 'test-secret-test-secret-test-secret', LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT: '1000', STORAGE_DIR: '/tmp/perfcheck-storage', APP_TODAY: '2026-11-30' });
setClock(fixedClock('2026-11-30'));
if (process.argv[4] === 'life') { await bringDemoToLife(config, console.log); }
const ctx = createContext(config, { db: db as unknown as Db, logger: createLogger('silent') });
const app = createApp(ctx);
const agent = supertest.agent(app);
const who = process.argv[3] ?? DEMO_USERNAMES.bkdVerifier;
const r = await agent.post('/api/auth/login').send({ username: who, password: DEMO_PASSWORD });
console.log('login', r.status);
const path = process.argv[2] ?? '/api/requests?assigned=true&open=true';
for (let i = 0; i < 4; i++) {
  qs.length = 0;
  const t0 = performance.now();
  const res = await agent.get(path);
  const ms = performance.now() - t0;
  console.log(`run ${i}: ${res.status} ${ms.toFixed(0)} ms, ${qs.length} queries, db sum ${qs.reduce((a, b) => a + b.d, 0)} ms, bytes ${JSON.stringify(res.body).length}`);
  if (i === 3) for (const q of qs.sort((a, b) => b.d - a.d).slice(0, 8)) console.log(`  ${q.d} ms  ${q.q}`);
}
process.exit(0);

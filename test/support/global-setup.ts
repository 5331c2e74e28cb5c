/**
 * Creates a fresh PostgreSQL database for this test run, migrates it with the
 * project's own migration command path, and drops it afterwards. Redis keys are
 * isolated by a per-run prefix.
 */
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { applyMigrations } from '../../prisma/tools/migrations.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    redisUrl: string;
    redisPrefix: string;
  }
}

const BASE = process.env.TEST_DATABASE_BASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export default async function setup(project: TestProject) {
  const name = `ssp_test_${project.name}_${process.pid}_${Date.now().toString(36)}`;
  const url = new URL(BASE);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  await applyMigrations(databaseUrl);
  project.provide('databaseUrl', databaseUrl);
  project.provide('redisUrl', process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  project.provide('redisPrefix', `t-${name}`);

  return async () => {
    const admin = new pg.Client({ connectionString: BASE });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await admin.end();
    }
    const { Redis } = await import('ioredis');
    const r = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `t-${name}*`, 'COUNT', 1000);
      if (keys.length) await r.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    r.disconnect();
  };
}

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { MIGRATIONS_DIR, noFilters, openEngine } from './engine.ts';

/** Creates the database named in the URL when it does not exist yet. */
export async function ensureDatabase(url: string) {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.replace(/^\//, ''));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const r = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (r.rowCount === 0) await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

// One wasm engine instance per process: migrations run one at a time (concurrent
// calls, e.g. from several Vitest projects' global setups, would share it).
const Q = globalThis as unknown as { __simakMigrationQueue?: Promise<unknown> };

/** Applies every pending migration in prisma/migrations; returns the names applied. */
export function applyMigrations(url: string): Promise<string[]> {
  const run = (Q.__simakMigrationQueue ?? Promise.resolve()).then(() => applyMigrationsNow(url));
  Q.__simakMigrationQueue = run.catch(() => undefined);
  return run;
}

async function applyMigrationsNow(url: string): Promise<string[]> {
  await ensureDatabase(url);
  const dirs = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(MIGRATIONS_DIR, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort();
  const engine = await openEngine(url);
  try {
    return await apply(engine, dirs);
  } finally {
    (engine as unknown as { free?: () => void }).free?.();
  }
}

async function apply(engine: Awaited<ReturnType<typeof openEngine>>, dirs: string[]): Promise<string[]> {
  const lockPath = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
  const result = await engine.applyMigrations({
    migrationsList: {
      baseDir: MIGRATIONS_DIR,
      lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
      shadowDbInitScript: '',
      migrationDirectories: dirs.map((name) => ({
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: { tag: 'ok', value: readFileSync(path.join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8') },
        },
      })),
    },
    filters: noFilters,
  });
  return result.appliedMigrationNames;
}

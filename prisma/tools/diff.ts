// npm run db:diff -- <name> — writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL
// that takes the schema at HEAD (or empty) to the current prisma/schema.prisma. No database needed.
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_DIR, SCHEMA_PATH, noFilters, openEngine } from './engine.ts';

const name = process.argv[2];
if (!name) {
  console.error('usage: npm run db:diff -- <migration_name> [--from <old schema file>]');
  process.exit(1);
}
const fromIdx = process.argv.indexOf('--from');
let previous: string | null = null;
if (fromIdx > 0) previous = readFileSync(process.argv[fromIdx + 1]!, 'utf8');
else {
  try {
    previous = execSync('git show HEAD:prisma/schema.prisma', { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  } catch {
    previous = null;
  }
}
const current = readFileSync(SCHEMA_PATH, 'utf8');
const engine = await openEngine(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres', current);
let out = '';
const res = await engine.diff({
  from: previous ? { tag: 'schemaDatamodel', files: [{ path: 'old.prisma', content: previous }] } : { tag: 'empty' },
  to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: current }] },
  script: true,
  exitCode: null,
  shadowDatabaseUrl: null,
  filters: noFilters,
});
out = (res as { stdout?: string }).stdout ?? '';
if (!out.trim() || /empty migration/i.test(out)) {
  console.log('No schema changes.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'migration.sql'), out);
console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);

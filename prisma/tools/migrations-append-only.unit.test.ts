/**
 * Migrations are append-only: a migration that has landed on main is never edited, and a new
 * one always sorts after every landed one. `prisma/migrations/landed.sha256` lists the landed
 * migrations with their checksum; add a line for each new migration when it lands.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = path.resolve(import.meta.dirname, '..', 'migrations');
const landed = readFileSync(path.join(DIR, 'landed.sha256'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => {
    const [sha, name] = l.trim().split(/\s+/);
    return { sha: sha!, name: name! };
  });
const all = readdirSync(DIR)
  .filter((n) => statSync(path.join(DIR, n)).isDirectory())
  .sort();

describe('migrations are append-only', () => {
  it.each(landed)('$name is unchanged since it landed', ({ sha, name }) => {
    const sql = readFileSync(path.join(DIR, name, 'migration.sql'));
    expect(createHash('sha256').update(sql).digest('hex')).toBe(sha);
  });
  it('every migration not yet listed sorts after the landed ones', () => {
    const last = landed.map((l) => l.name).sort().at(-1)!;
    const listed = new Set(landed.map((l) => l.name));
    for (const name of all.filter((n) => !listed.has(n))) expect(name > last, `${name} must sort after ${last}`).toBe(true);
    for (const l of landed) expect(all).toContain(l.name);
  });
});

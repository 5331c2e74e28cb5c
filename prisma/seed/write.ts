// Bulk writer: one INSERT … SELECT FROM unnest(column arrays) per batch, so a
// batch costs one round trip and one parameter per column however many rows.
import type pg from 'pg';

export interface Column<T> {
  name: string;
  /** Postgres array type of the parameter, e.g. 'int4[]', 'date[]', '"JenisKelamin"[]'. */
  type: string;
  get: (row: T) => unknown;
}

const BATCH = 5000;

export async function insertBatched<T>(
  client: pg.ClientBase,
  table: string,
  columns: Column<T>[],
  rows: readonly T[],
  opts: { touchUpdatedAt?: boolean } = {},
): Promise<void> {
  const names = columns.map((c) => `"${c.name}"`);
  const aliases = columns.map((_, i) => `c${i}`);
  const unnest = columns.map((c, i) => `$${i + 1}::${c.type}`).join(', ');
  const sql =
    `INSERT INTO "${table}" (${names.join(', ')}${opts.touchUpdatedAt ? ', "updated_at"' : ''}) ` +
    `SELECT ${aliases.join(', ')}${opts.touchUpdatedAt ? ', now()' : ''} FROM unnest(${unnest}) AS t(${aliases.join(', ')})`;
  for (let start = 0; start < rows.length; start += BATCH) {
    const slice = rows.slice(start, start + BATCH);
    const params = columns.map((c) => slice.map((r) => c.get(r)));
    await client.query(sql, params);
  }
}

/** Moves a serial column's sequence past the ids written explicitly. */
export async function syncSequence(client: pg.ClientBase, table: string): Promise<void> {
  await client.query(
    `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), GREATEST((SELECT COALESCE(MAX(id), 0) FROM "${table}"), 1), (SELECT COUNT(*) > 0 FROM "${table}"))`,
  );
}

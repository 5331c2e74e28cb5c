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

// ---------------------------------------------------------------------------
// COPY-style statements: the rows travel as one tab-separated text literal that
// Postgres splits and casts, so a whole chunk of tables goes in one round trip
// (simple query protocol) and Postgres can insert it while the next chunk is built.

const NULL_FIELD = '\\N';

function field(v: unknown): string {
  if (v === null || v === undefined) return NULL_FIELD;
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  const s = String(v);
  if (s === NULL_FIELD) throw new Error('the text \\N cannot be written with tsvInsertSql');
  return /[\t\n\r]/.test(s) ? s.replace(/[\t\n\r]/g, ' ') : s;
}

/** An INSERT statement (with its trailing ';') carrying the rows as text, or '' when there are none. */
export function tsvInsertSql<T>(table: string, columns: Column<T>[], rows: readonly T[], opts: { touchUpdatedAt?: boolean } = {}): string {
  if (!rows.length) return '';
  const lines: string[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    let line = field(columns[0]!.get(r));
    for (let c = 1; c < columns.length; c++) line += `\t${field(columns[c]!.get(r))}`;
    lines[i] = line;
  }
  const text = lines.join('\n');
  let tag = '$rows$';
  for (let n = 1; text.includes(tag); n++) tag = `$rows${n}$`;
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  const casts = columns.map((c, i) => `a[${i + 1}]::${c.type.replace(/\[\]$/, '')}`).join(', ');
  return (
    `INSERT INTO "${table}" (${names}${opts.touchUpdatedAt ? ', "updated_at"' : ''}) ` +
    `SELECT ${casts}${opts.touchUpdatedAt ? ', now()' : ''} ` +
    `FROM (SELECT string_to_array(l, E'\\t', '${NULL_FIELD}') AS a FROM unnest(string_to_array(${tag}${text}${tag}, E'\\n')) AS l) AS t;\n`
  );
}

/**
 * Sends a query and returns once its text has left Node's socket buffer, so the
 * caller can compute the next one while Postgres runs this one. Await `done`
 * before relying on the result (errors surface there).
 */
export async function sendQuery(client: pg.ClientBase, sql: string): Promise<{ done: Promise<unknown> }> {
  const done = client.query(sql);
  done.catch(() => {}); // handled by whoever awaits `done`
  const stream = (client as unknown as { connection?: { stream?: { writableLength?: number } } }).connection?.stream;
  while (stream && (stream.writableLength ?? 0) > 0) await new Promise((resolve) => setImmediate(resolve));
  return { done };
}

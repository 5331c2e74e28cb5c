/**
 * The import engine, generic over the kinds of kinds.ts.
 *
 * One transaction holds the whole import, so a failure anywhere rolls everything back:
 *
 * 1. Read: the file is streamed row by row (CSV or the first XLSX sheet); each row is
 *    parsed and checked on its own (types, required cells, NIP, cross-column rules) and
 *    the valid ones are written in batches to a temporary staging table. Memory stays
 *    constant: nothing but the current batch is kept in Node.
 * 2. Validate in SQL, over every staged row at once: references (nip, opd_kode) to the
 *    database; keys repeated in the file; same-file references (induk_kode, atasan_nip)
 *    to the database or another valid row, in any row order, repeated until stable (a
 *    row invalidated makes the rows that point at it invalid too); OPD cycles; history
 *    rows against the employee's current value.
 * 3. all-or-nothing with any error: roll back (nothing written). Otherwise merge with
 *    set-based statements: insert new rows, update the changed ones, then fill the
 *    same-table references (parents before children is implicit: every row exists
 *    before any link is set), and write one audit row per created or changed record
 *    (before/after of the changed fields). Unchanged records are not touched.
 *
 * Issues are streamed to `report` as they are found (row numbers as in the file).
 */
import { hash } from '@node-rs/argon2';
import { ASN_STATUSES } from '@simak/shared';
import type { ImportCounts, ImportKind, ImportMode } from '@simak/shared/api/imports';
import { escapeUnsafeText, hasUnsafeText } from '@simak/shared/api/primitives';
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Db, Tx } from '../../db.ts';
import { analyzeTables } from '../../lib/planner-stats.ts';
import { KINDS } from './kinds.ts';
import { ImportLimitError, DEFAULT_IMPORT_LIMITS, type ImportLimits } from './limits.ts';
import { countLines, readRows, type FileFormat, type RawRow } from './reader.ts';
import type { Issue, KindDef, RefSpec, RowCtx, SqlCheck, TargetSpec, Values } from './types.ts';

export interface ImportMeta {
  actorUserId: number | null;
  /** audit_log.request_id of every audit row ("import/<id>"). */
  requestId: string;
}

export interface RunOptions {
  kind: ImportKind;
  mode: ImportMode;
  format: FileFormat;
  /** Opens the file; called twice for CSV (a quick line count for progress, then the read). */
  open(): Promise<Readable>;
  meta: ImportMeta;
  report(issue: Issue): void | Promise<void>;
  progress?(processedRows: number, totalRows: number): void | Promise<void>;
  /** Runs once the transaction holds the import's lock, before anything is read. */
  onStart?(): void | Promise<void>;
  /** Runs inside the transaction right before it commits (write the outcome atomically with the data). */
  beforeCommit?(tx: Tx, outcome: ImportOutcome): Promise<void>;
  /** Advisory lock id: a second run of the same import while one is active fails with ImportBusyError. */
  lockId?: number;
  progressEvery?: number;
  batchSize?: number;
  /** Bounds on the file (config.ts IMPORT_*); the defaults when absent. */
  limits?: ImportLimits;
}

export interface ImportOutcome {
  status: 'DONE' | 'REJECTED';
  counts: ImportCounts;
  totalRows: number;
  /** Why a file was rejected, or a short summary (Bahasa Indonesia). */
  message: string | null;
  /** A file refused as a whole for a reason with a code (e.g. import_limit_exceeded and the limit). */
  refusal?: { code: string; details: Record<string, unknown> } | null;
}

export class ImportBusyError extends Error {
  constructor() {
    super('import is already running');
  }
}

/** A problem with the file as a whole (header, unreadable file): nothing is imported. */
class FileRejected extends Error {
  constructor(
    message: string,
    readonly issues: Issue[] = [],
    readonly refusal: { code: string; details: Record<string, unknown> } | null = null,
  ) {
    super(message);
  }
}

/** Thrown inside the transaction to roll it back when all-or-nothing finds errors. */
class Rejected extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super('rejected');
  }
}

const LOCK_NAMESPACE = 74_210;
const TX_TIMEOUT_MS = 2 * 60 * 60 * 1000;
const TEMP_BUFFERS = '256MB';

// ---------------------------------------------------------------------------
// Header

interface Header {
  index: Map<string, number>;
  present: (column: string) => boolean;
}

function readHeader(def: KindDef, row: RawRow): { header: Header; warnings: Issue[] } {
  const known = new Map(def.columns.map((c) => [c.name, c]));
  const index = new Map<string, number>();
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const issue = (column: string | null, message: string, severity: 'error' | 'warning'): Issue => ({
    row: row.row,
    column,
    value: column,
    message,
    severity,
  });
  if (row.cells.length === 1 && (row.cells[0] ?? '').includes(';')) {
    throw new FileRejected('Baris judul tidak dapat dibaca: berkas CSV harus dipisahkan koma (,), bukan titik koma (;).', [
      issue(null, 'Berkas CSV harus dipisahkan koma (,), bukan titik koma (;).', 'error'),
    ]);
  }
  row.cells.forEach((name, i) => {
    if (name === '') return;
    if (known.has(name)) {
      if (index.has(name)) errors.push(issue(name, `Kolom "${name}" muncul lebih dari sekali di baris judul.`, 'error'));
      else index.set(name, i);
      return;
    }
    const similar = def.columns.find((c) => c.name === name.toLowerCase().replace(/[\s-]+/g, '_'));
    warnings.push(
      issue(
        name,
        similar
          ? `Kolom "${name}" tidak dikenal dan diabaikan; nama kolom harus persis "${similar.name}".`
          : `Kolom "${name}" tidak dikenal dan diabaikan.`,
        'warning',
      ),
    );
  });
  const missing = def.columns.filter((c) => c.required && !index.has(c.name));
  for (const c of missing) errors.push(issue(c.name, `Kolom wajib "${c.name}" tidak ada di baris judul.`, 'error'));
  if (errors.length) {
    const names = missing.map((c) => c.name);
    throw new FileRejected(
      names.length
        ? `Berkas ditolak: kolom wajib tidak ada di baris judul (${names.join(', ')}).`
        : 'Berkas ditolak: baris judul tidak valid.',
      [...errors, ...warnings],
    );
  }
  return { header: { index, present: (c) => index.has(c) }, warnings };
}

// ---------------------------------------------------------------------------
// One row

const LOSSY_MESSAGE = 'Angka terlalu panjang sehingga tidak tepat di Excel; format sel sebagai teks lalu isi ulang.';
const UNSAFE_CELL_MESSAGE = 'Sel memuat karakter yang tidak diizinkan (NUL atau surrogate tunggal); ketik ulang isinya.';

/** An issue as stored: NUL and lone surrogates (from header cells or parser messages) written as visible escapes. */
function storable(issue: Issue): Issue {
  const safe = (v: string | null) => (v !== null && hasUnsafeText(v) ? escapeUnsafeText(v) : v);
  return { ...issue, column: safe(issue.column), value: safe(issue.value), message: safe(issue.message) ?? '' };
}

function parseRow(def: KindDef, header: Header, raw: RawRow, issues: Issue[]): Values | null {
  const v: Values = {};
  const rawByCol: Record<string, string> = {};
  const errorCols = new Set<string>();
  let failed = false;
  const push = (severity: 'error' | 'warning', column: string | null, message: string, value?: string | null) => {
    if (severity === 'error') {
      failed = true;
      if (column) errorCols.add(column);
    }
    issues.push({
      row: raw.row,
      column,
      value: value !== undefined ? value : column ? (rawByCol[column] ?? null) || null : null,
      message,
      severity,
    });
  };
  for (const c of def.columns) {
    const idx = header.index.get(c.name);
    if (idx === undefined) {
      v[c.name] = null;
      continue;
    }
    const cell = raw.cells[idx] ?? '';
    rawByCol[c.name] = cell;
    v[c.name] = null;
    if (raw.lossy?.includes(idx)) {
      push('error', c.name, LOSSY_MESSAGE);
      continue;
    }
    // PostgreSQL text cannot hold NUL (and UTF-8 no lone surrogate): such a cell is an error of its row.
    if (hasUnsafeText(cell)) {
      rawByCol[c.name] = escapeUnsafeText(cell);
      push('error', c.name, UNSAFE_CELL_MESSAGE);
      continue;
    }
    if (cell === '') {
      if (c.required) push('error', c.name, 'Wajib diisi.');
      continue;
    }
    const r = c.parse(cell, v);
    if (r.ok) v[c.name] = r.value;
    else push('error', c.name, r.error);
  }
  if (def.check) {
    const ctx: RowCtx = {
      v,
      raw: rawByCol,
      present: header.present,
      error: (column, message, value) => push('error', column, message, value),
      warn: (column, message, value) => push('warning', column, message, value),
      hasError: (column) => errorCols.has(column),
    };
    def.check(ctx);
  }
  return failed ? null : v;
}

// ---------------------------------------------------------------------------
// Staging table

interface StageCol {
  name: string;
  sql: string;
  get: (v: Values) => unknown;
}

function stageColumns(def: KindDef): StageCol[] {
  return [
    ...def.columns.filter((c) => c.sql).map((c) => ({ name: c.name, sql: c.sql!, get: (v: Values) => v[c.name] ?? null })),
    ...(def.extraStage ?? []),
  ];
}

function stageDdl(def: KindDef, cols: StageCol[]): string[] {
  const idCols = new Set<string>();
  const actionCols = new Set<string>();
  for (const r of def.refs) idCols.add(r.idCol);
  for (const t of [def.target, ...(def.sideTargets ?? [])]) {
    idCols.add(t.idCol);
    actionCols.add(t.actionCol);
  }
  const lines = [
    'row_no int4 PRIMARY KEY',
    'ok boolean NOT NULL DEFAULT true',
    ...cols.map((c) => `${c.name} ${c.sql}`),
    ...[...idCols].map((c) => `${c} int4`),
    ...[...actionCols].map((c) => `${c} text`),
  ];
  const ddl = [`CREATE TEMP TABLE imp_stage (${lines.join(', ')}) ON COMMIT DROP`];
  for (const key of new Set(def.refs.flatMap((r) => (r.selfKey ? [r.selfKey] : [])))) {
    ddl.push(`CREATE INDEX ON imp_stage (${key})`);
  }
  return ddl;
}

/** Array parameter type for a column type: modifiers dropped, text[] values travel joined by ','. */
function paramType(sql: string): string {
  if (sql === 'text[]') return 'text[]';
  return `${sql.replace(/\(.*\)$/, '')}[]`;
}

function insertStageSql(cols: StageCol[]): string {
  const aliases = cols.map((_, i) => `c${i}`);
  const params = cols.map((c, i) => `$${i + 2}::${paramType(c.sql)}`);
  const select = cols.map((c, i) => (c.sql === 'text[]' ? `string_to_array(coalesce(c${i}, ''), ',')` : `c${i}`));
  return (
    `INSERT INTO imp_stage (row_no, ${cols.map((c) => c.name).join(', ')}) ` +
    `SELECT r, ${select.join(', ')} FROM unnest($1::int4[], ${params.join(', ')}) AS u(r, ${aliases.join(', ')})`
  );
}

// ---------------------------------------------------------------------------
// SQL helpers

const camel = (col: string) => col.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** jsonb_build_object in chunks (PostgreSQL allows 100 arguments per call). */
function jsonObject(pairs: [string, string][]): string {
  if (!pairs.length) return `'{}'::jsonb`;
  const chunks: string[] = [];
  for (let i = 0; i < pairs.length; i += 40) {
    chunks.push(`jsonb_build_object(${pairs.slice(i, i + 40).map(([k, e]) => `'${k}', ${e}`).join(', ')})`);
  }
  return chunks.join(' || ');
}

function keyMatch(t: TargetSpec): string {
  return t.key
    .map((k) => (k.nullable ? `coalesce(t.${k.col}, -1) = coalesce(${k.expr}, -1)` : `t.${k.col} = ${k.expr}`))
    .join(' AND ');
}

type Row = Record<string, unknown>;

class Engine {
  /** Rows taken out by the SQL checks. */
  failed = 0;

  constructor(
    private readonly tx: Tx,
    private readonly def: KindDef,
    private readonly header: Header,
    private readonly opts: RunOptions,
    readonly report: (issue: Issue) => Promise<void>,
  ) {}

  private exec(sql: string, ...params: unknown[]) {
    return this.tx.$executeRawUnsafe(sql, ...params);
  }

  private query<T = Row>(sql: string, ...params: unknown[]) {
    return this.tx.$queryRawUnsafe<T[]>(sql, ...params);
  }

  /** Reports each returned row as an error and takes it out of the import; returns how many. */
  private async invalidate(rows: Row[], column: string, message: (r: Row) => string): Promise<number> {
    if (!rows.length) return 0;
    for (const r of rows) {
      await this.report({
        row: Number(r.row_no),
        column,
        value: r.value == null ? null : String(r.value),
        message: message(r),
        severity: 'error',
      });
    }
    await this.exec(`UPDATE imp_stage SET ok = false WHERE row_no = ANY($1::int4[])`, rows.map((r) => Number(r.row_no)));
    this.failed += rows.length;
    return rows.length;
  }

  private async runCheck(check: SqlCheck): Promise<number> {
    const rows = await this.query(check.sql);
    return this.invalidate(rows, check.column, check.message);
  }

  async validate() {
    const { def } = this;
    await this.exec('ANALYZE imp_stage');
    // References that must already be in the database.
    for (const ref of def.refs.filter((r) => !r.selfKey)) {
      await this.exec(
        `UPDATE imp_stage s SET ${ref.idCol} = t.id FROM ${ref.table} t WHERE s.ok AND t.${ref.keyCol} = s.${ref.stageCol}`,
      );
      const rows = await this.query(
        `SELECT row_no, ${ref.stageCol} AS value FROM imp_stage WHERE ok AND ${ref.stageCol} IS NOT NULL AND ${ref.idCol} IS NULL ORDER BY row_no`,
      );
      await this.invalidate(rows, ref.column, (r) => ref.message(String(r.value)));
    }
    // The same key twice in the file: the first row counts, later ones are errors.
    const keyCols = def.dedupe.cols.join(', ');
    const dups = await this.query(`
      SELECT row_no, first_row, ${def.dedupe.column}::text AS value FROM (
        SELECT row_no, ${def.dedupe.column}, min(row_no) OVER (PARTITION BY ${keyCols}) AS first_row FROM imp_stage WHERE ok
      ) x WHERE row_no <> first_row ORDER BY row_no`);
    await this.invalidate(dups, def.dedupe.column, (r) => `Data ganda: kunci yang sama sudah ada di baris ${String(r.first_row)}.`);
    // Same-file references (any row order) and structural checks, until stable.
    const selfRefs = def.refs.filter((r) => r.selfKey);
    for (let changed = 1; changed > 0; ) {
      changed = 0;
      for (const ref of selfRefs) changed += await this.selfRefCheck(ref);
      for (const check of def.loopChecks ?? []) changed += await this.runCheck(check);
    }
    if (def.finalChecks?.length) {
      // The checks compare with the stored rows the file does not replace.
      await this.exec(`UPDATE imp_stage s SET target_id = t.id FROM ${def.target.table} t WHERE s.ok AND ${keyMatch(def.target)}`);
      for (const check of def.finalChecks) await this.runCheck(check);
    }
  }

  private async selfRefCheck(ref: RefSpec): Promise<number> {
    const rows = await this.query(`
      SELECT s.row_no, s.${ref.stageCol} AS value FROM imp_stage s
      WHERE s.ok AND s.${ref.stageCol} IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM ${ref.table} t WHERE t.${ref.keyCol} = s.${ref.stageCol})
        AND NOT EXISTS (SELECT 1 FROM imp_stage o WHERE o.ok AND o.${ref.selfKey} = s.${ref.stageCol})
      ORDER BY s.row_no`);
    return this.invalidate(rows, ref.column, (r) => ref.message(String(r.value)));
  }

  private filter(t: TargetSpec) {
    return `s.ok${t.where ? ` AND (${t.where})` : ''}`;
  }

  /**
   * Upserts one target from the valid staged rows; audit rows for every created or changed
   * record. New rows get their ids from the table's sequence up front, so same-table
   * references (parent OPD, atasan) are resolved before the single INSERT (PostgreSQL
   * checks the foreign keys at the end of the statement, whatever the row order).
   */
  async merge(t: TargetSpec, selfRefs: RefSpec[]) {
    const f = this.filter(t);
    const { actorUserId, requestId } = this.opts.meta;
    // Only the columns present in the file are compared and updated.
    const cmp = t.cols.filter((c) => (c.from ?? [c.col]).every((name) => this.header.present(name)));
    const differs = cmp.map((c) => `t.${c.col} IS DISTINCT FROM ${c.expr}`).join(' OR ') || 'false';
    const classify = selfRefs.length ? 'NULL' : `CASE WHEN ${differs} THEN 'update' ELSE 'unchanged' END`;
    await this.exec(`
      UPDATE imp_stage u SET ${t.idCol} = coalesce(t.id, nextval(pg_get_serial_sequence('${t.table}', 'id'))),
        ${t.actionCol} = CASE WHEN t.id IS NULL THEN 'create' ELSE ${classify} END
      FROM imp_stage s LEFT JOIN ${t.table} t ON ${keyMatch(t)}
      WHERE u.row_no = s.row_no AND ${f}`);
    if (selfRefs.length) {
      // Every row has its id now: resolve references to this file's rows first, then to the database.
      for (const ref of selfRefs) {
        await this.exec(
          `UPDATE imp_stage s SET ${ref.idCol} = o.${t.idCol} FROM imp_stage o WHERE s.ok AND o.ok AND o.${ref.selfKey} = s.${ref.stageCol}`,
        );
        await this.exec(
          `UPDATE imp_stage s SET ${ref.idCol} = t.id FROM ${ref.table} t WHERE s.ok AND s.${ref.idCol} IS NULL AND t.${ref.keyCol} = s.${ref.stageCol}`,
        );
      }
      await this.exec(`
        UPDATE imp_stage s SET ${t.actionCol} = CASE WHEN ${differs} THEN 'update' ELSE 'unchanged' END
        FROM ${t.table} t WHERE ${f} AND s.${t.actionCol} IS NULL AND t.id = s.${t.idCol}`);
    }

    if (cmp.length) {
      const side = (from: 't' | 's') =>
        cmp
          .map(
            (c) =>
              `CASE WHEN t.${c.col} IS DISTINCT FROM ${c.expr} THEN jsonb_build_object('${camel(c.col)}', ${from === 't' ? `t.${c.col}` : c.expr}) ELSE '{}'::jsonb END`,
          )
          .join(' || ');
      await this.exec(
        `INSERT INTO audit_log (action, entity_type, entity_id, employee_id, before, after, actor_user_id, request_id)
         SELECT 'import.update', '${t.entity}', t.id::text, ${t.employeeId}, ${side('t')}, ${side('s')}, $1::int4, $2::text
         FROM imp_stage s JOIN ${t.table} t ON t.id = s.${t.idCol}
         WHERE ${f} AND s.${t.actionCol} = 'update'`,
        actorUserId,
        requestId,
      );
      await this.exec(`
        UPDATE ${t.table} t SET ${cmp.map((c) => `${c.col} = ${c.expr}`).join(', ')}, updated_at = now()${t.bumpVersion ? ', version = t.version + 1' : ''}
        FROM imp_stage s WHERE t.id = s.${t.idCol} AND ${f} AND s.${t.actionCol} = 'update'`);
    }
    const insertCols = [...t.key, ...t.cols];
    await this.exec(`
      INSERT INTO ${t.table} (id, ${insertCols.map((c) => c.col).join(', ')}, updated_at)
      SELECT s.${t.idCol}, ${insertCols.map((c) => c.expr).join(', ')}, now() FROM imp_stage s
      WHERE ${f} AND s.${t.actionCol} = 'create' ORDER BY s.row_no`);
    const after = jsonObject(insertCols.map((c) => [camel(c.col), c.expr]));
    await this.exec(
      `INSERT INTO audit_log (action, entity_type, entity_id, employee_id, before, after, actor_user_id, request_id)
       SELECT 'import.create', '${t.entity}', s.${t.idCol}::text, ${t.employeeId}, NULL, ${after}, $1::int4, $2::text
       FROM imp_stage s WHERE ${f} AND s.${t.actionCol} = 'create'`,
      actorUserId,
      requestId,
    );
  }

  /** ASN accounts for employees without one: username = NIP, role ASN, must change password. */
  async createAccounts(passwordHash: string) {
    const statuses = ASN_STATUSES.map((s) => `'${s}'`).join(', ');
    await this.exec(
      `WITH cand AS (
         SELECT s.target_id AS employee_id, s.nip,
                trim(concat_ws(' ', s.gelar_depan, s.nama) || coalesce(', ' || s.gelar_belakang, '')) AS display_name
         FROM imp_stage s
         WHERE s.ok AND s.status_kepegawaian IN (${statuses}) AND s.tmt_berhenti IS NULL
           AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.employee_id = s.target_id)
           AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.username = s.nip)
       ), ins AS (
         INSERT INTO app_user (username, password_hash, display_name, employee_id, must_change_password, updated_at)
         SELECT nip, $1::text, display_name, employee_id, true, now() FROM cand
         RETURNING id, employee_id, username
       ), roles AS (
         INSERT INTO user_role (user_id, role) SELECT id, 'ASN'::"Role" FROM ins
       )
       INSERT INTO audit_log (action, entity_type, entity_id, employee_id, before, after, actor_user_id, request_id)
       SELECT 'import.create', 'app_user', id::text, employee_id, NULL,
              jsonb_build_object('username', username, 'roles', jsonb_build_array('ASN'), 'mustChangePassword', true), $2::int4, $3::text
       FROM ins`,
      passwordHash,
      this.opts.meta.actorUserId,
      this.opts.meta.requestId,
    );
  }

  async apply(passwordHash: string | null): Promise<Pick<ImportCounts, 'created' | 'updated' | 'unchanged'>> {
    const { def } = this;
    await this.merge(
      def.target,
      def.refs.filter((r) => r.selfKey),
    );
    const side = def.sideTargets ?? [];
    for (const t of side) await this.merge(t, []);
    if (side.length) {
      // A row whose employee is unchanged but whose current history row was (re)written counts as updated.
      const touched = side.map((t) => `coalesce(s.${t.actionCol}, '') IN ('create', 'update')`).join(' OR ');
      await this.exec(`UPDATE imp_stage s SET action = 'update' WHERE s.ok AND s.action = 'unchanged' AND (${touched})`);
    }
    if (def.accounts && passwordHash) await this.createAccounts(passwordHash);
    const rows = await this.query<{ action: string; n: number }>(
      `SELECT action, count(*)::int AS n FROM imp_stage WHERE ok GROUP BY action`,
    );
    const n = (a: string) => rows.find((r) => r.action === a)?.n ?? 0;
    return { created: n('create'), updated: n('update'), unchanged: n('unchanged') };
  }
}

// ---------------------------------------------------------------------------

/** A password nobody knows: imported accounts get a real one through an admin reset. */
async function unusablePasswordHash(): Promise<string> {
  return hash(randomBytes(32).toString('base64url'));
}

/**
 * Rows of the file; a parse error of the file itself (bad CSV quoting, not an XLSX)
 * becomes a FileRejected, while I/O errors (storage unreachable) stay unexpected.
 */
async function* guardedRows(source: Readable, format: FileFormat, limits: ImportLimits): AsyncGenerator<RawRow> {
  const rows = readRows(source, format, limits);
  // Closing the reader on every exit (a header rejected, a crash) removes its temporary file.
  try {
    for (;;) {
      let next: IteratorResult<RawRow>;
      try {
        next = await rows.next();
      } catch (err) {
        const e = err as { code?: unknown; lines?: number; message?: string };
        if (err instanceof FileRejected) throw err;
        if (err instanceof ImportLimitError) {
          const row = typeof err.details.row === 'number' ? err.details.row : 1;
          throw new FileRejected(err.message, [{ row, column: null, value: null, message: err.message, severity: 'error' }], {
            code: err.code,
            details: err.details,
          });
        }
        if (typeof e?.code === 'string' && /^E[A-Z]+$/.test(e.code)) throw err;
        const message =
          format === 'csv'
            ? `Berkas CSV tidak dapat dibaca${e?.lines ? ` (sekitar baris ${e.lines})` : ''}: ${e?.message ?? 'format tidak valid'}`
            : 'Berkas XLSX tidak dapat dibaca; pastikan berkas berformat Excel (.xlsx) yang valid.';
        throw new FileRejected(message, [{ row: e?.lines ?? 1, column: null, value: null, message, severity: 'error' }]);
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await rows.return(undefined);
  }
}

/** The tables an import of `kind` writes to (its target, side targets and accounts). */
export function importedTables(kind: ImportKind): string[] {
  const def = KINDS[kind];
  return [def.target.table, ...(def.sideTargets ?? []).map((t) => t.table), ...(def.accounts ? ['app_user', 'user_role'] : [])];
}

/** Runs one import. Resolves with DONE or REJECTED; throws on unexpected failures (after rolling back). */
export async function runImport(db: Db, opts: RunOptions): Promise<ImportOutcome> {
  const def = KINDS[opts.kind];
  const passwordHash = def.accounts ? await unusablePasswordHash() : null;
  let estimate = 0;
  if (opts.format === 'csv' && opts.progress) estimate = Math.max(0, (await countLines(await opts.open())) - 1);
  const every = opts.progressEvery ?? 1000;
  const batchSize = opts.batchSize ?? 2000;
  let warnings = 0;
  let failedRows = 0;
  let total = 0;
  const report = async (issue: Issue) => {
    if (issue.severity === 'warning') warnings++;
    await opts.report(storable(issue));
  };

  try {
    const done = await db.$transaction(
      async (tx) => {
        if (opts.lockId !== undefined) {
          const [lock] = await tx.$queryRawUnsafe<{ ok: boolean }[]>(
            'SELECT pg_try_advisory_xact_lock($1::int4, $2::int4) AS ok',
            LOCK_NAMESPACE,
            opts.lockId,
          );
          if (!lock?.ok) throw new ImportBusyError();
        }
        await opts.onStart?.();
        // A larger local buffer pool keeps the staging table in memory. PostgreSQL accepts the
        // setting only before the session's first temporary table; later it fails harmlessly.
        await tx.$executeRawUnsafe('SAVEPOINT imp_temp_buffers');
        try {
          await tx.$executeRawUnsafe(`SET temp_buffers = '${TEMP_BUFFERS}'`);
          await tx.$executeRawUnsafe('RELEASE SAVEPOINT imp_temp_buffers');
        } catch {
          await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT imp_temp_buffers');
        }
        const cols = stageColumns(def);
        for (const ddl of stageDdl(def, cols)) await tx.$executeRawUnsafe(ddl);
        const insertSql = insertStageSql(cols);

        let engine: Engine | null = null;
        let header: Header | null = null;
        let batch: { row: number; v: Values }[] = [];
        const flush = async () => {
          if (!batch.length) return;
          const params = [batch.map((b) => b.row), ...cols.map((c) => batch.map((b) => c.get(b.v) ?? null))];
          await tx.$executeRawUnsafe(insertSql, ...params);
          batch = [];
        };

        const rowIssues: Issue[] = [];
        for await (const raw of guardedRows(await opts.open(), opts.format, opts.limits ?? DEFAULT_IMPORT_LIMITS)) {
          if (!header || !engine) {
            const read = readHeader(def, raw);
            header = read.header;
            engine = new Engine(tx, def, header, opts, report);
            for (const w of read.warnings) await report(w);
            continue;
          }
          total++;
          const v = parseRow(def, header, raw, rowIssues);
          if (rowIssues.length) {
            if (!v) failedRows++;
            for (const i of rowIssues) await report(i);
            rowIssues.length = 0;
          }
          if (v) batch.push({ row: raw.row, v });
          if (batch.length >= batchSize) await flush();
          if (opts.progress && total % every === 0) await opts.progress(total, Math.max(estimate, total));
        }
        if (!engine) {
          throw new FileRejected('Berkas kosong: baris judul tidak ditemukan.', [
            { row: 1, column: null, value: null, message: 'Berkas kosong: baris judul tidak ditemukan.', severity: 'error' },
          ]);
        }
        await flush();
        await opts.progress?.(total, total);

        await engine.validate();
        failedRows += engine.failed;
        const base = { failed: failedRows, warnings };
        if (failedRows > 0 && opts.mode === 'all-or-nothing') {
          throw new Rejected({
            status: 'REJECTED',
            counts: { created: 0, updated: 0, unchanged: 0, ...base },
            totalRows: total,
            message: `Berkas ditolak: ${failedRows} baris bermasalah; tidak ada data yang disimpan (mode all-or-nothing; mode valid-rows menyimpan baris yang valid).`,
          });
        }
        const applied = await engine.apply(passwordHash);
        const outcome: ImportOutcome = {
          status: 'DONE',
          counts: { ...applied, ...base },
          totalRows: total,
          message: failedRows > 0 ? `${failedRows} baris bermasalah dilewati; baris lain disimpan.` : null,
        };
        await opts.beforeCommit?.(tx, outcome);
        return outcome;
      },
      { timeout: TX_TIMEOUT_MS, maxWait: 60_000 },
    );
    // Committed: fresh planner statistics for what the import wrote (a bulk load can turn an
    // almost empty table into a big one; plans from stale statistics stay wrong without autovacuum).
    if (done.counts.created + done.counts.updated > 0) await analyzeTables((sql) => db.$executeRawUnsafe(sql), importedTables(opts.kind));
    return done;
  } catch (err) {
    if (err instanceof Rejected) return err.outcome;
    if (err instanceof FileRejected) {
      for (const i of err.issues) await report(i);
      return {
        status: 'REJECTED',
        counts: { created: 0, updated: 0, unchanged: 0, failed: 0, warnings },
        totalRows: total,
        message: escapeUnsafeText(err.message),
        refusal: err.refusal,
      };
    }
    throw err;
  }
}

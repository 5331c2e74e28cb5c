/**
 * The shape of an import kind: its columns (header name, required, parser, staging
 * type), row checks, references, the table it upserts and the checks run in SQL
 * once every row is staged. The engine (engine.ts) is generic over these.
 */
import type { ImportIssue, ImportKind } from '@simak/shared/api/imports';
import type { Parsed } from './columns.ts';

export type Values = Record<string, unknown>;

export interface ColumnDef {
  /** Header name, exactly as in IMPORT-FORMAT.md. */
  name: string;
  required?: boolean;
  /** Staging column type (SQL); none = only used by the row checks. */
  sql?: string;
  /** Parses a non-empty trimmed cell; `row` holds the columns parsed before this one. */
  parse: (raw: string, row: Values) => Parsed;
}

export interface RowCtx {
  /** Parsed values by column (null = empty, absent or invalid). */
  v: Values;
  raw: Record<string, string>;
  /** True when the column is in the file's header. */
  present(column: string): boolean;
  error(column: string | null, message: string, value?: string | null): void;
  warn(column: string | null, message: string, value?: string | null): void;
  hasError(column: string): boolean;
}

/** A staging column computed from the row (not a file column). text[] values are passed joined by ','. */
export interface StageExtra {
  name: string;
  sql: string;
  get: (v: Values) => unknown;
}

/** A reference to another record by its business key (nip, kode). */
export interface RefSpec {
  /** File column the reference comes from (for the error report). */
  column: string;
  /** Staging column holding the key, and the one receiving the resolved id. */
  stageCol: string;
  idCol: string;
  table: string;
  keyCol: string;
  /** The key may also be defined by another row of the same file (staging column of that key). */
  selfKey?: string;
  message: (value: string) => string;
}

export interface TargetCol {
  /** Target column; its value is `expr` over the staging row `s`. */
  col: string;
  expr: string;
  /** File columns it comes from: when one is absent from the header, an update leaves the column as it is. */
  from?: string[];
}

export interface TargetSpec {
  table: string;
  /** entity_type in audit_log. */
  entity: string;
  /** Staging columns receiving the target row id and the action (create/update/unchanged). */
  idCol: string;
  actionCol: string;
  /** Extra filter on staging rows (side targets). */
  where?: string;
  key: { col: string; expr: string; nullable?: boolean }[];
  cols: TargetCol[];
  /** audit_log.employee_id expression over s (staging) and t (target). */
  employeeId: string;
  /** Bump a `version` column on update (optimistic concurrency of edited records). */
  bumpVersion?: boolean;
}

/** A set-based check: SQL returning (row_no, value, …) for staged rows that fail it. */
export interface SqlCheck {
  column: string;
  sql: string;
  message: (r: Record<string, unknown>) => string;
}

export interface KindDef {
  kind: ImportKind;
  columns: ColumnDef[];
  extraStage?: StageExtra[];
  check?: (ctx: RowCtx) => void;
  /** The in-file key (staging columns) and the file column named when it repeats. */
  dedupe: { cols: string[]; column: string };
  refs: RefSpec[];
  target: TargetSpec;
  /** Records written alongside (pegawai → current history rows). */
  sideTargets?: TargetSpec[];
  /** Checks repeated with the same-file references until nothing changes (OPD cycles). */
  loopChecks?: SqlCheck[];
  /** Checks after the target ids are known (history vs the employee's current value). */
  finalChecks?: SqlCheck[];
  /** Extra writes after the merge (pegawai → ASN accounts). */
  accounts?: boolean;
}

export type Issue = ImportIssue;

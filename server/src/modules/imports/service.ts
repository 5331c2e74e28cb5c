/**
 * Import jobs: accept a file (stored in document storage so a worker on another
 * machine can read it), queue it through the outbox, run it (the engine), and read
 * the outcome back (status, progress, counts, errors).
 */
import {
  IMPORT_ERRORS_IN_JSON,
  type ImportDetail,
  type ImportIssue,
  type ImportKind,
  type ImportMode,
  type ImportStatus,
  type ImportSummary,
} from '@simak/shared/api/imports';
import { createReadStream } from 'node:fs';
import { open as openFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { RequestMeta } from '../../audit/audit.ts';
import { writeAudit } from '../../audit/audit.ts';
import type { Db } from '../../db.ts';
import { NotFound, Unprocessable } from '../../errors.ts';
import type { ImportJob } from '../../generated/prisma/client.ts';
import { enqueue } from '../../jobs/outbox.ts';
import type { Logger } from '../../logger.ts';
import { generateKey, type Storage } from '../../storage/storage.ts';
import { ImportBusyError, runImport, type ImportOutcome } from './engine.ts';
import { DEFAULT_IMPORT_LIMITS, IMPORT_LIMIT_CODE, ImportLimitError, type ImportLimits } from './limits.ts';
import { formatFromName, type FileFormat } from './reader.ts';
import { inspectZip, ZipFormatError } from './zip.ts';

/** BullMQ attempts of 'import.run' (jobs/catalog.ts); the last failure marks the import FAILED. */
export const IMPORT_RUN_ATTEMPTS = 3;

const ERROR_BATCH = 500;
const PROGRESS_EVERY = 1000;

// ---------------------------------------------------------------------------
// Accepting a file

export interface UploadedFile {
  /** Path of the uploaded temporary file (multer disk storage). */
  path: string;
  originalName: string;
  size: number;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The format from the name, checked against the content (an XLSX is a zip; a CSV is not). */
export async function detectFormat(filePath: string, fileName: string): Promise<FileFormat> {
  const byName = formatFromName(fileName);
  const fh = await openFile(filePath, 'r');
  const head = Buffer.alloc(4);
  try {
    await fh.read(head, 0, 4, 0);
  } finally {
    await fh.close();
  }
  const isZip = head.equals(ZIP_MAGIC);
  if (byName === 'xlsx' && isZip) return 'xlsx';
  if (byName === 'csv' && !isZip) return 'csv';
  throw unsupportedFile();
}

function unsupportedFile() {
  return Unprocessable('unsupported_file', 'Berkas harus CSV (dipisahkan koma) atau XLSX.', [
    { location: 'body', path: 'file', message: 'Berkas harus CSV (.csv) atau Excel (.xlsx).', code: 'invalid_type' },
  ]);
}

/**
 * The checks that need no parsing, made on the upload before it is stored: an XLSX's
 * zip directory is read and its declared unpacked size compared with the limit (a
 * decompression bomb is refused at once, nothing inflated). 422 import_limit_exceeded
 * with details { limit, max, actual } naming the limit.
 */
export async function checkUpload(filePath: string, format: FileFormat, limits: ImportLimits): Promise<void> {
  if (format !== 'xlsx') return;
  try {
    await inspectZip(filePath, limits);
  } catch (err) {
    if (err instanceof ImportLimitError) {
      throw Unprocessable(IMPORT_LIMIT_CODE, err.message, [
        { location: 'body', path: 'file', message: err.message, code: IMPORT_LIMIT_CODE, ...err.details },
      ]);
    }
    if (err instanceof ZipFormatError) {
      throw Unprocessable('unsupported_file', 'Berkas XLSX tidak dapat dibaca; pastikan berkas berformat Excel (.xlsx) yang valid.', [
        { location: 'body', path: 'file', message: 'Berkas XLSX tidak valid.', code: 'invalid_type' },
      ]);
    }
    throw err;
  }
}

/** Stores the file, then writes the import job and its outbox row in one transaction. */
export async function createImport(
  deps: { db: Db; storage: Storage },
  meta: RequestMeta,
  input: { kind: ImportKind; mode: ImportMode; file: UploadedFile; limits?: ImportLimits },
): Promise<{ id: number; status: ImportStatus }> {
  const format = await detectFormat(input.file.path, input.file.originalName);
  await checkUpload(input.file.path, format, input.limits ?? DEFAULT_IMPORT_LIMITS);
  const storageKey = generateKey('imports', format);
  await deps.storage.put(
    storageKey,
    createReadStream(input.file.path),
    format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  const fileName = input.file.originalName.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 200) || `impor.${format}`;
  // The stored copy is removed when the job cannot be recorded (nothing would ever read it).
  const job = await deps.db.$transaction(async (tx) => {
    const created = await tx.importJob.create({
      data: { kind: input.kind, mode: input.mode, fileName, storageKey, createdById: meta.actorUserId },
    });
    await enqueue(tx, 'import.run', { importId: created.id });
    await writeAudit(tx, meta, {
      action: 'import.queued',
      entityType: 'import_job',
      entityId: created.id,
      after: { kind: input.kind, mode: input.mode, fileName, size: input.file.size },
    });
    return created;
  }).catch(async (err: unknown) => {
    await deps.storage.delete(storageKey).catch(() => undefined);
    throw err;
  });
  return { id: job.id, status: job.status as ImportStatus };
}

// ---------------------------------------------------------------------------
// Running an import

/** Buffers issues and writes them to import_error outside the import's transaction. */
export class ErrorSink {
  private buffer: ImportIssue[] = [];
  /** Issues kept (stored or buffered); past `maxStored` they are only counted in `notStored`. */
  private kept = 0;
  notStored = 0;
  constructor(
    private readonly db: Db,
    private readonly importId: number,
    private readonly also?: (issue: ImportIssue) => void,
    private readonly maxStored = DEFAULT_IMPORT_LIMITS.maxStoredErrors,
  ) {}

  async clear() {
    this.buffer = [];
    this.kept = 0;
    this.notStored = 0;
    await this.db.importError.deleteMany({ where: { importId: this.importId } });
  }

  async add(issue: ImportIssue) {
    this.also?.(issue);
    if (this.kept >= this.maxStored) {
      this.notStored++;
      return;
    }
    this.kept++;
    this.buffer.push(issue);
    if (this.buffer.length >= ERROR_BATCH) await this.flush();
  }

  async flush() {
    if (!this.buffer.length) return;
    const rows = this.buffer;
    this.buffer = [];
    await this.db.importError.createMany({
      data: rows.map((i) => ({
        importId: this.importId,
        row: i.row,
        column: i.column,
        value: i.value === null ? null : i.value.slice(0, 1000),
        message: i.message,
        severity: i.severity,
      })),
    });
  }
}

export interface ExecuteResult {
  status: 'DONE' | 'REJECTED' | 'SKIPPED';
  outcome?: ImportOutcome;
}

/**
 * Runs a queued import (worker or CLI). Idempotent: an import already finished is
 * skipped; one left RUNNING by a crashed worker restarts from scratch (its
 * transaction rolled back, its partial error list is cleared).
 */
export async function executeImport(
  db: Db,
  importId: number,
  open: () => Promise<Readable>,
  opts: { logger?: Logger; onIssue?: (issue: ImportIssue) => void; limits?: ImportLimits } = {},
): Promise<ExecuteResult> {
  const limits = opts.limits ?? DEFAULT_IMPORT_LIMITS;
  const claimed = await db.importJob.updateMany({
    where: { id: importId, status: { in: ['QUEUED', 'RUNNING'] } },
    data: { status: 'RUNNING', startedAt: new Date(), finishedAt: null, message: 'Memeriksa baris…' },
  });
  if (claimed.count === 0) return { status: 'SKIPPED' };
  const job = await db.importJob.findUniqueOrThrow({ where: { id: importId } });
  const format = formatFromName(job.storageKey) ?? formatFromName(job.fileName) ?? 'csv';
  const sink = new ErrorSink(db, importId, opts.onIssue, limits.maxStoredErrors);
  const counts = { created: 0, updated: 0, unchanged: 0, failed: 0, warnings: 0 };
  try {
    const outcome = await runImport(db, {
      kind: job.kind as ImportKind,
      mode: job.mode as ImportMode,
      format,
      open,
      meta: { actorUserId: job.createdById, requestId: `import/${importId}` },
      lockId: importId,
      limits,
      progressEvery: PROGRESS_EVERY,
      report: (issue) => sink.add(issue),
      onStart: async () => {
        await sink.clear();
        await db.importJob.update({ where: { id: importId }, data: { processedRows: 0, totalRows: 0, ...counts } });
      },
      progress: async (processedRows, totalRows) => {
        await db.importJob.update({ where: { id: importId }, data: { processedRows, totalRows } });
      },
      // The outcome commits with the data: a crash after commit never re-runs a finished import.
      beforeCommit: async (tx, o) => {
        await sink.flush();
        await tx.importJob.update({
          where: { id: importId },
          data: {
            status: 'DONE',
            ...o.counts,
            processedRows: o.totalRows,
            totalRows: o.totalRows,
            message: o.message,
            issuesNotStored: sink.notStored,
            finishedAt: new Date(),
          },
        });
      },
    });
    if (outcome.status === 'REJECTED') {
      await sink.flush();
      await db.importJob.update({
        where: { id: importId },
        data: {
          status: 'REJECTED',
          ...outcome.counts,
          processedRows: outcome.totalRows,
          totalRows: outcome.totalRows,
          message: outcome.message,
          issuesNotStored: sink.notStored,
          refusalCode: outcome.refusal?.code ?? null,
          refusalDetails: (outcome.refusal?.details as object | undefined) ?? undefined,
          finishedAt: new Date(),
        },
      });
    }
    opts.logger?.info({ importId, kind: job.kind, status: outcome.status, ...outcome.counts }, 'import finished');
    return { status: outcome.status, outcome };
  } catch (err) {
    if (err instanceof ImportBusyError) return { status: 'SKIPPED' };
    await sink.flush().catch(() => undefined);
    throw err;
  }
}

/** Marks an import whose run failed unexpectedly: back to QUEUED for a retry, or FAILED after the last attempt. */
export async function markRunFailed(db: Db, importId: number, err: unknown, final: boolean): Promise<void> {
  const detail = err instanceof Error ? err.message.slice(0, 300) : String(err);
  await db.importJob.updateMany({
    where: { id: importId, status: { in: ['QUEUED', 'RUNNING'] } },
    data: final
      ? { status: 'FAILED', finishedAt: new Date(), message: `Impor gagal karena kesalahan sistem; tidak ada data yang disimpan. (${detail})` }
      : { status: 'QUEUED', message: 'Percobaan gagal; impor akan dicoba lagi.' },
  });
}

// ---------------------------------------------------------------------------
// Reading

export function presentSummary(job: ImportJob): ImportSummary {
  return {
    id: job.id,
    kind: job.kind as ImportKind,
    mode: job.mode as ImportMode,
    status: job.status as ImportStatus,
    fileName: job.fileName,
    message: job.message,
    progress: { processedRows: job.processedRows, totalRows: job.totalRows },
    counts: { created: job.created, updated: job.updated, unchanged: job.unchanged, failed: job.failed, warnings: job.warnings },
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

export async function getImport(db: Db, id: number): Promise<ImportDetail> {
  const job = await db.importJob.findUnique({ where: { id } });
  if (!job) throw NotFound('Impor');
  const [errors, errorsTotal] = await Promise.all([
    db.importError.findMany({ where: { importId: id }, orderBy: [{ row: 'asc' }, { id: 'asc' }], take: IMPORT_ERRORS_IN_JSON }),
    db.importError.count({ where: { importId: id } }),
  ]);
  return {
    ...presentSummary(job),
    errors: errors.map((e) => ({
      row: e.row,
      column: e.column,
      value: e.value,
      message: e.message,
      severity: e.severity === 'warning' ? 'warning' : 'error',
    })),
    errorsTotal,
    errorsNotStored: job.issuesNotStored,
    refusal: job.refusalCode
      ? { code: job.refusalCode, details: (job.refusalDetails ?? {}) as Record<string, unknown> }
      : null,
  };
}

export async function listImports(
  db: Db,
  q: { page: number; pageSize: number; kind?: ImportKind; status?: ImportStatus },
) {
  const where = { ...(q.kind ? { kind: q.kind } : {}), ...(q.status ? { status: q.status } : {}) };
  const [rows, total] = await Promise.all([
    db.importJob.findMany({ where, orderBy: { id: 'desc' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    db.importJob.count({ where }),
  ]);
  return { items: rows.map(presentSummary), page: q.page, pageSize: q.pageSize, total };
}

/** A CSV cell: quoted when needed; a leading formula character is neutralised for spreadsheet apps. */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const ERRORS_CSV_HEADER = ['baris', 'kolom', 'nilai', 'pesan', 'tingkat'];

/** Every issue of an import as CSV lines (paged by id, so memory stays flat). */
export async function* errorsCsv(db: Db, id: number): AsyncGenerator<string> {
  const job = await db.importJob.findUnique({ where: { id }, select: { id: true } });
  if (!job) throw NotFound('Impor');
  yield `\ufeff${ERRORS_CSV_HEADER.join(',')}\r\n`;
  // Keyset paging in (row, id) order.
  let after: { row: number; id: bigint } | undefined;
  for (;;) {
    const page = await db.importError.findMany({
      where: {
        importId: id,
        ...(after ? { OR: [{ row: { gt: after.row } }, { row: after.row, id: { gt: after.id } }] } : {}),
      },
      orderBy: [{ row: 'asc' }, { id: 'asc' }],
      take: 5000,
    });
    if (!page.length) return;
    yield page
      .map(
        (e) =>
          [e.row, e.column, e.value, e.message, e.severity === 'warning' ? 'peringatan' : 'galat'].map((c) => csvCell(c)).join(',') +
          '\r\n',
      )
      .join('');
    const last = page[page.length - 1]!;
    after = { row: last.row, id: last.id };
  }
}

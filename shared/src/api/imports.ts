/** API contract for bulk imports (IMPORT-FORMAT.md), shared by the server and the web app. */
import { z } from 'zod';
import { pageParam, pageSizeParam } from './primitives.ts';

/** Import kinds in the order they should be loaded (opd, then pegawai, then the histories). */
export const IMPORT_KINDS = [
  'opd',
  'pegawai',
  'pendidikan',
  'pangkat',
  'jabatan',
  'kgb',
  'keluarga',
  'diklat',
  'skp',
  'hukdis',
] as const;
export const ImportKindSchema = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKindSchema>;
export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  opd: 'Unit kerja (OPD)',
  pegawai: 'Pegawai',
  pendidikan: 'Riwayat pendidikan',
  pangkat: 'Riwayat pangkat',
  jabatan: 'Riwayat jabatan',
  kgb: 'Riwayat KGB',
  keluarga: 'Keluarga',
  diklat: 'Riwayat diklat',
  skp: 'Riwayat SKP',
  hukdis: 'Riwayat hukuman disiplin',
};

/** all-or-nothing (default): any error rejects the whole file; valid-rows: store the valid rows. */
export const IMPORT_MODES = ['all-or-nothing', 'valid-rows'] as const;
export const ImportModeSchema = z.enum(IMPORT_MODES);
export type ImportMode = z.infer<typeof ImportModeSchema>;

export const IMPORT_STATUSES = ['QUEUED', 'RUNNING', 'DONE', 'REJECTED', 'FAILED'] as const;
export const ImportStatusSchema = z.enum(IMPORT_STATUSES);
export type ImportStatus = z.infer<typeof ImportStatusSchema>;
export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = {
  QUEUED: 'Menunggu',
  RUNNING: 'Diproses',
  DONE: 'Selesai',
  REJECTED: 'Ditolak',
  FAILED: 'Gagal',
};

export const ImportSeveritySchema = z.enum(['error', 'warning']);
export type ImportSeverity = z.infer<typeof ImportSeveritySchema>;

/** One problem found in the file: row as in the file (1 = header, first data row = 2). */
export const ImportIssue = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  message: z.string(),
  severity: ImportSeveritySchema,
});
export type ImportIssue = z.infer<typeof ImportIssue>;

export const ImportCounts = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Rows with at least one error. */
  failed: z.number().int(),
  /** Warning entries (stored, e.g. NIP checks, or ignored columns). */
  warnings: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

export const ImportProgress = z.object({
  processedRows: z.number().int(),
  /** 0 while unknown (an XLSX file before it has been read once). */
  totalRows: z.number().int(),
});

export const ImportCreateBody = z.object({
  mode: ImportModeSchema.default('all-or-nothing'),
});

export const ImportCreatedResponse = z.object({
  id: z.number().int(),
  status: ImportStatusSchema,
});

export const ImportSummary = z.object({
  id: z.number().int(),
  kind: ImportKindSchema,
  mode: ImportModeSchema,
  status: ImportStatusSchema,
  fileName: z.string(),
  /** Phase or outcome in words (Bahasa Indonesia), e.g. why a file was rejected. */
  message: z.string().nullable(),
  progress: ImportProgress,
  counts: ImportCounts,
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

/** Errors are capped in the JSON; GET /api/imports/:id/errors.csv has them all. */
export const IMPORT_ERRORS_IN_JSON = 200;

export const ImportDetail = ImportSummary.extend({
  /** The first 200 problems by row (errors and warnings); all of them in errors.csv. */
  errors: z.array(ImportIssue),
  /** Problems stored (at most IMPORT_MAX_STORED_ERRORS). */
  errorsTotal: z.number().int(),
  /** Problems found beyond IMPORT_MAX_STORED_ERRORS: counted, not stored. */
  errorsNotStored: z.number().int(),
  /** A file refused as a whole with a code, e.g. import_limit_exceeded with { limit, max, actual?, row? }. */
  refusal: z.object({ code: z.string(), details: z.record(z.string(), z.unknown()) }).nullable(),
});
export type ImportDetail = z.infer<typeof ImportDetail>;

export const ImportListQuery = z.object({
  page: pageParam(),
  pageSize: pageSizeParam(100, 20),
  kind: ImportKindSchema.optional(),
  status: ImportStatusSchema.optional(),
});

export const ImportListResponse = z.object({
  items: z.array(ImportSummary),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

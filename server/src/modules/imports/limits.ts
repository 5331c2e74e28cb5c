/**
 * Limits that keep a hostile import file bounded (rows, cells per row, cell length,
 * unpacked size of an XLSX, stored problems). They are settings (config.ts); a file
 * over a limit is refused with the limit named: an Indonesian message, the error code
 * `import_limit_exceeded` and details { limit, max, actual?, row? }.
 */
import os from 'node:os';
import path from 'node:path';
import type { ImportLimitsConfig } from '../../config.ts';

/** Where import files live while they are read (uploads, spooled XLSX), unless IMPORT_TMP_DIR says otherwise. */
export const DEFAULT_IMPORT_TMP_DIR = path.join(os.tmpdir(), 'simak-imports');

export interface ImportLimits {
  maxFileBytes: number;
  maxRows: number;
  maxCellsPerRow: number;
  maxCellChars: number;
  maxUnpackedBytes: number;
  maxStoredErrors: number;
  /** Directory of temporary files (IMPORT_TMP_DIR). */
  tmpDir: string;
}

export type ImportLimitName =
  | 'IMPORT_MAX_BYTES'
  | 'IMPORT_MAX_ROWS'
  | 'IMPORT_MAX_CELLS_PER_ROW'
  | 'IMPORT_MAX_CELL_CHARS'
  | 'IMPORT_MAX_UNPACKED_BYTES';

export const IMPORT_LIMIT_CODE = 'import_limit_exceeded';

export function importLimits(c: ImportLimitsConfig): ImportLimits {
  return {
    maxFileBytes: c.IMPORT_MAX_BYTES,
    maxRows: c.IMPORT_MAX_ROWS,
    maxCellsPerRow: c.IMPORT_MAX_CELLS_PER_ROW,
    maxCellChars: c.IMPORT_MAX_CELL_CHARS,
    maxUnpackedBytes: c.IMPORT_MAX_UNPACKED_BYTES,
    maxStoredErrors: c.IMPORT_MAX_STORED_ERRORS,
    tmpDir: c.IMPORT_TMP_DIR || DEFAULT_IMPORT_TMP_DIR,
  };
}

/** The defaults of config.ts (used when a caller passes no limits). */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: 200 * 1024 * 1024,
  maxRows: 500_000,
  maxCellsPerRow: 200,
  maxCellChars: 4000,
  maxUnpackedBytes: 512 * 1024 * 1024,
  maxStoredErrors: 10_000,
  tmpDir: DEFAULT_IMPORT_TMP_DIR,
};

export interface ImportLimitDetails {
  limit: ImportLimitName;
  max: number;
  /** What the file has (or at least has), when known. */
  actual?: number;
  /** Row of the file where the limit was crossed, when known. */
  row?: number;
  [key: string]: unknown;
}

const fmt = (n: number) => n.toLocaleString('id-ID');
const mb = (n: number) => `${fmt(Math.round((n / 1024 / 1024) * 10) / 10)} MB`;

/** A file over one of the limits: nothing of it is imported. */
export class ImportLimitError extends Error {
  readonly code = IMPORT_LIMIT_CODE;
  constructor(
    readonly details: ImportLimitDetails,
    message: string,
  ) {
    super(message);
  }

  static rows(max: number, row: number) {
    return new ImportLimitError(
      { limit: 'IMPORT_MAX_ROWS', max, row },
      `Berkas ditolak: jumlah baris data melebihi batas ${fmt(max)} baris (IMPORT_MAX_ROWS); terlampaui di baris ${fmt(row)}. Pecah berkas menjadi beberapa bagian.`,
    );
  }

  static cells(max: number, actual: number, row: number) {
    return new ImportLimitError(
      { limit: 'IMPORT_MAX_CELLS_PER_ROW', max, actual, row },
      `Berkas ditolak: baris ${fmt(row)} memuat ${fmt(actual)} sel, melebihi batas ${fmt(max)} sel per baris (IMPORT_MAX_CELLS_PER_ROW).`,
    );
  }

  static cellChars(max: number, row: number | null, actual?: number) {
    return new ImportLimitError(
      { limit: 'IMPORT_MAX_CELL_CHARS', max, ...(actual !== undefined ? { actual } : {}), ...(row !== null ? { row } : {}) },
      `Berkas ditolak: ${row !== null ? `baris ${fmt(row)} memuat sel` : 'berkas memuat sel'} yang lebih panjang dari batas ${fmt(max)} karakter (IMPORT_MAX_CELL_CHARS).`,
    );
  }

  static unpacked(max: number, actual: number, detail: 'declared' | 'inflated' | 'entry-lies') {
    const what =
      detail === 'declared'
        ? `isi berkas XLSX setelah dibuka berukuran ${mb(actual)}`
        : detail === 'inflated'
          ? `isi berkas XLSX setelah dibuka melebihi ${mb(actual)}`
          : 'isi berkas XLSX ternyata lebih besar dari ukuran yang dinyatakan di dalam berkas';
    return new ImportLimitError(
      { limit: 'IMPORT_MAX_UNPACKED_BYTES', max, actual, reason: detail },
      `Berkas ditolak: ${what}, melebihi batas ${mb(max)} (IMPORT_MAX_UNPACKED_BYTES).`,
    );
  }

  static fileBytes(max: number) {
    return new ImportLimitError(
      { limit: 'IMPORT_MAX_BYTES', max },
      `Ukuran berkas impor melebihi batas ${mb(max)} (IMPORT_MAX_BYTES).`,
    );
  }
}

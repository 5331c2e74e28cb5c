/**
 * Streaming readers for import files: CSV (csv-parse) and the first sheet of an
 * XLSX workbook (exceljs streaming reader). Both yield one row at a time with its
 * row number as in the file (1 = the first line), so memory stays constant
 * whatever the file size. Every cell arrives as a trimmed string ('' = empty).
 */
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DEFAULT_IMPORT_LIMITS, ImportLimitError, type ImportLimits } from './limits.ts';
import { InflateBudget, inspectZip, openEntry } from './zip.ts';

export type FileFormat = 'csv' | 'xlsx';

export interface RawRow {
  /** Row number in the file (1-based; the header is normally row 1). */
  row: number;
  cells: string[];
  /** Indexes of XLSX numeric cells too long to be exact (e.g. an 18-digit NIP typed as a number). */
  lossy?: number[];
}

/** The format from the file name, or null when it is neither CSV nor XLSX. */
export function formatFromName(fileName: string): FileFormat | null {
  const m = /\.([a-z0-9]+)$/i.exec(fileName.trim());
  const ext = m?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  return null;
}

/**
 * The rows of a file, bounded by the limits: more data rows than IMPORT_MAX_ROWS, more
 * cells in a row than IMPORT_MAX_CELLS_PER_ROW or a cell longer than IMPORT_MAX_CELL_CHARS
 * stop the read with an ImportLimitError (and an XLSX also by IMPORT_MAX_UNPACKED_BYTES,
 * see zip.ts). Nothing is buffered beyond one row (and an XLSX's shared strings, which
 * the unpacked limit bounds).
 */
export async function* readRows(
  stream: Readable,
  format: FileFormat,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): AsyncGenerator<RawRow> {
  let dataRows = -1; // the first row is the header
  for await (const raw of format === 'csv' ? readCsv(stream, limits) : readXlsx(stream, limits)) {
    if (raw.cells.length > limits.maxCellsPerRow) throw ImportLimitError.cells(limits.maxCellsPerRow, raw.cells.length, raw.row);
    for (const c of raw.cells) {
      if (c.length > limits.maxCellChars) throw ImportLimitError.cellChars(limits.maxCellChars, raw.row, c.length);
    }
    if (++dataRows > limits.maxRows) throw ImportLimitError.rows(limits.maxRows, raw.row);
    yield raw;
  }
}

const isBlank = (cells: string[]) => cells.every((c) => c === '');

async function* readCsv(stream: Readable, limits: ImportLimits): AsyncGenerator<RawRow> {
  const parser = parse({
    bom: true,
    delimiter: ',',
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    trim: true,
    // The parser's own buffer bound: a record can never hold more than this many characters.
    max_record_size: limits.maxCellChars * limits.maxCellsPerRow + limits.maxCellsPerRow,
  });
  stream.on('error', (err) => parser.destroy(err));
  stream.pipe(parser);
  let lastLine = 0;
  try {
    yield* csvRecords();
  } catch (err) {
    if ((err as { code?: unknown }).code === 'CSV_MAX_RECORD_SIZE') {
      const e = err as { lines?: number };
      // The field being read when the bound was hit tells which limit the record broke.
      const field = (parser as unknown as { state?: { field?: { length?: number } } }).state?.field?.length ?? 0;
      const row = e.lines ?? lastLine + 1;
      throw field > limits.maxCellChars
        ? ImportLimitError.cellChars(limits.maxCellChars, row)
        : ImportLimitError.cells(limits.maxCellsPerRow, limits.maxCellsPerRow + 1, row);
    }
    throw err;
  } finally {
    stream.destroy();
    parser.destroy();
  }

  async function* csvRecords(): AsyncGenerator<RawRow> {
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    // info.lines is the line on which the record ends; a record spanning lines starts
    // after the previous record (blank lines were skipped in between).
    const newlines = item.record.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
    const row = Math.max(lastLine + 1, item.info.lines - newlines);
    lastLine = item.info.lines;
    const cells = item.record.map((c) => c.trim());
    if (isBlank(cells)) continue;
    yield { row, cells };
  }
  }
}

/** Counts the lines of a CSV byte stream (an estimate of its rows for progress). */
export async function countLines(stream: Readable): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    if (chunk.length) last = chunk[chunk.length - 1] ?? 10;
  }
  return last === 10 ? lines : lines + 1;
}

type CellValue = ExcelJS.CellValue | undefined;

const MAX_EXACT = Number.MAX_SAFE_INTEGER;

function pad2(n: number) {
  return String(n).padStart(2, '0');
}

/** Text of one XLSX cell; `lossy` is set for integers beyond 2^53. */
export function cellText(value: CellValue): { text: string; lossy?: boolean } {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value.trim() };
  if (typeof value === 'number') {
    if (Number.isInteger(value) && Math.abs(value) > MAX_EXACT) return { text: value.toFixed(0), lossy: true };
    return { text: String(value) };
  }
  if (typeof value === 'boolean') return { text: value ? 'Y' : 'N' };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { text: '' };
    return { text: `${value.getUTCFullYear()}-${pad2(value.getUTCMonth() + 1)}-${pad2(value.getUTCDate())}` };
  }
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) {
      return { text: value.richText.map((r) => r.text).join('').trim() };
    }
    if ('result' in value) return cellText(value.result as CellValue);
    if ('formula' in value || 'sharedFormula' in value) return { text: '' };
    if ('text' in value && typeof value.text === 'string') return { text: value.text.trim() };
    if ('error' in value) return { text: '' };
  }
  return { text: String(value as unknown).trim() };
}

/** Copies a stream to a new temporary file in `dir`, refusing more than `maxBytes`. */
async function spool(stream: Readable, dir: string, maxBytes: number, ext: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `spool-${process.pid}-${randomBytes(8).toString('hex')}.${ext}`);
  let n = 0;
  const count = new Transform({
    transform(chunk: Buffer, _e, cb) {
      n += chunk.length;
      if (n > maxBytes) return cb(ImportLimitError.fileBytes(maxBytes));
      cb(null, chunk);
    },
  });
  try {
    await pipeline(stream, count, createWriteStream(file, { mode: 0o600 }));
  } catch (err) {
    await rm(file, { force: true });
    throw err;
  }
  return file;
}

/**
 * Removes spooled files left by a process that was killed mid-read (SIGKILL, power loss):
 * the worker calls it at start. Files younger than `minAgeMs` may belong to a live reader.
 */
export async function sweepImportTemp(dir: string, minAgeMs = 6 * 60 * 60 * 1000): Promise<number> {
  let removed = 0;
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const file = path.join(dir, name);
    const st = await stat(file).catch(() => null);
    // Whole milliseconds: mtimeMs has a fraction, Date.now() none (a file written this very
    // millisecond would look younger than 0 ms).
    if (st && Date.now() - Math.floor(st.mtimeMs) >= minAgeMs) {
      await rm(file, { force: true });
      removed++;
    }
  }
  return removed;
}

type ExcelInternals = {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<{ eventType: string; value: unknown }>;
};

/**
 * The first worksheet (in zip order, as exceljs emits them) of an XLSX, read with the
 * exceljs streaming reader's parts, but fed by zip.ts instead of exceljs's own unzip: the
 * declared sizes are checked before anything is inflated, every inflated byte is counted,
 * and the parts are read in dependency order (shared strings before the sheet), so exceljs
 * never spools a worksheet to its own temporary files.
 */
async function* readXlsx(stream: Readable, limits: ImportLimits): AsyncGenerator<RawRow> {
  const file = await spool(stream, limits.tmpDir, limits.maxFileBytes, 'xlsx');
  const opened: Readable[] = [];
  try {
    const entries = await inspectZip(file, limits);
    const budget = new InflateBudget(limits.maxUnpackedBytes);
    const open = async (name: string) => {
      const entry = entries.find((e) => e.name === name);
      if (!entry) return null;
      const s = await openEntry(file, entry, budget, limits.maxCellChars);
      opened.push(s);
      return s;
    };
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
      sharedStrings: 'cache',
      // 'cache' makes exceljs turn date-formatted numbers into Date values.
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
    });
    const parts = reader as unknown as ExcelInternals;
    const rels = await open('xl/_rels/workbook.xml.rels');
    if (rels) await parts._parseRels(rels);
    const workbook = await open('xl/workbook.xml');
    if (workbook) await parts._parseWorkbook(workbook);
    const shared = await open('xl/sharedStrings.xml');
    if (shared) for await (const _ of parts._parseSharedStrings(shared)) void _;
    const styles = await open('xl/styles.xml');
    if (styles) await parts._parseStyles(styles);
    const sheetEntry = entries.find((e) => /^xl\/worksheets\/sheet\d+[.]xml$/.test(e.name));
    if (!sheetEntry) throw new Error('workbook without a worksheet');
    const sheetNo = /sheet(\d+)/.exec(sheetEntry.name)![1]!;
    const sheetStream = (await open(sheetEntry.name))!;
    // Every <row> element counts against IMPORT_MAX_ROWS, blank ones too: a sheet of millions of
    // empty rows (small once compressed) would otherwise keep the parser busy for minutes.
    let seen = 0;
    for (const ev of parts._parseWorksheet(sheetStream, sheetNo)) {
      if (ev.eventType !== 'worksheet') continue;
      for await (const row of ev.value as AsyncIterable<ExcelJS.Row>) {
        if (++seen > limits.maxRows + 1) throw ImportLimitError.rows(limits.maxRows, row.number);
        const values = row.values as CellValue[];
        // A row's values are indexed by column: a cell far to the right is "that many cells".
        if (values.length - 1 > limits.maxCellsPerRow) throw ImportLimitError.cells(limits.maxCellsPerRow, values.length - 1, row.number);
        const cells: string[] = [];
        const lossy: number[] = [];
        for (let i = 1; i < values.length; i++) {
          const c = cellText(values[i]);
          cells.push(c.text);
          if (c.lossy) lossy.push(i - 1);
        }
        if (isBlank(cells)) continue;
        yield lossy.length ? { row: row.number, cells, lossy } : { row: row.number, cells };
      }
      break;
    }
  } finally {
    for (const s of opened) s.destroy();
    stream.destroy();
    await rm(file, { force: true });
  }
}

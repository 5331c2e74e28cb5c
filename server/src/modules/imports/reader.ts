/**
 * Streaming readers for import files: CSV (csv-parse) and the first sheet of an
 * XLSX workbook (exceljs streaming reader). Both yield one row at a time with its
 * row number as in the file (1 = the first line), so memory stays constant
 * whatever the file size. Every cell arrives as a trimmed string ('' = empty).
 */
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { Readable } from 'node:stream';

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

export function readRows(stream: Readable, format: FileFormat): AsyncGenerator<RawRow> {
  return format === 'csv' ? readCsv(stream) : readXlsx(stream);
}

const isBlank = (cells: string[]) => cells.every((c) => c === '');

async function* readCsv(stream: Readable): AsyncGenerator<RawRow> {
  const parser = parse({
    bom: true,
    delimiter: ',',
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    trim: true,
  });
  stream.on('error', (err) => parser.destroy(err));
  stream.pipe(parser);
  let lastLine = 0;
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

async function* readXlsx(stream: Readable): AsyncGenerator<RawRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    entries: 'emit',
    sharedStrings: 'cache',
    // 'cache' makes exceljs turn date-formatted numbers into Date values.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as CellValue[];
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
      // Only the first sheet is read.
      break;
    }
  } finally {
    stream.destroy();
  }
}

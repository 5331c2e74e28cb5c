/**
 * Hostile import files built byte by byte (tests of the import limits, bench/import-memory.ts):
 * a minimal XLSX zip writer that can lie about sizes, decompression bombs, CSVs with a huge
 * cell or many rows. Only node:zlib; big payloads are generated lazily.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  data: Buffer;
  /** The uncompressed size written in the headers (default: the real one); a bomb lies with a small value. */
  declaredSize?: number;
  /** Store without compression (default: deflate). */
  stored?: boolean;
}

/** A zip with the given parts (local headers, data, central directory, end record). */
export function buildZip(parts: ZipPart[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const body = p.stored ? p.data : deflateRawSync(p.data, { level: 9 });
    const size = p.declaredSize ?? p.data.length;
    const crc = crc32(p.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(p.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, body);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(p.stored ? 0 : 8, 10);
    cd.writeUInt32LE(crc >>> 0, 16);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    offset += 30 + name.length + body.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cdBuf, end]);
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function colName(i: number): string {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Sheet XML with inline strings (no shared strings part needed). */
export function sheetXml(rows: string[][], extra = ''): Buffer {
  const body = rows
    .map(
      (r, i) =>
        `<row r="${i + 1}">${r.map((c, j) => `<c r="${colName(j)}${i + 1}" t="inlineStr"><is><t>${xmlEscape(c)}</t></is></c>`).join('')}</row>`,
    )
    .join('');
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}${extra}</sheetData></worksheet>`,
  );
}

/** A minimal XLSX: its one sheet, plus any other parts (e.g. a bomb). */
export function xlsx(sheet: Buffer, opts: { sheetDeclaredSize?: number; more?: ZipPart[] } = {}): Buffer {
  return buildZip([
    { name: 'xl/worksheets/sheet1.xml', data: sheet, declaredSize: opts.sheetDeclaredSize },
    ...(opts.more ?? []),
  ]);
}

/**
 * A decompression bomb: a sheet whose real unpacked size is `realBytes` (a huge run of
 * empty rows), compressed to about realBytes/1000. `honest` writes the real size in the
 * headers (refused before inflating); otherwise the headers claim 1 KiB.
 */
export function bombXlsx(realBytes: number, honest: boolean): Buffer {
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>kode</t></is></c><c r="B1" t="inlineStr"><is><t>nama</t></is></c></row>',
  );
  const tail = Buffer.from('</sheetData></worksheet>');
  const n = Math.max(0, realBytes - head.length - tail.length);
  const filler = Buffer.alloc(n - (n % EMPTY_ROW.length));
  for (let i = 0; i < filler.length; i += EMPTY_ROW.length) EMPTY_ROW.copy(filler, i);
  const data = Buffer.concat([head, filler, tail]);
  return xlsx(data, honest ? {} : { sheetDeclaredSize: 1024 });
}

const EMPTY_ROW = Buffer.from('<row/>');

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>kode</t></is></c><c r="B1" t="inlineStr"><is><t>nama</t></is></c></row>';

/**
 * A one-sheet XLSX written to a file with a streaming deflate (a 1 GB sheet needs no 1 GB buffer):
 * `head`, then `pieces` repeated to `bodyBytes`, then `tail`. The local header's sizes are 0 (bit 3,
 * sizes in a data descriptor and the central directory, as streaming writers do); `declaredSize`
 * is the uncompressed size the central directory claims (a bomb lies there). Returns the real size.
 */
export async function writeStreamedSheet(file: string, opts: { head: Buffer; piece: Buffer; bodyBytes: number; tail: Buffer; level: number; declaredSize?: number }): Promise<number> {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const out = createWriteStream(file);
  const write = async (b: Buffer) => {
    if (!out.write(b)) await once(out, 'drain');
  };
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0x08, 6);
  local.writeUInt16LE(8, 8);
  local.writeUInt16LE(name.length, 26);
  await write(local);
  await write(name);
  const deflate = createDeflateRaw({ level: opts.level });
  let compressed = 0;
  let crc = 0;
  let size = 0;
  const pump = (async () => {
    for await (const c of deflate as AsyncIterable<Buffer>) {
      compressed += c.length;
      await write(c);
    }
  })();
  const feed = async (b: Buffer) => {
    crc = crc32(b, crc);
    size += b.length;
    if (!deflate.write(b)) await once(deflate, 'drain');
  };
  await feed(opts.head);
  const { piece } = opts;
  for (let left = opts.bodyBytes; left > 0; left -= piece.length) await feed(left >= piece.length ? piece : piece.subarray(0, left));
  await feed(opts.tail);
  deflate.end();
  await pump;
  const desc = Buffer.alloc(16);
  desc.writeUInt32LE(0x08074b50, 0);
  desc.writeUInt32LE(crc >>> 0, 4);
  desc.writeUInt32LE(compressed, 8);
  desc.writeUInt32LE(Math.min(size, 0xfffffffe), 12);
  await write(desc);
  const cd = Buffer.alloc(46);
  cd.writeUInt32LE(0x02014b50, 0);
  cd.writeUInt16LE(20, 4);
  cd.writeUInt16LE(20, 6);
  cd.writeUInt16LE(0x08, 8);
  cd.writeUInt16LE(8, 10);
  cd.writeUInt32LE(crc >>> 0, 16);
  cd.writeUInt32LE(compressed, 20);
  cd.writeUInt32LE(opts.declaredSize ?? Math.min(size, 0xfffffffe), 24);
  cd.writeUInt16LE(name.length, 28);
  await write(cd);
  await write(name);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(30 + name.length + compressed + 16, 16);
  out.end(end);
  await once(out, 'finish');
  return size;
}

/** bombXlsx written to a file with a streaming deflate: `realBytes` of empty rows; `honest` false claims 1 KB. */
export async function writeBombXlsx(file: string, realBytes: number, honest: boolean): Promise<number> {
  const head = Buffer.from(SHEET_HEAD);
  const tail = Buffer.from('</sheetData></worksheet>');
  const piece = Buffer.alloc(EMPTY_ROW.length * 174763); // ~1 MiB of empty rows
  for (let i = 0; i < piece.length; i += EMPTY_ROW.length) EMPTY_ROW.copy(piece, i);
  const body = Math.max(0, realBytes - head.length - tail.length);
  return writeStreamedSheet(file, { head, piece, bodyBytes: body - (body % EMPTY_ROW.length), tail, level: 9, declaredSize: honest ? undefined : 1024 });
}

/** A sheet whose second row holds one inline string of `bytes` characters (streamed, deflated on the fly). */
export async function writeHugeStringXlsx(file: string, bytes: number): Promise<number> {
  const head = Buffer.from(`${SHEET_HEAD}<row r="2"><c r="A2" t="inlineStr"><is><t>X</t></is></c><c r="B2" t="inlineStr"><is><t>`);
  const tail = Buffer.from('</t></is></c></row></sheetData></worksheet>');
  return writeStreamedSheet(file, { head, piece: Buffer.alloc(1024 * 1024, 0x78), bodyBytes: bytes, tail, level: 6 });
}

/** Writes lines to a file with backpressure. */
export async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  for (const line of lines) if (!out.write(`${line}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** An `opd` CSV of `rows` data rows (kode, nama), generated lazily. */
export function* opdCsvLines(rows: number, prefix = 'H'): Generator<string> {
  yield 'kode,nama';
  for (let i = 0; i < rows; i++) yield `${prefix}${i},Unit ${i}`;
}

/** Writes an `opd` CSV whose second row has one cell of `cellBytes` characters ('x'), in 1 MiB pieces. */
export async function writeHugeCellCsv(file: string, cellBytes: number): Promise<void> {
  const out = createWriteStream(file);
  out.write('kode,nama\nBIG,');
  const piece = Buffer.alloc(1024 * 1024, 0x78);
  for (let left = cellBytes; left > 0; left -= piece.length) {
    if (!out.write(left >= piece.length ? piece : piece.subarray(0, left))) await once(out, 'drain');
  }
  out.end('\n');
  await once(out, 'finish');
}

/**
 * Bounded access to the zip container of an XLSX file, with node:zlib only.
 *
 * The central directory is read first (random access on a file): the number of
 * entries and the sum of the declared uncompressed sizes are checked against the
 * limits BEFORE anything is inflated. Each entry is then inflated from its exact
 * byte range (taken from the central directory, never from a scan of the stream),
 * and the inflated bytes are counted as they come: an entry that inflates to more
 * than it declared, or a total over IMPORT_MAX_UNPACKED_BYTES, stops at once. A run
 * of XML text longer than any allowed cell (no tag for that long) stops too, before
 * the XML parser would buffer it.
 */
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { ImportLimitError, type ImportLimits } from './limits.ts';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** A zip that cannot be read safely (not a limit: the file is malformed or uses an unsupported feature). */
export class ZipFormatError extends Error {}

/** An XLSX has a handful of parts; far more entries is not a workbook we read. */
export const MAX_ZIP_ENTRIES = 10_000;

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CDH = 0x02014b50;
const LFH = 0x04034b50;
const U32 = 0xffffffff;

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  if (bytesRead !== length) throw new ZipFormatError('truncated zip');
  return buf;
}

function u64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) return Number.MAX_SAFE_INTEGER;
  return Number(v);
}

/** The central directory of a zip file (ZIP64 included). */
export async function readCentralDirectory(path: string): Promise<ZipEntry[]> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    if (size < 22) throw new ZipFormatError('too small');
    const tailLen = Math.min(size, 22 + 0xffff);
    const tail = await readAt(fh, size - tailLen, tailLen);
    let at = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) throw new ZipFormatError('no end of central directory');
    let total = tail.readUInt16LE(at + 10);
    let cdSize = tail.readUInt32LE(at + 12);
    let cdOffset = tail.readUInt32LE(at + 16);
    const eocdPos = size - tailLen + at;
    if (total === 0xffff || cdSize === U32 || cdOffset === U32) {
      if (eocdPos < 20) throw new ZipFormatError('zip64 locator missing');
      const loc = await readAt(fh, eocdPos - 20, 20);
      if (loc.readUInt32LE(0) !== EOCD64_LOCATOR) throw new ZipFormatError('zip64 locator missing');
      const rec = await readAt(fh, u64(loc, 8), 56);
      if (rec.readUInt32LE(0) !== EOCD64) throw new ZipFormatError('zip64 record missing');
      total = u64(rec, 32);
      cdSize = u64(rec, 40);
      cdOffset = u64(rec, 48);
    }
    if (total > MAX_ZIP_ENTRIES) throw new ZipFormatError(`too many entries (${total})`);
    if (cdOffset + cdSize > size) throw new ZipFormatError('central directory outside the file');
    const cd = await readAt(fh, cdOffset, cdSize);
    const entries: ZipEntry[] = [];
    let p = 0;
    for (let n = 0; n < total; n++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== CDH) throw new ZipFormatError('bad central directory');
      const flags = cd.readUInt16LE(p + 8);
      const method = cd.readUInt16LE(p + 10);
      let compressedSize = cd.readUInt32LE(p + 20);
      let uncompressedSize = cd.readUInt32LE(p + 24);
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      let localHeaderOffset = cd.readUInt32LE(p + 42);
      if (p + 46 + nameLen + extraLen + commentLen > cd.length) throw new ZipFormatError('bad central directory');
      const name = cd.toString('utf8', p + 46, p + 46 + nameLen);
      // ZIP64 extended information: the 8-byte values of the fields that are 0xFFFFFFFF, in order.
      let e = p + 46 + nameLen;
      const extraEnd = e + extraLen;
      while (e + 4 <= extraEnd) {
        const id = cd.readUInt16LE(e);
        const len = cd.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          const take = () => {
            if (q + 8 > e + 4 + len) throw new ZipFormatError('bad zip64 field');
            const v = u64(cd, q);
            q += 8;
            return v;
          };
          if (uncompressedSize === U32) uncompressedSize = take();
          if (compressedSize === U32) compressedSize = take();
          if (localHeaderOffset === U32) localHeaderOffset = take();
        }
        e += 4 + len;
      }
      entries.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
      p += 46 + nameLen + extraLen + commentLen;
    }
    return entries;
  } finally {
    await fh.close();
  }
}

/**
 * Checks the declared sizes against IMPORT_MAX_UNPACKED_BYTES and the entries against
 * what this reader supports (stored or deflated, not encrypted). Nothing is inflated.
 */
export function checkDeclared(entries: ZipEntry[], limits: Pick<ImportLimits, 'maxUnpackedBytes'>): void {
  let sum = 0;
  for (const e of entries) {
    if (e.flags & 0x1) throw new ZipFormatError(`encrypted entry ${e.name}`);
    if (e.method !== 0 && e.method !== 8) throw new ZipFormatError(`unsupported compression ${e.method}`);
    if (e.method === 0 && e.compressedSize !== e.uncompressedSize) throw new ZipFormatError('stored entry sizes differ');
    sum += e.uncompressedSize;
  }
  if (sum > limits.maxUnpackedBytes) throw ImportLimitError.unpacked(limits.maxUnpackedBytes, sum, 'declared');
}

/** Declared sizes of the zip at `path`, checked before inflating (the upload route and the reader). */
export async function inspectZip(path: string, limits: Pick<ImportLimits, 'maxUnpackedBytes'>): Promise<ZipEntry[]> {
  const entries = await readCentralDirectory(path);
  checkDeclared(entries, limits);
  return entries;
}

/** Counts what one reader has inflated across entries. */
export class InflateBudget {
  used = 0;
  constructor(readonly max: number) {}
}

/** Counts inflated bytes (per entry and against the budget) and the longest run of XML text. */
class Guard extends Transform {
  private seen = 0;
  /** Bytes since the last '<' or '>'. */
  private run = 0;
  constructor(
    private readonly entry: ZipEntry,
    private readonly budget: InflateBudget,
    private readonly maxCellChars: number,
    private readonly maxRun: number,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback) {
    this.seen += chunk.length;
    this.budget.used += chunk.length;
    if (this.seen > this.entry.uncompressedSize) return cb(ImportLimitError.unpacked(this.budget.max, this.seen, 'entry-lies'));
    if (this.budget.used > this.budget.max) return cb(ImportLimitError.unpacked(this.budget.max, this.budget.used, 'inflated'));
    if (this.maxRun > 0) {
      // A text node or a tag this long holds a cell over the limit; stop before the XML parser buffers it.
      let lt = chunk.indexOf(0x3c);
      let gt = chunk.indexOf(0x3e);
      let i = 0;
      for (;;) {
        const next = lt === -1 ? gt : gt === -1 ? lt : Math.min(lt, gt);
        if (next === -1) {
          this.run += chunk.length - i;
          break;
        }
        if (this.run + (next - i) > this.maxRun) {
          this.run += next - i;
          break;
        }
        this.run = 0;
        i = next + 1;
        if (next === lt) lt = chunk.indexOf(0x3c, i);
        else gt = chunk.indexOf(0x3e, i);
      }
      if (this.run > this.maxRun) return cb(ImportLimitError.cellChars(this.maxCellChars, null));
    }
    cb(null, chunk);
  }

  override _flush(cb: TransformCallback) {
    if (this.seen !== this.entry.uncompressedSize) return cb(new ZipFormatError(`entry ${this.entry.name} is shorter than declared`));
    cb();
  }
}

/**
 * The inflated bytes of one entry, bounded: errors with ImportLimitError past a limit.
 * `maxCellChars` > 0 also bounds runs of XML text (a cell longer than the limit can
 * never be encoded in fewer bytes than characters, and escapes only lengthen it, so a
 * run over 8 × the limit + 1 KiB of markup-free bytes is certainly over it).
 */
export async function openEntry(
  path: string,
  entry: ZipEntry,
  budget: InflateBudget,
  maxCellChars: number,
): Promise<Readable> {
  const fh = await open(path, 'r');
  let header: Buffer;
  try {
    header = await readAt(fh, entry.localHeaderOffset, 30);
  } finally {
    await fh.close();
  }
  if (header.readUInt32LE(0) !== LFH) throw new ZipFormatError(`bad local header for ${entry.name}`);
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const maxRun = maxCellChars > 0 ? maxCellChars * 8 + 1024 : 0;
  const guard = new Guard(entry, budget, maxCellChars, maxRun);
  if (entry.compressedSize === 0) {
    guard.end();
    return guard;
  }
  const source = createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: 64 * 1024 });
  const streams = entry.method === 8 ? [source, createInflateRaw({ chunkSize: 64 * 1024 }), guard] : [source, guard];
  // pipeline destroys every stream with the first error, so the guard (what the caller reads) errors too.
  pipeline(streams as unknown as [Readable, Transform], () => undefined);
  return guard;
}

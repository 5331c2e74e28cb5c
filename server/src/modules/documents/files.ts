/**
 * The byte-level side of the vault: the multipart parser, type detection from
 * magic bytes, file-name sanitising and the headers of a download. Pure helpers
 * are exported for unit tests.
 */
import type { DocumentMimeType } from '@simak/shared/api/documents';
import type { RequestHandler, Response } from 'express';
import { fileTypeFromBuffer } from 'file-type';
import multer from 'multer';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../errors.ts';
import { EXTENSION_BY_MIME, KNOWN_EXTENSIONS } from './schemas.ts';

/** Form field that carries the file. */
export const FILE_FIELD = 'file';

export interface UploadedFile {
  buffer: Buffer;
  /** As the client sent it: untrusted, sanitise before use. */
  originalName: string;
}

const formatMb = (bytes: number) => `${(bytes / (1024 * 1024)).toLocaleString('id-ID', { maximumFractionDigits: 2 })} MB`;

/** Maps multer/busboy failures to the API's error model (multer's own errors carry no HTTP status). */
export function uploadError(err: unknown, maxBytes: number): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof multer.MulterError) {
    switch (err.code) {
      case 'LIMIT_FILE_SIZE':
        return new AppError(413, 'file_too_large', `Ukuran berkas melebihi batas ${formatMb(maxBytes)}.`, { maxBytes });
      case 'LIMIT_FILE_COUNT':
      case 'LIMIT_UNEXPECTED_FILE':
        return new AppError(422, 'unexpected_file', `Kirim tepat satu berkas pada kolom "${FILE_FIELD}".`, {
          field: err.field ?? null,
        });
      default:
        return new AppError(422, 'invalid_upload', 'Isian formulir unggahan tidak valid.', { reason: err.code });
    }
  }
  return new AppError(400, 'malformed_multipart', 'Badan permintaan multipart tidak valid.');
}

/**
 * Multer with memory storage and hard limits; one file in the `file` field.
 * Non-multipart requests pass through untouched (the handler then reports the
 * missing file).
 */
export function uploadParser(maxBytes: number): RequestHandler {
  const single = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 8 * 1024, parts: 12 },
    // Browsers send raw UTF-8 in filename="…"; busboy would decode it as latin1.
    defParamCharset: 'utf8',
  }).single(FILE_FIELD);
  return (req, res, next) => {
    single(req, res, (err?: unknown) => (err ? next(uploadError(err, maxBytes)) : next()));
  };
}

/** The uploaded file as multer left it, or null. */
export function uploadedFile(file: Express.Multer.File | undefined): UploadedFile | null {
  if (!file || !Buffer.isBuffer(file.buffer)) return null;
  return { buffer: file.buffer, originalName: file.originalname ?? '' };
}

/**
 * The type of a file from its content, never from its name or the declared
 * mimetype; throws 422 for an empty file and 415 for anything but PDF, JPEG, PNG.
 */
export async function detectDocumentType(buffer: Buffer): Promise<{ mime: DocumentMimeType; ext: string }> {
  if (buffer.length === 0) throw new AppError(422, 'empty_file', 'Berkas kosong (0 byte).');
  const detected = await fileTypeFromBuffer(buffer);
  const mime = detected?.mime as string | undefined;
  if (mime && Object.hasOwn(EXTENSION_BY_MIME, mime)) {
    const m = mime as DocumentMimeType;
    return { mime: m, ext: EXTENSION_BY_MIME[m] };
  }
  throw new AppError(415, 'unsupported_file_type', 'Jenis berkas tidak didukung. Unggah berkas PDF, JPG, atau PNG.', {
    allowed: Object.keys(EXTENSION_BY_MIME),
  });
}

/** The stored mimeType as the vault's type (only detected types are ever written). */
export function toDocumentMime(value: string): DocumentMimeType {
  if (Object.hasOwn(EXTENSION_BY_MIME, value)) return value as DocumentMimeType;
  throw new Error(`unexpected document mime type: ${value}`);
}

// Control characters, zero-width characters and bidirectional overrides ("fdp.exe" spoofing).
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
export const ORIGINAL_NAME_MAX_LENGTH = 150;

const codePoints = (s: string) => Array.from(s);

function splitExt(name: string): { base: string; ext: string } {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? { base: name.slice(0, dot), ext: name.slice(dot + 1) } : { base: name, ext: '' };
}

/**
 * A client file name made safe to keep as metadata: no path components, no
 * control/bidi characters, no characters Windows refuses, no leading dots,
 * at most `max` characters (extension kept). Empty → "dokumen".
 */
export function sanitizeOriginalName(name: string | null | undefined, max = ORIGINAL_NAME_MAX_LENGTH): string {
  let s = (name ?? '').normalize('NFC').replace(INVISIBLE, '');
  s = s.split(/[/\\]/).pop() ?? '';
  s = s
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (!s) return 'dokumen';
  if (codePoints(s).length <= max) return s;
  const { base, ext } = splitExt(s);
  const keepExt = ext && codePoints(ext).length <= 10 ? `.${ext}` : '';
  return codePoints(base).slice(0, max - codePoints(keepExt).length).join('').trimEnd() + keepExt;
}

/** The name a download is saved under: the sanitised original name with an extension matching the content. */
export function downloadFileName(originalName: string, mime: DocumentMimeType): string {
  const safe = sanitizeOriginalName(originalName);
  const { ext } = splitExt(safe);
  if (KNOWN_EXTENSIONS[mime].includes(ext.toLowerCase())) return safe;
  return `${safe}.${EXTENSION_BY_MIME[mime]}`;
}

const rfc5987 = (s: string) =>
  encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * A Content-Disposition value: an ASCII `filename="…"` every client understands,
 * plus RFC 5987 `filename*=UTF-8''…` when the name is not plain ASCII.
 */
export function contentDisposition(type: 'attachment' | 'inline', fileName: string): string {
  const name = sanitizeOriginalName(fileName);
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%]/g, '_');
  let value = `${type}; filename="${ascii}"`;
  if (ascii !== name) value += `; filename*=UTF-8''${rfc5987(name)}`;
  return value;
}

/**
 * Content-Security-Policy of an inline view. The sandbox (no scripts, opaque
 * origin) is kept for PDFs too: Chromium's viewer still renders them.
 */
export function viewCsp(mime: DocumentMimeType): string {
  return mime === 'application/pdf'
    ? "default-src 'none'; frame-ancestors 'self'; sandbox"
    : "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox";
}

/** Streams a stored file with the headers of a private, non-sniffable download or inline view. */
export async function sendStoredFile(
  res: Response,
  file: { body: Readable; mimeType: DocumentMimeType; sizeBytes: number; fileName: string },
  disposition: 'attachment' | 'inline',
) {
  res.status(200);
  res.setHeader('Content-Type', file.mimeType);
  res.setHeader('Content-Length', String(file.sizeBytes));
  res.setHeader('Content-Disposition', contentDisposition(disposition, file.fileName));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader(
    'Content-Security-Policy',
    disposition === 'inline' ? viewCsp(file.mimeType) : "default-src 'none'; frame-ancestors 'none'; sandbox",
  );
  try {
    await pipeline(file.body, res);
  } catch (err) {
    // The client went away or storage failed mid-stream: headers are out, nothing to answer.
    res.req.log?.warn({ err: (err as Error).message }, 'document stream interrupted');
    if (!res.destroyed) res.destroy();
  }
}

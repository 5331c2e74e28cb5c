import {
  ImportCreateBody,
  ImportCreatedResponse,
  ImportDetail,
  ImportKindSchema,
  ImportListQuery,
  ImportListResponse,
} from '@simak/shared/api/imports';
import { idParam } from '@simak/shared/api/primitives';
import type { RequestHandler } from 'express';
import multer from 'multer';
import { mkdir, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { metaFrom } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import { AppError, Unprocessable, validationError } from '../../errors.ts';
import { authorize } from '../../lib/authz.ts';
import { defineRoute } from '../../lib/http.ts';
import { uploadRateLimit } from '../../lib/rate-limit.ts';
import { importLimits } from './limits.ts';
import { importPolicy } from './policy.ts';
import { createImport, errorsCsv, getImport, listImports } from './service.ts';

/**
 * Import files are far larger than documents (100,000 employees ≈ 25 MB of CSV), so
 * they have their own limit (IMPORT_MAX_BYTES, default 200 MB) instead of
 * UPLOAD_MAX_BYTES; they go to a temporary file, never to memory.
 */
const FILE_FIELD = 'file';

/**
 * Before the upload is read: an unknown kind is refused without accepting the file, and
 * whatever multer writes is removed when the response ends, on every path (success,
 * validation failure, an error thrown anywhere after the upload).
 */
const refuseUnknownKind: RequestHandler = (req, _res, next) => {
  const kind = ImportKindSchema.safeParse(req.params.kind);
  if (!kind.success) return next(validationError(z.object({ kind: ImportKindSchema }).safeParse(req.params).error!, 'params'));
  next();
};

const removeUploadWhenDone: RequestHandler = (req, res, next) => {
  res.on('close', () => {
    if (req.file?.path) void rm(req.file.path, { force: true });
  });
  next();
};

function importUpload(maxBytes: number, dir: string): RequestHandler {
  const single = multer({
    storage: multer.diskStorage({
      destination: (_req, _file, cb) => {
        mkdir(dir, { recursive: true }).then(() => cb(null, dir), (err: Error) => cb(err, dir));
      },
    }),
    limits: { fileSize: maxBytes, files: 1, fields: 5, fieldSize: 1024, parts: 8 },
    defParamCharset: 'utf8',
  }).single(FILE_FIELD);
  return (req, res, next) =>
    single(req, res, (err?: unknown) => {
      if (!err) return next();
      if (err instanceof multer.MulterError) {
        if (err.code === 'LIMIT_FILE_SIZE') {
          return next(
          new AppError(413, 'file_too_large', `Ukuran berkas impor melebihi batas ${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB (IMPORT_MAX_BYTES).`, {
            limit: 'IMPORT_MAX_BYTES',
            max: maxBytes,
          }),
        );
        }
        return next(new AppError(422, 'invalid_upload', `Kirim tepat satu berkas pada kolom "${FILE_FIELD}".`, { reason: err.code }));
      }
      next(new AppError(400, 'malformed_multipart', 'Badan permintaan multipart tidak valid.'));
    });
}

const IdParams = z.object({ id: idParam('ID impor') });

export function importRoutes(ctx: AppContext) {
  return [
    defineRoute({
      method: 'post',
      path: '/api/imports/:kind',
      summary:
        'Unggah berkas impor (multipart/form-data: file = CSV atau XLSX, mode = all-or-nothing | valid-rows); diproses di latar belakang',
      tags: ['Impor'],
      auth: ['BKD_ADMIN'],
      params: z.object({ kind: ImportKindSchema }),
      before: [refuseUnknownKind, uploadRateLimit(ctx), removeUploadWhenDone, importUpload(ctx.config.IMPORT_MAX_BYTES, importLimits(ctx.config).tmpDir)],
      responses: {
        202: { description: 'Impor diterima dan diantrikan', schema: ImportCreatedResponse },
        413: { description: 'Berkas terlalu besar' },
        429: { description: 'Terlalu banyak unggahan dalam jendela waktu (rate_limited)' },
      },
      handler: async ({ req, res, actor, params }) => {
        const file = req.file;
        try {
          authorize(importPolicy, 'create', actor, {});
          const body = ImportCreateBody.safeParse(req.body ?? {});
          if (!body.success) throw validationError(body.error, 'body');
          if (!file || file.size === 0) {
            throw Unprocessable('validation_failed', 'Berkas impor wajib diunggah.', [
              { location: 'body', path: FILE_FIELD, message: 'Berkas impor wajib diunggah (CSV atau XLSX).', code: 'required' },
            ]);
          }
          const created = await createImport(ctx, metaFrom(req), {
            kind: params.kind,
            mode: body.data.mode,
            file: { path: file.path, originalName: file.originalname ?? '', size: file.size },
            limits: importLimits(ctx.config),
          });
          res.status(202);
          return created;
        } finally {
          if (file?.path) await rm(file.path, { force: true });
        }
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/imports',
      summary: 'Daftar impor terbaru',
      tags: ['Impor'],
      auth: ['BKD_ADMIN'],
      query: ImportListQuery,
      responses: { 200: { description: 'Impor, terbaru lebih dulu', schema: ImportListResponse } },
      handler: async ({ actor, query }) => {
        authorize(importPolicy, 'read', actor, {});
        return listImports(ctx.db, query);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/imports/:id',
      summary: 'Status, kemajuan, jumlah dan 200 galat pertama sebuah impor',
      tags: ['Impor'],
      auth: ['BKD_ADMIN'],
      params: IdParams,
      responses: { 200: { description: 'Impor', schema: ImportDetail }, 404: { description: 'Tidak ditemukan' } },
      handler: async ({ actor, params }) => {
        authorize(importPolicy, 'read', actor, {});
        return getImport(ctx.db, params.id);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/imports/:id/errors.csv',
      summary: 'Semua galat dan peringatan sebuah impor sebagai CSV (baris, kolom, nilai, pesan, tingkat)',
      tags: ['Impor'],
      auth: ['BKD_ADMIN'],
      params: IdParams,
      responses: {
        200: { description: 'CSV', schema: z.string(), contentType: 'text/csv' },
        404: { description: 'Tidak ditemukan' },
      },
      handler: async ({ res, actor, params }) => {
        authorize(importPolicy, 'read', actor, {});
        const lines = errorsCsv(ctx.db, params.id);
        // Fail with 404 before any byte is sent.
        const first = await lines.next();
        res.setHeader('Content-Type', 'text/csv; charset=utf-8');
        res.setHeader('Content-Disposition', `attachment; filename="impor-${params.id}-galat.csv"`);
        res.setHeader('Cache-Control', 'no-store');
        async function* all() {
          if (!first.done) yield first.value;
          yield* lines;
        }
        await pipeline(Readable.from(all()), res);
      },
    }),
  ];
}

/**
 * Document vault routes. The upload is multipart/form-data (fields: file, jenis,
 * title?, slotKey?); the policy is checked before the body is read, so a refused
 * request never buffers its file.
 */
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { metaFrom } from '../../audit/audit.ts';
import type { Actor } from '../../auth/actor.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { defineRoute, ErrorBody } from '../../lib/http.ts';
import { uploadRateLimit } from '../../lib/rate-limit.ts';
import { FILE_FIELD, sendStoredFile, toDocumentMime, uploadedFile, uploadParser } from './files.ts';
import { presentDocument, presentDocuments } from './presenter.ts';
import {
  DocumentIdParams,
  DocumentListQuery,
  DocumentListResponse,
  DocumentResponse,
  EmployeeIdParams,
  UploadDocumentFields,
} from './schemas.ts';
import { authorizeEmployeeDocuments, getDocumentForActor, listEmployeeDocuments, openDocumentFile, uploadDocument } from './service.ts';

const TAGS = ['Dokumen'];
const BINARY = z.string().meta({ format: 'binary' });
const error = (description: string) => ({ description, schema: ErrorBody });

export function documentRoutes(ctx: AppContext) {
  const maxBytes = ctx.config.UPLOAD_MAX_BYTES;
  const uploadLimit = uploadRateLimit(ctx);

  /** 404 / 403 before multer reads the body (invalid ids are left to the params validation). */
  const mayUpload: RequestHandler = async (req, _res, next) => {
    const params = EmployeeIdParams.safeParse(req.params);
    if (!params.success) return next();
    try {
      await authorizeEmployeeDocuments(ctx.db, req.user as Actor, params.data.employeeId, 'upload');
      next();
    } catch (err) {
      next(err);
    }
  };

  return [
    defineRoute({
      method: 'post',
      path: '/api/employees/:employeeId/documents',
      summary:
        'Unggah dokumen pegawai (multipart/form-data: file, jenis, title opsional, slotKey opsional); ' +
        'versi baru menggantikan versi berjalan pada slot yang sama',
      tags: TAGS,
      auth: 'user',
      params: EmployeeIdParams,
      before: [mayUpload, uploadLimit, uploadParser(maxBytes)],
      responses: {
        201: { description: 'Dokumen tersimpan', schema: DocumentResponse },
        403: error('Bukan pemilik, admin OPD pegawai, atau peran BKD'),
        404: error('Pegawai tidak ditemukan'),
        413: error('Berkas melebihi batas ukuran (file_too_large)'),
        415: error('Jenis berkas tidak didukung; hanya PDF, JPEG, PNG (unsupported_file_type)'),
        429: error('Terlalu banyak unggahan dalam jendela waktu (rate_limited)'),
      },
      handler: async ({ req, res, actor, params }) => {
        // Validated here rather than through `body`, which the OpenAPI document would describe as JSON.
        const fields = UploadDocumentFields.safeParse(req.body ?? {});
        const file = uploadedFile(req.file);
        const details: { location: string; path: string; message: string; code: string }[] = fields.success
          ? []
          : fields.error.issues.map((i) => ({ location: 'body', path: i.path.join('.'), message: i.message, code: i.code }));
        if (!file) details.push({ location: 'body', path: FILE_FIELD, message: 'Berkas wajib diunggah.', code: 'required' });
        if (!fields.success || !file) throw new AppError(422, 'validation_failed', 'Data yang dikirim tidak valid.', details);

        const doc = await uploadDocument(ctx, actor, metaFrom(req), params.employeeId, { ...fields.data, file });
        res.status(201);
        return { document: presentDocument(doc, actor) };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/api/employees/:employeeId/documents',
      summary: 'Daftar dokumen pegawai (versi berjalan; includeHistory=true untuk semua versi per slot)',
      tags: TAGS,
      auth: 'user',
      params: EmployeeIdParams,
      query: DocumentListQuery,
      responses: {
        200: { description: 'Dokumen pegawai', schema: DocumentListResponse },
        403: error('Bukan pemilik, admin OPD pegawai, atau peran BKD'),
        404: error('Pegawai tidak ditemukan'),
      },
      handler: async ({ actor, params, query }) => {
        const docs = await listEmployeeDocuments(ctx, actor, params.employeeId, query);
        return { items: presentDocuments(docs, actor) };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/api/documents/:id',
      summary: 'Metadata dokumen',
      tags: TAGS,
      auth: 'user',
      params: DocumentIdParams,
      responses: {
        200: { description: 'Dokumen', schema: DocumentResponse },
        403: error('Bukan pemilik, admin OPD pegawai, atau peran BKD'),
        404: error('Dokumen tidak ditemukan'),
      },
      handler: async ({ actor, params }) => ({ document: presentDocument(await getDocumentForActor(ctx, actor, params.id), actor) }),
    }),

    ...(
      [
        ['download', 'attachment', 'Unduh berkas dokumen (Content-Disposition: attachment)'],
        ['view', 'inline', 'Tampilkan berkas dokumen di peramban (Content-Disposition: inline)'],
      ] as const
    ).map(([suffix, disposition, summary]) =>
      defineRoute({
        method: 'get',
        path: `/api/documents/:id/${suffix}`,
        summary,
        tags: TAGS,
        auth: 'user',
        params: DocumentIdParams,
        responses: {
          200: { description: 'Isi berkas (PDF, JPEG atau PNG)', schema: BINARY, contentType: 'application/octet-stream' },
          403: error('Bukan pemilik, admin OPD pegawai, atau peran BKD'),
          404: error('Dokumen tidak ditemukan'),
        },
        handler: async ({ req, res, actor, params }) => {
          const { doc, body, fileName } = await openDocumentFile(ctx, actor, params.id, { meta: metaFrom(req), disposition });
          await sendStoredFile(res, { body, fileName, mimeType: toDocumentMime(doc.mimeType), sizeBytes: doc.sizeBytes }, disposition);
        },
      }),
    ),
  ];
}

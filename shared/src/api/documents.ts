/** API contract for the document vault (used by the server and the web app). */
import { z } from 'zod';

// ---------------------------------------------------------------------------
// Document types (mirrors the DocumentType enum of prisma/schema.prisma; the
// server checks at compile time that both lists stay identical).

export const DOCUMENT_TYPES = [
  'SK_CPNS',
  'SK_PNS',
  'SK_PANGKAT',
  'SK_JABATAN',
  'SK_KGB',
  'IJAZAH',
  'TRANSKRIP',
  'SERTIFIKAT_DIKLAT',
  'SKP',
  'SK_HUKDIS',
  'KK',
  'AKTA_KELAHIRAN',
  'AKTA_NIKAH',
  'KTP',
  'NPWP',
  'PAS_FOTO',
  'SK_PENSIUN',
  'SURAT',
  'LAINNYA',
] as const;
export const DocumentTypeSchema = z.enum(DOCUMENT_TYPES, {
  error: (iss) => (iss.input === undefined ? 'Jenis dokumen wajib diisi.' : 'Jenis dokumen tidak dikenal.'),
});
export type DocumentType = z.infer<typeof DocumentTypeSchema>;
export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  SK_CPNS: 'SK CPNS',
  SK_PNS: 'SK PNS',
  SK_PANGKAT: 'SK Kenaikan Pangkat',
  SK_JABATAN: 'SK Jabatan',
  SK_KGB: 'SK Kenaikan Gaji Berkala',
  SK_PENSIUN: 'SK Pensiun',
  IJAZAH: 'Ijazah',
  TRANSKRIP: 'Transkrip Nilai',
  SERTIFIKAT_DIKLAT: 'Sertifikat Diklat',
  SKP: 'Sasaran Kinerja Pegawai (SKP)',
  SK_HUKDIS: 'SK Hukuman Disiplin',
  KK: 'Kartu Keluarga',
  AKTA_KELAHIRAN: 'Akta Kelahiran',
  AKTA_NIKAH: 'Akta Nikah',
  KTP: 'KTP',
  NPWP: 'NPWP',
  PAS_FOTO: 'Pas Foto',
  SURAT: 'Surat',
  LAINNYA: 'Dokumen Lainnya',
};

/** File types the vault accepts, decided by the server from the file's content (magic bytes). */
export const DOCUMENT_MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const DocumentMimeTypeSchema = z.enum(DOCUMENT_MIME_TYPES);
export type DocumentMimeType = z.infer<typeof DocumentMimeTypeSchema>;

/**
 * A slot groups the versions of one document: the document type alone ("KK"), or
 * the type plus the record it supports ("SK_PANGKAT:riwayat_pangkat:12").
 */
export const SLOT_KEY_PATTERN = /^[A-Z_]+(:[a-z_]+:\d+)?$/;
export const SLOT_KEY_MAX_LENGTH = 120;
export const DOCUMENT_TITLE_MAX_LENGTH = 200;

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** The text fields of the multipart upload (the file itself travels in the `file` part). */
export const UploadDocumentFields = z
  .object({
    jenis: DocumentTypeSchema,
    title: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .transform((v) => v.replace(CONTROL_CHARS, ' ').replace(/\s+/g, ' ').trim())
        .pipe(z.string().min(1, 'Judul tidak boleh kosong.').max(DOCUMENT_TITLE_MAX_LENGTH, `Judul maksimal ${DOCUMENT_TITLE_MAX_LENGTH} karakter.`))
        .optional(),
    ),
    slotKey: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .trim()
        .max(SLOT_KEY_MAX_LENGTH, `Kunci slot maksimal ${SLOT_KEY_MAX_LENGTH} karakter.`)
        .regex(SLOT_KEY_PATTERN, 'Format kunci slot tidak valid (contoh: "KK" atau "SK_PANGKAT:riwayat_pangkat:12").')
        .optional(),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.slotKey && v.slotKey.split(':')[0] !== v.jenis) {
      ctx.addIssue({
        code: 'custom',
        path: ['slotKey'],
        message: 'Kunci slot harus diawali jenis dokumen yang sama.',
      });
    }
  });
export type UploadDocumentFields = z.infer<typeof UploadDocumentFields>;

export const DocumentListQuery = z.object({
  jenis: DocumentTypeSchema.optional(),
  /** "true": every version, grouped by slot (newest version first); default: current versions only. */
  includeHistory: z
    .enum(['true', 'false'], { message: 'Nilai includeHistory harus "true" atau "false".' })
    .optional()
    .transform((v) => v === 'true'),
});
export type DocumentListQuery = z.infer<typeof DocumentListQuery>;

export const DocumentView = z.object({
  id: z.number().int(),
  employeeId: z.number().int(),
  jenis: DocumentTypeSchema,
  jenisLabel: z.string(),
  slotKey: z.string(),
  version: z.number().int(),
  isCurrent: z.boolean(),
  title: z.string(),
  /** The client's file name, sanitised; metadata only. */
  originalName: z.string(),
  /** The name a download is saved under (original name with the detected extension). */
  fileName: z.string(),
  mimeType: DocumentMimeTypeSchema,
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedById: z.number().int().nullable(),
  createdAt: z.string(),
  downloadUrl: z.string(),
  viewUrl: z.string(),
  abilities: z.object({ download: z.boolean(), upload: z.boolean() }),
});
export type DocumentView = z.infer<typeof DocumentView>;

export const DocumentResponse = z.object({ document: DocumentView });
export type DocumentResponse = z.infer<typeof DocumentResponse>;

/** Ordered by document type, then slot, then version (newest first): versions of a slot are adjacent. */
export const DocumentListResponse = z.object({ items: z.array(DocumentView) });
export type DocumentListResponse = z.infer<typeof DocumentListResponse>;

/**
 * Request/response schemas of the document vault. The contract lives in
 * @simak/shared/api/documents (shared with the web app); this file adds the
 * server-only pieces (path parameters) and keeps the shared enum in step with
 * the database enum at compile time.
 */
import { DOCUMENT_TYPE_LABELS, type DocumentMimeType, type DocumentType } from '@simak/shared/api/documents';
import { idParam } from '@simak/shared/api/primitives';
import { z } from 'zod';
import type { DocumentType as DbDocumentType } from '../../generated/prisma/enums.ts';

export {
  DOCUMENT_TYPE_LABELS,
  DocumentListQuery,
  DocumentListResponse,
  DocumentResponse,
  DocumentView,
  UploadDocumentFields,
} from '@simak/shared/api/documents';

// Fails to compile when prisma's DocumentType and the shared list drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _enumsInStep: Same<DbDocumentType, DocumentType> = true;
void _enumsInStep;

export const EmployeeIdParams = z.object({ employeeId: idParam('ID pegawai') });
export type EmployeeIdParams = z.infer<typeof EmployeeIdParams>;

export const DocumentIdParams = z.object({ id: idParam('ID dokumen') });
export type DocumentIdParams = z.infer<typeof DocumentIdParams>;

/** Detected type → the extension used in storage keys and download names. */
export const EXTENSION_BY_MIME: Record<DocumentMimeType, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

/** Extensions a client name may already carry for each type (kept as is in download names). */
export const KNOWN_EXTENSIONS: Record<DocumentMimeType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/png': ['png'],
};

export const documentTypeLabel = (jenis: DocumentType) => DOCUMENT_TYPE_LABELS[jenis];

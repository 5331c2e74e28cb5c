/** Whitelisted document fields plus what the viewer may do with them. */
import type { DocumentView } from '@simak/shared/api/documents';
import type { Actor } from '../../auth/actor.ts';
import { abilities } from '../../lib/authz.ts';
import { downloadFileName, toDocumentMime } from './files.ts';
import { documentPolicy } from './policy.ts';
import { documentTypeLabel } from './schemas.ts';
import { ownerOf, type DocumentRecord } from './service.ts';

export function presentDocument(doc: DocumentRecord, actor: Actor): DocumentView {
  const mimeType = toDocumentMime(doc.mimeType);
  const can = abilities(documentPolicy, actor, ownerOf(doc));
  return {
    id: doc.id,
    employeeId: doc.employeeId,
    jenis: doc.jenis,
    jenisLabel: documentTypeLabel(doc.jenis),
    slotKey: doc.slotKey,
    version: doc.version,
    isCurrent: doc.isCurrent,
    title: doc.title,
    originalName: doc.originalName,
    fileName: downloadFileName(doc.originalName, mimeType),
    mimeType,
    sizeBytes: doc.sizeBytes,
    sha256: doc.sha256,
    uploadedById: doc.uploadedById,
    createdAt: doc.createdAt.toISOString(),
    downloadUrl: `/api/documents/${doc.id}/download`,
    viewUrl: `/api/documents/${doc.id}/view`,
    abilities: { download: can.download, upload: can.upload },
  };
}

export const presentDocuments = (docs: DocumentRecord[], actor: Actor): DocumentView[] =>
  docs.map((d) => presentDocument(d, actor));

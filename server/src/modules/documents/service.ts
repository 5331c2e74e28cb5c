/**
 * The document vault: versioned files per employee and slot.
 *
 * Other modules use the exported functions rather than the tables:
 *   getDocumentForActor(ctx, actor, id)                 → 404 / 403 / the document (with its owner)
 *   assertDocumentsBelongTo(db, employeeId, ids)        → 422 unless every id is that employee's document
 *   presentDocument(doc, actor)                         (presenter.ts)
 */
import type { DocumentType } from '@simak/shared/api/documents';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { RequestMeta } from '../../audit/audit.ts';
import { auditAccess, writeAudit } from '../../audit/audit.ts';
import type { Actor } from '../../auth/actor.ts';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db.ts';
import { AppError, NotFound, Unprocessable } from '../../errors.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { authorize } from '../../lib/authz.ts';
import { generateKey } from '../../storage/storage.ts';
import { detectDocumentType, downloadFileName, sanitizeOriginalName, toDocumentMime, type UploadedFile } from './files.ts';
import { documentPolicy, documentScope, type DocumentAction, type DocumentOwnerRef } from './policy.ts';
import { documentTypeLabel } from './schemas.ts';

/** A Prisma client or a transaction client: every read helper works inside a caller's transaction too. */
export type DbClient = Tx;

/** What every vault read loads: the document and its owner's OPD (for the policy and the presenter). */
export const DOCUMENT_INCLUDE = { employee: { select: { id: true, opdId: true } } } as const satisfies Prisma.DocumentInclude;
export type DocumentRecord = Prisma.DocumentGetPayload<{ include: typeof DOCUMENT_INCLUDE }>;

export const ownerOf = (doc: DocumentRecord): DocumentOwnerRef => ({ employeeId: doc.employeeId, opdId: doc.employee.opdId });

const DENIED: Record<DocumentAction, string> = {
  read: 'Anda tidak berwenang melihat dokumen pegawai ini.',
  download: 'Anda tidak berwenang mengunduh dokumen pegawai ini.',
  upload: 'Anda tidak berwenang mengunggah dokumen untuk pegawai ini.',
};

/** Loads the employee (404) and checks the actor may take `action` on their documents (403). */
export async function authorizeEmployeeDocuments(
  db: DbClient,
  actor: Actor,
  employeeId: number,
  action: DocumentAction,
): Promise<DocumentOwnerRef> {
  const employee = await db.employee.findUnique({ where: { id: employeeId }, select: { id: true, opdId: true } });
  if (!employee) throw NotFound('Pegawai', 'employee_not_found');
  const owner = { employeeId: employee.id, opdId: employee.opdId };
  authorize(documentPolicy, action, actor, owner, DENIED[action]);
  return owner;
}

/** A document the actor may read (or download): 404 when the id does not exist, 403 when it is not theirs to see. */
export async function getDocumentForActor(
  ctx: { db: DbClient },
  actor: Actor,
  id: number,
  action: Exclude<DocumentAction, 'upload'> = 'read',
): Promise<DocumentRecord> {
  const doc = await ctx.db.document.findUnique({ where: { id }, include: DOCUMENT_INCLUDE });
  if (!doc) throw NotFound('Dokumen', 'document_not_found');
  authorize(documentPolicy, action, actor, ownerOf(doc), DENIED[action]);
  return doc;
}

/**
 * Checks that every id is a document of `employeeId` (e.g. vault documents attached
 * to a change request) and returns them in the order given. Unknown ids and other
 * employees' documents are reported alike (422 invalid_document_reference), so the
 * answer reveals nothing about documents the caller cannot see.
 */
export async function assertDocumentsBelongTo(
  db: DbClient,
  employeeId: number,
  documentIds: readonly number[],
  opts: { currentOnly?: boolean } = {},
): Promise<DocumentRecord[]> {
  const ids = [...new Set(documentIds)];
  if (!ids.length) return [];
  const docs = await db.document.findMany({
    where: { id: { in: ids }, employeeId, ...(opts.currentOnly ? { isCurrent: true } : {}) },
    include: DOCUMENT_INCLUDE,
  });
  const byId = new Map(docs.map((d) => [d.id, d]));
  const invalid = ids.filter((i) => !byId.has(i));
  if (invalid.length) {
    throw Unprocessable(
      'invalid_document_reference',
      opts.currentOnly
        ? 'Dokumen yang dipilih tidak ditemukan di arsip pegawai ini atau bukan versi terbaru.'
        : 'Dokumen yang dipilih tidak ditemukan di arsip pegawai ini.',
      { documentIds: invalid },
    );
  }
  return ids.map((i) => byId.get(i)!);
}

export interface ListDocumentsQuery {
  jenis?: DocumentType;
  includeHistory?: boolean;
}

/**
 * An employee's documents: current versions, or every version when includeHistory
 * (ordered by type, slot, then version newest first, so a slot's versions are adjacent).
 */
export async function listEmployeeDocuments(
  ctx: { db: DbClient },
  actor: Actor,
  employeeId: number,
  query: ListDocumentsQuery = {},
): Promise<DocumentRecord[]> {
  await authorizeEmployeeDocuments(ctx.db, actor, employeeId, 'read');
  return ctx.db.document.findMany({
    where: {
      AND: [
        { employeeId },
        query.jenis ? { jenis: query.jenis } : {},
        query.includeHistory ? {} : { isCurrent: true },
        documentScope(actor),
      ],
    },
    include: DOCUMENT_INCLUDE,
    orderBy: [{ jenis: 'asc' }, { slotKey: 'asc' }, { version: 'desc' }],
  });
}

export interface UploadDocumentInput {
  jenis: DocumentType;
  title?: string;
  slotKey?: string;
  file: UploadedFile;
}

/** Serialises uploads to one (employee, slot): two concurrent uploads get versions n+1 and n+2. */
const lockSlot = (tx: Tx, employeeId: number, slotKey: string) =>
  tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('document_slot'), hashtext(${`${employeeId}:${slotKey}`}))`;

/**
 * Stores a new version of a slot. The file is written to storage first under a
 * generated key; then one transaction supersedes the current version, creates the
 * new row and writes the audit entry. If the transaction fails the file is deleted
 * again, so nothing is ever half-stored.
 */
export async function uploadDocument(
  ctx: Pick<AppContext, 'db' | 'storage' | 'logger'>,
  actor: Actor,
  meta: RequestMeta,
  employeeId: number,
  input: UploadDocumentInput,
): Promise<DocumentRecord> {
  await authorizeEmployeeDocuments(ctx.db, actor, employeeId, 'upload');

  const { buffer } = input.file;
  const { mime, ext } = await detectDocumentType(buffer);
  const sha256 = createHash('sha256').update(buffer).digest('hex');
  const originalName = sanitizeOriginalName(input.file.originalName);
  const slotKey = input.slotKey ?? input.jenis;
  const title = input.title || documentTypeLabel(input.jenis);
  const storageKey = generateKey('documents', ext);

  await ctx.storage.put(storageKey, buffer, mime);
  try {
    const created = await ctx.db.$transaction(async (tx) => {
      await lockSlot(tx, employeeId, slotKey);
      const previous = await tx.document.findFirst({
        where: { employeeId, slotKey },
        orderBy: { version: 'desc' },
        select: { id: true, version: true },
      });
      const superseded = await tx.document.findMany({
        where: { employeeId, slotKey, isCurrent: true },
        select: { id: true },
      });
      if (superseded.length) {
        await tx.document.updateMany({ where: { id: { in: superseded.map((d) => d.id) } }, data: { isCurrent: false } });
      }
      const doc = await tx.document.create({
        data: {
          employeeId,
          jenis: input.jenis,
          slotKey,
          version: (previous?.version ?? 0) + 1,
          isCurrent: true,
          title,
          originalName,
          storageKey,
          mimeType: mime,
          sizeBytes: buffer.length,
          sha256,
          uploadedById: actor.userId,
        },
        include: DOCUMENT_INCLUDE,
      });
      await writeAudit(tx, meta, {
        action: 'document.uploaded',
        entityType: 'document',
        entityId: doc.id,
        employeeId,
        after: {
          jenis: doc.jenis,
          slotKey: doc.slotKey,
          version: doc.version,
          title: doc.title,
          originalName: doc.originalName,
          mimeType: doc.mimeType,
          sizeBytes: doc.sizeBytes,
          sha256: doc.sha256,
          storageKey: doc.storageKey,
          supersededIds: superseded.map((d) => d.id),
        },
      });
      return doc;
    });
    return created;
  } catch (err) {
    await ctx.storage.delete(storageKey).catch((e: unknown) => {
      ctx.logger.error({ err: e, storageKey }, 'could not delete the file of a failed document upload');
    });
    // The employee was deleted between the check and the insert.
    if ((err as { code?: string })?.code === 'P2003') throw NotFound('Pegawai', 'employee_not_found');
    throw err;
  }
}

/** A document the actor may download, with its stored bytes as a stream; the access is audited. */
export async function openDocumentFile(
  ctx: Pick<AppContext, 'db' | 'storage'>,
  actor: Actor,
  id: number,
  access: { meta: RequestMeta; disposition: 'attachment' | 'inline' },
): Promise<{ doc: DocumentRecord; body: Readable; fileName: string }> {
  const doc = await getDocumentForActor(ctx, actor, id, 'download');
  let body: Readable;
  try {
    body = await ctx.storage.get(doc.storageKey);
  } catch (err) {
    const code = (err as { code?: string; name?: string })?.code ?? (err as { name?: string })?.name;
    if (code === 'ENOENT' || code === 'NoSuchKey' || code === 'NotFound') {
      // The row exists but its file does not: reported (logged at error level), not expected.
      throw new AppError(404, 'document_file_missing', 'Berkas dokumen tidak ditemukan di penyimpanan.', null, true);
    }
    throw err;
  }
  await auditAccess(ctx.db, access.meta, {
    action: access.disposition === 'attachment' ? 'document.downloaded' : 'document.viewed',
    entityType: 'document',
    entityId: doc.id,
    employeeId: doc.employeeId,
    after: { jenis: doc.jenis, title: doc.title },
  });
  return { doc, body, fileName: downloadFileName(doc.originalName, toDocumentMime(doc.mimeType)) };
}

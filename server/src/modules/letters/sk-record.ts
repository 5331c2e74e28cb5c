/**
 * Recording an SK issued through BKN's flow (kenaikan pangkat, pensiun), shared by the modules:
 * the signed SK PDF checked in the employee's vault, and the summary letter issued (rendered by the
 * letters worker; its kind built on sk-summary.ts). Inside the caller's transaction.
 */
import type { IsoDate } from '@simak/shared';
import type { Tx } from '../../db.ts';
import { Unprocessable } from '../../errors.ts';
import type { DocumentType } from '../../generated/prisma/enums.ts';
import { issueLetter } from './service.ts';
import type { SkSummaryBase } from './sk-summary.ts';

/**
 * The signed SK in the employee's vault: a PDF of the given type (422 sk_document_invalid
 * otherwise, on data.documentId). `what` names the SK in the message (e.g. 'SK pensiun').
 */
export async function signedSkDocument(tx: Tx, employeeId: number, documentId: number, jenis: DocumentType, what: string) {
  const doc = await tx.document.findUnique({ where: { id: documentId } });
  if (!doc || doc.employeeId !== employeeId) {
    throw Unprocessable('sk_document_invalid', 'Dokumen SK tidak ditemukan di arsip pegawai ini.', [
      { location: 'body', path: 'data.documentId', message: 'Unggah berkas SK ke arsip pegawai ini.', code: 'invalid' },
    ]);
  }
  if (doc.jenis !== jenis || doc.mimeType !== 'application/pdf') {
    const message = `Berkas SK harus PDF berjenis ${what}.`;
    throw Unprocessable('sk_document_invalid', message, [{ location: 'body', path: 'data.documentId', message, code: 'invalid' }]);
  }
  return doc;
}

/** Issues the summary letter of a recorded SK (rendered by the letters worker); what the request keeps of it. */
export async function issueSkSummary<D extends SkSummaryBase>(tx: Tx, input: { kind: string; requestId: number; employeeId: number; date: IsoDate; data: D }) {
  const letter = await issueLetter(tx, input);
  return { id: letter.id, number: letter.number, date: letter.date };
}

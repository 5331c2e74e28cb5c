/**
 * The document vault's public surface for other modules (change requests, KGB,
 * KP, pension): attach vault documents by id instead of accepting new uploads.
 */
export { documentEmployeeScope, documentPolicy, documentScope, type DocumentAction, type DocumentOwnerRef } from './policy.ts';
export { presentDocument, presentDocuments } from './presenter.ts';
export {
  assertDocumentsBelongTo,
  authorizeEmployeeDocuments,
  DOCUMENT_INCLUDE,
  getDocumentForActor,
  listEmployeeDocuments,
  openDocumentFile,
  ownerOf,
  uploadDocument,
  type DbClient,
  type DocumentRecord,
  type UploadDocumentInput,
} from './service.ts';

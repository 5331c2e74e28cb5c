/**
 * The document checklist of a request: the items its definition asks for (per variant),
 * each filled from the employee's vault or an upload, with the verifier's verdict and the
 * item's history. Replacing a document resets its verdict; items already valid stay valid.
 * Every change claims the request's version (a stale version → 409) and writes its audit row.
 */
import { announceRequestChange } from './announce.ts';
import type { Actor } from '../auth/actor.ts';
import { writeAudit, type RequestMeta } from '../audit/audit.ts';
import type { Db, Tx } from '../db.ts';
import { Conflict, Forbidden, NotFound, Unprocessable } from '../errors.ts';
import type { DocumentType } from '../generated/prisma/enums.ts';
import { isSelf, managesOpd } from '../lib/authz.ts';
import { isAssignedTo } from './assignee.ts';
import { stateOf, type Req, type WorkflowDefinition } from './types.ts';

export type Verdict = 'PENDING' | 'VALID' | 'INVALID';

export interface ChecklistRow {
  key: string;
  label: string;
  docType: DocumentType;
  required: boolean;
  hint: string | null;
  document: { id: number; title: string; originalName: string; mimeType: string; sizeBytes: number; version: number; createdAt: string } | null;
  verdict: Verdict;
  verdictNote: string | null;
  verdictByName: string | null;
  verdictAt: string | null;
}

const asVerdict = (v: string): Verdict => (v === 'VALID' || v === 'INVALID' ? v : 'PENDING');

/** The checklist as the definition declares it, merged with the items stored for the request. */
export async function checklistState<P>(db: Db | Tx, def: WorkflowDefinition<P>, req: Req<P>): Promise<ChecklistRow[]> {
  const spec = def.checklist ? def.checklist(req.payload, req.variant) : [];
  const items = await db.requestItem.findMany({
    where: { requestId: req.id },
    include: { document: { select: { id: true, title: true, originalName: true, mimeType: true, sizeBytes: true, version: true, createdAt: true } } },
    orderBy: [{ sort: 'asc' }, { id: 'asc' }],
  });
  const byKey = new Map(items.map((i) => [i.key, i]));
  const row = (key: string, label: string, docType: DocumentType, required: boolean, hint: string | null): ChecklistRow => {
    const i = byKey.get(key);
    const d = i?.document ?? null;
    return {
      key,
      label,
      docType,
      required,
      hint,
      document: d ? { ...d, createdAt: d.createdAt.toISOString() } : null,
      verdict: i && d ? asVerdict(i.verdict) : 'PENDING',
      verdictNote: i?.verdictNote ?? null,
      verdictByName: i?.verdictByName ?? null,
      verdictAt: i?.verdictAt?.toISOString() ?? null,
    };
  };
  const declared = new Set(spec.map((s) => s.key));
  return [
    ...spec.map((s) => row(s.key, s.label, s.docType, s.required, s.hint ?? null)),
    // Items stored under keys the checklist no longer declares stay visible (optional).
    ...items.filter((i) => !declared.has(i.key)).map((i) => row(i.key, i.label, i.docType, false, null)),
  ];
}

/** The history of every item of a request (attachments, replacements, verdicts), oldest first. */
export async function checklistHistory(db: Db | Tx, requestId: number) {
  const events = await db.requestItemEvent.findMany({ where: { requestId }, include: { item: { select: { key: true } } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
  return events.map((e) => ({
    id: Number(e.id),
    key: e.item.key,
    at: e.at.toISOString(),
    kind: e.kind,
    documentId: e.documentId,
    verdict: e.verdict,
    note: e.note,
    actorName: e.actorName,
  }));
}

/** Who may attach or replace documents while the state allows it: the employee, the OPD admin of the request's OPD, the creator, whoever it waits for. */
export function mayEditChecklist<P>(def: WorkflowDefinition<P>, actor: Actor, req: Req<P>): boolean {
  const state = stateOf(def.states, req.state);
  if (!state?.editable || state.final) return false;
  return isSelf(actor, req.employeeId) || managesOpd(actor, req.opdId) || (req.createdById != null && req.createdById === actor.userId) || isAssignedTo(actor, req);
}

/** Who may give verdicts: whoever the request waits for by role (never on their own request), while it is with them. */
export function mayJudgeChecklist<P>(def: WorkflowDefinition<P>, actor: Actor, req: Req<P>): boolean {
  const state = stateOf(def.states, req.state);
  if (!state || state.final || state.editable || !state.assignee?.roles?.length) return false;
  if (isSelf(actor, req.employeeId) || (req.createdById != null && req.createdById === actor.userId)) return false;
  return isAssignedTo(actor, { ...req, assigneeEmployeeId: null });
}

async function claimVersion(tx: Tx, req: Pick<Req<unknown>, 'id' | 'type' | 'employeeId' | 'opdId' | 'state' | 'version'>, expected: number) {
  if (req.version !== expected) {
    throw Conflict('stale_version', 'Usulan ini sudah diubah oleh orang lain. Muat ulang untuk melihat keadaan terbaru.', { currentVersion: req.version });
  }
  const claimed = await tx.workflowRequest.updateMany({ where: { id: req.id, version: expected }, data: { version: { increment: 1 } } });
  if (claimed.count !== 1) throw Conflict('stale_version', 'Usulan ini sudah diproses oleh orang lain. Muat ulang untuk melihat keadaan terbaru.');
  await announceRequestChange(tx, { id: req.id, type: req.type, employeeId: req.employeeId, opdId: req.opdId, state: req.state, version: expected + 1 });
}

function specOf<P>(def: WorkflowDefinition<P>, req: Req<P>, key: string) {
  const s = (def.checklist ? def.checklist(req.payload, req.variant) : []).find((x) => x.key === key);
  if (!s) throw NotFound('Butir daftar periksa');
  return s;
}

export interface ItemChange {
  key: string;
  expectedVersion: number;
  actor: Actor;
  meta: RequestMeta;
}

/**
 * Fills or replaces one checklist item with a document of the employee (from the vault or
 * just uploaded). A replaced document loses its verdict; the old one stays in the history.
 */
export async function attachItemDocument<P>(tx: Tx, def: WorkflowDefinition<P>, req: Req<P>, change: ItemChange & { documentId: number }) {
  if (!mayEditChecklist(def, change.actor, req)) throw Forbidden('Dokumen usulan ini tidak dapat diubah pada status sekarang.', 'checklist_locked');
  const spec = specOf(def, req, change.key);
  const doc = await tx.document.findUnique({ where: { id: change.documentId }, select: { id: true, employeeId: true, jenis: true, isCurrent: true } });
  if (!doc || doc.employeeId !== req.employeeId) {
    throw Unprocessable('validation_failed', 'Dokumen tidak ditemukan di arsip pegawai ini.', [{ location: 'body', path: 'documentId', message: 'Dokumen bukan milik pegawai ini.', code: 'foreign_document' }]);
  }
  if (!spec.anyType && doc.jenis !== spec.docType) {
    throw Unprocessable('validation_failed', `Butir "${spec.label}" memerlukan dokumen jenis ${spec.docType}.`, [{ location: 'body', path: 'documentId', message: `Jenis dokumen harus ${spec.docType}.`, code: 'wrong_document_type' }]);
  }
  await claimVersion(tx, req, change.expectedVersion);
  const existing = await tx.requestItem.findUnique({ where: { requestId_key: { requestId: req.id, key: change.key } } });
  if (existing?.documentId === doc.id) return;
  const item = existing
    ? await tx.requestItem.update({ where: { id: existing.id }, data: { documentId: doc.id, verdict: 'PENDING', verdictNote: null, verdictById: null, verdictByName: null, verdictAt: null } })
    : await tx.requestItem.create({ data: { requestId: req.id, key: spec.key, label: spec.label, docType: spec.docType, required: spec.required, documentId: doc.id } });
  await tx.requestItemEvent.create({ data: { itemId: item.id, requestId: req.id, kind: existing ? 'replace' : 'attach', documentId: doc.id, actorUserId: change.actor.userId, actorName: change.actor.displayName } });
  await tx.requestDocument.createMany({ data: [{ requestId: req.id, documentId: doc.id, role: 'PENDUKUNG' }], skipDuplicates: true });
  await writeAudit(tx, change.meta, {
    action: `${def.type.toLowerCase()}.document_${existing ? 'replaced' : 'attached'}`,
    entityType: 'workflow_request',
    entityId: req.id,
    employeeId: req.employeeId,
    before: existing ? { key: change.key, documentId: existing.documentId, verdict: existing.verdict } : null,
    after: { key: change.key, documentId: doc.id, verdict: 'PENDING' },
  });
}

/** A verifier's verdict on one item (an invalid one needs a note); kept as history. */
export async function judgeItem<P>(tx: Tx, def: WorkflowDefinition<P>, req: Req<P>, change: ItemChange & { verdict: 'VALID' | 'INVALID'; note?: string | null }) {
  if (!mayJudgeChecklist(def, change.actor, req)) throw Forbidden('Anda tidak dapat memeriksa dokumen usulan ini pada status sekarang.', 'checklist_not_yours');
  const note = change.note?.trim() || null;
  if (change.verdict === 'INVALID' && !note) {
    throw Unprocessable('validation_failed', 'Keterangan wajib diisi untuk dokumen yang tidak valid.', [{ location: 'body', path: 'note', message: 'Keterangan wajib diisi.', code: 'required' }]);
  }
  specOf(def, req, change.key);
  const item = await tx.requestItem.findUnique({ where: { requestId_key: { requestId: req.id, key: change.key } } });
  if (!item?.documentId) throw Unprocessable('no_document', 'Butir ini belum berisi dokumen.');
  await claimVersion(tx, req, change.expectedVersion);
  const now = new Date();
  await tx.requestItem.update({
    where: { id: item.id },
    data: { verdict: change.verdict, verdictNote: note, verdictById: change.actor.userId, verdictByName: change.actor.displayName, verdictAt: now },
  });
  await tx.requestItemEvent.create({
    data: { itemId: item.id, requestId: req.id, at: now, kind: 'verdict', documentId: item.documentId, verdict: change.verdict, note, actorUserId: change.actor.userId, actorName: change.actor.displayName },
  });
  await writeAudit(tx, change.meta, {
    action: `${def.type.toLowerCase()}.document_verdict`,
    entityType: 'workflow_request',
    entityId: req.id,
    employeeId: req.employeeId,
    before: { key: change.key, verdict: item.verdict, note: item.verdictNote },
    after: { key: change.key, verdict: change.verdict, note, documentId: item.documentId },
  });
}

import { CHANGE_TARGET_SPECS, recordIssues, type ChangeRequestCreateBody, type ChangeRequestPayload, type FieldValue } from '@simak/shared/api/change-requests';
import type { Actor } from '../../auth/actor.ts';
import type { RequestMeta } from '../../audit/audit.ts';
import type { Db, Tx } from '../../db.ts';
import { NotFound, Unprocessable } from '../../errors.ts';
import { authorize } from '../../lib/authz.ts';
import { createRequest, transitionInTx } from '../../workflow/engine.ts';
import { assertDocumentsBelongTo } from '../documents/service.ts';
import { employeePolicy } from '../employees/policy.ts';
import { fromDb, loadRecord } from './apply.ts';
import { dataChangeChecklist, dataChangeWorkflow, directApproval } from './definition.ts';

export async function attachDocuments(tx: Tx, requestId: number, employeeId: number, documentIds: number[]) {
  const ids = [...new Set(documentIds)];
  if (!ids.length) return;
  await assertDocumentsBelongTo(tx, employeeId, ids);
  await tx.requestDocument.createMany({ data: ids.map((documentId) => ({ requestId, documentId })), skipDuplicates: true });
}

async function noVerificationFields(db: Db | Tx): Promise<string[]> {
  const row = await db.appSetting.findUnique({ where: { key: 'change_request.no_verification_fields' } });
  return Array.isArray(row?.value) ? (row!.value as string[]) : [];
}

const same = (a: FieldValue | undefined, b: FieldValue | undefined) => (a ?? null) === (b ?? null);

/** Creates a data-change proposal (or applies contact changes at once when configured so). */
export async function proposeChange(db: Db, actor: Actor, body: ChangeRequestCreateBody, meta: RequestMeta) {
  const employee = await db.employee.findUnique({ where: { id: body.employeeId }, select: { id: true, opdId: true, atasanId: true, nama: true } });
  if (!employee) throw NotFound('Pegawai');
  authorize(employeePolicy, 'proposeChange', actor, employee, 'Anda tidak berwenang mengusulkan perubahan data pegawai ini.');
  const spec = CHANGE_TARGET_SPECS[body.target];

  return db.$transaction(async (tx) => {
    const record = body.op === 'create' ? null : await loadRecord(tx, employee.id, body.target, body.recordId ?? null);
    if (body.op !== 'create' && !record) throw NotFound('Data riwayat');
    const current = fromDb(body.target, record);
    let changes = body.changes as Record<string, FieldValue>;
    if (body.op === 'update') {
      changes = Object.fromEntries(Object.entries(changes).filter(([k, v]) => !same(current[k], v)));
      if (!Object.keys(changes).length) {
        throw Unprocessable('no_changes', 'Nilai yang diusulkan sama dengan data saat ini.', [
          { location: 'body', path: 'changes', message: 'Tidak ada perubahan.', code: 'no_changes' },
        ]);
      }
    }
    // Rules between fields hold for the record as it would be (e.g. a new end date against the current start).
    const broken = body.op === 'update' ? recordIssues(body.target, { ...current, ...changes }) : [];
    if (broken.length) {
      throw Unprocessable(
        'validation_failed',
        'Data yang dikirim tidak valid.',
        broken.map((i) => ({ location: 'body', path: `changes.${i.path}`, message: i.message, code: 'custom' })),
      );
    }
    const before = body.op === 'update' ? Object.fromEntries(Object.keys(changes).map((k) => [k, current[k] ?? null])) : body.op === 'delete' ? current : {};
    const payload: ChangeRequestPayload = { target: body.target, op: body.op, recordId: body.recordId ?? null, changes, before, note: body.note ?? null };

    // The checklist asks for a supporting document (a 422 naming it when none is attached).
    const checklist = dataChangeChecklist(payload);
    const missing = checklist.filter((c) => c.required);
    if (missing.length && !body.documentIds.length) {
      throw Unprocessable('document_required', 'Lampirkan dokumen pendukung untuk usulan ini.', [
        { location: 'body', path: 'documentIds', message: `${missing.map((m) => m.label).join(', ')} wajib dilampirkan.`, code: 'required' },
      ]);
    }
    await assertDocumentsBelongTo(tx, employee.id, body.documentIds);
    // The checklist item takes the attached document of the suggested type, else the first one.
    const docs = body.documentIds.length ? await tx.document.findMany({ where: { id: { in: body.documentIds } }, select: { id: true, jenis: true } }) : [];
    const items = checklist.flatMap((c) => {
      const pick = docs.find((d) => d.jenis === c.docType) ?? docs.find((d) => d.id === body.documentIds[0]);
      return pick ? [{ key: c.key, documentId: pick.id }] : [];
    });
    const fieldLabels = Object.keys(changes).map((k) => spec.fields.find((f) => f.key === k)?.label ?? k);
    const verb = body.op === 'create' ? 'Penambahan' : body.op === 'delete' ? 'Penghapusan' : 'Perubahan';
    const title = `${verb} ${spec.label}${body.op === 'update' ? `: ${fieldLabels.join(', ')}` : ''} — ${employee.nama}`;

    const noVerify = body.target === 'profile' && body.op === 'update' && (await noVerificationFields(tx).then((f) => Object.keys(changes).every((k) => f.includes(k))));

    const req = await createRequest(
      tx,
      dataChangeWorkflow,
      {
        employeeId: employee.id,
        opdId: employee.opdId,
        title: title.slice(0, 250),
        payload,
        note: body.note ?? null,
        items,
        attachments: body.documentIds.map((documentId) => ({ documentId })),
      },
      { actor, meta },
    );
    if (noVerify) {
      return transitionInTx(tx, directApproval, {
        requestId: req.id,
        action: 'approve',
        actor: null,
        expectedVersion: req.version,
        input: { note: 'Diterapkan langsung: data kontak tidak memerlukan verifikasi.' },
        meta,
      });
    }
    return req;
  });
}

/** Applies an approved data change to the record, with its audit entry, in the approval's transaction. */
import { CHANGE_TARGET_SPECS, type ChangeRequestPayload, type FieldValue } from '@simak/shared/api/change-requests';
import { writeAudit, type RequestMeta } from '../../audit/audit.ts';
import type { Tx } from '../../db.ts';
import { Conflict, NotFound } from '../../errors.ts';
import { historyDelegate, syncEmployeeCache, type HistoryKind } from '../employees/histories.ts';

const TABLE: Record<Exclude<ChangeRequestPayload['target'], 'profile'>, string> = {
  keluarga: 'keluarga',
  pendidikan: 'riwayat_pendidikan',
  diklat: 'riwayat_diklat',
  skp: 'riwayat_skp',
  pangkat: 'riwayat_pangkat',
  jabatan: 'riwayat_jabatan',
};

/** Field values as stored: dates become Date (UTC midnight). */
export function toDb(target: ChangeRequestPayload['target'], changes: Record<string, FieldValue>) {
  const spec = CHANGE_TARGET_SPECS[target];
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(changes)) {
    const f = spec.fields.find((x) => x.key === k);
    if (!f) continue;
    out[k] = f.type === 'date' && typeof v === 'string' ? new Date(`${v}T00:00:00.000Z`) : v;
  }
  return out;
}

/** Stored values as plain JSON values (dates as YYYY-MM-DD, decimals as numbers), limited to the target's fields. */
export function fromDb(target: ChangeRequestPayload['target'], row: Record<string, unknown> | null): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  if (!row) return out;
  for (const f of CHANGE_TARGET_SPECS[target].fields) {
    const v = row[f.key];
    if (v === undefined || v === null) out[f.key] = null;
    else if (v instanceof Date) out[f.key] = v.toISOString().slice(0, 10);
    else if (typeof v === 'object' && 'toNumber' in (v as object)) out[f.key] = (v as { toNumber(): number }).toNumber();
    else out[f.key] = v as FieldValue;
  }
  return out;
}

export async function loadRecord(tx: Tx, employeeId: number, target: ChangeRequestPayload['target'], recordId: number | null) {
  if (target === 'profile') return tx.employee.findUnique({ where: { id: employeeId } }) as Promise<Record<string, unknown> | null>;
  if (!recordId) return null;
  const row = await historyDelegate(tx, target as HistoryKind).findUnique({ where: { id: recordId } });
  return row && row.employeeId === employeeId ? row : null;
}

/** Returns the id of the affected record (the new one for a create). */
export async function applyChange(
  tx: Tx,
  request: { id: number; employeeId: number; payload: ChangeRequestPayload },
  meta: RequestMeta,
): Promise<number | null> {
  const p = request.payload;
  const data = toDb(p.target, p.changes);
  if (p.target === 'profile') {
    const before = await tx.employee.findUnique({ where: { id: request.employeeId } });
    if (!before) throw NotFound('Pegawai');
    const after = await tx.employee.update({ where: { id: request.employeeId }, data: { ...data, version: { increment: 1 } } });
    await writeAudit(tx, meta, {
      action: 'employee.updated',
      entityType: 'employee',
      entityId: request.employeeId,
      employeeId: request.employeeId,
      before: fromDb('profile', before as unknown as Record<string, unknown>),
      after: { ...fromDb('profile', after as unknown as Record<string, unknown>), changeRequestId: request.id },
    });
    return request.employeeId;
  }
  const kind = p.target as HistoryKind;
  const delegate = historyDelegate(tx, kind);
  const entityType = TABLE[p.target];
  let id: number | null = p.recordId;
  if (p.op === 'create') {
    const extra: Record<string, unknown> = { employeeId: request.employeeId };
    if (p.target === 'jabatan') {
      const emp = await tx.employee.findUniqueOrThrow({ where: { id: request.employeeId }, select: { opdId: true } });
      extra.opdId = emp.opdId;
    }
    try {
      const row = await delegate.create({ data: { ...data, ...extra } });
      id = row.id as number;
      await writeAudit(tx, meta, { action: `${entityType}.created`, entityType, entityId: id, employeeId: request.employeeId, after: { ...fromDb(p.target, row), changeRequestId: request.id } });
    } catch (err) {
      if ((err as { code?: string }).code === 'P2002') throw Conflict('duplicate_record', 'Data riwayat yang sama sudah ada.');
      throw err;
    }
  } else {
    const before = await loadRecord(tx, request.employeeId, p.target, p.recordId);
    if (!before) throw Conflict('record_gone', 'Data riwayat yang diusulkan untuk diubah sudah tidak ada.');
    if (p.op === 'delete') {
      await delegate.delete({ where: { id: p.recordId } });
      await writeAudit(tx, meta, { action: `${entityType}.deleted`, entityType, entityId: p.recordId!, employeeId: request.employeeId, before: fromDb(p.target, before), after: { changeRequestId: request.id } });
    } else {
      const after = await delegate.update({ where: { id: p.recordId }, data });
      await writeAudit(tx, meta, {
        action: `${entityType}.updated`,
        entityType,
        entityId: p.recordId!,
        employeeId: request.employeeId,
        before: fromDb(p.target, before),
        after: { ...fromDb(p.target, after), changeRequestId: request.id },
      });
    }
  }
  // The history row points at its supporting document (the request's attachment of the target's type, else the first).
  if (id && p.op !== 'delete') {
    const docs = await tx.requestDocument.findMany({ where: { requestId: request.id }, include: { document: { select: { id: true, jenis: true } } } });
    const want = CHANGE_TARGET_SPECS[p.target].documentType;
    const doc = docs.find((d) => d.document.jenis === want) ?? docs[0];
    if (doc) await delegate.update({ where: { id }, data: { documentId: doc.document.id } });
  }
  if (['pangkat', 'jabatan', 'pendidikan'].includes(p.target)) await syncEmployeeCache(tx, request.employeeId);
  return id;
}

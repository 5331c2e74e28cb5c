import { CHANGE_TARGET_SPECS, type ChangeRequestPayload } from '@simak/shared/api/change-requests';
import type { Db } from '../../db.ts';
import type { Req } from '../../workflow/engine.ts';
import { fromDb, loadRecord } from './apply.ts';

/** Per-field diff: value when proposed → proposed value, plus the value now (it may have changed since). */
export async function presentDataChange(db: Db, req: Req<ChangeRequestPayload>) {
  const p = req.payload;
  const spec = CHANGE_TARGET_SPECS[p.target];
  const current = fromDb(p.target, await loadRecord(db as never, req.employeeId, p.target, p.op === 'create' ? null : p.recordId));
  const keys = p.op === 'delete' ? spec.fields.map((f) => f.key) : Object.keys(p.changes);
  const diff = keys.map((key) => {
    const f = spec.fields.find((x) => x.key === key);
    return {
      field: key,
      label: f?.label ?? key,
      type: f?.type ?? 'text',
      before: p.op === 'create' ? null : (p.before[key] ?? null),
      after: p.op === 'delete' ? null : (p.changes[key] ?? null),
      current: p.op === 'create' ? null : (current[key] ?? null),
    };
  });
  return { target: p.target, targetLabel: spec.label, op: p.op, recordId: p.recordId, appliedRecordId: p.appliedRecordId ?? null, diff };
}

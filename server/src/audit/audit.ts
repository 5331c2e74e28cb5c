/**
 * Append-only audit log. Every state change writes its row with the same
 * transaction client (tx), so a change and its audit entry commit together.
 */
import type { Request } from 'express';
import type { Db, Tx } from '../db.ts';
import { Prisma } from '../generated/prisma/client.ts';

export interface RequestMeta {
  actorUserId: number | null;
  requestId?: string | null;
  ip?: string | null;
}

export function metaFrom(req: Request): RequestMeta {
  const user = req.user as { userId?: number } | undefined;
  return { actorUserId: user?.userId ?? null, requestId: String(req.id ?? ''), ip: req.ip ?? null };
}

export const systemMeta = (what = 'system'): RequestMeta => ({ actorUserId: null, requestId: what, ip: null });

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | number;
  employeeId?: number | null;
  before?: unknown;
  after?: unknown;
}

const json = (v: unknown) =>
  v === undefined || v === null ? Prisma.JsonNull : (JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x))) as Prisma.InputJsonValue);

export async function writeAudit(tx: Pick<Tx, 'auditLog'>, meta: RequestMeta, entry: AuditEntry | AuditEntry[]) {
  const entries = Array.isArray(entry) ? entry : [entry];
  if (!entries.length) return;
  await tx.auditLog.createMany({
    data: entries.map((e) => ({
      action: e.action,
      entityType: e.entityType,
      entityId: String(e.entityId),
      employeeId: e.employeeId ?? null,
      before: json(e.before),
      after: json(e.after),
      actorUserId: meta.actorUserId,
      requestId: meta.requestId ?? null,
      ip: meta.ip ?? null,
    })),
  });
}

/**
 * Records who read personal data (a document viewed or downloaded, a bulk export):
 * not a state change, so it needs no business transaction, but the personal-data law
 * (UU 27/2022) expects access to be traceable. Written before the data is sent.
 */
export async function auditAccess(db: Db, meta: RequestMeta, entry: AuditEntry) {
  await writeAudit(db, meta, entry);
}

/** The fields that differ between two flat objects, as { field: { from, to } }. */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = norm(before[k]);
    const b = norm(after[k]);
    if (JSON.stringify(a) !== JSON.stringify(b)) out[k] = { from: a ?? null, to: b ?? null };
  }
  return out;
}
const norm = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);

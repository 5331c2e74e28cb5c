import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db.ts';
import { can } from '../../lib/authz.ts';
import { availableActions, timeline, type Req } from '../../workflow/engine.ts';
import { workflowOf } from '../../workflow/registry.ts';
import { documentPolicy } from '../documents/policy.ts';

const DAY = 86_400_000;

type ListRow = Req<unknown> & { employee: { id: number; nip: string; nama: string; gelarDepan: string | null; gelarBelakang: string | null }; opd?: { kode: string; nama: string } | null };

export function fullName(e: { nama: string; gelarDepan: string | null; gelarBelakang: string | null }) {
  return [e.gelarDepan, e.nama].filter(Boolean).join(' ') + (e.gelarBelakang ? `, ${e.gelarBelakang}` : '');
}

/** A request as a list row: whitelisted fields, state label and the actions the actor may take. */
export function presentRequestRow(actor: Actor, r: ListRow) {
  const entry = workflowOf(r.type);
  const state = entry?.def.states[r.state];
  return {
    id: r.id,
    type: r.type,
    typeLabel: entry?.def.label ?? r.type,
    state: r.state,
    stateLabel: state?.label ?? r.state,
    tone: state?.tone ?? 'gray',
    final: !!state?.final,
    version: r.version,
    title: r.title,
    employee: { id: r.employee.id, nip: r.employee.nip, nama: fullName(r.employee) },
    opd: r.opd ? { kode: r.opd.kode, nama: r.opd.nama } : null,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    stateSince: r.stateSince.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
    ageDays: Math.floor((Date.now() - (r.submittedAt ?? r.createdAt).getTime()) / DAY),
    actions: entry ? availableActions(entry.def, actor, r) : [],
  };
}

/** The full request page: row fields, type-specific details, documents and timeline. */
export async function presentRequestDetail(db: Db, actor: Actor, r: ListRow) {
  const entry = workflowOf(r.type);
  const [details, events, docs] = await Promise.all([
    entry?.present ? entry.present(db, r) : Promise.resolve({}),
    timeline(db, r.id),
    db.requestDocument.findMany({ where: { requestId: r.id }, include: { document: true }, orderBy: { documentId: 'asc' } }),
  ]);
  const mayDownload = can(documentPolicy, 'download', actor, { employeeId: r.employeeId, opdId: r.opdId });
  return {
    ...presentRequestRow(actor, r),
    details,
    documents: docs.map(({ document: d, role }) => ({
      id: d.id,
      jenis: d.jenis,
      title: d.title,
      originalName: d.originalName,
      mimeType: d.mimeType,
      sizeBytes: d.sizeBytes,
      version: d.version,
      role,
      createdAt: d.createdAt.toISOString(),
      downloadUrl: mayDownload ? `/api/documents/${d.id}/download` : null,
      viewUrl: mayDownload ? `/api/documents/${d.id}/view` : null,
    })),
    timeline: events.map((e) => ({ ...e, toStateLabel: entry?.def.states[e.toState]?.label ?? e.toState })),
  };
}

import { fullName } from '../../lib/names.ts';
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db.ts';
import { can } from '../../lib/authz.ts';
import type { Memo } from '../../lib/batch.ts';
import { isAssignedTo } from '../../workflow/assignee.ts';
import { checklistHistory, checklistState, mayEditChecklist, mayJudgeChecklist, type ChecklistRow } from '../../workflow/checklist.ts';
import { availableActions, loadSettings, timeline, type Req } from '../../workflow/engine.ts';
import { workflowOf } from '../../workflow/registry.ts';
import { documentPolicy } from '../documents/policy.ts';

const DAY = 86_400_000;

type ListRow = Req<unknown> & { payloadBroken?: boolean; employee: { id: number; nip: string; nama: string; gelarDepan: string | null; gelarBelakang: string | null }; opd?: { kode: string; nama: string } | null };

export { fullName };

export interface ChecklistSummary {
  total: number;
  required: number;
  missingRequired: number;
  valid: number;
  invalid: number;
}

/** Checklist counts for a page of rows: one query for their items, the specs from the definitions. */
export async function checklistSummaries(db: Db, rows: ListRow[]): Promise<Map<number, ChecklistSummary>> {
  const items = rows.length
    ? await db.requestItem.findMany({ where: { requestId: { in: rows.map((r) => r.id) } }, select: { requestId: true, key: true, documentId: true, verdict: true } })
    : [];
  const out = new Map<number, ChecklistSummary>();
  for (const r of rows) {
    const entry = workflowOf(r.type);
    const spec = entry?.def.checklist && !r.payloadBroken ? entry.def.checklist(r.payload, r.variant) : [];
    const mine = new Map(items.filter((i) => i.requestId === r.id && i.documentId != null).map((i) => [i.key, i]));
    const filled = (k: string) => mine.has(k);
    out.set(r.id, {
      total: spec.length,
      required: spec.filter((s) => s.required).length,
      missingRequired: spec.filter((s) => s.required && !filled(s.key)).length,
      valid: [...mine.values()].filter((i) => i.verdict === 'VALID').length,
      invalid: [...mine.values()].filter((i) => i.verdict === 'INVALID').length,
    });
  }
  return out;
}

/** The date a request is due for: its payload's TMT (KGB), else none. */
export function dueDateOf(payload: unknown): string | null {
  const tmt = payload && typeof payload === 'object' ? (payload as Record<string, unknown>).tmt : undefined;
  return typeof tmt === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(tmt) ? tmt : null;
}

/** A request as a list row: whitelisted fields, state label, who acts next, and the actions the actor may take (guards evaluated). */
/** Settings per request type, loaded once for a page of rows. */
export type SettingsCache = Map<string, Promise<Record<string, unknown>>>;

export async function presentRequestRow(
  db: Db,
  actor: Actor,
  r: ListRow,
  opts: { checklist?: ChecklistSummary; settings?: SettingsCache; checklistRows?: Promise<ChecklistRow[]>; memo?: Memo } = {},
) {
  const entry = workflowOf(r.type);
  const cache = opts.settings ?? new Map();
  let settings = cache.get(r.type);
  if (entry && !settings) cache.set(r.type, (settings = loadSettings(db, entry.def)));
  const checklist = opts.checklist;
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
    dueDate: dueDateOf(r.payload),
    variant: r.variant,
    batchId: r.batchId,
    assignedToMe: isAssignedTo(actor, r),
    checklist: checklist ?? null,
    /** The stored data no longer matches its type: shown, never acted on. */
    damaged: !!r.payloadBroken,
    actions: entry && !r.payloadBroken ? await availableActions(db, entry.def, actor, r, { settings, checklist: opts.checklistRows, memo: opts.memo }) : [],
  };
}

/**
 * A page of rows: the settings of each type loaded once, the rows presented concurrently,
 * their guards sharing batch loaders (one query per table per page, not per row).
 */
export function presentRows(db: Db, actor: Actor, rows: ListRow[], summaries: Map<number, ChecklistSummary>) {
  const cache: SettingsCache = new Map();
  const memo: Memo = new Map();
  return Promise.all(rows.map((r) => presentRequestRow(db, actor, r, { checklist: summaries.get(r.id), settings: cache, memo })));
}

/** The full request page: row fields, type-specific details, documents and timeline. */
export async function presentRequestDetail(db: Db, actor: Actor, r: ListRow) {
  const entry = workflowOf(r.type);
  // The checklist is read once: for the panel and for the actions' checklist conditions.
  const rows: Promise<ChecklistRow[]> = entry && !r.payloadBroken ? checklistState(db, entry.def, r) : Promise.resolve([]);
  const [details, events, docs, checklist, history, row] = await Promise.all([
    entry?.present && !r.payloadBroken ? entry.present(db, r) : Promise.resolve({}),
    timeline(db, r.id),
    db.requestDocument.findMany({ where: { requestId: r.id }, include: { document: true }, orderBy: { documentId: 'asc' } }),
    rows,
    checklistHistory(db, r.id),
    presentRequestRow(db, actor, r, { checklistRows: rows }),
  ]);
  const mayDownload = can(documentPolicy, 'download', actor, { employeeId: r.employeeId, opdId: r.opdId });
  const docUrls = (id: number) => ({ downloadUrl: mayDownload ? `/api/documents/${id}/download` : null, viewUrl: mayDownload ? `/api/documents/${id}/view` : null });
  return {
    ...row,
    details,
    checklist: {
      // A document's metadata follows its download policy: who may not download it (e.g. the
      // atasan approving a request) sees that a document is attached, not its name or size.
      items: checklist.map((c) => ({
        ...c,
        document: c.document && mayDownload ? { ...c.document, ...docUrls(c.document.id) } : null,
        documentHidden: !!c.document && !mayDownload,
        history: history.filter((h) => h.key === c.key),
      })),
      /** The submitter may attach or replace documents now. */
      canEdit: entry ? mayEditChecklist(entry.def, actor, r) : false,
      /** The actor may mark documents valid or invalid now. */
      canJudge: entry ? mayJudgeChecklist(entry.def, actor, r) : false,
    },
    documentsHidden: mayDownload ? 0 : docs.length,
    documents: (mayDownload ? docs : []).map(({ document: d, role }) => ({
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

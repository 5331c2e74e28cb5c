/**
 * The verification engine's operations: visibility and list scope (including what is
 * assigned to the actor), the actions the actor may take (guards evaluated with their
 * reasons), set-based creation, and transitions — each state change in one transaction
 * with its timeline event and audit row, and a stale version answered with 409.
 */
import { parseStored } from '@simak/shared/api/primitives';
import type { Actor } from '../auth/actor.ts';
import { writeAudit, type RequestMeta } from '../audit/audit.ts';
import type { Db, Tx } from '../db.ts';
import { AppError, Conflict, Forbidden, InvalidState, NotFound, Unprocessable, validationError } from '../errors.ts';
import { Prisma, type WorkflowRequest } from '../generated/prisma/client.ts';
import type { Role } from '../generated/prisma/enums.ts';
import { hasRole, isBkd, isSelf, managesOpd } from '../lib/authz.ts';
import { announceRequestChange } from './announce.ts';
import type { Memo } from '../lib/batch.ts';
import { assignedScope, assigneeColumns, isAssignedTo } from './assignee.ts';
import { checklistState, type ChecklistRow } from './checklist.ts';
import { stateOf, type ChecklistItemSpec, type GuardBlock, Req, TransitionDef, TransitionInput, WorkflowDefinition } from './types.ts';

export type { Req } from './types.ts';

const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue;

/** Generic visibility: BKD roles, the OPD admin of the request's OPD, the employee, their atasan, and whoever it waits for. */
export function canViewRequest(def: WorkflowDefinition<unknown>, actor: Actor, req: WorkflowRequest, atasanId?: number | null) {
  if (def.canView) return def.canView(actor, req);
  return isBkd(actor) || managesOpd(actor, req.opdId) || isSelf(actor, req.employeeId) || isSelf(actor, atasanId ?? null) || isAssignedTo(actor, req);
}

/** SQL scope of the requests an actor may list: the same rule as canViewRequest. */
export function requestScope(actor: Actor): Prisma.WorkflowRequestWhereInput {
  if (isBkd(actor)) return {};
  const or: Prisma.WorkflowRequestWhereInput[] = [];
  if (hasRole(actor, 'OPD_ADMIN') && actor.scopeOpdIds.length) or.push({ opdId: { in: actor.scopeOpdIds } });
  if (actor.employeeId != null) {
    or.push({ employeeId: actor.employeeId });
    or.push({ employee: { atasanId: actor.employeeId } });
  }
  or.push(assignedScope(actor));
  return { OR: or };
}

// ---------------------------------------------------------------------------
// Settings declared by the definitions

/** The settings a definition declares, read from app_setting (invalid or missing → the default). */
export async function loadSettings<P>(db: Db | Tx, def: WorkflowDefinition<P>): Promise<Record<string, unknown>> {
  const decls = Object.entries(def.settings ?? {});
  if (!decls.length) return {};
  const rows = await db.appSetting.findMany({ where: { key: { in: decls.map(([, d]) => d.key) } } });
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  return Object.fromEntries(
    decls.map(([name, d]) => {
      const r = d.schema.safeParse(byKey.get(d.key));
      return [name, r.success ? r.data : d.default];
    }),
  );
}

// ---------------------------------------------------------------------------
// Actions

function isOwnRequest(actor: Actor, req: Pick<WorkflowRequest, 'employeeId' | 'createdById'>) {
  return isSelf(actor, req.employeeId) || (req.createdById != null && req.createdById === actor.userId);
}

/** The static part of the permission: state, roles, ownership, the definition's allow rule. */
export function mayTake<P>(t: TransitionDef<P>, actor: Actor | null, req: Req<P>): boolean {
  if (!t.from.includes(req.state)) return false;
  if (!actor) return true; // the system (jobs, scans)
  if (t.systemOnly) return false;
  if (t.roles && !t.roles.some((r: Role) => actor.roles.includes(r))) return false;
  if (t.notSelf && isOwnRequest(actor, req)) return false;
  if (t.allow && !t.allow(actor, req)) return false;
  return true;
}

const labelList = (items: { label: string }[]) => items.map((i) => i.label).join(', ');

/** The checklist conditions of a transition, as a reason it cannot be taken (or null). */
function checklistReason<P>(t: TransitionDef<P>, rows: ChecklistRow[]): string | null {
  if (t.submits) {
    const missing = rows.filter((r) => r.required && !r.document);
    if (missing.length) return `Dokumen wajib belum dilampirkan: ${labelList(missing)}.`;
    const invalid = rows.filter((r) => r.verdict === 'INVALID');
    if (invalid.length) return `Ganti dahulu dokumen yang tidak valid: ${labelList(invalid)}.`;
  }
  if (t.returnsInvalidItems && !rows.some((r) => r.verdict === 'INVALID')) {
    return 'Tandai dahulu dokumen yang tidak valid pada daftar periksa.';
  }
  return null;
}

const asBlock = (b: string | GuardBlock | null): GuardBlock | null => (b === null ? null : typeof b === 'string' ? { reason: b } : b);

/** Why a transition cannot be taken now (guard or checklist), or null. */
async function blockedReason<P>(
  db: Db | Tx,
  def: WorkflowDefinition<P>,
  t: TransitionDef<P>,
  actor: Actor | null,
  req: Req<P>,
  settings: Record<string, unknown>,
  checklist: () => Promise<ChecklistRow[]>,
  memo?: Memo,
): Promise<GuardBlock | null> {
  if ((t.submits || t.returnsInvalidItems) && def.checklist) {
    const rows = await checklist();
    const reason = checklistReason(t, rows);
    if (reason) {
      const missing = t.submits ? rows.filter((r) => r.required && !r.document).map((r) => r.key) : [];
      return missing.length ? { reason, code: 'document_required', details: { missing } } : { reason };
    }
  }
  if (t.requiresValidDocuments && def.checklist) {
    const open = (await checklist()).filter((r) => r.document && r.verdict !== 'VALID');
    if (open.length) return { code: 'documents_not_verified', reason: `Nilai dahulu semua dokumen sebagai sah: ${labelList(open)}.`, details: { items: open.map((o) => o.key) } };
  }
  return t.guard ? asBlock(await t.guard({ db, request: req, actor, settings, memo })) : null;
}

export interface ActionView {
  action: string;
  label: string;
  requiresNote: boolean;
  intent: 'primary' | 'danger' | 'default';
  /** False when a guard holds it back: shown disabled with the reason. */
  enabled: boolean;
  reason: string | null;
}

/**
 * The actions the actor may take now, each with its guard evaluated: the UI shows only
 * these, and a disabled one with its reason. The transition checks the same rules.
 */
export async function availableActions<P>(
  db: Db | Tx,
  def: WorkflowDefinition<P>,
  actor: Actor,
  req: Req<P>,
  /** What the caller loaded already: the definition's settings (a list page loads them once per type), the checklist (the request page shows it). */
  preloaded: { settings?: Promise<Record<string, unknown>>; checklist?: Promise<ChecklistRow[]>; memo?: Memo } = {},
): Promise<ActionView[]> {
  const candidates = def.transitions.filter((t) => mayTake(t, actor, req));
  if (!candidates.length) return [];
  const settings = await (preloaded.settings ?? loadSettings(db, def));
  let rows: Promise<ChecklistRow[]> | undefined = preloaded.checklist;
  const checklist = () => (rows ??= checklistState(db, def, req));
  return Promise.all(
    candidates.map(async (t) => {
      const block = await blockedReason(db, def, t, actor, req, settings, checklist, preloaded.memo);
      return { action: t.action, label: t.label, requiresNote: !!t.requiresNote, intent: t.intent ?? 'default', enabled: block === null, reason: block?.reason ?? null };
    }),
  );
}

// ---------------------------------------------------------------------------
// Creation

export interface NewRequest<P> {
  employeeId: number;
  opdId: number;
  title: string;
  payload: P;
  /** Defaults to the definition's initial state. */
  state?: string;
  dedupeKey?: string | null;
  variant?: string | null;
  batchId?: number | null;
  note?: string | null;
  /** Checklist items filled at creation (from the vault or an upload), by checklist key. */
  items?: { key: string; documentId: number }[];
  /** Other documents linked to the request (role, e.g. PENDUKUNG, DASAR). */
  attachments?: { documentId: number; role?: string }[];
}

export interface CreateOptions {
  actor: Actor | null;
  meta: RequestMeta;
  /** Name on the timeline when the system creates (default "Sistem"). */
  systemName?: string;
}

export interface CreatedRequest {
  id: number;
  employeeId: number;
  state: string;
  version: number;
  dedupeKey: string | null;
}

/**
 * Creates requests set-based inside the caller's transaction: payloads validated, one
 * statement each for the requests, their timeline events, checklist items and their history,
 * document links and audit rows. A request whose dedupe key exists already is skipped
 * (not returned), so scans can rerun safely.
 */
export async function createRequests<P>(tx: Tx, def: WorkflowDefinition<P>, items: readonly NewRequest<P>[], opts: CreateOptions): Promise<CreatedRequest[]> {
  if (!items.length) return [];
  const payloads = items.map((it) => {
    const parsed = def.payload.safeParse(it.payload);
    if (!parsed.success) throw validationError(parsed.error);
    return parsed.data;
  });
  const states = items.map((it) => it.state ?? def.initial);
  for (const s of states) if (!(s in def.states)) throw new Error(`unknown state ${s} for ${def.type}`);

  // Atasan of the employees (only when a state assigns to them).
  const needsAtasan = states.some((s) => stateOf(def.states, s)?.assignee?.person === 'atasan');
  const atasan = new Map<number, number | null>();
  if (needsAtasan) {
    const rows = await tx.employee.findMany({ where: { id: { in: [...new Set(items.map((i) => i.employeeId))] } }, select: { id: true, atasanId: true } });
    for (const r of rows) atasan.set(r.id, r.atasanId);
  }

  // One statement per table, each carrying its rows as column arrays (unnest): a scan's batch of
  // thousands costs a handful of round trips and parameters however many rows it has.
  const now = new Date();
  const assignees = items.map((it, i) =>
    assigneeColumns(stateOf(def.states, states[i]!)?.assignee, { employeeId: it.employeeId, atasanId: atasan.get(it.employeeId) ?? null }),
  );
  const finals = states.map((st) => !!stateOf(def.states, st)?.final);
  const created = await tx.$queryRaw<CreatedRequest[]>`
    INSERT INTO workflow_request (type, state, employee_id, opd_id, title, payload, created_by_id, submitted_at, state_since, created_at, updated_at,
                                  closed_at, dedupe_key, variant, batch_id, assignee_roles, assignee_employee_id)
    SELECT ${def.type}, x.state, x.employee_id, x.opd_id, x.title, x.payload::jsonb, ${opts.actor?.userId ?? null}::int, ${now}, ${now}, ${now}, ${now},
           CASE WHEN x.final THEN ${now}::timestamp(3) END, x.dedupe_key, x.variant, x.batch_id,
           ARRAY(SELECT jsonb_array_elements_text(x.roles::jsonb)), x.assignee
    FROM unnest(
      ${states}::text[], ${items.map((it) => it.employeeId)}::int[], ${items.map((it) => it.opdId)}::int[], ${items.map((it) => it.title)}::text[],
      ${payloads.map((p) => JSON.stringify(p))}::text[], ${finals}::boolean[], ${items.map((it) => it.dedupeKey ?? null)}::text[],
      ${items.map((it) => it.variant ?? null)}::text[], ${items.map((it) => it.batchId ?? null)}::int[],
      ${assignees.map((a) => JSON.stringify(a.assigneeRoles))}::text[], ${assignees.map((a) => a.assigneeEmployeeId)}::int[]
    ) WITH ORDINALITY AS x(state, employee_id, opd_id, title, payload, final, dedupe_key, variant, batch_id, roles, assignee, ord)
    ORDER BY x.ord
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id, employee_id AS "employeeId", state, version, dedupe_key AS "dedupeKey"`;
  if (!created.length) return [];

  // Match the created rows to the inputs (by dedupe key when there is one, else in order).
  const byKey = new Map(items.map((it, i) => [it.dedupeKey ?? `#${i}`, i] as const));
  const index = created.map((c, k) => (c.dedupeKey != null ? byKey.get(c.dedupeKey)! : k));
  const actorName = opts.actor?.displayName ?? opts.systemName ?? 'Sistem';
  const actorId = opts.actor?.userId ?? null;

  await tx.$executeRaw`
    INSERT INTO request_event (request_id, at, actor_user_id, actor_name, action, from_state, to_state, note)
    SELECT x.id, ${now}, ${actorId}::int, ${actorName}, 'create', NULL, x.state, x.note
    FROM unnest(${created.map((c) => c.id)}::int[], ${created.map((c) => c.state)}::text[], ${index.map((i) => items[i]!.note ?? null)}::text[]) AS x(id, state, note)`;

  const links = created.flatMap((c, k) => {
    const it = items[index[k]!]!;
    return [...(it.items ?? []).map((x) => ({ documentId: x.documentId, role: 'PENDUKUNG' })), ...(it.attachments ?? []).map((a) => ({ documentId: a.documentId, role: a.role ?? 'PENDUKUNG' }))].map((l) => ({
      requestId: c.id,
      documentId: l.documentId,
      role: l.role,
    }));
  });
  if (links.length) {
    await tx.$executeRaw`
      INSERT INTO request_document (request_id, document_id, role)
      SELECT x.r, x.d, x.role FROM unnest(${links.map((l) => l.requestId)}::int[], ${links.map((l) => l.documentId)}::int[], ${links.map((l) => l.role)}::text[]) AS x(r, d, role)
      ON CONFLICT DO NOTHING`;
  }

  // Checklist items filled at creation: only keys the checklist declares.
  const itemRows = def.checklist
    ? created.flatMap((c, k) => {
        const it = items[index[k]!]!;
        if (!it.items?.length) return [];
        const spec = new Map(def.checklist!(payloads[index[k]!]!, it.variant ?? null).map((s, sort) => [s.key, { s, sort }]));
        return it.items.flatMap((x) => {
          const m = spec.get(x.key);
          if (!m) throw Unprocessable('unknown_checklist_item', `Dokumen "${x.key}" tidak ada dalam daftar periksa ${def.label}.`);
          return [{ requestId: c.id, key: x.key, label: m.s.label, docType: m.s.docType, required: m.s.required, documentId: x.documentId, sort: m.sort }];
        });
      })
    : [];
  if (itemRows.length) {
    await tx.$executeRaw`
      WITH made AS (
        INSERT INTO request_item (request_id, key, label, doc_type, required, document_id, sort)
        SELECT x.r, x.key, x.label, x.doc_type::"DocumentType", x.required, x.d, x.sort
        FROM unnest(${itemRows.map((r) => r.requestId)}::int[], ${itemRows.map((r) => r.key)}::text[], ${itemRows.map((r) => r.label)}::text[],
                    ${itemRows.map((r) => r.docType)}::text[], ${itemRows.map((r) => r.required)}::boolean[], ${itemRows.map((r) => r.documentId)}::int[],
                    ${itemRows.map((r) => r.sort)}::int[]) AS x(r, key, label, doc_type, required, d, sort)
        RETURNING id, request_id, document_id)
      INSERT INTO request_item_event (item_id, request_id, at, kind, document_id, actor_user_id, actor_name)
      SELECT id, request_id, ${now}, 'attach', document_id, ${actorId}::int, ${actorName} FROM made`;
  }
  await tx.$executeRaw`
    INSERT INTO audit_log (at, action, entity_type, entity_id, employee_id, after, actor_user_id, request_id, ip)
    SELECT ${now}, ${`${def.type.toLowerCase()}.created`}, 'workflow_request', x.id::text, x.employee_id, x.after::jsonb, ${opts.meta.actorUserId}::int, ${opts.meta.requestId ?? null}, ${opts.meta.ip ?? null}
    FROM unnest(${created.map((c) => c.id)}::int[], ${created.map((c) => c.employeeId)}::int[],
                ${created.map((c, k) => JSON.stringify({ state: c.state, payload: payloads[index[k]!] }))}::text[]) AS x(id, employee_id, after)`;
  return created;
}

/** Creates one request (see createRequests); a duplicate dedupe key is a 409. */
export async function createRequest<P>(tx: Tx, def: WorkflowDefinition<P>, item: NewRequest<P>, opts: CreateOptions): Promise<CreatedRequest> {
  const [created] = await createRequests(tx, def, [item], opts);
  if (!created) throw Conflict('duplicate_request', 'Usulan yang sama sudah ada.');
  return created;
}

// ---------------------------------------------------------------------------
// Transitions

export interface TransitionArgs {
  requestId: number;
  action: string;
  actor: Actor | null;
  expectedVersion: number;
  input?: TransitionInput;
  meta: RequestMeta;
}

/**
 * Takes one action on a request: checks the definition, the actor, the input, the guard and
 * the checklist, claims the version (a stale version → 409), runs the side effect, moves the
 * assignee, writes the timeline event and the audit row — all in one transaction.
 */
export async function transition<P>(db: Db, def: WorkflowDefinition<P>, args: TransitionArgs): Promise<Req<P>> {
  return db.$transaction(async (tx) => transitionInTx(tx, def, args), { timeout: 60_000 });
}

/** Reads a request of the definition's type with its payload validated again. */
export async function loadRequest<P>(db: Db | Tx, def: WorkflowDefinition<P>, id: number): Promise<Req<P> | null> {
  const row = await db.workflowRequest.findUnique({ where: { id } });
  if (!row || row.type !== def.type) return null;
  return { ...row, payload: parsePayload(def, row) };
}

/**
 * A stored payload validated again with the definition's schema, structurally: the rules relative
 * to today judged it when it was written (parseStored). Success false for a damaged row.
 */
export function tryParsePayload<P>(def: WorkflowDefinition<P>, row: { payload: unknown }) {
  return parseStored(() => def.payload.safeParse(row.payload));
}

/** A stored payload validated again; a damaged row is never silently used (409: nothing can be done on it). */
export function parsePayload<P>(def: WorkflowDefinition<P>, row: { id: number; payload: unknown }): P {
  const r = tryParsePayload(def, row);
  if (!r.success) throw new AppError(409, 'invalid_payload', `Data usulan #${row.id} rusak (tidak sesuai jenis ${def.label}); hubungi admin BKD.`);
  return r.data;
}

export async function transitionInTx<P>(tx: Tx, def: WorkflowDefinition<P>, args: TransitionArgs): Promise<Req<P>> {
  const { actor, input = {} } = args;
  const req = await loadRequest(tx, def, args.requestId);
  if (!req) throw NotFound('Usulan');
  const t = def.transitions.find((x) => x.action === args.action);
  if (!t) throw Unprocessable('unknown_action', `Tindakan "${args.action}" tidak dikenal.`);
  if (req.version !== args.expectedVersion) {
    throw Conflict('stale_version', 'Usulan ini sudah diubah oleh orang lain. Muat ulang untuk melihat keadaan terbaru.', {
      currentVersion: req.version,
      state: req.state,
    });
  }
  if (!t.from.includes(req.state)) {
    throw InvalidState('invalid_state', `Tindakan "${t.label}" tidak dapat dilakukan pada status ${stateOf(def.states, req.state)?.label ?? req.state}.`, {
      state: req.state,
    });
  }
  if (!mayTake(t, actor, req)) {
    if (actor && t.notSelf && isOwnRequest(actor, req)) throw Forbidden('Anda tidak dapat memverifikasi usulan Anda sendiri.', 'self_approval');
    throw Forbidden();
  }
  const note = input.note?.trim() || null;
  if (t.requiresNote && !note) {
    throw Unprocessable('validation_failed', 'Alasan wajib diisi.', [{ location: 'body', path: 'note', message: 'Alasan wajib diisi.', code: 'required' }]);
  }
  let data = input.data;
  if (t.input) {
    const r = t.input.safeParse(input.data ?? {});
    if (!r.success) throw validationError(r.error);
    data = r.data;
  }
  const settings = await loadSettings(tx, def);
  let rows: ChecklistRow[] | null = null;
  const checklist = async () => (rows ??= await checklistState(tx, def, req));
  const block = await blockedReason(tx, def, t, actor, req, settings, checklist);
  if (block) throw new AppError(block.status ?? 422, block.code ?? 'action_unavailable', block.reason, { reason: block.reason, ...block.details });
  const to = t.next ? t.next(req, settings) : t.to;
  const toState = stateOf(def.states, to);
  if (!toState) throw new Error(`unknown target state ${to} for ${def.type}`);
  const atasanId = toState.assignee?.person === 'atasan' ? ((await tx.employee.findUnique({ where: { id: req.employeeId }, select: { atasanId: true } }))?.atasanId ?? null) : null;

  // Claim the version: a concurrent action on the same request blocks here, then finds 0 rows → 409.
  const now = new Date();
  const claimed = await tx.workflowRequest.updateMany({
    where: { id: req.id, version: args.expectedVersion },
    data: {
      state: to,
      version: { increment: 1 },
      stateSince: now,
      closedAt: toState.final ? now : null,
      ...assigneeColumns(toState.final ? undefined : toState.assignee, { employeeId: req.employeeId, atasanId }),
    },
  });
  if (claimed.count !== 1) {
    throw Conflict('stale_version', 'Usulan ini sudah diproses oleh orang lain. Muat ulang untuk melihat keadaan terbaru.');
  }
  await announceRequestChange(tx, { id: req.id, type: req.type, employeeId: req.employeeId, opdId: req.opdId, state: to, version: req.version + 1 });
  // "Berkas tidak lengkap": the timeline names exactly the invalid items.
  const invalid = t.returnsInvalidItems ? (await checklist()).filter((r) => r.verdict === 'INVALID') : [];
  const fullNote = invalid.length
    ? [`Dokumen tidak valid: ${invalid.map((r) => (r.verdictNote ? `${r.label} — ${r.verdictNote.replace(/[.\s]+$/, '')}` : r.label)).join('; ')}.`, note].filter(Boolean).join(' ')
    : note;
  const fx = t.effect ? await t.effect({ tx, request: req, actor, meta: args.meta, input: { note, data }, from: req.state, to, settings }) : undefined;
  if (fx && fx.payload !== undefined) {
    const parsed = def.payload.safeParse(fx.payload);
    if (!parsed.success) throw validationError(parsed.error);
    await tx.workflowRequest.update({ where: { id: req.id }, data: { payload: json(parsed.data) } });
  }
  const eventData = invalid.length ? { ...(data && typeof data === 'object' ? data : {}), invalidItems: invalid.map((r) => r.key) } : data;
  await tx.requestEvent.create({
    data: {
      requestId: req.id,
      actorUserId: actor?.userId ?? null,
      actorName: actor?.displayName ?? 'Sistem',
      action: t.action,
      fromState: req.state,
      toState: to,
      note: fullNote,
      data: eventData === undefined ? Prisma.JsonNull : json(eventData),
    },
  });
  await writeAudit(tx, args.meta, {
    action: `${def.type.toLowerCase()}.${t.action}`,
    entityType: 'workflow_request',
    entityId: req.id,
    employeeId: req.employeeId,
    before: { state: req.state, version: req.version },
    after: { state: to, version: req.version + 1, note: fullNote },
  });
  const after = await loadRequest(tx, def, req.id);
  return after!;
}

export async function timeline(db: Db | Tx, requestId: number) {
  const events = await db.requestEvent.findMany({ where: { requestId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
  return events.map((e) => ({
    id: Number(e.id),
    at: e.at.toISOString(),
    actorName: e.actorName,
    action: e.action,
    fromState: e.fromState,
    toState: e.toState,
    note: e.note,
  }));
}

export type { ChecklistItemSpec };

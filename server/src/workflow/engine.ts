import type { Actor } from '../auth/actor.ts';
import { writeAudit, type RequestMeta } from '../audit/audit.ts';
import type { Db, Tx } from '../db.ts';
import { Conflict, Forbidden, InvalidState, NotFound, Unprocessable, validationError } from '../errors.ts';
import { Prisma, type WorkflowRequest } from '../generated/prisma/client.ts';
import { hasRole, isBkd, isSelf, managesOpd } from '../lib/authz.ts';
import type { TransitionDef, TransitionInput, WorkflowDefinition, WorkflowSettings } from './types.ts';

export type Req<P> = Omit<WorkflowRequest, 'payload'> & { payload: P };

const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue;

/** Generic visibility: BKD roles, the OPD admin of the request's OPD, the employee, their atasan (by id). */
export function canViewRequest(def: WorkflowDefinition<unknown>, actor: Actor, req: WorkflowRequest, atasanId?: number | null) {
  if (def.canView) return def.canView(actor, req);
  return isBkd(actor) || managesOpd(actor, req.opdId) || isSelf(actor, req.employeeId) || isSelf(actor, atasanId ?? null);
}

/** SQL scope of the requests an actor may list. */
export function requestScope(actor: Actor): Prisma.WorkflowRequestWhereInput {
  if (isBkd(actor)) return {};
  const or: Prisma.WorkflowRequestWhereInput[] = [];
  if (hasRole(actor, 'OPD_ADMIN') && actor.scopeOpdIds.length) or.push({ opdId: { in: actor.scopeOpdIds } });
  if (actor.employeeId != null) or.push({ employeeId: actor.employeeId });
  return or.length ? { OR: or } : { id: -1 };
}

function isOwnRequest(actor: Actor, req: Pick<WorkflowRequest, 'employeeId' | 'createdById'>) {
  return isSelf(actor, req.employeeId) || (req.createdById != null && req.createdById === actor.userId);
}

export function mayTake<P>(t: TransitionDef<P>, actor: Actor | null, req: Req<P>): boolean {
  if (!t.from.includes(req.state)) return false;
  if (!actor) return true; // the system (jobs, scans)
  if (t.systemOnly) return false;
  if (t.roles && !t.roles.some((r) => actor.roles.includes(r))) return false;
  if (t.notSelf && isOwnRequest(actor, req)) return false;
  if (t.allow && !t.allow(actor, req)) return false;
  return true;
}

/** The actions the actor may take now: the UI shows only these. */
export function availableActions<P>(def: WorkflowDefinition<P>, actor: Actor, req: Req<P>) {
  return def.transitions
    .filter((t) => mayTake(t, actor, req))
    .map((t) => ({ action: t.action, label: t.label, requiresNote: !!t.requiresNote, intent: t.intent ?? 'default' }));
}

export async function loadSettings(db: Db | Tx): Promise<WorkflowSettings> {
  const row = await db.appSetting.findUnique({ where: { key: 'change_request.second_step_types' } });
  return { secondStepTypes: Array.isArray(row?.value) ? (row!.value as string[]) : [] };
}

export interface CreateArgs<P> {
  employeeId: number;
  opdId: number;
  title: string;
  payload: P;
  actor: Actor | null;
  meta: RequestMeta;
  documentIds?: number[];
  dedupeKey?: string | null;
  /** Defaults to the definition's initial state. */
  state?: string;
  note?: string | null;
}

/** Creates a request (and its first timeline event and audit row) inside the caller's transaction. */
export async function createRequest<P>(tx: Tx, def: WorkflowDefinition<P>, args: CreateArgs<P>): Promise<Req<P>> {
  const parsed = def.payload.safeParse(args.payload);
  if (!parsed.success) throw validationError(parsed.error);
  const state = args.state ?? def.initial;
  if (!def.states[state]) throw new Error(`unknown state ${state} for ${def.type}`);
  const now = new Date();
  const created = await tx.workflowRequest.create({
    data: {
      type: def.type,
      state,
      employeeId: args.employeeId,
      opdId: args.opdId,
      title: args.title,
      payload: json(parsed.data),
      createdById: args.actor?.userId ?? null,
      submittedAt: now,
      stateSince: now,
      closedAt: def.states[state]?.final ? now : null,
      dedupeKey: args.dedupeKey ?? null,
      documents: args.documentIds?.length ? { create: [...new Set(args.documentIds)].map((documentId) => ({ documentId })) } : undefined,
    },
  });
  await tx.requestEvent.create({
    data: {
      requestId: created.id,
      actorUserId: args.actor?.userId ?? null,
      actorName: args.actor?.displayName ?? 'Sistem',
      action: 'create',
      fromState: null,
      toState: state,
      note: args.note ?? null,
    },
  });
  await writeAudit(tx, args.meta, {
    action: `${def.type.toLowerCase()}.created`,
    entityType: 'workflow_request',
    entityId: created.id,
    employeeId: args.employeeId,
    after: { state, payload: parsed.data },
  });
  return created as Req<P>;
}

export interface TransitionArgs {
  requestId: number;
  action: string;
  actor: Actor | null;
  expectedVersion: number;
  input?: TransitionInput;
  meta: RequestMeta;
}

/**
 * Takes one action on a request: checks the definition and the actor, claims the
 * version (a stale version → 409), runs the side effect, writes the timeline
 * event and the audit row — all in one transaction.
 */
export async function transition<P>(db: Db, def: WorkflowDefinition<P>, args: TransitionArgs): Promise<Req<P>> {
  return db.$transaction(async (tx) => transitionInTx(tx, def, args), { timeout: 60_000 });
}

export async function transitionInTx<P>(tx: Tx, def: WorkflowDefinition<P>, args: TransitionArgs): Promise<Req<P>> {
  const { actor, input = {} } = args;
  const req = (await tx.workflowRequest.findUnique({ where: { id: args.requestId } })) as Req<P> | null;
  if (!req || req.type !== def.type) throw NotFound('Usulan');
  const t = def.transitions.find((x) => x.action === args.action);
  if (!t) throw Unprocessable('unknown_action', `Tindakan "${args.action}" tidak dikenal.`);
  if (req.version !== args.expectedVersion) {
    throw Conflict('stale_version', 'Usulan ini sudah diubah oleh orang lain. Muat ulang untuk melihat keadaan terbaru.', {
      currentVersion: req.version,
      state: req.state,
    });
  }
  if (!t.from.includes(req.state)) {
    throw InvalidState('invalid_state', `Tindakan "${t.label}" tidak dapat dilakukan pada status ${def.states[req.state]?.label ?? req.state}.`, {
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
  const settings = await loadSettings(tx);
  const to = typeof t.to === 'function' ? t.to(req, settings) : t.to;

  // Claim the version: a concurrent action on the same request blocks here, then finds 0 rows → 409.
  const now = new Date();
  const claimed = await tx.workflowRequest.updateMany({
    where: { id: req.id, version: args.expectedVersion },
    data: {
      state: to,
      version: { increment: 1 },
      stateSince: now,
      closedAt: def.states[to]?.final ? now : null,
    },
  });
  if (claimed.count !== 1) {
    throw Conflict('stale_version', 'Usulan ini sudah diproses oleh orang lain. Muat ulang untuk melihat keadaan terbaru.');
  }
  const fx = t.effect ? await t.effect({ tx, request: req, actor, meta: args.meta, input: { note, data }, from: req.state, to }) : undefined;
  if (fx && fx.payload !== undefined) {
    await tx.workflowRequest.update({ where: { id: req.id }, data: { payload: json(fx.payload) } });
  }
  await tx.requestEvent.create({
    data: {
      requestId: req.id,
      actorUserId: actor?.userId ?? null,
      actorName: actor?.displayName ?? 'Sistem',
      action: t.action,
      fromState: req.state,
      toState: to,
      note,
      data: data === undefined ? Prisma.JsonNull : json(data),
    },
  });
  await writeAudit(tx, args.meta, {
    action: `${def.type.toLowerCase()}.${t.action}`,
    entityType: 'workflow_request',
    entityId: req.id,
    employeeId: req.employeeId,
    before: { state: req.state, version: req.version },
    after: { state: to, version: req.version + 1, note },
  });
  return (await tx.workflowRequest.findUniqueOrThrow({ where: { id: req.id } })) as Req<P>;
}

export async function timeline(db: Db, requestId: number) {
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

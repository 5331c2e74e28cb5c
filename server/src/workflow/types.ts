/**
 * The one verification engine. A request type is a definition: its states (and who acts
 * next in each), the transitions between them (who may take each, guards with a reason,
 * whether a note is required, typed input), the document checklist per variant, the
 * settings it reads, and side effects that run inside the transition's transaction.
 * Data changes, KGB drafts, KP and pension proposals and leave are all definitions.
 *
 * Functions that take the payload are declared as methods, so a definition of a concrete
 * payload type is a WorkflowDefinition<unknown> for the registry without a cast.
 */
import type { z, ZodType } from 'zod';
import type { Memo } from '../lib/batch.ts';
import type { Actor } from '../auth/actor.ts';
import type { RequestMeta } from '../audit/audit.ts';
import type { Db, Tx } from '../db.ts';
import type { DocumentType, Role } from '../generated/prisma/enums.ts';
import type { WorkflowRequest } from '../generated/prisma/client.ts';

export type Req<P> = Omit<WorkflowRequest, 'payload'> & { payload: P };

/** A role that acts next; "ROLE:OPD" limits it to the request's OPD (e.g. the OPD admin). */
export type AssigneeRole = Role | `${Role}:OPD`;

/** Who acts next in a state: any of the roles, and/or one person. */
export interface Assignee {
  roles?: readonly AssigneeRole[];
  /** One person: the employee the request is about, or their direct superior (atasan). */
  person?: 'employee' | 'atasan';
}

export interface StateDef {
  label: string;
  /** Closed states end the request (closedAt is set). */
  final?: boolean;
  tone?: 'gray' | 'blue' | 'yellow' | 'green' | 'red';
  /** Who acts next (the "Tugas saya" queue); none for final states. */
  assignee?: Assignee;
  /** The submitter may attach or replace checklist documents in this state. */
  editable?: boolean;
}

/** One document the checklist asks for. */
export interface ChecklistItemSpec {
  /** Stable key within the request (usually the document type). */
  key: string;
  docType: DocumentType;
  label: string;
  required: boolean;
  hint?: string;
  /** Any document type is accepted (docType is the suggested one), e.g. a data change's supporting scan. */
  anyType?: boolean;
}

/** Settings a definition reads: declared with their key, schema and default, loaded by the engine. */
export interface SettingDecl<T> {
  key: string;
  schema: ZodType<T>;
  default: T;
}

export interface TransitionInput<I = unknown> {
  note?: string | null;
  /** Type-specific data (validated by the transition's `input` schema). */
  data?: I;
}

export interface EffectCtx<P, C extends Record<string, unknown> = Record<string, unknown>> {
  tx: Tx;
  request: Req<P>;
  actor: Actor | null;
  meta: RequestMeta;
  input: TransitionInput;
  from: string;
  to: string;
  settings: C;
}

export interface GuardCtx<P, C extends Record<string, unknown> = Record<string, unknown>> {
  db: Db | Tx;
  request: Req<P>;
  actor: Actor | null;
  settings: C;
  /** Shared by the rows of one page (batch loaders, see lib/batch.ts); absent outside list views. */
  memo?: Memo;
}

/** Why an action cannot be taken now; `status`/`code` shape the error when it is tried anyway (default 422 action_unavailable). */
export interface GuardBlock {
  reason: string;
  status?: 403 | 409 | 422;
  code?: string;
  details?: Record<string, unknown>;
}

export interface TransitionDef<P, S extends string = string, C extends Record<string, unknown> = Record<string, unknown>> {
  action: string;
  label: string;
  from: readonly S[];
  /** Target state. */
  to: S;
  /** A target that depends on the request (e.g. an optional second verification step); overrides `to`. */
  next?(req: Req<P>, settings: C): S;
  /** Roles that may take it (any of). Omit to rely on `allow` alone. */
  roles?: readonly Role[];
  /** Extra rule (e.g. only the owner may withdraw; OPD admin only for their OPD). */
  allow?(actor: Actor, req: Req<P>): boolean;
  /**
   * A condition checked before offering the action and again when it is taken: returns the
   * reason it cannot be taken now (shown with the disabled action), or null.
   */
  guard?(ctx: GuardCtx<P, C>): Promise<string | GuardBlock | null> | string | GuardBlock | null;
  /** Nobody approves their own request. */
  notSelf?: boolean;
  /** A reason/note is required (rejections). */
  requiresNote?: boolean;
  /** Schema for input.data (the engine validates it before the guard and the effect). */
  input?: ZodType;
  /** Button style hint for the UI. */
  intent?: 'primary' | 'danger' | 'default';
  /** Submission: every required checklist item must hold a document (422 naming the missing ones). */
  submits?: boolean;
  /** "Berkas tidak lengkap": at least one checklist item must be marked invalid; the timeline lists them. */
  returnsInvalidItems?: boolean;
  /** Approval of the file: every attached checklist document judged valid (422 documents_not_verified naming the others). */
  requiresValidDocuments?: boolean;
  /** Side effect inside the transaction (apply the change, write history, enqueue jobs). May return payload changes. */
  effect?(ctx: EffectCtx<P, C>): Promise<void | { payload?: P }>;
  /** Only the system (jobs) may take it. */
  systemOnly?: boolean;
}

export interface WorkflowDefinition<P = unknown, S extends string = string, C extends Record<string, unknown> = Record<string, unknown>> {
  type: string;
  label: string;
  payload: ZodType<P>;
  states: Record<S, StateDef>;
  initial: S;
  transitions: readonly TransitionDef<P, S, C>[];
  /** Who may see a request of this type (besides the generic scope rules). */
  canView?(actor: Actor, req: WorkflowRequest): boolean;
  /** The documents a request of this type (and variant) asks for. */
  checklist?(payload: P, variant: string | null): ChecklistItemSpec[];
  /** Settings the definition reads (loaded by the engine for guards, targets and effects). */
  settings?: { [K in keyof C]: SettingDecl<C[K]> };
}

/** Declares a definition with its states and settings checked against every transition (no casts needed at use). */
export function defineWorkflow<P, S extends string, C extends Record<string, unknown> = Record<string, unknown>>(def: WorkflowDefinition<P, S, C>): WorkflowDefinition<P, S, C> {
  return def;
}

/** Is `state` one of the definition's states (narrows it for indexing)? */
export function isStateOf<S extends string>(states: Record<S, StateDef>, state: string): state is S {
  return Object.hasOwn(states, state);
}

/** A state's definition by name (undefined for an unknown state). */
export function stateOf<S extends string>(states: Record<S, StateDef>, state: string): StateDef | undefined {
  return isStateOf(states, state) ? states[state] : undefined;
}

/** Declares a setting a definition reads. */
export function setting<T>(key: string, schema: ZodType<T>, fallback: T): SettingDecl<T> {
  return { key, schema, default: fallback };
}

/** A transition's input data, validated again with its own schema (typed for the effect). */
export function inputOf<T extends ZodType>(schema: T, input: TransitionInput): z.infer<T> {
  return schema.parse(input.data ?? {});
}

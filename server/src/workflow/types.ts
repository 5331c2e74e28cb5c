/**
 * The one verification engine. A request type is a definition: its states, the
 * transitions between them (who may take each, whether a note is required,
 * which documents must be attached), and side effects that run inside the
 * transition's transaction. Data changes, KGB drafts, KP and pension proposals
 * are all definitions of this engine.
 */
import type { ZodType } from 'zod';
import type { Actor } from '../auth/actor.ts';
import type { RequestMeta } from '../audit/audit.ts';
import type { Tx } from '../db.ts';
import type { Role } from '../generated/prisma/enums.ts';
import type { WorkflowRequest } from '../generated/prisma/client.ts';

export interface StateDef {
  label: string;
  /** Closed states end the request (closedAt is set). */
  final?: boolean;
  tone?: 'gray' | 'blue' | 'yellow' | 'green' | 'red';
}

export interface TransitionInput {
  note?: string | null;
  /** Type-specific data (validated by the transition's `input` schema). */
  data?: unknown;
}

export interface EffectCtx<P> {
  tx: Tx;
  request: Omit<WorkflowRequest, 'payload'> & { payload: P };
  actor: Actor | null;
  meta: RequestMeta;
  input: TransitionInput;
  from: string;
  to: string;
}

export interface TransitionDef<P> {
  action: string;
  label: string;
  from: readonly string[];
  /** Target state, or a function of the request (e.g. an optional second verification step). */
  to: string | ((req: Omit<WorkflowRequest, 'payload'> & { payload: P }, settings: WorkflowSettings) => string);
  /** Roles that may take it (any of). Omit to rely on `allow` alone. */
  roles?: readonly Role[];
  /** Extra rule (e.g. only the owner may withdraw; OPD admin only for their OPD). */
  allow?: (actor: Actor, req: Omit<WorkflowRequest, 'payload'> & { payload: P }) => boolean;
  /** Nobody approves their own request. */
  notSelf?: boolean;
  /** A reason/note is required (rejections). */
  requiresNote?: boolean;
  /** Schema for input.data. */
  input?: ZodType;
  /** Button style hint for the UI. */
  intent?: 'primary' | 'danger' | 'default';
  /** Side effect inside the transaction (apply the change, write history, enqueue jobs). May return payload changes. */
  effect?: (ctx: EffectCtx<P>) => Promise<void | { payload?: P }>;
  /** Only the system (jobs) may take it. */
  systemOnly?: boolean;
}

export interface WorkflowDefinition<P = unknown> {
  type: string;
  label: string;
  payload: ZodType<P>;
  states: Record<string, StateDef>;
  initial: string;
  transitions: TransitionDef<P>[];
  /** Who may see a request of this type (besides the generic scope rules). */
  canView?: (actor: Actor, req: WorkflowRequest) => boolean;
  /** Document types that must be attached before submission / a given action. */
  requiredDocuments?: (payload: P) => string[];
}

export interface WorkflowSettings {
  secondStepTypes: string[];
}

/**
 * API contract of the verification engine's generic endpoints (/api/requests, /api/batches):
 * the server declares these as its responses, the web takes its types from them (z.infer).
 * Type-specific details (a data change's diff, a KGB's figures) are in `details`, typed per
 * request type by the web's view registry.
 */
import { z } from 'zod';
import { id, text } from './primitives.ts';

export const Tone = z.enum(['gray', 'blue', 'yellow', 'green', 'red']);
export type Tone = z.infer<typeof Tone>;

export const RequestActionView = z.object({
  action: z.string(),
  label: z.string(),
  requiresNote: z.boolean(),
  intent: z.enum(['primary', 'danger', 'default']),
  /** False when a guard holds it back: shown disabled, with the reason. */
  enabled: z.boolean(),
  reason: z.string().nullable(),
});
export type RequestActionView = z.infer<typeof RequestActionView>;

export const ChecklistSummary = z.object({
  total: z.number().int(),
  required: z.number().int(),
  missingRequired: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
});
export type ChecklistSummary = z.infer<typeof ChecklistSummary>;

export const RequestRow = z.object({
  id: z.number().int(),
  type: z.string(),
  typeLabel: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  tone: Tone,
  final: z.boolean(),
  version: z.number().int(),
  title: z.string(),
  employee: z.object({ id: z.number().int(), nip: z.string(), nama: z.string() }),
  opd: z.object({ kode: z.string(), nama: z.string() }).nullable(),
  submittedAt: z.string().nullable(),
  stateSince: z.string(),
  closedAt: z.string().nullable(),
  ageDays: z.number().int(),
  /** The date the request is due for (a KGB's TMT), when its type has one. */
  dueDate: z.string().nullable(),
  variant: z.string().nullable(),
  batchId: z.number().int().nullable(),
  /** The request waits for this user ("Tugas saya"). */
  assignedToMe: z.boolean(),
  /** Checklist counts (lists only). */
  checklist: ChecklistSummary.nullable(),
  /** The stored data no longer matches its type: shown, with no action, for BKD to repair. */
  damaged: z.boolean(),
  actions: z.array(RequestActionView),
});
export type RequestRow = z.infer<typeof RequestRow>;

export const RequestListResponse = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  items: z.array(RequestRow),
});
export type RequestListResponse = z.infer<typeof RequestListResponse>;

export const Verdict = z.enum(['PENDING', 'VALID', 'INVALID']);
export type Verdict = z.infer<typeof Verdict>;

const DocumentRef = z.object({
  id: z.number().int(),
  title: z.string(),
  originalName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  downloadUrl: z.string().nullable(),
  viewUrl: z.string().nullable(),
});

export const ChecklistItemHistory = z.object({
  id: z.number().int(),
  key: z.string(),
  at: z.string(),
  /** attach | replace | verdict */
  kind: z.string(),
  documentId: z.number().int().nullable(),
  verdict: z.string().nullable(),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
});
export type ChecklistItemHistory = z.infer<typeof ChecklistItemHistory>;

export const ChecklistItem = z.object({
  key: z.string(),
  label: z.string(),
  /** The document type asked for (DocumentType code). */
  docType: z.string(),
  required: z.boolean(),
  hint: z.string().nullable(),
  document: DocumentRef.nullable(),
  /** A document is attached but the viewer may not download it, so its metadata is not shown either. */
  documentHidden: z.boolean().optional(),
  verdict: Verdict,
  verdictNote: z.string().nullable(),
  verdictByName: z.string().nullable(),
  verdictAt: z.string().nullable(),
  history: z.array(ChecklistItemHistory),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const RequestDocument = z.object({
  id: z.number().int(),
  jenis: z.string(),
  title: z.string(),
  originalName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  version: z.number().int(),
  role: z.string().nullable().optional(),
  createdAt: z.string().optional(),
  downloadUrl: z.string().nullable(),
  viewUrl: z.string().nullable(),
});
export type RequestDocument = z.infer<typeof RequestDocument>;

export const TimelineEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  toStateLabel: z.string(),
  note: z.string().nullable(),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const RequestDetail = RequestRow.extend({
  /** Type-specific details (see the web's per-type views). */
  details: z.record(z.string(), z.unknown()),
  checklist: z.object({
    items: z.array(ChecklistItem),
    /** The user may attach or replace documents now. */
    canEdit: z.boolean(),
    /** The user may mark documents valid or invalid now. */
    canJudge: z.boolean(),
  }),
  documents: z.array(RequestDocument),
  /** Documents of the request the viewer may not download (their metadata is withheld too). */
  documentsHidden: z.number().int().optional(),
  timeline: z.array(TimelineEvent),
});
export type RequestDetail = z.infer<typeof RequestDetail>;

export const TasksResponse = z.object({
  total: z.number().int(),
  byType: z.array(z.object({ type: z.string(), label: z.string(), count: z.number().int(), oldestSince: z.string().nullable() })),
  oldest: z.object({ id: z.number().int(), type: z.string(), title: z.string(), since: z.string() }).nullable(),
});
export type TasksResponse = z.infer<typeof TasksResponse>;

export const ItemAttachBody = z.object({ version: id('Versi'), documentId: id('ID dokumen') });
export type ItemAttachBody = z.infer<typeof ItemAttachBody>;

export const ItemVerdictBody = z.object({
  version: id('Versi'),
  verdict: z.enum(['VALID', 'INVALID']),
  note: text({ label: 'Keterangan', max: 500 }).optional(),
});
export type ItemVerdictBody = z.infer<typeof ItemVerdictBody>;

export const BatchActionResult = z.object({
  succeeded: z.number().int(),
  failed: z.number().int(),
  results: z.array(z.object({ id: z.number().int(), ok: z.boolean(), state: z.string().optional(), error: z.object({ code: z.string(), message: z.string() }).optional() })),
});
export type BatchActionResult = z.infer<typeof BatchActionResult>;

export const BatchRow = z.object({
  id: z.number().int(),
  type: z.string(),
  typeLabel: z.string(),
  title: z.string(),
  opd: z.object({ id: z.number().int(), kode: z.string(), nama: z.string() }).nullable(),
  period: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  version: z.number().int(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  /** Members per state, with the state's label. */
  states: z.array(z.object({ state: z.string(), label: z.string(), count: z.number().int() })),
  total: z.number().int(),
});
export type BatchRow = z.infer<typeof BatchRow>;

export const BatchListResponse = z.object({ page: z.number().int(), pageSize: z.number().int(), total: z.number().int(), items: z.array(BatchRow) });
export type BatchListResponse = z.infer<typeof BatchListResponse>;

export const BatchDetail = BatchRow.extend({ members: z.array(RequestRow) });
export type BatchDetail = z.infer<typeof BatchDetail>;

/** A batch action: the same transition on the members (all open ones, or those listed), with a note and input data. */
export const BatchActionBody = z.object({
  note: text({ label: 'Catatan', max: 2000 }).optional(),
  data: z.unknown().optional(),
  items: z.array(z.object({ id: id('ID usulan'), version: id('Versi') })).min(1).max(500).optional(),
});
export type BatchActionBody = z.infer<typeof BatchActionBody>;

/** The request types present in the user's scope (the lists' type filter), each with its states. */
export const RequestTypesResponse = z.object({
  items: z.array(
    z.object({
      type: z.string(),
      label: z.string(),
      count: z.number().int(),
      states: z.array(z.object({ value: z.string(), label: z.string() })),
    }),
  ),
});
export type RequestTypesResponse = z.infer<typeof RequestTypesResponse>;

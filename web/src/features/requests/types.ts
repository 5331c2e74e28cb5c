/**
 * Types of the verification engine's endpoints. The wire shapes come from the zod contract
 * the server answers with (`@simak/shared/api/requests`); only web-side types (list
 * parameters) and type-specific `details` without a shared schema are written here.
 */
import type { ChangeOp, ChangeTarget, FieldType, FieldValue } from '@simak/shared/api/change-requests';
import type {
  BatchActionResult,
  BatchDetail,
  BatchListResponse,
  BatchRow,
  ChecklistItem,
  ChecklistItemHistory,
  ChecklistSummary,
  RequestActionView,
  RequestDetail,
  RequestDocument,
  RequestListResponse,
  RequestRow,
  TasksResponse,
  TimelineEvent,
  Tone,
  Verdict,
} from '@simak/shared/api/requests';

export type {
  BatchActionResult,
  BatchDetail,
  BatchListResponse,
  BatchRow,
  ChecklistItem,
  ChecklistItemHistory,
  ChecklistSummary,
  RequestDetail,
  RequestDocument,
  RequestListResponse,
  RequestRow,
  TasksResponse,
  TimelineEvent,
  Tone,
  Verdict,
};

/** An action offered on a request (possibly disabled, with the reason). */
export type RequestAction = RequestActionView;

/** Per-request outcome of a batch action (POST /api/requests/batch, /api/batches/:id/actions/:action). */
export type BatchResult = BatchActionResult;

/** The request's checklist on its page (items, who may edit or judge now). */
export type RequestChecklist = RequestDetail['checklist'];

/** One field of a data change as shown: before, proposed, and the record's value now. */
export interface DiffRow {
  field: string;
  label: string;
  type: FieldType;
  before: FieldValue;
  after: FieldValue;
  current: FieldValue;
}

/** `details` of a request of type DATA_CHANGE (no shared schema: built by the change-request presenter). */
export interface DataChangeDetails {
  target: ChangeTarget;
  targetLabel: string;
  op: ChangeOp;
  recordId: number | null;
  appliedRecordId: number | null;
  diff: DiffRow[];
}

/** Query of GET /api/requests (strings, as in the URL). */
export interface RequestListParams {
  type?: string;
  state?: string;
  open?: string;
  opdId?: string;
  employeeId?: string;
  target?: string;
  olderThanDays?: string;
  q?: string;
  /** "true": only what waits for me ("Tugas saya"). */
  assigned?: string;
  batchId?: string;
  /** A period the requests are for (e.g. a KP period, YYYY-MM-DD). */
  period?: string;
  page: number;
  pageSize: number;
  sort: 'submittedAt' | '-submittedAt' | 'stateSince' | '-stateSince' | 'dueDate' | '-dueDate';
}

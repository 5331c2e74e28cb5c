import type { ChangeOp, ChangeTarget, FieldType, FieldValue } from '@simak/shared/api/change-requests';

export interface RequestAction {
  action: string;
  label: string;
  requiresNote: boolean;
  intent: 'primary' | 'danger' | 'default' | string;
}

export type Tone = 'gray' | 'blue' | 'yellow' | 'green' | 'red';

export interface RequestRow {
  id: number;
  type: string;
  typeLabel: string;
  state: string;
  stateLabel: string;
  tone: Tone;
  final: boolean;
  version: number;
  title: string;
  employee: { id: number; nip: string; nama: string };
  opd: { kode: string; nama: string } | null;
  submittedAt: string | null;
  stateSince: string;
  closedAt: string | null;
  ageDays: number;
  actions: RequestAction[];
}

export interface RequestListResponse {
  page: number;
  pageSize: number;
  total: number;
  items: RequestRow[];
}

export interface DiffRow {
  field: string;
  label: string;
  type: FieldType;
  before: FieldValue;
  after: FieldValue;
  current: FieldValue;
}

export interface DataChangeDetails {
  target: ChangeTarget;
  targetLabel: string;
  op: ChangeOp;
  recordId: number | null;
  appliedRecordId: number | null;
  diff: DiffRow[];
}

export interface RequestDocument {
  id: number;
  jenis: string;
  title: string;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
  version: number;
  role?: string | null;
  createdAt?: string;
  downloadUrl: string | null;
  viewUrl: string | null;
}

export interface TimelineEvent {
  at: string;
  actorName: string | null;
  action: string;
  fromState: string | null;
  toState: string;
  toStateLabel: string;
  note: string | null;
}

export interface RequestDetail extends RequestRow {
  details: Partial<DataChangeDetails>;
  documents: RequestDocument[];
  timeline: TimelineEvent[];
}

export interface RequestListParams {
  type?: string;
  state?: string;
  open?: string;
  opdId?: string;
  employeeId?: string;
  target?: string;
  olderThanDays?: string;
  q?: string;
  page: number;
  pageSize: number;
  sort: 'submittedAt' | '-submittedAt' | 'stateSince' | '-stateSince';
}

export interface BatchResult {
  succeeded: number;
  failed: number;
  results: { id: number; ok: boolean; state?: string; error?: { code: string; message: string } }[];
}

import type { FieldValue } from '@simak/shared/api/change-requests';

export interface OpdSummary {
  id: number;
  kode: string;
  nama: string;
}

export interface OpdItem extends OpdSummary {
  parentId: number | null;
}

export interface EmployeeRow {
  id: number;
  nip: string;
  nipFormatted: string;
  nama: string;
  namaLengkap: string;
  statusKepegawaian: string;
  golongan: string | null;
  pangkat: string | null;
  jenisJabatan: string;
  namaJabatan: string | null;
  eselon: string | null;
  aktif: boolean;
  opd: OpdSummary;
}

export interface EmployeeListResponse {
  page: number;
  pageSize: number;
  total: number;
  items: EmployeeRow[];
}

export const EMPLOYEE_SORTS = ['nama', '-nama', 'nip', '-nip', 'golongan', '-golongan', 'opd', '-opd'] as const;
export type EmployeeSort = (typeof EMPLOYEE_SORTS)[number];

export interface EmployeeListParams {
  q?: string;
  opdId?: string;
  golongan?: string;
  jenisJabatan?: string;
  status?: string;
  aktif?: string;
  /** 'true' = the signed-in atasan's direct subordinates only. */
  team?: string;
  page: number;
  pageSize: number;
  sort: EmployeeSort;
}

/** A history row: its id, the fields of the record type and the supporting document. */
export type HistoryRow = Record<string, FieldValue | OpdSummary | undefined> & { id: number; documentId?: number | null };

export const HISTORY_KINDS = ['pangkat', 'jabatan', 'pendidikan', 'diklat', 'skp', 'hukdis', 'kgb', 'cuti', 'keluarga'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export interface EmployeeAbilities {
  read: boolean;
  /** Personal data and family (not for an atasan, who sees work data only). */
  viewPersonal: boolean;
  proposeChange: boolean;
  viewAudit: boolean;
  viewDocuments: boolean;
  export: boolean;
}

export interface EmployeeDetail {
  id: number;
  version: number;
  nip: string;
  nipFormatted: string;
  nipWarnings: string[];
  namaLengkap: string;
  profile: Record<string, FieldValue>;
  kepegawaian: Record<string, FieldValue> & {
    pangkat: string | null;
    opd: OpdSummary;
    atasan: { id: number; nip: string; nama: string } | null;
  };
  /** `keluarga` is absent for viewers without abilities.viewPersonal. */
  histories: Partial<Record<HistoryKind, HistoryRow[]>>;
  abilities: EmployeeAbilities;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: { id?: number; displayName?: string; username?: string } | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
  /** For the verification engine's events: the request type's label and its state labels. */
  subject?: string;
  stateLabels?: Record<string, string>;
}

export interface AuditResponse {
  page: number;
  pageSize: number;
  total: number;
  items: AuditEntry[];
}

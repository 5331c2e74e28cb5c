import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AuditResponse, EmployeeDetail, EmployeeListParams, EmployeeListResponse, OpdItem } from './types';

export const EMPLOYEES_KEY = ['employees'] as const;

export function useEmployeeList(params: EmployeeListParams) {
  return useQuery({
    queryKey: [...EMPLOYEES_KEY, 'list', params],
    queryFn: ({ signal }) => api.get<EmployeeListResponse>('/api/employees', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** URL of the export download for the current filters. */
export function employeeExportUrl(params: Omit<EmployeeListParams, 'page' | 'pageSize'>, format: 'csv' | 'xlsx'): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, format })) {
    if (value !== undefined && value !== null && value !== '') search.append(key, String(value));
  }
  return `/api/employees/export?${search.toString()}`;
}

/** `id` = 'me' for the signed-in employee's own profile. */
export function useEmployee(id: number | 'me' | null) {
  return useQuery({
    queryKey: [...EMPLOYEES_KEY, 'detail', id],
    queryFn: ({ signal }) => api.get<EmployeeDetail>(id === 'me' ? '/api/employees/me' : `/api/employees/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useEmployeeAudit(id: number, page: number, enabled = true) {
  return useQuery({
    queryKey: [...EMPLOYEES_KEY, 'audit', id, page],
    queryFn: ({ signal }) => api.get<AuditResponse>(`/api/employees/${id}/audit`, { query: { page, pageSize: 20 }, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useOpds() {
  return useQuery({
    queryKey: ['opds'],
    queryFn: ({ signal }) => api.get<{ items: OpdItem[] }>('/api/opds', { signal }),
    staleTime: 10 * 60_000,
  });
}

/** OPDs as select options (id → name). */
export function opdOptions(items: readonly { id: number; nama: string }[] | undefined) {
  return (items ?? []).map((o) => ({ value: String(o.id), label: o.nama }));
}

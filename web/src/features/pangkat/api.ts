/** e-Pangkat endpoints (server/src/modules/pangkat; contract in @simak/shared/api/pangkat). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  EligibleResult,
  KpPeriodInfo,
  KpProposalBody,
  KpProposalResult,
  KpRegime,
  KpRegimeBody,
  KpReportResult,
  KpSkForm,
  KpWindowBody,
  MyKpResult,
} from '@simak/shared/api/pangkat';
import type { BatchListResponse } from '@simak/shared/api/requests';
import { api } from '../../api/client';
import { useInvalidateAfterAction } from '../requests/api';
import type { BatchResult } from '../requests/types';

export const PANGKAT_KEY = ['pangkat'] as const;

export interface PeriodsResponse {
  today: string;
  items: KpPeriodInfo[];
}

/** The next KP periods with their submission windows (from a date, default today). */
export function useKpPeriods(count = 12, from?: string) {
  return useQuery({
    queryKey: [...PANGKAT_KEY, 'periods', count, from ?? ''],
    queryFn: ({ signal }) => api.get<PeriodsResponse>('/api/pangkat/periods', { query: { count, from }, signal }),
  });
}

export interface EligibleParams {
  period: string;
  opd?: string;
  status: 'all' | 'eligible' | 'ineligible';
  jenis?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export function useEligible(params: EligibleParams, enabled = true) {
  return useQuery({
    queryKey: [...PANGKAT_KEY, 'eligible', params],
    queryFn: ({ signal }) => api.get<EligibleResult>('/api/pangkat/eligible', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Everything a proposal or an action changes: the module's lists and the request lists. */
function useInvalidatePangkat() {
  const queryClient = useQueryClient();
  const invalidateRequests = useInvalidateAfterAction();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: PANGKAT_KEY }), invalidateRequests()]);
}

export function useProposeKp() {
  const invalidate = useInvalidatePangkat();
  return useMutation({
    mutationFn: (body: KpProposalBody) => api.post<KpProposalResult>('/api/pangkat/proposals', body),
    onSuccess: () => void invalidate(),
  });
}

export function useKpBatches(period: string, opdId: string, enabled = true) {
  return useQuery({
    queryKey: [...PANGKAT_KEY, 'batches', period, opdId],
    queryFn: ({ signal }) => api.get<BatchListResponse>('/api/batches', { query: { type: 'KP', period, opdId, pageSize: 50 }, signal }),
    enabled,
  });
}

/** One action on every open member of a batch (e.g. "Ajukan semua"). */
export function useBatchGroupAction() {
  const invalidate = useInvalidatePangkat();
  return useMutation({
    mutationFn: ({ batchId, action }: { batchId: number; action: string }) => api.post<BatchResult>(`/api/batches/${batchId}/actions/${action}`, {}),
    onSettled: () => void invalidate(),
  });
}

export function useKpReport(period: string, opd: string, enabled = true) {
  return useQuery({
    queryKey: [...PANGKAT_KEY, 'report', period, opd],
    queryFn: ({ signal }) => api.get<KpReportResult>('/api/pangkat/report', { query: { period, opd }, signal }),
    enabled,
  });
}

export function reportXlsxUrl(period: string, opd: string): string {
  const q = new URLSearchParams({ period, format: 'xlsx' });
  if (opd) q.set('opd', opd);
  return `/api/pangkat/report?${q.toString()}`;
}

export function useKpRegimes(enabled = true) {
  return useQuery({
    queryKey: [...PANGKAT_KEY, 'regimes'],
    queryFn: ({ signal }) => api.get<{ items: KpRegime[] }>('/api/pangkat/regimes', { signal }),
    enabled,
  });
}

export function useSaveRegime() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: KpRegimeBody }) =>
      id === null ? api.post<KpRegime>('/api/pangkat/regimes', body) : api.put<KpRegime>(`/api/pangkat/regimes/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PANGKAT_KEY }),
  });
}

export function useDeleteRegime() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<void>(`/api/pangkat/regimes/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PANGKAT_KEY }),
  });
}

export function useSetWindow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ period, body }: { period: string; body: KpWindowBody }) => api.put<KpPeriodInfo>(`/api/pangkat/periods/${period}/window`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PANGKAT_KEY }),
  });
}

export function useClearWindow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (period: string) => api.delete<KpPeriodInfo | null>(`/api/pangkat/periods/${period}/window`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PANGKAT_KEY }),
  });
}

export function useSkForm(requestId: number, enabled: boolean) {
  return useQuery({
    queryKey: [...PANGKAT_KEY, 'sk-form', requestId],
    queryFn: ({ signal }) => api.get<KpSkForm>(`/api/pangkat/proposals/${requestId}/sk-form`, { signal }),
    enabled,
  });
}

export function useMyKp(enabled = true) {
  return useQuery({
    queryKey: [...PANGKAT_KEY, 'me'],
    queryFn: ({ signal }) => api.get<MyKpResult>('/api/pangkat/me', { signal }),
    enabled,
  });
}

/** e-Pensiun endpoints (server/src/modules/pensiun; contract in @simak/shared/api/pensiun). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ForecastResult, PensiunMe, PensiunOpenBody, PensiunReportResult } from '@simak/shared/api/pensiun';
import { api } from '../../api/client';
import { useInvalidateAfterAction } from '../requests/api';

export const PENSIUN_KEY = ['pensiun'] as const;

export interface ForecastParams {
  months: number;
  opd?: string;
  state?: string;
  month?: string;
  q?: string;
  sort: 'tmt' | '-tmt';
  page: number;
  pageSize: number;
}

export function useForecast(params: ForecastParams) {
  return useQuery({
    queryKey: [...PENSIUN_KEY, 'forecast', params],
    queryFn: ({ signal }) => api.get<ForecastResult>('/api/pensiun/forecast', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePensiunReport(months: number, opd: string, year?: number) {
  return useQuery({
    queryKey: [...PENSIUN_KEY, 'report', months, opd, year ?? ''],
    queryFn: ({ signal }) => api.get<PensiunReportResult>('/api/pensiun/report', { query: { months, opd: opd || undefined, year }, signal }),
  });
}

export function pensiunReportXlsxUrl(months: number, opd: string, year?: number): string {
  const q = new URLSearchParams({ months: String(months), format: 'xlsx' });
  if (opd) q.set('opd', opd);
  if (year) q.set('year', String(year));
  return `/api/pensiun/report?${q.toString()}`;
}

export function useMyPensiun(enabled = true) {
  return useQuery({
    queryKey: [...PENSIUN_KEY, 'me'],
    queryFn: ({ signal }) => api.get<PensiunMe>('/api/pensiun/me', { signal }),
    enabled,
  });
}

export function useOpenPensiunFile() {
  const queryClient = useQueryClient();
  const invalidateRequests = useInvalidateAfterAction();
  return useMutation({
    mutationFn: (body: PensiunOpenBody) => api.post<{ requestId: number; state: string }>('/api/pensiun/files', body),
    onSuccess: () => void Promise.all([queryClient.invalidateQueries({ queryKey: PENSIUN_KEY }), invalidateRequests()]),
  });
}

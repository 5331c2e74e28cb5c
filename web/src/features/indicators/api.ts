import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  DrilldownComponent,
  DrilldownResult,
  IndicatorConfig,
  IndicatorParams,
  IndicatorResult,
  SnapshotSummary,
  TargetsBody,
  WeightsBody,
} from './types';

export const INDICATORS_KEY = ['indicators'] as const;

function scopeQuery(p: IndicatorParams) {
  return { year: p.year, opd: p.opd, asOf: p.asOf };
}

export function useIndicators(params: IndicatorParams, enabled = true) {
  return useQuery({
    queryKey: [...INDICATORS_KEY, 'result', params.year, params.opd ?? '', params.asOf ?? ''],
    queryFn: ({ signal }) => api.get<IndicatorResult>('/api/indicators', { query: scopeQuery(params), signal }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** One request per year (default as-of date of each year), for the trend chart. */
export function useIndicatorTrend(years: number[], opd: string | undefined, enabled = true) {
  return useQueries({
    queries: years.map((year) => ({
      queryKey: [...INDICATORS_KEY, 'result', year, opd ?? '', ''],
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<IndicatorResult>('/api/indicators', { query: { year, opd }, signal }),
      enabled,
      staleTime: 60_000,
    })),
  });
}

export function useDrilldown(params: IndicatorParams, component: DrilldownComponent | null, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...INDICATORS_KEY, 'drilldown', params.year, params.opd ?? '', params.asOf ?? '', component, page, pageSize],
    queryFn: ({ signal }) =>
      api.get<DrilldownResult>('/api/indicators/drilldown', {
        query: { ...scopeQuery(params), component: component ?? undefined, page, pageSize },
        signal,
      }),
    enabled: component !== null,
    placeholderData: keepPreviousData,
  });
}

function exportQuery(params: IndicatorParams, extra: Record<string, string>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...scopeQuery(params), ...extra })) {
    if (value !== undefined && value !== null && value !== '') search.append(key, String(value));
  }
  return search.toString();
}

export function drilldownExportUrl(params: IndicatorParams, component: DrilldownComponent, format: 'csv' | 'xlsx'): string {
  return `/api/indicators/drilldown?${exportQuery(params, { component, format })}`;
}

export function lkjUrl(params: IndicatorParams, format: 'xlsx' | 'pdf'): string {
  return `/api/indicators/lkj?${exportQuery(params, { format })}`;
}

export function useIndicatorConfig(year: number, enabled = true) {
  return useQuery({
    queryKey: [...INDICATORS_KEY, 'config', year],
    queryFn: ({ signal }) => api.get<IndicatorConfig>('/api/indicators/config', { query: { year }, signal }),
    enabled,
  });
}

export function useInvalidateIndicators() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: INDICATORS_KEY });
}

export function usePutTargets(year: number) {
  return useMutation({
    mutationFn: (body: TargetsBody) => api.put<IndicatorConfig>(`/api/indicators/targets/${year}`, body),
  });
}

export function usePutWeights(year: number) {
  return useMutation({
    mutationFn: (body: WeightsBody) => api.put<IndicatorConfig>(`/api/indicators/weights/${year}`, body),
  });
}

export function useCreateSnapshot() {
  return useMutation({
    mutationFn: (body: { year: number; opd?: string | undefined; asOf?: string | undefined; note: string }) =>
      api.post<SnapshotSummary>('/api/indicators/snapshots', body),
  });
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { StatisticsChart, StatisticsResponse } from '@simak/shared/api/statistics';
import { api } from '../../api/client';

export function useStatistics(opdId: string | undefined) {
  return useQuery({
    queryKey: ['statistics', opdId ?? null],
    queryFn: ({ signal }) => api.get<StatisticsResponse>('/api/statistics', { query: opdId ? { opdId } : {}, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The download of one chart's table. */
export function statisticsExportUrl(chart: StatisticsChart, format: 'csv' | 'xlsx', opdId: string | undefined): string {
  const search = new URLSearchParams({ chart, format });
  if (opdId) search.set('opdId', opdId);
  return `/api/statistics/export?${search.toString()}`;
}

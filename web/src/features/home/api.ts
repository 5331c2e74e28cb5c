import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { HomeResponse } from '../../api/types';

export const HOME_QUERY_KEY = ['home'] as const;

export function useHomeSummary() {
  return useQuery({
    queryKey: HOME_QUERY_KEY,
    queryFn: ({ signal }) => api.get<HomeResponse>('/api/home', { signal }),
  });
}

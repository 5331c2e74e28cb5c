import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { BerkalaDashboard, MyKgb, ScanLastResponse } from './types';

export const BERKALA_KEY = ['berkala'] as const;

export function useBerkalaDashboard(year: number) {
  return useQuery({
    queryKey: [...BERKALA_KEY, 'dashboard', year],
    queryFn: ({ signal }) => api.get<BerkalaDashboard>('/api/berkala/dashboard', { query: { year }, signal }),
  });
}

/** The last detection run; `pollMs` re-reads it while a run is awaited. */
export function useLastScan(pollMs: number | false = false) {
  return useQuery({
    queryKey: [...BERKALA_KEY, 'scan', 'last'],
    queryFn: ({ signal }) => api.get<ScanLastResponse>('/api/berkala/scan/last', { signal }),
    refetchInterval: pollMs,
  });
}

export function useRunScan() {
  return useMutation({
    mutationFn: () => api.post<{ jobId: string | number }>('/api/berkala/scan'),
  });
}

export function useInvalidateBerkala() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: BERKALA_KEY });
}

/**
 * The signed-in employee's next KGB and its current request. Re-read every 2 s while
 * the letter of a finalized KGB is still being rendered.
 */
export function useMyKgb(enabled = true) {
  return useQuery({
    queryKey: [...BERKALA_KEY, 'me'],
    queryFn: ({ signal }) => api.get<MyKgb>('/api/berkala/me', { signal }),
    enabled,
    refetchInterval: (query) => {
      const letter = query.state.data?.current?.letter;
      return letter && !letter.downloadUrl ? 2000 : false;
    },
  });
}

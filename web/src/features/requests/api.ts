import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { BatchResult, RequestDetail, RequestListParams, RequestListResponse } from './types';

export const REQUESTS_KEY = ['requests'] as const;

export function useRequestList(params: RequestListParams, enabled = true) {
  return useQuery({
    queryKey: [...REQUESTS_KEY, 'list', params],
    queryFn: ({ signal }) => api.get<RequestListResponse>('/api/requests', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** A finalized KGB whose letter PDF the worker has not rendered yet. */
function letterPending(detail: RequestDetail | undefined): boolean {
  const letter = (detail?.details as { letter?: { ready?: boolean } | null } | undefined)?.letter;
  return !!letter && letter.ready === false;
}

export function useRequest(id: number) {
  return useQuery({
    queryKey: [...REQUESTS_KEY, 'detail', id],
    queryFn: ({ signal }) => api.get<RequestDetail>(`/api/requests/${id}`, { signal }),
    // While a letter is being rendered, re-read every 2 s until it is ready.
    refetchInterval: (query) => (letterPending(query.state.data) ? 2000 : false),
  });
}

export interface ActionInput {
  id: number;
  action: string;
  version: number;
  note?: string;
  data?: unknown;
}

/** Everything a request action may change: lists, the page, profiles, the bell. */
export function useInvalidateAfterAction() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: REQUESTS_KEY }),
      queryClient.invalidateQueries({ queryKey: ['employees'] }),
      queryClient.invalidateQueries({ queryKey: ['notifications'] }),
      queryClient.invalidateQueries({ queryKey: ['home'] }),
      queryClient.invalidateQueries({ queryKey: ['berkala'] }),
    ]);
}

export function useRequestAction() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateAfterAction();
  return useMutation({
    mutationFn: ({ id, action, version, note, data }: ActionInput) =>
      api.post<RequestDetail>(`/api/requests/${id}/actions/${action}`, {
        version,
        ...(note ? { note } : {}),
        ...(data !== undefined ? { data } : {}),
      }),
    onSuccess: (detail) => {
      queryClient.setQueryData([...REQUESTS_KEY, 'detail', detail.id], detail);
      void invalidate();
    },
  });
}

export function useBatchAction() {
  const invalidate = useInvalidateAfterAction();
  return useMutation({
    mutationFn: (body: { action: string; items: { id: number; version: number }[]; note?: string }) =>
      api.post<BatchResult>('/api/requests/batch', body),
    onSettled: () => void invalidate(),
  });
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ItemAttachBody, ItemVerdictBody, RequestTypesResponse } from '@simak/shared/api/requests';
import { api } from '../../api/client';
import type { BatchResult, RequestDetail, RequestListParams, RequestListResponse, TasksResponse } from './types';

export const REQUESTS_KEY = ['requests'] as const;
/** "Tugas saya" counts (navigation badge, the tasks page's type filter). */
export const TASKS_KEY = ['tasks'] as const;

export function useRequestList(params: RequestListParams, enabled = true) {
  return useQuery({
    queryKey: [...REQUESTS_KEY, 'list', params],
    queryFn: ({ signal }) => api.get<RequestListResponse>('/api/requests', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The request types in the user's scope (optionally one employee's), for the type filter. */
export function useRequestTypes(employeeId?: number | null, enabled = true) {
  return useQuery({
    queryKey: [...REQUESTS_KEY, 'types', employeeId ?? null],
    queryFn: ({ signal }) =>
      api.get<RequestTypesResponse>('/api/requests/types', { query: employeeId ? { employeeId: String(employeeId) } : {}, signal }),
    enabled,
  });
}

/** What waits for the signed-in user, per request type; re-read every minute and after every action. */
export function useTasks(enabled = true) {
  return useQuery({
    queryKey: TASKS_KEY,
    queryFn: ({ signal }) => api.get<TasksResponse>('/api/requests/tasks', { signal }),
    refetchInterval: 60_000,
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

/** Everything a request action may change: lists, the page, "Tugas saya", profiles, the bell. */
export function useInvalidateAfterAction() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: REQUESTS_KEY }),
      queryClient.invalidateQueries({ queryKey: TASKS_KEY }),
      queryClient.invalidateQueries({ queryKey: ['employees'] }),
      queryClient.invalidateQueries({ queryKey: ['notifications'] }),
      queryClient.invalidateQueries({ queryKey: ['home'] }),
      queryClient.invalidateQueries({ queryKey: ['berkala'] }),
      queryClient.invalidateQueries({ queryKey: ['pangkat'] }),
    ]);
}

/** Keeps the answered detail on the page and refreshes everything else. */
function useDetailUpdate() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateAfterAction();
  return (detail: RequestDetail) => {
    queryClient.setQueryData([...REQUESTS_KEY, 'detail', detail.id], detail);
    void invalidate();
  };
}

export function useRequestAction() {
  const onSuccess = useDetailUpdate();
  return useMutation({
    mutationFn: ({ id, action, version, note, data }: ActionInput) =>
      api.post<RequestDetail>(`/api/requests/${id}/actions/${action}`, {
        version,
        ...(note ? { note } : {}),
        ...(data !== undefined ? { data } : {}),
      }),
    onSuccess,
  });
}

export type ItemAttachInput = ItemAttachBody & { id: number; key: string };

/** Attaches or replaces the document of one checklist item (PUT /api/requests/:id/items/:key). */
export function useAttachItem() {
  const onSuccess = useDetailUpdate();
  return useMutation({
    mutationFn: ({ id, key, version, documentId }: ItemAttachInput) =>
      api.put<RequestDetail>(`/api/requests/${id}/items/${encodeURIComponent(key)}`, { version, documentId } satisfies ItemAttachBody),
    onSuccess,
  });
}

export type ItemVerdictInput = ItemVerdictBody & { id: number; key: string };

/** A verifier's verdict on one checklist item (POST /api/requests/:id/items/:key/verdict). */
export function useJudgeItem() {
  const onSuccess = useDetailUpdate();
  return useMutation({
    mutationFn: ({ id, key, version, verdict, note }: ItemVerdictInput) =>
      api.post<RequestDetail>(`/api/requests/${id}/items/${encodeURIComponent(key)}/verdict`, {
        version,
        verdict,
        ...(note ? { note } : {}),
      } satisfies ItemVerdictBody),
    onSuccess,
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

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportDetail, ImportKind, ImportMode, ImportStatus, ImportSummary } from '@simak/shared/api/imports';
import { api } from '../../api/client';

/** GET /api/imports (ImportListResponse in the shared contract). */
export interface ImportListResponse {
  items: ImportSummary[];
  page: number;
  pageSize: number;
  total: number;
}

export const IMPORTS_KEY = ['imports'] as const;
export const FINAL_IMPORT_STATUSES: readonly ImportStatus[] = ['DONE', 'REJECTED', 'FAILED'];

export function useImportList(page: number) {
  return useQuery({
    queryKey: [...IMPORTS_KEY, 'list', page],
    queryFn: ({ signal }) => api.get<ImportListResponse>('/api/imports', { query: { page, pageSize: 10 }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Polls every second until the import reaches a final status. */
export function useImport(id: number | null) {
  return useQuery({
    queryKey: [...IMPORTS_KEY, 'detail', id],
    queryFn: ({ signal }) => api.get<ImportDetail>(`/api/imports/${id}`, { signal }),
    enabled: id !== null,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status && FINAL_IMPORT_STATUSES.includes(status) ? false : 1000;
    },
  });
}

export function useStartImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, mode, file }: { kind: ImportKind; mode: ImportMode; file: File }) => {
      const form = new FormData();
      form.append('mode', mode);
      form.append('file', file, file.name);
      return api.post<{ id: number; status: ImportStatus }>(`/api/imports/${kind}`, form);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...IMPORTS_KEY, 'list'] }),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DocumentListResponse, DocumentResponse, DocumentType, DocumentView } from '@simak/shared/api/documents';
import { api } from '../../api/client';

export const DOCUMENTS_KEY = ['documents'] as const;

/** The vault's size limit (server default UPLOAD_MAX_BYTES). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const ACCEPTED_EXTENSIONS = '.pdf,.jpg,.jpeg,.png';
export const ACCEPTED_MIME = ['application/pdf', 'image/jpeg', 'image/png'];

export type { DocumentView };

export function useEmployeeDocuments(employeeId: number | null, includeHistory = false) {
  return useQuery({
    queryKey: [...DOCUMENTS_KEY, employeeId, { includeHistory }],
    queryFn: ({ signal }) =>
      api.get<DocumentListResponse>(`/api/employees/${employeeId}/documents`, {
        query: includeHistory ? { includeHistory: 'true' } : undefined,
        signal,
      }),
    enabled: employeeId !== null,
  });
}

export interface UploadInput {
  employeeId: number;
  file: File;
  jenis: DocumentType;
  title?: string;
  slotKey?: string;
}

export function useUploadDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ employeeId, file, jenis, title, slotKey }: UploadInput) => {
      const form = new FormData();
      form.append('jenis', jenis);
      if (title?.trim()) form.append('title', title.trim());
      if (slotKey) form.append('slotKey', slotKey);
      form.append('file', file, file.name);
      return api.post<DocumentResponse>(`/api/employees/${employeeId}/documents`, form);
    },
    onSuccess: (_res, { employeeId }) => queryClient.invalidateQueries({ queryKey: [...DOCUMENTS_KEY, employeeId] }),
  });
}

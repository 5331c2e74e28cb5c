import { useMutation, useQuery } from '@tanstack/react-query';
import type { ChangeOp, ChangeTarget, FieldValue, TargetSpec } from '@simak/shared/api/change-requests';
import { api } from '../../api/client';
import { useInvalidateAfterAction } from '../requests/api';
import type { RequestDetail } from '../requests/types';

export interface ChangeSpecResponse {
  targets: Record<ChangeTarget, TargetSpec>;
  rejectReasons: string[];
}

export function useChangeSpec() {
  return useQuery({
    queryKey: ['change-requests', 'spec'],
    queryFn: ({ signal }) => api.get<ChangeSpecResponse>('/api/change-requests/spec', { signal }),
    staleTime: 30 * 60_000,
  });
}

export interface ProposeChangeBody {
  employeeId: number;
  target: ChangeTarget;
  op: ChangeOp;
  recordId?: number | null;
  changes: Record<string, FieldValue>;
  documentIds: number[];
  note?: string;
}

export function useProposeChange() {
  const invalidate = useInvalidateAfterAction();
  return useMutation({
    mutationFn: (body: ProposeChangeBody) => api.post<RequestDetail>('/api/change-requests', body),
    onSuccess: () => void invalidate(),
  });
}

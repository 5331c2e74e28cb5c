import type { CutiCreateBody, CutiPeriodBody } from '@simak/shared/api/cuti';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export const CUTI_KEY = ['cuti'] as const;

export interface MyCuti {
  employeeId: number;
  year: number;
  annual: { eligible: boolean; eligibleFrom: string | null; forfeited: boolean; base: number; carried: number; bonus: number; entitlement: number; used: number; pending: number; remaining: number };
  types: { jenis: string; label: string; takenDays: number; pendingDays: number }[];
  history: { id: number; jenisCuti: string; tanggalMulai: string; tanggalSelesai: string; lamaHari: number; nomorSurat: string | null; keterangan: string | null }[];
  open: { requestId: number; jenis: string; mulai: string; selesai: string; lamaHari: number }[];
}

export interface CutiPreview {
  lamaHari: number;
  calendarDays: number;
  issues: { code: string; message: string }[];
  documents: { key: string; label: string; required: boolean }[];
  needsBkn: boolean;
}

export function useMyCuti() {
  return useQuery({ queryKey: [...CUTI_KEY, 'me'], queryFn: ({ signal }) => api.get<MyCuti>('/api/cuti/me', { signal }) });
}

/** The rules' verdict on the period being filled in (re-asked when the period changes). */
export function useCutiPreview(period: CutiPeriodBody | null) {
  return useQuery({
    queryKey: [...CUTI_KEY, 'preview', period],
    enabled: period !== null,
    queryFn: () => api.post<CutiPreview>('/api/cuti/preview', period),
  });
}

export function useRequestCuti() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CutiCreateBody) => api.post<{ id: number }>('/api/cuti', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CUTI_KEY }),
  });
}

import type { Fence, GeoPolygon } from '@simak/shared/rules/geofence';
import type { AktivitasBody, AktivitasReviewBody, JadwalKhususBody, LokasiKerjaBody, LokasiTugasBody } from '@simak/shared/api/presensi-lokasi';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export const CHECKIN_KEY = ['checkin'] as const;
export const AKTIVITAS_KEY = ['aktivitas'] as const;

export interface PresensiToday {
  tanggal: string;
  serverTime: string;
  employee: { nama: string; statusKepegawaian: string; opd: string };
  schedule: { jamMasuk: string; jamPulang: string; special: string | null } | null;
  workingDay: boolean;
  holiday: { jenis: string; keterangan: string } | null;
  onLeave: { jenisCuti: string } | null;
  office: Fence | null;
  approvedLocations: { id: number; requestId: number; jenis: string; nama: string; mulai: string; selesai: string; latitude: number; longitude: number; radiusM: number }[];
  masuk: { at: string; menit: number; distanceM: number | null } | null;
  pulang: { at: string; menit: number; distanceM: number | null } | null;
  lastRefusal: { at: string; jenis: string; reason: string | null; distanceM: number | null } | null;
}

export interface PresensiResult {
  id: number;
  jenis: 'MASUK' | 'PULANG';
  tanggal: string;
  at: string;
  distanceM: number | null;
  menit: number;
}

export function usePresensiToday() {
  return useQuery({ queryKey: [...CHECKIN_KEY, 'today'], queryFn: ({ signal }) => api.get<PresensiToday>('/api/presensi/today', { signal }) });
}

export function useRecordPresensi() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { jenis: 'MASUK' | 'PULANG'; latitude: number; longitude: number; accuracy: number; clientTime: string }) => api.post<PresensiResult>('/api/presensi', body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: CHECKIN_KEY }),
  });
}

export function useRequestLokasiTugas() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LokasiTugasBody) => api.post<{ id: number }>('/api/presensi/lokasi-tugas', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CHECKIN_KEY }),
  });
}

// --- Administration

export interface WorkLocation {
  opdId: number;
  kode: string;
  nama: string;
  kind: 'POINT' | 'POLYGON' | null;
  latitude: number | null;
  longitude: number | null;
  radiusM: number | null;
  polygon: GeoPolygon | null;
}

export interface SpecialSchedule extends JadwalKhususBody {
  id: number;
}

export function useWorkLocations() {
  return useQuery({ queryKey: [...CHECKIN_KEY, 'locations'], queryFn: ({ signal }) => api.get<{ items: WorkLocation[] }>('/api/presensi/locations', { signal }) });
}

export function useSetWorkLocation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ opdId, body }: { opdId: number; body: LokasiKerjaBody | { kind: 'POLYGON'; polygon: unknown } }) => api.put<WorkLocation>(`/api/presensi/locations/${opdId}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CHECKIN_KEY }),
  });
}

export function useWeeklySchedule() {
  return useQuery({ queryKey: [...CHECKIN_KEY, 'weekly'], queryFn: ({ signal }) => api.get<{ items: { hari: number; jamMasuk: string; jamPulang: string }[] }>('/api/presensi/schedule', { signal }) });
}

export function useSaveWeeklySchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (items: { hari: number; jamMasuk: string; jamPulang: string }[]) => api.put('/api/presensi/schedule', { items }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CHECKIN_KEY }),
  });
}

export interface WeekdayHoursRow {
  hari: number;
  jamMasuk: string;
  jamPulang: string;
}

/** An OPD's own weekly hours (empty = it follows the regency's table, given beside). */
export interface OpdSchedule {
  opdId: number;
  kode: string;
  nama: string;
  ikutKabupaten: boolean;
  items: WeekdayHoursRow[];
  kabupaten: WeekdayHoursRow[];
}

export function useOpdSchedule(opdId: number | null) {
  return useQuery({
    queryKey: [...CHECKIN_KEY, 'opd-schedule', opdId],
    queryFn: ({ signal }) => api.get<OpdSchedule>(`/api/presensi/opd-schedules/${opdId}`, { signal }),
    enabled: opdId != null,
  });
}

export function useSaveOpdSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ opdId, items }: { opdId: number; items: WeekdayHoursRow[] }) => api.put<OpdSchedule>(`/api/presensi/opd-schedules/${opdId}`, { items }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CHECKIN_KEY }),
  });
}

export function useSpecialSchedules() {
  return useQuery({ queryKey: [...CHECKIN_KEY, 'special'], queryFn: ({ signal }) => api.get<{ items: SpecialSchedule[] }>('/api/presensi/special-schedules', { signal }) });
}

export function useCreateSpecialSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: JadwalKhususBody) => api.post<SpecialSchedule>('/api/presensi/special-schedules', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CHECKIN_KEY }),
  });
}

export function useDeleteSpecialSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete(`/api/presensi/special-schedules/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CHECKIN_KEY }),
  });
}

export interface Holiday {
  tanggal: string;
  jenis: 'LIBUR_NASIONAL' | 'CUTI_BERSAMA';
  keterangan: string;
}

export function useHolidays(year: number) {
  return useQuery({ queryKey: [...CHECKIN_KEY, 'holidays', year], queryFn: ({ signal }) => api.get<{ year: number; items: Holiday[] }>(`/api/cuti/holidays/${year}`, { signal }) });
}

export function useSaveHolidays(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (items: Holiday[]) => api.put(`/api/cuti/holidays/${year}`, { items }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CHECKIN_KEY }),
  });
}

// --- Daily activities and the team

export interface Aktivitas {
  id: number;
  employee: { id: number; nip: string; nama: string };
  tanggal: string;
  jamMulai: string;
  jamSelesai: string;
  uraian: string;
  output: string | null;
  document: { id: number; name: string; downloadUrl: string } | null;
  status: 'DIAJUKAN' | 'DISETUJUI' | 'DIKEMBALIKAN';
  catatan: string | null;
  version: number;
  actions: ('edit' | 'approve' | 'return')[];
}

export function useMyAktivitas(from: string, to: string) {
  return useQuery({ queryKey: [...AKTIVITAS_KEY, 'me', from, to], queryFn: ({ signal }) => api.get<{ items: Aktivitas[] }>('/api/aktivitas/me', { query: { from, to }, signal }) });
}

export function useSaveAktivitas() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: AktivitasBody & { version?: number } }) => (id ? api.put<Aktivitas>(`/api/aktivitas/${id}`, body) : api.post<Aktivitas>('/api/aktivitas', body)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: AKTIVITAS_KEY }),
  });
}

export function useReviewQueue() {
  return useQuery({ queryKey: [...AKTIVITAS_KEY, 'review'], queryFn: ({ signal }) => api.get<{ total: number; items: Aktivitas[] }>('/api/aktivitas/review', { signal }) });
}

export function useReviewAktivitas() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: AktivitasReviewBody }) => api.post<Aktivitas>(`/api/aktivitas/${id}/review`, body),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: AKTIVITAS_KEY });
      void queryClient.invalidateQueries({ queryKey: ['home'] });
    },
  });
}

export type TeamStatus = 'HADIR' | 'TERLAMBAT' | 'CUTI' | 'BELUM_HADIR' | 'TIDAK_HADIR' | 'LIBUR';
export interface TeamToday {
  tanggal: string;
  workingDay: boolean;
  schedule: { jamMasuk: string; jamPulang: string; special: string | null } | null;
  total: number;
  counts: Record<TeamStatus, number>;
  aktivitasMenunggu: number;
  items: {
    employeeId: number;
    nip: string;
    nama: string;
    jabatan: string | null;
    statusKepegawaian: string;
    status: TeamStatus;
    masuk: { at: string; terlambatMenit: number } | null;
    pulang: { at: string } | null;
    jenisCuti: string | null;
    lokasiTugas: { jenis: string; nama: string } | null;
    aktivitasMenunggu: number;
  }[];
}

export function useTeamToday() {
  return useQuery({ queryKey: [...AKTIVITAS_KEY, 'team'], queryFn: ({ signal }) => api.get<TeamToday>('/api/aktivitas/team', { signal }) });
}

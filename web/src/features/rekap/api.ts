/** Attendance recap, TPP basis and discipline warnings (server/src/modules/rekap; contract in @simak/shared/api/rekap). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TppConfigBody } from '@simak/shared/api/rekap';
import type { Bands, TppClass, TppDeductionConfig, TppResult as TppFigures } from '@simak/shared/rules/tpp';
import { api } from '../../api/client';

export const REKAP_KEY = ['rekap'] as const;

export interface RecapEmployee {
  id: number;
  nip: string;
  nama: string;
  jabatan: string | null;
  opd: { kode: string; nama: string };
}

export interface RecapRow {
  employee: RecapEmployee;
  hariKerja: number;
  hadir: number;
  cuti: number;
  dinasLuar: number;
  tanpaKeterangan: number;
  terlambatHari: number;
  terlambatMenit: number;
  pulangCepatHari: number;
  pulangCepatMenit: number;
  tl: Bands;
  psw: Bands;
}

export interface RecapResult {
  month: string;
  opd: { kode: string; nama: string } | null;
  hariKerja: number;
  /** The fewest and most working days among the employees listed (units may work different weeks). */
  hariKerjaRange: { min: number; max: number };
  rows: RecapRow[];
}

/** A recap row with the TPP the shared rule computed for it (computeTpp's result). */
export interface TppRow extends RecapRow, TppFigures {
  kelas: TppClass;
}

export interface TppConfig {
  potongan: TppDeductionConfig;
  besaran: Record<TppClass, number>;
  mulaiBerlaku: string | null;
}

export interface TppResult {
  month: string;
  opd: { kode: string; nama: string } | null;
  config: TppConfig;
  rows: TppRow[];
  totals: { base: number; potongan: number; jumlah: number };
  canEditConfig: boolean;
}

export interface DisiplinRow {
  employee: RecapEmployee;
  hari: number;
  beruntun: number;
  tingkat: 'RINGAN' | 'SEDANG' | 'BERAT' | null;
  kode: string | null;
  hukuman: string | null;
  karenaBeruntun: boolean;
  ambangBerikutnya: number | null;
}

export interface DisiplinResult {
  year: number;
  sampai: string;
  opd: { kode: string; nama: string } | null;
  rows: DisiplinRow[];
}

const query = (month: string, opd: string) => ({ month, ...(opd ? { opd } : {}) });

export function useRecap(month: string, opd: string) {
  return useQuery({
    queryKey: [...REKAP_KEY, 'presensi', month, opd],
    queryFn: ({ signal }) => api.get<RecapResult>('/api/rekap/presensi', { query: query(month, opd), signal }),
    placeholderData: keepPreviousData,
  });
}

export function useTpp(month: string, opd: string) {
  return useQuery({
    queryKey: [...REKAP_KEY, 'tpp', month, opd],
    queryFn: ({ signal }) => api.get<TppResult>('/api/rekap/tpp', { query: query(month, opd), signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDisiplin(year: number, opd: string) {
  return useQuery({
    queryKey: [...REKAP_KEY, 'disiplin', year, opd],
    queryFn: ({ signal }) => api.get<DisiplinResult>('/api/rekap/disiplin', { query: { year, ...(opd ? { opd } : {}) }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveTppConfig() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TppConfigBody) => api.put<TppConfig>('/api/rekap/tpp/config', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: REKAP_KEY }),
  });
}

export function xlsxUrl(path: 'presensi' | 'tpp', month: string, opd: string): string {
  const q = new URLSearchParams({ month, format: 'xlsx' });
  if (opd) q.set('opd', opd);
  return `/api/rekap/${path}?${q.toString()}`;
}

export function disiplinXlsxUrl(year: number, opd: string): string {
  const q = new URLSearchParams({ year: String(year), format: 'xlsx' });
  if (opd) q.set('opd', opd);
  return `/api/rekap/disiplin?${q.toString()}`;
}

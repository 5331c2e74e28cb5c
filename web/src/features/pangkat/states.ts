/** States of a KP proposal (server/src/modules/pangkat/definition.ts), in workflow order, and the checklist keys' labels. */
import { DOCUMENT_TYPE_LABELS } from '../../domain/labels';

export const KP_STATES = ['DRAFT', 'DIAJUKAN', 'DIKEMBALIKAN', 'DISETUJUI', 'PERTEK', 'SK_TERBIT', 'TMS', 'DIBATALKAN'] as const;
export type KpState = (typeof KP_STATES)[number];

export const KP_STATE_LABELS: Record<KpState, string> = {
  DRAFT: 'Draf usulan',
  DIAJUKAN: 'Menunggu verifikasi BKD',
  DIKEMBALIKAN: 'Berkas tidak lengkap',
  TMS: 'Tidak memenuhi syarat',
  DISETUJUI: 'Berkas lengkap — menunggu pertek BKN',
  PERTEK: 'Pertek BKN terbit — menunggu SK',
  SK_TERBIT: 'SK terbit',
  DIBATALKAN: 'Dibatalkan',
};

/** States an OPD admin may still submit from. */
export const KP_SUBMITTABLE: readonly string[] = ['DRAFT', 'DIKEMBALIKAN'];

const ITEM_LABELS: Record<string, string> = {
  SK_PANGKAT: 'SK kenaikan pangkat terakhir',
  IJAZAH: 'Ijazah',
  UJIAN_DINAS: 'Sertifikat ujian dinas',
  PELANTIKAN: 'Surat pernyataan pelantikan',
  PAK: 'PAK',
  IZIN_BELAJAR: 'Surat izin belajar',
  STLUPI: 'STLUPI',
  URAIAN_TUGAS: 'Uraian tugas sesuai ijazah',
};

/** A checklist key of a KP proposal (SK_CPNS, SKP_2025, PAK, …) in words. */
export function kpItemLabel(key: string): string {
  const skp = /^SKP_(\d{4})$/.exec(key);
  if (skp) return `SKP ${skp[1]}`;
  return ITEM_LABELS[key] ?? (DOCUMENT_TYPE_LABELS as Record<string, string>)[key] ?? key;
}

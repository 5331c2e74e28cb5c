/**
 * Self-service data changes: which records and fields an ASN (or their OPD admin)
 * may propose to change, their types and labels, and the request contract.
 * The server validates proposals with the schemas built here; the web app builds
 * its forms from the same table.
 */
import { z } from 'zod';
import {
  ESELON,
  HUBUNGAN_KELUARGA,
  JENIS_DIKLAT,
  JENIS_JABATAN,
  JENIS_KELAMIN,
  JENIS_KP,
  JENJANG_FUNGSIONAL,
  PENDIDIKAN,
  PREDIKAT_SKP,
  RUMPUN_FUNGSIONAL,
} from '../codes.ts';
import { GOLONGAN } from '../rules/golongan.ts';
import { isValidDate } from '../rules/dates.ts';

export const CHANGE_TARGETS = ['profile', 'keluarga', 'pendidikan', 'diklat', 'skp', 'pangkat', 'jabatan'] as const;
export type ChangeTarget = (typeof CHANGE_TARGETS)[number];
export const CHANGE_OPS = ['update', 'create', 'delete'] as const;
export type ChangeOp = (typeof CHANGE_OPS)[number];

export type FieldType = 'text' | 'date' | 'int' | 'decimal' | 'enum' | 'bool';
export interface FieldSpec {
  key: string;
  label: string;
  type: FieldType;
  options?: readonly string[];
  required?: boolean;
  max?: number;
}

export interface TargetSpec {
  label: string;
  /** Profile is a single record (update only); histories allow create/update/delete. */
  single: boolean;
  fields: FieldSpec[];
  /** The vault document type that supports a change of this record. */
  documentType: string;
}

const t = (key: string, label: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ key, label, type: 'text', max: 200, ...extra });
const d = (key: string, label: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ key, label, type: 'date', ...extra });
const e = (key: string, label: string, options: readonly string[], extra: Partial<FieldSpec> = {}): FieldSpec => ({ key, label, type: 'enum', options, ...extra });
const i = (key: string, label: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ key, label, type: 'int', ...extra });

export const CHANGE_TARGET_SPECS: Record<ChangeTarget, TargetSpec> = {
  profile: {
    label: 'Data pribadi',
    single: true,
    documentType: 'LAINNYA',
    fields: [
      t('nama', 'Nama', { required: true }),
      t('gelarDepan', 'Gelar depan', { max: 50 }),
      t('gelarBelakang', 'Gelar belakang', { max: 80 }),
      t('tempatLahir', 'Tempat lahir'),
      d('tanggalLahir', 'Tanggal lahir', { required: true }),
      e('jenisKelamin', 'Jenis kelamin', JENIS_KELAMIN, { required: true }),
      t('nik', 'NIK', { max: 16 }),
      t('npwp', 'NPWP', { max: 25 }),
      e('agama', 'Agama', ['ISLAM', 'KRISTEN', 'KATOLIK', 'HINDU', 'BUDDHA', 'KONGHUCU', 'LAINNYA']),
      e('statusPerkawinan', 'Status perkawinan', ['BELUM_KAWIN', 'KAWIN', 'CERAI_HIDUP', 'CERAI_MATI']),
      t('alamat', 'Alamat', { max: 300 }),
      t('kota', 'Kota/Kabupaten', { max: 100 }),
      t('kodePos', 'Kode pos', { max: 10 }),
      t('email', 'Email', { max: 120 }),
      t('noHp', 'Nomor HP', { max: 20 }),
    ],
  },
  keluarga: {
    label: 'Keluarga',
    single: false,
    documentType: 'KK',
    fields: [
      e('hubungan', 'Hubungan', HUBUNGAN_KELUARGA, { required: true }),
      t('nama', 'Nama', { required: true }),
      d('tanggalLahir', 'Tanggal lahir'),
      e('jenisKelamin', 'Jenis kelamin', JENIS_KELAMIN),
      d('tanggalNikah', 'Tanggal nikah'),
      { key: 'statusTunjangan', label: 'Mendapat tunjangan', type: 'bool' },
      t('keterangan', 'Keterangan'),
    ],
  },
  pendidikan: {
    label: 'Riwayat pendidikan',
    single: false,
    documentType: 'IJAZAH',
    fields: [
      e('jenjang', 'Jenjang', PENDIDIKAN, { required: true }),
      t('jurusan', 'Jurusan'),
      t('institusi', 'Institusi'),
      i('tahunLulus', 'Tahun lulus'),
      t('nomorIjazah', 'Nomor ijazah'),
      d('tanggalIjazah', 'Tanggal ijazah'),
    ],
  },
  diklat: {
    label: 'Riwayat diklat / pengembangan kompetensi',
    single: false,
    documentType: 'SERTIFIKAT_DIKLAT',
    fields: [
      e('jenis', 'Jenis', JENIS_DIKLAT, { required: true }),
      t('nama', 'Nama diklat', { required: true }),
      t('penyelenggara', 'Penyelenggara'),
      d('tanggalMulai', 'Tanggal mulai', { required: true }),
      d('tanggalSelesai', 'Tanggal selesai', { required: true }),
      i('jp', 'Jumlah JP', { required: true }),
      t('nomorSertifikat', 'Nomor sertifikat'),
    ],
  },
  skp: {
    label: 'SKP',
    single: false,
    documentType: 'SKP',
    fields: [i('tahun', 'Tahun', { required: true }), { key: 'nilai', label: 'Nilai', type: 'decimal' }, e('predikat', 'Predikat', PREDIKAT_SKP)],
  },
  pangkat: {
    label: 'Riwayat pangkat/golongan',
    single: false,
    documentType: 'SK_PANGKAT',
    fields: [
      e('golongan', 'Golongan', GOLONGAN, { required: true }),
      d('tmtGolongan', 'TMT golongan', { required: true }),
      e('jenisKp', 'Jenis KP', JENIS_KP),
      t('nomorSk', 'Nomor SK'),
      d('tanggalSk', 'Tanggal SK'),
      i('mkgTahun', 'MKG (tahun)', { required: true }),
      i('mkgBulan', 'MKG (bulan)', { required: true }),
    ],
  },
  jabatan: {
    label: 'Riwayat jabatan',
    single: false,
    documentType: 'SK_JABATAN',
    fields: [
      e('jenisJabatan', 'Jenis jabatan', JENIS_JABATAN, { required: true }),
      t('namaJabatan', 'Nama jabatan', { required: true }),
      e('eselon', 'Eselon', ESELON),
      e('jenjangFungsional', 'Jenjang fungsional', JENJANG_FUNGSIONAL),
      e('rumpunFungsional', 'Rumpun fungsional', RUMPUN_FUNGSIONAL),
      t('unitKerja', 'Unit kerja'),
      d('tmtJabatan', 'TMT jabatan', { required: true }),
      t('nomorSk', 'Nomor SK'),
      d('tanggalSk', 'Tanggal SK'),
    ],
  },
};

export type FieldValue = string | number | boolean | null;

function fieldSchema(f: FieldSpec): z.ZodType<FieldValue> {
  switch (f.type) {
    case 'date':
      return z.string().refine(isValidDate, 'Tanggal harus berformat YYYY-MM-DD.');
    case 'int':
      return z.number().int().min(0).max(9999);
    case 'decimal':
      return z.number().min(0).max(100);
    case 'bool':
      return z.boolean();
    case 'enum':
      return z.enum(f.options as [string, ...string[]]);
    default:
      return z.string().trim().min(1, `${f.label} wajib diisi.`).max(f.max ?? 200);
  }
}

/** Schema for the `changes` object of a proposal on a target. On create, required fields must be present. */
export function changesSchema(target: ChangeTarget, op: ChangeOp) {
  const spec = CHANGE_TARGET_SPECS[target];
  const shape: Record<string, z.ZodType> = {};
  for (const f of spec.fields) {
    const base = fieldSchema(f);
    shape[f.key] = op === 'create' && f.required ? base : f.required ? base.optional() : base.nullable().optional();
  }
  return z.strictObject(shape);
}

export const ChangeRequestCreateBody = z
  .object({
    employeeId: z.number().int().positive(),
    target: z.enum(CHANGE_TARGETS),
    op: z.enum(CHANGE_OPS),
    recordId: z.number().int().positive().nullable().optional(),
    changes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
    documentIds: z.array(z.number().int().positive()).max(10).default([]),
    note: z.string().trim().max(1000).optional(),
  })
  .superRefine((b, ctx) => {
    const spec = CHANGE_TARGET_SPECS[b.target];
    if (spec.single && b.op !== 'update') ctx.addIssue({ code: 'custom', path: ['op'], message: 'Data pribadi hanya dapat diubah.' });
    if (!spec.single && b.op !== 'create' && !b.recordId) ctx.addIssue({ code: 'custom', path: ['recordId'], message: 'Pilih data riwayat yang diubah.' });
    if (b.op !== 'delete') {
      const r = changesSchema(b.target, b.op).safeParse(b.changes);
      if (!r.success) for (const i of r.error.issues) ctx.addIssue({ ...i, path: ['changes', ...i.path] } as never);
      if (b.op === 'update' && Object.keys(b.changes).length === 0) ctx.addIssue({ code: 'custom', path: ['changes'], message: 'Tidak ada perubahan.' });
    }
  });
export type ChangeRequestCreateBody = z.infer<typeof ChangeRequestCreateBody>;

export const ChangeRequestPayload = z.object({
  target: z.enum(CHANGE_TARGETS),
  op: z.enum(CHANGE_OPS),
  recordId: z.number().int().nullable(),
  changes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  /** The record's values of the changed fields when the proposal was made. */
  before: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  note: z.string().nullable().optional(),
  /** Id of the record created by an approved `create`. */
  appliedRecordId: z.number().int().nullable().optional(),
});
export type ChangeRequestPayload = z.infer<typeof ChangeRequestPayload>;

export const RequestActionBody = z.object({
  version: z.number().int().positive(),
  note: z.string().trim().max(2000).optional(),
  data: z.unknown().optional(),
});

export const ResubmitData = z.object({
  changes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  documentIds: z.array(z.number().int().positive()).max(10).optional(),
});

export const DATA_CHANGE_STATES = {
  DIAJUKAN: 'Diajukan',
  VERIFIKASI_2: 'Verifikasi tahap 2',
  DISETUJUI: 'Disetujui',
  DITOLAK: 'Ditolak',
  DIKEMBALIKAN: 'Dikembalikan — berkas tidak lengkap',
  DIBATALKAN: 'Dibatalkan',
} as const;

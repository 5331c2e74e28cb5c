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
import { appYear } from '../clock.ts';
import { GOLONGAN } from '../rules/golongan.ts';
import { compareDates, isValidDate } from '../rules/dates.ts';
import { clockBoundsApply, decimal, id, int, INT4_MAX, isoDate, pastDate, text, tmtDate, YEAR_BOUNDS } from './primitives.ts';

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
  /** text: maximum length. */
  max?: number;
  /** int/decimal: allowed range ('this-year' = up to the current year). */
  range?: { min: number; max: number | 'this-year' };
  /** date: 'past' = not after today; 'tmt' = at most DATE_BOUNDS.tmtHorizonYears ahead; default any plausible day. */
  when?: 'past' | 'tmt';
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
const d = (key: string, label: string, when: FieldSpec['when'], extra: Partial<FieldSpec> = {}): FieldSpec => ({ key, label, type: 'date', when, ...extra });
const e = (key: string, label: string, options: readonly string[], extra: Partial<FieldSpec> = {}): FieldSpec => ({ key, label, type: 'enum', options, ...extra });
const i = (key: string, label: string, range: FieldSpec['range'], extra: Partial<FieldSpec> = {}): FieldSpec => ({ key, label, type: 'int', range, ...extra });

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
      d('tanggalLahir', 'Tanggal lahir', 'past', { required: true }),
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
      d('tanggalLahir', 'Tanggal lahir', 'past'),
      e('jenisKelamin', 'Jenis kelamin', JENIS_KELAMIN),
      d('tanggalNikah', 'Tanggal nikah', 'past'),
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
      i('tahunLulus', 'Tahun lulus', { min: YEAR_BOUNDS.min, max: 'this-year' }),
      t('nomorIjazah', 'Nomor ijazah'),
      d('tanggalIjazah', 'Tanggal ijazah', 'past'),
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
      d('tanggalMulai', 'Tanggal mulai', 'tmt', { required: true }),
      d('tanggalSelesai', 'Tanggal selesai', 'tmt', { required: true }),
      i('jp', 'Jumlah JP', { min: 0, max: 9999 }, { required: true }),
      t('nomorSertifikat', 'Nomor sertifikat'),
    ],
  },
  skp: {
    label: 'SKP',
    single: false,
    documentType: 'SKP',
    fields: [
      i('tahun', 'Tahun', { min: YEAR_BOUNDS.min, max: 'this-year' }, { required: true }),
      { key: 'nilai', label: 'Nilai', type: 'decimal', range: { min: 0, max: 100 } },
      e('predikat', 'Predikat', PREDIKAT_SKP),
    ],
  },
  pangkat: {
    label: 'Riwayat pangkat/golongan',
    single: false,
    documentType: 'SK_PANGKAT',
    fields: [
      e('golongan', 'Golongan', GOLONGAN, { required: true }),
      d('tmtGolongan', 'TMT golongan', 'tmt', { required: true }),
      e('jenisKp', 'Jenis KP', JENIS_KP),
      t('nomorSk', 'Nomor SK'),
      d('tanggalSk', 'Tanggal SK', 'tmt'),
      i('mkgTahun', 'MKG (tahun)', { min: 0, max: 60 }, { required: true }),
      i('mkgBulan', 'MKG (bulan)', { min: 0, max: 11 }, { required: true }),
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
      d('tmtJabatan', 'TMT jabatan', 'tmt', { required: true }),
      t('nomorSk', 'Nomor SK'),
      d('tanggalSk', 'Tanggal SK', 'tmt'),
    ],
  },
};

export type FieldValue = string | number | boolean | null;

function fieldSchema(f: FieldSpec): z.ZodType<FieldValue> {
  switch (f.type) {
    case 'date':
      return f.when === 'past' ? pastDate(f.label) : f.when === 'tmt' ? tmtDate(f.label) : isoDate({ label: f.label });
    case 'int':
    case 'decimal': {
      const { min, max } = f.range ?? { min: 0, max: 9999 };
      const base = f.type === 'int' ? int(min, max === 'this-year' ? YEAR_BOUNDS.max : max, f.label) : decimal(min, max === 'this-year' ? YEAR_BOUNDS.max : max, f.label);
      return max === 'this-year' ? base.refine((v) => !clockBoundsApply() || v <= appYear(), `${f.label} tidak boleh setelah tahun ini.`) : base;
    }
    case 'bool':
      return z.boolean();
    case 'enum':
      return z.enum(f.options as [string, ...string[]]);
    default:
      return text({ label: f.label, min: 1, max: f.max ?? 200 });
  }
}

/**
 * Rules between the fields of one record (its values after the change): a course does not end
 * before it starts. Issues name the field to correct.
 */
export function recordIssues(target: ChangeTarget, values: Record<string, FieldValue | undefined>): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (target === 'diklat') {
    const a = values.tanggalMulai;
    const b = values.tanggalSelesai;
    if (typeof a === 'string' && typeof b === 'string' && isValidDate(a) && isValidDate(b) && compareDates(b, a) < 0) {
      issues.push({ path: 'tanggalSelesai', message: 'Tanggal selesai tidak boleh sebelum tanggal mulai.' });
    }
  }
  return issues;
}

/** Schema for the `changes` object of a proposal on a target. On create, required fields must be present. */
export function changesSchema(target: ChangeTarget, op: ChangeOp) {
  const spec = CHANGE_TARGET_SPECS[target];
  const shape: Record<string, z.ZodType> = {};
  for (const f of spec.fields) {
    const base = fieldSchema(f);
    shape[f.key] = op === 'create' && f.required ? base : f.required ? base.optional() : base.nullable().optional();
  }
  return z.strictObject(shape).superRefine((values, ctx) => {
    for (const issue of recordIssues(target, values as Record<string, FieldValue>)) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  });
}

/** A proposed value before its field's own schema: a bounded scalar (the field schemas check the rest). */
const ChangeValue = z.union([text({ max: 1000, trim: false }), decimal(-INT4_MAX, INT4_MAX), z.boolean(), z.null()]);
/** The proposed values by field name (the target's schema refuses unknown names). */
const Changes = z.record(text({ label: 'Nama field', max: 50, trim: false }), ChangeValue);

export const ChangeRequestCreateBody = z
  .object({
    employeeId: id('ID pegawai'),
    target: z.enum(CHANGE_TARGETS),
    op: z.enum(CHANGE_OPS),
    recordId: id('ID data riwayat').nullable().optional(),
    changes: Changes.default({}),
    documentIds: z.array(id('ID dokumen')).max(10).default([]),
    note: text({ label: 'Catatan', max: 1000 }).optional(),
  })
  .superRefine((b, ctx) => {
    const spec = CHANGE_TARGET_SPECS[b.target];
    if (spec.single && b.op !== 'update') ctx.addIssue({ code: 'custom', path: ['op'], message: 'Data pribadi hanya dapat diubah.' });
    if (!spec.single && b.op !== 'create' && !b.recordId) ctx.addIssue({ code: 'custom', path: ['recordId'], message: 'Pilih data riwayat yang diubah.' });
    if (b.op === 'delete') {
      if (Object.keys(b.changes).length) ctx.addIssue({ code: 'custom', path: ['changes'], message: 'Usulan hapus tidak memuat perubahan nilai.' });
    } else {
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
  version: id('Versi'),
  note: text({ label: 'Catatan', max: 2000 }).optional(),
  /** Input of the action, checked by the action's own schema (free-form JSON otherwise). */
  data: z.unknown().optional(),
});

export const ResubmitData = z.object({
  changes: Changes.optional(),
  documentIds: z.array(id('ID dokumen')).max(10).optional(),
});

export const DATA_CHANGE_STATES = {
  DIAJUKAN: 'Diajukan',
  VERIFIKASI_2: 'Verifikasi tahap 2',
  DISETUJUI: 'Disetujui',
  DITOLAK: 'Ditolak',
  DIKEMBALIKAN: 'Dikembalikan — berkas tidak lengkap',
  DIBATALKAN: 'Dibatalkan',
} as const;

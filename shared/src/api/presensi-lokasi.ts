/**
 * API contract of the attendance set-up and requests: an OPD's work location (point and radius,
 * or a GeoJSON polygon), dated special schedules (e.g. Ramadan), the employee's request for a
 * work-from-home / field-duty location, and the daily activity log (aktivitas harian).
 */
import { z } from 'zod';
import { polygonProblem, type GeoPolygon } from '../rules/geofence.ts';
import { HHMM, hhmmToMinutes } from '../rules/presensi.ts';
import { decimal, endNotBefore, id, int, isoDate, text } from './primitives.ts';

const hhmm = (label: string) => z.string().regex(HHMM, `${label}: format HH:MM.`);

export const LokasiKerjaBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('POINT'), latitude: decimal(-90, 90, 'Lintang'), longitude: decimal(-180, 180, 'Bujur'), radiusM: int(10, 5000, 'Radius (m)') }).strict(),
  z
    .object({ kind: z.literal('POLYGON'), polygon: z.unknown() })
    .strict()
    .superRefine((v, ctx) => {
      const problem = polygonProblem(v.polygon);
      if (problem) ctx.addIssue({ code: 'custom', path: ['polygon'], message: problem });
    })
    .transform((v) => ({ kind: v.kind, polygon: v.polygon as GeoPolygon })),
]);
export type LokasiKerjaBody = z.infer<typeof LokasiKerjaBody>;

const WeekdayHours = z
  .object({ hari: int(1, 7, 'Hari'), jamMasuk: hhmm('Jam masuk'), jamPulang: hhmm('Jam pulang') })
  .strict()
  .refine((v) => hhmmToMinutes(v.jamPulang) > hhmmToMinutes(v.jamMasuk), { message: 'Jam pulang harus setelah jam masuk.', path: ['jamPulang'] });

export const JadwalKhususBody = z
  .object({
    nama: text({ label: 'Nama jadwal', min: 1, max: 120 }),
    mulai: isoDate({ label: 'Tanggal mulai' }),
    selesai: isoDate({ label: 'Tanggal selesai' }),
    items: z
      .array(WeekdayHours)
      .max(7)
      .refine((items) => new Set(items.map((i) => i.hari)).size === items.length, 'Hari tidak boleh berulang.'),
  })
  .strict()
  .superRefine(endNotBefore('mulai', 'selesai'))
  .refine((v) => v.mulai > '' && Date.parse(v.selesai) - Date.parse(v.mulai) <= 366 * 86_400_000, { message: 'Jadwal khusus paling lama satu tahun.', path: ['selesai'] });
export type JadwalKhususBody = z.infer<typeof JadwalKhususBody>;

export const JENIS_LOKASI_TUGAS = ['WFH', 'DINAS_LUAR'] as const;

export const LokasiTugasBody = z
  .object({
    jenis: z.enum(JENIS_LOKASI_TUGAS),
    nama: text({ label: 'Nama lokasi', min: 1, max: 200 }),
    latitude: decimal(-90, 90, 'Lintang'),
    longitude: decimal(-180, 180, 'Bujur'),
    radiusM: int(10, 1000, 'Radius (m)'),
    mulai: isoDate({ label: 'Tanggal mulai' }),
    selesai: isoDate({ label: 'Tanggal selesai' }),
    alasan: text({ label: 'Alasan', min: 1, max: 1000 }),
  })
  .strict()
  .superRefine(endNotBefore('mulai', 'selesai'))
  .refine((v) => Date.parse(v.selesai) - Date.parse(v.mulai) <= 92 * 86_400_000, { message: 'Paling lama 3 bulan per permohonan.', path: ['selesai'] });
export type LokasiTugasBody = z.infer<typeof LokasiTugasBody>;

const aktivitasFields = {
  tanggal: isoDate({ label: 'Tanggal' }),
  jamMulai: hhmm('Jam mulai'),
  jamSelesai: hhmm('Jam selesai'),
  uraian: text({ label: 'Uraian kegiatan', min: 3, max: 2000 }),
  output: text({ label: 'Keluaran', max: 500 }).nullish(),
  documentId: id('Dokumen').nullish(),
};
const inOrder = (v: { jamMulai: string; jamSelesai: string }) => hhmmToMinutes(v.jamSelesai) > hhmmToMinutes(v.jamMulai);
const inOrderIssue = () => ({ message: 'Jam selesai harus setelah jam mulai.', path: ['jamSelesai'] });

export const AktivitasBody = z.object(aktivitasFields).strict().refine(inOrder, inOrderIssue());
/** An edit names the version it was read at (a concurrent change → 409). */
export const AktivitasUpdateBody = z
  .object({ ...aktivitasFields, version: int(1, 1_000_000, 'Versi') })
  .strict()
  .refine(inOrder, inOrderIssue());
export type AktivitasBody = z.infer<typeof AktivitasBody>;

export const AktivitasReviewBody = z
  .object({
    decision: z.enum(['SETUJUI', 'KEMBALIKAN']),
    note: text({ label: 'Catatan', max: 1000 }).optional(),
    version: int(1, 1_000_000, 'Versi'),
  })
  .strict()
  .refine((v) => v.decision === 'SETUJUI' || (v.note ?? '').length > 0, { message: 'Catatan wajib diisi saat mengembalikan.', path: ['note'] });
export type AktivitasReviewBody = z.infer<typeof AktivitasReviewBody>;

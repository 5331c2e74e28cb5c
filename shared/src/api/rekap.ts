/** API contract of the attendance recap (rekap presensi), the TPP basis, the discipline warning list and official-duty days. */
import { z } from 'zod';
import { isoDate, text } from './primitives.ts';
import { YearMonthSchema } from '../rules/dates.ts';
import { TPP_CLASSES } from '../rules/tpp.ts';

const OpdKode = text({ label: 'Kode OPD', min: 1, max: 50 });
const Format = z.enum(['json', 'xlsx']).default('json');

export const RekapQuery = z.object({
  /** YYYY-MM, default the current month. */
  month: YearMonthSchema.optional(),
  /** An OPD code: that unit and every unit under it. */
  opd: OpdKode.optional(),
  format: Format,
});
export type RekapQuery = z.infer<typeof RekapQuery>;

export const DisiplinQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2200).optional(),
  opd: OpdKode.optional(),
  format: Format,
});
export type DisiplinQuery = z.infer<typeof DisiplinQuery>;

const Pct = z.number().min(0).max(100);
const Bands = z.tuple([Pct, Pct, Pct, Pct]);
export const TppConfigBody = z
  .object({
    potongan: z
      .object({ terlambat: Bands, pulangCepat: Bands, tanpaKeterangan: Pct, batasPersen: Pct, dasarHukum: text({ label: 'Dasar hukum', min: 1, max: 300 }) })
      .strict(),
    besaran: z.partialRecord(z.enum(TPP_CLASSES), z.number().int().min(0).max(1_000_000_000)),
    /** Attendance counts from this day; null = from the first accepted reading; absent = unchanged. */
    mulaiBerlaku: isoDate({ label: 'Presensi berlaku mulai' }).nullable().optional(),
  })
  .strict();
export type TppConfigBody = z.infer<typeof TppConfigBody>;

export const DinasLuarBody = z
  .object({
    nip: z.string().regex(/^\d{18}$/, 'NIP 18 digit.'),
    tanggalMulai: isoDate({ label: 'Tanggal mulai' }),
    tanggalSelesai: isoDate({ label: 'Tanggal selesai' }),
    nomorSurat: text({ label: 'Nomor surat tugas', min: 1, max: 100 }),
    keterangan: text({ label: 'Keterangan', max: 500 }).optional(),
  })
  .strict()
  .refine((b) => b.tanggalSelesai >= b.tanggalMulai, { message: 'Tanggal selesai tidak boleh sebelum tanggal mulai.', path: ['tanggalSelesai'] })
  .refine((b) => (Date.parse(b.tanggalSelesai) - Date.parse(b.tanggalMulai)) / 86_400_000 < 31, { message: 'Paling lama 31 hari sekali catat.', path: ['tanggalSelesai'] });
export type DinasLuarBody = z.infer<typeof DinasLuarBody>;

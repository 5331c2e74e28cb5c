/** API contract of attendance (SIPERLU): a check-in/out reading, the month view, the schedule. */
import { z } from 'zod';
import { HHMM, hhmmToMinutes } from '../rules/presensi.ts';
import { int } from './primitives.ts';

export const PresensiBody = z
  .object({
    jenis: z.enum(['MASUK', 'PULANG']),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    /** Metres (GeolocationCoordinates.accuracy). */
    accuracy: z.number().min(0).max(100_000),
    /** The phone's clock: accepted for diagnostics and ignored (the server stamps the time). */
    clientTime: z.string().max(40).optional(),
  })
  .strict();
export type PresensiBody = z.infer<typeof PresensiBody>;

export const ScheduleBody = z
  .object({
    items: z
      .array(
        z
          .object({ hari: int(1, 7, 'Hari'), jamMasuk: z.string().regex(HHMM, 'Format HH:MM.'), jamPulang: z.string().regex(HHMM, 'Format HH:MM.') })
          .strict()
          .refine((v) => hhmmToMinutes(v.jamPulang) > hhmmToMinutes(v.jamMasuk), { message: 'Jam pulang harus setelah jam masuk.', path: ['jamPulang'] }),
      )
      .max(7)
      .refine((items) => new Set(items.map((i) => i.hari)).size === items.length, 'Hari tidak boleh berulang.'),
  })
  .strict();
export type ScheduleBody = z.infer<typeof ScheduleBody>;

/** The regency's own week: at least one working day (an OPD's empty list means "the regency's hours"). */
export const RegencyScheduleBody = ScheduleBody.refine((b) => b.items.length > 0, { message: 'Minimal satu hari kerja.', path: ['items'] });

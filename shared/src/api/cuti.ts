/**
 * API contract of e-Cuti (leave, DOMAIN-RULES §6): the ASN's balance and history, a preview of a
 * request (working days, broken rules, documents needed), the request itself, and the holiday
 * calendar per year. Shared by the server and the web.
 */
import { z } from 'zod';
import { ALASAN_PENTING, JENIS_CUTI_CODES, SAKIT_VARIAN, type AlasanPenting, type JenisCuti } from '../rules/cuti.ts';
import { endNotBefore, id, int, isoDate, text } from './primitives.ts';

export const JenisCutiSchema = z.enum(JENIS_CUTI_CODES as [JenisCuti, ...JenisCuti[]]).describe('TAHUNAN | BESAR | SAKIT | MELAHIRKAN | ALASAN_PENTING | CLTN');
const ALASAN_CODES = Object.keys(ALASAN_PENTING) as [AlasanPenting, ...AlasanPenting[]];
export const AlasanPentingSchema = z.enum(ALASAN_CODES);

/** The leave period and the facts its type needs (the rules in rules/cuti.ts check them). */
export const CutiPeriodBody = z
  .object({
    jenis: JenisCutiSchema,
    mulai: isoDate({ label: 'Tanggal mulai' }),
    selesai: isoDate({ label: 'Tanggal selesai' }),
    sakitVarian: z.enum(SAKIT_VARIAN).nullish(),
    perpanjanganSakit: z.boolean().optional(),
    anakKe: int(1, 20, 'Anak ke').nullish(),
    alasanPenting: AlasanPentingSchema.nullish(),
    hajiPertama: z.boolean().optional(),
    perpanjanganCltn: z.boolean().optional(),
  })
  .strict()
  .superRefine(endNotBefore('mulai', 'selesai'));
export type CutiPeriodBody = z.infer<typeof CutiPeriodBody>;

export const CutiCreateBody = z
  .object({
    period: CutiPeriodBody,
    alasan: text({ label: 'Alasan cuti', min: 3, max: 500 }),
    alamatSelamaCuti: text({ label: 'Alamat selama cuti', min: 3, max: 300 }),
    /** Vault documents of the employee (doctor's letter, …), matched to the checklist. */
    documentIds: z.array(id('Dokumen')).max(10).default([]),
  })
  .strict();
export type CutiCreateBody = z.infer<typeof CutiCreateBody>;

export const CutiPreview = z.object({
  lamaHari: z.number().int(),
  calendarDays: z.number().int(),
  issues: z.array(z.object({ code: z.string(), message: z.string() })),
  documents: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
  needsBkn: z.boolean(),
});

export const AnnualBalanceView = z.object({
  year: z.number().int(),
  eligible: z.boolean(),
  eligibleFrom: z.string().nullable(),
  forfeited: z.boolean(),
  base: z.number().int(),
  carried: z.number().int(),
  bonus: z.number().int(),
  entitlement: z.number().int(),
  used: z.number().int(),
  /** Working days asked in open requests (held against the balance). */
  pending: z.number().int(),
  remaining: z.number().int(),
});

export const HolidayBody = z
  .object({
    items: z
      .array(
        z.object({
          tanggal: isoDate({ label: 'Tanggal' }),
          jenis: z.enum(['LIBUR_NASIONAL', 'CUTI_BERSAMA']),
          keterangan: text({ label: 'Keterangan', min: 1, max: 200 }),
        }).strict(),
      )
      .max(60),
  })
  .strict();
export type HolidayBody = z.infer<typeof HolidayBody>;

/**
 * API contract of the workforce statistics (GET /api/statistics, GET /api/statistics/export):
 * the active ASN (PNS, CPNS, PPPK without a stop date) of the agency or of one OPD and the
 * units under it, counted by OPD, golongan, education, position type, sex, status and age band,
 * with retirements per year ahead and KGB falling due per month.
 */
import { z } from 'zod';
import { idParam } from './primitives.ts';

/** The charts of the page; each can be downloaded as a table (CSV or XLSX). */
export const STATISTICS_CHARTS = ['opd', 'golongan', 'pendidikan', 'jenisJabatan', 'jenisKelamin', 'status', 'usia', 'pensiun', 'kgb'] as const;
export type StatisticsChart = (typeof STATISTICS_CHARTS)[number];

/** How many years ahead retirements are counted (the current year included). */
export const RETIREMENT_YEARS = 5;
/** How many months ahead KGB falling due are counted (the current month included). */
export const KGB_MONTHS = 12;

export const StatisticsQuery = z.object({
  /** One OPD and the units under it; absent = the whole agency (BKD) or the admin's OPDs. */
  opdId: idParam('ID OPD').optional(),
});
export type StatisticsQuery = z.infer<typeof StatisticsQuery>;

export const StatisticsExportQuery = StatisticsQuery.extend({
  chart: z.enum(STATISTICS_CHARTS),
  format: z.enum(['csv', 'xlsx']).default('csv'),
});
export type StatisticsExportQuery = z.infer<typeof StatisticsExportQuery>;

const Count = z.object({ key: z.string(), label: z.string(), count: z.number().int() });
export type StatisticsCount = z.infer<typeof Count>;

const AgeBand = z.object({ key: z.string(), label: z.string(), laki: z.number().int(), perempuan: z.number().int() });
export type StatisticsAgeBand = z.infer<typeof AgeBand>;

export const StatisticsResponse = z.object({
  /** The day the figures are computed for (the app's today). */
  asOf: z.string(),
  /** The OPD asked for (null = the whole scope). */
  opd: z.object({ id: z.number().int(), kode: z.string(), nama: z.string() }).nullable(),
  /** Active ASN in the scope. */
  total: z.number().int(),
  byOpd: z.array(Count),
  golongan: z.array(Count),
  pendidikan: z.array(Count),
  jenisJabatan: z.array(Count),
  jenisKelamin: z.array(Count),
  status: z.array(Count),
  usia: z.array(AgeBand),
  /** Reaching the retirement age (BUP of their position) per calendar year, this year first. */
  pensiun: z.array(Count),
  /** Reaching it within 12 months from today (as the OPD admin's home page counts). */
  pensiun12Bulan: z.number().int(),
  /** KGB falling due per month (kgb schedule), this month first; `kgbOverdue` = due before this month, not yet granted. */
  kgb: z.array(Count),
  kgbOverdue: z.number().int(),
});
export type StatisticsResponse = z.infer<typeof StatisticsResponse>;

/**
 * API contract of the live indicators (IKU, INDICATORS.md) and the LKj tables,
 * shared by the server, the CLI and the web app. Values are unrounded; round for
 * display only (roundForDisplay).
 */
import { z } from 'zod';
import { PREDIKAT_SKP } from '../codes.ts';
import { INDICATORS, PolaritySchema } from '../indicators/formulas.ts';
import { decimal, isoDate, pageParam, pageSizeParam, text, year, yearParam } from './primitives.ts';

export const IndicatorCodeSchema = z.enum(INDICATORS);
export type IndicatorCode = z.infer<typeof IndicatorCodeSchema>;
/** Keys of the `indicators` object of a result, in display order. */
export const INDICATOR_KEYS = ['ikp', 'ikom', 'ikin', 'idis', 'ip'] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];
export const INDICATOR_CODE_OF: Record<IndicatorKey, IndicatorCode> = { ikp: 'IKP', ikom: 'IKOM', ikin: 'IKIN', idis: 'IDIS', ip: 'IP' };

/** Indicator years: the platform's data starts after 1950. */
const YEAR_MIN = 1950;
const Year = yearParam(YEAR_MIN);
/** An OPD code (opd=KODE means that unit and every unit under it). */
const OpdKode = text({ label: 'Kode OPD', min: 1, max: 50 });

export const IndicatorQuery = z.object({
  year: Year,
  opd: OpdKode.optional(),
  /** As-of date inside `year`; default 31 December, or today (Asia/Jakarta) for the current year. */
  asOf: isoDate({ label: 'Tanggal posisi' }).optional(),
});
export type IndicatorQuery = z.infer<typeof IndicatorQuery>;

/** GET /api/indicators: the per-OPD breakdown as figures only (default) or with every OPD's components and formulas. */
export const IndicatorAnswerQuery = IndicatorQuery.extend({ breakdown: z.enum(['summary', 'full']).default('summary') });

// ---------------------------------------------------------------------------
// Result

export const OpdRef = z.object({ id: z.number().int(), kode: z.string(), nama: z.string() });
export type OpdRef = z.infer<typeof OpdRef>;

const Ratio = z.object({ num: z.number(), den: z.number(), value: z.number().nullable() });

export const IkpComponents = z.object({
  sumWeights: z.number(),
  n: z.number(),
  referenceWeight: z.number(),
  /** ASN per highest education level on the as-of date (level code → count). */
  byLevel: z.record(z.string(), z.number()),
  /** ASN whose education code is not in ref_pendidikan (weight 0). */
  unknownLevel: z.number(),
});
export const IkomComponents = z.object({ a: Ratio, b: Ratio, c: Ratio, d: Ratio });
export const IkinComponents = z.object({
  sumScores: z.number(),
  n: z.number(),
  scored: z.number(),
  missing: z.number(),
  fromNilai: z.number(),
  fromPredikat: z.number(),
  predicateScores: z.record(z.string(), z.number()),
  /** Year whose predicate table applies (null = defaults of INDICATORS.md). */
  predicateScoresYear: z.number().nullable(),
});
export const IdisComponents = z.object({ ringan: z.number(), sedang: z.number(), berat: z.number(), weighted: z.number(), n: z.number() });
export const IpComponents = z.object({
  weights: z.object({ ikp: z.number(), ikom: z.number(), ikin: z.number(), idis: z.number() }),
  /** Year whose weights apply (null = defaults of INDICATORS.md). */
  weightsYear: z.number().nullable(),
  values: z.object({ ikp: z.number().nullable(), ikom: z.number().nullable(), ikin: z.number().nullable(), idis: z.number().nullable() }),
  note: z.string(),
});

export const IndicatorValue = z.object({
  code: IndicatorCodeSchema,
  label: z.string(),
  /** Unrounded; null when it cannot be computed (see flags). */
  value: z.number().nullable(),
  target: z.number().nullable(),
  capaian: z.number().nullable(),
  polarity: PolaritySchema,
  components: z.union([IkpComponents, IkomComponents, IkinComponents, IdisComponents, IpComponents]),
  /** The formula with its numbers, so an auditor can redo the sum. */
  formula: z.string(),
  capaianFormula: z.string(),
  flags: z.array(z.string()),
});
export type IndicatorValue = z.infer<typeof IndicatorValue>;

export const IndicatorSet = z.object({
  ikp: IndicatorValue,
  ikom: IndicatorValue,
  ikin: IndicatorValue,
  idis: IndicatorValue,
  ip: IndicatorValue,
});
export type IndicatorSet = z.infer<typeof IndicatorSet>;

export const PopulationByStatus = z.object({ PNS: z.number(), CPNS: z.number(), PPPK: z.number() });

export const BreakdownItem = z.object({
  opd: OpdRef,
  population: z.number(),
  populationByStatus: PopulationByStatus,
  indicators: IndicatorSet,
});
export type BreakdownItem = z.infer<typeof BreakdownItem>;

/** One OPD's indicator in the summary breakdown: the figures, without components and formulas. */
export const IndicatorSummary = IndicatorValue.pick({ code: true, label: true, value: true, target: true, capaian: true, polarity: true, flags: true });
export type IndicatorSummary = z.infer<typeof IndicatorSummary>;
export const BreakdownSummaryItem = BreakdownItem.extend({
  indicators: z.object({ ikp: IndicatorSummary, ikom: IndicatorSummary, ikin: IndicatorSummary, idis: IndicatorSummary, ip: IndicatorSummary }),
});
export type BreakdownSummaryItem = z.infer<typeof BreakdownSummaryItem>;

export const PreviousYear = z.object({
  year: z.number(),
  asOf: z.string(),
  population: z.number(),
  indicators: IndicatorSet,
});

export const DecisionTime = z.object({
  type: z.string(),
  label: z.string(),
  decided: z.number(),
  /** Mean days from submission to decision (fractional); null when none was decided. */
  averageDays: z.number().nullable(),
});
export const Counters = z.object({
  kgbLetters: z.number(),
  promotionSks: z.number(),
  pensionSks: z.number(),
  dataChangeVerified: z.number(),
  decisionTimes: z.array(DecisionTime),
  flags: z.array(z.string()),
  notes: z.array(z.string()),
});
export type Counters = z.infer<typeof Counters>;

export const SnapshotValues = z.object({
  ikp: z.number().nullable(),
  ikom: z.number().nullable(),
  ikin: z.number().nullable(),
  idis: z.number().nullable(),
  ip: z.number().nullable(),
});
export const SnapshotSummary = z.object({
  id: z.number(),
  year: z.number(),
  opd: OpdRef.nullable(),
  asOf: z.string(),
  note: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  population: z.number(),
  values: SnapshotValues,
});
export type SnapshotSummary = z.infer<typeof SnapshotSummary>;

export const IndicatorResult = z.object({
  year: z.number(),
  asOf: z.string(),
  /** The unit asked for (null = the whole agency). */
  opd: OpdRef.nullable(),
  /** N: ASN aktif on asOf. */
  population: z.number(),
  populationByStatus: PopulationByStatus,
  indicators: IndicatorSet,
  /** Per top-level OPD (only for the whole agency); numerators and denominators sum to the agency's. */
  breakdown: z.array(BreakdownItem).nullable(),
  previous: PreviousYear,
  counters: Counters,
  /** The latest frozen snapshot of the same year and unit, next to the live values. */
  snapshot: SnapshotSummary.nullable(),
  computedAt: z.string(),
});
export type IndicatorResult = z.infer<typeof IndicatorResult>;

/**
 * The answer of GET /api/indicators: the result, its breakdown summarized unless `breakdown=full`
 * (29 OPDs' components and formulas were 77 of the answer's 80 KB; the agency's own and the
 * previous year's stay complete, and one OPD's are its own answer, opd=KODE).
 */
export const IndicatorAnswer = IndicatorResult.extend({ breakdown: z.array(z.union([BreakdownItem, BreakdownSummaryItem])).nullable() });
export type IndicatorAnswer = z.infer<typeof IndicatorAnswer>;

const summaryOf = ({ code, label, value, target, capaian, polarity, flags }: IndicatorValue): IndicatorSummary => ({ code, label, value, target, capaian, polarity, flags });

/** The result with its breakdown summarized (figures only). */
export function summarizeBreakdown(r: IndicatorResult): IndicatorAnswer {
  return {
    ...r,
    breakdown:
      r.breakdown?.map((b) => ({
        ...b,
        indicators: { ikp: summaryOf(b.indicators.ikp), ikom: summaryOf(b.indicators.ikom), ikin: summaryOf(b.indicators.ikin), idis: summaryOf(b.indicators.idis), ip: summaryOf(b.indicators.ip) },
      })) ?? null,
  };
}

// ---------------------------------------------------------------------------
// Drill-down

export const DRILLDOWN_COMPONENTS = [
  'eselon_without_leadership',
  'jft_without_functional',
  'under_20_jp',
  'without_workshop',
  'missing_skp',
  'penalties',
] as const;
export const DrilldownComponentSchema = z.enum(DRILLDOWN_COMPONENTS);
export type DrilldownComponent = z.infer<typeof DrilldownComponentSchema>;
export const DRILLDOWN_LABELS: Record<DrilldownComponent, string> = {
  eselon_without_leadership: 'Pejabat eselon tanpa diklat kepemimpinan',
  jft_without_functional: 'Pejabat fungsional tanpa diklat fungsional',
  under_20_jp: 'ASN dengan pengembangan kompetensi kurang dari 20 JP',
  without_workshop: 'ASN tanpa seminar/workshop/bimtek',
  missing_skp: 'ASN tanpa nilai SKP',
  penalties: 'Hukuman disiplin yang dihitung',
};

export const DrilldownQuery = IndicatorQuery.extend({
  component: DrilldownComponentSchema,
  page: pageParam(),
  pageSize: pageSizeParam(500, 50),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});
export type DrilldownQuery = z.infer<typeof DrilldownQuery>;

export const DrilldownRow = z.object({
  employeeId: z.number(),
  nip: z.string(),
  nama: z.string(),
  status: z.string(),
  opd: OpdRef,
  jabatan: z.string().nullable(),
  jenisJabatan: z.string().nullable(),
  eselon: z.string().nullable(),
  /** JP of development records ending between 1 January and the as-of date. */
  jpTotal: z.number(),
  workshops: z.number(),
  skpScore: z.number().nullable(),
  /** Penalties only. */
  hukdis: z
    .object({ tingkat: z.string(), jenis: z.string().nullable(), nomorSk: z.string(), tanggalSk: z.string() })
    .nullable(),
});
export type DrilldownRow = z.infer<typeof DrilldownRow>;

export const DrilldownResult = z.object({
  year: z.number(),
  asOf: z.string(),
  opd: OpdRef.nullable(),
  component: DrilldownComponentSchema,
  label: z.string(),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(DrilldownRow),
});
export type DrilldownResult = z.infer<typeof DrilldownResult>;

// ---------------------------------------------------------------------------
// LKj export

export const LkjQuery = IndicatorQuery.extend({ format: z.enum(['xlsx', 'pdf']).default('xlsx') });
export type LkjQuery = z.infer<typeof LkjQuery>;

// ---------------------------------------------------------------------------
// Configuration per year (BKD admin)

const Percent = decimal(0, 100, 'Bobot');
/** A target (indicator_target.target is numeric(12,4); the indicators stay well under 1000, IDis at most 300). */
const Target = (label: string) => decimal(0, 1000, `Target ${label}`).nullable();
export const TargetsBody = z
  .object({ IKP: Target('IKP'), IKOM: Target('IKOM'), IKIN: Target('IKIN'), IDIS: Target('IDIS'), IP: Target('IP') })
  .partial()
  .refine((t) => Object.keys(t).length > 0, { message: 'Isi minimal satu target (null menghapus target).' });
export type TargetsBody = z.infer<typeof TargetsBody>;

export const WeightsBody = z
  .object({ ikp: Percent, ikom: Percent, ikin: Percent, idis: Percent })
  .refine((w) => Math.abs(w.ikp + w.ikom + w.ikin + w.idis - 100) < 1e-9, { message: 'Jumlah bobot harus 100.' });
export type WeightsBody = z.infer<typeof WeightsBody>;

export const PredicateScoresBody = z.object(
  Object.fromEntries(PREDIKAT_SKP.map((p) => [p, decimal(0, 100, `Skor ${p}`)])) as Record<
    (typeof PREDIKAT_SKP)[number],
    z.ZodNumber
  >,
);
export type PredicateScoresBody = z.infer<typeof PredicateScoresBody>;

export const YearParam = z.object({ year: Year });

export const IndicatorConfig = z.object({
  year: z.number(),
  targets: z.record(z.string(), z.number().nullable()),
  weights: z.object({ ikp: z.number(), ikom: z.number(), ikin: z.number(), idis: z.number() }),
  weightsYear: z.number().nullable(),
  predicateScores: z.record(z.string(), z.number()),
  predicateScoresYear: z.number().nullable(),
});
export type IndicatorConfig = z.infer<typeof IndicatorConfig>;

// ---------------------------------------------------------------------------
// Snapshots

export const SnapshotCreateBody = z.object({
  year: year(YEAR_MIN),
  opd: OpdKode.optional(),
  asOf: isoDate({ label: 'Tanggal posisi' }).optional(),
  note: text({ label: 'Catatan', min: 1, max: 500 }),
});
export type SnapshotCreateBody = z.infer<typeof SnapshotCreateBody>;

export const SnapshotListQuery = z.object({ year: Year, opd: OpdKode.optional() });

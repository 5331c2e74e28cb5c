/** Wire types of the indicator endpoints (server/src/modules/indicators; contract in @simak/shared/api/indicators). */
import type {
  Counters,
  DrilldownComponent,
  DrilldownResult,
  DrilldownRow,
  IndicatorAnswer,
  IndicatorConfig,
  IndicatorValue,
  SnapshotSummary,
  TargetsBody,
  WeightsBody,
} from '@simak/shared/api/indicators';

/** What GET /api/indicators answers (the per-OPD breakdown as figures only). */
type IndicatorResult = IndicatorAnswer;

export type {
  Counters,
  DrilldownComponent,
  DrilldownResult,
  DrilldownRow,
  IndicatorConfig,
  IndicatorResult,
  IndicatorValue,
  SnapshotSummary,
  TargetsBody,
  WeightsBody,
};

/** Keys of `indicators`, in display order (same as INDICATOR_KEYS; kept here so zod stays out of the bundle). */
export const INDEX_KEYS = ['ikp', 'ikom', 'ikin', 'idis', 'ip'] as const;
export type IndexKey = (typeof INDEX_KEYS)[number];
export const INDEX_CODES: Record<IndexKey, 'IKP' | 'IKOM' | 'IKIN' | 'IDIS' | 'IP'> = {
  ikp: 'IKP',
  ikom: 'IKOM',
  ikin: 'IKIN',
  idis: 'IDIS',
  ip: 'IP',
};
/** Short display names (IKom, IKin …). */
export const INDEX_SHORT: Record<IndexKey, string> = { ikp: 'IKP', ikom: 'IKom', ikin: 'IKin', idis: 'IDis', ip: 'IP' };

export interface Ratio {
  num: number;
  den: number;
  value: number | null;
}
export interface IkpComponents {
  sumWeights: number;
  n: number;
  referenceWeight: number;
  byLevel: Record<string, number>;
  unknownLevel: number;
}
export interface IkomComponents {
  a: Ratio;
  b: Ratio;
  c: Ratio;
  d: Ratio;
}
export interface IkinComponents {
  sumScores: number;
  n: number;
  scored: number;
  missing: number;
  fromNilai: number;
  fromPredikat: number;
  predicateScores: Record<string, number>;
  predicateScoresYear: number | null;
}
export interface IdisComponents {
  ringan: number;
  sedang: number;
  berat: number;
  weighted: number;
  n: number;
}
export interface IpComponents {
  weights: { ikp: number; ikom: number; ikin: number; idis: number };
  weightsYear: number | null;
  values: { ikp: number | null; ikom: number | null; ikin: number | null; idis: number | null };
  note: string;
}

/** Scope of a request: year, optional unit and as-of date. */
export interface IndicatorParams {
  year: number;
  opd?: string | undefined;
  asOf?: string | undefined;
}

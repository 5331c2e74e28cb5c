/**
 * Indicator configuration per year, edited by a BKD admin (each change audited in
 * the same transaction):
 *   - targets (indicator_target): one per indicator and year; no row = no target;
 *   - IP weights (indicator_weight) and SKP predicate scores (indicator_predicate_score):
 *     the latest year ≤ Y that has its own row/table applies; none → INDICATORS.md defaults.
 */
import {
  DEFAULT_IP_WEIGHTS,
  DEFAULT_PREDIKAT_SCORES,
  INDICATORS,
  PREDIKAT_SKP,
  type Indicator,
  type IpWeights,
  type PredikatSkp,
} from '@simak/shared';
import type { IndicatorConfig, PredicateScoresBody, TargetsBody, WeightsBody } from '@simak/shared/api/indicators';
import { writeAudit, type RequestMeta } from '../../audit/audit.ts';
import type { Db, Tx } from '../../db.ts';

export interface YearConfig {
  year: number;
  targets: Record<Indicator, number | null>;
  weights: IpWeights;
  weightsYear: number | null;
  predicateScores: Record<PredikatSkp, number>;
  predicateScoresYear: number | null;
}

export async function loadYearConfig(db: Db | Tx, year: number): Promise<YearConfig> {
  const [targetRows, weightRow, scoreYear] = await Promise.all([
    db.indicatorTarget.findMany({ where: { year } }),
    db.indicatorWeight.findFirst({ where: { year: { lte: year } }, orderBy: { year: 'desc' } }),
    db.indicatorPredicateScore.findFirst({ where: { year: { lte: year } }, orderBy: { year: 'desc' }, select: { year: true } }),
  ]);
  const targets = Object.fromEntries(INDICATORS.map((c) => [c, null])) as Record<Indicator, number | null>;
  for (const r of targetRows) if ((INDICATORS as readonly string[]).includes(r.code)) targets[r.code as Indicator] = Number(r.target);
  const predicateScores = { ...DEFAULT_PREDIKAT_SCORES };
  if (scoreYear) {
    const rows = await db.indicatorPredicateScore.findMany({ where: { year: scoreYear.year } });
    for (const r of rows) predicateScores[r.predikat] = Number(r.score);
  }
  return {
    year,
    targets,
    weights: weightRow
      ? { ikp: Number(weightRow.ikp), ikom: Number(weightRow.ikom), ikin: Number(weightRow.ikin), idis: Number(weightRow.idis) }
      : { ...DEFAULT_IP_WEIGHTS },
    weightsYear: weightRow?.year ?? null,
    predicateScores,
    predicateScoresYear: scoreYear?.year ?? null,
  };
}

export function presentConfig(c: YearConfig): IndicatorConfig {
  return {
    year: c.year,
    targets: c.targets,
    weights: c.weights,
    weightsYear: c.weightsYear,
    predicateScores: c.predicateScores,
    predicateScoresYear: c.predicateScoresYear,
  };
}

/** Sets (number) or removes (null) the targets given; the others stay. */
export async function putTargets(db: Db, meta: RequestMeta, year: number, body: TargetsBody) {
  return db.$transaction(async (tx) => {
    const before = (await loadYearConfig(tx, year)).targets;
    for (const code of INDICATORS) {
      if (!(code in body)) continue;
      const value = body[code];
      if (value === null || value === undefined) await tx.indicatorTarget.deleteMany({ where: { year, code } });
      else
        await tx.indicatorTarget.upsert({
          where: { year_code: { year, code } },
          create: { year, code, target: value, updatedById: meta.actorUserId },
          update: { target: value, updatedById: meta.actorUserId },
        });
    }
    const after = (await loadYearConfig(tx, year)).targets;
    await writeAudit(tx, meta, { action: 'indicator_target.updated', entityType: 'indicator_target', entityId: year, before, after });
    return presentConfig(await loadYearConfig(tx, year));
  });
}

export async function putWeights(db: Db, meta: RequestMeta, year: number, body: WeightsBody) {
  return db.$transaction(async (tx) => {
    const before = await tx.indicatorWeight.findUnique({ where: { year } });
    await tx.indicatorWeight.upsert({
      where: { year },
      create: { year, ...body, updatedById: meta.actorUserId },
      update: { ...body, updatedById: meta.actorUserId },
    });
    await writeAudit(tx, meta, {
      action: 'indicator_weight.updated',
      entityType: 'indicator_weight',
      entityId: year,
      before: before ? { ikp: Number(before.ikp), ikom: Number(before.ikom), ikin: Number(before.ikin), idis: Number(before.idis) } : null,
      after: body,
    });
    return presentConfig(await loadYearConfig(tx, year));
  });
}

export async function putPredicateScores(db: Db, meta: RequestMeta, year: number, body: PredicateScoresBody) {
  return db.$transaction(async (tx) => {
    const rows = await tx.indicatorPredicateScore.findMany({ where: { year } });
    const before = rows.length ? Object.fromEntries(rows.map((r) => [r.predikat, Number(r.score)])) : null;
    for (const predikat of PREDIKAT_SKP) {
      await tx.indicatorPredicateScore.upsert({
        where: { year_predikat: { year, predikat } },
        create: { year, predikat, score: body[predikat], updatedById: meta.actorUserId },
        update: { score: body[predikat], updatedById: meta.actorUserId },
      });
    }
    await writeAudit(tx, meta, { action: 'indicator_predicate_score.updated', entityType: 'indicator_predicate_score', entityId: year, before, after: body });
    return presentConfig(await loadYearConfig(tx, year));
  });
}

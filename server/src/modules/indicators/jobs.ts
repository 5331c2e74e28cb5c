import { appToday } from '@simak/shared';
import type { Handler } from '../../jobs/types.ts';
import { materializeYear } from './compute.ts';

/** The current and the previous year (Asia/Jakarta), the years every dashboard opens on. */
export function defaultMaterializedYears(today = appToday()): number[] {
  const y = Number(today.slice(0, 4));
  return [y - 1, y];
}

const materialize: Handler<'indicators.materialize'> = async (p, ctx) => {
  const years = p.year == null ? defaultMaterializedYears() : [p.year];
  const built: number[] = [];
  for (const year of years) {
    const t0 = Date.now();
    if (await materializeYear(ctx.db, year)) {
      built.push(year);
      ctx.logger.info({ year, ms: Date.now() - t0 }, 'indicator facts materialized');
    }
  }
  return built.length ? { status: 'done', built } : { status: 'skipped', reason: 'already materialized' };
};

export const indicatorHandlers = { 'indicators.materialize': materialize };

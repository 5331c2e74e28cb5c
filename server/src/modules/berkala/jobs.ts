import { appToday } from '@simak/shared';
import { systemMeta } from '../../audit/audit.ts';
import type { Handler } from '../../jobs/types.ts';
import { runKgbScan } from './scan.ts';
import { applyDueKgb } from './service.ts';

const scan: Handler<'berkala.scan'> = async (p, ctx) => {
  // The daily schedule carries a fixed payload: it scans as of the day it runs.
  const date = p.trigger === 'schedule' ? appToday() : p.date;
  const meta = systemMeta(`berkala.scan/${date}/${p.trigger}`);
  const result = await runKgbScan(ctx.db, { today: date, meta });
  const applied = await applyDueKgb(ctx.db, date);
  await ctx.db.appSetting.upsert({
    where: { key: 'berkala.last_scan' },
    create: { key: 'berkala.last_scan', value: { ...result, applied, date, trigger: p.trigger, at: new Date().toISOString() } },
    update: { value: { ...result, applied, date, trigger: p.trigger, at: new Date().toISOString() } },
  });
  ctx.logger.info({ ...result, applied }, 'KGB scan done');
  return { status: 'done', ...result, applied };
};

export const berkalaHandlers = { 'berkala.scan': scan };

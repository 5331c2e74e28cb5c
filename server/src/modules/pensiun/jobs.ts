import { appToday } from '@simak/shared';
import type { Handler } from '../../jobs/types.ts';
import { openDueFiles, recordDueExits } from './open.ts';

/** Daily: open the BUP files whose lead time has started, and record the exits at the SK's TMT. */
const daily: Handler<'pensiun.daily'> = async (p, ctx) => {
  // The daily schedule carries a fixed payload: it runs as of the day it runs.
  const date = p.trigger === 'schedule' ? appToday() : p.date;
  const opened = await openDueFiles(ctx.db, date);
  const exits = await recordDueExits(ctx.db, date);
  ctx.logger.info({ ...opened, requestIds: undefined, exits }, 'pensiun daily done');
  return { status: 'done', opened: opened.opened, existing: opened.existing, exits };
};

export const pensiunHandlers = { 'pensiun.daily': daily };

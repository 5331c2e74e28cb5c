/**
 * Binds every job name of the catalog to its handler. Modules export their
 * handlers from their jobs.ts; add them here. TypeScript rejects a missing one,
 * and assertHandlers() re-checks at worker start-up.
 */
import { JOBS, type JobName } from './catalog.ts';
import type { HandlerMap } from './types.ts';
import { systemHandlers } from './system-jobs.ts';
import { berkalaHandlers } from '../modules/berkala/jobs.ts';
import { importHandlers } from '../modules/imports/jobs.ts';
import { indicatorHandlers } from '../modules/indicators/jobs.ts';
import { letterHandlers } from '../modules/letters/jobs.ts';
import { pensiunHandlers } from '../modules/pensiun/jobs.ts';

export const handlers: HandlerMap = {
  ...systemHandlers,
  ...berkalaHandlers,
  ...importHandlers,
  ...indicatorHandlers,
  ...letterHandlers,
  ...pensiunHandlers,
};

export function assertHandlers(map: Partial<Record<string, unknown>>) {
  const missing = (Object.keys(JOBS) as JobName[]).filter((n) => typeof map[n] !== 'function');
  const unknown = Object.keys(map).filter((n) => !(n in JOBS));
  if (missing.length || unknown.length) {
    throw new Error(
      `Job registry mismatch: ${missing.length ? `no handler for ${missing.join(', ')}` : ''}${
        unknown.length ? ` handler without catalog entry: ${unknown.join(', ')}` : ''
      }`,
    );
  }
}

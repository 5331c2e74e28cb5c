/** Job handler 'import.run': runs a queued import from storage (idempotent, see executeImport). */
import type { Handler } from '../../jobs/types.ts';
import { importLimits } from './limits.ts';
import { executeImport, IMPORT_RUN_ATTEMPTS, markRunFailed } from './service.ts';

/** The uploaded file of a rejected or failed import is of no further use: it is removed from storage. */
const DISCARD_FILE = new Set(['REJECTED', 'FAILED']);

export const runImportJob: Handler<'import.run'> = async ({ importId }, ctx) => {
  const job = await ctx.db.importJob.findUnique({ where: { id: importId }, select: { status: true, storageKey: true } });
  if (!job) return { status: 'skipped', reason: 'import not found' };
  const discard = () => ctx.storage.delete(job.storageKey).catch((err: unknown) => ctx.logger.warn({ err, importId }, 'import file not removed'));
  if (job.status !== 'QUEUED' && job.status !== 'RUNNING') {
    // A run that ended before its file was removed (crash in between): remove it now.
    if (DISCARD_FILE.has(job.status)) await discard();
    return { status: 'skipped', reason: `already ${job.status}` };
  }
  try {
    const r = await executeImport(ctx.db, importId, () => ctx.storage.get(job.storageKey), {
      logger: ctx.logger,
      limits: importLimits(ctx.config),
    });
    if (r.status === 'SKIPPED') return { status: 'skipped', reason: 'finished or running elsewhere' };
    if (r.status === 'REJECTED') await discard();
    return { status: 'done', outcome: r.status, counts: r.outcome?.counts };
  } catch (err) {
    const final = ctx.attempt >= IMPORT_RUN_ATTEMPTS;
    await markRunFailed(ctx.db, importId, err, final);
    if (final) await discard();
    throw err;
  }
};

export const importHandlers = { 'import.run': runImportJob };

/** Job handler 'import.run': runs a queued import from storage (idempotent, see executeImport). */
import type { Handler } from '../../jobs/types.ts';
import { executeImport, IMPORT_RUN_ATTEMPTS, markRunFailed } from './service.ts';

export const runImportJob: Handler<'import.run'> = async ({ importId }, ctx) => {
  const job = await ctx.db.importJob.findUnique({ where: { id: importId }, select: { status: true, storageKey: true } });
  if (!job) return { status: 'skipped', reason: 'import not found' };
  if (job.status !== 'QUEUED' && job.status !== 'RUNNING') return { status: 'skipped', reason: `already ${job.status}` };
  try {
    const r = await executeImport(ctx.db, importId, () => ctx.storage.get(job.storageKey), { logger: ctx.logger });
    if (r.status === 'SKIPPED') return { status: 'skipped', reason: 'finished or running elsewhere' };
    return { status: 'done', outcome: r.status, counts: r.outcome?.counts };
  } catch (err) {
    await markRunFailed(ctx.db, importId, err, ctx.attempt >= IMPORT_RUN_ATTEMPTS);
    throw err;
  }
};

export const importHandlers = { 'import.run': runImportJob };

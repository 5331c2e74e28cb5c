/**
 * The render job of every letter kind (letters.render). It claims the letter before rendering:
 * a duplicate or concurrent run renders nothing, a run that died leaves a claim that a later run
 * takes over after CLAIM_STALE_MINUTES. A failed run leaves no stored file and no claim.
 */
import { createHash } from 'node:crypto';
import { systemMeta, writeAudit } from '../../audit/audit.ts';
import type { Handler, JobCtx, JobResult } from '../../jobs/types.ts';
import { agencyLetterhead } from '../../pdf/index.ts';
import { generateKey } from '../../storage/storage.ts';
import { letterVerifyUrl } from './format.ts';
import { requireLetterKind } from './service.ts';

/** A claim older than this is considered abandoned (the worker died) and may be taken over. */
export const CLAIM_STALE_MINUTES = 10;

class LostClaim extends Error {}

/** Claims the letter for rendering; null when it is rendered or another run holds a fresh claim. */
async function claim(ctx: JobCtx, letterId: number): Promise<Date | null> {
  const rows = await ctx.db.$queryRaw<{ claimed_at: Date }[]>`
    UPDATE letter SET render_claimed_at = now()
    WHERE id = ${letterId} AND rendered_at IS NULL
      AND (render_claimed_at IS NULL OR render_claimed_at < now() - make_interval(mins => ${CLAIM_STALE_MINUTES}::int))
    RETURNING render_claimed_at AS claimed_at`;
  return rows[0]?.claimed_at ?? null;
}

/** Gives a claim back (only our own: a run that took over a stale claim keeps its own). */
async function release(ctx: JobCtx, letterId: number, claimedAt: Date) {
  await ctx.db.letter.updateMany({ where: { id: letterId, renderedAt: null, renderClaimedAt: claimedAt }, data: { renderClaimedAt: null } });
}

export async function renderLetter(letterId: number, ctx: JobCtx): Promise<JobResult> {
  const row = await ctx.db.letter.findUnique({ where: { id: letterId } });
  if (!row) return { status: 'skipped', reason: 'letter not found' };
  if (row.renderedAt) return { status: 'skipped', reason: 'already rendered' };
  const kind = requireLetterKind(row.kind);
  // Validate the stored data before claiming: a letter that cannot render is never held.
  const letter = kind.bind(row);
  const claimedAt = await claim(ctx, row.id);
  if (!claimedAt) return { status: 'skipped', reason: 'rendered or being rendered by another run' };

  let key: string | null = null;
  try {
    const pdf = await letter.render({
      number: row.number,
      date: letter.record.date,
      verifyUrl: letterVerifyUrl(ctx.config.PUBLIC_URL, row.token),
      letterhead: await agencyLetterhead(ctx.db),
    });
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    key = generateKey('letters', 'pdf');
    await ctx.storage.put(key, pdf, 'application/pdf');
    const storageKey = key;
    const documentId = await ctx.db.$transaction(async (tx) => {
      // Still ours? (a run that stalled past the stale limit may have been overtaken)
      const done = await tx.letter.updateMany({ where: { id: row.id, renderedAt: null, renderClaimedAt: claimedAt }, data: { renderedAt: new Date(), sha256 } });
      if (done.count !== 1) throw new LostClaim();
      const doc = await tx.document.create({
        data: {
          employeeId: row.employeeId,
          jenis: kind.documentType,
          slotKey: `${kind.documentType}:letter:${row.id}`,
          title: `${kind.shortLabel} ${row.number}`,
          originalName: `surat-${kind.kind.toLowerCase().replace(/_/g, '-')}-${row.number.replace(/[^\w.-]+/g, '-')}.pdf`,
          storageKey,
          mimeType: 'application/pdf',
          sizeBytes: pdf.length,
          sha256,
        },
      });
      await tx.letter.update({ where: { id: row.id }, data: { documentId: doc.id } });
      await tx.requestDocument.create({ data: { requestId: row.requestId, documentId: doc.id, role: 'SURAT' } });
      await writeAudit(tx, systemMeta(`letters.render/${row.id}`), {
        action: 'letter.rendered',
        entityType: 'letter',
        entityId: row.id,
        employeeId: row.employeeId,
        after: { kind: row.kind, number: row.number, sha256, documentId: doc.id },
      });
      await letter.onRendered(tx, doc.id);
      return doc.id;
    });
    return { status: 'done', sha256, bytes: pdf.length, documentId };
  } catch (err) {
    if (key) await ctx.storage.delete(key).catch((e: unknown) => ctx.logger.error({ err: e, key }, 'could not delete the file of a failed letter render'));
    await release(ctx, row.id, claimedAt).catch((e: unknown) => ctx.logger.error({ err: e, letterId: row.id }, 'could not release a letter render claim'));
    if (err instanceof LostClaim) return { status: 'skipped', reason: 'claim taken over by another run' };
    throw err;
  }
}

const render: Handler<'letters.render'> = (p, ctx) => renderLetter(p.letterId, ctx);
/** Jobs queued under the KGB-only name before letters.render existed (outbox rows, BullMQ) still run. */
const legacyKgbLetter: Handler<'berkala.letter'> = (p, ctx) => renderLetter(p.letterId, ctx);

export const letterHandlers = { 'letters.render': render, 'berkala.letter': legacyKgbLetter };

/**
 * The render job of every letter kind (letters.render). It claims the letter before rendering:
 * a duplicate or concurrent run renders nothing, a run that died leaves a claim that a later run
 * takes over after LETTER_CLAIM_STALE_SECONDS. A failed run leaves no stored file and no claim.
 * The file's key follows from the claim (renderKey), so a run that was killed between storing
 * the file and committing leaves a file the run taking over its claim knows and deletes.
 */
import { createHash } from 'node:crypto';
import { systemMeta } from '../../audit/audit.ts';
import type { Handler, JobCtx, JobResult } from '../../jobs/types.ts';
import { agencyLetterhead } from '../../pdf/index.ts';
import { letterVerifyUrl } from './format.ts';
import { requireLetterKind } from './service.ts';

class LostClaim extends Error {}

/** The storage key of the file rendered under a claim (one claim, one key; millisecond precision as stored). */
export function renderKey(letterId: number, claimedAt: Date): string {
  const y = claimedAt.getUTCFullYear();
  const m = String(claimedAt.getUTCMonth() + 1).padStart(2, '0');
  return `letters/${y}/${m}/letter-${letterId}-${claimedAt.getTime()}.pdf`;
}

/**
 * Claims the letter for rendering; null when it is rendered or another run holds a fresh claim.
 * Also returns the claim it replaced (a run that died), whose file may have to be deleted, and
 * the id its document will get (drawn now, so the commit is one statement).
 */
async function claim(ctx: JobCtx, letterId: number): Promise<{ claimedAt: Date; previous: Date | null; documentId: number } | null> {
  const rows = await ctx.db.$queryRaw<{ claimed_at: Date; previous: Date | null; document_id: number }[]>`
    WITH prev AS (SELECT id, render_claimed_at FROM letter WHERE id = ${letterId} FOR UPDATE)
    UPDATE letter l SET render_claimed_at = now()
    FROM prev
    WHERE l.id = prev.id AND l.rendered_at IS NULL
      AND (l.render_claimed_at IS NULL OR l.render_claimed_at < now() - make_interval(secs => ${ctx.config.LETTER_CLAIM_STALE_SECONDS}::int))
    RETURNING l.render_claimed_at AS claimed_at, prev.render_claimed_at AS previous,
      nextval(pg_get_serial_sequence('document', 'id'))::int AS document_id`;
  const r = rows[0];
  return r ? { claimedAt: r.claimed_at, previous: r.previous, documentId: r.document_id } : null;
}

/** Gives a claim back (only our own: a run that took over a stale claim keeps its own). */
async function release(ctx: JobCtx, letterId: number, claimedAt: Date) {
  await ctx.db.letter.updateMany({ where: { id: letterId, renderedAt: null, renderClaimedAt: claimedAt }, data: { renderClaimedAt: null } });
}

export async function renderLetter(letterId: number, ctx: JobCtx): Promise<JobResult> {
  // The letter and the letterhead side by side (one round trip of waiting, not two).
  const [row, letterhead] = await Promise.all([ctx.db.letter.findUnique({ where: { id: letterId } }), agencyLetterhead(ctx.db)]);
  if (!row) return { status: 'skipped', reason: 'letter not found' };
  if (row.renderedAt) return { status: 'skipped', reason: 'already rendered' };
  const kind = requireLetterKind(row.kind);
  // Validate the stored data before claiming: a letter that cannot render is never held.
  const letter = kind.bind(row);
  const claimed = await claim(ctx, row.id);
  if (!claimed) return { status: 'skipped', reason: 'rendered or being rendered by another run' };
  const { claimedAt } = claimed;
  // A run that died after storing its file (before committing) left it under its claim's key.
  if (claimed.previous) await ctx.storage.delete(renderKey(row.id, claimed.previous));

  let key: string | null = null;
  try {
    const pdf = await letter.render({
      number: row.number,
      date: letter.record.date,
      verifyUrl: letterVerifyUrl(ctx.config.PUBLIC_URL, row.token),
      letterhead,
    });
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    key = renderKey(row.id, claimedAt);
    await ctx.storage.put(key, pdf, 'application/pdf');
    const storageKey = key;
    const meta = systemMeta(`letters.render/${row.id}`);
    const documentId = claimed.documentId;
    await ctx.db.$transaction(async (tx) => {
      // One statement: the letter marked rendered — if the claim is still ours (a run that stalled
      // past the stale limit may have been overtaken) — its document, the request's link to it and
      // the audit row.
      const done = await tx.$queryRaw<{ id: number }[]>`
        WITH own AS (
          UPDATE letter SET rendered_at = ${new Date()}::timestamp, sha256 = ${sha256}, document_id = ${documentId}::int
          WHERE id = ${row.id}::int AND rendered_at IS NULL AND render_claimed_at = ${claimedAt}::timestamp
          RETURNING id
        ),
        doc AS (
          INSERT INTO document (id, employee_id, jenis, slot_key, title, original_name, storage_key, mime_type, size_bytes, sha256)
          SELECT ${documentId}::int, ${row.employeeId}::int, ${kind.documentType}::"DocumentType", ${`${kind.documentType}:letter:${row.id}`},
            ${`${kind.shortLabel} ${row.number}`},
            ${`surat-${kind.kind.toLowerCase().replace(/_/g, '-')}-${row.number.replace(/[^\w.-]+/g, '-')}.pdf`},
            ${storageKey}, 'application/pdf', ${pdf.length}::int, ${sha256}
          FROM own
          RETURNING id
        ),
        rd AS (INSERT INTO request_document (request_id, document_id, role) SELECT ${row.requestId}::int, doc.id, 'SURAT' FROM doc),
        au AS (
          INSERT INTO audit_log (actor_user_id, action, entity_type, entity_id, employee_id, before, after, request_id, ip)
          SELECT NULL, 'letter.rendered', 'letter', ${String(row.id)}, ${row.employeeId}::int, 'null'::jsonb,
            jsonb_build_object('kind', ${row.kind}::text, 'number', ${row.number}::text, 'sha256', ${sha256}::text, 'documentId', doc.id),
            ${meta.requestId ?? null}, NULL
          FROM doc
        )
        SELECT id FROM doc`;
      if (done.length !== 1) throw new LostClaim();
      await letter.onRendered(tx, documentId);
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

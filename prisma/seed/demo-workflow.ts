/**
 * What the demo seeds of the OPD-proposed request types (e-Pangkat, e-Pensiun) share: the demo
 * staff as actors, placeholder PDFs, and moving a request through the engine as its users would.
 */
import type { RequestMeta } from '../../server/src/audit/audit.ts';
import { loadActor, type Actor } from '../../server/src/auth/actor.ts';
import type { Db } from '../../server/src/db.ts';
import { FONT, renderPdf } from '../../server/src/pdf/index.ts';
import { judgeItem } from '../../server/src/workflow/checklist.ts';
import { loadRequest, transition } from '../../server/src/workflow/engine.ts';
import type { WorkflowDefinition } from '../../server/src/workflow/types.ts';
import { DEMO_USERNAMES } from './featured.ts';

/** The demo OPD admins (DINKES; DISDIK and SETDA), the BKD verifier and the BKD admin. */
export async function demoStaff(db: Db): Promise<{ dinkes: Actor; disdik: Actor; verifier: Actor; bkdAdmin: Actor }> {
  const actorOf = async (username: string): Promise<Actor> => {
    const u = await db.user.findUnique({ where: { username }, select: { id: true } });
    const a = u && (await loadActor(db, u.id));
    if (!a) throw new Error(`demo account ${username} is missing`);
    return a;
  };
  const [dinkes, disdik, verifier, bkdAdmin] = await Promise.all([
    actorOf(DEMO_USERNAMES.dinkesAdmin),
    actorOf(DEMO_USERNAMES.disdikAdmin),
    actorOf(DEMO_USERNAMES.bkdVerifier),
    actorOf(DEMO_USERNAMES.bkdAdmin),
  ]);
  return { dinkes, disdik, verifier, bkdAdmin };
}

/** A one-page placeholder PDF (fixed dates: the same bytes every run), one per title. */
export function demoPdfs(): (title: string, who: string) => Promise<Buffer> {
  const made = new Map<string, Buffer>();
  const render = (title: string, who: string) =>
    renderPdf({ title, author: 'SIMAK BKD (data contoh)', subject: title, createdAt: new Date('2026-01-01T00:00:00Z'), margins: { top: 60, bottom: 60, left: 60, right: 60 } }, (doc) => {
      doc.font(FONT.bold).fontSize(16).text(title, { align: 'center' });
      doc.moveDown();
      doc.font(FONT.regular).fontSize(11).text(`Dokumen contoh untuk ${who}.`, { align: 'center' });
      doc.text('Dibuat otomatis untuk data demo; bukan dokumen resmi.', { align: 'center' });
    });
  return async (title, who) => made.get(title) ?? made.set(title, await render(title, who)).get(title)!;
}

/** Takes an action on a request (at its current version) and judges its attached documents, through the engine. */
export function demoSteps<P>(db: Db, def: WorkflowDefinition<P>, meta: RequestMeta, verifier: Actor, invalidNote: string) {
  const step = async (id: number, action: string, actor: Actor, input?: { note?: string; data?: unknown }) => {
    const req = (await loadRequest(db, def, id))!;
    await transition(db, def, { requestId: id, action, actor, expectedVersion: req.version, meta, input });
  };
  /** Every attached document VALID, except `invalidKey` (INVALID with `invalidNote`). */
  const judgeAll = async (id: number, invalidKey?: string) => {
    const items = await db.requestItem.findMany({ where: { requestId: id, documentId: { not: null } }, orderBy: [{ sort: 'asc' }, { id: 'asc' }] });
    for (const it of items) {
      const invalid = it.key === invalidKey;
      await db.$transaction(async (tx) => {
        const cur = (await loadRequest(tx, def, id))!;
        await judgeItem(tx, def, cur, { key: it.key, verdict: invalid ? 'INVALID' : 'VALID', note: invalid ? invalidNote : null, expectedVersion: cur.version, actor: verifier, meta });
      });
    }
  };
  return { step, judgeAll };
}

/**
 * Pieces the OPD-proposed request types (e-Pangkat, e-Pensiun) share: who is told of a step, and
 * the "berkas tidak lengkap" return that lists the documents judged invalid.
 */
import type { Role } from '../generated/prisma/enums.ts';
import type { Tx } from '../db.ts';
import { notifyEmployee, notifyOpdAdmins, type NotifyArgs } from '../modules/notifications/service.ts';
import type { Req, TransitionDef } from './types.ts';

/** Tells the ASN and the OPD admins of the unit (in the transition's transaction), linking to the request. */
export async function notifyRequestParties(tx: Tx, req: { id: number; employeeId: number; opdId: number }, args: Omit<NotifyArgs, 'link' | 'email'>) {
  const n: NotifyArgs = { ...args, link: `/usulan/${req.id}`, email: true };
  await notifyEmployee(tx, req.employeeId, n);
  await notifyOpdAdmins(tx, req.opdId, n);
}

/** The documents judged invalid, in checklist order: "label (note); label". */
export async function invalidItemsText(tx: Tx, requestId: number): Promise<string> {
  const invalid = await tx.requestItem.findMany({ where: { requestId, verdict: 'INVALID' }, orderBy: [{ sort: 'asc' }, { id: 'asc' }] });
  return invalid.map((i) => (i.verdictNote ? `${i.label} (${i.verdictNote})` : i.label)).join('; ');
}

/**
 * "Kembalikan (berkas tidak lengkap)": a verifier (never on their own request) sends the file back
 * to the proposer once at least one document is judged invalid; both parties are told which.
 */
export function returnIncomplete<P, S extends string>(opts: {
  from: readonly S[];
  to: S;
  roles: readonly Role[];
  notice: { kind: string; title: string; body: (request: Req<P>, invalid: string) => string };
}): TransitionDef<P, S> {
  return {
    action: 'return_incomplete',
    label: 'Kembalikan (berkas tidak lengkap)',
    intent: 'danger',
    from: opts.from,
    roles: opts.roles,
    notSelf: true,
    returnsInvalidItems: true,
    to: opts.to,
    effect: async ({ tx, request, input }) => {
      const list = await invalidItemsText(tx, request.id);
      await notifyRequestParties(tx, request, {
        kind: opts.notice.kind,
        title: opts.notice.title,
        body: `${opts.notice.body(request, list)}${input.note ? ` Catatan: ${input.note}` : ''}`,
      });
    },
  };
}

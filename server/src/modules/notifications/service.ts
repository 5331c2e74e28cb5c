import type { Tx } from '../../db.ts';
import { enqueue } from '../../jobs/outbox.ts';

export interface NotifyArgs {
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  /** Also e-mail the user when they have an address (sent by the worker when SMTP is configured). */
  email?: boolean;
}

/** In-app notification (and optional e-mail job) written in the caller's transaction. */
export async function notifyUser(tx: Tx, userId: number, args: NotifyArgs) {
  const n = await tx.notification.create({
    data: { userId, kind: args.kind, title: args.title, body: args.body, link: args.link ?? null },
  });
  if (args.email) {
    const user = await tx.user.findUnique({ where: { id: userId }, include: { employee: { select: { email: true } } } });
    const to = user?.employee?.email;
    if (to && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(to)) {
      await enqueue(tx, 'mail.send', { key: `notification-${n.id}`, to, subject: `[SIMAK] ${args.title}`, text: `${args.body}\n` });
    }
  }
  return n;
}

/** Notifies the user account of an employee, if the employee has one. */
export async function notifyEmployee(tx: Tx, employeeId: number, args: NotifyArgs) {
  const user = await tx.user.findUnique({ where: { employeeId }, select: { id: true } });
  if (user) await notifyUser(tx, user.id, args);
}

/**
 * Notifies every OPD admin responsible for a unit: grants on the unit itself or on any unit
 * above it (a grant covers every unit under it).
 */
export async function notifyOpdAdmins(tx: Tx, opdId: number, args: NotifyArgs) {
  const rows = await tx.$queryRaw<{ user_id: number }[]>`
    WITH RECURSIVE up AS (
      SELECT id, parent_id FROM opd WHERE id = ${opdId}
      UNION SELECT o.id, o.parent_id FROM opd o JOIN up ON o.id = up.parent_id
    )
    SELECT DISTINCT r.user_id FROM user_role r JOIN app_user u ON u.id = r.user_id
    WHERE r.role = 'OPD_ADMIN' AND r.opd_id IN (SELECT id FROM up) AND u.active
    ORDER BY r.user_id`;
  for (const r of rows) await notifyUser(tx, r.user_id, args);
  return rows.length;
}

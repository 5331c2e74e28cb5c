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

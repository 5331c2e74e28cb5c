import { reconcile } from './reconcile.ts';
import type { Handler } from './types.ts';

const echo: Handler<'system.echo'> = async (p, ctx) => {
  // Idempotent: setting the same key twice is harmless.
  await ctx.redis.set(`${ctx.config.REDIS_PREFIX}:echo:${p.key}`, p.message, 'EX', 3600);
  return { status: 'done' };
};

const sendMail: Handler<'mail.send'> = async (p, ctx) => {
  if (!ctx.mailer.enabled) return { status: 'skipped', reason: 'SMTP not configured' };
  // Sent-once guard: a retry after a successful send does not send again.
  const guard = `${ctx.config.REDIS_PREFIX}:mail-sent:${p.key}`;
  if (await ctx.redis.get(guard)) return { status: 'skipped', reason: 'already sent' };
  await ctx.mailer.send({ to: p.to, subject: p.subject, text: p.text });
  await ctx.redis.set(guard, '1', 'EX', 30 * 24 * 3600);
  return { status: 'done' };
};

const reconcileJob: Handler<'system.reconcile'> = async (_p, ctx) => {
  if (!ctx.queues) throw new Error('system.reconcile needs the queues in its job context');
  const r = await reconcile({ db: ctx.db, queues: ctx.queues, logger: ctx.logger, config: ctx.config });
  return { status: r.ran ? 'done' : 'skipped', ...r };
};

export const systemHandlers = { 'system.echo': echo, 'mail.send': sendMail, 'system.reconcile': reconcileJob };

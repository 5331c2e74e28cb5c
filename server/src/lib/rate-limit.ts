/**
 * Rate limits counted in Redis (rate-limit-redis), so every API process shares them.
 * Answers 429 in the one error model.
 */
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';

export function redisRateLimit(
  ctx: Pick<AppContext, 'config' | 'redis'>,
  opts: { name: string; limit: number; windowMinutes: number; message: string; by: 'ip' | 'user' },
): RequestHandler {
  const key = (req: Request) => {
    const userId = (req.user as { userId?: number } | undefined)?.userId;
    return opts.by === 'user' && userId ? `u:${userId}` : `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
  };
  return rateLimit({
    windowMs: opts.windowMinutes * 60_000,
    limit: opts.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: key,
    store: new RedisStore({
      prefix: `${ctx.config.REDIS_PREFIX}:rl-${opts.name}:`,
      sendCommand: (command: string, ...args: string[]) => ctx.redis.call(command, ...args) as Promise<RedisReply>,
    }),
    handler: (_req, _res, next) => next(new AppError(429, 'rate_limited', opts.message)),
  });
}

/** Uploads (documents, import files) per user per window: keeps one account from filling the disk. */
export function uploadRateLimit(ctx: Pick<AppContext, 'config' | 'redis'>): RequestHandler {
  return redisRateLimit(ctx, {
    name: 'upload',
    limit: ctx.config.UPLOAD_RATE_LIMIT,
    windowMinutes: ctx.config.UPLOAD_RATE_WINDOW_MINUTES,
    by: 'user',
    message: 'Terlalu banyak unggahan dalam waktu singkat. Coba lagi nanti.',
  });
}

import { Redis } from 'ioredis';

/** A Redis connection. BullMQ needs maxRetriesPerRequest: null on its connections. */
export function createRedis(url: string, opts: { forBullmq?: boolean; lazy?: boolean } = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: opts.forBullmq ? null : 2,
    enableOfflineQueue: true,
    lazyConnect: opts.lazy ?? false,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
}

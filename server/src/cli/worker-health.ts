// Exit 0 when a worker wrote its heartbeat to Redis within the last 30 s (container health check).
import 'dotenv/config';
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1, lazyConnect: true });
try {
  await redis.connect();
  const beat = await redis.get(`${process.env.REDIS_PREFIX ?? 'simak'}:worker:heartbeat`);
  console.log(beat ? `worker alive (last heartbeat ${beat})` : 'no worker heartbeat');
  process.exitCode = beat ? 0 : 1;
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  redis.disconnect();
}

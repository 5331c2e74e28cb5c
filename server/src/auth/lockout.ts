/**
 * Temporary lockout after repeated failed logins, kept in Redis per username.
 * It applies to unknown usernames as well, so the answers never reveal whether
 * an account exists.
 */
import type { Redis } from 'ioredis';

export class Lockout {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly maxFailures: number,
    private readonly lockMinutes: number,
  ) {}

  private key(username: string) {
    return `${this.prefix}:login-fail:${username.trim().toLowerCase()}`;
  }

  /** When the username is locked, the time the lock ends. */
  async lockedUntil(username: string): Promise<Date | null> {
    const k = this.key(username);
    const [count, ttl] = await Promise.all([this.redis.get(k), this.redis.pttl(k)]);
    if (Number(count ?? 0) >= this.maxFailures && ttl > 0) return new Date(Date.now() + ttl);
    return null;
  }

  async fail(username: string): Promise<number> {
    const k = this.key(username);
    const n = await this.redis.incr(k);
    if (n === 1 || n === this.maxFailures) await this.redis.pexpire(k, this.lockMinutes * 60_000);
    return n;
  }

  async clear(username: string) {
    await this.redis.del(this.key(username));
  }
}

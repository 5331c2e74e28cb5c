/**
 * Sessions in Redis (connect-redis) with the idle lifetime refreshed at most once per
 * `touchEverySeconds` per session: with rolling sessions every request used to send an EXPIRE,
 * a Redis round trip on every read for a deadline of hours. A session is therefore ended by
 * idleness at most `touchEverySeconds` earlier than SESSION_TTL_MINUTES says; saving it (login,
 * changes) always resets its lifetime. 0 refreshes on every request.
 */
import RedisStore from 'connect-redis';
import type { SessionData } from 'express-session';

type Options = ConstructorParameters<typeof RedisStore>[0];
type Callback = (err?: unknown, data?: unknown) => void;

/** Sessions remembered per process (the last refresh of each); past it the memory starts over. */
const MAX_REMEMBERED = 100_000;

export class ThrottledTouchStore extends RedisStore {
  private readonly touched = new Map<string, number>();

  constructor(
    opts: Options,
    private readonly touchEveryMs: number,
  ) {
    super(opts);
  }

  private remember(sid: string) {
    if (this.touchEveryMs <= 0) return;
    if (this.touched.size >= MAX_REMEMBERED) this.touched.clear();
    this.touched.set(sid, Date.now());
  }

  override async touch(sid: string, sess: SessionData, cb?: Callback): Promise<void> {
    const last = this.touched.get(sid);
    if (this.touchEveryMs > 0 && last !== undefined && Date.now() - last < this.touchEveryMs) return cb?.();
    this.remember(sid);
    return super.touch(sid, sess, cb);
  }

  override async set(sid: string, sess: SessionData, cb?: Callback): Promise<void> {
    this.remember(sid);
    return super.set(sid, sess, cb);
  }

  override async destroy(sid: string, cb?: Callback): Promise<void> {
    this.touched.delete(sid);
    return super.destroy(sid, cb);
  }
}

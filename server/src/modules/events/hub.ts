/**
 * Live status changes: a request's transition or checklist change calls `announceRequestChange`
 * (workflow/announce.ts) inside its transaction (pg_notify, so PostgreSQL delivers it only when the transaction commits,
 * and never when it rolls back); each API process keeps one LISTEN connection and fans the
 * notices out to its server-sent-event subscribers. Several API processes each listen: every
 * subscriber hears every commit, whichever process made it.
 */
import pg from 'pg';
import { REQUEST_CHANNEL, type RequestChange } from '../../workflow/announce.ts';
import type { Logger } from '../../logger.ts';

export type { RequestChange };

type Listener = (c: RequestChange) => void;

/** One LISTEN connection per database URL and process, opened with the first subscriber and reopened after errors. */
class Hub {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly listeners = new Set<Listener>();
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly logger: Logger,
  ) {}

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    void this.ensure();
    return () => {
      this.listeners.delete(l);
      if (!this.listeners.size) this.stop();
    };
  }

  get size() {
    return this.listeners.size;
  }

  private ensure(): Promise<void> {
    if (this.client || this.connecting) return this.connecting ?? Promise.resolve();
    const client = new pg.Client({ connectionString: this.url });
    this.connecting = (async () => {
      try {
        await client.connect();
        // The LISTEN connection must not keep a process alive on its own (tests, graceful stops).
        (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
        client.on('notification', (msg) => {
          if (msg.channel !== REQUEST_CHANNEL || !msg.payload) return;
          let change: RequestChange;
          try {
            change = JSON.parse(msg.payload) as RequestChange;
          } catch {
            return;
          }
          for (const l of this.listeners) l(change);
        });
        client.on('error', (err) => {
          this.logger.warn({ err: err.message }, 'live updates: LISTEN connection lost');
          this.drop(client);
          this.scheduleRetry();
        });
        await client.query(`LISTEN ${REQUEST_CHANNEL}`);
        if (!this.listeners.size) {
          await client.end().catch(() => undefined);
          return;
        }
        this.client = client;
      } catch (err) {
        this.logger.warn({ err: (err as Error).message }, 'live updates: cannot LISTEN (retrying)');
        await client.end().catch(() => undefined);
        this.scheduleRetry();
      } finally {
        this.connecting = null;
      }
    })();
    return this.connecting;
  }

  private scheduleRetry() {
    if (this.retry || !this.listeners.size) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.ensure();
    }, 2000);
    this.retry.unref();
  }

  private drop(client: pg.Client) {
    if (this.client === client) this.client = null;
    void client.end().catch(() => undefined);
  }

  private stop() {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    if (this.client) this.drop(this.client);
  }
}

const hubs = new Map<string, Hub>();

export function hubFor(url: string, logger: Logger): Hub {
  let h = hubs.get(url);
  if (!h) hubs.set(url, (h = new Hub(url, logger)));
  return h;
}

/**
 * Process supervision: a child that exits without being asked to is started again
 * after an exponential backoff (reset once it has stayed up a while), and its exit
 * is logged. Used by `npm start` (the API and the worker as child processes) and by
 * the API's cluster primary (one HTTP process per core). One child's crash never
 * stops the others.
 */

export interface BackoffOptions {
  /** Delay before the first restart. */
  initialMs: number;
  /** Upper bound of the delay. */
  maxMs: number;
  /** A child up at least this long counts as healthy: the next crash starts over at initialMs. */
  resetAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 30_000, resetAfterMs: 60_000 };

/** Delays of successive restarts: initial, ×2, ×4 … up to max; back to initial after a long enough run. */
export class RestartBackoff {
  private failures = 0;
  constructor(private readonly opts: BackoffOptions = DEFAULT_BACKOFF) {}

  /** The delay before restarting a child that ran for `uptimeMs`. */
  next(uptimeMs: number): number {
    if (uptimeMs >= this.opts.resetAfterMs) this.failures = 0;
    const delay = Math.min(this.opts.maxMs, this.opts.initialMs * 2 ** Math.min(this.failures, 30));
    this.failures++;
    return delay;
  }
}

/** What a supervised child must offer: child_process.ChildProcess and cluster.Worker both do. */
export interface Supervisable {
  readonly pid?: number | undefined;
  once(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): unknown;
  kill(signal?: NodeJS.Signals): unknown;
}

export interface SupervisedEvent {
  name: string;
  pid: number | undefined;
  code: number | null;
  signal: NodeJS.Signals | null;
  uptimeMs: number;
  restartInMs: number;
  restarts: number;
}

export interface Supervised {
  readonly name: string;
  /** The running child (null while waiting to restart). */
  current(): Supervisable | null;
  restarts(): number;
  /** Stops supervising and ends the child with `signal`; resolves when it has exited. */
  stop(signal?: NodeJS.Signals, forceAfterMs?: number): Promise<void>;
}

export function supervise(opts: {
  name: string;
  start: () => Supervisable;
  onExit: (e: SupervisedEvent) => void;
  backoff?: BackoffOptions;
}): Supervised {
  const backoff = new RestartBackoff(opts.backoff ?? DEFAULT_BACKOFF);
  let child: Supervisable | null = null;
  let stopping = false;
  let restarts = 0;
  let timer: NodeJS.Timeout | null = null;
  let exited: Promise<void> = Promise.resolve();

  const launch = () => {
    timer = null;
    if (stopping) return;
    const startedAt = Date.now();
    const c = opts.start();
    child = c;
    exited = new Promise<void>((resolve) => {
      c.once('exit', (code, signal) => {
        child = null;
        resolve();
        if (stopping) return;
        const uptimeMs = Date.now() - startedAt;
        const restartInMs = backoff.next(uptimeMs);
        restarts++;
        opts.onExit({ name: opts.name, pid: c.pid, code, signal, uptimeMs, restartInMs, restarts });
        timer = setTimeout(launch, restartInMs);
      });
    });
  };
  launch();

  return {
    name: opts.name,
    current: () => child,
    restarts: () => restarts,
    async stop(signal = 'SIGTERM', forceAfterMs = 30_000) {
      stopping = true;
      if (timer) clearTimeout(timer);
      const c = child;
      if (!c) return;
      c.kill(signal);
      const force = setTimeout(() => c.kill('SIGKILL'), forceAfterMs);
      await exited;
      clearTimeout(force);
    },
  };
}

import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { RestartBackoff, supervise, type Supervisable, type SupervisedEvent } from './supervisor.ts';

describe('RestartBackoff', () => {
  it('doubles up to the maximum and starts over after a healthy run', () => {
    const b = new RestartBackoff({ initialMs: 100, maxMs: 1000, resetAfterMs: 5000 });
    expect([b.next(10), b.next(10), b.next(10), b.next(10), b.next(10), b.next(10)]).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(b.next(5000)).toBe(100);
    expect(b.next(1)).toBe(200);
  });
});

class FakeChild extends EventEmitter implements Supervisable {
  static seq = 0;
  readonly pid = ++FakeChild.seq;
  killed: NodeJS.Signals[] = [];
  override once(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void) {
    return super.once(event, listener);
  }
  kill(signal: NodeJS.Signals = 'SIGTERM') {
    this.killed.push(signal);
    setImmediate(() => this.emit('exit', null, signal));
  }
}

describe('supervise', () => {
  it('restarts a child that dies, after the backoff, logging each exit; stop ends it without a restart', async () => {
    vi.useFakeTimers();
    try {
      const children: FakeChild[] = [];
      const events: SupervisedEvent[] = [];
      const s = supervise({
        name: 'api',
        start: () => {
          const c = new FakeChild();
          children.push(c);
          return c;
        },
        onExit: (e) => events.push(e),
        backoff: { initialMs: 100, maxMs: 1000, resetAfterMs: 60_000 },
      });
      expect(children).toHaveLength(1);
      children[0]!.emit('exit', null, 'SIGKILL');
      expect(s.current()).toBeNull();
      expect(events[0]).toMatchObject({ name: 'api', signal: 'SIGKILL', restartInMs: 100, restarts: 1 });
      await vi.advanceTimersByTimeAsync(99);
      expect(children).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(children).toHaveLength(2);
      children[1]!.emit('exit', 1, null);
      expect(events[1]).toMatchObject({ code: 1, restartInMs: 200, restarts: 2 });
      await vi.advanceTimersByTimeAsync(200);
      expect(children).toHaveLength(3);

      const stopped = s.stop('SIGTERM');
      await vi.advanceTimersByTimeAsync(1);
      await stopped;
      expect(children[2]!.killed).toEqual(['SIGTERM']);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(children).toHaveLength(3);
      expect(events).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

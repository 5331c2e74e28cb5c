import { describe, expect, it } from 'vitest';
import { batchLoader, memoized, type Memo } from './batch.ts';

describe('batchLoader', () => {
  it('loads the keys asked for in the same tick with one call, caches them, and answers undefined for missing keys', async () => {
    const calls: number[][] = [];
    const load = batchLoader(async (keys: number[]) => {
      calls.push(keys);
      return new Map(keys.filter((k) => k !== 3).map((k) => [k, k * 10]));
    });
    const first = await Promise.all([load(1), load(2), load(3), load(1)]);
    expect(first).toEqual([10, 20, undefined, 10]);
    expect(calls).toEqual([[1, 2, 3]]);
    // Later ticks: a new batch only for keys not seen yet.
    expect(await Promise.all([load(2), load(4)])).toEqual([20, 40]);
    expect(calls).toEqual([[1, 2, 3], [4]]);
  });

  it('rejects every waiter of a failed batch', async () => {
    const load = batchLoader<number, number>(async () => {
      throw new Error('boom');
    });
    await expect(Promise.all([load(1), load(2)])).rejects.toThrow('boom');
  });
});

describe('memoized', () => {
  it('creates once per memo, every time without one', () => {
    const memo: Memo = new Map();
    let n = 0;
    expect(memoized(memo, 'k', () => ++n)).toBe(1);
    expect(memoized(memo, 'k', () => ++n)).toBe(1);
    expect(memoized(undefined, 'k', () => ++n)).toBe(2);
  });
});

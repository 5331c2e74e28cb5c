/**
 * Request-scoped batching (the DataLoader pattern): the keys asked for while a page of rows is
 * presented concurrently are collected until the current tick ends and loaded with one query,
 * so code written per row (a workflow guard) costs a few queries per page, not a few per row.
 */

/** A loader: `load(key)` resolves with the value of `key` (undefined when there is none). */
export type Loader<K, V> = (key: K) => Promise<V | undefined>;

export function batchLoader<K, V>(loadMany: (keys: K[]) => Promise<Map<K, V>>): Loader<K, V> {
  const cache = new Map<K, Promise<V | undefined>>();
  let pending: { keys: K[]; resolve: (m: Map<K, V>) => void; reject: (e: unknown) => void } | null = null;

  const flush = () => {
    const batch = pending!;
    pending = null;
    loadMany(batch.keys).then(batch.resolve, batch.reject);
  };

  return (key: K) => {
    const hit = cache.get(key);
    if (hit) return hit;
    if (!pending) {
      let resolve!: (m: Map<K, V>) => void;
      let reject!: (e: unknown) => void;
      const all = new Promise<Map<K, V>>((res, rej) => ((resolve = res), (reject = rej)));
      pending = Object.assign({ keys: [] as K[], resolve, reject }, { all });
      setImmediate(flush);
    }
    const batch = pending as NonNullable<typeof pending> & { all: Promise<Map<K, V>> };
    batch.keys.push(key);
    const value = batch.all.then((m) => m.get(key));
    cache.set(key, value);
    return value;
  };
}

/** Values shared by the code presenting one page (loaders, page-wide settings), created on first use. */
export type Memo = Map<string, unknown>;

export function memoized<T>(memo: Memo | undefined, key: string, create: () => T): T {
  if (!memo) return create();
  if (!memo.has(key)) memo.set(key, create());
  return memo.get(key) as T;
}

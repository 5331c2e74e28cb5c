import { useCallback, useEffect, useMemo, useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { useSearchParams } from 'react-router';

/**
 * List state (filters, page, sort) kept in the URL query, so that going back to a
 * list restores it. Values are strings; `defaults` are left out of the URL.
 */
export function useSearchState<K extends string>(defaults: Record<K, string>) {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => {
    const out = { ...defaults };
    for (const key of Object.keys(defaults) as K[]) {
      const v = params.get(key);
      if (v !== null) out[key] = v;
    }
    return out;
  }, [params]);

  /** Updates some values; any change other than `page` itself goes back to page 1. */
  const update = useCallback(
    (patch: Partial<Record<K, string | number | null | undefined>>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, raw] of Object.entries(patch) as [K, string | number | null | undefined][]) {
            const value = raw === null || raw === undefined ? '' : String(raw);
            if (value === '' || value === defaults[key]) next.delete(key);
            else next.set(key, value);
          }
          if (!('page' in patch)) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [values, update] as const;
}

/**
 * The text of a list's search box: what is typed goes to the `q` value of the list
 * state (trimmed) after a pause; `q` itself follows the typed text.
 */
export function useSearchInput(q: string, update: (patch: { q: string }) => void) {
  const [search, setSearch] = useState(q);
  const [debouncedSearch] = useDebouncedValue(search, 350);
  useEffect(() => {
    if (debouncedSearch.trim() !== q) update({ q: debouncedSearch.trim() });
    // Only the typed text drives this; q follows it.
  }, [debouncedSearch]);
  return [search, setSearch] as const;
}

/** Page number (1 or more) and page size (25 when missing) from the list state. */
export function parsePaging(state: { page: string; pageSize: string }) {
  return { page: Math.max(1, Number(state.page) || 1), pageSize: Number(state.pageSize) || 25 };
}

/** `value` when it is one of `allowed`, otherwise `fallback`. */
export function pickSort<S extends string>(value: string, allowed: readonly S[], fallback: S): S {
  return (allowed as readonly string[]).includes(value) ? (value as S) : fallback;
}

import { useCallback, useMemo } from 'react';
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

/**
 * Whether the API last answered 503 service_unavailable (PostgreSQL or Redis unreachable on the
 * server). The API client reports every answer here; the shell's banner reads it.
 */
import { useSyncExternalStore } from 'react';

let unavailable = false;
const listeners = new Set<() => void>();

function set(next: boolean) {
  if (unavailable === next) return;
  unavailable = next;
  for (const l of listeners) l();
}

export const reportServiceUnavailable = () => set(true);
export const reportServiceAvailable = () => set(false);
export const isServiceUnavailable = () => unavailable;

export function useServiceUnavailable(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => unavailable,
  );
}

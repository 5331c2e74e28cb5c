import { useQuery } from '@tanstack/react-query';
import type { HealthResponse } from '../../api/types';

/**
 * `GET /api/health`. Read with a plain fetch because a degraded system may answer
 * with a non-2xx status (e.g. 503) while still sending the health body.
 */
export async function fetchHealth(signal?: AbortSignal): Promise<HealthResponse | null> {
  const res = await fetch('/api/health', { credentials: 'include', headers: { Accept: 'application/json' }, signal: signal ?? null });
  try {
    const body = (await res.json()) as Partial<HealthResponse>;
    if (body.status === 'ok' || body.status === 'degraded') return body as HealthResponse;
  } catch {
    // fall through
  }
  return null;
}

export function useHealth(enabled = true) {
  return useQuery({
    queryKey: ['system', 'health'],
    queryFn: ({ signal }) => fetchHealth(signal),
    enabled,
    refetchInterval: 60_000,
    retry: false,
  });
}

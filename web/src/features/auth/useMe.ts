import { createContext, useContext } from 'react';
import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { api, isApiError } from '../../api/client';
import type { Me, MeResponse, Role } from '../../api/types';
import { hasAnyRole } from './roles';

export const ME_QUERY_KEY = ['auth', 'me'] as const;

/** Current user, or null when not signed in (401). Other failures are thrown. */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    const res = await api.get<MeResponse>('/api/auth/me', signal ? { signal } : undefined);
    return res.user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

/**
 * The signed-in user (React Query). `data` is `null` when nobody is signed in and
 * `undefined` while the first request is in flight.
 */
export function useMe(): UseQueryResult<Me | null> {
  return useQuery({
    queryKey: ME_QUERY_KEY,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 5 * 60_000,
  });
}

/** Provided by <RequireAuth> once the user is known. */
export const CurrentUserContext = createContext<Me | null>(null);

/**
 * The signed-in user for components rendered behind the route guard, where the user
 * is guaranteed to be loaded. Throws if used outside <RequireAuth>.
 */
export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error('useCurrentUser() must be used inside <RequireAuth>');
  return me;
}

/**
 * The platform's today (the server's one clock, APP_TODAY or its date), never the
 * browser's clock: date-dependent views (current year, default dates) use it.
 */
export function useToday(): { today: string; year: number; month: number } {
  const me = useCurrentUser();
  return { today: me.today, year: Number(me.today.slice(0, 4)), month: Number(me.today.slice(5, 7)) };
}

/** True when the signed-in user holds at least one of `roles`. */
export function useHasRole(roles: readonly Role[]): boolean {
  const { data } = useMe();
  return hasAnyRole(data, roles);
}

/** Imperative helpers around the cached user (used after login/logout/password change). */
export function useMeCache() {
  const queryClient = useQueryClient();
  return {
    set: (me: Me | null) => queryClient.setQueryData<Me | null>(ME_QUERY_KEY, me),
    update: (patch: Partial<Me>) =>
      queryClient.setQueryData<Me | null>(ME_QUERY_KEY, (prev) => (prev ? { ...prev, ...patch } : prev)),
    refetch: () => queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }),
  };
}

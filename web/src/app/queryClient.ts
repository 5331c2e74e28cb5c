import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/client';
import { ME_QUERY_KEY } from '../features/auth/useMe';

function isUnauthenticated(error: unknown): boolean {
  return isApiError(error) && error.status === 401;
}

/**
 * Shared QueryClient. A 401 from any query/mutation may mean the session expired:
 * the current user is re-checked, and if `/api/auth/me` answers 401 too the cached user
 * becomes null, so the route guard sends the user to /login (remembering where they were).
 * (Re-checking instead of clearing directly keeps credential errors such as a wrong
 * current password from signing the user out.)
 */
export function createQueryClient(): QueryClient {
  const recheckSession = (error: unknown) => {
    if (isUnauthenticated(error)) void client.invalidateQueries({ queryKey: ME_QUERY_KEY });
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: recheckSession }),
    mutationCache: new MutationCache({ onError: recheckSession }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Retry only transient failures (network / 5xx), never client errors.
        retry: (failureCount, error) => {
          if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
          return failureCount < 2;
        },
      },
      mutations: { retry: false },
    },
  });
  return client;
}

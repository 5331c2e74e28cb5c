import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgencyResponse } from '@simak/shared/api/auth';
import { api, isApiError, resetCsrfToken } from '../../api/client';
import type { ChangePasswordRequest, LoginRequest, Me, MeResponse } from '../../api/types';
import { ME_QUERY_KEY } from './useMe';

export function login(body: LoginRequest): Promise<MeResponse> {
  return api.post<MeResponse>('/api/auth/login', body);
}

export function logout(): Promise<void> {
  return api.post<void>('/api/auth/logout');
}

export function changePassword(body: ChangePasswordRequest): Promise<void> {
  return api.post<void>('/api/auth/password', body);
}

/** The agency as its letterhead names it (public; the login page shows it). */
export function useAgency() {
  return useQuery({ queryKey: ['auth', 'agency'], queryFn: ({ signal }) => api.get<AgencyResponse>('/api/agency', { signal }), staleTime: Infinity, retry: false });
}

/** Signs in; on success the cached user is replaced and the CSRF token re-fetched lazily. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: ({ user }) => {
      // The session was (most likely) regenerated: the old token may be bound to it.
      resetCsrfToken();
      // Drop anything cached for a previous user, then seed the new user.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY_KEY[0] });
      queryClient.setQueryData<Me | null>(ME_QUERY_KEY, user);
    },
  });
}

export interface UseLogoutOptions {
  /**
   * Called after the server confirmed the logout and before the cached user is cleared,
   * e.g. to navigate to /login (so the route guard does not remember the current page).
   */
  beforeClear?: () => void;
}

/** Signs out. A 401 (session already gone) counts as success. */
export function useLogout(options: UseLogoutOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await logout();
      } catch (error) {
        // An expired session is as good as a successful logout.
        if (!(isApiError(error) && error.status === 401)) throw error;
      }
    },
    onSuccess: () => {
      options.beforeClear?.();
      resetCsrfToken();
      queryClient.clear();
      queryClient.setQueryData<Me | null>(ME_QUERY_KEY, null);
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: async () => {
      queryClient.setQueryData<Me | null>(ME_QUERY_KEY, (prev) => (prev ? { ...prev, mustChangePassword: false } : prev));
      await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
  });
}

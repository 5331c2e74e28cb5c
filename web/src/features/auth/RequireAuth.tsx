import { useRef, type ReactNode } from 'react';
import { Center, Container } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { CHANGE_PASSWORD_PATH, LOGIN_PATH, redirectStateFor } from './redirect';
import { CurrentUserContext, useMe } from './useMe';

export interface RequireAuthProps {
  /** Rendered when signed in; defaults to the nested route (<Outlet />). */
  children?: ReactNode;
}

/**
 * Route guard: unauthenticated users go to /login (remembering the target);
 * users who must change their password are held on /ganti-sandi.
 */
export function RequireAuth({ children }: RequireAuthProps) {
  const location = useLocation();
  const meQuery = useMe();
  // Set once a user was shown here: losing them afterwards means the session ended under them.
  const signedIn = useRef(false);

  if (meQuery.isPending) return <LoadingState fullScreen />;

  if (meQuery.isError) {
    return (
      <Container size="sm">
        <Center mih="100vh">
          <ErrorState error={meQuery.error} onRetry={() => void meQuery.refetch()} retrying={meQuery.isFetching} />
        </Center>
      </Container>
    );
  }

  const me = meQuery.data;
  if (!me) return <Navigate to={LOGIN_PATH} replace state={redirectStateFor(location, signedIn.current)} />;
  signedIn.current = true;

  if (me.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace state={redirectStateFor(location)} />;
  }

  return <CurrentUserContext.Provider value={me}>{children ?? <Outlet />}</CurrentUserContext.Provider>;
}

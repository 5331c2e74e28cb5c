import type { ReactNode } from 'react';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { hasAnyRole } from './roles';
import { useMe } from './useMe';

export interface RequireRoleProps {
  /** Allowed roles (user needs any one of them); empty = any signed-in user. */
  roles: readonly Role[];
  children: ReactNode;
  /** Rendered when the user lacks the roles; defaults to an "Akses ditolak" state. Pass `null` to render nothing. */
  fallback?: ReactNode;
}

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <EmptyState
      data-testid="forbidden"
      icon={<IconLock size={30} stroke={1.5} />}
      title={t('forbidden.title')}
      description={t('forbidden.description')}
    />
  );
}

/** Renders `children` only for users holding one of `roles` (use inside <RequireAuth>). */
export function RequireRole({ roles, children, fallback }: RequireRoleProps) {
  const { data: me } = useMe();
  if (hasAnyRole(me, roles)) return <>{children}</>;
  return <>{fallback === undefined ? <Forbidden /> : fallback}</>;
}

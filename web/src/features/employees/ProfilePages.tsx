import { Stack } from '@mantine/core';
import { IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { useCurrentUser } from '../auth/useMe';
import { useEmployee } from './api';
import { EmployeeProfile } from './EmployeeProfile';

/** "Profil Saya" (/profil): GET /api/employees/me. */
export function MyProfilePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const query = useEmployee(me.employeeId === null ? null : 'me');
  return (
    <Stack gap="lg">
      <PageHeader title={t('nav.items.profile')} description={t('profile.myDescription')} />
      {me.employeeId === null ? (
        <EmptyState icon={<IconUserOff size={30} stroke={1.5} />} title={t('profile.noEmployee')} />
      ) : query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : (
        <EmployeeProfile employee={query.data} isSelf />
      )}
    </Stack>
  );
}

/** An employee's profile (/pegawai/:id) for OPD admins, BKD and the atasan; the server decides access. */
export function EmployeeDetailPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { id } = useParams();
  const employeeId = Number(id);
  const valid = Number.isInteger(employeeId) && employeeId > 0;
  const query = useEmployee(valid ? employeeId : null);
  const backTo = me.roles.includes('BKD_VERIFIER') || me.roles.includes('BKD_ADMIN') ? '/pegawai' : me.roles.includes('OPD_ADMIN') ? '/opd/pegawai' : '/bawahan';
  return (
    <Stack gap="lg">
      <PageHeader title={t('profile.employeeTitle')} withBack backTo={backTo} description={query.data ? `${query.data.namaLengkap} · NIP ${query.data.nipFormatted}` : t('profile.employeeDescription')} />
      {!valid ? (
        <EmptyState title={t('notFound.title')} />
      ) : query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        isApiError(query.error) && query.error.status === 404 ? (
          <EmptyState icon={<IconUserOff size={30} stroke={1.5} />} title={t('profile.notFound')} />
        ) : (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
        )
      ) : (
        <EmployeeProfile employee={query.data} isSelf={query.data.id === me.employeeId} />
      )}
    </Stack>
  );
}

import { Stack } from '@mantine/core';
import { IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useCurrentUser } from '../auth/useMe';
import { DocumentVault } from './DocumentVault';

/** "Dokumen Saya": the signed-in employee's vault. */
export function DocumentsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <Stack gap="lg">
      <PageHeader title={t('nav.items.documents')} description={t('documents.pageDescription')} />
      {me.employeeId === null ? (
        <EmptyState icon={<IconUserOff size={30} stroke={1.5} />} title={t('profile.noEmployee')} />
      ) : (
        <DocumentVault employeeId={me.employeeId} canUpload />
      )}
    </Stack>
  );
}

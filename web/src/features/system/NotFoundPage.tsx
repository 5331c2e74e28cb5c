import { Button, Stack, Text } from '@mantine/core';
import { IconMapSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { usePageTitle } from '../../components/usePageTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <Stack gap={0} data-testid="not-found">
      <Text ta="center" fz={48} fw={800} c="simak.2" lh={1} mt="xl" aria-hidden>
        {t('notFound.code')}
      </Text>
      <EmptyState
        icon={<IconMapSearch size={30} stroke={1.5} />}
        title={t('notFound.title')}
        description={t('notFound.description')}
        action={
          <Button component={Link} to="/" variant="light">
            {t('common.backHome')}
          </Button>
        }
      />
    </Stack>
  );
}

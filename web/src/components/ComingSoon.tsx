import { Stack, Title } from '@mantine/core';
import { IconHourglassHigh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from './EmptyState';
import { usePageTitle } from './usePageTitle';

export interface ComingSoonProps {
  /** Page heading (usually the navigation label). */
  title: string;
}

/** Placeholder page for routes whose feature has not been built yet. */
export function ComingSoon({ title }: ComingSoonProps) {
  const { t } = useTranslation();
  usePageTitle(title);
  return (
    <Stack gap="lg">
      <Title order={2} data-testid="page-title">
        {title}
      </Title>
      <EmptyState
        data-testid="coming-soon"
        icon={<IconHourglassHigh size={30} stroke={1.5} />}
        title={t('placeholder.title')}
        description={t('placeholder.description')}
      />
    </Stack>
  );
}

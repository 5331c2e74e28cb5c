import type { ReactNode } from 'react';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { usePageTitle } from './usePageTitle';

export interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  /** Buttons on the right. */
  actions?: ReactNode;
  /** Shows a "Kembali" button (history back, or `backTo` when there is no history). */
  withBack?: boolean;
  backTo?: string;
  /** Extra content under the title (badges …). */
  children?: ReactNode;
}

/** Page title (also the document title), optional description and actions. */
export function PageHeader({ title, description, actions, withBack, backTo = '/', children }: PageHeaderProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(title);
  const goBack = () => {
    if (window.history.state && typeof window.history.state.idx === 'number' && window.history.state.idx > 0) void navigate(-1);
    else void navigate(backTo);
  };
  return (
    <Stack gap="xs">
      {withBack && (
        <Group>
          <Button variant="subtle" size="compact-sm" leftSection={<IconArrowLeft size={16} />} onClick={goBack} px={4}>
            {t('common.back')}
          </Button>
        </Group>
      )}
      <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
        <Stack gap={4} style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Title order={2} data-testid="page-title">
            {title}
          </Title>
          {description && (
            <Text c="dimmed" size="sm">
              {description}
            </Text>
          )}
          {children}
        </Stack>
        {actions && (
          <Group gap="sm" wrap="wrap">
            {actions}
          </Group>
        )}
      </Group>
    </Stack>
  );
}

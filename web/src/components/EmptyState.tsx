import type { ReactNode } from 'react';
import { Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export interface EmptyStateProps {
  /** Main line; defaults to "Belum ada data.". */
  title?: string;
  description?: ReactNode;
  /** Icon element; defaults to an inbox. */
  icon?: ReactNode;
  /** Optional call to action (button/link) under the text. */
  action?: ReactNode;
  'data-testid'?: string;
}

export function EmptyState({ title, description, icon, action, 'data-testid': testId = 'empty-state' }: EmptyStateProps) {
  const { t } = useTranslation();
  return (
    <Center py="xl" px="md" data-testid={testId}>
      <Stack align="center" gap="sm" maw={460} ta="center">
        <ThemeIcon size={56} radius="xl" variant="light" color="gray" aria-hidden>
          {icon ?? <IconInbox size={30} stroke={1.5} />}
        </ThemeIcon>
        <Title order={3} size="h4" fw={600}>
          {title ?? t('common.empty')}
        </Title>
        {description && (
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        )}
        {action}
      </Stack>
    </Center>
  );
}

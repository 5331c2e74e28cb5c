import type { ReactNode } from 'react';
import { Card, Group, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { isApiError } from '../api/client';
import { ErrorState } from './ErrorState';

/**
 * A self-service card of the signed-in employee (my KGB, my promotion, my pension): a skeleton while
 * loading, nothing for an account without an employee record (404), the error with a retry, else
 * the card with its icon and title around `children(data)`.
 */
export function MyCard<T>({ query, testId, icon, title, children }: { query: UseQueryResult<T>; testId: string; icon: ReactNode; title: string; children: (data: T) => ReactNode }) {
  if (query.isPending) {
    return (
      <Card data-testid={`${testId}-loading`}>
        <Skeleton h={18} w="40%" mb="sm" />
        <Skeleton h={14} w="70%" />
      </Card>
    );
  }
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) return null;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  }
  return (
    <Card data-testid={testId}>
      <Group gap="sm" mb="sm" wrap="nowrap">
        <ThemeIcon variant="light" color="simak" size="lg" radius="md" aria-hidden>
          {icon}
        </ThemeIcon>
        <Title order={3} size="h4">
          {title}
        </Title>
      </Group>
      {children(query.data)}
    </Card>
  );
}

/** A small labelled figure on such a card. */
export function Figure({ label, value, testId, strong }: { label: ReactNode; value: ReactNode; testId?: string; strong?: boolean }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.3 }}>
        {label}
      </Text>
      <Text size="sm" fw={strong ? 700 : 500} c={strong ? 'green.9' : undefined} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

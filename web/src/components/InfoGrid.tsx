import type { ReactNode } from 'react';
import { SimpleGrid, Stack, Text } from '@mantine/core';

export interface InfoItem {
  key: string;
  label: ReactNode;
  value: ReactNode;
}

/** Read-only label/value pairs in a responsive grid (a <dl> for screen readers). */
export function InfoGrid({ items, cols = 3, testId }: { items: InfoItem[]; cols?: number; testId?: string }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2, lg: cols }} spacing="lg" verticalSpacing="md" m={0} data-testid={testId}>
      {items.map((item) => (
        <Stack key={item.key} gap={2} data-testid={`info-${item.key}`}>
          <Text component="dt" size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.3 }}>
            {item.label}
          </Text>
          <Text component="dd" m={0} size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
            {item.value}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}

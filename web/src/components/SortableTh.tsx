import type { ReactNode } from 'react';
import { Group, Table, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';

export interface SortableThProps {
  /** Sort key of this column (e.g. `nama`); the current sort is `key` or `-key`. */
  sortKey: string;
  sort: string;
  onSort: (sort: string) => void;
  children: ReactNode;
  w?: number | string;
  /** Shown from this breakpoint up (hidden on smaller screens). */
  visibleFrom?: 'xs' | 'sm' | 'md' | 'lg';
}

/** A header cell that toggles ascending/descending order; exposes aria-sort. */
export function SortableTh({ sortKey, sort, onSort, children, w, visibleFrom }: SortableThProps) {
  const active = sort === sortKey || sort === `-${sortKey}`;
  const desc = sort === `-${sortKey}`;
  const Icon = !active ? IconSelector : desc ? IconChevronDown : IconChevronUp;
  return (
    <Table.Th w={w} visibleFrom={visibleFrom} aria-sort={active ? (desc ? 'descending' : 'ascending') : 'none'} p={0}>
      <UnstyledButton
        onClick={() => onSort(active && !desc ? `-${sortKey}` : sortKey)}
        px="sm"
        py={8}
        w="100%"
        data-testid={`sort-${sortKey}`}
      >
        <Group justify="space-between" gap={4} wrap="nowrap">
          <Text fw={700} size="sm">
            {children}
          </Text>
          <Icon size={14} stroke={1.6} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

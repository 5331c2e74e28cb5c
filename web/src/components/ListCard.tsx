import type { ReactNode } from 'react';
import { Card, Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorState } from './ErrorState';
import { ListFooter } from './ListFooter';
import { LoadingState } from './LoadingState';

export interface ListCardProps<D extends { items: unknown[]; total: number }> {
  /** The page query of the list. */
  query: UseQueryResult<D>;
  page: number;
  pageSize: number;
  /** Receives `{ page }` or `{ pageSize }` from the footer. */
  onPaging: (patch: { page?: number; pageSize?: number }) => void;
  /** Shown when the page has no rows. */
  empty: ReactNode;
  /** Shown instead of anything else when given (e.g. when there is nothing to ask for). */
  unavailable?: ReactNode;
  /** The table of a non-empty page. */
  children: (data: D) => ReactNode;
}

/** A paged list in a card: loading, error (with retry) and empty states, the table and its footer. */
export function ListCard<D extends { items: unknown[]; total: number }>({
  query,
  page,
  pageSize,
  onPaging,
  empty,
  unavailable,
  children,
}: ListCardProps<D>) {
  return (
    <Card padding={0}>
      {unavailable ? (
        unavailable
      ) : query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <Stack p="md">
          <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
        </Stack>
      ) : query.data.items.length === 0 ? (
        empty
      ) : (
        <Stack gap={0}>
          {children(query.data)}
          <Stack p="md" pt="sm">
            <ListFooter
              page={page}
              pageSize={pageSize}
              total={query.data.total}
              onPageChange={(p) => onPaging({ page: p })}
              onPageSizeChange={(n) => onPaging({ pageSize: n })}
            />
          </Stack>
        </Stack>
      )}
    </Card>
  );
}

import { useMemo } from 'react';
import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { FilterSelect } from '../../components/FilterSelect';
import { ListCard } from '../../components/ListCard';
import { PageHeader } from '../../components/PageHeader';
import { parsePaging, pickSort, useSearchState } from '../../components/useSearchState';
import { formatDateTime } from '../../i18n/format';
import { useRequestList, useTasks } from './api';
import { RequestTable } from './RequestTable';
import type { RequestListParams } from './types';

const SORTS = ['stateSince', '-stateSince'] as const;
type Sort = (typeof SORTS)[number];
const DEFAULT_SORT: Sort = 'stateSince';
const DEFAULTS = { type: '', page: '1', pageSize: '25', sort: '' };

/**
 * "Tugas saya": every open request that waits for the signed-in user (by role, for their
 * OPD, or as the person asked), of any type, longest waiting first.
 */
export function TasksPage() {
  const { t } = useTranslation();
  const [state, update] = useSearchState(DEFAULTS);
  const tasks = useTasks();
  const sort = pickSort(state.sort, SORTS, DEFAULT_SORT);
  const { page, pageSize } = parsePaging(state);
  const params: RequestListParams = {
    assigned: 'true',
    open: 'true',
    page,
    pageSize,
    sort,
    ...(state.type ? { type: state.type } : {}),
  };
  const list = useRequestList(params);

  const typeOptions = useMemo(
    () => (tasks.data?.byType ?? []).map((g) => ({ value: g.type, label: `${g.label} (${g.count})` })),
    [tasks.data],
  );
  const oldest = tasks.data?.oldest;

  return (
    <Stack gap="lg">
      <PageHeader title={t('nav.items.tasks')} description={t('requests.tasks.description')} />

      <Card padding="md">
        <Group gap="md" align="flex-end" wrap="wrap" justify="space-between">
          <FilterSelect
            label={t('requests.tasks.type')}
            placeholder={t('requests.tasks.allTypes')}
            data={typeOptions}
            value={state.type}
            onChange={(v) => update({ type: v })}
            w={280}
            testId="tasks-filter-type"
          />
          {tasks.data && (
            <Group gap="xs" wrap="wrap" data-testid="tasks-summary">
              <Badge size="lg" variant="light" tt="none" data-testid="tasks-total" data-count={tasks.data.total}>
                {t('requests.tasks.total', { count: tasks.data.total })}
              </Badge>
              {oldest && (
                <Text size="sm" c="dimmed">
                  {t('requests.tasks.oldest', { date: formatDateTime(oldest.since) })}
                </Text>
              )}
            </Group>
          )}
        </Group>
      </Card>

      <ListCard
        query={list}
        page={page}
        pageSize={pageSize}
        onPaging={update}
        empty={
          <EmptyState
            icon={<IconChecklist size={30} stroke={1.5} />}
            title={t('requests.tasks.empty')}
            description={state.type ? t('requests.tasks.emptyFiltered') : t('requests.tasks.emptyHint')}
            data-testid="tasks-empty"
          />
        }
      >
        {(data) => (
          <RequestTable
            items={data.items}
            showEmployee
            sort={sort}
            onSort={(s) => update({ sort: s === DEFAULT_SORT ? '' : s })}
            dateField="stateSince"
            submittedLabel={t('requests.tasks.waitingSince')}
          />
        )}
      </ListCard>
    </Stack>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { Badge, Button, Card, Group, Modal, Stack, Tabs, Text } from '@mantine/core';
import { IconCheck, IconInbox, IconRubberStamp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { FilterSelect } from '../../components/FilterSelect';
import { ListCard } from '../../components/ListCard';
import { useRowSelection } from '../../components/useRowSelection';
import { parsePaging, pickSort, useSearchInput } from '../../components/useSearchState';
import { formatNumber } from '../../i18n/format';
import { opdOptions as toOpdOptions, useOpds } from '../employees/api';
import { useRequestList } from '../requests/api';
import { BatchResultModal } from '../requests/BatchResultModal';
import { RequestTable } from '../requests/RequestTable';
import type { RequestListParams, RequestRow } from '../requests/types';
import { useBatchRun } from '../requests/useBatchRun';
import { useBerkalaDashboard } from './api';
import { KGB_STATE_INFO, KGB_STATES, KGB_TYPE, kgbStateInfo } from './states';
import { SearchInput } from '../../components/SearchInput';

/** Batch actions of the KGB queue, in button order. */
const BATCH_ACTIONS = ['verify', 'finalize'] as const;
type BatchActionKey = (typeof BATCH_ACTIONS)[number];
const BATCH_ICONS: Record<BatchActionKey, typeof IconCheck> = { verify: IconCheck, finalize: IconRubberStamp };

export const QUEUE_ALL = 'ALL';
/** The queue is worked in TMT order: overdue first (the default). */
const SORTS = ['dueDate', '-dueDate', 'submittedAt', '-submittedAt', 'stateSince', '-stateSince'] as const;
type Sort = (typeof SORTS)[number];

export interface KgbQueueState {
  status: string;
  q: string;
  opdId: string;
  page: string;
  pageSize: string;
  sort: string;
}

export interface KgbQueueProps {
  state: KgbQueueState;
  update: (patch: Partial<Record<keyof KgbQueueState, string | number | null>>) => void;
  year: number;
}

/** The row offers the action to the user now (a disabled one, held back by a guard, does not count). */
const hasAction = (row: RequestRow, action: string) => row.actions.some((a) => a.action === action && a.enabled);

/**
 * The KGB queue: requests of type KGB by state (tabs), searchable and filterable by OPD,
 * with row selection and batch "Verifikasi terpilih" / "Tetapkan terpilih". A batch
 * button appears only when some selected row offers that action to the user.
 */
export function KgbQueue({ state, update, year }: KgbQueueProps) {
  const { t } = useTranslation();
  const opds = useOpds();
  const dashboard = useBerkalaDashboard(year);
  const [search, setSearch] = useSearchInput(state.q, update);

  const status = state.status === QUEUE_ALL || (KGB_STATES as readonly string[]).includes(state.status) ? state.status : 'DRAFT';
  const sort: Sort = pickSort(state.sort, SORTS, 'dueDate');
  const { page, pageSize } = parsePaging(state);
  const params: RequestListParams = {
    type: KGB_TYPE,
    state: status === QUEUE_ALL ? KGB_STATES.join(',') : status,
    page,
    pageSize,
    sort,
    ...(state.q ? { q: state.q } : {}),
    ...(state.opdId ? { opdId: state.opdId } : {}),
  };
  const list = useRequestList(params);

  const selection = useRowSelection((row: RequestRow) => BATCH_ACTIONS.some((a) => hasAction(row, a)));
  const selected = selection.selected;
  const [confirm, setConfirm] = useState<BatchActionKey | null>(null);
  const batch = useBatchRun({
    doneTitle: t('berkala.queue.batchDoneTitle'),
    onSettled: () => setConfirm(null),
    onSuccess: selection.clear,
  });
  // A new tab or filter starts with an empty selection.
  useEffect(selection.clear, [status, state.opdId, state.q]);

  const eligible = (action: BatchActionKey) => [...selected.values()].filter((r) => hasAction(r, action));

  const opdOptions = useMemo(() => toOpdOptions(opds.data?.items), [opds.data]);

  const counts = dashboard.data?.queue ?? {};
  const tabs: { value: string; label: string; count?: number }[] = [
    ...KGB_STATES.map((s) => ({ value: s, label: KGB_STATE_INFO[s].label, count: counts[s] ?? 0 })),
    { value: QUEUE_ALL, label: t('berkala.queue.all') },
  ];
  const batchButtons = BATCH_ACTIONS.map((action) => ({ action, rows: eligible(action) })).filter((b) => b.rows.length > 0);

  return (
    <Stack gap="md" data-testid="kgb-queue">
      <Tabs value={status} onChange={(v) => v && update({ status: v })} variant="pills" radius="md">
        <Tabs.List style={{ flexWrap: 'wrap' }}>
          {tabs.map((tab) => (
            <Tabs.Tab
              key={tab.value}
              value={tab.value}
              data-testid={`kgb-state-${tab.value}`}
              rightSection={
                tab.count !== undefined && dashboard.data ? (
                  <Badge size="sm" variant={status === tab.value ? 'white' : 'light'} color={status === tab.value ? 'simak' : 'gray'} circle={tab.count < 10}>
                    {formatNumber(tab.count)}
                  </Badge>
                ) : undefined
              }
            >
              {tab.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>

      <Card padding="md">
        <Group gap="sm" align="flex-end" justify="space-between" wrap="wrap">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <SearchInput value={search} onChange={setSearch} placeholder={t('berkala.queue.searchPlaceholder')} w={260} testId="kgb-filter-q" />
            <FilterSelect
              label={t('requests.filters.opd')}
              placeholder={t('requests.filters.allOpd')}
              data={opdOptions}
              value={state.opdId}
              onChange={(v) => update({ opdId: v })}
              searchable
              w={300}
              testId="kgb-filter-opd"
            />
          </Group>
          <Group gap="sm" wrap="wrap">
            {selected.size > 0 && (
              <Text size="sm" c="dimmed" data-testid="kgb-selected-count">
                {t('berkala.queue.selected', { count: selected.size })}
              </Text>
            )}
            {batchButtons.map(({ action, rows }) => {
              const Icon = BATCH_ICONS[action];
              return (
                <Button key={action} leftSection={<Icon size={16} />} onClick={() => setConfirm(action)} data-testid={`kgb-batch-${action}`}>
                  {t(`berkala.queue.batch.${action}.button`, { count: rows.length })}
                </Button>
              );
            })}
          </Group>
        </Group>
      </Card>

      <ListCard
        query={list}
        page={page}
        pageSize={pageSize}
        onPaging={update}
        empty={<EmptyState icon={<IconInbox size={30} stroke={1.5} />} title={t('berkala.queue.empty')} data-testid="kgb-queue-empty" />}
      >
        {(data) => (
          <RequestTable
            items={data.items}
            showEmployee
            sort={sort}
            onSort={(s) => update({ sort: s === 'dueDate' ? '' : s })}
            showDueDate
            submittedLabel={t('berkala.queue.createdAt')}
            selection={selection.forRows(data.items)}
          />
        )}
      </ListCard>

      <Modal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={confirm ? t(`berkala.queue.batch.${confirm}.confirmTitle`) : ''}
        centered
      >
        {confirm && (
          <Stack gap="md" data-testid={`kgb-batch-dialog-${confirm}`}>
            <Text size="sm">{t(`berkala.queue.batch.${confirm}.confirm`, { count: eligible(confirm).length })}</Text>
            {eligible(confirm).length < selected.size && (
              <Text size="sm" c="dimmed">
                {t('berkala.queue.batch.skipped', { count: selected.size - eligible(confirm).length })}
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirm(null)} disabled={batch.pending}>
                {t('common.cancel')}
              </Button>
              <Button onClick={() => batch.run(confirm, eligible(confirm))} loading={batch.pending} data-testid="kgb-batch-confirm">
                {t(`berkala.queue.batch.${confirm}.action`)}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>

      <BatchResultModal
        result={batch.result}
        onClose={batch.closeResult}
        title={t('berkala.queue.batchResultTitle')}
        stateLabel={(s) => kgbStateInfo(s).stateLabel}
      />
    </Stack>
  );
}

import { useState } from 'react';
import { Badge, Button, Card, CloseButton, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFilter, IconInbox, IconSend } from '@tabler/icons-react';
import type { KpPeriodInfo } from '@simak/shared/api/pangkat';
import type { BatchRow } from '@simak/shared/api/requests';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { FilterSelect } from '../../components/FilterSelect';
import { ListCard } from '../../components/ListCard';
import { parsePaging, pickSort, useSearchInput } from '../../components/useSearchState';
import { hasAnyRole } from '../auth/roles';
import { useCurrentUser } from '../auth/useMe';
import { useRequestList } from '../requests/api';
import { BatchResultModal, type BatchOutcome } from '../requests/BatchResultModal';
import { RequestTable } from '../requests/RequestTable';
import type { RequestListParams } from '../requests/types';
import { useBatchGroupAction, useKpBatches } from './api';
import type { PangkatState, PangkatUpdate } from './PangkatPage';
import { KP_STATE_LABELS, KP_STATES, KP_SUBMITTABLE } from './states';
import { SearchInput } from '../../components/SearchInput';

const SORTS = ['submittedAt', '-submittedAt', 'stateSince', '-stateSince'] as const;
const STATE_COLORS: Record<string, string> = { DRAFT: 'gray', DIAJUKAN: 'blue', DIKEMBALIKAN: 'yellow', DISETUJUI: 'blue', PERTEK: 'blue', SK_TERBIT: 'green', TMS: 'red', DIBATALKAN: 'gray' };

function BatchCard({ batch, active, canSubmit, onShow, onSubmit }: { batch: BatchRow; active: boolean; canSubmit: boolean; onShow: () => void; onSubmit: () => void }) {
  const { t } = useTranslation();
  const submittable = batch.states.filter((s) => KP_SUBMITTABLE.includes(s.state)).reduce((n, s) => n + s.count, 0);
  return (
    <Card withBorder padding="sm" data-testid="kp-batch" data-batch-id={batch.id} style={active ? { borderColor: 'var(--mantine-color-simak-6)' } : undefined}>
      <Stack gap={6}>
        <Text size="sm" fw={600} lineClamp={2} title={batch.title}>
          {batch.title}
        </Text>
        <Text size="xs" c="dimmed">
          #{batch.id} · {t('pangkat.proposals.members', { count: batch.total })}
        </Text>
        <Group gap={4} wrap="wrap">
          {batch.states.map((s) => (
            <Badge key={s.state} size="sm" variant="light" color={STATE_COLORS[s.state] ?? 'gray'} tt="none" data-testid="kp-batch-state" data-state={s.state} data-count={s.count}>
              {s.label}: {s.count}
            </Badge>
          ))}
        </Group>
        <Group gap="xs" mt={4}>
          <Button size="xs" variant={active ? 'filled' : 'light'} leftSection={<IconFilter size={14} />} onClick={onShow} data-testid="kp-batch-show">
            {t('pangkat.proposals.showMembers')}
          </Button>
          {canSubmit && submittable > 0 && (
            <Button size="xs" leftSection={<IconSend size={14} />} onClick={onSubmit} data-testid="kp-batch-submit">
              {t('pangkat.proposals.submitAll', { count: submittable })}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

export interface ProposalsTabProps {
  period: KpPeriodInfo;
  opdId: number | undefined;
  state: PangkatState;
  update: PangkatUpdate;
}

/** "Usulan": the period's batches (submit a whole batch at once) and its KP proposals, filtered by state. */
export function ProposalsTab({ period, opdId, state, update }: ProposalsTabProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [search, setSearch] = useSearchInput(state.q, update);
  const { page, pageSize } = parsePaging(state);
  const sort = pickSort(state.sort, SORTS, '-submittedAt');
  const batches = useKpBatches(period.period, opdId ? String(opdId) : '');
  const params: RequestListParams = {
    type: 'KP',
    period: period.period,
    page,
    pageSize,
    sort,
    ...(state.state ? { state: state.state } : {}),
    ...(state.q ? { q: state.q } : {}),
    ...(opdId ? { opdId: String(opdId) } : {}),
    ...(state.batch ? { batchId: state.batch } : {}),
  };
  const list = useRequestList(params);
  const canSubmit = hasAnyRole(me, ['OPD_ADMIN', 'BKD_ADMIN']);
  const [confirm, setConfirm] = useState<BatchRow | null>(null);
  const [outcome, setOutcome] = useState<BatchOutcome | null>(null);
  const action = useBatchGroupAction();
  const activeBatch = batches.data?.items.find((b) => String(b.id) === state.batch);

  const submitBatch = (batch: BatchRow) => {
    action.mutate(
      { batchId: batch.id, action: 'submit' },
      {
        onSuccess: (res) => {
          setConfirm(null);
          setOutcome({ ...res, titles: new Map((list.data?.items ?? []).map((r) => [r.id, r.title])) });
          notifications.show({ color: res.failed ? 'orange' : 'green', title: t('pangkat.proposals.submittedTitle'), message: t('requests.batch.done', { succeeded: res.succeeded, failed: res.failed }) });
        },
        onError: (error) => {
          setConfirm(null);
          notifications.show({ color: 'red', title: t('requests.batch.failedTitle'), message: errorMessage(error) });
        },
      },
    );
  };

  return (
    <Stack gap="md" data-testid="kp-proposals">
      {batches.data && batches.data.items.length > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('pangkat.proposals.batches')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" data-testid="kp-batches">
            {batches.data.items.map((b) => (
              <BatchCard
                key={b.id}
                batch={b}
                active={String(b.id) === state.batch}
                canSubmit={canSubmit}
                onShow={() => update({ batch: String(b.id) === state.batch ? '' : String(b.id) })}
                onSubmit={() => setConfirm(b)}
              />
            ))}
          </SimpleGrid>
        </Stack>
      )}

      <Card padding="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <FilterSelect
            label={t('requests.filters.status')}
            placeholder={t('requests.filters.all')}
            data={KP_STATES.map((s) => ({ value: s, label: KP_STATE_LABELS[s] }))}
            value={state.state}
            onChange={(v) => update({ state: v })}
            w={280}
            testId="kp-state"
          />
          <SearchInput value={search} onChange={setSearch} placeholder={t('requests.filters.searchPlaceholder')} w={260} testId="kp-proposals-q" />
          {state.batch && (
            <Badge size="lg" variant="light" tt="none" rightSection={<CloseButton size="xs" onClick={() => update({ batch: '' })} aria-label={t('pangkat.proposals.clearBatch')} />} data-testid="kp-batch-filter">
              {t('pangkat.proposals.batchFilter', { title: activeBatch?.title ?? `#${state.batch}` })}
            </Badge>
          )}
        </Group>
      </Card>

      <ListCard
        query={list}
        page={page}
        pageSize={pageSize}
        onPaging={update}
        empty={<EmptyState icon={<IconInbox size={30} stroke={1.5} />} title={t('pangkat.proposals.empty')} description={t('pangkat.proposals.emptyHint')} data-testid="kp-proposals-empty" />}
      >
        {(data) => <RequestTable items={data.items} showEmployee sort={sort} onSort={(s) => update({ sort: s === '-submittedAt' ? '' : s })} />}
      </ListCard>

      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title={t('pangkat.proposals.submitTitle')} centered>
        {confirm && (
          <Stack gap="md" data-testid="kp-batch-submit-dialog">
            <Text size="sm">{t('pangkat.proposals.submitConfirm', { title: confirm.title })}</Text>
            <Text size="xs" c="dimmed">
              {t('pangkat.proposals.submitHint')}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirm(null)} disabled={action.isPending}>
                {t('common.cancel')}
              </Button>
              <Button onClick={() => submitBatch(confirm)} loading={action.isPending} leftSection={<IconSend size={16} />} data-testid="kp-batch-submit-confirm">
                {t('pangkat.proposals.submitButton')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>

      <BatchResultModal result={outcome} onClose={() => setOutcome(null)} title={t('pangkat.proposals.resultTitle')} stateLabel={(s) => (KP_STATE_LABELS as Record<string, string>)[s ?? ''] ?? s ?? ''} />
    </Stack>
  );
}

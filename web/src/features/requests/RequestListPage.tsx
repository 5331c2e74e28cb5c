import { useMemo, useState } from 'react';
import { Button, Card, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { IconChecks, IconInbox } from '@tabler/icons-react';
import { DATA_CHANGE_STATES } from '@simak/shared/api/change-requests';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { FilterSelect } from '../../components/FilterSelect';
import { ListCard } from '../../components/ListCard';
import { PageHeader } from '../../components/PageHeader';
import { useRowSelection } from '../../components/useRowSelection';
import { parsePaging, pickSort, useSearchInput, useSearchState } from '../../components/useSearchState';
import { useCurrentUser } from '../auth/useMe';
import { useChangeSpec } from '../change-requests/api';
import { opdOptions as toOpdOptions, useOpds } from '../employees/api';
import { useRequestList, useRequestTypes } from './api';
import { BatchResultModal } from './BatchResultModal';
import { RequestTable } from './RequestTable';
import type { RequestListParams, RequestRow } from './types';
import { useBatchRun } from './useBatchRun';
import { SearchInput } from '../../components/SearchInput';

export type RequestListVariant = 'mine' | 'opd' | 'queue';

const TITLE_KEY: Record<RequestListVariant, string> = {
  mine: 'nav.items.proposals',
  opd: 'nav.items.opdProposals',
  queue: 'nav.items.verificationQueue',
};

const QUEUE_STATES = 'DIAJUKAN,VERIFIKASI_2';
const SORTS = ['submittedAt', '-submittedAt', 'stateSince', '-stateSince'] as const;
type Sort = (typeof SORTS)[number];

const DEFAULTS = { type: '', status: '', target: '', opdId: '', q: '', olderThanDays: '', page: '1', pageSize: '25', sort: '' };

/**
 * Request lists: "Usulan Saya" (the ASN's own), "Usulan OPD" (the OPD admin's scope) and
 * the BKD verification queue (open data-change requests, batch approval).
 */
export function RequestListPage({ variant }: { variant: RequestListVariant }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const spec = useChangeSpec();
  const opds = useOpds();
  const [state, update] = useSearchState(DEFAULTS);
  const [search, setSearch] = useSearchInput(state.q, update);

  const defaultSort: Sort = variant === 'queue' ? 'submittedAt' : '-submittedAt';
  const sort = pickSort(state.sort, SORTS, defaultSort);
  const { page, pageSize } = parsePaging(state);

  const params: RequestListParams = {
    page,
    pageSize,
    sort,
    ...(state.target ? { target: state.target } : {}),
    ...(state.q ? { q: state.q } : {}),
    ...(state.olderThanDays ? { olderThanDays: state.olderThanDays } : {}),
  };
  if (variant === 'queue') {
    params.type = 'DATA_CHANGE';
    params.state = QUEUE_STATES;
    params.open = 'true';
  } else {
    if (state.type) params.type = state.type;
    if (state.status === 'open') params.open = 'true';
    else if (state.status) params.state = state.status;
  }
  if (variant === 'mine' && me.employeeId !== null) params.employeeId = String(me.employeeId);
  if (variant !== 'mine' && state.opdId) params.opdId = state.opdId;
  const noEmployee = variant === 'mine' && me.employeeId === null;

  const list = useRequestList(params, !noEmployee);
  // Every request type present in the scope is offered (data changes, KGB, KP …), each with its own states.
  const types = useRequestTypes(variant === 'mine' ? me.employeeId : null, variant !== 'queue' && !noEmployee);

  // Batch approval (queue only).
  const selection = useRowSelection((row: RequestRow) => row.actions.some((a) => a.action === 'approve' && a.enabled));
  const selected = selection.selected;
  const [confirmBatch, setConfirmBatch] = useState(false);
  const batch = useBatchRun({
    doneTitle: t('requests.batch.doneTitle'),
    onSettled: () => setConfirmBatch(false),
    onSuccess: selection.clear,
  });

  const opdOptions = useMemo(() => toOpdOptions(variant === 'opd' ? me.opds : opds.data?.items), [variant, me.opds, opds.data]);
  const targetOptions = useMemo(
    () => Object.entries(spec.data?.targets ?? {}).map(([value, s]) => ({ value, label: s.label })),
    [spec.data],
  );
  const typeOptions = useMemo(() => (types.data?.items ?? []).map((x) => ({ value: x.type, label: x.label })), [types.data]);
  const statusOptions = useMemo(() => {
    // The states of the chosen type, or of every type present (same code, same label: listed once).
    const byCode = new Map<string, string>();
    const present = types.data?.items.filter((x) => !state.type || x.type === state.type) ?? [];
    if (present.length === 0) for (const [value, label] of Object.entries(DATA_CHANGE_STATES)) byCode.set(value, label);
    for (const x of present) for (const s of x.states) if (!byCode.has(s.value)) byCode.set(s.value, s.label);
    return [{ value: 'open', label: t('requests.filters.open') }, ...[...byCode].map(([value, label]) => ({ value, label }))];
  }, [types.data, state.type, t]);
  const showTarget = variant === 'queue' || !state.type || state.type === 'DATA_CHANGE';

  return (
    <Stack gap="lg">
      <PageHeader
        title={t(TITLE_KEY[variant])}
        description={t(`requests.descriptions.${variant}`)}
        actions={
          variant === 'queue' && (
            <Button
              leftSection={<IconChecks size={18} />}
              disabled={selected.size === 0}
              onClick={() => setConfirmBatch(true)}
              data-testid="batch-approve"
            >
              {t('requests.batch.approveSelected', { count: selected.size })}
            </Button>
          )
        }
      />

      <Card padding="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          {variant !== 'mine' && (
            <SearchInput value={search} onChange={setSearch} placeholder={t('requests.filters.searchPlaceholder')} w={260} testId="filter-q" />
          )}
          {variant !== 'queue' && typeOptions.length > 1 && (
            <FilterSelect
              label={t('requests.filters.type')}
              placeholder={t('requests.filters.allTypes')}
              data={typeOptions}
              value={state.type}
              onChange={(v) => update({ type: v, status: '', target: '' })}
              w={220}
              testId="filter-type"
            />
          )}
          {variant !== 'queue' && (
            <FilterSelect
              label={t('requests.filters.status')}
              placeholder={t('requests.filters.all')}
              data={statusOptions}
              value={state.status}
              onChange={(v) => update({ status: v })}
              w={200}
              testId="filter-status"
            />
          )}
          {variant !== 'mine' && (variant === 'queue' || opdOptions.length > 1) && (
            <FilterSelect
              label={t('requests.filters.opd')}
              placeholder={t('requests.filters.allOpd')}
              data={opdOptions}
              value={state.opdId}
              onChange={(v) => update({ opdId: v })}
              searchable
              w={280}
              testId="filter-opd"
            />
          )}
          {showTarget && (
            <FilterSelect
              label={t('requests.filters.target')}
              placeholder={t('requests.filters.allTargets')}
              data={targetOptions}
              value={state.target}
              onChange={(v) => update({ target: v })}
              w={240}
              testId="filter-target"
            />
          )}
          {variant !== 'mine' && (
            <NumberInput
              label={t('requests.filters.olderThanDays')}
              placeholder="0"
              min={0}
              max={3650}
              allowDecimal={false}
              allowNegative={false}
              value={state.olderThanDays === '' ? '' : Number(state.olderThanDays)}
              onChange={(v) => update({ olderThanDays: v === '' ? '' : String(v) })}
              suffix={` ${t('requests.filters.days')}`}
              w={170}
              data-testid="filter-age"
            />
          )}
        </Group>
      </Card>

      <ListCard
        query={list}
        page={page}
        pageSize={pageSize}
        onPaging={update}
        unavailable={noEmployee && <EmptyState title={t('profile.noEmployee')} />}
        empty={
          <EmptyState
            icon={<IconInbox size={30} stroke={1.5} />}
            title={variant === 'queue' ? t('requests.emptyQueue') : t('requests.empty')}
            description={variant === 'mine' ? t('requests.emptyMineHint') : undefined}
            data-testid="requests-empty"
          />
        }
      >
        {(data) => (
          <RequestTable
            items={data.items}
            showEmployee={variant !== 'mine'}
            sort={sort}
            onSort={(s) => update({ sort: s === defaultSort ? '' : s })}
            selection={variant === 'queue' ? selection.forRows(data.items) : undefined}
          />
        )}
      </ListCard>

      <Modal opened={confirmBatch} onClose={() => setConfirmBatch(false)} title={t('requests.batch.confirmTitle')} centered>
        <Stack gap="md">
          <Text size="sm">{t('requests.batch.confirm', { count: selected.size })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmBatch(false)} disabled={batch.pending}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => batch.run('approve', [...selected.values()])} loading={batch.pending} leftSection={<IconChecks size={16} />} data-testid="batch-confirm">
              {t('requests.batch.approve')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <BatchResultModal
        result={batch.result}
        onClose={batch.closeResult}
        stateLabel={(state) => (DATA_CHANGE_STATES as Record<string, string>)[state ?? ''] ?? state ?? ''}
      />
    </Stack>
  );
}

import { useMemo, useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, List, Modal, ScrollArea, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight, IconSend, IconUserOff } from '@tabler/icons-react';
import type { EligibleRow, KpPeriodInfo, KpProposalResult } from '@simak/shared/api/pangkat';
import { KP_KINDS } from '@simak/shared/rules/kp-eligibility';
import { JENIS_KP_LABELS } from '@simak/shared/codes';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, isApiError } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { FilterSelect } from '../../components/FilterSelect';
import { ListCard } from '../../components/ListCard';
import { useRowSelection } from '../../components/useRowSelection';
import { parsePaging, useSearchInput } from '../../components/useSearchState';
import { toneColor } from '../../domain/labels';
import { formatDate, formatNip, formatNumber } from '../../i18n/format';
import { hasAnyRole } from '../auth/roles';
import { useCurrentUser } from '../auth/useMe';
import { useEligible, useProposeKp } from './api';
import type { PangkatState, PangkatUpdate } from './PangkatPage';
import { ProposalResultModal } from './ProposalResultModal';
import { SearchInput } from '../../components/SearchInput';

type Row = EligibleRow & { id: number };

export function GolonganChange({ from, to }: { from: string; to: string | null }) {
  return (
    <Group gap={4} wrap="nowrap" data-testid="kp-golongan">
      <Text size="sm" ff="monospace">
        {from}
      </Text>
      {to && (
        <>
          <IconArrowRight size={14} color="var(--mantine-color-gray-6)" aria-hidden />
          <Text size="sm" ff="monospace" fw={700} c="green.9">
            {to}
          </Text>
        </>
      )}
    </Group>
  );
}

/** Why a proposal was refused, from the error's details (not eligible, duplicates, window closed). */
function ProposeError({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  const details = (error.details ?? {}) as {
    ineligible?: { employeeId: number; nama: string; nip: string; reasons: string[] }[];
    existing?: { employeeId: number; requestId: number }[];
    opens?: string;
    closes?: string;
  };
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t(`pangkat.propose.errors.${error.code}`, { defaultValue: t('pangkat.propose.errors.default') })} data-testid="kp-propose-error" data-code={error.code}>
      <Stack gap="xs">
        <Text size="sm">{error.message}</Text>
        {details.ineligible && (
          <List size="sm" spacing={4}>
            {details.ineligible.map((p) => (
              <List.Item key={p.employeeId} data-testid="kp-propose-ineligible">
                <Text span size="sm" fw={600}>
                  {p.nama}
                </Text>{' '}
                ({formatNip(p.nip)}): {p.reasons.join(' ')}
              </List.Item>
            ))}
          </List>
        )}
        {details.existing && (
          <Group gap="xs" wrap="wrap">
            {details.existing.map((x) => (
              <Anchor key={x.requestId} component={Link} to={`/usulan/${x.requestId}`} size="sm">
                {t('pangkat.propose.openExisting', { id: x.requestId })}
              </Anchor>
            ))}
          </Group>
        )}
        {details.opens && details.closes && (
          <Text size="sm" fw={600}>
            {t('pangkat.window.range', { opens: formatDate(details.opens), closes: formatDate(details.closes) })}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

export interface EligibleTabProps {
  period: KpPeriodInfo;
  opd: string;
  state: PangkatState;
  update: PangkatUpdate;
}

/** "Memenuhi syarat": every active PNS in scope judged at the period; the OPD admin proposes eligible ones as one batch. */
export function EligibleTab({ period, opd, state, update }: EligibleTabProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [search, setSearch] = useSearchInput(state.q, update);
  const { page, pageSize } = parsePaging(state);
  const status = (['all', 'eligible', 'ineligible'] as const).find((s) => s === state.status) ?? 'eligible';
  const list = useEligible({ period: period.period, opd: opd || undefined, status, jenis: state.jenis || undefined, q: state.q || undefined, page, pageSize });
  const canPropose = hasAnyRole(me, ['OPD_ADMIN', 'BKD_ADMIN']) && period.status !== 'DITUTUP';

  const selection = useRowSelection((row: Row) => row.eligible && row.proposal === null);
  const selected = [...selection.selected.keys()];
  const selectedRows = [...selection.selected.values()];
  const [confirm, setConfirm] = useState(false);
  const [result, setResult] = useState<KpProposalResult | null>(null);
  const propose = useProposeKp();
  const rows = useMemo(() => (list.data?.items ?? []).map((r) => ({ ...r, id: r.employeeId })), [list.data]);
  const tableSelection = selection.forRows(rows);

  const submit = () => {
    propose.mutate(
      { period: period.period, employeeIds: selected },
      {
        onSuccess: (res) => {
          setConfirm(false);
          selection.clear();
          setResult(res);
        },
      },
    );
  };

  const totals = list.data?.totals;
  return (
    <Stack gap="md" data-testid="kp-eligible">
      <Card padding="md">
        <Group gap="sm" align="flex-end" wrap="wrap" justify="space-between">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <SegmentedControl
              value={status}
              onChange={(v) => update({ status: v })}
              data={[
                { value: 'eligible', label: t('pangkat.eligible.status.eligible') },
                { value: 'ineligible', label: t('pangkat.eligible.status.ineligible') },
                { value: 'all', label: t('pangkat.eligible.status.all') },
              ]}
              data-testid="kp-status"
            />
            <FilterSelect
              label={t('pangkat.eligible.jenis')}
              placeholder={t('pangkat.eligible.allKinds')}
              data={KP_KINDS.map((k) => ({ value: k, label: JENIS_KP_LABELS[k] }))}
              value={state.jenis}
              onChange={(v) => update({ jenis: v })}
              w={210}
              testId="kp-jenis"
            />
            <SearchInput value={search} onChange={setSearch} placeholder={t('pangkat.eligible.searchPlaceholder')} w={220} testId="kp-q" />
          </Group>
          {canPropose && (
            <Button leftSection={<IconSend size={16} />} disabled={selected.length === 0} onClick={() => { propose.reset(); setConfirm(true); }} data-testid="kp-propose">
              {t('pangkat.propose.button', { count: selected.length })}
            </Button>
          )}
        </Group>
        {totals && (
          <Group gap="xs" mt="sm" wrap="wrap" data-testid="kp-totals">
            <Badge color="green" variant="light" tt="none" data-testid="kp-total-eligible" data-count={totals.eligible}>
              {t('pangkat.eligible.totalEligible', { count: totals.eligible, formatted: formatNumber(totals.eligible) })}
            </Badge>
            <Badge color="gray" variant="light" tt="none">
              {t('pangkat.eligible.totalIneligible', { count: totals.ineligible, formatted: formatNumber(totals.ineligible) })}
            </Badge>
            {Object.entries(totals.byJenis).map(([jenis, n]) => (
              <Badge key={jenis} color="blue" variant="outline" tt="none">
                {(JENIS_KP_LABELS as Record<string, string>)[jenis] ?? jenis}: {formatNumber(n)}
              </Badge>
            ))}
          </Group>
        )}
        {period.status === 'DITUTUP' && hasAnyRole(me, ['OPD_ADMIN', 'BKD_ADMIN']) && (
          <Alert color="orange" mt="sm" py="xs" data-testid="kp-window-closed">
            {t('pangkat.propose.windowClosed', { opens: formatDate(period.opens), closes: formatDate(period.closes) })}
          </Alert>
        )}
      </Card>

      <ListCard
        query={list}
        page={page}
        pageSize={pageSize}
        onPaging={update}
        empty={<EmptyState icon={<IconUserOff size={30} stroke={1.5} />} title={t('pangkat.eligible.empty')} data-testid="kp-eligible-empty" />}
      >
        {() => (
          <ScrollArea type="auto">
            <Table verticalSpacing="sm" highlightOnHover data-testid="kp-eligible-table">
              <Table.Thead>
                <Table.Tr>
                  {canPropose && (
                    <Table.Th w={40}>
                      <Checkbox
                        aria-label={t('requests.selectAll')}
                        checked={rows.some(tableSelection.isSelectable) && rows.filter(tableSelection.isSelectable).every((r) => selection.selected.has(r.id))}
                        disabled={!rows.some(tableSelection.isSelectable)}
                        onChange={(e) => tableSelection.onToggleAll(e.currentTarget.checked)}
                        data-testid="kp-select-all"
                      />
                    </Table.Th>
                  )}
                  <Table.Th w={230}>{t('requests.columns.employee')}</Table.Th>
                  <Table.Th w={210} visibleFrom="md">{t('pangkat.eligible.unit')}</Table.Th>
                  <Table.Th w={125} visibleFrom="sm">{t('pangkat.eligible.golongan')}</Table.Th>
                  <Table.Th w={150} visibleFrom="md">{t('pangkat.eligible.jenis')}</Table.Th>
                  <Table.Th>{t('pangkat.eligible.notes')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.id} data-testid="kp-eligible-row" data-employee-id={row.employeeId} data-eligible={row.eligible ? 'true' : 'false'}>
                    {canPropose && (
                      <Table.Td>
                        <Checkbox
                          aria-label={t('pangkat.eligible.select', { nama: row.nama })}
                          checked={selection.selected.has(row.id)}
                          disabled={!tableSelection.isSelectable(row)}
                          onChange={(e) => tableSelection.onToggle(row, e.currentTarget.checked)}
                          data-testid="kp-select"
                        />
                      </Table.Td>
                    )}
                    <Table.Td>
                      <Anchor component={Link} to={`/pegawai/${row.employeeId}`} size="sm" fw={600}>
                        {row.nama}
                      </Anchor>
                      <Text size="xs" c="dimmed" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                        {formatNip(row.nip)}
                      </Text>
                    </Table.Td>
                    <Table.Td visibleFrom="md">
                      <Text size="sm">{row.opd.nama}</Text>
                      {row.jabatan.nama && (
                        <Text size="xs" c="dimmed" lineClamp={1} title={row.jabatan.nama}>
                          {row.jabatan.nama}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td visibleFrom="sm">
                      <GolonganChange from={row.from} to={row.to} />
                      {row.tmtGolongan && (
                        <Text size="xs" c="dimmed">
                          {t('pangkat.eligible.since', { date: formatDate(row.tmtGolongan) })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td visibleFrom="md">
                      {row.jenis ? (
                        <Text size="sm" fw={500} c="blue.9">
                          {JENIS_KP_LABELS[row.jenis]}
                        </Text>
                      ) : (
                        <Text size="xs" c="dimmed">
                          {t('pangkat.eligible.status.ineligible')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={4} align="flex-start">
                        {row.proposal && (
                          <Anchor component={Link} to={`/usulan/${row.proposal.requestId}`} size="xs" data-testid="kp-row-proposal" data-state={row.proposal.state}>
                            <Badge color={toneColor(row.proposal.tone)} variant="light" tt="none" style={{ cursor: 'pointer' }}>
                              {t('pangkat.eligible.proposed', { state: row.proposal.stateLabel })}
                            </Badge>
                          </Anchor>
                        )}
                        {row.flags.map((f) => (
                          <Badge key={f.code} color="orange" variant="light" tt="none" title={f.message} style={{ flexShrink: 0, overflow: 'visible' }} data-testid="kp-flag" data-code={f.code}>
                            {t(`pangkat.flags.${f.code}`)}
                          </Badge>
                        ))}
                        {!row.eligible && row.reasons.length > 0 && (
                          <List size="xs" spacing={2} c="red.9" data-testid="kp-reasons">
                            {row.reasons.map((r) => (
                              <List.Item key={r}>{r}</List.Item>
                            ))}
                          </List>
                        )}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </ListCard>

      <Modal opened={confirm} onClose={() => setConfirm(false)} title={t('pangkat.propose.confirmTitle')} size="lg" centered>
        <Stack gap="md" data-testid="kp-propose-dialog">
          <Text size="sm">{t('pangkat.propose.confirm', { count: selected.length, period: formatDate(period.period) })}</Text>
          <List size="sm" spacing={2}>
            {selectedRows.map((r) => (
              <List.Item key={r.id}>
                {r.nama} — {r.from} → {r.to} ({r.jenis ? JENIS_KP_LABELS[r.jenis] : ''})
              </List.Item>
            ))}
          </List>
          <Text size="xs" c="dimmed">
            {t('pangkat.propose.hint')}
          </Text>
          {propose.error && isApiError(propose.error) && <ProposeError error={propose.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(false)} disabled={propose.isPending}>
              {t('common.cancel')}
            </Button>
            <Button onClick={submit} loading={propose.isPending} leftSection={<IconSend size={16} />} data-testid="kp-propose-confirm">
              {t('pangkat.propose.confirmButton')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <ProposalResultModal
        result={result}
        onClose={() => setResult(null)}
        onOpenBatch={(batchId) => {
          setResult(null);
          update({ tab: 'usulan', batch: String(batchId), state: '', q: '' });
        }}
      />
    </Stack>
  );
}

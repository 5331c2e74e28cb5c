import { useMemo, useState } from 'react';
import { Anchor, Badge, Button, Card, Group, ScrollArea, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconFilePlus, IconSearch, IconUserOff } from '@tabler/icons-react';
import type { ForecastItem } from '@simak/shared/api/pensiun';
import { BULAN } from '@simak/shared/rules/dates';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { FilterSelect } from '../../components/FilterSelect';
import { ListCard } from '../../components/ListCard';
import { SortableTh } from '../../components/SortableTh';
import { parsePaging, useSearchInput } from '../../components/useSearchState';
import { formatDate, formatNip, formatNumber } from '../../i18n/format';
import { hasAnyRole } from '../auth/roles';
import { useCurrentUser } from '../auth/useMe';
import { useForecast } from './api';
import { OpenFileModal } from './OpenFileModal';
import type { PensiunState, PensiunUpdate } from './PensiunPage';
import { PENSIUN_STATE_COLORS, PENSIUN_STATES } from './states';

/** `YYYY-MM` → `Juni 2027`. */
export const monthLabel = (m: string) => `${BULAN[Number(m.slice(5, 7)) - 1] ?? ''} ${m.slice(0, 4)}`;

function FileCell({ row, canOpen, onOpen }: { row: ForecastItem; canOpen: boolean; onOpen: () => void }) {
  const { t } = useTranslation();
  if (row.file) {
    return (
      <Anchor component={Link} to={`/usulan/${row.file.requestId}`} size="xs" data-testid="pensiun-row-file" data-state={row.file.state}>
        <Badge color={PENSIUN_STATE_COLORS[row.file.state] ?? 'gray'} variant="light" tt="none" style={{ cursor: 'pointer', maxWidth: '100%' }} title={row.file.stateLabel}>
          {t(`pensiun.states.${row.file.state}`, { defaultValue: row.file.stateLabel })}
        </Badge>
      </Anchor>
    );
  }
  return (
    <Group gap="xs" wrap="wrap">
      <Badge color="gray" variant="outline" tt="none" data-testid="pensiun-row-file" data-state="NONE">
        {t('pensiun.forecast.noFile')}
      </Badge>
      {canOpen && (
        <Button size="compact-xs" variant="light" onClick={onOpen} data-testid="pensiun-row-open">
          {t('pensiun.open.short')}
        </Button>
      )}
    </Group>
  );
}

/** "Perkiraan pensiun": everyone whose pension TMT falls within the horizon, with the due date, overdue flag and file. */
export function ForecastTab({ state, update, opdOptions }: { state: PensiunState; update: PensiunUpdate; opdOptions: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const isBkd = hasAnyRole(me, ['BKD_VERIFIER', 'BKD_ADMIN']);
  const canOpen = hasAnyRole(me, ['OPD_ADMIN', 'BKD_ADMIN']);
  const [search, setSearch] = useSearchInput(state.q, update);
  const { page, pageSize } = parsePaging(state);
  const months = state.bulan === '12' ? 12 : 24;
  const sort = state.sort === '-tmt' ? '-tmt' : 'tmt';
  const list = useForecast({ months, opd: state.opd || undefined, state: state.state || undefined, month: state.month || undefined, q: state.q || undefined, sort, page, pageSize });
  const [openFor, setOpenFor] = useState<{ employeeId: number; nama: string } | null | 'any'>(null);

  const monthOptions = useMemo(() => {
    const asOf = list.data?.asOf;
    if (!asOf) return [];
    const y0 = Number(asOf.slice(0, 4));
    const m0 = Number(asOf.slice(5, 7)) - 1;
    return Array.from({ length: months + 1 }, (_, i) => {
      const y = y0 + Math.floor((m0 + i) / 12);
      const m = String(((m0 + i) % 12) + 1).padStart(2, '0');
      return { value: `${y}-${m}`, label: monthLabel(`${y}-${m}`) };
    });
  }, [list.data?.asOf, months]);
  const stateOptions = [
    { value: 'OVERDUE', label: t('pensiun.forecast.overdueFilter') },
    { value: 'NONE', label: t('pensiun.forecast.noFile') },
    ...PENSIUN_STATES.map((s) => ({ value: s, label: t(`pensiun.states.${s}`) })),
  ];
  const data = list.data;

  return (
    <Stack gap="md" data-testid="pensiun-forecast">
      <Card padding="md">
        <Group gap="sm" align="flex-end" wrap="wrap" justify="space-between">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <SegmentedControl
              value={String(months)}
              onChange={(v) => update({ bulan: v, month: '' })}
              data={[
                { value: '12', label: t('pensiun.forecast.months', { count: 12 }) },
                { value: '24', label: t('pensiun.forecast.months', { count: 24 }) },
              ]}
              data-testid="pensiun-horizon"
            />
            {(isBkd || opdOptions.length > 1) && (
              <FilterSelect label={t('requests.filters.opd')} placeholder={t('requests.filters.allOpd')} data={opdOptions} value={state.opd} onChange={(v) => update({ opd: v })} searchable w={240} testId="pensiun-opd" />
            )}
            <FilterSelect label={t('pensiun.forecast.state')} placeholder={t('pensiun.forecast.allStates')} data={stateOptions} value={state.state} onChange={(v) => update({ state: v })} w={230} testId="pensiun-state" />
            <FilterSelect label={t('pensiun.forecast.month')} placeholder={t('pensiun.forecast.allMonths')} data={monthOptions} value={state.month} onChange={(v) => update({ month: v })} w={170} testId="pensiun-month" />
            <TextInput
              label={t('requests.filters.search')}
              placeholder={t('pensiun.forecast.searchPlaceholder')}
              leftSection={<IconSearch size={16} />}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              w={220}
              data-testid="pensiun-q"
            />
          </Group>
          {canOpen && (
            <Button leftSection={<IconFilePlus size={16} />} variant="light" onClick={() => setOpenFor('any')} data-testid="pensiun-open-other">
              {t('pensiun.open.button')}
            </Button>
          )}
        </Group>
        {data && (
          <Group gap="xs" mt="sm" wrap="wrap" data-testid="pensiun-totals">
            <Badge color="blue" variant="light" tt="none" data-testid="pensiun-total" data-count={data.count}>
              {t('pensiun.forecast.total', { count: data.count, formatted: formatNumber(data.count), months })}
            </Badge>
            <Badge color={data.overdue ? 'red' : 'gray'} variant={data.overdue ? 'filled' : 'light'} tt="none" leftSection={data.overdue ? <IconAlertTriangle size={12} /> : undefined} data-testid="pensiun-total-overdue" data-count={data.overdue}>
              {t('pensiun.forecast.overdueCount', { count: data.overdue, formatted: formatNumber(data.overdue) })}
            </Badge>
            {Object.entries(data.byState).map(([s, n]) => (
              <Badge key={s} color={PENSIUN_STATE_COLORS[s] ?? 'gray'} variant="outline" tt="none" data-testid="pensiun-by-state" data-state={s} data-count={n}>
                {s === 'NONE' ? t('pensiun.forecast.noFile') : t(`pensiun.states.${s}`)}: {formatNumber(n)}
              </Badge>
            ))}
            <Text size="xs" c="dimmed">
              {t('pensiun.forecast.leadHint', { months: data.leadMonths })}
            </Text>
          </Group>
        )}
      </Card>

      <ListCard
        query={list}
        page={page}
        pageSize={pageSize}
        onPaging={update}
        empty={<EmptyState icon={<IconUserOff size={30} stroke={1.5} />} title={t('pensiun.forecast.empty')} data-testid="pensiun-forecast-empty" />}
      >
        {(d) => (
          <ScrollArea type="auto">
            <Table verticalSpacing="sm" highlightOnHover data-testid="pensiun-forecast-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('requests.columns.employee')}</Table.Th>
                  <Table.Th w={210} visibleFrom="md">{t('requests.filters.opd')}</Table.Th>
                  <Table.Th w={80} visibleFrom="sm">{t('pensiun.fields.bup')}</Table.Th>
                  <SortableTh sortKey="tmt" sort={sort} onSort={(s) => update({ sort: s })} w={150} visibleFrom="sm">
                    {t('pensiun.fields.tmt')}
                  </SortableTh>
                  <Table.Th w={170} visibleFrom="sm">{t('pensiun.fields.dueDate')}</Table.Th>
                  <Table.Th>{t('pensiun.fields.file')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.items.map((row) => (
                  <Table.Tr key={row.employeeId} data-testid="pensiun-row" data-nip={row.nip} data-overdue={row.overdue ? 'true' : 'false'}>
                    <Table.Td>
                      <Anchor component={Link} to={`/pegawai/${row.employeeId}`} size="sm" fw={600}>
                        {row.nama}
                      </Anchor>
                      <Text size="xs" c="dimmed" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                        {formatNip(row.nip)}
                      </Text>
                      <Text size="xs" hiddenFrom="sm" c={row.overdue ? 'red.8' : undefined}>
                        {t('pensiun.forecast.tmtShort', { date: formatDate(row.tmtPensiun) })}
                        {row.overdue ? ` · ${t('pensiun.forecast.overdue')}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td visibleFrom="md">
                      <Text size="sm">{row.opd.nama}</Text>
                    </Table.Td>
                    <Table.Td visibleFrom="sm">
                      <Text size="sm" title={row.bupBasis}>
                        {t('pensiun.fields.years', { count: row.bup })}
                      </Text>
                    </Table.Td>
                    <Table.Td visibleFrom="sm">
                      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                        {formatDate(row.tmtPensiun)}
                      </Text>
                    </Table.Td>
                    <Table.Td visibleFrom="sm">
                      <Text size="sm" c={row.overdue ? 'red.8' : undefined} style={{ whiteSpace: 'nowrap' }}>
                        {formatDate(row.dueDate)}
                      </Text>
                      {row.overdue && (
                        <Badge color="red" size="sm" tt="none" leftSection={<IconAlertTriangle size={11} />} data-testid="pensiun-overdue">
                          {t('pensiun.forecast.overdue')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <FileCell row={row} canOpen={canOpen} onOpen={() => setOpenFor({ employeeId: row.employeeId, nama: row.nama })} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </ListCard>
      {openFor !== null && <OpenFileModal preset={openFor === 'any' ? null : openFor} onClose={() => setOpenFor(null)} />}
    </Stack>
  );
}

import { Card, SimpleGrid, Stack, Table, Tabs, Text } from '@mantine/core';
import { IconCash, IconClipboardList } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { useSearchState } from '../../components/useSearchState';
import { formatNip, formatNumber } from '../../i18n/format';
import { useToday } from '../auth/useMe';
import { useRecap, xlsxUrl, type RecapRow } from './api';
import { FilterBar, matches, monthLabel, RecapTableCard, useMonthOptions } from './shared';
import { TppTab } from './TppTab';

export const REKAP_DEFAULTS = { tab: 'rekap', bulan: '', opd: '', q: '', page: '1', pageSize: '25' };
export type RekapState = typeof REKAP_DEFAULTS;

/**
 * Rekap Presensi (/rekap-presensi) for BKD and OPD admins: one month, per employee (working days,
 * present, late, left early, unexcused, leave, official duty) with an XLSX export, and the TPP
 * basis tab. BKD filters by OPD; an OPD admin sees their units.
 */
export function RekapPage() {
  const { t } = useTranslation();
  const { today } = useToday();
  const [state, update] = useSearchState(REKAP_DEFAULTS);
  const months = useMonthOptions();
  const month = state.bulan || today.slice(0, 7);
  const tab = state.tab === 'tpp' ? 'tpp' : 'rekap';
  return (
    <Stack gap="lg" data-testid="rekap-page">
      <PageHeader title={t('nav.items.rekapPresensi')} description={t('rekap.description')} />
      <FilterBar
        testId="rekap-filters"
        periodLabel={t('rekap.filters.month')}
        periodOptions={months}
        period={month}
        onPeriod={(v) => update({ bulan: v, page: 1 })}
        opd={state.opd}
        onOpd={(v) => update({ opd: v, page: 1 })}
        q={state.q}
        onQ={(v) => update({ q: v, page: 1 })}
        xlsxHref={xlsxUrl(tab === 'tpp' ? 'tpp' : 'presensi', month, state.opd)}
        xlsxLabel={t(tab === 'tpp' ? 'rekap.tpp.xlsx' : 'rekap.xlsx')}
      />
      <Tabs value={tab} onChange={(v) => v && update({ tab: v, page: 1 })} keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="rekap" leftSection={<IconClipboardList size={16} />} data-testid="rekap-tab-rekap">
            {t('rekap.tabs.recap')}
          </Tabs.Tab>
          <Tabs.Tab value="tpp" leftSection={<IconCash size={16} />} data-testid="rekap-tab-tpp">
            {t('rekap.tabs.tpp')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="rekap">
          <RecapTab month={month} state={state} update={update} />
        </Tabs.Panel>
        <Tabs.Panel value="tpp">
          <TppTab month={month} state={state} update={update} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Stat({ label, value, testId, display, hint }: { label: string; value: number; testId: string; display?: string; hint?: string }) {
  return (
    <Card padding="sm" data-testid={testId} data-value={value}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.3 }}>
        {label}
      </Text>
      <Text size="xl" fw={700} c="simak.9">
        {display ?? formatNumber(value)}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}

export type RekapUpdate = (patch: Partial<Record<keyof RekapState, string | number | null | undefined>>) => void;

function RecapTab({ month, state, update }: { month: string; state: RekapState; update: RekapUpdate }) {
  const { t } = useTranslation();
  const recap = useRecap(month, state.opd);
  if (recap.isPending) return <LoadingState />;
  if (recap.isError) return <ErrorState error={recap.error} onRetry={() => void recap.refetch()} retrying={recap.isFetching} />;
  const r = recap.data;
  const rows = r.rows.filter((x) => matches(x.employee, state.q));
  const sum = (k: keyof Pick<RecapRow, 'hadir' | 'tanpaKeterangan' | 'cuti' | 'dinasLuar' | 'terlambatHari'>) => r.rows.reduce((s, x) => s + x[k], 0);
  return (
    <Stack gap="md" data-testid="rekap-recap" data-month={r.month}>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="sm">
        <Stat label={t('rekap.stats.employees')} value={r.rows.length} testId="rekap-stat-employees" />
        <Stat
          label={t('rekap.stats.workingDays')}
          value={r.hariKerja}
          testId="rekap-stat-working-days"
          display={r.hariKerjaRange.min === r.hariKerjaRange.max ? formatNumber(r.hariKerjaRange.min) : `${formatNumber(r.hariKerjaRange.min)}–${formatNumber(r.hariKerjaRange.max)}`}
          hint={r.hariKerjaRange.min === r.hariKerjaRange.max ? undefined : t('rekap.stats.workingDaysVary')}
        />
        <Stat label={t('rekap.columns.present')} value={sum('hadir')} testId="rekap-stat-present" />
        <Stat label={t('rekap.columns.lateDays')} value={sum('terlambatHari')} testId="rekap-stat-late" />
        <Stat label={t('rekap.columns.unexcused')} value={sum('tanpaKeterangan')} testId="rekap-stat-unexcused" />
        <Stat label={t('rekap.columns.leave')} value={sum('cuti')} testId="rekap-stat-leave" />
      </SimpleGrid>
      <RecapTableCard title={t('rekap.tableTitle', { month: monthLabel(r.month), scope: r.opd ? r.opd.nama : t('rekap.filters.allOpdScope') })} emptyTitle={t('rekap.empty')} rows={rows} state={state} update={update}>
        {(shown) => (
          <Table verticalSpacing="xs" striped="even" highlightOnHover data-testid="rekap-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('rekap.columns.employee')}</Table.Th>
                <Table.Th ta="right">{t('rekap.columns.present')}</Table.Th>
                <Table.Th ta="right">{t('rekap.columns.late')}</Table.Th>
                <Table.Th ta="right" visibleFrom="md">{t('rekap.columns.early')}</Table.Th>
                <Table.Th ta="right">{t('rekap.columns.unexcusedShort')}</Table.Th>
                <Table.Th ta="right" visibleFrom="sm">{t('rekap.columns.leave')}</Table.Th>
                <Table.Th ta="right" visibleFrom="sm">{t('rekap.columns.duty')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((x) => (
                <Table.Tr key={x.employee.id} data-testid="rekap-row" data-nip={x.employee.nip} data-leave={x.cuti} data-unexcused={x.tanpaKeterangan} data-present={x.hadir}>
                  <Table.Td>
                    <Text size="sm" fw={500} lineClamp={1}>
                      {x.employee.nama}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {formatNip(x.employee.nip)}
                      <Text span visibleFrom="lg" inherit>
                        {' · '}
                        {x.employee.opd.nama}
                      </Text>
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {formatNumber(x.hadir)}
                    <Text span size="xs" c="dimmed">/{formatNumber(x.hariKerja)}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {x.terlambatHari ? (
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {formatNumber(x.terlambatHari)}×
                        <Text span size="xs" c="dimmed" visibleFrom="sm" inherit={false}>
                          {' '}({t('rekap.minutes', { value: formatNumber(x.terlambatMenit) })})
                        </Text>
                      </Text>
                    ) : (
                      '0'
                    )}
                  </Table.Td>
                  <Table.Td ta="right" visibleFrom="md" style={{ whiteSpace: 'nowrap' }}>
                    {x.pulangCepatHari ? `${formatNumber(x.pulangCepatHari)}× (${t('rekap.minutes', { value: formatNumber(x.pulangCepatMenit) })})` : '0'}
                  </Table.Td>
                  <Table.Td ta="right">
                    {x.tanpaKeterangan ? (
                      <Text size="sm" fw={700} c={x.tanpaKeterangan >= 3 ? 'red.8' : 'orange.8'}>
                        {formatNumber(x.tanpaKeterangan)}
                      </Text>
                    ) : (
                      '0'
                    )}
                  </Table.Td>
                  <Table.Td ta="right" visibleFrom="sm" data-testid="rekap-leave">
                    {formatNumber(x.cuti)}
                  </Table.Td>
                  <Table.Td ta="right" visibleFrom="sm">
                    {formatNumber(x.dinasLuar)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </RecapTableCard>
    </Stack>
  );
}

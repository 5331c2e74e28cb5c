import { useState } from 'react';
import { Button, Card, Group, ScrollArea, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { FilterSelect } from '../../components/FilterSelect';
import { LoadingState } from '../../components/LoadingState';
import { formatNumber } from '../../i18n/format';
import { hasAnyRole } from '../auth/roles';
import { useCurrentUser } from '../auth/useMe';
import { pensiunReportXlsxUrl, usePensiunReport } from './api';
import { monthLabel } from './ForecastTab';

const TIMELINESS = ['onTime', 'late', 'overdue', 'notDue'] as const;

/** "Rekap": retirements per OPD and month ahead, files on time vs late, SKs recorded per year, XLSX. */
export function PensiunReportTab({ opd, opdOptions, onOpd }: { opd: string; opdOptions: { value: string; label: string }[]; onOpd: (o: string | null) => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const isBkd = hasAnyRole(me, ['BKD_VERIFIER', 'BKD_ADMIN']);
  const [months, setMonths] = useState(12);
  const report = usePensiunReport(months, opd);
  if (report.isPending) return <LoadingState />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} retrying={report.isFetching} />;
  const r = report.data;
  return (
    <Stack gap="md" data-testid="pensiun-report">
      <Card padding="md">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Group gap="sm" align="flex-end" wrap="wrap">
            {(isBkd || opdOptions.length > 1) && (
              <FilterSelect label={t('requests.filters.opd')} placeholder={t('requests.filters.allOpd')} data={opdOptions} value={opd} onChange={onOpd} searchable w={240} testId="pensiun-report-opd" />
            )}
            <Select
              label={t('pensiun.report.horizon')}
              data={['6', '12', '24'].map((m) => ({ value: m, label: t('pensiun.forecast.months', { count: Number(m) }) }))}
              value={String(months)}
              onChange={(v) => setMonths(Number(v ?? 12))}
              allowDeselect={false}
              w={150}
              data-testid="pensiun-report-months"
            />
          </Group>
          <Button component="a" href={pensiunReportXlsxUrl(months, opd)} download variant="light" leftSection={<IconFileSpreadsheet size={16} />} data-testid="pensiun-report-xlsx">
            {t('pangkat.report.xlsx')}
          </Button>
        </Group>
      </Card>

      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
        <Card padding="sm" data-testid="pensiun-report-sk" data-count={r.skThisYear}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('pensiun.report.skThisYear', { year: r.year })}
          </Text>
          <Text size="xl" fw={700} c="simak.9">
            {formatNumber(r.skThisYear)}
          </Text>
        </Card>
        {TIMELINESS.map((k) => (
          <Card key={k} padding="sm" data-testid={`pensiun-report-${k}`} data-count={r.timelinessTotals[k]}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {t(`pensiun.report.timeliness.${k}`)}
            </Text>
            <Text size="xl" fw={700} c={k === 'late' || k === 'overdue' ? 'red.8' : 'simak.9'}>
              {formatNumber(r.timelinessTotals[k])}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt={-8}>
        {t('pensiun.report.timelinessHint', { year: r.year })}
      </Text>

      <Card padding={0}>
        <Stack gap={0} p="md" pb="xs">
          <Title order={3} size="h5">
            {t('pensiun.report.aheadTitle')}
          </Title>
          <Text size="xs" c="dimmed">
            {r.opd ? r.opd.nama : t('pangkat.report.allOpd')}
          </Text>
        </Stack>
        {r.ahead.length === 0 ? (
          <EmptyState title={t('pensiun.report.empty')} />
        ) : (
          <ScrollArea type="auto">
            <Table verticalSpacing="xs" striped="even" highlightOnHover miw={300 + r.months.length * 70} data-testid="pensiun-report-ahead">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th style={{ minWidth: 240 }}>{t('requests.filters.opd')}</Table.Th>
                  {r.months.map((m) => (
                    <Table.Th key={m} ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {monthLabel(m).replace(/^(\S{3})\S*/, '$1')}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right">{t('pangkat.report.total')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.ahead.map((row) => (
                  <Table.Tr key={row.opd.id} data-testid="pensiun-report-ahead-row" data-opd={row.opd.kode} data-total={row.total}>
                    <Table.Td>
                      <Text size="sm">{row.opd.nama}</Text>
                    </Table.Td>
                    {row.counts.map((n, i) => (
                      <Table.Td key={r.months[i]} ta="right" c={n ? undefined : 'dimmed'}>
                        {n ? formatNumber(n) : '–'}
                      </Table.Td>
                    ))}
                    <Table.Td ta="right" fw={700}>
                      {formatNumber(row.total)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Td fw={700}>{t('pangkat.report.total')}</Table.Td>
                  {r.aheadTotals.map((n, i) => (
                    <Table.Td key={r.months[i]} ta="right" fw={700}>
                      {formatNumber(n)}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right" fw={700}>
                    {formatNumber(r.aheadTotals.reduce((a, b) => a + b, 0))}
                  </Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </ScrollArea>
        )}
      </Card>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card padding={0}>
          <Title order={3} size="h5" p="md" pb="xs">
            {t('pensiun.report.timelinessTitle', { year: r.year })}
          </Title>
          {r.timeliness.length === 0 ? (
            <EmptyState title={t('pensiun.report.empty')} />
          ) : (
            <ScrollArea type="auto">
              <Table verticalSpacing="xs" striped="even" data-testid="pensiun-report-timeliness">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th style={{ minWidth: 180 }}>{t('requests.filters.opd')}</Table.Th>
                    {TIMELINESS.map((k) => (
                      <Table.Th key={k} ta="right">
                        {t(`pensiun.report.timeliness.${k}`)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.timeliness.map((row) => (
                    <Table.Tr key={row.opd.id}>
                      <Table.Td>
                        <Text size="sm">{row.opd.nama}</Text>
                      </Table.Td>
                      {TIMELINESS.map((k) => (
                        <Table.Td key={k} ta="right">
                          {formatNumber(row[k])}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          )}
        </Card>
        <Card padding={0}>
          <Title order={3} size="h5" p="md" pb="xs">
            {t('pensiun.report.skTitle')}
          </Title>
          {r.skPerYear.length === 0 ? (
            <EmptyState title={t('pensiun.report.noSk')} />
          ) : (
            <Table verticalSpacing="xs" striped="even" data-testid="pensiun-report-sk-years">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('pensiun.report.year')}</Table.Th>
                  <Table.Th ta="right">{t('pensiun.report.skCount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.skPerYear.map((y) => (
                  <Table.Tr key={y.year}>
                    <Table.Td>{y.year}</Table.Td>
                    <Table.Td ta="right">{formatNumber(y.count)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}

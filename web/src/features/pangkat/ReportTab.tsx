import { Button, Card, Group, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import type { KpPeriodInfo, KpReportResult } from '@simak/shared/api/pangkat';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { formatDate, formatDecimal, formatNumber } from '../../i18n/format';
import { reportXlsxUrl, useKpReport } from './api';

const COLUMNS = ['eligible', 'proposed', 'returned', 'approved', 'skRecorded', 'tms'] as const;

function CountCells({ counts, strong }: { counts: KpReportResult['totals']; strong?: boolean }) {
  return COLUMNS.map((c) => (
    <Table.Td key={c} ta="right" fw={strong ? 700 : undefined} data-testid={`kp-report-${c}`} data-count={counts[c]}>
      {formatNumber(counts[c])}
    </Table.Td>
  ));
}

/** "Rekap": per OPD, eligible / proposed / returned / approved / SK recorded / TMS with totals, average days per step, XLSX. */
export function ReportTab({ period, opd }: { period: KpPeriodInfo; opd: string }) {
  const { t } = useTranslation();
  const report = useKpReport(period.period, opd);
  if (report.isPending) return <LoadingState />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} retrying={report.isFetching} />;
  const r = report.data;
  return (
    <Stack gap="md" data-testid="kp-report">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="kp-report-steps">
        {r.steps.map((s) => (
          <Card key={s.key} padding="sm" data-testid="kp-report-step" data-key={s.key}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.3 }}>
              {s.label}
            </Text>
            <Text size="xl" fw={700} c="simak.9">
              {s.averageDays === null ? '—' : t('pangkat.report.days', { value: formatDecimal(s.averageDays) })}
            </Text>
            <Text size="xs" c="dimmed">
              {t('pangkat.report.stepCount', { count: s.count })}
            </Text>
          </Card>
        ))}
      </SimpleGrid>

      <Card padding={0}>
        <Group justify="space-between" p="md" pb="xs" wrap="wrap">
          <Stack gap={0}>
            <Title order={3} size="h5">
              {t('pangkat.report.title', { period: formatDate(r.period.period) })}
            </Title>
            <Text size="xs" c="dimmed">
              {r.opd ? r.opd.nama : t('pangkat.report.allOpd')}
            </Text>
          </Stack>
          <Button component="a" href={reportXlsxUrl(period.period, opd)} download variant="light" leftSection={<IconFileSpreadsheet size={16} />} data-testid="kp-report-xlsx">
            {t('pangkat.report.xlsx')}
          </Button>
        </Group>
        {r.rows.length === 0 ? (
          <EmptyState title={t('pangkat.report.empty')} />
        ) : (
          <ScrollArea type="auto">
            <Table verticalSpacing="xs" striped="even" highlightOnHover miw={860} data-testid="kp-report-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('requests.filters.opd')}</Table.Th>
                  {COLUMNS.map((c) => (
                    <Table.Th key={c} ta="right" w={120}>
                      {t(`pangkat.report.columns.${c}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.rows.map((row) => (
                  <Table.Tr key={row.opd.id} data-testid="kp-report-row" data-opd={row.opd.kode}>
                    <Table.Td>
                      <Text size="sm">{row.opd.nama}</Text>
                    </Table.Td>
                    <CountCells counts={row} />
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr data-testid="kp-report-total">
                  <Table.Td fw={700}>{t('pangkat.report.total')}</Table.Td>
                  <CountCells counts={r.totals} strong />
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </ScrollArea>
        )}
      </Card>
    </Stack>
  );
}

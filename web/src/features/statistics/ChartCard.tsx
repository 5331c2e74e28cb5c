import { useState, type ReactNode } from 'react';
import { Button, Card, Group, Menu, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconFileTypeCsv, IconTable } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { StatisticsChart } from '@simak/shared/api/statistics';
import { formatNumber } from '../../i18n/format';
import { statisticsExportUrl } from './api';

export interface ChartTable {
  columns: string[];
  rows: (string | number)[][];
}

export interface ChartCardProps {
  chart: StatisticsChart;
  title: string;
  description?: string;
  opdId: string | undefined;
  table: ChartTable;
  children: ReactNode;
}

/** A chart with its title, a "Lihat tabel" toggle (the figures as a table) and CSV/XLSX downloads. */
export function ChartCard({ chart, title, description, opdId, table, children }: ChartCardProps) {
  const { t } = useTranslation();
  const [showTable, setShowTable] = useState(false);
  return (
    <Card withBorder padding="md" data-testid={`stat-${chart}`} style={{ minWidth: 0 }}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <div style={{ minWidth: 0, flex: '1 1 200px' }}>
            <Title order={3} size="h5">
              {title}
            </Title>
            {description && (
              <Text size="xs" c="dimmed">
                {description}
              </Text>
            )}
          </div>
          <Group gap={4} wrap="nowrap">
            <Button size="compact-xs" variant="subtle" leftSection={<IconTable size={14} />} onClick={() => setShowTable((v) => !v)} data-testid={`stat-${chart}-table-toggle`}>
              {showTable ? t('statistics.showChart') : t('statistics.showTable')}
            </Button>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button size="compact-xs" variant="default" leftSection={<IconDownload size={14} />} data-testid={`stat-${chart}-download`}>
                  {t('statistics.download')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item component="a" href={statisticsExportUrl(chart, 'csv', opdId)} download leftSection={<IconFileTypeCsv size={16} />} data-testid={`stat-${chart}-csv`}>
                  {t('statistics.csv')}
                </Menu.Item>
                <Menu.Item component="a" href={statisticsExportUrl(chart, 'xlsx', opdId)} download leftSection={<IconFileSpreadsheet size={16} />} data-testid={`stat-${chart}-xlsx`}>
                  {t('statistics.xlsx')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
        {showTable ? (
          <Table striped="even" withTableBorder data-testid={`stat-${chart}-table`}>
            <Table.Thead>
              <Table.Tr>
                {table.columns.map((c, i) => (
                  <Table.Th key={c} ta={i === 0 ? 'left' : 'right'}>
                    {c}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {table.rows.map((row, r) => (
                <Table.Tr key={r}>
                  {row.map((cell, i) => (
                    <Table.Td key={i} ta={i === 0 ? 'left' : 'right'}>
                      {typeof cell === 'number' ? formatNumber(cell) : cell}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          children
        )}
      </Stack>
    </Card>
  );
}

import { useMemo } from 'react';
import { Card, Group, Progress, ScrollArea, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { IconBuildingCommunity } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AnchorButton } from '../../components/AnchorButton';
import { ShowAllToggle, useShowAll } from '../../components/ShowAllToggle';
import { formatNumber } from '../../i18n/format';
import { formatIndex } from './format';
import { INDEX_KEYS, INDEX_SHORT, type IndexKey, type IndicatorResult } from './types';

const ROWS = 12;

export interface OpdBarsProps {
  breakdown: NonNullable<IndicatorResult['breakdown']>;
  index: IndexKey;
  onIndex: (index: IndexKey) => void;
  onOpenOpd: (kode: string) => void;
}

/** Horizontal bars of one index per top-level OPD, best first, with N. */
export function OpdBars({ breakdown, index, onIndex, onOpenOpd }: OpdBarsProps) {
  const { t } = useTranslation();
  const lowerIsBetter = breakdown[0]?.indicators[index].polarity === 'LOWER_IS_BETTER';
  const rows = useMemo(() => {
    const list = breakdown.map((b) => ({ opd: b.opd, n: b.population, value: b.indicators[index].value }));
    return list.sort((a, b) => {
      if (a.value === null || b.value === null) return a.value === null ? (b.value === null ? 0 : 1) : -1;
      return lowerIsBetter ? a.value - b.value : b.value - a.value;
    });
  }, [breakdown, index, lowerIsBetter]);
  const max = rows.reduce((m, r) => Math.max(m, r.value ?? 0), 0);
  const shown = useShowAll(rows, ROWS);

  return (
    <Card padding={0} data-testid="opd-bars">
      <Group justify="space-between" p="md" pb="xs" wrap="wrap" gap="xs">
        <Group gap="xs" wrap="nowrap">
          <IconBuildingCommunity size={20} color="var(--mantine-color-simak-8)" aria-hidden />
          <Title order={3} size="h4">
            {t('indicators.byOpd.title')}
          </Title>
        </Group>
        <SegmentedControl
          size="xs"
          value={index}
          onChange={(v) => onIndex(v as IndexKey)}
          data={INDEX_KEYS.map((k) => ({ value: k, label: INDEX_SHORT[k] }))}
          aria-label={t('indicators.byOpd.index')}
          data-testid="opd-bars-index"
        />
      </Group>
      <Text size="xs" c="dimmed" px="md" pb="xs">
        {t('indicators.byOpd.sortedBest', { hint: lowerIsBetter ? t('indicators.lowerBetter') : t('indicators.higherBetter') })}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" p="md">
          {t('indicators.byOpd.empty')}
        </Text>
      ) : (
        <ScrollArea type="auto">
          <Table verticalSpacing={6} highlightOnHover miw={{ base: 0, sm: 640 }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('indicators.controls.opd')}</Table.Th>
                <Table.Th w={70} ta="right">
                  {t('indicators.byOpd.n')}
                </Table.Th>
                <Table.Th w="40%" visibleFrom="sm">
                  {INDEX_SHORT[index]}
                </Table.Th>
                <Table.Th w={80} ta="right">
                  {t('indicators.byOpd.value')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.visible.map((row) => (
                <Table.Tr key={row.opd.id} data-testid="opd-bar-row" data-opd={row.opd.kode} data-value={row.value ?? ''}>
                  <Table.Td>
                    <AnchorButton onClick={() => onOpenOpd(row.opd.kode)} title={t('indicators.byOpd.openOpd', { opd: row.opd.nama })}>
                      {row.opd.nama}
                    </AnchorButton>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" c="dimmed">
                      {formatNumber(row.n)}
                    </Text>
                  </Table.Td>
                  <Table.Td visibleFrom="sm">
                    <Progress
                      value={max > 0 && row.value !== null ? (row.value / max) * 100 : 0}
                      size={14}
                      radius="sm"
                      color={lowerIsBetter ? 'orange.5' : 'simak.5'}
                      aria-label={`${row.opd.nama}: ${formatIndex(row.value)}`}
                    />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" fw={700}>
                      {formatIndex(row.value)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
      <ShowAllToggle state={shown} data-testid="opd-bars-toggle" />
    </Card>
  );
}

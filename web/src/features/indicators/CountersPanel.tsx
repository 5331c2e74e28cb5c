import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconReportAnalytics } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDecimal, formatNumber } from '../../i18n/format';
import { flagText } from './Flags';
import type { Counters } from './types';

const TILES = [
  { key: 'kgbLetters', flag: null },
  { key: 'promotionSks', flag: null },
  { key: 'pensionSks', flag: null },
  { key: 'dataChangeVerified', flag: null },
] as const;

/** Output counters of the year (live): letters, SKs, verified requests, time to decision. */
export function CountersPanel({ counters, year }: { counters: Counters; year: number }) {
  const { t } = useTranslation();
  return (
    <Card data-testid="counters">
      <Group gap="xs" mb="sm">
        <IconReportAnalytics size={20} color="var(--mantine-color-simak-8)" aria-hidden />
        <Title order={3} size="h4">
          {t('indicators.counters.title')} {year}
        </Title>
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" mb="md">
        {TILES.map(({ key, flag }) => {
          const f = flag && counters.flags.includes(flag) ? flagText(flag) : null;
          return (
            <Stack key={key} gap={2} p="sm" style={{ border: '1px solid var(--mantine-color-gray-2)', borderRadius: 8 }} data-testid={`counter-${key}`}>
              <Text size="xs" c="dimmed" fw={500}>
                {t(`indicators.counters.${key}`)}
              </Text>
              <Group gap="xs" align="center">
                <Text fz={26} fw={700} lh={1.1} c="simak.9">
                  {formatNumber(counters[key])}
                </Text>
                {f && (
                  <Tooltip label={f.hint} withArrow multiline w={240}>
                    <Badge size="xs" variant="light" color="gray" tt="none">
                      {f.label}
                    </Badge>
                  </Tooltip>
                )}
              </Group>
            </Stack>
          );
        })}
      </SimpleGrid>
      <Text size="sm" fw={600} mb={4}>
        {t('indicators.counters.decisionTitle')}
      </Text>
      <Table verticalSpacing={4} fz="sm" data-testid="decision-times">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('indicators.counters.type')}</Table.Th>
            <Table.Th ta="right">{t('indicators.counters.decided')}</Table.Th>
            <Table.Th ta="right">{t('indicators.counters.averageDays')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {counters.decisionTimes.map((d) => (
            <Table.Tr key={d.type}>
              <Table.Td>{d.label}</Table.Td>
              <Table.Td ta="right">{formatNumber(d.decided)}</Table.Td>
              <Table.Td ta="right">{d.averageDays === null ? '—' : t('indicators.counters.days', { days: formatDecimal(Math.round(d.averageDays * 10) / 10) })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {counters.notes.length > 0 && (
        <Stack gap={2} mt="sm">
          {counters.notes.map((note) => (
            <Text key={note} size="xs" c="dimmed">
              {note}
            </Text>
          ))}
        </Stack>
      )}
    </Card>
  );
}

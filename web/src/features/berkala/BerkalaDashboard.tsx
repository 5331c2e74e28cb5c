import { useMemo } from 'react';
import {
  Badge,
  Box,
  Card,
  Grid,
  Group,
  Progress,
  RingProgress,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconCalendarDue, IconChevronRight, IconClockCheck, IconListCheck } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useToday } from '../auth/useMe';
import { useTranslation } from 'react-i18next';
import { AnchorButton } from '../../components/AnchorButton';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { ShowAllToggle, useShowAll } from '../../components/ShowAllToggle';
import { toneColor } from '../../domain/labels';
import { formatDate, formatDecimal, formatNumber } from '../../i18n/format';
import { useBerkalaDashboard } from './api';
import { ScanPanel } from './ScanPanel';
import { KGB_STATE_INFO, KGB_STATES, type KgbState } from './states';
import type { BerkalaDashboard as Dashboard, DueByOpd } from './types';

/** Colours of the due horizons (≤ 3, 3–6, 6–12 months), used by the cards, bars and legend. */
const HORIZON_COLORS = { next3: 'red.6', next6: 'orange.5', next12: 'simak.4' } as const;
const OPD_ROWS = 12;

function percent(rate: number | null): string {
  return rate === null ? '—' : `${formatDecimal(Math.round(rate * 1000) / 10)}%`;
}

function DueCards({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" data-testid="due-cards">
      {([3, 6, 12] as const).map((months) => {
        const key = `next${months}` as const;
        return (
          <Card key={key} data-testid={`due-${key}`}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={4}>
                <Text size="sm" c="dimmed" fw={500}>
                  {t('berkala.dashboard.dueWithin', { count: months })}
                </Text>
                <Text fz={30} fw={700} lh={1.1} c="simak.9" data-testid="due-value">
                  {formatNumber(data.totals[key])}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('berkala.dashboard.dueUntil', { date: formatDate(dayjs(data.today).add(months, 'month').format('YYYY-MM-DD')) })}
                </Text>
              </Stack>
              <ThemeIcon variant="light" color={HORIZON_COLORS[key].split('.')[0]} size={40} radius="md" aria-hidden>
                <IconCalendarDue size={22} />
              </ThemeIcon>
            </Group>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}

function QueueCard({ data, onOpenQueue }: { data: Dashboard; onOpenQueue: (state: KgbState) => void }) {
  const { t } = useTranslation();
  const total = KGB_STATES.reduce((sum, s) => sum + (data.queue[s] ?? 0), 0);
  return (
    <Card h="100%" data-testid="queue-counts">
      <Group gap="xs" mb="sm">
        <IconListCheck size={20} color="var(--mantine-color-simak-8)" aria-hidden />
        <Title order={3} size="h4">
          {t('berkala.dashboard.queueTitle')}
        </Title>
        <Badge variant="outline" color="gray" tt="none">
          {t('berkala.dashboard.queueTotal', { count: total, formatted: formatNumber(total) })}
        </Badge>
      </Group>
      <Stack gap={4}>
        {KGB_STATES.map((state) => {
          const count = data.queue[state] ?? 0;
          return (
            <UnstyledButton
              key={state}
              onClick={() => onOpenQueue(state)}
              px="sm"
              py={8}
              style={{ borderRadius: 8, border: '1px solid var(--mantine-color-gray-2)' }}
              aria-label={t('berkala.dashboard.openQueue', { state: KGB_STATE_INFO[state].label })}
              data-testid={`queue-count-${state}`}
              data-count={count}
            >
              <Group justify="space-between" wrap="nowrap">
                <Badge color={toneColor(KGB_STATE_INFO[state].tone)} tt="none" size="md">
                  {KGB_STATE_INFO[state].label}
                </Badge>
                <Group gap={6} wrap="nowrap">
                  <Text fw={700} size="lg">
                    {formatNumber(count)}
                  </Text>
                  <IconChevronRight size={16} color="var(--mantine-color-gray-6)" aria-hidden />
                </Group>
              </Group>
            </UnstyledButton>
          );
        })}
      </Stack>
    </Card>
  );
}

function OnTimeCard({ data, year, years, onYear }: { data: Dashboard; year: number; years: number[]; onYear: (y: number) => void }) {
  const { t } = useTranslation();
  const o = data.onTime;
  const rings = [
    { key: 'onTime', rate: o.onTimeRate, count: o.onTime, color: 'green' },
    { key: 'early', rate: o.earlyRate, count: o.early, color: 'teal' },
  ] as const;
  return (
    <Card h="100%" data-testid="on-time">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <IconClockCheck size={20} color="var(--mantine-color-simak-8)" aria-hidden />
          <Title order={3} size="h4">
            {t('berkala.dashboard.onTimeTitle')}
          </Title>
        </Group>
        <Select
          aria-label={t('berkala.dashboard.year')}
          size="xs"
          w={96}
          data={years.map((y) => String(y))}
          value={String(year)}
          onChange={(v) => v && onYear(Number(v))}
          allowDeselect={false}
          data-testid="on-time-year"
        />
      </Group>
      {o.due === 0 ? (
        <Text size="sm" c="dimmed" data-testid="on-time-empty">
          {t('berkala.dashboard.onTimeEmpty', { year: o.year })}
        </Text>
      ) : (
        <Stack gap="sm">
          <Group gap="lg" justify="space-around" wrap="wrap">
            {rings.map((ring) => (
              <Stack key={ring.key} gap={2} align="center" data-testid={`on-time-${ring.key}`}>
                <RingProgress
                  size={112}
                  thickness={11}
                  roundCaps
                  sections={ring.rate ? [{ value: ring.rate * 100, color: ring.color }] : []}
                  label={
                    <Text ta="center" fw={700} size="lg" data-testid="on-time-rate">
                      {percent(ring.rate)}
                    </Text>
                  }
                />
                <Text size="sm" fw={600}>
                  {t(`berkala.dashboard.${ring.key}`)}
                </Text>
                <Text size="xs" c="dimmed" data-testid="on-time-count">
                  {t('berkala.dashboard.ofDue', { count: formatNumber(ring.count), due: formatNumber(o.due) })}
                </Text>
              </Stack>
            ))}
          </Group>
          <Text size="xs" c="dimmed">
            {t('berkala.dashboard.onTimeHint', { year: o.year })}
          </Text>
        </Stack>
      )}
    </Card>
  );
}

function DueBar({ row, max }: { row: DueByOpd; max: number }) {
  const { t } = useTranslation();
  const scale = (n: number) => (max > 0 ? (n / max) * 100 : 0);
  return (
    <Progress.Root size={14} radius="sm" aria-label={t('berkala.dashboard.barLabel', { opd: row.opd.nama, next3: row.next3, next6: row.next6, next12: row.next12 })}>
      <Progress.Section value={scale(row.next3)} color={HORIZON_COLORS.next3} withAria={false} />
      <Progress.Section value={scale(row.next6 - row.next3)} color={HORIZON_COLORS.next6} withAria={false} />
      <Progress.Section value={scale(row.next12 - row.next6)} color={HORIZON_COLORS.next12} withAria={false} />
    </Progress.Root>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <Group gap="md" wrap="wrap">
      {(Object.keys(HORIZON_COLORS) as (keyof typeof HORIZON_COLORS)[]).map((key) => (
        <Group key={key} gap={6} wrap="nowrap">
          <Box w={12} h={12} style={{ borderRadius: 3, background: `var(--mantine-color-${HORIZON_COLORS[key].replace('.', '-')})` }} aria-hidden />
          <Text size="xs" c="dimmed">
            {t(`berkala.dashboard.legend.${key}`)}
          </Text>
        </Group>
      ))}
    </Group>
  );
}

function DueByOpdTable({ rows, onOpenOpd }: { rows: DueByOpd[]; onOpenOpd: (opdId: number) => void }) {
  const { t } = useTranslation();
  const max = useMemo(() => rows.reduce((m, r) => Math.max(m, r.next12), 0), [rows]);
  const shown = useShowAll(rows, OPD_ROWS);
  return (
    <Card padding={0} data-testid="due-by-opd">
      <Group justify="space-between" p="md" pb="sm" wrap="wrap">
        <Title order={3} size="h4">
          {t('berkala.dashboard.byOpdTitle')}
        </Title>
        <Legend />
      </Group>
      {rows.length === 0 ? (
        <EmptyState title={t('berkala.dashboard.byOpdEmpty')} />
      ) : (
        <>
          <ScrollArea type="auto">
            <Table verticalSpacing="xs" highlightOnHover miw={{ base: 0, md: 760 }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('berkala.dashboard.columns.opd')}</Table.Th>
                  <Table.Th w={70} ta="right">
                    {t('berkala.dashboard.columns.next3')}
                  </Table.Th>
                  <Table.Th w={90} ta="right">
                    {t('berkala.dashboard.columns.next6')}
                  </Table.Th>
                  <Table.Th w={90} ta="right">
                    {t('berkala.dashboard.columns.next12')}
                  </Table.Th>
                  <Table.Th w="32%" visibleFrom="sm">
                    {t('berkala.dashboard.columns.bar')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.visible.map((row) => (
                  <Table.Tr key={row.opd.id} data-testid="due-opd-row" data-opd={row.opd.kode}>
                    <Table.Td>
                      <AnchorButton onClick={() => onOpenOpd(row.opd.id)} title={t('berkala.dashboard.openOpdQueue', { opd: row.opd.nama })}>
                        {row.opd.nama}
                      </AnchorButton>
                      <Text size="xs" c="dimmed">
                        {row.opd.kode}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm" fw={row.next3 > 0 ? 700 : 400} c={row.next3 > 0 ? 'red.8' : 'dimmed'}>
                        {formatNumber(row.next3)}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm">{formatNumber(row.next6)}</Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm">{formatNumber(row.next12)}</Text>
                    </Table.Td>
                    <Table.Td visibleFrom="sm">
                      <DueBar row={row} max={max} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
          <ShowAllToggle state={shown} data-testid="due-opd-toggle" />
        </>
      )}
    </Card>
  );
}

export interface BerkalaDashboardProps {
  year: number;
  onYear: (year: number) => void;
  canRunScan: boolean;
  onOpenQueue: (patch: { status?: KgbState; opdId?: number }) => void;
}

/** e-Berkala dashboard: due KGB in 3/6/12 months, the queue by state, on-time rate, due per OPD, detection runs. */
export function BerkalaDashboard({ year, onYear, canRunScan, onOpenQueue }: BerkalaDashboardProps) {
  const { t } = useTranslation();
  const query = useBerkalaDashboard(year);
  const { year: thisYear } = useToday();
  const years = useMemo(() => {
    const list = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3];
    return list.includes(year) ? list : [...list, year].sort((a, b) => b - a);
  }, [thisYear, year]);

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  const data = query.data;

  return (
    <Stack gap="lg" data-testid="berkala-dashboard">
      <Text size="sm" c="dimmed">
        {t('berkala.dashboard.asOf', { date: formatDate(data.today) })}
      </Text>
      <DueCards data={data} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <QueueCard data={data} onOpenQueue={(status) => onOpenQueue({ status })} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <OnTimeCard data={data} year={year} years={years} onYear={onYear} />
        </Grid.Col>
      </Grid>
      <ScanPanel canRun={canRunScan} />
      <DueByOpdTable rows={data.dueByOpd} onOpenOpd={(opdId) => onOpenQueue({ opdId })} />
    </Stack>
  );
}

import { useMemo } from 'react';
import { BarChart, DonutChart } from '@mantine/charts';
import { Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StatisticsCount, StatisticsResponse } from '@simak/shared/api/statistics';
import { ErrorState, LoadingState, PageHeader } from '../../components';
import { FilterSelect } from '../../components/FilterSelect';
import { useSearchState } from '../../components/useSearchState';
import { formatDate, formatNumber } from '../../i18n/format';
import { useCurrentUser } from '../auth/useMe';
import { hasAnyRole } from '../auth/roles';
import { useOpds } from '../employees/api';
import { useStatistics } from './api';
import { ChartCard, type ChartTable } from './ChartCard';

const DEFAULTS = { opd: '' };
const COLORS = ['simak.6', 'teal.6', 'orange.6', 'grape.6', 'blue.4', 'red.5', 'lime.6', 'cyan.6'];

const fmt = (n: number) => formatNumber(Math.abs(n));

function simpleTable(first: string, countLabel: string, totalLabel: string, items: StatisticsCount[]): ChartTable {
  return {
    columns: [first, countLabel],
    rows: [...items.map((i) => [i.label, i.count]), [totalLabel, items.reduce((n, i) => n + i.count, 0)]],
  };
}

function Donut({ items, testId }: { items: StatisticsCount[]; testId: string }) {
  const data = items.map((i, n) => ({ name: i.label, value: i.count, color: COLORS[n % COLORS.length]! }));
  const total = items.reduce((n, i) => n + i.count, 0);
  return (
    <Group gap="md" wrap="nowrap" align="center" data-testid={testId}>
      <DonutChart data={data} size={120} thickness={20} valueFormatter={fmt} withTooltip tooltipDataSource="segment" chartLabel={formatNumber(total)} />
      <Stack gap={4} style={{ minWidth: 0 }}>
        {data.map((d) => (
          <Group key={d.name} gap={6} wrap="nowrap">
            <Text span w={10} h={10} bg={d.color} style={{ borderRadius: 2, flexShrink: 0 }} />
            <Text size="sm" truncate>
              {d.name}: <b>{formatNumber(d.value)}</b>
              {total > 0 && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  ({formatNumber(Math.round((d.value / total) * 1000) / 10)} %)
                </Text>
              )}
            </Text>
          </Group>
        ))}
      </Stack>
    </Group>
  );
}

/** Horizontal bars, one row per item (OPDs, education). */
function HBars({ items, label }: { items: StatisticsCount[]; label: string }) {
  return (
    <BarChart
      h={Math.max(160, items.length * 26 + 40)}
      data={items.map((i) => ({ label: i.label, count: i.count }))}
      dataKey="label"
      orientation="vertical"
      series={[{ name: 'count', label, color: 'simak.6' }]}
      valueFormatter={fmt}
      yAxisProps={{ width: 190, interval: 0, tick: { fontSize: 11 } }}
      gridAxis="none"
      withBarValueLabel
    />
  );
}

/** Vertical bars over a short axis (golongan, years, months). */
function VBars({ items, label, color = 'simak.6', keyAsAxis = false, slanted = false }: { items: StatisticsCount[]; label: string; color?: string; keyAsAxis?: boolean; slanted?: boolean }) {
  return (
    <BarChart
      h={slanted ? 270 : 240}
      data={items.map((i) => ({ axis: keyAsAxis ? i.key : i.label, name: i.label, count: i.count }))}
      dataKey="axis"
      series={[{ name: 'count', label, color }]}
      valueFormatter={fmt}
      xAxisProps={slanted ? { interval: 0, angle: -40, textAnchor: 'end', height: 56, tick: { fontSize: 11 } } : { interval: 0, tick: { fontSize: 11 } }}
      withBarValueLabel
    />
  );
}

function Summary({ s }: { s: StatisticsResponse }) {
  const { t } = useTranslation();
  const byStatus = Object.fromEntries(s.status.map((x) => [x.key, x.count]));
  const kgbSoon = s.kgb.slice(0, 3).reduce((n, m) => n + m.count, 0);
  const cards = [
    { key: 'total', label: t('statistics.summary.total'), value: s.total, hint: t('statistics.summary.totalHint') },
    { key: 'pns', label: t('statistics.summary.pns'), value: (byStatus.PNS ?? 0) + (byStatus.CPNS ?? 0), hint: t('statistics.summary.pnsHint', { cpns: formatNumber(byStatus.CPNS ?? 0) }) },
    { key: 'pppk', label: t('statistics.summary.pppk'), value: byStatus.PPPK ?? 0 },
    { key: 'pensiun', label: t('statistics.summary.retiring'), value: s.pensiun12Bulan },
    { key: 'kgb', label: t('statistics.summary.kgbSoon'), value: kgbSoon, hint: s.kgbOverdue ? t('statistics.summary.kgbOverdue', { count: s.kgbOverdue }) : undefined },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm" data-testid="stat-summary">
      {cards.map((c) => (
        <Card key={c.key} withBorder padding="sm" data-testid={`stat-summary-${c.key}`}>
          <Text size="xs" c="dimmed" fw={600}>
            {c.label}
          </Text>
          <Text fw={700} fz={26} lh={1.2}>
            {formatNumber(c.value)}
          </Text>
          {c.hint && (
            <Text size="xs" c="dimmed">
              {c.hint}
            </Text>
          )}
        </Card>
      ))}
    </SimpleGrid>
  );
}

/**
 * Workforce statistics: the active ASN of the agency (BKD) or of an OPD, as charts with the
 * figures behind each one (table toggle, CSV/XLSX download). OPD admins see their OPDs only.
 */
export function StatisticsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const bkd = hasAnyRole(me, ['BKD_VERIFIER', 'BKD_ADMIN']);
  const opds = useOpds();
  const [state, update] = useSearchState(DEFAULTS);
  const opdId = state.opd || undefined;
  const query = useStatistics(opdId);

  const opdOptions = useMemo(() => {
    if (!bkd) return me.opds.map((o) => ({ value: String(o.id), label: o.nama }));
    return (opds.data?.items ?? [])
      .filter((o) => o.parentId === null)
      .sort((a, b) => a.nama.localeCompare(b.nama, 'id'))
      .map((o) => ({ value: String(o.id), label: o.nama }));
  }, [bkd, me.opds, opds.data]);

  const people = t('statistics.people');
  const total = t('statistics.totalRow');
  const s = query.data;
  const scopeLabel = s?.opd?.nama ?? (bkd ? t('statistics.wholeAgency') : t('statistics.myOpds'));

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('nav.items.statistics')}
        description={t('statistics.description')}
        actions={
          (bkd || opdOptions.length > 1) && (
            <FilterSelect
              label={t('statistics.opd')}
              placeholder={bkd ? t('statistics.wholeAgency') : t('statistics.myOpds')}
              data={opdOptions}
              value={state.opd}
              onChange={(v) => update({ opd: v })}
              searchable
              w={300}
              testId="stat-opd"
            />
          )
        }
      />
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        s && (
          <Stack gap="md" data-testid="statistics">
            <Text size="sm" c="dimmed" data-testid="stat-scope">
              {t('statistics.scope', { scope: scopeLabel, date: formatDate(s.asOf) })}
            </Text>
            <Summary s={s} />
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
              <ChartCard chart="golongan" title={t('statistics.charts.golongan')} opdId={opdId} table={simpleTable(t('statistics.columns.golongan'), people, total, s.golongan)}>
                <VBars items={s.golongan} label={people} keyAsAxis />
              </ChartCard>
              <ChartCard chart="usia" title={t('statistics.charts.usia')} description={t('statistics.charts.usiaHint')} opdId={opdId} table={{
                columns: [t('statistics.columns.usia'), t('statistics.male'), t('statistics.female'), people],
                rows: [
                  ...s.usia.map((b) => [b.label, b.laki, b.perempuan, b.laki + b.perempuan]),
                  [total, s.usia.reduce((n, b) => n + b.laki, 0), s.usia.reduce((n, b) => n + b.perempuan, 0), s.usia.reduce((n, b) => n + b.laki + b.perempuan, 0)],
                ],
              }}>
                <BarChart
                  h={260}
                  data={[...s.usia].reverse().map((b) => ({ label: b.label, laki: -b.laki, perempuan: b.perempuan }))}
                  dataKey="label"
                  orientation="vertical"
                  type="stacked"
                  series={[
                    { name: 'laki', label: t('statistics.male'), color: 'blue.6' },
                    { name: 'perempuan', label: t('statistics.female'), color: 'pink.6' },
                  ]}
                  valueFormatter={fmt}
                  barChartProps={{ stackOffset: 'sign' }}
                  xAxisProps={{ tickFormatter: (v: number) => fmt(v) }}
                  yAxisProps={{ width: 60, interval: 0 }}
                  withLegend
                />
              </ChartCard>
              <ChartCard chart="pendidikan" title={t('statistics.charts.pendidikan')} opdId={opdId} table={simpleTable(t('statistics.columns.pendidikan'), people, total, s.pendidikan)}>
                <HBars items={s.pendidikan} label={people} />
              </ChartCard>
              <Stack gap="md">
                <ChartCard chart="jenisJabatan" title={t('statistics.charts.jenisJabatan')} opdId={opdId} table={simpleTable(t('statistics.columns.jenisJabatan'), people, total, s.jenisJabatan)}>
                  <Donut items={s.jenisJabatan} testId="stat-jenisJabatan-chart" />
                </ChartCard>
                <ChartCard chart="jenisKelamin" title={t('statistics.charts.jenisKelamin')} opdId={opdId} table={simpleTable(t('statistics.columns.jenisKelamin'), people, total, s.jenisKelamin)}>
                  <Donut items={s.jenisKelamin} testId="stat-jenisKelamin-chart" />
                </ChartCard>
                <ChartCard chart="status" title={t('statistics.charts.status')} opdId={opdId} table={simpleTable(t('statistics.columns.status'), people, total, s.status)}>
                  <Donut items={s.status} testId="stat-status-chart" />
                </ChartCard>
              </Stack>
              <ChartCard chart="pensiun" title={t('statistics.charts.pensiun')} description={t('statistics.charts.pensiunHint')} opdId={opdId} table={simpleTable(t('statistics.columns.year'), people, total, s.pensiun)}>
                <VBars items={s.pensiun} label={people} color="orange.6" />
              </ChartCard>
              <ChartCard
                chart="kgb"
                title={t('statistics.charts.kgb')}
                description={s.kgbOverdue ? t('statistics.charts.kgbOverdue', { count: s.kgbOverdue }) : t('statistics.charts.kgbHint')}
                opdId={opdId}
                table={simpleTable(t('statistics.columns.month'), people, total, [{ key: 'overdue', label: t('statistics.overdueRow'), count: s.kgbOverdue }, ...s.kgb])}
              >
                <VBars items={s.kgb} label={people} color="teal.6" slanted />
              </ChartCard>
            </SimpleGrid>
            {s.byOpd.length > 1 && (
              <ChartCard chart="opd" title={t('statistics.charts.opd')} opdId={opdId} table={simpleTable(t('statistics.columns.opd'), people, total, s.byOpd)}>
                <HBars items={s.byOpd} label={people} />
              </ChartCard>
            )}
          </Stack>
        )
      )}
    </Stack>
  );
}

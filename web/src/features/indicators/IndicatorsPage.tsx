import { useMemo, useState } from 'react';
import { Alert, Button, Card, Grid, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconAdjustments, IconCalendar, IconFileSpreadsheet, IconFileTypePdf, IconSnowflake, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { useSearchState } from '../../components/useSearchState';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format';
import { useCurrentUser, useToday } from '../auth/useMe';
import { parseDateInput } from '../change-requests/values';
import { useOpds } from '../employees/api';
import { lkjUrl, useIndicators, useIndicatorTrend } from './api';
import { ComputingState } from './ComputingState';
import { ConfigModal } from './ConfigModal';
import { CountersPanel } from './CountersPanel';
import { DrilldownModal } from './DrilldownModal';
import { FreezeModal } from './FreezeModal';
import { IndicatorCard } from './IndicatorCard';
import { OpdBars } from './OpdBars';
import { TrendCard, type TrendPoint } from './TrendChart';
import { INDEX_KEYS, type DrilldownComponent, type IndexKey, type IndicatorParams } from './types';

const DEFAULTS = { tahun: '', opd: '', tgl: '', tren: 'ip', peringkat: 'ip' };
const TREND_YEARS = 5;

function asIndex(v: string): IndexKey {
  return (INDEX_KEYS as readonly string[]).includes(v) ? (v as IndexKey) : 'ip';
}

/**
 * Indikator Kinerja (/indikator): the five live indices (IKP, IKom, IKin, IDis, IP) with
 * target, capaian, formula and components, a 5-year trend, per-OPD bars, output
 * counters, LKj downloads, snapshots and (BKD admin) targets and weights.
 * Year, unit and as-of date live in the URL (?tahun=2025&opd=DINKES&tgl=2025-06-30).
 * OPD admins always ask for one of their units.
 */
export function IndicatorsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [state, update] = useSearchState(DEFAULTS);
  const [drill, setDrill] = useState<DrilldownComponent | null>(null);
  const [configOpen, setConfigOpen] = useState(false);
  const [freezeOpen, setFreezeOpen] = useState(false);

  const isBkd = me.roles.includes('BKD_ADMIN') || me.roles.includes('BKD_VERIFIER');
  const isAdmin = me.roles.includes('BKD_ADMIN');
  const { year: thisYear, month: thisMonth } = useToday();
  const year = /^\d{4}$/.test(state.tahun) ? Number(state.tahun) : thisYear;
  const asOf = state.tgl && state.tgl.startsWith(`${year}-`) ? state.tgl : undefined;

  const opds = useOpds();
  const opdOptions = useMemo(() => {
    if (!isBkd) return me.opds.map((o) => ({ value: o.kode, label: o.nama }));
    const top = (opds.data?.items ?? []).filter((o) => o.parentId === null).sort((a, b) => a.nama.localeCompare(b.nama, 'id'));
    const list = [{ value: '', label: t('indicators.controls.allOpds') }, ...top.map((o) => ({ value: o.kode, label: o.nama }))];
    if (state.opd && !list.some((o) => o.value === state.opd)) list.push({ value: state.opd, label: state.opd });
    return list;
  }, [isBkd, me.opds, opds.data, state.opd, t]);

  const opd = isBkd ? state.opd || undefined : (me.opds.find((o) => o.kode === state.opd) ?? me.opds[0])?.kode;
  const params: IndicatorParams = { year, opd, asOf };
  const canQuery = isBkd || opd !== undefined;
  const query = useIndicators(params, canQuery);

  const trendYears = useMemo(() => Array.from({ length: TREND_YEARS }, (_, i) => year - TREND_YEARS + 1 + i), [year]);
  const trend = useIndicatorTrend(trendYears, opd, canQuery);
  const trendIndex = asIndex(state.tren);
  const points: TrendPoint[] = trendYears.map((y, i) => {
    const r = trend[i]?.data;
    return { year: y, value: r?.indicators[trendIndex].value ?? null, target: r?.indicators[trendIndex].target ?? null };
  });

  const years = useMemo(() => {
    const list = Array.from({ length: 8 }, (_, i) => thisYear + 1 - i);
    return list.includes(year) ? list : [...list, year].sort((a, b) => b - a);
  }, [thisYear, year]);

  const data = query.data;
  const scopeLabel = data?.opd?.nama ?? (opd ? (opdOptions.find((o) => o.value === opd)?.label ?? opd) : t('indicators.wholeAgency'));

  const actions = (
    <>
      <Button
        component="a"
        href={lkjUrl(params, 'xlsx')}
        download
        variant="default"
        leftSection={<IconFileSpreadsheet size={18} />}
        disabled={!canQuery}
        data-testid="lkj-xlsx"
      >
        {t('indicators.actions.lkjXlsx')}
      </Button>
      <Button component="a" href={lkjUrl(params, 'pdf')} download variant="default" leftSection={<IconFileTypePdf size={18} />} disabled={!canQuery} data-testid="lkj-pdf">
        {t('indicators.actions.lkjPdf')}
      </Button>
      {isAdmin && (
        <>
          <Button variant="light" leftSection={<IconAdjustments size={18} />} onClick={() => setConfigOpen(true)} data-testid="open-config">
            {t('indicators.actions.config')}
          </Button>
          <Button
            color="blue"
            leftSection={<IconSnowflake size={18} />}
            onClick={() => setFreezeOpen(true)}
            disabled={!data || data.population === 0}
            data-testid="open-freeze"
          >
            {t('indicators.actions.freeze')}
          </Button>
        </>
      )}
    </>
  );

  return (
    <Stack gap="lg" data-testid="indicators-page">
      <PageHeader title={t('nav.items.indicators')} description={t('indicators.description')} actions={actions} />

      <Card padding="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <Select
            label={t('indicators.controls.year')}
            w={110}
            data={years.map((y) => String(y))}
            value={String(year)}
            onChange={(v) => v && update({ tahun: Number(v) === thisYear ? '' : v, tgl: '' })}
            allowDeselect={false}
            data-testid="indicators-year"
          />
          <Select
            label={t('indicators.controls.opd')}
            w={{ base: '100%', sm: 380 }}
            data={opdOptions}
            value={opd ?? ''}
            onChange={(v) => update({ opd: v ?? '' })}
            allowDeselect={false}
            searchable
            nothingFoundMessage={t('common.nothingFound')}
            data-testid="indicators-opd"
          />
          <DateInput
            label={t('indicators.controls.asOf')}
            w={220}
            value={asOf ?? null}
            onChange={(v) => update({ tgl: v ?? '' })}
            valueFormat="D MMMM YYYY"
            dateParser={(input) => parseDateInput(input)}
            placeholder={t('indicators.controls.asOfPlaceholder')}
            minDate={`${year}-01-01`}
            maxDate={`${year}-12-31`}
            defaultDate={`${year}-${year === thisYear ? String(thisMonth).padStart(2, '0') : '12'}-01`}
            clearable
            leftSection={<IconCalendar size={16} />}
            popoverProps={{ withinPortal: true }}
            data-testid="indicators-asof"
          />
          <Text size="xs" c="dimmed" pb={8} style={{ flex: '1 1 200px' }}>
            {t('indicators.controls.asOfHint')}
          </Text>
        </Group>
      </Card>

      {!canQuery ? (
        <EmptyState title={t('indicators.empty')} />
      ) : query.isPending ? (
        <ComputingState year={year} trendDone={trend.filter((q) => q.data).length} trendTotal={trend.length} />
      ) : query.isError && !data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : data ? (
        <Stack gap="lg" style={{ opacity: query.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }} data-testid="indicators-result">
          {query.isPlaceholderData && query.isFetching && (
            <ComputingState year={year} trendDone={trend.filter((q) => q.data).length} trendTotal={trend.length} />
          )}
          {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />}
          <Group gap="xs" wrap="wrap">
            <IconUsersGroup size={18} color="var(--mantine-color-simak-8)" aria-hidden />
            <Text size="sm" fw={500} data-testid="indicators-scope">
              {t('indicators.scope', {
                date: formatDate(data.asOf),
                opd: data.opd?.nama ?? t('indicators.wholeAgency'),
                n: formatNumber(data.population),
                pns: formatNumber(data.populationByStatus.PNS),
                cpns: formatNumber(data.populationByStatus.CPNS),
                pppk: formatNumber(data.populationByStatus.PPPK),
              })}
            </Text>
            <Text size="xs" c="dimmed">
              · {t('indicators.computedAt', { at: formatDateTime(data.computedAt) })}
            </Text>
          </Group>

          {data.snapshot && (
            <Alert color="blue" variant="light" icon={<IconSnowflake size={18} />} data-testid="snapshot-banner">
              {t('indicators.snapshotBanner', {
                date: formatDateTime(data.snapshot.createdAt),
                asOf: formatDate(data.snapshot.asOf),
                n: formatNumber(data.snapshot.population),
                by: data.snapshot.createdBy ?? t('indicators.snapshotBy'),
                note: data.snapshot.note,
              })}
            </Alert>
          )}

          {data.population === 0 ? (
            <Card>
              <EmptyState title={t('indicators.empty')} description={t('indicators.emptyHint')} data-testid="indicators-empty" />
            </Card>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" data-testid="indicator-cards">
              {INDEX_KEYS.map((key) => (
                <IndicatorCard
                  key={key}
                  indexKey={key}
                  value={data.indicators[key]}
                  previous={{ year: data.previous.year, value: data.previous.indicators[key].value }}
                  snapshot={data.snapshot}
                  onDrilldown={setDrill}
                />
              ))}
            </SimpleGrid>
          )}

          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <TrendCard
                index={trendIndex}
                onIndex={(k) => update({ tren: k })}
                points={points}
                loading={trend.some((q) => q.isFetching)}
                failed={trend.some((q) => q.isError)}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <CountersPanel counters={data.counters} year={data.year} />
            </Grid.Col>
          </Grid>

          {data.breakdown ? (
            <OpdBars
              breakdown={data.breakdown}
              index={asIndex(state.peringkat)}
              onIndex={(k) => update({ peringkat: k })}
              onOpenOpd={(kode) => update({ opd: kode })}
            />
          ) : (
            isBkd && (
              <Text size="sm" c="dimmed" data-testid="opd-bars-unavailable">
                {t('indicators.byOpd.onlyAgency')}
              </Text>
            )
          )}
        </Stack>
      ) : null}

      <DrilldownModal params={params} component={drill} scopeLabel={scopeLabel} onClose={() => setDrill(null)} />
      {isAdmin && <ConfigModal year={year} opened={configOpen} onClose={() => setConfigOpen(false)} />}
      {isAdmin && data && (
        <FreezeModal opened={freezeOpen} onClose={() => setFreezeOpen(false)} params={params} asOf={data.asOf} scopeLabel={scopeLabel} />
      )}
    </Stack>
  );
}

import { useMemo } from 'react';
import { Stack, Tabs } from '@mantine/core';
import { IconCalendarCog, IconChartBar, IconListCheck, IconUserCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { useSearchState } from '../../components/useSearchState';
import { hasAnyRole } from '../auth/roles';
import { useCurrentUser } from '../auth/useMe';
import { useOpds } from '../employees/api';
import { useKpPeriods } from './api';
import { EligibleTab } from './EligibleTab';
import { PeriodBar } from './PeriodBar';
import { PeriodsTab } from './PeriodsTab';
import { ProposalsTab } from './ProposalsTab';
import { ReportTab } from './ReportTab';

const TABS = ['syarat', 'usulan', 'rekap', 'periode'] as const;
type Tab = (typeof TABS)[number];

export const PANGKAT_DEFAULTS = {
  tab: 'syarat',
  periode: '',
  opd: '',
  status: 'eligible',
  jenis: '',
  q: '',
  state: '',
  batch: '',
  page: '1',
  pageSize: '25',
  sort: '',
};
export type PangkatState = typeof PANGKAT_DEFAULTS;
export type PangkatUpdate = (patch: Partial<Record<keyof PangkatState, string | number | null | undefined>>) => void;

/**
 * e-Pangkat (/pangkat) for OPD admins and BKD staff: one KP period at a time (its submission
 * window shown), with the eligibility list and proposing, the period's proposals, the report
 * per OPD and, for a BKD admin, the period rules and windows. State lives in the URL.
 */
export function PangkatPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [state, update] = useSearchState(PANGKAT_DEFAULTS);
  const periods = useKpPeriods(12);
  const isBkd = hasAnyRole(me, ['BKD_VERIFIER', 'BKD_ADMIN']);
  const isBkdAdmin = hasAnyRole(me, ['BKD_ADMIN']);
  const opds = useOpds();
  const tabs: Tab[] = isBkdAdmin ? [...TABS] : ['syarat', 'usulan', 'rekap'];
  const tab: Tab = (tabs as string[]).includes(state.tab) ? (state.tab as Tab) : 'syarat';

  // OPD filter by code: BKD chooses among every unit, an OPD admin among their own (if several).
  const opdList = useMemo(() => (isBkd ? (opds.data?.items ?? []) : me.opds), [isBkd, opds.data, me.opds]);
  const opdOptions = useMemo(() => opdList.map((o) => ({ value: o.kode, label: o.nama })), [opdList]);
  const opdId = opdList.find((o) => o.kode === state.opd)?.id;

  const header = <PageHeader title={t('nav.items.pangkat')} description={t('pangkat.description')} />;
  if (periods.isPending) return <Stack gap="lg">{header}<LoadingState /></Stack>;
  if (periods.isError) {
    return (
      <Stack gap="lg">
        {header}
        <ErrorState error={periods.error} onRetry={() => void periods.refetch()} retrying={periods.isFetching} />
      </Stack>
    );
  }
  const items = periods.data.items;
  // Default: the period being prepared (its window open, else the first not yet closed).
  const current =
    items.find((p) => p.period === state.periode) ?? items.find((p) => p.status === 'DIBUKA') ?? items.find((p) => p.status !== 'DITUTUP') ?? items[0];
  if (!current) return <Stack gap="lg">{header}</Stack>;

  return (
    <Stack gap="lg" data-testid="pangkat-page" data-period={current.period}>
      {header}
      <PeriodBar
        periods={items}
        current={current}
        onPeriod={(p) => update({ periode: p, batch: '' })}
        opdOptions={opdOptions}
        opd={state.opd}
        onOpd={(o) => update({ opd: o, batch: '' })}
      />
      <Tabs value={tab} onChange={(v) => v && update({ tab: v, q: '' })} keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="syarat" leftSection={<IconUserCheck size={16} />} data-testid="kp-tab-syarat">
            {t('pangkat.tabs.eligible')}
          </Tabs.Tab>
          <Tabs.Tab value="usulan" leftSection={<IconListCheck size={16} />} data-testid="kp-tab-usulan">
            {t('pangkat.tabs.proposals')}
          </Tabs.Tab>
          <Tabs.Tab value="rekap" leftSection={<IconChartBar size={16} />} data-testid="kp-tab-rekap">
            {t('pangkat.tabs.report')}
          </Tabs.Tab>
          {isBkdAdmin && (
            <Tabs.Tab value="periode" leftSection={<IconCalendarCog size={16} />} data-testid="kp-tab-periode">
              {t('pangkat.tabs.periods')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="syarat">
          <EligibleTab period={current} opd={state.opd} state={state} update={update} />
        </Tabs.Panel>
        <Tabs.Panel value="usulan">
          <ProposalsTab period={current} opdId={opdId} state={state} update={update} />
        </Tabs.Panel>
        <Tabs.Panel value="rekap">
          <ReportTab period={current} opd={state.opd} />
        </Tabs.Panel>
        {isBkdAdmin && (
          <Tabs.Panel value="periode">
            <PeriodsTab />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}

import { useMemo } from 'react';
import { Stack, Tabs } from '@mantine/core';
import { IconChartBar, IconHourglass } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useSearchState } from '../../components/useSearchState';
import { hasAnyRole } from '../auth/roles';
import { useCurrentUser } from '../auth/useMe';
import { useOpds } from '../employees/api';
import { ForecastTab } from './ForecastTab';
import { PensiunReportTab } from './PensiunReportTab';

export const PENSIUN_DEFAULTS = { tab: 'perkiraan', opd: '', state: '', bulan: '24', month: '', q: '', sort: 'tmt', page: '1', pageSize: '25' };
export type PensiunState = typeof PENSIUN_DEFAULTS;
export type PensiunUpdate = (patch: Partial<Record<keyof PensiunState, string | number | null | undefined>>) => void;

/**
 * e-Pensiun (/pensiun) for OPD admins (their units) and BKD staff (every unit, overdue files
 * flagged): the forecast of the next 24 months with each file's due date and state, opening the
 * other pension kinds, and the reports. State lives in the URL.
 */
export function PensiunPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [state, update] = useSearchState(PENSIUN_DEFAULTS);
  const isBkd = hasAnyRole(me, ['BKD_VERIFIER', 'BKD_ADMIN']);
  const opds = useOpds();
  const opdList = useMemo(() => (isBkd ? (opds.data?.items ?? []) : me.opds), [isBkd, opds.data, me.opds]);
  const opdOptions = useMemo(() => opdList.map((o) => ({ value: o.kode, label: o.nama })), [opdList]);
  const tab = state.tab === 'rekap' ? 'rekap' : 'perkiraan';

  return (
    <Stack gap="lg" data-testid="pensiun-page">
      <PageHeader title={t('nav.items.pensiun')} description={t(isBkd ? 'pensiun.descriptionBkd' : 'pensiun.descriptionOpd')} />
      <Tabs value={tab} onChange={(v) => v && update({ tab: v })} keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="perkiraan" leftSection={<IconHourglass size={16} />} data-testid="pensiun-tab-perkiraan">
            {t('pensiun.tabs.forecast')}
          </Tabs.Tab>
          <Tabs.Tab value="rekap" leftSection={<IconChartBar size={16} />} data-testid="pensiun-tab-rekap">
            {t('pensiun.tabs.report')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="perkiraan">
          <ForecastTab state={state} update={update} opdOptions={opdOptions} />
        </Tabs.Panel>
        <Tabs.Panel value="rekap">
          <PensiunReportTab opd={state.opd} opdOptions={opdOptions} onOpd={(o) => update({ opd: o })} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

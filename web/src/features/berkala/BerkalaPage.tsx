import { Stack, Tabs } from '@mantine/core';
import { IconGauge, IconListCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useSearchState } from '../../components/useSearchState';
import { useCurrentUser, useToday } from '../auth/useMe';
import { BerkalaDashboard } from './BerkalaDashboard';
import { KgbQueue, QUEUE_ALL } from './KgbQueue';

const TABS = ['dasbor', 'antrean'] as const;
type Tab = (typeof TABS)[number];

const DEFAULTS = { tab: 'dasbor', tahun: '', status: 'DRAFT', q: '', opdId: '', page: '1', pageSize: '25', sort: '' };

/**
 * e-Berkala (/berkala) for BKD staff: the dashboard and the KGB queue as two tabs.
 * Tab, year and the queue's filters live in the URL (?tab=antrean&status=DIVERIFIKASI…).
 */
export function BerkalaPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [state, update] = useSearchState(DEFAULTS);
  const tab: Tab = (TABS as readonly string[]).includes(state.tab) ? (state.tab as Tab) : 'dasbor';
  const { year: thisYear } = useToday();
  const year = /^\d{4}$/.test(state.tahun) ? Number(state.tahun) : thisYear;

  return (
    <Stack gap="lg">
      <PageHeader title={t('nav.items.berkala')} description={t('berkala.description')} />
      <Tabs value={tab} onChange={(v) => v && update({ tab: v })} keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="dasbor" leftSection={<IconGauge size={16} />} data-testid="berkala-tab-dasbor">
            {t('berkala.tabs.dashboard')}
          </Tabs.Tab>
          <Tabs.Tab value="antrean" leftSection={<IconListCheck size={16} />} data-testid="berkala-tab-antrean">
            {t('berkala.tabs.queue')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="dasbor">
          <BerkalaDashboard
            year={year}
            onYear={(y) => update({ tahun: y === thisYear ? '' : y })}
            canRunScan={me.roles.includes('BKD_ADMIN')}
            onOpenQueue={({ status, opdId }) =>
              update({ tab: 'antrean', status: status ?? (opdId !== undefined ? QUEUE_ALL : ''), opdId: opdId ?? '', q: '' })
            }
          />
        </Tabs.Panel>
        <Tabs.Panel value="antrean">
          <KgbQueue state={state} update={update} year={year} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

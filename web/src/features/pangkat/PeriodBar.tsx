import { Badge, Card, Group, Select, Stack, Text } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import type { KpPeriodInfo } from '@simak/shared/api/pangkat';
import { useTranslation } from 'react-i18next';
import { FilterSelect } from '../../components/FilterSelect';
import { formatDate } from '../../i18n/format';

export const WINDOW_COLORS: Record<KpPeriodInfo['status'], string> = { DIBUKA: 'green', BELUM_DIBUKA: 'gray', DITUTUP: 'red' };

export function WindowBadge({ info }: { info: Pick<KpPeriodInfo, 'status'> }) {
  const { t } = useTranslation();
  return (
    <Badge color={WINDOW_COLORS[info.status]} variant="light" tt="none" style={{ flexShrink: 0, overflow: 'visible' }} data-testid="kp-window-status" data-status={info.status}>
      {t(`pangkat.window.status.${info.status}`)}
    </Badge>
  );
}

export interface PeriodBarProps {
  periods: KpPeriodInfo[];
  current: KpPeriodInfo;
  onPeriod: (period: string) => void;
  opdOptions: { value: string; label: string }[];
  opd: string;
  onOpd: (opd: string) => void;
}

/** The period chooser with the period's submission window, and the OPD filter. */
export function PeriodBar({ periods, current, onPeriod, opdOptions, opd, onOpd }: PeriodBarProps) {
  const { t } = useTranslation();
  return (
    <Card padding="md">
      <Group gap="lg" align="flex-end" wrap="wrap">
        <Select
          label={t('pangkat.period.label')}
          data={periods.map((p) => ({ value: p.period, label: formatDate(p.period) }))}
          value={current.period}
          onChange={(v) => v && onPeriod(v)}
          allowDeselect={false}
          leftSection={<IconCalendarEvent size={16} />}
          w={220}
          data-testid="kp-period"
          comboboxProps={{ withinPortal: true }}
        />
        {opdOptions.length > 1 && (
          <FilterSelect
            label={t('requests.filters.opd')}
            placeholder={t('requests.filters.allOpd')}
            data={opdOptions}
            value={opd}
            onChange={(v) => onOpd(v ?? '')}
            searchable
            w={300}
            testId="kp-opd"
          />
        )}
        <Stack gap={2} style={{ flex: 1, minWidth: 260 }} data-testid="kp-window">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.3 }}>
            {t('pangkat.window.title')}
          </Text>
          <Group gap="xs" wrap="wrap">
            <Text size="sm" fw={600} data-testid="kp-window-dates">
              {t('pangkat.window.range', { opens: formatDate(current.opens), closes: formatDate(current.closes) })}
            </Text>
            <WindowBadge info={current} />
            {current.source === 'DITETAPKAN' && (
              <Badge color="violet" variant="light" tt="none">
                {t('pangkat.window.source.DITETAPKAN')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {current.regulation}
            {current.note ? ` · ${current.note}` : ''}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}

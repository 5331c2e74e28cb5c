import { useEffect, useState } from 'react';
import { Card, Group, Loader, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';

/**
 * What the page says while a year's indicators are being computed (an older year has no
 * stored facts and is counted from the histories): which year, for how long so far, and
 * how many years of the trend are done.
 */
export function ComputingState({ year, trendDone, trendTotal }: { year: number; trendDone: number; trendTotal: number }) {
  const { t } = useTranslation();
  const [started] = useState(() => Date.now());
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [started]);
  return (
    <Card withBorder padding="lg" data-testid="indicators-computing" role="status" aria-live="polite">
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap">
          <Loader size="sm" />
          <Text fw={600}>{t('indicators.computing.title', { year })}</Text>
        </Group>
        <Text size="sm" c="dimmed">
          {t('indicators.computing.hint')}
        </Text>
        <Progress value={trendTotal ? (trendDone / trendTotal) * 100 : 0} size="sm" animated striped aria-label={t('indicators.computing.trend', { done: trendDone, total: trendTotal })} />
        <Group justify="space-between" gap="xs">
          <Text size="xs" c="dimmed" data-testid="indicators-computing-trend">
            {t('indicators.computing.trend', { done: formatNumber(trendDone), total: formatNumber(trendTotal) })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('indicators.computing.elapsed', { seconds: formatNumber(seconds) })}
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}

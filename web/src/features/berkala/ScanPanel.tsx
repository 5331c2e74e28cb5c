import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Group, Loader, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPlayerPlay, IconRadar } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format';
import { REQUESTS_KEY } from '../requests/api';
import { BERKALA_KEY, useLastScan, useRunScan } from './api';
import type { ScanSummary } from './types';

/** How long the page waits for the worker before giving up on showing the result. */
const WAIT_MS = 3 * 60_000;
const POLL_MS = 2000;

function triggerLabel(t: (key: string) => string, trigger: string): string {
  if (trigger === 'schedule') return t('berkala.scan.triggers.schedule');
  if (trigger.startsWith('manual')) return t('berkala.scan.triggers.manual');
  return trigger;
}

function ScanCounts({ last }: { last: ScanSummary }) {
  const { t } = useTranslation();
  const items: [string, number, string?][] = [
    ['scanned', last.scanned],
    ['created', last.created, 'simak.9'],
    ['alreadyPresent', last.alreadyPresent],
    ['postponed', last.postponed, last.postponed > 0 ? 'yellow.9' : undefined],
    ['applied', last.applied],
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm" data-testid="scan-counts">
      {items.map(([key, value, color]) => (
        <Stack key={key} gap={0} data-testid={`scan-${key}`}>
          <Text size="xs" c="dimmed" fw={600}>
            {t(`berkala.scan.counts.${key}`)}
          </Text>
          <Text fz={22} fw={700} c={color} data-testid="scan-count-value">
            {formatNumber(value ?? 0)}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}

/**
 * The last KGB detection run and, for BKD_ADMIN, "Jalankan deteksi sekarang": after a
 * confirmation it queues a run (202) and polls /api/berkala/scan/last until a newer
 * result appears, then refreshes the dashboard and the queue.
 */
export function ScanPanel({ canRun }: { canRun: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState(false);
  /** `at` of the result shown when the run was requested, and when it was requested. */
  const [waiting, setWaiting] = useState<{ previousAt: string | null; since: number } | null>(null);
  const [timedOut, setTimedOut] = useState(false);
  const last = useLastScan(waiting ? POLL_MS : false);
  const run = useRunScan();
  const lastAt = last.data?.last?.at ?? null;
  const notified = useRef<string | null>(null);

  // A newer result than the one we started from: the run is done.
  useEffect(() => {
    if (!waiting || !lastAt || lastAt === waiting.previousAt || notified.current === lastAt) return;
    notified.current = lastAt;
    setWaiting(null);
    const result = last.data?.last;
    notifications.show({
      color: 'green',
      title: t('berkala.scan.doneTitle'),
      message: t('berkala.scan.done', { created: formatNumber(result?.created ?? 0), scanned: formatNumber(result?.scanned ?? 0) }),
    });
    void queryClient.invalidateQueries({ queryKey: BERKALA_KEY });
    void queryClient.invalidateQueries({ queryKey: REQUESTS_KEY });
  }, [waiting, lastAt, last.data, queryClient, t]);

  useEffect(() => {
    if (!waiting) return;
    const timer = window.setTimeout(() => {
      setWaiting(null);
      setTimedOut(true);
    }, Math.max(0, waiting.since + WAIT_MS - Date.now()));
    return () => window.clearTimeout(timer);
  }, [waiting]);

  const start = () => {
    setTimedOut(false);
    run.mutate(undefined, {
      onSuccess: () => {
        setConfirm(false);
        setWaiting({ previousAt: lastAt, since: Date.now() });
      },
      onError: (error) => {
        setConfirm(false);
        notifications.show({ color: 'red', title: t('berkala.scan.failedTitle'), message: errorMessage(error) });
      },
    });
  };

  const result = last.data?.last ?? null;
  return (
    <Card data-testid="scan-panel">
      <Group justify="space-between" align="flex-start" mb="sm" wrap="wrap">
        <Stack gap={2}>
          <Group gap="xs">
            <IconRadar size={20} color="var(--mantine-color-simak-8)" aria-hidden />
            <Title order={3} size="h4">
              {t('berkala.scan.title')}
            </Title>
          </Group>
          <Text size="sm" c="dimmed">
            {t('berkala.scan.description')}
          </Text>
        </Stack>
        {canRun && (
          <Button leftSection={<IconPlayerPlay size={16} />} onClick={() => setConfirm(true)} loading={!!waiting} data-testid="scan-run">
            {t('berkala.scan.run')}
          </Button>
        )}
      </Group>

      <Stack gap="sm">
        {waiting && (
          <Group gap="sm" data-testid="scan-running" role="status" aria-live="polite">
            <Loader size="sm" />
            <Text size="sm">{t('berkala.scan.running')}</Text>
          </Group>
        )}
        {timedOut && (
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} py="xs" data-testid="scan-timeout">
            <Text size="sm">{t('berkala.scan.timeout')}</Text>
          </Alert>
        )}
        {last.isPending ? (
          <Loader size="sm" />
        ) : last.isError ? (
          <Text size="sm" c="red.8">
            {errorMessage(last.error)}
          </Text>
        ) : result ? (
          <Stack gap="sm" data-testid="scan-last" data-at={result.at}>
            <Text size="sm">
              {t('berkala.scan.lastRun', {
                at: formatDateTime(result.at),
                date: formatDate(result.date),
                trigger: triggerLabel(t, result.trigger),
              })}
            </Text>
            <ScanCounts last={result} />
          </Stack>
        ) : (
          <Text size="sm" c="dimmed" data-testid="scan-never">
            {t('berkala.scan.never')}
          </Text>
        )}
      </Stack>

      <Modal opened={confirm} onClose={() => setConfirm(false)} title={t('berkala.scan.confirmTitle')} centered>
        <Stack gap="md">
          <Text size="sm">{t('berkala.scan.confirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(false)} disabled={run.isPending}>
              {t('common.cancel')}
            </Button>
            <Button onClick={start} loading={run.isPending} leftSection={<IconPlayerPlay size={16} />} data-testid="scan-confirm">
              {t('berkala.scan.runConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

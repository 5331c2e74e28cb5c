import { Alert, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { reportServiceAvailable, useServiceUnavailable } from '../../api/outage';

const READY_PATH = '/api/health/ready';
const POLL_MS = 5000;

/**
 * Shown across the top of every page while the API answers 503 service_unavailable (its database
 * or Redis is unreachable). Asks the readiness endpoint every few seconds; when the server is ready
 * again the banner goes and every query is fetched afresh.
 */
export function OutageBanner() {
  const { t } = useTranslation();
  const unavailable = useServiceUnavailable();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!unavailable) return;
    let stopped = false;
    const check = async () => {
      try {
        const res = await fetch(READY_PATH, { credentials: 'include', headers: { Accept: 'application/json' } });
        if (!stopped && res.ok) {
          reportServiceAvailable();
          void queryClient.invalidateQueries();
        }
      } catch {
        // Still unreachable: ask again later.
      }
    };
    const timer = setInterval(() => void check(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [unavailable, queryClient]);

  if (!unavailable) return null;
  return (
    <Alert
      role="alert"
      color="red"
      variant="filled"
      radius={0}
      icon={<IconPlugConnectedX size={20} />}
      data-testid="outage-banner"
      // Over the header (its actions cannot work now), never over the page's content.
      style={{ position: 'fixed', top: 0, left: 0, right: 0, zIndex: 1000, minHeight: 64, display: 'flex', alignItems: 'center' }}
    >
      <Text size="sm">
        <Text span fw={700} inherit>
          {t('outage.title')}.
        </Text>{' '}
        {t('outage.message')}
      </Text>
    </Alert>
  );
}

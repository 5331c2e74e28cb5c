import { Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useHealth } from './api';

/** Small system-status line (database/redis) for administrators. */
export function HealthIndicator() {
  const { t } = useTranslation();
  const { data, isError } = useHealth();

  const status = data?.status ?? (isError || data === null ? 'unknown' : undefined);
  if (!status) return null;

  const color = status === 'ok' ? 'teal' : status === 'degraded' ? 'orange' : 'gray';
  const detail = data
    ? `${t('shell.health.database')}: ${t(data.database.ok ? 'shell.health.up' : 'shell.health.down')} · ${t('shell.health.redis')}: ${t(
        data.redis.ok ? 'shell.health.up' : 'shell.health.down',
      )}`
    : t('shell.health.unknown');

  return (
    <Tooltip label={detail} withArrow>
      <Group gap={6} wrap="nowrap" data-testid="health-status" data-status={status}>
        <span
          aria-hidden
          style={{
            width: 8,
            height: 8,
            borderRadius: '50%',
            backgroundColor: `var(--mantine-color-${color}-6)`,
            display: 'inline-block',
          }}
        />
        <Text size="xs" c="dimmed">
          {t('shell.health.label')}: {t(`shell.health.${status}`)}
        </Text>
      </Group>
    </Tooltip>
  );
}

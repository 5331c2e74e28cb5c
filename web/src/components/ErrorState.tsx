import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client';

export interface ErrorStateProps {
  /** The thrown error (its localized message is shown) — or pass `message`. */
  error?: unknown;
  message?: string;
  title?: string;
  /** Shows a "Coba lagi" button when given. */
  onRetry?: () => void;
  retrying?: boolean;
}

export function ErrorState({ error, message, title, onRetry, retrying = false }: ErrorStateProps) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      title={title ?? t('common.errorTitle')}
      icon={<IconAlertTriangle size={20} />}
      data-testid="error-state"
    >
      <Group justify="space-between" align="center" gap="sm" wrap="wrap">
        <Text size="sm">{message ?? errorMessage(error)}</Text>
        {onRetry && (
          <Button
            size="xs"
            variant="white"
            color="red"
            leftSection={<IconRefresh size={14} />}
            onClick={onRetry}
            loading={retrying}
          >
            {t('common.retry')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}

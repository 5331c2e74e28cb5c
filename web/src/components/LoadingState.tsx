import { Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface LoadingStateProps {
  /** Text under the spinner; defaults to "Memuat…". */
  label?: string;
  /** Fill the whole viewport (used while the session is being resolved). */
  fullScreen?: boolean;
}

export function LoadingState({ label, fullScreen = false }: LoadingStateProps) {
  const { t } = useTranslation();
  const text = label ?? t('common.loading');
  return (
    <Center mih={fullScreen ? '100vh' : 160} p="md" data-testid="loading-state">
      <Stack align="center" gap="xs" role="status" aria-live="polite">
        <Loader size="md" aria-hidden />
        <Text size="sm" c="dimmed">
          {text}
        </Text>
      </Stack>
    </Center>
  );
}

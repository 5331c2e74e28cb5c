import { useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { errorMessage, isApiError } from '../../api/client';
import { REQUESTS_KEY } from './api';

/**
 * Shows why a change to a request failed. A 409 (someone else changed it first, or its state
 * moved on) reloads the request and says so; anything else is shown with the server's message.
 */
export function useRequestErrors(requestId: number) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (error: unknown, failedTitle?: string) => {
    if (isApiError(error) && error.status === 409) {
      notifications.show({ color: 'orange', title: t('requests.staleTitle'), message: t('requests.staleMessage'), autoClose: 8000 });
      void queryClient.invalidateQueries({ queryKey: [...REQUESTS_KEY, 'detail', requestId] });
    } else {
      notifications.show({ color: 'red', title: failedTitle ?? t('requests.actionFailed'), message: errorMessage(error) });
    }
  };
}

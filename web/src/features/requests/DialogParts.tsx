import { Alert, Button, Group, Text } from '@mantine/core';
import { IconCalendar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { detailMessages, errorMessage, isApiError } from '../../api/client';
import { parseDateInput } from '../change-requests/values';

/** The props of a required date field in an action dialog (Indonesian display, typed or picked). */
export const dateProps = (label: string, testId: string) => ({
  label,
  valueFormat: 'D MMMM YYYY',
  dateParser: (s: string) => parseDateInput(s),
  leftSection: <IconCalendar size={16} />,
  popoverProps: { withinPortal: true },
  withAsterisk: true,
  'data-testid': testId,
});

/** The error of the last attempt of an action dialog kept open on 422, with the fields' messages. */
export function AttemptError({ error, testId }: { error: unknown; testId: string }) {
  if (!error) return null;
  const lines = isApiError(error) ? detailMessages(error.details) : [];
  return (
    <Alert color="red" py="xs" data-testid={testId}>
      <Text size="sm">{errorMessage(error)}</Text>
      {lines.map((l) => (
        <Text key={l} size="xs">
          {l}
        </Text>
      ))}
    </Alert>
  );
}

/** Cancel and confirm (the form's submit) of an action dialog; both wait while it is pending. */
export function DialogButtons({ pending, onClose, label }: { pending: boolean; onClose: () => void; label: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onClose} disabled={pending}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={pending} data-testid="action-confirm">
        {label}
      </Button>
    </Group>
  );
}

import { Alert, Button, FileInput, Group, Text } from '@mantine/core';
import { IconCalendar, IconPaperclip } from '@tabler/icons-react';
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

/** The signed PDF of a decision (SK) uploaded with an action dialog. */
export function SignedPdfInput(props: { label: string; value: File | null; onChange: (f: File | null) => void; error?: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <FileInput
      label={props.label}
      description={t('pangkat.action.skFileHint')}
      placeholder={t('documents.choose')}
      accept=".pdf,application/pdf"
      value={props.value}
      onChange={props.onChange}
      leftSection={<IconPaperclip size={16} />}
      withAsterisk
      clearable
      error={props.error}
      data-testid={props.testId}
    />
  );
}

/** The end of an action dialog that uploads a file first: the upload's and the action's errors, then the buttons. */
export function UploadDialogFooter(props: { uploadError: unknown; error: unknown; errorTestId: string; pending: boolean; onClose: () => void; label: string }) {
  return (
    <>
      {!!props.uploadError && <AttemptError testId={props.errorTestId} error={props.uploadError} />}
      <AttemptError testId={props.errorTestId} error={props.error} />
      <DialogButtons pending={props.pending} onClose={props.onClose} label={props.label} />
    </>
  );
}

import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestAction } from './types';

export interface NoteDialogProps {
  action: RequestAction | null;
  /** Options for a required note (reject reasons); the choice and the free text are joined. */
  reasons?: string[];
  pending: boolean;
  onClose: () => void;
  onConfirm: (note: string | undefined) => void;
}

/**
 * Confirmation of a request action. Actions that require a note (reject) ask for a
 * reason from the configured list and/or free text; the others accept an optional note.
 */
export function ActionDialog({ action, reasons = [], pending, onClose, onConfirm }: NoteDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={action !== null} onClose={onClose} title={action ? t('requests.actionDialog.title', { action: action.label }) : ''} centered size="lg">
      {action && <ActionForm key={action.action} action={action} reasons={reasons} pending={pending} onClose={onClose} onConfirm={onConfirm} />}
    </Modal>
  );
}

function ActionForm({ action, reasons, pending, onClose, onConfirm }: Omit<NoteDialogProps, 'action'> & { action: RequestAction; reasons: string[] }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const isReject = action.action === 'reject';
  const withReasons = action.requiresNote && reasons.length > 0;
  const danger = action.intent === 'danger';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const note = [reason, text.trim()].filter(Boolean).join(' — ');
    if (action.requiresNote && !note) {
      setError(t('requests.actionDialog.noteRequired'));
      return;
    }
    onConfirm(note || undefined);
  };

  const explanation = t(`requests.actionDialog.explain.${action.action}`, { defaultValue: t('requests.actionDialog.explain.default') });

  return (
    <form onSubmit={submit} noValidate data-testid={`action-dialog-${action.action}`}>
      <Stack gap="md">
        <Text size="sm">{explanation}</Text>
        {withReasons && (
          <Select
            label={t('requests.actionDialog.reason')}
            placeholder={t('requests.actionDialog.reasonPlaceholder')}
            data={reasons}
            value={reason}
            onChange={(v) => {
              setReason(v);
              setError(undefined);
            }}
            clearable
            comboboxProps={{ withinPortal: true }}
            data-testid="action-reason"
          />
        )}
        <Textarea
          label={
            action.requiresNote
              ? withReasons
                ? t('requests.actionDialog.noteExtra')
                : t('requests.actionDialog.noteRequiredLabel')
              : t('requests.actionDialog.noteOptional')
          }
          withAsterisk={action.requiresNote && !withReasons}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setError(undefined);
          }}
          error={error}
          autosize
          minRows={3}
          maxRows={6}
          maxLength={1500}
          data-testid="action-note"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color={danger || isReject ? 'red' : undefined} loading={pending} data-testid="action-confirm">
            {action.label}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

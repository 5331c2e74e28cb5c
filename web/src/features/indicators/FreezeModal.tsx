import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { formatDate } from '../../i18n/format';
import { useCreateSnapshot, useInvalidateIndicators } from './api';
import type { IndicatorParams } from './types';

export interface FreezeModalProps {
  opened: boolean;
  onClose: () => void;
  params: IndicatorParams;
  /** Effective as-of date of the shown result. */
  asOf: string;
  scopeLabel: string;
}

/** Confirmation with a note, then POST /api/indicators/snapshots. */
export function FreezeModal({ opened, onClose, params, asOf, scopeLabel }: FreezeModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('indicators.freeze.title')} size="md" data-testid="freeze-modal">
      {opened && <FreezeForm params={params} asOf={asOf} scopeLabel={scopeLabel} onClose={onClose} />}
    </Modal>
  );
}

function FreezeForm({ params, asOf, scopeLabel, onClose }: Omit<FreezeModalProps, 'opened'>) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const create = useCreateSnapshot();
  const invalidate = useInvalidateIndicators();
  const invalid = note.trim() === '';

  const submit = () => {
    setTouched(true);
    if (invalid) return;
    create.mutate(
      { year: params.year, opd: params.opd, asOf: params.asOf, note: note.trim() },
      {
        onSuccess: async () => {
          await invalidate();
          notifications.show({ color: 'green', message: t('indicators.freeze.done') });
          onClose();
        },
      },
    );
  };

  return (
    <Stack gap="md">
      <Text size="sm">{t('indicators.freeze.intro', { scope: scopeLabel, year: params.year, date: formatDate(asOf) })}</Text>
      <Textarea
        label={t('indicators.freeze.note')}
        placeholder={t('indicators.freeze.notePlaceholder')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={touched && invalid ? t('indicators.freeze.noteRequired') : undefined}
        maxLength={500}
        autosize
        minRows={2}
        required
        data-testid="freeze-note"
      />
      {create.isError && <ErrorState error={create.error} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} disabled={create.isPending}>
          {t('common.cancel')}
        </Button>
        <Button color="blue" onClick={submit} loading={create.isPending} data-testid="freeze-confirm">
          {t('indicators.freeze.confirm')}
        </Button>
      </Group>
    </Stack>
  );
}

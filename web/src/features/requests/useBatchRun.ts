import { useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useBatchAction } from './api';
import type { BatchOutcome } from './BatchResultModal';
import { displayTitle } from './title';
import type { RequestRow } from './types';

export interface BatchRunOptions {
  /** Title of the "done" notification. */
  doneTitle: string;
  /** After the batch, whether it succeeded or failed (e.g. close the confirmation). */
  onSettled: () => void;
  /** After a successful batch (e.g. clear the selection). */
  onSuccess: () => void;
}

/** Runs a batch action on requests and keeps its per-request outcome for `BatchResultModal`; notifies either way. */
export function useBatchRun({ doneTitle, onSettled, onSuccess }: BatchRunOptions) {
  const { t } = useTranslation();
  const batch = useBatchAction();
  const [result, setResult] = useState<BatchOutcome | null>(null);
  const run = (action: string, rows: RequestRow[]) => {
    const titles = new Map(rows.map((r) => [r.id, displayTitle(r)]));
    batch.mutate(
      { action, items: rows.map((r) => ({ id: r.id, version: r.version })) },
      {
        onSuccess: (res) => {
          onSettled();
          setResult({ ...res, titles });
          onSuccess();
          notifications.show({
            color: res.failed ? 'orange' : 'green',
            title: doneTitle,
            message: t('requests.batch.done', { succeeded: res.succeeded, failed: res.failed }),
          });
        },
        onError: (error) => {
          onSettled();
          notifications.show({ color: 'red', title: t('requests.batch.failedTitle'), message: errorMessage(error) });
        },
      },
    );
  };
  return { run, pending: batch.isPending, result, closeResult: () => setResult(null) };
}

import { Alert, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BatchResult } from './types';

export type BatchOutcome = BatchResult & { titles: Map<number, string> };

export interface BatchResultModalProps {
  result: BatchOutcome | null;
  onClose: () => void;
  /** Modal title; defaults to "Hasil persetujuan massal". */
  title?: string;
  /** Label of the state a request reached. */
  stateLabel: (state: string | undefined) => string;
}

/** Per-request outcome of a batch action: succeeded/failed counts and one row per request. */
export function BatchResultModal({ result, onClose, title, stateLabel }: BatchResultModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={result !== null} onClose={onClose} title={title ?? t('requests.batch.resultTitle')} size="lg" centered>
      {result && (
        <Stack gap="md" data-testid="batch-result">
          <Group gap="sm">
            <Badge color="green" size="lg" tt="none">
              {t('requests.batch.succeeded', { count: result.succeeded })}
            </Badge>
            {result.failed > 0 && (
              <Badge color="red" size="lg" tt="none">
                {t('requests.batch.failed', { count: result.failed })}
              </Badge>
            )}
          </Group>
          {result.failed > 0 && (
            <Alert color="orange" py="xs">
              <Text size="sm">{t('requests.batch.failedHint')}</Text>
            </Alert>
          )}
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('requests.columns.title')}</Table.Th>
                <Table.Th>{t('requests.batch.result')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.results.map((r) => (
                <Table.Tr key={r.id} data-testid="batch-result-row" data-ok={r.ok ? 'true' : 'false'}>
                  <Table.Td>
                    <Text size="sm">{result.titles.get(r.id) ?? `#${r.id}`}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      {r.ok ? <IconCircleCheck size={16} color="var(--mantine-color-green-7)" /> : <IconCircleX size={16} color="var(--mantine-color-red-7)" />}
                      <Text size="sm">{r.ok ? stateLabel(r.state) : r.error?.code === 'stale_version' ? t('requests.staleTitle') : r.error?.message}</Text>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('common.close')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

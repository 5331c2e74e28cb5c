import { useMemo, useState } from 'react';
import { Alert, Anchor, Badge, Button, Divider, Group, Modal, Paper, Radio, ScrollArea, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage, isApiError } from '../../api/client';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { DOCUMENT_TYPE_LABELS, type DocumentType } from '../../domain/labels';
import { formatBytes, formatDate } from '../../i18n/format';
import { useEmployeeDocuments } from '../documents/api';
import { DocumentUploadForm } from '../documents/DocumentUploadForm';
import { useAttachItem } from './api';
import type { ChecklistItem, RequestDetail } from './types';
import { useRequestErrors } from './useRequestErrors';

const isStale = (error: unknown) => isApiError(error) && error.status === 409;

export interface ItemDocumentModalProps {
  request: RequestDetail;
  /** The item to fill or replace; null = closed. */
  item: ChecklistItem | null;
  onClose: () => void;
}

/** Fill or replace one checklist item: a document of the asked type from the employee's vault, or a new upload. */
export function ItemDocumentModal({ request, item, onClose }: ItemDocumentModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={item !== null}
      onClose={onClose}
      title={item ? t(item.document ? 'requests.checklist.replaceTitle' : 'requests.checklist.attachTitle', { label: item.label }) : ''}
      centered
      size="lg"
    >
      {item && <ItemDocumentForm key={item.key} request={request} item={item} onClose={onClose} />}
    </Modal>
  );
}

function ItemDocumentForm({ request, item, onClose }: { request: RequestDetail; item: ChecklistItem; onClose: () => void }) {
  const { t } = useTranslation();
  const vault = useEmployeeDocuments(request.employee.id);
  const attach = useAttachItem();
  const onError = useRequestErrors(request.id);
  const [selected, setSelected] = useState<string | null>(null);
  const docType = item.docType as DocumentType;
  const typeLabel = (DOCUMENT_TYPE_LABELS as Record<string, string>)[item.docType] ?? item.docType;

  // Documents of the type the item asks for, newest first (the server accepts only these).
  const docs = useMemo(
    () => (vault.data?.items ?? []).filter((d) => d.jenis === item.docType).sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    [vault.data, item.docType],
  );

  const save = () => {
    if (!selected) return;
    attach.mutate(
      { id: request.id, key: item.key, version: request.version, documentId: Number(selected) },
      {
        onSuccess: () => {
          onClose();
          notifications.show({
            color: 'green',
            title: item.document ? t('requests.checklist.replacedTitle') : t('requests.checklist.attachedTitle'),
            message: item.label,
          });
        },
        onError: (error) => {
          // A stale version closes the dialog and reloads the request; other errors stay in the dialog.
          if (isStale(error)) {
            onClose();
            onError(error);
          }
        },
      },
    );
  };

  return (
    <Stack gap="md" data-testid="item-document-dialog">
      <Text size="sm">{t('requests.checklist.pickExplain', { jenis: typeLabel })}</Text>
      <Paper withBorder p="sm" radius="md">
        {vault.isPending ? (
          <LoadingState />
        ) : vault.isError ? (
          <ErrorState error={vault.error} onRetry={() => void vault.refetch()} />
        ) : docs.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="item-vault-empty">
            {t('requests.checklist.vaultEmpty', { jenis: typeLabel })}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={220} type="auto">
            <Radio.Group value={selected} onChange={setSelected} aria-label={t('requests.checklist.vaultLabel')}>
              <Stack gap={10}>
                {docs.map((doc) => {
                  const current = doc.id === item.document?.id;
                  return (
                    <Group key={doc.id} justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                      <Radio
                        value={String(doc.id)}
                        disabled={current}
                        label={
                          <Group gap={6} wrap="wrap">
                            <Text size="sm" fw={500} span style={{ overflowWrap: 'anywhere' }}>
                              {doc.title}
                            </Text>
                            {current && (
                              <Badge size="xs" color="gray" tt="none">
                                {t('requests.checklist.currentDocument')}
                              </Badge>
                            )}
                          </Group>
                        }
                        description={`${doc.originalName} · ${formatBytes(doc.sizeBytes)} · ${formatDate(doc.createdAt.slice(0, 10))}`}
                        styles={{ description: { overflowWrap: 'anywhere' } }}
                        data-testid="item-doc-option"
                        data-document-id={doc.id}
                      />
                      <Anchor href={doc.viewUrl} target="_blank" rel="noopener noreferrer" size="xs" style={{ flex: 'none' }}>
                        {t('documents.open')}
                      </Anchor>
                    </Group>
                  );
                })}
              </Stack>
            </Radio.Group>
          </ScrollArea.Autosize>
        )}
      </Paper>
      <Divider label={t('changeForm.orUpload')} labelPosition="center" />
      <DocumentUploadForm employeeId={request.employee.id} defaultJenis={docType} idPrefix="item-upload" onUploaded={(doc) => setSelected(String(doc.id))} />
      {attach.isError && !isStale(attach.error) && (
        <Alert color="red" title={t('requests.checklist.attachFailed')} py="xs" data-testid="item-attach-error">
          <Text size="sm">{errorMessage(attach.error)}</Text>
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} disabled={attach.isPending}>
          {t('common.cancel')}
        </Button>
        <Button onClick={save} disabled={!selected} loading={attach.isPending} leftSection={<IconCheck size={16} />} data-testid="item-save">
          {t('requests.checklist.useDocument')}
        </Button>
      </Group>
    </Stack>
  );
}

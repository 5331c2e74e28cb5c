import { useEffect, useMemo, useRef } from 'react';
import { Anchor, Badge, Box, Checkbox, Divider, Group, Input, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentType } from '../../domain/labels';
import { DOCUMENT_TYPE_LABELS } from '../../domain/labels';
import { formatBytes, formatDate } from '../../i18n/format';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { useEmployeeDocuments } from '../documents/api';
import { DocumentUploadForm } from '../documents/DocumentUploadForm';

export interface DocumentPickerProps {
  employeeId: number;
  /** The document type that supports this record (listed first, default of the upload). */
  documentType: DocumentType;
  slotKey?: string;
  selected: number[];
  onChange: (ids: number[]) => void;
  required: boolean;
  error?: string;
}

/** Choose supporting documents from the employee's vault, or upload a new one inline. */
export function DocumentPicker({ employeeId, documentType, slotKey, selected, onChange, required, error }: DocumentPickerProps) {
  const { t } = useTranslation();
  const query = useEmployeeDocuments(employeeId);
  const docs = useMemo(() => {
    const items = query.data?.items ?? [];
    return [...items].sort((a, b) => Number(b.jenis === documentType) - Number(a.jenis === documentType) || b.createdAt.localeCompare(a.createdAt));
  }, [query.data, documentType]);

  // A selected document replaced by a newer version is no longer offered: drop it when the list is refreshed.
  const latest = useRef({ selected, onChange });
  latest.current = { selected, onChange };
  useEffect(() => {
    if (!query.data) return;
    const ids = new Set(query.data.items.map((d) => d.id));
    const { selected: current, onChange: update } = latest.current;
    const kept = current.filter((id) => ids.has(id));
    if (kept.length !== current.length) update(kept);
  }, [query.data]);

  const toggle = (id: number, checked: boolean) => onChange(checked ? [...new Set([...selected, id])] : selected.filter((x) => x !== id));

  return (
    <Input.Wrapper
      label={t('changeForm.documents')}
      description={required ? t('changeForm.documentsRequired', { jenis: DOCUMENT_TYPE_LABELS[documentType] }) : t('changeForm.documentsOptional')}
      withAsterisk={required}
      error={error}
      data-testid="document-picker"
    >
      <Paper withBorder p="sm" mt={6} radius="md">
        <Stack gap="sm">
          {query.isPending ? (
            <LoadingState />
          ) : query.isError ? (
            <ErrorState error={query.error} onRetry={() => void query.refetch()} />
          ) : docs.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="document-picker-empty">
              {t('changeForm.noDocuments')}
            </Text>
          ) : (
            <ScrollArea.Autosize mah={200} type="auto">
              <Stack gap={8} role="group" aria-label={t('changeForm.existingDocuments')}>
                {docs.map((doc) => (
                  <Group key={doc.id} justify="space-between" wrap="nowrap" gap="xs">
                    <Checkbox
                      checked={selected.includes(doc.id)}
                      onChange={(e) => toggle(doc.id, e.currentTarget.checked)}
                      label={
                        <Group gap={6} wrap="wrap">
                          <Text size="sm" fw={500} span>
                            {doc.title}
                          </Text>
                          <Badge size="xs" color={doc.jenis === documentType ? 'simak' : 'gray'}>
                            {DOCUMENT_TYPE_LABELS[doc.jenis]}
                          </Badge>
                        </Group>
                      }
                      description={`${doc.originalName} · ${formatBytes(doc.sizeBytes)} · ${formatDate(doc.createdAt.slice(0, 10))}`}
                      data-testid="document-picker-option"
                      data-document-id={doc.id}
                    />
                    <Anchor href={doc.viewUrl} target="_blank" rel="noopener noreferrer" size="xs" style={{ flex: 'none' }}>
                      {t('documents.open')}
                    </Anchor>
                  </Group>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
          <Divider label={t('changeForm.orUpload')} labelPosition="center" />
          <Box>
            <DocumentUploadForm
              employeeId={employeeId}
              defaultJenis={documentType}
              slotKey={slotKey}
              compact
              idPrefix="picker-upload"
              onUploaded={(doc) => onChange([...new Set([...selected, doc.id])])}
            />
          </Box>
        </Stack>
      </Paper>
    </Input.Wrapper>
  );
}

import { useState } from 'react';
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconEye, IconFileText, IconPhoto } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { DOCUMENT_TYPE_LABELS } from '../../domain/labels';
import { formatBytes } from '../../i18n/format';
import { DocumentPreview, DownloadButton } from '../documents/DocumentPreview';
import type { RequestDocument } from './types';

export interface DocumentsPanelProps {
  documents: RequestDocument[];
  emptyTitle?: string;
  /** Roles whose documents are not previewed on arrival (e.g. the KGB letter, which has its own preview). */
  skipInitialPreview?: string[];
  /** Preview the first document on arrival (off when the checklist shows the documents already). */
  initialPreview?: boolean;
  /** Documents replaced on the checklist since (still listed, marked as replaced). */
  replacedIds?: number[];
}

/** Every document linked to a request, with an inline preview of the chosen one. */
export function DocumentsPanel({ documents, emptyTitle, skipInitialPreview = [], initialPreview = true, replacedIds = [] }: DocumentsPanelProps) {
  const { t, i18n } = useTranslation();
  const [selectedId, setSelectedId] = useState<number | null>(
    initialPreview ? (documents.find((d) => !d.role || !skipInitialPreview.includes(d.role))?.id ?? null) : null,
  );
  const selected = documents.find((d) => d.id === selectedId) ?? null;
  if (documents.length === 0) {
    return <EmptyState icon={<IconFileText size={30} stroke={1.5} />} title={emptyTitle ?? t('requests.detail.noDocuments')} data-testid="request-documents-empty" />;
  }
  return (
    <Stack gap="md">
      <Stack gap="xs" data-testid="request-documents">
        {documents.map((doc) => {
          const Icon = doc.mimeType.startsWith('image/') ? IconPhoto : IconFileText;
          const active = doc.id === selectedId;
          return (
            <Group
              key={doc.id}
              justify="space-between"
              wrap="wrap"
              gap="xs"
              p="xs"
              style={{
                border: `1px solid var(--mantine-color-${active ? 'simak-3' : 'gray-3'})`,
                borderRadius: 8,
                background: active ? 'var(--mantine-color-simak-0)' : undefined,
              }}
              data-testid="request-document"
              data-document-id={doc.id}
            >
              <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flex: '1 1 260px' }}>
                <Icon size={22} stroke={1.5} color="var(--mantine-color-simak-7)" aria-hidden />
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Group gap={6} wrap="wrap">
                    <Text size="sm" fw={600}>
                      {doc.title}
                    </Text>
                    {replacedIds.includes(doc.id) && (
                      <Badge size="xs" variant="light" color="gray" tt="none" data-testid="request-document-replaced">
                        {t('requests.detail.replacedDocument')}
                      </Badge>
                    )}
                    {doc.role && i18n.exists(`requests.documentRoles.${doc.role}`) && (
                      <Badge size="xs" variant="light" color={doc.role === 'SURAT' ? 'green' : 'gray'} tt="none" data-testid="request-document-role">
                        {t(`requests.documentRoles.${doc.role}`)}
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {(DOCUMENT_TYPE_LABELS as Record<string, string>)[doc.jenis] ?? doc.jenis} · {doc.originalName} · {formatBytes(doc.sizeBytes)} ·{' '}
                    {t('documents.version', { version: doc.version })}
                  </Text>
                </Stack>
              </Group>
              <Group gap="xs">
                {doc.viewUrl && (
                  <Button
                    size="xs"
                    variant={active ? 'filled' : 'light'}
                    leftSection={<IconEye size={14} />}
                    onClick={() => setSelectedId(doc.id)}
                    aria-pressed={active}
                    data-testid="request-document-preview"
                  >
                    {t('documents.preview')}
                  </Button>
                )}
                <DownloadButton doc={doc} />
              </Group>
            </Group>
          );
        })}
      </Stack>
      {selected && <DocumentPreview doc={selected} height={520} />}
    </Stack>
  );
}

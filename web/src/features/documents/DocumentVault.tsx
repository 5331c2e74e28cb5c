import { useMemo, useState } from 'react';
import { Badge, Button, Card, Collapse, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconEye, IconFiles } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { DOCUMENT_TYPE_LABELS } from '../../domain/labels';
import { formatBytes, formatDateTime } from '../../i18n/format';
import { useEmployeeDocuments, type DocumentView } from './api';
import { DocumentPreviewModal, DownloadButton } from './DocumentPreview';
import { DocumentUploadForm } from './DocumentUploadForm';

interface Slot {
  slotKey: string;
  current: DocumentView;
  older: DocumentView[];
}

interface TypeGroup {
  jenis: DocumentView['jenis'];
  slots: Slot[];
}

/** Groups the versions (ordered type, slot, newest version first) by type and slot. */
export function groupDocuments(items: DocumentView[]): TypeGroup[] {
  const groups: TypeGroup[] = [];
  for (const doc of items) {
    let group = groups.find((g) => g.jenis === doc.jenis);
    if (!group) {
      group = { jenis: doc.jenis, slots: [] };
      groups.push(group);
    }
    let slot = group.slots.find((s) => s.slotKey === doc.slotKey);
    if (!slot) {
      slot = { slotKey: doc.slotKey, current: doc, older: [] };
      group.slots.push(slot);
    } else if (doc.isCurrent && !slot.current.isCurrent) {
      slot.older.unshift(slot.current);
      slot.current = doc;
    } else {
      slot.older.push(doc);
    }
  }
  for (const g of groups) for (const s of g.slots) s.older.sort((a, b) => b.version - a.version);
  return groups;
}

function VersionLine({ doc, onPreview }: { doc: DocumentView; onPreview: (d: DocumentView) => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" wrap="wrap" gap="xs" data-testid="document-row" data-document-id={doc.id}>
      <Stack gap={0} style={{ minWidth: 0, flex: '1 1 240px' }}>
        <Group gap={6}>
          <Text fw={600} size="sm">
            {doc.title}
          </Text>
          <Badge size="xs" color={doc.isCurrent ? 'green' : 'gray'}>
            {t('documents.version', { version: doc.version })}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {doc.originalName} · {formatBytes(doc.sizeBytes)} · {formatDateTime(doc.createdAt)}
        </Text>
      </Stack>
      <Group gap="xs">
        <Button size="xs" variant="light" leftSection={<IconEye size={14} />} onClick={() => onPreview(doc)} data-testid="document-preview-button">
          {t('documents.preview')}
        </Button>
        <DownloadButton doc={doc} />
      </Group>
    </Group>
  );
}

function SlotItem({ slot, onPreview }: { slot: Slot; onPreview: (d: DocumentView) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Stack gap={6} py="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
      <VersionLine doc={slot.current} onPreview={onPreview} />
      {slot.older.length > 0 && (
        <>
          <Group>
            <Button
              variant="subtle"
              size="compact-xs"
              onClick={() => setOpen((o) => !o)}
              rightSection={open ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />}
              aria-expanded={open}
              data-testid="document-history-toggle"
            >
              {t('documents.history', { count: slot.older.length })}
            </Button>
          </Group>
          <Collapse expanded={open}>
            <Table withRowBorders={false} verticalSpacing={4} fz="xs">
              <Table.Tbody>
                {slot.older.map((doc) => (
                  <Table.Tr key={doc.id}>
                    <Table.Td>
                      <VersionLine doc={doc} onPreview={onPreview} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Collapse>
        </>
      )}
    </Stack>
  );
}

export interface DocumentVaultProps {
  employeeId: number;
  canUpload: boolean;
}

/** An employee's vault: documents grouped by type with their versions, and the upload form. */
export function DocumentVault({ employeeId, canUpload }: DocumentVaultProps) {
  const { t } = useTranslation();
  const query = useEmployeeDocuments(employeeId, true);
  const [preview, setPreview] = useState<DocumentView | null>(null);
  const groups = useMemo(() => groupDocuments(query.data?.items ?? []), [query.data]);

  const list = query.isPending ? (
    <LoadingState />
  ) : query.isError ? (
    <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
  ) : groups.length === 0 ? (
    <EmptyState icon={<IconFiles size={30} stroke={1.5} />} title={t('documents.empty')} description={canUpload ? t('documents.emptyHint') : undefined} />
  ) : (
    <Stack gap="md" data-testid="document-groups">
      {groups.map((group) => (
        <Card key={group.jenis} padding="md" data-testid={`document-group-${group.jenis}`}>
          <Group justify="space-between" mb={4}>
            <Title order={3} size="h5">
              {DOCUMENT_TYPE_LABELS[group.jenis]}
            </Title>
            <Badge color="gray" variant="outline" tt="none">
              {t('documents.count', { count: group.slots.length })}
            </Badge>
          </Group>
          {group.slots.map((slot) => (
            <SlotItem key={slot.slotKey} slot={slot} onPreview={setPreview} />
          ))}
        </Card>
      ))}
    </Stack>
  );

  return (
    <>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: canUpload ? 8 : 12 }}>{list}</Grid.Col>
        {canUpload && (
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Card>
              <Title order={3} size="h5" mb="sm">
                {t('documents.uploadTitle')}
              </Title>
              <DocumentUploadForm employeeId={employeeId} idPrefix="vault-upload" />
            </Card>
          </Grid.Col>
        )}
      </Grid>
      <DocumentPreviewModal doc={preview} onClose={() => setPreview(null)} />
    </>
  );
}

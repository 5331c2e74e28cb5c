import { Box, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileUnknown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../i18n/format';

export interface PreviewableDocument {
  id: number;
  title: string;
  originalName: string;
  mimeType: string;
  sizeBytes?: number;
  viewUrl: string | null;
  downloadUrl: string | null;
}

/** Inline preview: a PDF in an iframe, an image as <img>. */
export function DocumentPreview({ doc, height = 560 }: { doc: PreviewableDocument; height?: number | string }) {
  const { t } = useTranslation();
  if (!doc.viewUrl) {
    return (
      <Text size="sm" c="dimmed">
        {t('documents.noAccess')}
      </Text>
    );
  }
  if (doc.mimeType === 'application/pdf') {
    return (
      <Box
        component="iframe"
        src={doc.viewUrl}
        title={t('documents.previewOf', { title: doc.title })}
        w="100%"
        h={height}
        style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, background: 'white' }}
        data-testid="document-preview-pdf"
      />
    );
  }
  if (doc.mimeType.startsWith('image/')) {
    return (
      <Box
        ta="center"
        p="xs"
        style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, background: 'var(--mantine-color-gray-0)' }}
      >
        <img
          src={doc.viewUrl}
          alt={doc.title}
          style={{ maxWidth: '100%', maxHeight: typeof height === 'number' ? height : undefined, objectFit: 'contain' }}
          data-testid="document-preview-image"
        />
      </Box>
    );
  }
  return (
    <Group gap="xs" c="dimmed">
      <IconFileUnknown size={18} />
      <Text size="sm">{t('documents.noPreview')}</Text>
    </Group>
  );
}

export function DownloadButton({ doc, size = 'xs' }: { doc: PreviewableDocument; size?: 'xs' | 'sm' | 'compact-sm' | 'compact-xs' }) {
  const { t } = useTranslation();
  if (!doc.downloadUrl) return null;
  return (
    <Button
      component="a"
      href={doc.downloadUrl}
      download
      size={size}
      variant="default"
      leftSection={<IconDownload size={14} />}
      aria-label={t('documents.downloadNamed', { name: doc.originalName })}
      data-testid="document-download"
    >
      {t('documents.download')}
    </Button>
  );
}

/** The preview in a modal, with the download button. */
export function DocumentPreviewModal({ doc, onClose }: { doc: PreviewableDocument | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={doc !== null} onClose={onClose} size="xl" title={doc?.title ?? t('documents.preview')} centered>
      {doc && (
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" c="dimmed">
              {doc.originalName}
              {doc.sizeBytes !== undefined ? ` · ${formatBytes(doc.sizeBytes)}` : ''}
            </Text>
            <DownloadButton doc={doc} />
          </Group>
          <DocumentPreview doc={doc} height="70vh" />
        </Stack>
      )}
    </Modal>
  );
}

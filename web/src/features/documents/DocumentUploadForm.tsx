import { useState, type FormEvent } from 'react';
import { Alert, Button, FileInput, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPaperclip, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { detailMessages, errorMessage, isApiError } from '../../api/client';
import { DOCUMENT_TYPE_LABELS, DOCUMENT_TYPES, type DocumentType } from '../../domain/labels';
import { ACCEPTED_EXTENSIONS, MAX_UPLOAD_BYTES, useUploadDocument, type DocumentView } from './api';

const JENIS_OPTIONS = DOCUMENT_TYPES.map((value) => ({ value, label: DOCUMENT_TYPE_LABELS[value] }));
const EXTENSIONS = ACCEPTED_EXTENSIONS.split(',');

export interface DocumentUploadFormProps {
  employeeId: number;
  defaultJenis?: DocumentType;
  /** Slot of the record the document supports (only used while the type is `defaultJenis`). */
  slotKey?: string;
  onUploaded?: (doc: DocumentView) => void;
  /** Smaller layout used inside the proposal form. */
  compact?: boolean;
  /** Prefix for test ids and input ids (several forms can be on one page). */
  idPrefix?: string;
}

export function DocumentUploadForm({ employeeId, defaultJenis, slotKey, onUploaded, compact = false, idPrefix = 'upload' }: DocumentUploadFormProps) {
  const { t } = useTranslation();
  const upload = useUploadDocument();
  const [jenis, setJenis] = useState<DocumentType | null>(defaultJenis ?? null);
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ jenis?: string; file?: string }>({});
  const limitLabel = t('documents.limit', { size: `${MAX_UPLOAD_BYTES / (1024 * 1024)} MB` });

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    event?.stopPropagation();
    const next: typeof errors = {};
    if (!jenis) next.jenis = t('documents.jenisRequired');
    if (!file) next.file = t('documents.fileRequired');
    else if (file.size > MAX_UPLOAD_BYTES) next.file = t('documents.fileTooLarge', { size: `${MAX_UPLOAD_BYTES / (1024 * 1024)} MB` });
    else if (!EXTENSIONS.some((ext) => file.name.toLowerCase().endsWith(ext))) next.file = t('documents.fileType');
    setErrors(next);
    if (next.jenis || next.file || !jenis || !file) return;
    upload.mutate(
      { employeeId, file, jenis, title, slotKey: slotKey && jenis === defaultJenis ? slotKey : undefined },
      {
        onSuccess: ({ document }) => {
          notifications.show({ color: 'green', title: t('documents.uploadedTitle'), message: t('documents.uploaded', { title: document.title }) });
          setFile(null);
          setTitle('');
          onUploaded?.(document);
        },
      },
    );
  };

  const serverDetails = isApiError(upload.error) ? detailMessages(upload.error.details) : [];

  const fields = (
    <>
      <Select
        id={`${idPrefix}-jenis`}
        label={t('documents.jenis')}
        data={JENIS_OPTIONS}
        value={jenis}
        onChange={(v) => setJenis((v as DocumentType | null) ?? null)}
        searchable
        required
        error={errors.jenis}
        data-testid={`${idPrefix}-jenis`}
        comboboxProps={{ withinPortal: true }}
      />
      <TextInput
        id={`${idPrefix}-title`}
        label={t('documents.title')}
        description={t('documents.titleHint')}
        value={title}
        maxLength={200}
        onChange={(e) => setTitle(e.currentTarget.value)}
        data-testid={`${idPrefix}-title`}
      />
      <FileInput
        id={`${idPrefix}-file`}
        label={t('documents.file')}
        description={`${t('documents.fileHint')} ${limitLabel}`}
        placeholder={t('documents.choose')}
        accept={ACCEPTED_EXTENSIONS}
        value={file}
        onChange={(f) => setFile(f)}
        clearable
        required
        error={errors.file}
        leftSection={<IconPaperclip size={16} />}
        data-testid={`${idPrefix}-file`}
      />
    </>
  );

  // The proposal form is itself a <form>: the compact variant must not nest one.
  const body = (
    <Stack gap="sm">
      {compact ? (
        <Group grow align="flex-start" gap="sm" wrap="wrap">
          {fields}
        </Group>
      ) : (
        fields
      )}
      {upload.isError && (
        <Alert color="red" title={t('documents.uploadFailed')} data-testid={`${idPrefix}-error`}>
          <Text size="sm">{errorMessage(upload.error)}</Text>
          {serverDetails.map((m) => (
            <Text size="sm" key={m}>
              {m}
            </Text>
          ))}
        </Alert>
      )}
      <Group justify={compact ? 'flex-end' : 'flex-start'}>
        <Button
          type={compact ? 'button' : 'submit'}
          onClick={compact ? () => submit() : undefined}
          leftSection={<IconUpload size={16} />}
          loading={upload.isPending}
          variant={compact ? 'light' : 'filled'}
          data-testid={`${idPrefix}-submit`}
        >
          {t('documents.upload')}
        </Button>
      </Group>
    </Stack>
  );

  if (compact) return body;
  return (
    <form onSubmit={submit} noValidate aria-label={t('documents.uploadTitle')}>
      {body}
    </form>
  );
}

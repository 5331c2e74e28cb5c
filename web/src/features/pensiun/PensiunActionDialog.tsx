import { useState, type FormEvent } from 'react';
import { Modal, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { PensiunBknInput, PensiunSkInput } from '@simak/shared/api/pensiun';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format';
import { MAX_UPLOAD_BYTES, useUploadDocument } from '../documents/api';
import { ActionDialog } from '../requests/ActionDialogs';
import { AttemptError, DialogButtons, dateProps, SignedPdfInput, UploadDialogFooter } from '../requests/DialogParts';
import type { RequestActionDialogProps } from '../requests/views';
import { pensiunDetailsOf } from './PensiunDetailsPanel';

/** BKN's pertek: number and date. */
function PertekForm({ pending, error, onClose, onConfirm }: Omit<RequestActionDialogProps, 'action'>) {
  const { t } = useTranslation();
  const [nomor, setNomor] = useState('');
  const [tanggal, setTanggal] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ nomor?: string; tanggal?: string }>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = { nomor: nomor.trim() ? undefined : t('pangkat.action.required'), tanggal: tanggal ? undefined : t('pangkat.action.required') };
    setErrors(next);
    if (next.nomor || next.tanggal || !tanggal) return;
    onConfirm(note.trim() || undefined, { nomor: nomor.trim(), tanggal } satisfies PensiunBknInput);
  };
  return (
    <form onSubmit={submit} noValidate data-testid="action-dialog-record_pertek">
      <Stack gap="md">
        <Text size="sm">{t('pensiun.action.pertekExplain')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('pangkat.details.pertekNomor')} value={nomor} onChange={(e) => setNomor(e.currentTarget.value)} maxLength={100} withAsterisk error={errors.nomor} data-testid="pensiun-pertek-nomor" />
          <DateInput {...dateProps(t('pangkat.details.pertekTanggal'), 'pensiun-pertek-tanggal')} value={tanggal} onChange={setTanggal} error={errors.tanggal} />
        </SimpleGrid>
        <Textarea label={t('requests.actionDialog.noteOptional')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={1500} />
        <AttemptError testId="pensiun-action-error" error={error} />
        <DialogButtons pending={pending} onClose={onClose} label={t('pangkat.action.recordPertek')} />
      </Stack>
    </form>
  );
}

/** The SK pensiun: number, date, TMT (prefilled from the file), the signed PDF uploaded to the employee's vault. */
function SkForm({ request, pending, error, onClose, onConfirm }: Omit<RequestActionDialogProps, 'action'>) {
  const { t } = useTranslation();
  const d = pensiunDetailsOf(request);
  const upload = useUploadDocument();
  const [nomorSk, setNomorSk] = useState('');
  const [tanggalSk, setTanggalSk] = useState<string | null>(null);
  const [tmt, setTmt] = useState<string | null>(d.tmtPensiun);
  const [file, setFile] = useState<File | null>(null);
  const [uploaded, setUploaded] = useState<{ file: File; id: number } | null>(null);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const edit =
    <V,>(key: string, set: (v: V) => void) =>
    (v: V) => {
      set(v);
      setErrors((e) => ({ ...e, [key]: undefined }));
    };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const req = t('pangkat.action.required');
    const next: Record<string, string | undefined> = {
      nomorSk: nomorSk.trim() ? undefined : req,
      tanggalSk: tanggalSk ? undefined : req,
      tmt: tmt ? undefined : req,
      file: !file ? t('pangkat.action.fileRequired') : !file.name.toLowerCase().endsWith('.pdf') ? t('pangkat.action.pdfOnly') : file.size > MAX_UPLOAD_BYTES ? t('documents.fileTooLarge', { size: `${MAX_UPLOAD_BYTES / (1024 * 1024)} MB` }) : undefined,
    };
    setErrors(next);
    if (Object.values(next).some(Boolean) || !file || !tanggalSk || !tmt) return;
    const send = (documentId: number) => onConfirm(undefined, { nomorSk: nomorSk.trim(), tanggalSk, tmt, documentId } satisfies PensiunSkInput);
    if (uploaded && uploaded.file === file) return send(uploaded.id);
    upload.mutate(
      { employeeId: request.employee.id, file, jenis: 'SK_PENSIUN', title: `SK pensiun ${nomorSk.trim()}` },
      {
        onSuccess: ({ document }) => {
          setUploaded({ file, id: document.id });
          send(document.id);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate data-testid="action-dialog-record_sk">
      <Stack gap="md">
        <Text size="sm">{t('pensiun.action.skExplain', { tmt: formatDate(d.tmtPensiun) })}</Text>
        {d.bkn?.nomor && (
          <Text size="sm" c="dimmed">
            {t('pensiun.action.pertekKnown', { nomor: d.bkn.nomor, tanggal: formatDate(d.bkn.tanggal) })}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('pangkat.details.skNomor')} value={nomorSk} onChange={(e) => edit('nomorSk', setNomorSk)(e.currentTarget.value)} maxLength={100} withAsterisk error={errors.nomorSk} data-testid="pensiun-sk-nomor-input" />
          <DateInput {...dateProps(t('pangkat.details.skTanggal'), 'pensiun-sk-tanggal-input')} value={tanggalSk} onChange={edit('tanggalSk', setTanggalSk)} error={errors.tanggalSk} />
          <DateInput {...dateProps(t('pensiun.fields.tmt'), 'pensiun-sk-tmt-input')} value={tmt} onChange={edit('tmt', setTmt)} error={errors.tmt} />
        </SimpleGrid>
        <SignedPdfInput label={t('pensiun.action.skFile')} value={file} onChange={edit('file', setFile)} error={errors.file} testId="pensiun-sk-file" />
        <UploadDialogFooter uploadError={upload.error} error={error} errorTestId="pensiun-action-error" pending={pending || upload.isPending} onClose={onClose} label={t('pensiun.action.recordSk')} />
      </Stack>
    </form>
  );
}

/** Pension actions with input: the pertek and the SK (signed PDF uploaded); others keep the note dialog. */
export function PensiunActionDialog(props: RequestActionDialogProps) {
  const { t } = useTranslation();
  const { action, onClose } = props;
  if (action?.action !== 'record_pertek' && action?.action !== 'record_sk') {
    return <ActionDialog action={action} pending={props.pending} onClose={onClose} onConfirm={(note) => props.onConfirm(note)} />;
  }
  return (
    <Modal opened onClose={onClose} title={t('requests.actionDialog.title', { action: action.label })} centered size="lg">
      {action.action === 'record_pertek' ? <PertekForm {...props} /> : <SkForm {...props} />}
    </Modal>
  );
}

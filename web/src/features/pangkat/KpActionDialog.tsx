import { useState, type FormEvent } from 'react';
import { Loader, Modal, NumberInput, Paper, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { KpSkForm, KpSkInput } from '@simak/shared/api/pangkat';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { golonganWithPangkat } from '../../domain/labels';
import { formatDate, formatMoney } from '../../i18n/format';
import { MAX_UPLOAD_BYTES, useUploadDocument } from '../documents/api';
import { ActionDialog } from '../requests/ActionDialogs';
import { AttemptError, DialogButtons, dateProps, SignedPdfInput, UploadDialogFooter } from '../requests/DialogParts';
import type { RequestActionDialogProps } from '../requests/views';
import { useSkForm } from './api';
import { kpDetailsOf } from './KpDetailsPanel';

function PertekFields({ nomor, tanggal, onNomor, onTanggal, errors }: { nomor: string; tanggal: string | null; onNomor: (v: string) => void; onTanggal: (v: string | null) => void; errors: { nomor?: string; tanggal?: string } }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput label={t('pangkat.details.pertekNomor')} value={nomor} onChange={(e) => onNomor(e.currentTarget.value)} maxLength={100} withAsterisk error={errors.nomor} data-testid="kp-pertek-nomor-input" />
      <DateInput {...dateProps(t('pangkat.details.pertekTanggal'), 'kp-pertek-tanggal-input')} value={tanggal} onChange={onTanggal} error={errors.tanggal} />
    </SimpleGrid>
  );
}

function PertekForm({ request, pending, error, onClose, onConfirm }: Omit<RequestActionDialogProps, 'action'>) {
  const { t } = useTranslation();
  const d = kpDetailsOf(request);
  const [nomor, setNomor] = useState('');
  const [tanggal, setTanggal] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ nomor?: string; tanggal?: string }>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = { nomor: nomor.trim() ? undefined : t('pangkat.action.required'), tanggal: tanggal ? undefined : t('pangkat.action.required') };
    setErrors(next);
    if (next.nomor || next.tanggal || !tanggal) return;
    onConfirm(note.trim() || undefined, { nomor: nomor.trim(), tanggal });
  };
  return (
    <form onSubmit={submit} noValidate data-testid="action-dialog-record_pertek">
      <Stack gap="md">
        <Text size="sm">{t('pangkat.action.pertekExplain', { label: d.route.pertekLabel })}</Text>
        <PertekFields
          nomor={nomor}
          tanggal={tanggal}
          onNomor={(v) => {
            setNomor(v);
            setErrors((e) => ({ ...e, nomor: undefined }));
          }}
          onTanggal={(v) => {
            setTanggal(v);
            setErrors((e) => ({ ...e, tanggal: undefined }));
          }}
          errors={errors}
        />
        <Textarea label={t('requests.actionDialog.noteOptional')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={1500} />
        <AttemptError testId="kp-action-error" error={error} />
        <DialogButtons pending={pending} onClose={onClose} label={t('pangkat.action.recordPertek')} />
      </Stack>
    </form>
  );
}

function SkForm({ request, form, pending, error, onClose, onConfirm }: Omit<RequestActionDialogProps, 'action'> & { form: KpSkForm }) {
  const { t } = useTranslation();
  const upload = useUploadDocument();
  const [nomorSk, setNomorSk] = useState('');
  const [tanggalSk, setTanggalSk] = useState<string | null>(null);
  const [mkgTahun, setMkgTahun] = useState<number | ''>(form.mkgTahun);
  const [mkgBulan, setMkgBulan] = useState<number | ''>(form.mkgBulan);
  const [pertekNomor, setPertekNomor] = useState('');
  const [pertekTanggal, setPertekTanggal] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  // The uploaded SK, reused while the same file is chosen (a corrected form does not upload it again).
  const [uploaded, setUploaded] = useState<{ file: File; id: number } | null>(null);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const askPertek = form.pertek === null;
  /** A setter that also clears the field's error. */
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
      mkgTahun: mkgTahun === '' ? req : undefined,
      mkgBulan: mkgBulan === '' ? req : undefined,
      file: !file ? t('pangkat.action.fileRequired') : !file.name.toLowerCase().endsWith('.pdf') ? t('pangkat.action.pdfOnly') : file.size > MAX_UPLOAD_BYTES ? t('documents.fileTooLarge', { size: `${MAX_UPLOAD_BYTES / (1024 * 1024)} MB` }) : undefined,
      pertekNomor: askPertek && form.pertekRequired && !pertekNomor.trim() ? req : undefined,
      pertekTanggal: askPertek && form.pertekRequired && !pertekTanggal ? req : undefined,
    };
    setErrors(next);
    if (Object.values(next).some(Boolean) || !file || !tanggalSk || mkgTahun === '' || mkgBulan === '') return;
    const send = (documentId: number) => {
      const data: KpSkInput = {
        nomorSk: nomorSk.trim(),
        tanggalSk,
        mkgTahun,
        mkgBulan,
        documentId,
        ...(askPertek && pertekNomor.trim() && pertekTanggal ? { pertek: { nomor: pertekNomor.trim(), tanggal: pertekTanggal } } : {}),
      };
      onConfirm(undefined, data);
    };
    if (uploaded && uploaded.file === file) return send(uploaded.id);
    upload.mutate(
      { employeeId: request.employee.id, file, jenis: 'SK_PANGKAT', title: `SK kenaikan pangkat ${nomorSk.trim()}` },
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
        <Paper withBorder p="sm" radius="md" bg="gray.0" data-testid="kp-sk-prefill">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('pangkat.details.tmtNew')}
              </Text>
              <Text size="sm" fw={600}>
                {formatDate(form.tmt)}
              </Text>
            </Stack>
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('pangkat.details.golonganNew')}
              </Text>
              <Text size="sm" fw={600}>
                {golonganWithPangkat(form.golongan)}
              </Text>
            </Stack>
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('fields.gajiPokok')}
              </Text>
              <Text size="sm" fw={600} data-testid="kp-sk-gaji">
                {formatMoney(form.gajiPokok)}
              </Text>
              {form.regulation && (
                <Text size="xs" c="dimmed">
                  {form.regulation}
                </Text>
              )}
            </Stack>
          </SimpleGrid>
        </Paper>
        {form.pertek ? (
          <Text size="sm" data-testid="kp-sk-pertek-known">
            {t('pangkat.action.pertekKnown', { label: form.pertekLabel, nomor: form.pertek.nomor, tanggal: formatDate(form.pertek.tanggal) })}
          </Text>
        ) : (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {form.pertekLabel}
              {form.pertekRequired ? ` (${t('pangkat.action.pertekRequired')})` : ''}
            </Text>
            <PertekFields nomor={pertekNomor} tanggal={pertekTanggal} onNomor={edit('pertekNomor', setPertekNomor)} onTanggal={edit('pertekTanggal', setPertekTanggal)} errors={{ nomor: errors.pertekNomor, tanggal: errors.pertekTanggal }} />
          </Stack>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('pangkat.details.skNomor')} value={nomorSk} onChange={(e) => edit('nomorSk', setNomorSk)(e.currentTarget.value)} maxLength={100} withAsterisk error={errors.nomorSk} data-testid="kp-sk-nomor-input" />
          <DateInput {...dateProps(t('pangkat.details.skTanggal'), 'kp-sk-tanggal-input')} value={tanggalSk} onChange={edit('tanggalSk', setTanggalSk)} error={errors.tanggalSk} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput label={t('pangkat.action.mkgTahun')} value={mkgTahun} onChange={(v) => edit<number | ''>('mkgTahun', setMkgTahun)(typeof v === 'number' ? v : '')} min={0} max={60} allowDecimal={false} allowNegative={false} withAsterisk error={errors.mkgTahun} data-testid="kp-sk-mkg-tahun" />
          <NumberInput label={t('pangkat.action.mkgBulan')} value={mkgBulan} onChange={(v) => edit<number | ''>('mkgBulan', setMkgBulan)(typeof v === 'number' ? v : '')} min={0} max={11} allowDecimal={false} allowNegative={false} withAsterisk error={errors.mkgBulan} data-testid="kp-sk-mkg-bulan" />
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt={-8}>
          {t('pangkat.action.mkgHint', { tahun: form.mkgTahun, bulan: form.mkgBulan })}
        </Text>
        <SignedPdfInput label={t('pangkat.action.skFile')} value={file} onChange={edit('file', setFile)} error={errors.file} testId="kp-sk-file" />
        <UploadDialogFooter uploadError={upload.error} error={error} errorTestId="kp-action-error" pending={pending || upload.isPending} onClose={onClose} label={t('pangkat.action.recordSk')} />
      </Stack>
    </form>
  );
}

function SkDialogBody(props: Omit<RequestActionDialogProps, 'action'>) {
  const form = useSkForm(props.request.id, true);
  if (form.isPending) return <Loader size="sm" />;
  if (form.isError) return <ErrorState error={form.error} onRetry={() => void form.refetch()} />;
  return <SkForm {...props} form={form.data} />;
}

/** KP actions with input: the pertek (number, date) and the SK (prefilled figures, the signed PDF uploaded); others keep the note dialog. */
export function KpActionDialog(props: RequestActionDialogProps) {
  const { t } = useTranslation();
  const { action, onClose } = props;
  if (action?.action !== 'record_pertek' && action?.action !== 'record_sk') {
    return <ActionDialog action={action} pending={props.pending} onClose={onClose} onConfirm={(note) => props.onConfirm(note)} />;
  }
  return (
    <Modal opened onClose={onClose} title={t('requests.actionDialog.title', { action: action.label })} centered size="lg">
      {action.action === 'record_pertek' ? <PertekForm {...props} /> : <SkDialogBody {...props} />}
    </Modal>
  );
}

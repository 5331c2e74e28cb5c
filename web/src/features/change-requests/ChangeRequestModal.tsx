import { useMemo, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconInfoCircle, IconSend } from '@tabler/icons-react';
import type { ChangeOp, ChangeTarget, FieldValue, TargetSpec } from '@simak/shared/api/change-requests';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { detailMessages, errorMessage, isApiError } from '../../api/client';
import { InfoGrid } from '../../components/InfoGrid';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { formatValue, type DocumentType } from '../../domain/labels';
import { useRequestAction } from '../requests/api';
import { useChangeSpec, useProposeChange } from './api';
import { DocumentPicker } from './DocumentPicker';
import { FieldInput } from './FieldInput';
import { fromFormValue, initialFormValues, sameValue, type FormValue, type FormValues } from './values';

/** Contact fields applied without verification (server setting change_request.no_verification_fields). */
const CONTACT_FIELDS = ['email', 'noHp'];

/** Database table of each history target, used in document slot keys ("SK_PANGKAT:riwayat_pangkat:12"). */
const SLOT_TABLE: Partial<Record<ChangeTarget, string>> = {
  keluarga: 'keluarga',
  pendidikan: 'riwayat_pendidikan',
  diklat: 'riwayat_diklat',
  skp: 'riwayat_skp',
  pangkat: 'riwayat_pangkat',
  jabatan: 'riwayat_jabatan',
};

/** Moves focus (and the scroll position) to an invalid input once React has rendered the errors. */
function focusLater(id: string, scrollOnly = false) {
  window.setTimeout(() => {
    const el = document.getElementById(id);
    if (!el) return;
    el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    if (!scrollOnly) el.focus({ preventScroll: true });
  }, 0);
}

export interface ChangeRequestDraft {
  target: ChangeTarget;
  op: ChangeOp;
  recordId?: number | null;
  /** The record's values now ({} for a new record). */
  current: Record<string, FieldValue | undefined>;
  /** Values to prefill over `current` (the proposal being resubmitted). */
  initial?: Record<string, FieldValue | undefined>;
  /** Resubmitting a rejected request instead of creating one. */
  resubmit?: { requestId: number; version: number };
}

export interface ChangeRequestModalProps {
  employeeId: number;
  draft: ChangeRequestDraft | null;
  onClose: () => void;
}

/** The proposal form in a modal: fields generated from the spec, supporting documents and a note. */
export function ChangeRequestModal({ employeeId, draft, onClose }: ChangeRequestModalProps) {
  const { t } = useTranslation();
  const spec = useChangeSpec();
  const targetSpec = draft && spec.data ? spec.data.targets[draft.target] : null;
  const title = !draft
    ? ''
    : draft.resubmit
      ? t('changeForm.titleResubmit')
      : t(`changeForm.title.${draft.op}`, { target: targetSpec?.label ?? '' });

  return (
    <Modal opened={draft !== null} onClose={onClose} title={title} size="xl" centered={false} closeOnClickOutside={false} data-testid="change-modal">
      {draft &&
        (spec.isPending ? (
          <LoadingState />
        ) : spec.isError ? (
          <ErrorState error={spec.error} onRetry={() => void spec.refetch()} />
        ) : targetSpec ? (
          <ChangeRequestForm key={`${draft.target}-${draft.op}-${draft.recordId ?? 'new'}`} employeeId={employeeId} draft={draft} spec={targetSpec} onClose={onClose} />
        ) : null)}
    </Modal>
  );
}

interface FormProps {
  employeeId: number;
  draft: ChangeRequestDraft;
  spec: TargetSpec;
  onClose: () => void;
}

function ChangeRequestForm({ employeeId, draft, spec, onClose }: FormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const propose = useProposeChange();
  const action = useRequestAction();
  const { target, op } = draft;
  const fields = spec.fields;
  const baseline = useMemo(() => initialFormValues(fields, draft.current), [fields, draft.current]);
  const [values, setValues] = useState<FormValues>(() => initialFormValues(fields, { ...draft.current, ...draft.initial }));
  const [documentIds, setDocumentIds] = useState<number[]>([]);
  const [note, setNote] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [docError, setDocError] = useState<string | undefined>();
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const pending = propose.isPending || action.isPending;

  const changedKeys = useMemo(() => {
    if (op === 'delete') return [];
    if (op === 'create') return fields.filter((f) => fromFormValue(f, values[f.key] ?? null) !== null).map((f) => f.key);
    return fields
      .filter((f) => !sameValue(fromFormValue(f, values[f.key] ?? null), fromFormValue(f, baseline[f.key] ?? null)))
      .map((f) => f.key);
  }, [fields, values, baseline, op]);

  const contactOnly = target === 'profile' && changedKeys.length > 0 && changedKeys.every((k) => CONTACT_FIELDS.includes(k));
  const docRequired = !contactOnly;
  const slotKey = draft.recordId && SLOT_TABLE[target] ? `${spec.documentType}:${SLOT_TABLE[target]}:${draft.recordId}` : undefined;

  const setValue = (key: string, value: FormValue) => {
    setValues((prev) => ({ ...prev, [key]: value }));
    setFieldErrors((prev) => {
      if (!prev[key]) return prev;
      const next = { ...prev };
      delete next[key];
      return next;
    });
  };

  const validate = (): { changes: Record<string, FieldValue> } | null => {
    const errors: Record<string, string> = {};
    const messages: string[] = [];
    const changes: Record<string, FieldValue> = {};
    if (op !== 'delete') {
      const resubmitted = new Set(draft.resubmit ? Object.keys(draft.initial ?? {}) : []);
      for (const f of fields) {
        const v = fromFormValue(f, values[f.key] ?? null);
        const include = op === 'create' ? v !== null : changedKeys.includes(f.key) || resubmitted.has(f.key);
        if (f.required && v === null && (op === 'create' || include)) {
          errors[f.key] = t('changeForm.required', { field: f.label });
          continue;
        }
        if (f.type === 'text' && typeof v === 'string' && f.max && v.length > f.max) errors[f.key] = t('changeForm.tooLong', { max: f.max });
        if (include) changes[f.key] = v;
      }
      if (op === 'update' && Object.keys(changes).length === 0) messages.push(t('changeForm.noChanges'));
    }
    const docErr = docRequired && !draft.resubmit && documentIds.length === 0 ? t('changeForm.documentMissing') : undefined;
    setFieldErrors(errors);
    setDocError(docErr);
    setFormErrors(messages);
    const firstInvalid = fields.find((f) => errors[f.key]);
    if (firstInvalid) focusLater(`change-${firstInvalid.key}`);
    else if (docErr) focusLater('picker-upload-file', true);
    if (Object.keys(errors).length || messages.length || docErr) return null;
    return { changes };
  };

  const showServerError = (error: unknown) => {
    if (!isApiError(error)) {
      setFormErrors([errorMessage(error)]);
      return;
    }
    const fe: Record<string, string> = {};
    const rest: string[] = [];
    if (Array.isArray(error.details)) {
      for (const d of error.details as { path?: string; message?: string }[]) {
        const path = d.path ?? '';
        if (path.startsWith('changes.') && d.message) fe[path.slice('changes.'.length)] = d.message;
        else if (path.startsWith('documentIds') && d.message) setDocError(d.message);
        else if (d.message) rest.push(d.message);
      }
    }
    setFieldErrors(fe);
    const detail = rest.length ? rest : detailMessages(error.details).filter((m) => !Object.values(fe).includes(m));
    setFormErrors([error.message, ...(Object.keys(fe).length ? [] : detail)].filter((m, i, a) => a.indexOf(m) === i));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate();
    if (!result) return;
    const trimmedNote = note.trim() || undefined;
    if (draft.resubmit) {
      action.mutate(
        {
          id: draft.resubmit.requestId,
          action: 'resubmit',
          version: draft.resubmit.version,
          note: trimmedNote,
          data: { ...(op === 'delete' ? {} : { changes: result.changes }), ...(documentIds.length ? { documentIds } : {}) },
        },
        {
          onSuccess: () => {
            notifications.show({ color: 'green', title: t('changeForm.resubmittedTitle'), message: t('changeForm.resubmitted') });
            onClose();
          },
          onError: showServerError,
        },
      );
      return;
    }
    propose.mutate(
      { employeeId, target, op, recordId: draft.recordId ?? null, changes: result.changes, documentIds, note: trimmedNote },
      {
        onSuccess: (request) => {
          const applied = request.state === 'DISETUJUI';
          notifications.show({
            color: 'green',
            title: applied ? t('changeForm.appliedTitle') : t('changeForm.sentTitle'),
            message: applied ? t('changeForm.applied') : t('changeForm.sent', { title: request.title }),
          });
          onClose();
          void navigate(`/usulan/${request.id}`);
        },
        onError: showServerError,
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('changeForm.formLabel')} data-testid="change-form">
      <Stack gap="md">
        <Alert color={contactOnly ? 'teal' : 'blue'} icon={<IconInfoCircle size={18} />} py="xs">
          <Text size="sm">{contactOnly ? t('changeForm.contactHint') : t(`changeForm.hint.${op}`)}</Text>
        </Alert>

        {op === 'delete' ? (
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {t('changeForm.deleteRecord')}
            </Text>
            <InfoGrid
              cols={3}
              items={fields.map((f) => ({ key: f.key, label: f.label, value: formatValue(draft.current[f.key], f.type, f.key, target) }))}
            />
          </Stack>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
            {fields.map((f) => {
              const changed = op === 'update' && changedKeys.includes(f.key);
              return (
                <FieldInput
                  key={f.key}
                  id={`change-${f.key}`}
                  field={f}
                  target={target}
                  value={values[f.key] ?? null}
                  onChange={(v) => setValue(f.key, v)}
                  error={fieldErrors[f.key]}
                  required={!!f.required}
                  description={changed ? t('changeForm.was', { value: formatValue(draft.current[f.key], f.type, f.key, target) }) : undefined}
                />
              );
            })}
          </SimpleGrid>
        )}

        <DocumentPicker
          employeeId={employeeId}
          documentType={spec.documentType as DocumentType}
          slotKey={slotKey}
          selected={documentIds}
          onChange={(ids) => {
            setDocumentIds(ids);
            if (ids.length) setDocError(undefined);
          }}
          required={docRequired && !draft.resubmit}
          error={docError}
        />

        <Textarea
          id="change-note"
          label={t('changeForm.note')}
          description={t('changeForm.noteHint')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={1000}
          autosize
          minRows={2}
          maxRows={5}
          data-testid="change-note"
        />

        {formErrors.length > 0 && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('changeForm.errorTitle')} data-testid="change-form-error">
            {formErrors.map((m) => (
              <Text size="sm" key={m}>
                {m}
              </Text>
            ))}
          </Alert>
        )}

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            color={op === 'delete' ? 'red' : undefined}
            leftSection={<IconSend size={16} />}
            loading={pending}
            data-testid="change-submit"
          >
            {draft.resubmit ? t('changeForm.submitResubmit') : t(`changeForm.submit.${op}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

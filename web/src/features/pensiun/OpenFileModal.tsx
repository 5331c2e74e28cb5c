import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCalendar } from '@tabler/icons-react';
import { PENSIUN_KIND_LABELS, type PensiunKind } from '@simak/shared/api/pensiun';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { detailMessages, errorMessage, isApiError } from '../../api/client';
import { formatNip } from '../../i18n/format';
import { parseDateInput } from '../change-requests/values';
import { useEmployeeList } from '../employees/api';
import { useOpenPensiunFile } from './api';
import { PENSIUN_KIND_KEYS } from './states';

/** Opening a pension file for an employee: the other kinds (own request, death, incapacity) or a BUP file early. */
export function OpenFileModal({ preset, onClose }: { preset: { employeeId: number; nama: string } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useOpenPensiunFile();
  const [employeeId, setEmployeeId] = useState<string | null>(preset ? String(preset.employeeId) : null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const employees = useEmployeeList({ q: q || undefined, aktif: 'true', page: 1, pageSize: 20, sort: 'nama' });
  const [jenis, setJenis] = useState<PensiunKind>(preset ? 'BUP' : 'APS');
  const [tmt, setTmt] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ employee?: string; tmt?: string }>({});

  const options = preset
    ? [{ value: String(preset.employeeId), label: preset.nama }]
    : (employees.data?.items ?? []).map((e) => ({ value: String(e.id), label: `${e.namaLengkap} — ${formatNip(e.nip)}` }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = { employee: employeeId ? undefined : t('pangkat.action.required'), tmt: jenis !== 'BUP' && !tmt ? t('pangkat.action.required') : undefined };
    setErrors(next);
    if (next.employee || next.tmt || !employeeId) return;
    open.mutate(
      { employeeId: Number(employeeId), jenis, ...(tmt ? { tmt } : {}), ...(note.trim() ? { note: note.trim() } : {}) },
      { onSuccess: (r) => void navigate(`/usulan/${r.requestId}`) },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('pensiun.open.title')} centered size="lg">
      <form onSubmit={submit} noValidate data-testid="pensiun-open-dialog">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('pensiun.open.hint')}
          </Text>
          <Select
            label={t('requests.columns.employee')}
            placeholder={t('pensiun.open.employeePlaceholder')}
            data={options}
            value={employeeId}
            onChange={(v) => {
              setEmployeeId(v);
              setErrors((x) => ({ ...x, employee: undefined }));
            }}
            searchable={!preset}
            disabled={!!preset}
            searchValue={preset ? undefined : search}
            onSearchChange={preset ? undefined : setSearch}
            filter={({ options: o }) => o}
            nothingFoundMessage={t('common.nothingFound')}
            withAsterisk
            error={errors.employee}
            data-testid="pensiun-open-employee"
          />
          <Select
            label={t('pensiun.fields.jenis')}
            data={PENSIUN_KIND_KEYS.map((k) => ({ value: k, label: PENSIUN_KIND_LABELS[k] }))}
            value={jenis}
            onChange={(v) => v && setJenis(v as PensiunKind)}
            allowDeselect={false}
            withAsterisk
            data-testid="pensiun-open-jenis"
          />
          <DateInput
            label={t('pensiun.fields.tmt')}
            description={jenis === 'BUP' ? t('pensiun.open.tmtBupHint') : undefined}
            valueFormat="D MMMM YYYY"
            dateParser={(s: string) => parseDateInput(s)}
            leftSection={<IconCalendar size={16} />}
            popoverProps={{ withinPortal: true }}
            value={tmt}
            onChange={(v) => {
              setTmt(v);
              setErrors((x) => ({ ...x, tmt: undefined }));
            }}
            clearable
            withAsterisk={jenis !== 'BUP'}
            error={errors.tmt}
            data-testid="pensiun-open-tmt"
          />
          <Textarea label={t('requests.actionDialog.noteOptional')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={1000} />
          {open.error && (
            <Alert color="red" py="xs" data-testid="pensiun-open-error">
              <Text size="sm">{errorMessage(open.error)}</Text>
              {isApiError(open.error) &&
                detailMessages(open.error.details).map((l) => (
                  <Text key={l} size="xs">
                    {l}
                  </Text>
                ))}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={open.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={open.isPending} data-testid="pensiun-open-confirm">
              {t('pensiun.open.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

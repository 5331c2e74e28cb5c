import { Alert, Badge, Button, Card, Group, Select, SimpleGrid, Skeleton, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../i18n/format';
import { useCurrentUser, useToday } from '../auth/useMe';
import { useMyAktivitas, useSaveAktivitas, type Aktivitas } from '../checkin/api';
import { useEmployeeDocuments } from '../documents/api';

export const STATUS_COLOR: Record<Aktivitas['status'], string> = { DIAJUKAN: 'blue', DISETUJUI: 'green', DIKEMBALIKAN: 'orange' };

const EMPTY = { jamMulai: '08:00', jamSelesai: '09:00', uraian: '', output: '', documentId: null as string | null };

function AktivitasForm({ tanggal, editing, onDone }: { tanggal: string; editing: Aktivitas | null; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const docs = useEmployeeDocuments(me.employeeId);
  const save = useSaveAktivitas();
  const [form, setForm] = useState(
    editing ? { jamMulai: editing.jamMulai, jamSelesai: editing.jamSelesai, uraian: editing.uraian, output: editing.output ?? '', documentId: editing.document ? String(editing.document.id) : null } : EMPTY,
  );
  const submit = () =>
    save.mutate(
      {
        id: editing?.id,
        body: { tanggal, jamMulai: form.jamMulai, jamSelesai: form.jamSelesai, uraian: form.uraian, output: form.output || null, documentId: form.documentId ? Number(form.documentId) : null, ...(editing ? { version: editing.version } : {}) },
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('aktivitas.saved') });
          setForm(EMPTY);
          onDone();
        },
      },
    );
  return (
    <Card data-testid="aktivitas-form">
      <Title order={3} size="h5" mb="xs">
        {editing ? t('aktivitas.form.editTitle') : t('aktivitas.form.title')}
      </Title>
      <Stack gap="xs">
        <SimpleGrid cols={2}>
          <TextInput type="time" label={t('aktivitas.form.jamMulai')} value={form.jamMulai} onChange={(e) => setForm({ ...form, jamMulai: e.currentTarget.value })} data-testid="aktivitas-jam-mulai" />
          <TextInput type="time" label={t('aktivitas.form.jamSelesai')} value={form.jamSelesai} onChange={(e) => setForm({ ...form, jamSelesai: e.currentTarget.value })} data-testid="aktivitas-jam-selesai" />
        </SimpleGrid>
        <Textarea label={t('aktivitas.form.uraian')} value={form.uraian} onChange={(e) => setForm({ ...form, uraian: e.currentTarget.value })} autosize minRows={2} required data-testid="aktivitas-uraian" />
        <TextInput label={t('aktivitas.form.output')} value={form.output} onChange={(e) => setForm({ ...form, output: e.currentTarget.value })} data-testid="aktivitas-output" />
        <Select
          label={t('aktivitas.form.document')}
          placeholder={t('aktivitas.form.noDocument')}
          clearable
          data={(docs.data?.items ?? []).map((d) => ({ value: String(d.id), label: d.title ?? d.originalName }))}
          value={form.documentId}
          onChange={(v) => setForm({ ...form, documentId: v })}
        />
        {save.isError && <Alert color="red">{errorMessage(save.error)}</Alert>}
        <Group>
          <Button onClick={submit} loading={save.isPending} disabled={form.uraian.trim().length < 3} data-testid="aktivitas-submit">
            {t('aktivitas.form.submit')}
          </Button>
          {editing && (
            <Button variant="subtle" onClick={onDone}>
              {t('aktivitas.form.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

export function AktivitasItem({ a, children, showName }: { a: Aktivitas; children?: React.ReactNode; showName?: boolean }) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="aktivitas-item" data-status={a.status}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          {showName && (
            <Text fw={700} size="sm">
              {a.employee.nama}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {formatDate(a.tanggal)} · {a.jamMulai.replace(':', '.')}–{a.jamSelesai.replace(':', '.')}
          </Text>
          <Text size="sm">{a.uraian}</Text>
          {a.output && (
            <Text size="xs" c="dimmed">
              {t('aktivitas.output')}: {a.output}
            </Text>
          )}
          {a.document && (
            <Text size="xs">
              <a href={a.document.downloadUrl}>{a.document.name}</a>
            </Text>
          )}
          {a.catatan && (
            <Text size="xs" c="orange" data-testid="aktivitas-catatan">
              {t('aktivitas.catatan')}: {a.catatan}
            </Text>
          )}
        </Stack>
        <Badge color={STATUS_COLOR[a.status]} variant="light" tt="none" style={{ flexShrink: 0 }}>
          {t(`aktivitas.status.${a.status}`)}
        </Badge>
      </Group>
      {children}
    </Card>
  );
}

/** The employee's daily activity log (/aktivitas): record, see the atasan's verdict, fix what was returned. */
export function AktivitasPage() {
  const { t } = useTranslation();
  const { today } = useToday();
  const [tanggal, setTanggal] = useState(today);
  const [editing, setEditing] = useState<Aktivitas | null>(null);
  const list = useMyAktivitas(tanggal, tanggal);
  return (
    <Stack gap="md" maw={640}>
      <PageHeader title={t('nav.items.aktivitas')} description={t('aktivitas.description')} />
      <TextInput type="date" label={t('aktivitas.date')} value={tanggal} onChange={(e) => e.currentTarget.value && setTanggal(e.currentTarget.value)} maw={220} data-testid="aktivitas-date" />
      <AktivitasForm key={editing?.id ?? 'new'} tanggal={tanggal} editing={editing} onDone={() => setEditing(null)} />
      <Title order={3} size="h5">
        {t('aktivitas.listTitle', { date: formatDate(tanggal) })}
      </Title>
      {list.isPending ? (
        <Skeleton h={80} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t('aktivitas.empty')} />
      ) : (
        <Stack gap="xs" data-testid="aktivitas-list">
          {list.data.items.map((a) => (
            <AktivitasItem key={a.id} a={a}>
              {a.actions.includes('edit') && (
                <Button size="xs" variant="subtle" mt={4} onClick={() => setEditing(a)}>
                  {a.status === 'DIKEMBALIKAN' ? t('aktivitas.fixAndResend') : t('aktivitas.edit')}
                </Button>
              )}
            </AktivitasItem>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

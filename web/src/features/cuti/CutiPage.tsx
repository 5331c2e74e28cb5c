import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, NumberInput, Select, SimpleGrid, Skeleton, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { ALASAN_PENTING, JENIS_CUTI, JENIS_CUTI_CODES, SAKIT_VARIAN, type AlasanPenting, type JenisCuti, type SakitVarian } from '@simak/shared/rules/cuti';
import type { CutiPeriodBody } from '@simak/shared/api/cuti';
import { IconCalendar } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../api/client';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../i18n/format';
import { DocumentPicker } from '../change-requests/DocumentPicker';
import { parseDateInput } from '../change-requests/values';
import { useCutiPreview, useMyCuti, useRequestCuti, type MyCuti } from './api';

function Figure({ label, value, testId, strong }: { label: string; value: string; testId: string; strong?: boolean }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size={strong ? 'xl' : 'md'} fw={strong ? 700 : 500} c={strong ? 'green.9' : undefined} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

function BalanceCard({ data }: { data: MyCuti }) {
  const { t } = useTranslation();
  const a = data.annual;
  const days = (n: number) => t('cuti.balance.days', { count: n });
  return (
    <Card data-testid="cuti-balance">
      <Title order={3} size="h4" mb="sm">
        {t('cuti.balance.title', { year: data.year })}
      </Title>
      {a.forfeited ? (
        <Alert color="yellow">{t('cuti.balance.forfeited')}</Alert>
      ) : !a.eligible ? (
        <Alert color="yellow">{t('cuti.balance.notEligible', { date: a.eligibleFrom ? formatDate(a.eligibleFrom) : '-' })}</Alert>
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 5 }}>
          <Figure label={t('cuti.balance.remaining')} value={days(a.remaining)} testId="cuti-remaining" strong />
          <Figure label={t('cuti.balance.entitlement')} value={days(a.entitlement)} testId="cuti-entitlement" />
          <Figure label={t('cuti.balance.carried')} value={days(a.carried)} testId="cuti-carried" />
          <Figure label={t('cuti.balance.used')} value={days(a.used)} testId="cuti-used" />
          <Figure label={t('cuti.balance.pending')} value={days(a.pending)} testId="cuti-pending" />
        </SimpleGrid>
      )}
    </Card>
  );
}

function DateField({ label, value, onChange, testId }: { label: string; value: string | null; onChange: (v: string | null) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <DateInput
      label={label}
      withAsterisk
      value={value}
      onChange={(v) => onChange(v ?? null)}
      valueFormat="D MMMM YYYY"
      dateParser={(input) => parseDateInput(input)}
      placeholder={t('cuti.form.datePlaceholder')}
      leftSection={<IconCalendar size={16} />}
      popoverProps={{ withinPortal: true }}
      data-testid={testId}
    />
  );
}

function RequestForm({ employeeId }: { employeeId: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [jenis, setJenis] = useState<JenisCuti>('TAHUNAN');
  const [mulai, setMulai] = useState<string | null>(null);
  const [selesai, setSelesai] = useState<string | null>(null);
  const [anakKe, setAnakKe] = useState<number | ''>('');
  const [alasanPenting, setAlasanPenting] = useState<AlasanPenting | null>(null);
  const [sakitVarian, setSakitVarian] = useState<SakitVarian>('UMUM');
  const [hajiPertama, setHajiPertama] = useState(false);
  const [alasan, setAlasan] = useState('');
  const [alamat, setAlamat] = useState('');
  const [documentIds, setDocumentIds] = useState<number[]>([]);
  const period: CutiPeriodBody | null =
    mulai && selesai
      ? {
          jenis,
          mulai,
          selesai,
          ...(jenis === 'MELAHIRKAN' ? { anakKe: anakKe === '' ? null : anakKe } : {}),
          ...(jenis === 'ALASAN_PENTING' ? { alasanPenting } : {}),
          ...(jenis === 'SAKIT' ? { sakitVarian } : {}),
          ...(jenis === 'BESAR' ? { hajiPertama } : {}),
        }
      : null;
  const preview = useCutiPreview(period);
  const submit = useRequestCuti();
  const required = preview.data?.documents.filter((d) => d.required) ?? [];
  const blocked = !period || !preview.data || preview.data.issues.length > 0 || alasan.trim().length < 3 || alamat.trim().length < 3 || documentIds.length < required.length;

  const onSubmit = () => {
    if (!period) return;
    submit.mutate(
      { period, alasan, alamatSelamaCuti: alamat, documentIds },
      {
        onSuccess: (r) => {
          notifications.show({ color: 'green', message: t('cuti.form.submitted') });
          void navigate(`/usulan/${r.id}`);
        },
      },
    );
  };

  return (
    <Card data-testid="cuti-form">
      <Title order={3} size="h4" mb="sm">
        {t('cuti.form.title')}
      </Title>
      <Stack gap="sm">
        <Select
          label={t('cuti.form.jenis')}
          withAsterisk
          data={JENIS_CUTI_CODES.map((c) => ({ value: c, label: JENIS_CUTI[c].label }))}
          value={jenis}
          onChange={(v) => v && setJenis(v as JenisCuti)}
          allowDeselect={false}
          data-testid="cuti-jenis"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField label={t('cuti.form.mulai')} value={mulai} onChange={setMulai} testId="cuti-mulai" />
          <DateField label={t('cuti.form.selesai')} value={selesai} onChange={setSelesai} testId="cuti-selesai" />
        </SimpleGrid>
        {jenis === 'MELAHIRKAN' && <NumberInput label={t('cuti.form.anakKe')} min={1} max={20} value={anakKe} onChange={(v) => setAnakKe(typeof v === 'number' ? v : '')} />}
        {jenis === 'ALASAN_PENTING' && (
          <Select
            label={t('cuti.form.alasanPenting')}
            withAsterisk
            data={Object.entries(ALASAN_PENTING).map(([value, label]) => ({ value, label }))}
            value={alasanPenting}
            onChange={(v) => setAlasanPenting(v as AlasanPenting | null)}
          />
        )}
        {jenis === 'SAKIT' && (
          <Select label={t('cuti.form.sakitVarian')} data={SAKIT_VARIAN.map((v) => ({ value: v, label: t(`cuti.sakit.${v}`) }))} value={sakitVarian} onChange={(v) => v && setSakitVarian(v as SakitVarian)} allowDeselect={false} />
        )}
        {jenis === 'BESAR' && <Checkbox label={t('cuti.form.hajiPertama')} checked={hajiPertama} onChange={(e) => setHajiPertama(e.currentTarget.checked)} />}
        {preview.data && (
          <Alert color={preview.data.issues.length ? 'red' : 'blue'} data-testid="cuti-preview">
            <Text size="sm" fw={600}>
              {t('cuti.form.previewDays', { count: preview.data.lamaHari, calendar: preview.data.calendarDays })}
            </Text>
            {preview.data.issues.map((i) => (
              <Text size="sm" key={i.code} data-testid={`cuti-issue-${i.code}`}>
                {i.message}
              </Text>
            ))}
          </Alert>
        )}
        {preview.isError && <Alert color="red">{errorMessage(preview.error)}</Alert>}
        <Textarea label={t('cuti.form.alasan')} withAsterisk value={alasan} onChange={(e) => setAlasan(e.currentTarget.value)} maxLength={500} autosize minRows={2} data-testid="cuti-alasan" />
        <TextInput label={t('cuti.form.alamat')} withAsterisk value={alamat} onChange={(e) => setAlamat(e.currentTarget.value)} maxLength={300} data-testid="cuti-alamat" />
        {(preview.data?.documents.length ?? 0) > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('cuti.form.documents')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('cuti.form.documentsHint', { list: preview.data!.documents.map((d) => d.label).join(', ') })}
            </Text>
            <DocumentPicker employeeId={employeeId} documentType="SURAT" selected={documentIds} onChange={setDocumentIds} required={required.length > 0} />
          </Stack>
        )}
        {submit.isError && <Alert color="red">{errorMessage(submit.error)}</Alert>}
        <Group justify="flex-end">
          <Button onClick={onSubmit} disabled={blocked} loading={submit.isPending} data-testid="cuti-submit">
            {t('cuti.form.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function History({ data }: { data: MyCuti }) {
  const { t } = useTranslation();
  const label = (j: string) => (j in JENIS_CUTI ? JENIS_CUTI[j as JenisCuti].label : j);
  return (
    <Card data-testid="cuti-history">
      {data.open.length > 0 && (
        <Stack gap={4} mb="md">
          <Title order={3} size="h5">
            {t('cuti.open.title')}
          </Title>
          {data.open.map((o) => (
            <Anchor component={Link} to={`/usulan/${o.requestId}`} key={o.requestId} size="sm">
              {label(o.jenis)}: {formatDate(o.mulai)} – {formatDate(o.selesai)} ({t('cuti.balance.days', { count: o.lamaHari })})
            </Anchor>
          ))}
        </Stack>
      )}
      <Title order={3} size="h4" mb="sm">
        {t('cuti.history.title')}
      </Title>
      {data.history.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('cuti.history.empty')}
        </Text>
      ) : (
        <>
        <Table striped visibleFrom="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cuti.history.jenis')}</Table.Th>
                <Table.Th>{t('cuti.history.periode')}</Table.Th>
                <Table.Th>{t('cuti.history.lama')}</Table.Th>
                <Table.Th>{t('cuti.history.surat')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.history.map((h) => (
                <Table.Tr key={h.id}>
                  <Table.Td>
                    <Badge variant="light">{label(h.jenisCuti)}</Badge>
                  </Table.Td>
                  <Table.Td>
                    {formatDate(h.tanggalMulai)} – {formatDate(h.tanggalSelesai)}
                  </Table.Td>
                  <Table.Td>{t('cuti.balance.days', { count: h.lamaHari })}</Table.Td>
                  <Table.Td>{h.nomorSurat ?? '-'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
        </Table>
        <Stack gap="xs" hiddenFrom="sm">
          {data.history.map((h) => (
            <Stack key={h.id} gap={0} data-testid="cuti-history-item">
              <Text size="sm" fw={600}>
                {label(h.jenisCuti)} · {t('cuti.balance.days', { count: h.lamaHari })}
              </Text>
              <Text size="sm">
                {formatDate(h.tanggalMulai)} – {formatDate(h.tanggalSelesai)}
              </Text>
              <Text size="xs" c="dimmed">
                {h.nomorSurat ?? '-'}
              </Text>
            </Stack>
          ))}
        </Stack>
        </>
      )}
    </Card>
  );
}

/** Cuti Saya (/cuti): the balance before asking, the request form with the rules' live check, the leave history. */
export function CutiPage() {
  const { t } = useTranslation();
  const query = useMyCuti();
  return (
    <Stack gap="lg">
      <PageHeader title={t('nav.items.cuti')} description={t('cuti.description')} />
      {query.isPending ? (
        <Skeleton h={120} />
      ) : query.isError ? (
        <ErrorState error={query.error} />
      ) : (
        <>
          <BalanceCard data={query.data} />
          <RequestForm employeeId={query.data.employeeId} />
          <History data={query.data} />
        </>
      )}
    </Stack>
  );
}

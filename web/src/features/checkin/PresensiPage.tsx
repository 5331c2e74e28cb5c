import { Alert, Badge, Button, Card, Collapse, Group, NumberInput, Select, SimpleGrid, Skeleton, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DEFAULT_PRESENSI_POLICY } from '@simak/shared/rules/presensi';
import { nearestFence, type Fence } from '@simak/shared/rules/geofence';
import { IconCurrentLocation, IconLogin, IconLogout, IconMapPin, IconMapPinOff } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage, isApiError } from '../../api/client';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatNumber } from '../../i18n/format';
import { useToday } from '../auth/useMe';
import { usePresensiToday, useRecordPresensi, useRequestLokasiTugas, type PresensiToday } from './api';
import { useGeolocation, type Reading } from './useGeolocation';

const timeFormat = new Intl.DateTimeFormat('id-ID', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Jakarta' });
/** `07.42 WIB` of an instant, whatever the phone's zone. */
export const timeWib = (iso: string) => `${timeFormat.format(new Date(iso))} WIB`;
const hhmm = (s: string) => s.replace(':', '.');

function fencesOf(day: PresensiToday): Fence[] {
  return [
    ...(day.office ? [day.office] : []),
    ...day.approvedLocations.map((l) => ({ kind: 'circle' as const, lat: l.latitude, lon: l.longitude, radiusM: l.radiusM, label: l.nama })),
  ];
}

function LocationCard({ day, geo }: { day: PresensiToday; geo: ReturnType<typeof useGeolocation> }) {
  const { t } = useTranslation();
  const r = geo.reading;
  const near = useMemo(() => (r ? nearestFence({ lat: r.latitude, lon: r.longitude }, fencesOf(day)) : null), [r, day]);
  const poor = r ? r.accuracy > DEFAULT_PRESENSI_POLICY.maxAccuracyM : false;
  // Rounded away from the fence, as the server reports it ("101 m, outside 100 m" never reads "100 m").
  const distance = near ? (near.measure.inside ? Math.floor(near.measure.distanceM) : Math.ceil(near.measure.distanceM)) : null;
  return (
    <Card data-testid="checkin-location">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={3} size="h5">
          {t('checkin.location.title')}
        </Title>
        <Button size="xs" variant="light" leftSection={<IconCurrentLocation size={16} />} loading={geo.status === 'locating'} onClick={geo.locate} data-testid="checkin-locate">
          {t('checkin.location.refresh')}
        </Button>
      </Group>
      {geo.status === 'error' && (
        <Alert color="red" mb="xs" data-testid="checkin-geo-error">
          {t(`checkin.location.error.${geo.error}`)}
        </Alert>
      )}
      {!r ? (
        geo.status === 'locating' || geo.status === 'idle' ? <Skeleton h={48} /> : null
      ) : (
        <Stack gap={6}>
          <Text size="sm" data-testid="checkin-coords">
            {t('checkin.location.coords', { lat: r.latitude.toFixed(6), lng: r.longitude.toFixed(6) })}
          </Text>
          <Text size="sm" c={poor ? 'red' : 'dimmed'} data-testid="checkin-accuracy">
            {t('checkin.location.accuracy', { m: formatNumber(Math.round(r.accuracy)) })}
            {poor ? ` — ${t('checkin.location.poor', { max: DEFAULT_PRESENSI_POLICY.maxAccuracyM })}` : ''}
          </Text>
          {!near ? (
            <Badge color="gray" size="lg" tt="none" leftSection={<IconMapPinOff size={14} />}>
              {t('checkin.location.noFence')}
            </Badge>
          ) : near.measure.inside ? (
            <Badge color="green" size="lg" tt="none" leftSection={<IconMapPin size={14} />} data-testid="checkin-fence" data-inside="true">
              {t('checkin.location.inside', { place: near.fence.label ?? t('checkin.location.office') })}
            </Badge>
          ) : (
            <Badge color="red" size="lg" tt="none" leftSection={<IconMapPinOff size={14} />} data-testid="checkin-fence" data-inside="false" style={{ whiteSpace: 'normal', height: 'auto' }}>
              {t('checkin.location.outside', { m: formatNumber(distance ?? 0), place: near.fence.label ?? t('checkin.location.office') })}
            </Badge>
          )}
        </Stack>
      )}
    </Card>
  );
}

function TodayCard({ day }: { day: PresensiToday }) {
  const { t } = useTranslation();
  return (
    <Card data-testid="checkin-today">
      <Title order={3} size="h5" mb="xs">
        {t('checkin.today.title')}
      </Title>
      <SimpleGrid cols={2}>
        <Stack gap={0}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('checkin.today.masuk')}
          </Text>
          <Text fw={700} size="lg" data-testid="checkin-masuk">
            {day.masuk ? timeWib(day.masuk.at) : '—'}
          </Text>
          {day.masuk && (
            <Text size="xs" c={day.masuk.menit > 0 ? 'orange' : 'green'}>
              {day.masuk.menit > 0 ? t('checkin.today.late', { n: day.masuk.menit }) : t('checkin.today.onTime')}
            </Text>
          )}
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('checkin.today.pulang')}
          </Text>
          <Text fw={700} size="lg" data-testid="checkin-pulang">
            {day.pulang ? timeWib(day.pulang.at) : '—'}
          </Text>
          {day.pulang && day.pulang.menit > 0 && (
            <Text size="xs" c="orange">
              {t('checkin.today.early', { n: day.pulang.menit })}
            </Text>
          )}
        </Stack>
      </SimpleGrid>
    </Card>
  );
}

interface Refusal {
  reason: string;
  distanceM: number | null;
}

function LokasiTugasForm({ reading }: { reading: Reading | null }) {
  const { t } = useTranslation();
  const { today } = useToday();
  const mutation = useRequestLokasiTugas();
  const [form, setForm] = useState({ jenis: 'WFH' as 'WFH' | 'DINAS_LUAR', nama: '', radiusM: 100, mulai: today, selesai: today, alasan: '' });
  const submit = () => {
    if (!reading) return;
    mutation.mutate(
      { ...form, latitude: Number(reading.latitude.toFixed(6)), longitude: Number(reading.longitude.toFixed(6)) },
      {
        onSuccess: (r) => notifications.show({ color: 'green', message: t('checkin.request.sent', { id: r.id }) }),
      },
    );
  };
  return (
    <Stack gap="xs" data-testid="checkin-request-form">
      <Text size="sm" c="dimmed">
        {t('checkin.request.help')}
      </Text>
      <Select
        label={t('checkin.request.jenis')}
        data={[
          { value: 'WFH', label: t('checkin.request.wfh') },
          { value: 'DINAS_LUAR', label: t('checkin.request.dinasLuar') },
        ]}
        value={form.jenis}
        onChange={(v) => v && setForm({ ...form, jenis: v as 'WFH' | 'DINAS_LUAR' })}
        allowDeselect={false}
      />
      <TextInput label={t('checkin.request.nama')} value={form.nama} onChange={(e) => setForm({ ...form, nama: e.currentTarget.value })} required />
      <Text size="xs" c="dimmed">
        {reading ? t('checkin.request.here', { lat: reading.latitude.toFixed(5), lng: reading.longitude.toFixed(5) }) : t('checkin.request.needLocation')}
      </Text>
      <NumberInput label={t('checkin.request.radius')} min={10} max={1000} value={form.radiusM} onChange={(v) => setForm({ ...form, radiusM: Number(v) || 0 })} />
      <SimpleGrid cols={2}>
        <TextInput type="date" label={t('checkin.request.mulai')} value={form.mulai} onChange={(e) => setForm({ ...form, mulai: e.currentTarget.value })} />
        <TextInput type="date" label={t('checkin.request.selesai')} value={form.selesai} onChange={(e) => setForm({ ...form, selesai: e.currentTarget.value })} />
      </SimpleGrid>
      <Textarea label={t('checkin.request.alasan')} value={form.alasan} onChange={(e) => setForm({ ...form, alasan: e.currentTarget.value })} autosize minRows={2} required />
      {mutation.isError && <Alert color="red">{errorMessage(mutation.error)}</Alert>}
      {mutation.isSuccess ? (
        <Alert color="green">
          {t('checkin.request.sent', { id: mutation.data.id })} <Link to={`/usulan/${mutation.data.id}`}>{t('checkin.request.open')}</Link>
        </Alert>
      ) : (
        <Button onClick={submit} loading={mutation.isPending} disabled={!reading || !form.nama.trim() || !form.alasan.trim()}>
          {t('checkin.request.submit')}
        </Button>
      )}
    </Stack>
  );
}

/** Check-in/out from a phone (/presensi): the position, the fence, today's readings, the refusal. */
export function PresensiPage() {
  const { t } = useTranslation();
  const day = usePresensiToday();
  const geo = useGeolocation();
  const record = useRecordPresensi();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [showRequest, setShowRequest] = useState(false);

  const send = (jenis: 'MASUK' | 'PULANG') => {
    const r = geo.reading;
    if (!r) return;
    setRefusal(null);
    record.mutate(
      // The phone's clock is sent for diagnostics only; the server stamps the time.
      { jenis, latitude: r.latitude, longitude: r.longitude, accuracy: r.accuracy, clientTime: new Date().toISOString() },
      {
        onSuccess: (res) => notifications.show({ color: 'green', message: t(jenis === 'MASUK' ? 'checkin.accepted.masuk' : 'checkin.accepted.pulang', { time: timeWib(res.at) }) }),
        onError: (err) => {
          if (isApiError(err) && err.status === 422 && err.code.startsWith('presensi_')) {
            const d = err.details as { reason?: string; distanceM?: number | null } | undefined;
            setRefusal({ reason: d?.reason ?? err.message, distanceM: d?.distanceM ?? null });
          } else {
            setRefusal({ reason: errorMessage(err), distanceM: null });
          }
        },
      },
    );
  };

  if (day.isPending) return <Skeleton h={300} />;
  if (day.isError) return <ErrorState error={day.error} onRetry={() => void day.refetch()} retrying={day.isFetching} />;
  const d = day.data;
  const shown: Refusal | null = refusal ?? (d.lastRefusal?.reason ? { reason: d.lastRefusal.reason, distanceM: d.lastRefusal.distanceM } : null);
  const next: 'MASUK' | 'PULANG' | null = !d.masuk ? 'MASUK' : !d.pulang ? 'PULANG' : null;

  return (
    <Stack gap="md" maw={560} data-testid="checkin-page">
      <PageHeader title={t('nav.items.checkin')} description={`${formatDate(d.tanggal)} · ${d.employee.opd}`}>
        {d.schedule && (
          <Group gap="xs">
            <Badge variant="light" tt="none" data-testid="checkin-schedule">
              {t('checkin.schedule', { masuk: hhmm(d.schedule.jamMasuk), pulang: hhmm(d.schedule.jamPulang) })}
            </Badge>
            {d.schedule.special && (
              <Badge color="grape" variant="light" tt="none">
                {d.schedule.special}
              </Badge>
            )}
          </Group>
        )}
      </PageHeader>

      {d.holiday ? (
        <Alert color="blue" data-testid="checkin-holiday">
          {t('checkin.holiday', { name: d.holiday.keterangan })}
        </Alert>
      ) : d.onLeave ? (
        <Alert color="blue">{t('checkin.onLeave')}</Alert>
      ) : !d.workingDay ? (
        <Alert color="blue">{t('checkin.notWorkingDay')}</Alert>
      ) : null}

      <LocationCard day={d} geo={geo} />

      {shown && (
        <Alert color="red" title={t('checkin.refused.title')} data-testid="checkin-refusal">
          <Text size="sm" data-testid="checkin-refusal-reason">
            {shown.reason}
          </Text>
          {shown.distanceM != null && (
            <Text size="sm" fw={700} mt={4} data-testid="checkin-refusal-distance">
              {t('checkin.refused.distance', { m: formatNumber(shown.distanceM) })}
            </Text>
          )}
        </Alert>
      )}

      {next && (
        <Button
          size="xl"
          fullWidth
          color={next === 'MASUK' ? 'green' : 'blue'}
          leftSection={next === 'MASUK' ? <IconLogin /> : <IconLogout />}
          disabled={!geo.reading}
          loading={record.isPending}
          onClick={() => send(next)}
          data-testid="checkin-submit"
        >
          {t(next === 'MASUK' ? 'checkin.submit.masuk' : 'checkin.submit.pulang')}
        </Button>
      )}
      <Text size="xs" c="dimmed">
        {t('checkin.serverTime')}
      </Text>

      <TodayCard day={d} />

      {d.approvedLocations.length > 0 && (
        <Card data-testid="checkin-approved">
          <Title order={3} size="h5" mb="xs">
            {t('checkin.approved.title')}
          </Title>
          {d.approvedLocations.map((l) => (
            <Text size="sm" key={l.id}>
              {t(l.jenis === 'WFH' ? 'checkin.request.wfh' : 'checkin.request.dinasLuar')}: {l.nama} ({t('checkin.approved.radius', { m: l.radiusM })})
            </Text>
          ))}
        </Card>
      )}

      <Card>
        <Group justify="space-between" gap="xs">
          <Button variant="subtle" px={0} onClick={() => setShowRequest((v) => !v)} data-testid="checkin-request-toggle">
            {t('checkin.request.title')}
          </Button>
          <Button component={Link} to="/aktivitas" variant="light">
            {t('checkin.toAktivitas')}
          </Button>
        </Group>
        <Collapse expanded={showRequest}>
          <LokasiTugasForm reading={geo.reading} />
        </Collapse>
      </Card>
    </Stack>
  );
}

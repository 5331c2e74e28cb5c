import { ActionIcon, Alert, Badge, Button, Card, Checkbox, Group, NumberInput, SegmentedControl, Select, SimpleGrid, Skeleton, Stack, Table, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { useSearchState } from '../../components/useSearchState';
import { formatDate } from '../../i18n/format';
import { useToday } from '../auth/useMe';
import {
  useCreateSpecialSchedule,
  useDeleteSpecialSchedule,
  useHolidays,
  useOpdSchedule,
  useSaveOpdSchedule,
  useSaveHolidays,
  useSetWorkLocation,
  useSpecialSchedules,
  useSaveWeeklySchedule,
  useWeeklySchedule,
  useWorkLocations,
  type Holiday,
  type OpdSchedule,
  type WeekdayHoursRow,
  type WorkLocation,
} from './api';

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const saved = (message: string) => notifications.show({ color: 'green', message });

function LocationForm({ loc, onDone }: { loc: WorkLocation; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSetWorkLocation();
  const [kind, setKind] = useState<'POINT' | 'POLYGON'>(loc.kind ?? 'POINT');
  const [lat, setLat] = useState<number | string>(loc.latitude ?? '');
  const [lng, setLng] = useState<number | string>(loc.longitude ?? '');
  const [radius, setRadius] = useState<number | string>(loc.radiusM ?? 100);
  const [json, setJson] = useState(loc.polygon ? JSON.stringify(loc.polygon) : '');
  const [jsonError, setJsonError] = useState<string | null>(null);
  const submit = () => {
    let body;
    if (kind === 'POINT') body = { kind, latitude: Number(lat), longitude: Number(lng), radiusM: Number(radius) } as const;
    else {
      try {
        body = { kind, polygon: JSON.parse(json) as unknown } as const;
      } catch {
        setJsonError(t('presensiAdmin.location.badJson'));
        return;
      }
    }
    setJsonError(null);
    save.mutate({ opdId: loc.opdId, body }, { onSuccess: () => (saved(t('presensiAdmin.saved')), onDone()) });
  };
  return (
    <Stack gap="xs" data-testid="location-form">
      <SegmentedControl
        value={kind}
        onChange={(v) => setKind(v as 'POINT' | 'POLYGON')}
        data={[
          { value: 'POINT', label: t('presensiAdmin.location.point') },
          { value: 'POLYGON', label: t('presensiAdmin.location.polygon') },
        ]}
      />
      {kind === 'POINT' ? (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput label={t('presensiAdmin.location.lat')} value={lat} onChange={setLat} decimalScale={6} min={-90} max={90} />
          <NumberInput label={t('presensiAdmin.location.lng')} value={lng} onChange={setLng} decimalScale={6} min={-180} max={180} />
          <NumberInput label={t('presensiAdmin.location.radius')} value={radius} onChange={setRadius} min={10} max={5000} />
        </SimpleGrid>
      ) : (
        <Textarea label={t('presensiAdmin.location.geojson')} description={t('presensiAdmin.location.geojsonHelp')} value={json} onChange={(e) => setJson(e.currentTarget.value)} autosize minRows={4} ff="monospace" error={jsonError} />
      )}
      {save.isError && <Alert color="red">{errorMessage(save.error)}</Alert>}
      <Group>
        <Button onClick={submit} loading={save.isPending}>
          {t('presensiAdmin.save')}
        </Button>
        <Button variant="subtle" onClick={onDone}>
          {t('presensiAdmin.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

function LocationsTab() {
  const { t } = useTranslation();
  const q = useWorkLocations();
  const [editing, setEditing] = useState<number | null>(null);
  if (q.isPending) return <Skeleton h={200} />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />;
  // Cards rather than a table: the page is usable on a phone too.
  return (
    <Stack gap="xs" data-testid="locations-table">
      {q.data.items.map((l) => (
        <Card key={l.opdId} withBorder p="sm" data-testid="location-row">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text fw={600} size="sm">
                {l.nama}
              </Text>
              <Text size="xs" c="dimmed">
                {l.kind === 'POLYGON'
                  ? t('presensiAdmin.location.vertices', { n: (l.polygon?.coordinates[0]?.length ?? 1) - 1 })
                  : l.kind === 'POINT'
                    ? `${l.latitude?.toFixed(6)}, ${l.longitude?.toFixed(6)} · ${l.radiusM} m`
                    : '—'}
              </Text>
            </Stack>
            <Group gap="xs" wrap="nowrap">
              <Badge variant="light" color={l.kind ? 'blue' : 'gray'} tt="none">
                {l.kind === 'POLYGON' ? t('presensiAdmin.location.polygon') : l.kind === 'POINT' ? t('presensiAdmin.location.point') : t('presensiAdmin.location.none')}
              </Badge>
              {editing !== l.opdId && (
                <Button size="xs" variant="light" onClick={() => setEditing(l.opdId)}>
                  {t('presensiAdmin.edit')}
                </Button>
              )}
            </Group>
          </Group>
          {editing === l.opdId && (
            <Stack mt="sm">
              <LocationForm loc={l} onDone={() => setEditing(null)} />
            </Stack>
          )}
        </Card>
      ))}
    </Stack>
  );
}

type DayForm = { kerja: boolean; jamMasuk: string; jamPulang: string };
type WeekForm = Record<number, DayForm>;

/** A week's form from rows of hours (a day without a row is off; its inputs start at 07:30–16:00). */
function weekForm(rows: readonly WeekdayHoursRow[]): WeekForm {
  return Object.fromEntries(
    DAYS.map((d) => {
      const row = rows.find((i) => i.hari === d);
      return [d, { kerja: !!row, jamMasuk: row?.jamMasuk ?? '07:30', jamPulang: row?.jamPulang ?? '16:00' }];
    }),
  );
}

/** The rows of hours a week's form stands for (ticked days only). */
const weekRows = (days: WeekForm): WeekdayHoursRow[] => DAYS.filter((d) => days[d]!.kerja).map((d) => ({ hari: d, jamMasuk: days[d]!.jamMasuk, jamPulang: days[d]!.jamPulang }));

/** One row per weekday: worked or not, and its hours (WIB). */
function WeekHoursFields({ days, onChange, testId }: { days: WeekForm; onChange: (days: WeekForm) => void; testId: string }) {
  const { t } = useTranslation();
  const setDay = (d: number, patch: Partial<DayForm>) => onChange({ ...days, [d]: { ...days[d]!, ...patch } });
  return (
    <Stack gap={6}>
      {DAYS.map((d) => (
        <Group key={d} gap="sm" wrap="nowrap" data-testid={`${testId}-${d}`}>
          <Checkbox w={110} label={t(`presensiAdmin.days.${d}`)} checked={days[d]!.kerja} onChange={(e) => setDay(d, { kerja: e.currentTarget.checked })} />
          <TextInput type="time" aria-label={`${t('presensiAdmin.schedule.masuk')} ${t(`presensiAdmin.days.${d}`)}`} value={days[d]!.jamMasuk} disabled={!days[d]!.kerja} onChange={(e) => setDay(d, { jamMasuk: e.currentTarget.value })} w={140} />
          <Text size="sm">–</Text>
          <TextInput type="time" aria-label={`${t('presensiAdmin.opdSchedule.pulang')} ${t(`presensiAdmin.days.${d}`)}`} value={days[d]!.jamPulang} disabled={!days[d]!.kerja} onChange={(e) => setDay(d, { jamPulang: e.currentTarget.value })} w={140} />
          {!days[d]!.kerja && (
            <Text size="xs" c="dimmed">
              {t('presensiAdmin.schedule.off')}
            </Text>
          )}
        </Group>
      ))}
    </Stack>
  );
}

/** The hours of one OPD: follow the regency's table, or its own hours per weekday (a day not ticked is off). */
function OpdScheduleEditor({ data }: { data: OpdSchedule }) {
  const { t } = useTranslation();
  const save = useSaveOpdSchedule();
  const [mode, setMode] = useState<'KABUPATEN' | 'SENDIRI'>(data.ikutKabupaten ? 'KABUPATEN' : 'SENDIRI');
  // Own hours start from the OPD's rows, else from the regency's as a template.
  const [days, setDays] = useState(() => weekForm(data.ikutKabupaten ? data.kabupaten : data.items));
  const items = mode === 'KABUPATEN' ? [] : weekRows(days);
  const noDay = mode === 'SENDIRI' && items.length === 0;
  return (
    <Stack gap="sm" data-testid="opd-schedule-editor">
      <SegmentedControl
        value={mode}
        onChange={(v) => setMode(v as 'KABUPATEN' | 'SENDIRI')}
        data={[
          { value: 'KABUPATEN', label: t('presensiAdmin.opdSchedule.followRegency') },
          { value: 'SENDIRI', label: t('presensiAdmin.opdSchedule.own') },
        ]}
      />
      {mode === 'KABUPATEN' ? (
        <Text size="sm" c="dimmed">
          {t('presensiAdmin.opdSchedule.followHelp')}{' '}
          {data.kabupaten.map((i) => `${t(`presensiAdmin.daysShort.${i.hari}`)} ${i.jamMasuk.replace(':', '.')}–${i.jamPulang.replace(':', '.')}`).join(', ')}
        </Text>
      ) : (
        <Stack gap={6}>
          <WeekHoursFields days={days} onChange={setDays} testId="opd-day" />
          <Text size="xs" c="dimmed">
            {t('presensiAdmin.opdSchedule.ownHelp')}
          </Text>
        </Stack>
      )}
      {noDay && <Alert color="yellow">{t('presensiAdmin.opdSchedule.noDay')}</Alert>}
      {save.isError && <Alert color="red">{errorMessage(save.error)}</Alert>}
      <Group>
        <Button onClick={() => save.mutate({ opdId: data.opdId, items }, { onSuccess: () => saved(t('presensiAdmin.saved')) })} loading={save.isPending} disabled={noDay} data-testid="opd-schedule-save">
          {t('presensiAdmin.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The regency's own week (every OPD that follows it): at least one working day. */
function RegencyScheduleEditor({ rows, onDone }: { rows: readonly WeekdayHoursRow[]; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveWeeklySchedule();
  const [days, setDays] = useState(() => weekForm(rows));
  const items = weekRows(days);
  return (
    <Stack gap="sm" data-testid="regency-schedule-editor">
      <WeekHoursFields days={days} onChange={setDays} testId="regency-day" />
      <Text size="xs" c="dimmed">
        {t('presensiAdmin.schedule.editHelp')}
      </Text>
      {items.length === 0 && <Alert color="yellow">{t('presensiAdmin.schedule.noDay')}</Alert>}
      {save.isError && <Alert color="red">{errorMessage(save.error)}</Alert>}
      <Group>
        <Button
          onClick={() =>
            save.mutate(items, {
              onSuccess: () => {
                saved(t('presensiAdmin.saved'));
                onDone();
              },
            })
          }
          loading={save.isPending}
          disabled={items.length === 0}
          data-testid="regency-schedule-save"
        >
          {t('presensiAdmin.save')}
        </Button>
        <Button variant="default" onClick={onDone} disabled={save.isPending}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

function OpdScheduleCard() {
  const { t } = useTranslation();
  const opds = useWorkLocations();
  const [opdId, setOpdId] = useState<number | null>(null);
  const q = useOpdSchedule(opdId);
  return (
    <Card withBorder data-testid="opd-schedule">
      <Title order={3} size="h5" mb="xs">
        {t('presensiAdmin.opdSchedule.title')}
      </Title>
      <Stack gap="sm">
        <Select
          label={t('presensiAdmin.opdSchedule.opd')}
          placeholder={t('presensiAdmin.opdSchedule.choose')}
          searchable
          data={(opds.data?.items ?? []).map((o) => ({ value: String(o.opdId), label: o.nama }))}
          value={opdId != null ? String(opdId) : null}
          onChange={(v) => setOpdId(v ? Number(v) : null)}
          maw={480}
        />
        {opdId != null && (q.isPending ? <Skeleton h={120} /> : q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} /> : <OpdScheduleEditor key={`${q.data.opdId}-${q.dataUpdatedAt}`} data={q.data} />)}
      </Stack>
    </Card>
  );
}

function SchedulesTab() {
  const { t } = useTranslation();
  const weekly = useWeeklySchedule();
  const [editingWeek, setEditingWeek] = useState(false);
  const specials = useSpecialSchedules();
  const create = useCreateSpecialSchedule();
  const remove = useDeleteSpecialSchedule();
  const { today } = useToday();
  const [form, setForm] = useState({ nama: '', mulai: today, selesai: today, jamMasuk: '08:00', jamPulang: '15:00', jamPulangJumat: '11:30' });
  const submit = () =>
    create.mutate(
      { nama: form.nama, mulai: form.mulai, selesai: form.selesai, items: [1, 2, 3, 4, 5].map((hari) => ({ hari, jamMasuk: form.jamMasuk, jamPulang: hari === 5 ? form.jamPulangJumat : form.jamPulang })) },
      { onSuccess: () => saved(t('presensiAdmin.saved')) },
    );
  return (
    <Stack gap="lg">
      <Card withBorder data-testid="regency-schedule">
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h5">
            {t('presensiAdmin.schedule.weekly')}
          </Title>
          {weekly.data && !editingWeek && (
            <Button size="xs" variant="light" onClick={() => setEditingWeek(true)} data-testid="regency-schedule-edit">
              {t('presensiAdmin.edit')}
            </Button>
          )}
        </Group>
        {weekly.data && editingWeek && <RegencyScheduleEditor rows={weekly.data.items} onDone={() => setEditingWeek(false)} />}
        {weekly.data && !editingWeek && (
          <SimpleGrid cols={{ base: 2, sm: 4, md: 7 }} spacing="xs">
            {DAYS.map((d) => {
              const row = weekly.data.items.find((i) => i.hari === d);
              return (
                <Stack key={d} gap={0}>
                  <Text size="xs" c="dimmed">
                    {t(`presensiAdmin.days.${d}`)}
                  </Text>
                  <Text size="sm">{row ? `${row.jamMasuk.replace(':', '.')}–${row.jamPulang.replace(':', '.')}` : t('presensiAdmin.schedule.off')}</Text>
                </Stack>
              );
            })}
          </SimpleGrid>
        )}
      </Card>
      <OpdScheduleCard />
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">
          {t('presensiAdmin.schedule.special')}
        </Title>
        <Stack gap="xs">
          {(specials.data?.items ?? []).map((s) => (
            <Group key={s.id} justify="space-between" data-testid="special-row">
              <Text size="sm">
                <b>{s.nama}</b> · {formatDate(s.mulai)} – {formatDate(s.selesai)} · {s.items.map((i) => `${t(`presensiAdmin.daysShort.${i.hari}`)} ${i.jamMasuk.replace(':', '.')}–${i.jamPulang.replace(':', '.')}`).join(', ')}
              </Text>
              <ActionIcon variant="subtle" color="red" aria-label={t('presensiAdmin.delete')} onClick={() => remove.mutate(s.id)}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('presensiAdmin.schedule.nama')} value={form.nama} onChange={(e) => setForm({ ...form, nama: e.currentTarget.value })} placeholder="Ramadan 1448 H" />
            <TextInput type="date" label={t('presensiAdmin.schedule.mulai')} value={form.mulai} onChange={(e) => setForm({ ...form, mulai: e.currentTarget.value })} />
            <TextInput type="date" label={t('presensiAdmin.schedule.selesai')} value={form.selesai} onChange={(e) => setForm({ ...form, selesai: e.currentTarget.value })} />
            <TextInput type="time" label={t('presensiAdmin.schedule.masuk')} value={form.jamMasuk} onChange={(e) => setForm({ ...form, jamMasuk: e.currentTarget.value })} />
            <TextInput type="time" label={t('presensiAdmin.schedule.pulang')} value={form.jamPulang} onChange={(e) => setForm({ ...form, jamPulang: e.currentTarget.value })} />
            <TextInput type="time" label={t('presensiAdmin.schedule.pulangJumat')} value={form.jamPulangJumat} onChange={(e) => setForm({ ...form, jamPulangJumat: e.currentTarget.value })} />
          </SimpleGrid>
          {create.isError && <Alert color="red">{errorMessage(create.error)}</Alert>}
          <Group>
            <Button onClick={submit} loading={create.isPending} disabled={!form.nama.trim()}>
              {t('presensiAdmin.schedule.add')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}

function HolidaysTab() {
  const { t } = useTranslation();
  const { year: thisYear } = useToday();
  const [year, setYear] = useState(thisYear);
  const q = useHolidays(year);
  const save = useSaveHolidays(year);
  const [row, setRow] = useState<Holiday>({ tanggal: `${year}-01-01`, jenis: 'LIBUR_NASIONAL', keterangan: '' });
  const items = q.data?.items ?? [];
  const put = (next: Holiday[]) => save.mutate(next, { onSuccess: () => saved(t('presensiAdmin.saved')) });
  return (
    <Stack gap="md">
      <Select label={t('presensiAdmin.holiday.year')} data={[thisYear - 1, thisYear, thisYear + 1].map(String)} value={String(year)} onChange={(v) => v && setYear(Number(v))} maw={160} allowDeselect={false} />
      {q.isPending ? (
        <Skeleton h={120} />
      ) : (
        <Table data-testid="holidays-table">
          <Table.Tbody>
            {items.map((h) => (
              <Table.Tr key={h.tanggal}>
                <Table.Td>{formatDate(h.tanggal)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={h.jenis === 'CUTI_BERSAMA' ? 'grape' : 'red'} tt="none">
                    {t(`presensiAdmin.holiday.${h.jenis}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{h.keterangan}</Table.Td>
                <Table.Td>
                  <ActionIcon variant="subtle" color="red" aria-label={t('presensiAdmin.delete')} onClick={() => put(items.filter((x) => x.tanggal !== h.tanggal))}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput type="date" label={t('presensiAdmin.holiday.tanggal')} value={row.tanggal} onChange={(e) => setRow({ ...row, tanggal: e.currentTarget.value })} />
        <Select
          label={t('presensiAdmin.holiday.jenis')}
          data={(['LIBUR_NASIONAL', 'CUTI_BERSAMA'] as const).map((j) => ({ value: j, label: t(`presensiAdmin.holiday.${j}`) }))}
          value={row.jenis}
          onChange={(v) => v && setRow({ ...row, jenis: v as Holiday['jenis'] })}
          allowDeselect={false}
        />
        <TextInput label={t('presensiAdmin.holiday.keterangan')} value={row.keterangan} onChange={(e) => setRow({ ...row, keterangan: e.currentTarget.value })} />
      </SimpleGrid>
      {save.isError && <Alert color="red">{errorMessage(save.error)}</Alert>}
      <Group>
        <Button onClick={() => put([...items, row].sort((a, b) => a.tanggal.localeCompare(b.tanggal)))} loading={save.isPending} disabled={!row.keterangan.trim()}>
          {t('presensiAdmin.holiday.add')}
        </Button>
      </Group>
    </Stack>
  );
}

/** BKD set-up of attendance (/admin/presensi): work locations per OPD, hours and special schedules, holidays per year. */
export function PresensiAdminPage() {
  const { t } = useTranslation();
  const [state, update] = useSearchState({ tab: 'lokasi' });
  return (
    <Stack gap="md">
      <PageHeader title={t('nav.items.presensiAdmin')} description={t('presensiAdmin.description')} />
      <Tabs value={state.tab} onChange={(v) => v && update({ tab: v })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="lokasi">{t('presensiAdmin.tabs.locations')}</Tabs.Tab>
          <Tabs.Tab value="jadwal">{t('presensiAdmin.tabs.schedules')}</Tabs.Tab>
          <Tabs.Tab value="libur">{t('presensiAdmin.tabs.holidays')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="lokasi">
          <LocationsTab />
        </Tabs.Panel>
        <Tabs.Panel value="jadwal">
          <SchedulesTab />
        </Tabs.Panel>
        <Tabs.Panel value="libur">
          <HolidaysTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

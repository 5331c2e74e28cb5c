import { useState } from 'react';
import { Alert, Anchor, Avatar, Badge, Button, Card, Group, List, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconClockHour4, IconEdit, IconLock } from '@tabler/icons-react';
import { CHANGE_TARGET_SPECS, type ChangeTarget, type FieldValue } from '@simak/shared/api/change-requests';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { InfoGrid, type InfoItem } from '../../components/InfoGrid';
import { codeLabel, formatValue, golonganWithPangkat, STATUS_KEPEGAWAIAN_LABELS } from '../../domain/labels';
import { EMPTY_VALUE, formatDate, formatMoney, formatNip } from '../../i18n/format';
import { ChangeRequestModal, type ChangeRequestDraft } from '../change-requests/ChangeRequestModal';
import { MyKgbCard } from '../berkala/MyKgbCard';
import { MyKpCard } from '../pangkat/MyKpCard';
import { DocumentVault } from '../documents/DocumentVault';
import { useRequestList } from '../requests/api';
import { AuditTab } from './AuditTab';
import { HistoryTable } from './HistoryTable';
import type { EmployeeDetail, HistoryKind, HistoryRow } from './types';

const HISTORY_TABS: HistoryKind[] = ['pangkat', 'jabatan', 'pendidikan', 'diklat', 'skp', 'hukdis', 'kgb', 'cuti', 'keluarga'];
const CHANGEABLE = new Set<string>(Object.keys(CHANGE_TARGET_SPECS));

function initials(name: string): string {
  return name
    .replace(/,.*$/, '')
    .split(/\s+/)
    .filter((w) => /^[A-Za-z]/.test(w) && !w.endsWith('.'))
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

function PendingRequests({ employee, isSelf }: { employee: EmployeeDetail; isSelf: boolean }) {
  const { t } = useTranslation();
  const pending = useRequestList({
    employeeId: String(employee.id),
    type: 'DATA_CHANGE',
    state: 'DIAJUKAN,VERIFIKASI_2',
    page: 1,
    pageSize: 5,
    sort: '-submittedAt',
  });
  const total = pending.data?.total ?? 0;
  if (!total) return null;
  return (
    <Alert color="yellow" icon={<IconClockHour4 size={18} />} title={t('profile.pendingTitle', { count: total })} data-testid="pending-requests">
      <List size="sm" spacing={2}>
        {pending.data!.items.map((r) => (
          <List.Item key={r.id}>
            <Anchor component={Link} to={`/usulan/${r.id}`} size="sm">
              {r.title}
            </Anchor>{' '}
            <Text span size="xs" c="dimmed">
              ({r.stateLabel})
            </Text>
          </List.Item>
        ))}
      </List>
      {isSelf && total > 5 && (
        <Anchor component={Link} to="/usulan" size="sm">
          {t('profile.pendingAll')}
        </Anchor>
      )}
    </Alert>
  );
}

export interface EmployeeProfileProps {
  employee: EmployeeDetail;
  /** The signed-in user's own profile ("Profil Saya"). */
  isSelf: boolean;
}

/** The full profile of an employee: header and tabs; proposals when abilities.proposeChange. */
export function EmployeeProfile({ employee, isSelf }: EmployeeProfileProps) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState<ChangeRequestDraft | null>(null);
  const { profile, kepegawaian: k, abilities } = employee;
  const canPropose = abilities.proposeChange;

  // An atasan sees work data only: no personal tab, no family.
  const historyTabs = HISTORY_TABS.filter((kind) => employee.histories[kind] !== undefined);
  const firstTab = abilities.viewPersonal ? 'pribadi' : 'kepegawaian';
  const tabs = [
    ...(abilities.viewPersonal ? ['pribadi'] : []),
    'kepegawaian',
    ...historyTabs,
    ...(abilities.viewDocuments ? ['dokumen'] : []),
    ...(abilities.viewAudit ? ['audit'] : []),
  ];
  const requested = params.get('tab');
  const tab = requested && tabs.includes(requested) ? requested : firstTab;
  const setTab = (value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (!value || value === firstTab) next.delete('tab');
        else next.set('tab', value);
        return next;
      },
      { replace: true },
    );

  const proposeProfile = () => setDraft({ target: 'profile', op: 'update', current: profile });
  const proposeHistory = (kind: HistoryKind) => (op: 'create' | 'update' | 'delete', row?: HistoryRow) =>
    setDraft({
      target: kind as ChangeTarget,
      op,
      recordId: row?.id ?? null,
      current: (row ?? {}) as Record<string, FieldValue>,
    });

  const personal: InfoItem[] = [
    { key: 'nip', label: t('fields.nip'), value: <Text span ff="monospace">{employee.nipFormatted}</Text> },
    ...CHANGE_TARGET_SPECS.profile.fields.map((f) => ({
      key: f.key,
      label: f.label,
      value: formatValue(profile[f.key], f.type, f.key, 'profile'),
    })),
    { key: 'nipLama', label: t('fields.nipLama'), value: (profile.nipLama as string | null) ?? EMPTY_VALUE },
  ];

  const mkg = k.mkgTahun === null || k.mkgTahun === undefined ? EMPTY_VALUE : t('profile.mkg', { tahun: k.mkgTahun, bulan: k.mkgBulan ?? 0 });
  const employment: InfoItem[] = [
    { key: 'statusKepegawaian', label: t('fields.statusKepegawaian'), value: codeLabel('statusKepegawaian', k.statusKepegawaian as string) },
    { key: 'tmtCpns', label: t('fields.tmtCpns'), value: formatDate(k.tmtCpns as string | null) },
    { key: 'tmtPns', label: t('fields.tmtPns'), value: formatDate(k.tmtPns as string | null) },
    ...(k.tmtPppk ? [{ key: 'tmtPppk', label: t('fields.tmtPppk'), value: formatDate(k.tmtPppk as string) }] : []),
    { key: 'golongan', label: t('fields.golonganPangkat'), value: golonganWithPangkat(k.golongan as string | null, k.pangkat) },
    { key: 'tmtGolongan', label: t('fields.tmtGolongan'), value: formatDate(k.tmtGolongan as string | null) },
    { key: 'mkg', label: t('fields.mkgGolongan'), value: mkg },
    { key: 'jenisJabatan', label: t('fields.jenisJabatan'), value: codeLabel('jenisJabatan', k.jenisJabatan as string | null) },
    { key: 'namaJabatan', label: t('fields.namaJabatan'), value: (k.namaJabatan as string | null) ?? EMPTY_VALUE },
    ...(k.eselon ? [{ key: 'eselon', label: t('fields.eselon'), value: codeLabel('eselon', k.eselon as string) }] : []),
    ...(k.jenjangFungsional
      ? [
          { key: 'jenjangFungsional', label: t('fields.jenjangFungsional'), value: codeLabel('jenjangFungsional', k.jenjangFungsional as string) },
          { key: 'rumpunFungsional', label: t('fields.rumpunFungsional'), value: codeLabel('rumpunFungsional', k.rumpunFungsional as string | null) },
        ]
      : []),
    { key: 'tmtJabatan', label: t('fields.tmtJabatan'), value: formatDate(k.tmtJabatan as string | null) },
    { key: 'unitKerja', label: t('fields.unitKerja'), value: (k.unitKerja as string | null) ?? EMPTY_VALUE },
    { key: 'opd', label: t('fields.opd'), value: k.opd.nama },
    {
      key: 'atasan',
      label: t('fields.atasan'),
      value: k.atasan ? (
        <Stack gap={0}>
          <Text span size="sm" fw={500}>
            {k.atasan.nama}
          </Text>
          <Text span size="xs" c="dimmed" ff="monospace">
            {formatNip(k.atasan.nip)}
          </Text>
        </Stack>
      ) : (
        EMPTY_VALUE
      ),
    },
    { key: 'pendidikanTerakhir', label: t('fields.pendidikanTerakhir'), value: codeLabel('pendidikanTerakhir', k.pendidikanTerakhir as string | null) },
    { key: 'jurusan', label: t('fields.jurusan'), value: (k.jurusan as string | null) ?? EMPTY_VALUE },
    { key: 'tahunLulus', label: t('fields.tahunLulus'), value: k.tahunLulus === null || k.tahunLulus === undefined ? EMPTY_VALUE : String(k.tahunLulus) },
    { key: 'gajiPokok', label: t('fields.gajiPokok'), value: formatMoney(typeof k.gajiPokok === 'number' ? k.gajiPokok : k.gajiPokok ? Number(k.gajiPokok) : null) },
    { key: 'tmtKgbTerakhir', label: t('fields.tmtKgbTerakhir'), value: formatDate(k.tmtKgbTerakhir as string | null) },
    ...(k.tmtBerhenti
      ? [
          { key: 'tmtBerhenti', label: t('fields.tmtBerhenti'), value: formatDate(k.tmtBerhenti as string) },
          { key: 'jenisBerhenti', label: t('fields.jenisBerhenti'), value: codeLabel('jenisBerhenti', k.jenisBerhenti as string | null) },
        ]
      : []),
  ];

  return (
    <Stack gap="lg" data-testid="employee-profile" data-employee-id={employee.id}>
      <Card>
        <Group gap="lg" align="flex-start" wrap="nowrap">
          <Avatar size={64} radius="xl" color="simak" visibleFrom="xs">
            {initials(employee.namaLengkap)}
          </Avatar>
          <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
            <Group gap="sm" wrap="wrap">
              <Title order={3} size="h3" data-testid="profile-name">
                {employee.namaLengkap}
              </Title>
              <Badge color="simak" tt="none">
                {(STATUS_KEPEGAWAIAN_LABELS as Record<string, string>)[k.statusKepegawaian as string] ?? String(k.statusKepegawaian)}
              </Badge>
              {k.tmtBerhenti ? (
                <Badge color="gray" tt="none">
                  {t('employees.inactive')}
                </Badge>
              ) : null}
            </Group>
            <Text ff="monospace" size="sm" c="dimmed" data-testid="profile-nip">
              {t('fields.nip')} {employee.nipFormatted}
            </Text>
            <Group gap="xl" wrap="wrap" mt={4}>
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {t('fields.namaJabatan')}
                </Text>
                <Text size="sm" fw={500}>
                  {(k.namaJabatan as string | null) ?? EMPTY_VALUE}
                </Text>
              </Stack>
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {t('fields.golonganPangkat')}
                </Text>
                <Text size="sm" fw={500} data-testid="profile-golongan">
                  {golonganWithPangkat(k.golongan as string | null, k.pangkat)}
                </Text>
              </Stack>
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {t('fields.opd')}
                </Text>
                <Text size="sm" fw={500}>
                  {k.opd.nama}
                </Text>
              </Stack>
            </Group>
          </Stack>
        </Group>
        {employee.nipWarnings.length > 0 && (
          <Alert mt="md" color="orange" icon={<IconAlertTriangle size={18} />} title={t('profile.nipWarnings')} py="xs">
            <List size="sm">
              {employee.nipWarnings.map((w) => (
                <List.Item key={w}>{t(`nipWarnings.${w}`, { defaultValue: w })}</List.Item>
              ))}
            </List>
          </Alert>
        )}
      </Card>

      <PendingRequests employee={employee} isSelf={isSelf} />

      <Card padding="md">
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List mb="md" style={{ flexWrap: 'wrap' }}>
            {tabs.map((key) => (
              <Tabs.Tab
                key={key}
                value={key}
                data-testid={`tab-${key}`}
                rightSection={
                  HISTORY_TABS.includes(key as HistoryKind) && (employee.histories[key as HistoryKind]?.length ?? 0) > 0 ? (
                    <Badge size="sm" variant="light" color="gray" circle aria-label={t('profile.historyCount', { count: employee.histories[key as HistoryKind]?.length ?? 0 })}>
                      {employee.histories[key as HistoryKind]?.length}
                    </Badge>
                  ) : undefined
                }
              >
                {t(`profile.tabs.${key}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>

          {abilities.viewPersonal && (
            <Tabs.Panel value="pribadi">
              <Stack gap="md">
                <Group justify="space-between" wrap="wrap">
                  <Text size="sm" c="dimmed">
                    {canPropose ? t('profile.personalHint') : t('profile.readOnly')}
                  </Text>
                  {canPropose && (
                    <Button leftSection={<IconEdit size={16} />} onClick={proposeProfile} data-testid="propose-profile">
                      {t('profile.proposeChange')}
                    </Button>
                  )}
                </Group>
                <InfoGrid items={personal} testId="personal-data" />
              </Stack>
            </Tabs.Panel>
          )}

          <Tabs.Panel value="kepegawaian">
            <Stack gap="md">
              <Text size="sm" c="dimmed">
                {t('profile.employmentHint')}
              </Text>
              <InfoGrid items={employment} testId="employment-data" />
            </Stack>
          </Tabs.Panel>

          {historyTabs.map((kind) => (
            <Tabs.Panel key={kind} value={kind}>
              {kind === 'kgb' && isSelf && (
                <Stack mb="lg">
                  <MyKgbCard />
                </Stack>
              )}
              {kind === 'pangkat' && isSelf && (
                <Stack mb="lg">
                  <MyKpCard />
                </Stack>
              )}
              <HistoryTable
                kind={kind}
                rows={employee.histories[kind] ?? []}
                onPropose={canPropose && CHANGEABLE.has(kind) ? proposeHistory(kind) : undefined}
                note={
                  kind === 'cuti' ? (
                    <Group gap={6} component="span">
                      <IconLock size={14} />
                      {t('profile.cutiReadOnly')}
                    </Group>
                  ) : undefined
                }
              />
            </Tabs.Panel>
          ))}

          {abilities.viewDocuments && (
            <Tabs.Panel value="dokumen">
              <DocumentVault employeeId={employee.id} canUpload={abilities.viewDocuments} />
            </Tabs.Panel>
          )}

          {abilities.viewAudit && (
            <Tabs.Panel value="audit">
              <AuditTab employeeId={employee.id} />
            </Tabs.Panel>
          )}
        </Tabs>
      </Card>

      <ChangeRequestModal employeeId={employee.id} draft={draft} onClose={() => setDraft(null)} />
    </Stack>
  );
}

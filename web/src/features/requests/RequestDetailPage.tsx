import { useMemo, useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Grid, Group, Stack, Table, Text, Timeline, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconArrowBackUp,
  IconCheck,
  IconEye,
  IconFileText,
  IconPhoto,
  IconPointFilled,
  IconRefresh,
  IconRubberStamp,
  IconSend,
  IconX,
} from '@tabler/icons-react';
import type { FieldValue } from '@simak/shared/api/change-requests';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorMessage, isApiError } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { InfoGrid } from '../../components/InfoGrid';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { DOCUMENT_TYPE_LABELS, formatValue, toneColor } from '../../domain/labels';
import { EMPTY_VALUE, formatBytes, formatDateTime, formatNip } from '../../i18n/format';
import { useCurrentUser } from '../auth/useMe';
import { useChangeSpec } from '../change-requests/api';
import { ChangeRequestModal, type ChangeRequestDraft } from '../change-requests/ChangeRequestModal';
import { KgbDetailsPanel } from '../berkala/KgbDetailsPanel';
import { KGB_TYPE } from '../berkala/states';
import { DocumentPreview, DownloadButton } from '../documents/DocumentPreview';
import { useEmployee } from '../employees/api';
import { ActionDialog } from './ActionDialogs';
import { useRequest, useRequestAction } from './api';
import { RequestStatusBadge } from './RequestTable';
import { displayTitle } from './title';
import type { DiffRow, RequestAction, RequestDetail, RequestDocument } from './types';

const ACTION_COLORS: Record<string, string> = {
  approve: 'green',
  approve_final: 'green',
  reject: 'red',
  withdraw: 'gray',
  verify: 'green',
  finalize: 'green',
  return: 'red',
};

const ACTION_ICONS: Record<string, typeof IconCheck> = {
  approve: IconCheck,
  approve_final: IconCheck,
  reject: IconX,
  resubmit: IconSend,
  withdraw: IconArrowBackUp,
  verify: IconCheck,
  finalize: IconRubberStamp,
  return: IconArrowBackUp,
  recompute: IconRefresh,
};

function same(a: FieldValue, b: FieldValue) {
  return (a ?? null) === (b ?? null);
}

function DiffTable({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const { diff = [], target = '', op } = request.details;
  // "Saat ini" only matters while the request is open and the record changed since it was proposed.
  const showCurrent = !request.final && request.state !== 'DISETUJUI' && diff.some((d) => op !== 'create' && !same(d.current, d.before));
  const fmt = (d: DiffRow, v: FieldValue) => formatValue(v, d.type, d.field, target);

  if (diff.length === 0) return <EmptyState title={t('requests.detail.noDiff')} />;
  return (
    <Table.ScrollContainer minWidth={showCurrent ? 520 : 340}>
      <Table verticalSpacing="sm" striped="even" data-testid="diff-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="26%">{t('requests.detail.field')}</Table.Th>
            <Table.Th>{t('requests.detail.before')}</Table.Th>
            <Table.Th>{t('requests.detail.after')}</Table.Th>
            {showCurrent && <Table.Th>{t('requests.detail.current')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {diff.map((d) => {
            const currentDiffers = op !== 'create' && !same(d.current, d.before);
            return (
              <Table.Tr key={d.field} data-testid="diff-row" data-field={d.field}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {d.label}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={op === 'create' ? 'dimmed' : undefined} td={op === 'delete' ? undefined : 'line-through'} data-testid="diff-before">
                    {op === 'create' ? EMPTY_VALUE : fmt(d, d.before)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {op === 'delete' ? (
                    <Badge color="red" variant="light" tt="none">
                      {t('requests.detail.deleted')}
                    </Badge>
                  ) : (
                    <Text size="sm" fw={700} c="green.9" data-testid="diff-after">
                      {fmt(d, d.after)}
                    </Text>
                  )}
                </Table.Td>
                {showCurrent && (
                  <Table.Td>
                    {currentDiffers ? (
                      <Tooltip label={t('requests.detail.currentDiffers')} withArrow>
                        <Group gap={4} wrap="nowrap">
                          <IconAlertTriangle size={14} color="var(--mantine-color-orange-7)" />
                          <Text size="sm" c="orange.9" fw={600} data-testid="diff-current">
                            {fmt(d, d.current)}
                          </Text>
                        </Group>
                      </Tooltip>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('requests.detail.unchanged')}
                      </Text>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface DocumentsPanelProps {
  documents: RequestDocument[];
  emptyTitle?: string;
  /** Roles whose documents are not previewed on arrival (e.g. the KGB letter, which has its own preview). */
  skipInitialPreview?: string[];
}

function DocumentsPanel({ documents, emptyTitle, skipInitialPreview = [] }: DocumentsPanelProps) {
  const { t, i18n } = useTranslation();
  const [selectedId, setSelectedId] = useState<number | null>(
    documents.find((d) => !d.role || !skipInitialPreview.includes(d.role))?.id ?? null,
  );
  const selected = documents.find((d) => d.id === selectedId) ?? null;
  if (documents.length === 0) {
    return <EmptyState icon={<IconFileText size={30} stroke={1.5} />} title={emptyTitle ?? t('requests.detail.noDocuments')} data-testid="request-documents-empty" />;
  }
  return (
    <Stack gap="md">
      <Stack gap="xs" data-testid="request-documents">
        {documents.map((doc) => {
          const Icon = doc.mimeType.startsWith('image/') ? IconPhoto : IconFileText;
          const active = doc.id === selectedId;
          return (
            <Group
              key={doc.id}
              justify="space-between"
              wrap="wrap"
              gap="xs"
              p="xs"
              style={{
                border: `1px solid var(--mantine-color-${active ? 'simak-3' : 'gray-3'})`,
                borderRadius: 8,
                background: active ? 'var(--mantine-color-simak-0)' : undefined,
              }}
              data-testid="request-document"
              data-document-id={doc.id}
            >
              <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flex: '1 1 260px' }}>
                <Icon size={22} stroke={1.5} color="var(--mantine-color-simak-7)" aria-hidden />
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Group gap={6} wrap="wrap">
                    <Text size="sm" fw={600}>
                      {doc.title}
                    </Text>
                    {doc.role && i18n.exists(`requests.documentRoles.${doc.role}`) && (
                      <Badge size="xs" variant="light" color={doc.role === 'SURAT' ? 'green' : 'gray'} tt="none" data-testid="request-document-role">
                        {t(`requests.documentRoles.${doc.role}`)}
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {(DOCUMENT_TYPE_LABELS as Record<string, string>)[doc.jenis] ?? doc.jenis} · {doc.originalName} · {formatBytes(doc.sizeBytes)} ·{' '}
                    {t('documents.version', { version: doc.version })}
                  </Text>
                </Stack>
              </Group>
              <Group gap="xs">
                {doc.viewUrl && (
                  <Button
                    size="xs"
                    variant={active ? 'filled' : 'light'}
                    leftSection={<IconEye size={14} />}
                    onClick={() => setSelectedId(doc.id)}
                    aria-pressed={active}
                    data-testid="request-document-preview"
                  >
                    {t('documents.preview')}
                  </Button>
                )}
                <DownloadButton doc={doc} />
              </Group>
            </Group>
          );
        })}
      </Stack>
      {selected && <DocumentPreview doc={selected} height={520} />}
    </Stack>
  );
}

function RequestTimeline({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const events = request.timeline;
  if (events.length === 0) return <Text size="sm">{EMPTY_VALUE}</Text>;
  return (
    <Timeline active={events.length - 1} bulletSize={22} lineWidth={2} data-testid="request-timeline">
      {events.map((e, i) => {
        const Icon = ACTION_ICONS[e.action] ?? IconPointFilled;
        return (
          <Timeline.Item
            key={`${e.at}-${i}`}
            bullet={<Icon size={12} />}
            color={ACTION_COLORS[e.action]}
            title={e.toStateLabel}
            data-testid="timeline-item"
          >
            <Text size="xs" c="dimmed">
              {[t(`requests.timelineActions.${e.action}`, { defaultValue: e.action }), e.actorName ?? t('requests.detail.system')]
                .filter((part, idx) => idx > 0 || part !== e.toStateLabel)
                .join(' · ')}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(e.at)}
            </Text>
            {e.note && (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }} data-testid="timeline-note">
                {e.note}
              </Text>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

/** The request page: status, per-field diff, documents with preview, timeline and the allowed actions. */
export function RequestDetailPage() {
  const { id } = useParams();
  // A new id (e.g. from a notification) starts with fresh dialogs.
  return <RequestDetail key={id} requestId={Number(id)} />;
}

function RequestDetail({ requestId }: { requestId: number }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const query = useRequest(requestId);
  const spec = useChangeSpec();
  const action = useRequestAction();
  const [dialog, setDialog] = useState<RequestAction | null>(null);
  const [resubmitOpen, setResubmitOpen] = useState(false);
  const request = query.data;
  const employeeQuery = useEmployee(resubmitOpen && request ? request.employee.id : null);

  const draft: ChangeRequestDraft | null = useMemo(() => {
    if (!resubmitOpen || !request || !employeeQuery.data || !request.details.target || !request.details.op) return null;
    const { target, op, recordId, diff = [] } = request.details;
    const employee = employeeQuery.data;
    let current: Record<string, FieldValue | undefined> = {};
    if (target === 'profile') current = employee.profile;
    else if (op !== 'create') {
      const row = employee.histories[target]?.find((r) => r.id === recordId);
      if (row) current = row as Record<string, FieldValue>;
    }
    const initial = op === 'delete' ? {} : Object.fromEntries(diff.map((d) => [d.field, d.after]));
    return { target, op, recordId, current, initial, resubmit: { requestId: request.id, version: request.version } };
  }, [resubmitOpen, request, employeeQuery.data]);

  if (!Number.isInteger(requestId) || requestId <= 0) return <EmptyState title={t('notFound.title')} />;
  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return (
      <Stack gap="lg">
        <PageHeader title={t('requests.detail.title')} withBack backTo="/usulan" />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      </Stack>
    );
  }
  const r = query.data;
  const details = r.details;

  const onAction = (a: RequestAction) => {
    if (a.action === 'resubmit') setResubmitOpen(true);
    else setDialog(a);
  };

  const run = (a: RequestAction, note: string | undefined) => {
    action.mutate(
      { id: r.id, action: a.action, version: r.version, note },
      {
        onSuccess: (updated) => {
          setDialog(null);
          notifications.show({
            color: 'green',
            title: t('requests.actionDoneTitle', { action: a.label }),
            message: t('requests.actionDone', { action: a.label, state: updated.stateLabel }),
          });
        },
        onError: (error) => {
          setDialog(null);
          if (isApiError(error) && error.status === 409) {
            notifications.show({ color: 'orange', title: t('requests.staleTitle'), message: t('requests.staleMessage'), autoClose: 8000 });
            void query.refetch();
          } else {
            notifications.show({ color: 'red', title: t('requests.actionFailed'), message: errorMessage(error) });
          }
        },
      },
    );
  };

  const isOwn = me.employeeId === r.employee.id;
  const isKgb = r.type === KGB_TYPE;
  const isBkd = me.roles.includes('BKD_VERIFIER') || me.roles.includes('BKD_ADMIN');
  const opLabel = details.op ? t(`requests.ops.${details.op}`) : EMPTY_VALUE;

  return (
    <Stack gap="lg">
      <PageHeader
        title={displayTitle(r)}
        withBack
        backTo={
          isOwn
            ? isKgb
              ? '/profil?tab=kgb'
              : '/usulan'
            : isBkd
              ? isKgb
                ? '/berkala?tab=antrean'
                : '/verifikasi'
              : me.roles.includes('OPD_ADMIN')
                ? '/opd/usulan'
                : '/'
        }
        actions={r.actions.map((a) => {
          const Icon = ACTION_ICONS[a.action] ?? IconCheck;
          return (
            <Button
              key={a.action}
              color={a.intent === 'danger' ? 'red' : undefined}
              variant={a.intent === 'primary' ? 'filled' : a.intent === 'danger' ? 'light' : 'default'}
              leftSection={<Icon size={16} />}
              onClick={() => onAction(a)}
              loading={action.isPending && action.variables?.action === a.action}
              data-testid={`action-${a.action}`}
            >
              {a.label}
            </Button>
          );
        })}
      >
        <Group gap="xs">
          <RequestStatusBadge row={r} size="lg" />
          <Text size="sm" c="dimmed">
            #{r.id} · {r.typeLabel}
            {details.targetLabel ? ` · ${details.targetLabel}` : ''}
          </Text>
        </Group>
      </PageHeader>

      {r.state === 'DITOLAK' && r.actions.some((a) => a.action === 'resubmit') && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('requests.detail.rejectedTitle')}>
          <Text size="sm">{t('requests.detail.rejectedHint')}</Text>
        </Alert>
      )}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            {isKgb ? (
              <KgbDetailsPanel request={r} />
            ) : (
              <Card>
                <Group justify="space-between" mb="sm">
                  <Title order={3} size="h4">
                    {t('requests.detail.changes')}
                  </Title>
                  <Badge color={details.op === 'delete' ? 'red' : details.op === 'create' ? 'teal' : 'blue'} variant="outline" tt="none">
                    {opLabel}
                  </Badge>
                </Group>
                <DiffTable request={r} />
              </Card>
            )}
            <Card>
              <Title order={3} size="h4" mb="sm">
                {isKgb ? t('requests.detail.kgbDocuments') : t('requests.detail.documents')}
              </Title>
              <DocumentsPanel
                key={r.documents.map((d) => d.id).join(',')}
                documents={r.documents}
                emptyTitle={isKgb ? t('requests.detail.kgbNoDocuments') : undefined}
                skipInitialPreview={isKgb ? ['SURAT'] : undefined}
              />
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <Card>
              <Title order={3} size="h4" mb="sm">
                {t('requests.detail.info')}
              </Title>
              <InfoGrid
                cols={1}
                items={[
                  {
                    key: 'employee',
                    label: t('requests.columns.employee'),
                    value: (
                      <Stack gap={0}>
                        {isOwn ? (
                          <Text size="sm" fw={600}>
                            {r.employee.nama}
                          </Text>
                        ) : (
                          <Anchor component={Link} to={`/pegawai/${r.employee.id}`} size="sm" fw={600}>
                            {r.employee.nama}
                          </Anchor>
                        )}
                        <Text size="xs" c="dimmed" ff="monospace">
                          {formatNip(r.employee.nip)}
                        </Text>
                      </Stack>
                    ),
                  },
                  { key: 'opd', label: t('requests.detail.opd'), value: r.opd?.nama ?? EMPTY_VALUE },
                  { key: 'submittedAt', label: isKgb ? t('berkala.queue.createdAt') : t('requests.columns.submittedAt'), value: formatDateTime(r.submittedAt) },
                  {
                    key: 'stateSince',
                    label: t('requests.detail.stateSince'),
                    value: (
                      <Group gap={6}>
                        <Badge size="xs" color={toneColor(r.tone)} tt="none">
                          {r.stateLabel}
                        </Badge>
                        <Text size="sm">{formatDateTime(r.stateSince)}</Text>
                      </Group>
                    ),
                  },
                  { key: 'age', label: t('requests.columns.age'), value: t('requests.ageDays', { count: r.ageDays }) },
                ]}
              />
            </Card>
            <Card>
              <Title order={3} size="h4" mb="md">
                {t('requests.detail.timeline')}
              </Title>
              <RequestTimeline request={r} />
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>

      <ActionDialog
        action={dialog}
        reasons={dialog?.action === 'reject' ? (spec.data?.rejectReasons ?? []) : []}
        pending={action.isPending}
        onClose={() => setDialog(null)}
        onConfirm={(note) => dialog && run(dialog, note)}
      />
      {resubmitOpen && !draft && employeeQuery.isError && (
        <ErrorState error={employeeQuery.error} onRetry={() => void employeeQuery.refetch()} />
      )}
      <ChangeRequestModal employeeId={r.employee.id} draft={draft} onClose={() => setResubmitOpen(false)} />
    </Stack>
  );
}


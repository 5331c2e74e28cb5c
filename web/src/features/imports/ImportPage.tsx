import { useEffect, useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Grid,
  Group,
  Progress,
  Radio,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconDownload, IconFileImport, IconPaperclip, IconUpload } from '@tabler/icons-react';
import {
  IMPORT_KIND_LABELS,
  IMPORT_KINDS,
  IMPORT_MODES,
  IMPORT_STATUS_LABELS,
  type ImportDetail,
  type ImportKind,
  type ImportMode,
  type ImportStatus,
  type ImportSummary,
} from '@simak/shared/api/imports';
import { useTranslation } from 'react-i18next';
import { detailMessages, errorMessage, isApiError } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { ListFooter } from '../../components/ListFooter';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { useSearchState } from '../../components/useSearchState';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { FINAL_IMPORT_STATUSES, IMPORTS_KEY, useImport, useImportList, useStartImport } from './api';

const STATUS_COLORS: Record<ImportStatus, string> = {
  QUEUED: 'gray',
  RUNNING: 'blue',
  DONE: 'green',
  REJECTED: 'orange',
  FAILED: 'red',
};

const KIND_OPTIONS = IMPORT_KINDS.map((k) => ({ value: k, label: IMPORT_KIND_LABELS[k] }));
const ACCEPT = '.csv,.xlsx';
const MAX_BYTES = 20 * 1024 * 1024;

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} tt="none" data-testid="import-status" data-status={status}>
      {IMPORT_STATUS_LABELS[status]}
    </Badge>
  );
}

function CountCard({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Card padding="sm" shadow="none">
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text fz={22} fw={700} c={color}>
        {formatNumber(value)}
      </Text>
    </Card>
  );
}

function ImportProgressCard({ job }: { job: ImportDetail }) {
  const { t } = useTranslation();
  const { processedRows, totalRows } = job.progress;
  const final = FINAL_IMPORT_STATUSES.includes(job.status);
  const percent = totalRows > 0 ? Math.min(100, Math.round((processedRows / totalRows) * 100)) : final ? 100 : 0;
  const indeterminate = !final && totalRows === 0;
  const color = STATUS_COLORS[job.status];
  return (
    <Card data-testid="import-progress">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <Stack gap={2}>
            <Title order={3} size="h4">
              {t('imports.jobTitle', { id: job.id, kind: IMPORT_KIND_LABELS[job.kind] })}
            </Title>
            <Text size="sm" c="dimmed">
              {job.fileName} · {t(`imports.modes.${job.mode}`)} · {formatDateTime(job.createdAt)}
            </Text>
          </Stack>
          <ImportStatusBadge status={job.status} />
        </Group>
        <Stack gap={4}>
          <Progress
            value={indeterminate ? 100 : percent}
            animated={!final}
            striped={!final}
            color={color}
            size="lg"
            aria-label={t('imports.progress')}
            data-testid="import-progress-bar"
          />
          <Text size="sm" c="dimmed">
            {totalRows > 0
              ? t('imports.rows', { processed: formatNumber(processedRows), total: formatNumber(totalRows), percent })
              : t('imports.rowsUnknown', { processed: formatNumber(processedRows) })}
          </Text>
        </Stack>
        {job.message && (
          <Alert color={job.status === 'DONE' ? 'green' : job.status === 'REJECTED' || job.status === 'FAILED' ? 'red' : 'blue'} py="xs">
            <Text size="sm">{job.message}</Text>
          </Alert>
        )}
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
          <CountCard label={t('imports.counts.created')} value={job.counts.created} color="green.8" />
          <CountCard label={t('imports.counts.updated')} value={job.counts.updated} color="blue.8" />
          <CountCard label={t('imports.counts.unchanged')} value={job.counts.unchanged} />
          <CountCard label={t('imports.counts.failed')} value={job.counts.failed} color={job.counts.failed ? 'red.8' : undefined} />
          <CountCard label={t('imports.counts.warnings')} value={job.counts.warnings} color={job.counts.warnings ? 'orange.8' : undefined} />
        </SimpleGrid>
        <Stack gap="xs">
          <Group justify="space-between" wrap="wrap">
            <Title order={4} size="h5">
              {t('imports.errorsTitle')}
            </Title>
            {job.errorsTotal > 0 && (
              <Button
                component="a"
                href={`/api/imports/${job.id}/errors.csv`}
                download
                size="xs"
                variant="default"
                leftSection={<IconDownload size={14} />}
                data-testid="import-errors-csv"
              >
                {t('imports.downloadErrors')}
              </Button>
            )}
          </Group>
          {job.errors.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="import-no-errors">
              {final ? t('imports.noErrors') : t('imports.noErrorsYet')}
            </Text>
          ) : (
            <>
              <ScrollArea.Autosize mah={420} type="auto">
                <Table verticalSpacing={6} striped="even" stickyHeader miw={640} data-testid="import-errors">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={80}>{t('imports.columns.row')}</Table.Th>
                      <Table.Th w={160}>{t('imports.columns.column')}</Table.Th>
                      <Table.Th w={180}>{t('imports.columns.value')}</Table.Th>
                      <Table.Th>{t('imports.columns.message')}</Table.Th>
                      <Table.Th w={110}>{t('imports.columns.severity')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {job.errors.map((e, i) => (
                      <Table.Tr key={`${e.row}-${e.column}-${i}`} data-testid="import-error-row">
                        <Table.Td>{e.row}</Table.Td>
                        <Table.Td>
                          <Text size="sm" ff="monospace">
                            {e.column ?? '—'}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                            {e.value ?? '—'}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{e.message}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Badge size="sm" color={e.severity === 'error' ? 'red' : 'orange'} tt="none">
                            {t(`imports.severity.${e.severity}`)}
                          </Badge>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
              {job.errorsTotal > job.errors.length && (
                <Text size="xs" c="dimmed">
                  {t('imports.errorsCapped', { shown: formatNumber(job.errors.length), total: formatNumber(job.errorsTotal) })}
                </Text>
              )}
              {job.errorsNotStored > 0 && (
                <Text size="xs" c="dimmed">
                  {t('imports.errorsNotStored', { count: formatNumber(job.errorsNotStored) })}
                </Text>
              )}
            </>
          )}
        </Stack>
      </Stack>
    </Card>
  );
}

function RecentImports({ selectedId, onSelect }: { selectedId: number | null; onSelect: (id: number) => void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useImportList(page);
  return (
    <Card padding={0}>
      <Title order={3} size="h4" p="md" pb="xs">
        {t('imports.recent')}
      </Title>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <Stack p="md">
          <ErrorState error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
        </Stack>
      ) : list.data.items.length === 0 ? (
        <EmptyState icon={<IconFileImport size={30} stroke={1.5} />} title={t('imports.emptyRecent')} data-testid="imports-empty" />
      ) : (
        <Stack gap={0}>
          <ScrollArea type="auto">
            <Table highlightOnHover verticalSpacing="sm" miw={760} data-testid="import-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('imports.columns.file')}</Table.Th>
                  <Table.Th>{t('imports.columns.kind')}</Table.Th>
                  <Table.Th>{t('imports.columns.status')}</Table.Th>
                  <Table.Th ta="right">{t('imports.columns.counts')}</Table.Th>
                  <Table.Th>{t('imports.columns.createdAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((job: ImportSummary) => (
                  <Table.Tr
                    key={job.id}
                    onClick={() => onSelect(job.id)}
                    style={{ cursor: 'pointer' }}
                    bg={job.id === selectedId ? 'simak.0' : undefined}
                    data-testid="import-row"
                  >
                    <Table.Td>
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        fw={600}
                        onClick={(e) => {
                          e.stopPropagation();
                          onSelect(job.id);
                        }}
                      >
                        {job.fileName}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        #{job.id} · {t(`imports.modes.${job.mode}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{IMPORT_KIND_LABELS[job.kind]}</Text>
                    </Table.Td>
                    <Table.Td>
                      <ImportStatusBadge status={job.status} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="xs">
                        {t('imports.countsShort', {
                          created: formatNumber(job.counts.created),
                          updated: formatNumber(job.counts.updated),
                          failed: formatNumber(job.counts.failed),
                        })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(job.createdAt)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
          <Stack p="md" pt="sm">
            <ListFooter page={page} pageSize={list.data.pageSize} total={list.data.total} onPageChange={setPage} />
          </Stack>
        </Stack>
      )}
    </Card>
  );
}

/** "Impor Data" (BKD_ADMIN): upload a CSV/XLSX file, follow its progress, see errors and recent imports. */
export function ImportPage() {
  const { t } = useTranslation();
  const [state, update] = useSearchState({ id: '' });
  const currentId = state.id ? Number(state.id) : null;
  const [kind, setKind] = useState<ImportKind | null>('pegawai');
  const [mode, setMode] = useState<ImportMode>('all-or-nothing');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ kind?: string; file?: string }>({});
  const start = useStartImport();
  const job = useImport(currentId);
  const queryClient = useQueryClient();
  const jobStatus = job.data?.status;

  // Refresh the recent list when the followed import finishes.
  useEffect(() => {
    if (jobStatus && FINAL_IMPORT_STATUSES.includes(jobStatus)) void queryClient.invalidateQueries({ queryKey: [...IMPORTS_KEY, 'list'] });
  }, [jobStatus, queryClient]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (!kind) next.kind = t('imports.kindRequired');
    if (!file) next.file = t('imports.fileRequired');
    else if (!/\.(csv|xlsx)$/i.test(file.name)) next.file = t('imports.fileType');
    else if (file.size > MAX_BYTES) next.file = t('imports.fileTooLarge');
    setErrors(next);
    if (next.kind || next.file || !kind || !file) return;
    start.mutate(
      { kind, mode, file },
      {
        onSuccess: ({ id }) => {
          notifications.show({ color: 'blue', title: t('imports.startedTitle'), message: t('imports.started', { id }) });
          setFile(null);
          update({ id });
        },
      },
    );
  };

  const startDetails = isApiError(start.error) ? detailMessages(start.error.details) : [];

  return (
    <Stack gap="lg">
      <PageHeader title={t('nav.items.dataImport')} description={t('imports.description')} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <Card>
            <form onSubmit={submit} noValidate aria-label={t('imports.formTitle')}>
              <Stack gap="md">
                <Title order={3} size="h4">
                  {t('imports.formTitle')}
                </Title>
                <Select
                  id="import-kind"
                  label={t('imports.kind')}
                  description={t('imports.kindHint')}
                  data={KIND_OPTIONS}
                  value={kind}
                  onChange={(v) => setKind((v as ImportKind | null) ?? null)}
                  required
                  error={errors.kind}
                  data-testid="import-kind"
                />
                <Radio.Group
                  label={t('imports.mode')}
                  value={mode}
                  onChange={(v) => setMode(v as ImportMode)}
                  data-testid="import-mode"
                >
                  <Stack gap={8} mt={6}>
                    {IMPORT_MODES.map((m) => (
                      <Radio key={m} value={m} label={t(`imports.modes.${m}`)} description={t(`imports.modeHints.${m}`)} />
                    ))}
                  </Stack>
                </Radio.Group>
                <FileInput
                  id="import-file"
                  label={t('imports.file')}
                  description={t('imports.fileHint')}
                  placeholder={t('documents.choose')}
                  accept={ACCEPT}
                  value={file}
                  onChange={setFile}
                  clearable
                  required
                  error={errors.file}
                  leftSection={<IconPaperclip size={16} />}
                  data-testid="import-file"
                />
                {start.isError && (
                  <Alert color="red" title={t('imports.startFailed')}>
                    <Text size="sm">{errorMessage(start.error)}</Text>
                    {startDetails.map((m) => (
                      <Text size="sm" key={m}>
                        {m}
                      </Text>
                    ))}
                  </Alert>
                )}
                <Button type="submit" leftSection={<IconUpload size={16} />} loading={start.isPending} data-testid="import-submit">
                  {t('imports.submit')}
                </Button>
              </Stack>
            </form>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          {currentId === null ? (
            <Card>
              <EmptyState icon={<IconFileImport size={30} stroke={1.5} />} title={t('imports.noneSelected')} description={t('imports.noneSelectedHint')} />
            </Card>
          ) : job.isPending ? (
            <Card>
              <LoadingState />
            </Card>
          ) : job.isError ? (
            <ErrorState error={job.error} onRetry={() => void job.refetch()} retrying={job.isFetching} />
          ) : (
            <ImportProgressCard job={job.data} />
          )}
        </Grid.Col>
      </Grid>
      <RecentImports selectedId={currentId} onSelect={(id) => update({ id })} />
    </Stack>
  );
}

import { useMemo } from 'react';
import { Alert, Badge, Card, Group, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { FieldValue } from '@simak/shared/api/change-requests';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { formatValue } from '../../domain/labels';
import { EMPTY_VALUE } from '../../i18n/format';
import { useEmployee } from '../employees/api';
import { ActionDialog } from '../requests/ActionDialogs';
import type { DataChangeDetails, DiffRow, RequestDetail } from '../requests/types';
import type { RequestActionDialogProps, RequestDetailsProps } from '../requests/views';
import { useChangeSpec } from './api';
import { ChangeRequestModal, type ChangeRequestDraft } from './ChangeRequestModal';

/** The `details` of a DATA_CHANGE request (the server's change-request presenter). */
export function dataChangeDetailsOf(request: RequestDetail): Partial<DataChangeDetails> {
  return request.details as Partial<DataChangeDetails>;
}

function same(a: FieldValue, b: FieldValue) {
  return (a ?? null) === (b ?? null);
}

function DiffTable({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const { diff = [], target = '', op } = dataChangeDetailsOf(request);
  // "Saat ini" only matters while the request is open and the record changed since it was proposed.
  const showCurrent = !request.final && diff.some((d) => op !== 'create' && !same(d.current, d.before));
  const fmt = (d: DiffRow, v: FieldValue) => formatValue(v, d.type, d.field, target);

  if (diff.length === 0) return <EmptyState title={t('requests.detail.noDiff')} />;
  return (
    <Table.ScrollContainer minWidth={showCurrent ? 480 : 300}>
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

/** A data change's details: the operation and the per-field diff. */
export function DataChangeDetailsCard({ request }: RequestDetailsProps) {
  const { t } = useTranslation();
  const { op } = dataChangeDetailsOf(request);
  return (
    <Card>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('requests.detail.changes')}
        </Title>
        <Badge color={op === 'delete' ? 'red' : op === 'create' ? 'teal' : 'blue'} variant="outline" tt="none">
          {op ? t(`requests.ops.${op}`) : EMPTY_VALUE}
        </Badge>
      </Group>
      <DiffTable request={request} />
    </Card>
  );
}

/** A rejected data change can be corrected and resubmitted: say so above the page. */
export function DataChangeNotice({ request }: RequestDetailsProps) {
  const { t } = useTranslation();
  if (request.state !== 'DITOLAK' || !request.actions.some((a) => a.action === 'resubmit')) return null;
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('requests.detail.rejectedTitle')}>
      <Text size="sm">{t('requests.detail.rejectedHint')}</Text>
    </Alert>
  );
}

/** Resubmitting a rejected data change: the proposal form, prefilled with what was proposed. */
function ResubmitForm({ request, onClose }: { request: RequestDetail; onClose: () => void }) {
  const employeeQuery = useEmployee(request.employee.id);
  const draft: ChangeRequestDraft | null = useMemo(() => {
    const { target, op, recordId = null, diff = [] } = dataChangeDetailsOf(request);
    if (!employeeQuery.data || !target || !op) return null;
    const employee = employeeQuery.data;
    let current: Record<string, FieldValue | undefined> = {};
    if (target === 'profile') current = employee.profile;
    else if (op !== 'create') {
      const row = employee.histories[target]?.find((r) => r.id === recordId);
      if (row) current = row as Record<string, FieldValue>;
    }
    const initial = op === 'delete' ? {} : Object.fromEntries(diff.map((d) => [d.field, d.after]));
    return { target, op, recordId, current, initial, resubmit: { requestId: request.id, version: request.version } };
  }, [request, employeeQuery.data]);
  return (
    <>
      {!draft && employeeQuery.isError && <ErrorState error={employeeQuery.error} onRetry={() => void employeeQuery.refetch()} />}
      <ChangeRequestModal employeeId={request.employee.id} draft={draft} onClose={onClose} />
    </>
  );
}

/**
 * Actions on a data change: a rejection offers the configured reasons; resubmitting a
 * rejected request opens the proposal form (the values can be corrected). A request returned
 * for incomplete documents is resubmitted as it is (its documents are replaced on the
 * checklist), through the generic confirmation.
 */
export function DataChangeActionDialog({ request, action, pending, onClose, onConfirm }: RequestActionDialogProps) {
  const spec = useChangeSpec();
  if (action?.action === 'resubmit' && request.state === 'DITOLAK') return <ResubmitForm request={request} onClose={onClose} />;
  return (
    <ActionDialog
      action={action}
      reasons={action?.action === 'reject' ? (spec.data?.rejectReasons ?? []) : []}
      pending={pending}
      onClose={onClose}
      onConfirm={onConfirm}
    />
  );
}

import { useState } from 'react';
import { Badge, Code, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconShieldSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { ListFooter } from '../../components/ListFooter';
import { LoadingState } from '../../components/LoadingState';
import { EMPTY_VALUE, formatDateTime } from '../../i18n/format';
import { useEmployeeAudit } from './api';
import type { AuditEntry } from './types';

const PAGE_SIZE = 20;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return EMPTY_VALUE;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** "field: before → after" for the keys that differ (all keys of `after` when there is no `before`). */
export function auditChanges(entry: Pick<AuditEntry, 'before' | 'after'>): string[] {
  const before = isRecord(entry.before) ? entry.before : {};
  const after = isRecord(entry.after) ? entry.after : {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const lines: string[] = [];
  for (const key of keys) {
    const b = before[key];
    const a = after[key];
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    if (!(key in before)) {
      if (a !== null && a !== undefined) lines.push(`${key}: ${show(a)}`);
    }
    else if (!(key in after)) lines.push(`${key}: ${show(b)} → ${EMPTY_VALUE}`);
    else lines.push(`${key}: ${show(b)} → ${show(a)}`);
  }
  return lines;
}

/** The employee's audit trail (BKD roles): who, when, what changed, request id and IP. */
export function AuditTab({ employeeId }: { employeeId: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const query = useEmployeeAudit(employeeId, page);

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  if (query.data.items.length === 0) return <EmptyState icon={<IconShieldSearch size={30} stroke={1.5} />} title={t('audit.empty')} />;

  return (
    <Stack gap="md" data-testid="audit-tab">
      <ScrollArea type="auto">
        <Table verticalSpacing="sm" striped="even" miw={900} data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={170}>{t('audit.at')}</Table.Th>
              <Table.Th w={200}>{t('audit.actor')}</Table.Th>
              <Table.Th w={220}>{t('audit.action')}</Table.Th>
              <Table.Th>{t('audit.changes')}</Table.Th>
              <Table.Th w={130}>{t('audit.ip')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data.items.map((e) => {
              const changes = auditChanges(e);
              return (
                <Table.Tr key={e.id} data-testid="audit-row">
                  <Table.Td>
                    <Text size="sm">{formatDateTime(e.at)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{e.actor?.displayName ?? (e.actor ? `#${e.actor.id}` : t('audit.system'))}</Text>
                    {e.actor?.username && (
                      <Text size="xs" c="dimmed">
                        {e.actor.username}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`audit.actions.${e.action.replace(/\./g, '_')}`, { defaultValue: e.action })}</Text>
                    <Badge size="xs" color="gray" variant="outline" tt="none">
                      {e.entityType} #{e.entityId}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {changes.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {EMPTY_VALUE}
                      </Text>
                    ) : (
                      <Stack gap={2}>
                        {changes.slice(0, 6).map((line) => (
                          <Code key={line} block={false} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                            {line}
                          </Code>
                        ))}
                        {changes.length > 6 && (
                          <Text size="xs" c="dimmed">
                            {t('audit.more', { count: changes.length - 6 })}
                          </Text>
                        )}
                      </Stack>
                    )}
                    {e.requestId && (
                      <Text size="xs" c="dimmed" mt={4}>
                        {t('audit.requestId')}: {e.requestId}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {e.ip ?? EMPTY_VALUE}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <ListFooter page={page} pageSize={PAGE_SIZE} total={query.data.total} onPageChange={setPage} />
    </Stack>
  );
}

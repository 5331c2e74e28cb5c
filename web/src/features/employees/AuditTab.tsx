import { useState } from 'react';
import { ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconShieldSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { ListFooter } from '../../components/ListFooter';
import { LoadingState } from '../../components/LoadingState';
import { codeLabel, DOCUMENT_TYPE_LABELS, type DocumentType } from '../../domain/labels';
import i18n from '../../i18n';
import { EMPTY_VALUE, formatBytes, formatDate, formatDateTime, formatDecimal, formatMoney } from '../../i18n/format';
import { useEmployeeAudit } from './api';
import type { AuditEntry } from './types';

const PAGE_SIZE = 20;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T00:00:00(\.0+)?Z)?$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** The Indonesian name of a recorded field (`fields.*`, then `audit.fields.*`, else the words of the key). */
export function auditFieldLabel(key: string): string {
  for (const k of [`fields.${key}`, `audit.fields.${key}`]) if (i18n.exists(k)) return i18n.t(k);
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A recorded value as people read it: codes by their labels, dates in Indonesian, yes/no, nested values as "label: value". */
export function auditValue(key: string, v: unknown, stateLabels?: Record<string, string>): string {
  if (v === null || v === undefined || v === '') return EMPTY_VALUE;
  if (typeof v === 'boolean') return v ? i18n.t('common.yes') : i18n.t('common.no');
  if (typeof v === 'number' && key === 'sizeBytes') return formatBytes(v);
  if (typeof v === 'number' && /^gaji/.test(key)) return formatMoney(v);
  if (typeof v === 'number') return /Id$/.test(key) ? `#${v}` : /^(tahun|year)/i.test(key) ? String(v) : formatDecimal(v);
  if (typeof v === 'string') {
    if (key === 'state' && stateLabels?.[v]) return stateLabels[v];
    if (key === 'jenis' && v in DOCUMENT_TYPE_LABELS) return DOCUMENT_TYPE_LABELS[v as DocumentType];
    if (ISO_DATE.test(v)) return formatDate(v);
    if (ISO_INSTANT.test(v)) return formatDateTime(v);
    return codeLabel(key, v);
  }
  if (Array.isArray(v)) return v.map((x) => auditValue(key, x, stateLabels)).join(', ');
  if (isRecord(v)) return Object.entries(v).map(([k, x]) => `${auditFieldLabel(k)}: ${auditValue(k, x, stateLabels)}`).join('; ');
  return String(v);
}

/** Keys that only make sense to developers (row versions), left out of the changes. */
const HIDDEN_KEYS = new Set(['version', 'slotKey', 'sha256', 'storageKey', 'supersededIds', 'mimeType', 'letterId', 'id', 'employeeId']);

export interface AuditChange {
  key: string;
  label: string;
  before: string | null;
  after: string;
}

/** The keys that differ, each as label with before/after (all keys of `after` when there is no `before`). */
export function auditChanges(entry: Pick<AuditEntry, 'before' | 'after' | 'stateLabels'>): AuditChange[] {
  const before = isRecord(entry.before) ? entry.before : {};
  const after = isRecord(entry.after) ? entry.after : {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !HIDDEN_KEYS.has(k));
  const changes: AuditChange[] = [];
  for (const key of keys) {
    const b = before[key];
    const a = after[key];
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    const label = auditFieldLabel(key);
    if (!(key in before)) {
      if (a !== null && a !== undefined) changes.push({ key, label, before: null, after: auditValue(key, a, entry.stateLabels) });
    } else changes.push({ key, label, before: auditValue(key, b, entry.stateLabels), after: key in after ? auditValue(key, a, entry.stateLabels) : EMPTY_VALUE });
  }
  return changes;
}

/** The event's name: its own label, or "<request type> — <what happened>" for the verification engine's events. */
export function auditActionLabel(entry: Pick<AuditEntry, 'action' | 'subject'>): string {
  const own = `audit.actions.${entry.action.replace(/\./g, '_')}`;
  if (i18n.exists(own)) return i18n.t(own);
  const dot = entry.action.lastIndexOf('.');
  const verb = entry.action.slice(dot + 1);
  const subjectKey = entry.action.slice(0, dot);
  const subject = entry.subject ?? (i18n.exists(`audit.subjects.${subjectKey}`) ? i18n.t(`audit.subjects.${subjectKey}`) : auditFieldLabel(subjectKey));
  for (const k of [`requests.timelineActions.${verb}`, `audit.verbs.${verb}`]) if (i18n.exists(k)) return `${subject} — ${i18n.t(k).toLowerCase()}`;
  return `${subject} — ${auditFieldLabel(verb).toLowerCase()}`;
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
                    <Text size="sm" data-testid="audit-action">
                      {auditActionLabel(e)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {changes.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {EMPTY_VALUE}
                      </Text>
                    ) : (
                      <Stack gap={2}>
                        {changes.slice(0, 6).map((c) => (
                          <Text key={c.key} size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="audit-change">
                            <Text span fw={500}>
                              {c.label}:
                            </Text>{' '}
                            {c.before !== null && (
                              <>
                                <Text span c="dimmed" td="line-through">
                                  {c.before}
                                </Text>
                                {' → '}
                              </>
                            )}
                            {c.after}
                          </Text>
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

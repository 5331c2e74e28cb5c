import { Anchor, Badge, Checkbox, Group, ScrollArea, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { SortableTh } from '../../components/SortableTh';
import type { RowSelection } from '../../components/useRowSelection';
import { toneColor } from '../../domain/labels';
import { formatDate, formatDateTime, formatNip } from '../../i18n/format';
import { useToday } from '../auth/useMe';
import { displayTitle } from './title';
import type { ChecklistSummary, RequestRow } from './types';

export function RequestStatusBadge({ row, size = 'md' }: { row: Pick<RequestRow, 'stateLabel' | 'tone' | 'state'> & { damaged?: boolean }; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  const badge = (
    <Badge color={toneColor(row.tone)} size={size} tt="none" style={{ flexShrink: 0, overflow: 'visible' }} data-testid="request-status" data-state={row.state}>
      {row.stateLabel}
    </Badge>
  );
  if (!row.damaged) return badge;
  // Stored data that no longer matches its type: shown, never acted on, until BKD repairs it.
  return (
    <Group gap={4} wrap="nowrap">
      {badge}
      <Tooltip label={t('requests.damagedHelp')} multiline maw={280} withArrow>
        <Badge color="red" variant="outline" size={size} tt="none" data-testid="request-damaged">
          {t('requests.damaged')}
        </Badge>
      </Tooltip>
    </Group>
  );
}

/** A row's checklist in a few words: required documents present, and how many were judged. */
function ChecklistSummaryText({ summary }: { summary: ChecklistSummary }) {
  const { t } = useTranslation();
  const filled = summary.required - summary.missingRequired;
  return (
    <Text size="xs" c="dimmed" data-testid="request-checklist-summary" data-invalid={summary.invalid}>
      <Text span size="xs" c={summary.missingRequired > 0 ? 'orange.8' : undefined}>
        {t('requests.checklistShort', { filled, count: summary.required })}
      </Text>
      {summary.valid > 0 && ` · ${t('requests.checklist.summaryValid', { count: summary.valid })}`}
      {summary.invalid > 0 && (
        <Text span size="xs" c="red.8" fw={600}>
          {` · ${t('requests.checklist.summaryInvalid', { count: summary.invalid })}`}
        </Text>
      )}
    </Text>
  );
}

export type RequestSelection = RowSelection<RequestRow>;

export interface RequestTableProps {
  items: RequestRow[];
  showEmployee: boolean;
  sort: string;
  onSort: (sort: string) => void;
  selection?: RequestSelection;
  /** Header of the date column (default "Diajukan"). */
  submittedLabel?: string;
  /** The date shown and sorted on: submission (default) or since when the request is in its state. */
  dateField?: 'submittedAt' | 'stateSince';
  /** A sortable TMT column (the date the request is due for), overdue ones marked. */
  showDueDate?: boolean;
}

/** Requests as a table: title, employee, status badge (tone colour), submission date and age. */
export function RequestTable({ items, showEmployee, sort, onSort, selection, submittedLabel, dateField = 'submittedAt', showDueDate = false }: RequestTableProps) {
  const { t } = useTranslation();
  const { today } = useToday();
  const navigate = useNavigate();
  const selectable = selection ? items.filter(selection.isSelectable) : [];
  const allChecked = selection ? selectable.length > 0 && selectable.every((r) => selection.selected.has(r.id)) : false;
  const someChecked = selection ? selectable.some((r) => selection.selected.has(r.id)) : false;

  return (
    <ScrollArea type="auto">
      <Table highlightOnHover verticalSpacing="sm" miw={{ base: 0, lg: showDueDate ? 920 : 820 }} data-testid="request-table">
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th w={40}>
                <Checkbox
                  aria-label={t('requests.selectAll')}
                  checked={allChecked}
                  indeterminate={someChecked && !allChecked}
                  disabled={selectable.length === 0}
                  onChange={(e) => selection.onToggleAll(e.currentTarget.checked)}
                  data-testid="request-select-all"
                />
              </Table.Th>
            )}
            <Table.Th>{t('requests.columns.title')}</Table.Th>
            {showEmployee && <Table.Th visibleFrom="md">{t('requests.columns.employee')}</Table.Th>}
            {showDueDate && (
              <SortableTh sortKey="dueDate" sort={sort} onSort={onSort} w={150}>
                {t('requests.columns.dueDate')}
              </SortableTh>
            )}
            <Table.Th w={250}>{t('requests.columns.status')}</Table.Th>
            <SortableTh sortKey={dateField} sort={sort} onSort={onSort} w={170} visibleFrom="sm">
              {submittedLabel ?? t('requests.columns.submittedAt')}
            </SortableTh>
            <Table.Th w={90} ta="right" visibleFrom="sm">
              {t('requests.columns.age')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((row) => {
            const canSelect = selection?.isSelectable(row) ?? false;
            return (
              <Table.Tr
                key={row.id}
                onClick={() => void navigate(`/usulan/${row.id}`)}
                style={{ cursor: 'pointer' }}
                data-testid="request-row"
                data-request-id={row.id}
              >
                {selection && (
                  <Table.Td onClick={(e) => e.stopPropagation()}>
                    <Checkbox
                      aria-label={t('requests.selectRow', { title: displayTitle(row) })}
                      checked={selection.selected.has(row.id)}
                      disabled={!canSelect}
                      onChange={(e) => selection.onToggle(row, e.currentTarget.checked)}
                      data-testid="request-select"
                    />
                  </Table.Td>
                )}
                <Table.Td>
                  <Stack gap={2}>
                    <Anchor
                      component={Link}
                      to={`/usulan/${row.id}`}
                      fw={600}
                      size="sm"
                      onClick={(e) => e.stopPropagation()}
                      data-testid="request-link"
                    >
                      {displayTitle(row)}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      #{row.id} · {row.typeLabel}
                      {row.opd ? ` · ${row.opd.nama}` : ''}
                      {row.batchId !== null ? ` · ${t('requests.batchLabel', { id: row.batchId })}` : ''}
                    </Text>
                    {showEmployee && (
                      <Text size="xs" hiddenFrom="md">
                        {row.employee.nama} · {formatNip(row.employee.nip)}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                {showEmployee && (
                  <Table.Td visibleFrom="md">
                    <Text size="sm">{row.employee.nama}</Text>
                    <Text size="xs" c="dimmed" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      {formatNip(row.employee.nip)}
                    </Text>
                  </Table.Td>
                )}
                {showDueDate && (
                  <Table.Td data-testid="request-due">
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(row.dueDate)}
                    </Text>
                    {!row.final && row.dueDate !== null && row.dueDate < today && (
                      <Badge size="xs" color="red" variant="light" tt="none" data-testid="request-overdue">
                        {t('requests.overdue')}
                      </Badge>
                    )}
                  </Table.Td>
                )}
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <RequestStatusBadge row={row} size="sm" />
                    {row.checklist && row.checklist.total > 0 && <ChecklistSummaryText summary={row.checklist} />}
                  </Stack>
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Text size="sm" title={formatDateTime(row[dateField])}>
                    {formatDate(row[dateField])}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" visibleFrom="sm">
                  <Group justify="flex-end" gap={4}>
                    <Text size="sm" c={!row.final && row.ageDays >= 7 ? 'orange.8' : undefined} fw={!row.final && row.ageDays >= 7 ? 600 : undefined}>
                      {t('requests.ageDays', { count: row.ageDays })}
                    </Text>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

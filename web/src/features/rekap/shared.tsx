import { useMemo, type ReactNode } from 'react';
import { Button, Card, Group, ScrollArea, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconFileSpreadsheet, IconSearch } from '@tabler/icons-react';
import { BULAN } from '@simak/shared';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { FilterSelect } from '../../components/FilterSelect';
import { ListFooter } from '../../components/ListFooter';
import { hasAnyRole } from '../auth/roles';
import { useCurrentUser, useToday } from '../auth/useMe';
import { useOpds } from '../employees/api';
import type { RecapEmployee } from './api';

/** "November 2026" for "2026-11". */
export const monthLabel = (ym: string) => `${BULAN[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;

/** The current month of the platform's clock and the 11 before it. */
export function useMonthOptions() {
  const { year, month } = useToday();
  return useMemo(() => {
    const out: { value: string; label: string }[] = [];
    for (let i = 0; i < 12; i++) {
      const m = (((month - 1 - i) % 12) + 12) % 12;
      const y = year + Math.floor((month - 1 - i) / 12);
      const v = `${y}-${String(m + 1).padStart(2, '0')}`;
      out.push({ value: v, label: monthLabel(v) });
    }
    return out;
  }, [year, month]);
}

/** OPD filter options: BKD every unit, an OPD admin their own. */
export function useOpdOptions() {
  const me = useCurrentUser();
  const isBkd = hasAnyRole(me, ['BKD_VERIFIER', 'BKD_ADMIN']);
  const opds = useOpds();
  return useMemo(() => (isBkd ? (opds.data?.items ?? []) : me.opds).map((o) => ({ value: o.kode, label: o.nama })), [isBkd, opds.data, me.opds]);
}

export function matches(e: RecapEmployee, q: string): boolean {
  if (!q) return true;
  const s = q.toLowerCase();
  return e.nama.toLowerCase().includes(s) || e.nip.includes(s);
}

export function FilterBar(props: {
  periodOptions: { value: string; label: string }[];
  period: string;
  onPeriod: (v: string) => void;
  periodLabel: string;
  opd: string;
  onOpd: (v: string) => void;
  q: string;
  onQ: (v: string) => void;
  xlsxHref?: string;
  xlsxLabel?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const opdOptions = useOpdOptions();
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" data-testid={props.testId}>
      <Select
        label={props.periodLabel}
        data={props.periodOptions}
        value={props.period}
        onChange={(v) => v && props.onPeriod(v)}
        allowDeselect={false}
        w={{ base: '100%', xs: 200 }}
        data-testid="rekap-period"
      />
      {opdOptions.length > 1 && (
        <FilterSelect
          label={t('rekap.filters.opd')}
          placeholder={t('rekap.filters.allOpd')}
          data={opdOptions}
          value={props.opd}
          onChange={(v) => props.onOpd(v ?? '')}
          searchable
          w={{ base: '100%', xs: 320 }}
          testId="rekap-opd"
        />
      )}
      <TextInput
        label={t('rekap.filters.search')}
        placeholder={t('rekap.filters.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={props.q}
        onChange={(e) => props.onQ(e.currentTarget.value)}
        w={{ base: '100%', xs: 240 }}
        data-testid="rekap-search"
      />
      {props.xlsxHref && (
        <Button component="a" href={props.xlsxHref} download variant="light" leftSection={<IconFileSpreadsheet size={16} />} data-testid="rekap-xlsx">
          {props.xlsxLabel}
        </Button>
      )}
    </Group>
  );
}

/**
 * A recap table in a card: its title, the empty state or the page of `rows` (paged in the browser:
 * the recaps come whole from the server) and the paging footer, kept in the URL (`page`, `pageSize`).
 */
export function RecapTableCard<T>(props: {
  title: ReactNode;
  testId?: string;
  emptyTitle: string;
  rows: T[];
  state: { page: string; pageSize: string };
  update: (patch: { page?: number; pageSize?: number }) => void;
  children: (shown: T[]) => ReactNode;
}) {
  const page = Math.max(1, Number(props.state.page) || 1);
  const pageSize = Number(props.state.pageSize) || 25;
  const { rows, update } = props;
  return (
    <Card padding={0} data-testid={props.testId}>
      <Text component="div" fw={600} p="md" pb="xs">
        {props.title}
      </Text>
      {rows.length === 0 ? <EmptyState title={props.emptyTitle} /> : <ScrollArea type="auto">{props.children(rows.slice((page - 1) * pageSize, page * pageSize))}</ScrollArea>}
      <Stack p="md" pt="xs">
        <ListFooter page={page} pageSize={pageSize} total={rows.length} onPageChange={(n) => update({ page: n })} onPageSizeChange={(n) => update({ pageSize: n, page: 1 })} />
      </Stack>
    </Card>
  );
}

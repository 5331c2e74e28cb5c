import { useMemo } from 'react';
import { Alert, Badge, Stack, Table, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { useSearchState } from '../../components/useSearchState';
import { formatDate, formatNip, formatNumber } from '../../i18n/format';
import { hasAnyRole } from '../auth/roles';
import { useCurrentUser, useToday } from '../auth/useMe';
import { disiplinXlsxUrl, useDisiplin } from './api';
import { FilterBar, matches, RecapTableCard } from './shared';

const COLOR = { RINGAN: 'yellow', SEDANG: 'orange', BERAT: 'red' } as const;

/**
 * Peringatan disiplin (/peringatan-disiplin): unexcused absent days of the year per employee
 * against the PP 94/2021 thresholds. An atasan sees their direct subordinates, BKD everybody.
 * A warning for people to decide on, never a penalty.
 */
export function DisiplinPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { year } = useToday();
  const isBkd = hasAnyRole(me, ['BKD_VERIFIER', 'BKD_ADMIN']);
  const [state, update] = useSearchState({ tahun: '', opd: '', q: '', page: '1', pageSize: '25' });
  const chosen = Number(state.tahun) || year;
  const years = useMemo(() => [0, 1, 2].map((i) => ({ value: String(year - i), label: String(year - i) })), [year]);
  const list = useDisiplin(chosen, isBkd ? state.opd : '');
  const body = (() => {
    if (list.isPending) return <LoadingState />;
    if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />;
    const rows = list.data.rows.filter((x) => matches(x.employee, state.q));
    return (
      <RecapTableCard title={t('rekap.disiplin.tableTitle', { year: list.data.year, until: formatDate(list.data.sampai) })} testId="disiplin-list" emptyTitle={t('rekap.disiplin.empty')} rows={rows} state={state} update={update}>
        {(shown) => (
          <Table verticalSpacing="xs" striped="even" highlightOnHover data-testid="disiplin-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('rekap.columns.employee')}</Table.Th>
                <Table.Th ta="right">{t('rekap.disiplin.days')}</Table.Th>
                <Table.Th ta="right" visibleFrom="sm">{t('rekap.disiplin.run')}</Table.Th>
                <Table.Th>{t('rekap.disiplin.penalty')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((x) => (
                <Table.Tr key={x.employee.id} data-testid="disiplin-row" data-nip={x.employee.nip} data-days={x.hari} data-code={x.kode ?? ''}>
                  <Table.Td>
                    <Text size="sm" fw={500} lineClamp={1}>{x.employee.nama}</Text>
                    <Text size="xs" c="dimmed">
                      {formatNip(x.employee.nip)}
                      <Text span visibleFrom="md" inherit>{' · '}{x.employee.opd.nama}</Text>
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(x.hari)}</Table.Td>
                  <Table.Td ta="right" visibleFrom="sm">{formatNumber(x.beruntun)}</Table.Td>
                  <Table.Td>
                    {x.tingkat ? (
                      <Stack gap={2}>
                        <Badge color={COLOR[x.tingkat]} variant="light" w="fit-content">{t(`rekap.disiplin.levels.${x.tingkat}`)}</Badge>
                        <Text size="xs">{x.hukuman}{x.karenaBeruntun ? ` ${t('rekap.disiplin.byRun')}` : ''}</Text>
                      </Stack>
                    ) : (
                      <Text size="xs" c="dimmed">{t('rekap.disiplin.below', { next: x.ambangBerikutnya ?? 3 })}</Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </RecapTableCard>
    );
  })();
  return (
    <Stack gap="lg" data-testid="disiplin-page">
      <PageHeader title={t('nav.items.disiplin')} description={t(isBkd ? 'rekap.disiplin.descriptionBkd' : 'rekap.disiplin.descriptionAtasan')} />
      <Alert icon={<IconInfoCircle size={16} />} variant="light" color="blue">
        {t('rekap.disiplin.notice')}
      </Alert>
      <FilterBar
        testId="disiplin-filters"
        periodLabel={t('rekap.filters.year')}
        periodOptions={years}
        period={String(chosen)}
        onPeriod={(v) => update({ tahun: v, page: 1 })}
        opd={state.opd}
        onOpd={(v) => update({ opd: v, page: 1 })}
        q={state.q}
        onQ={(v) => update({ q: v, page: 1 })}
        xlsxHref={disiplinXlsxUrl(chosen, isBkd ? state.opd : '')}
        xlsxLabel={t('rekap.disiplin.xlsx')}
      />
      {body}
    </Stack>
  );
}

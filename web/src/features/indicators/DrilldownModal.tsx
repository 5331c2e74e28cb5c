import { useState } from 'react';
import { Anchor, Badge, Button, Group, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { ListFooter } from '../../components/ListFooter';
import { LoadingState } from '../../components/LoadingState';
import { JENIS_JABATAN_LABELS, STATUS_KEPEGAWAIAN_LABELS, TINGKAT_HUKDIS_LABELS } from '../../domain/labels';
import { formatDate, formatDecimal, formatNip, formatNumber } from '../../i18n/format';
import { drilldownExportUrl, useDrilldown } from './api';
import type { DrilldownComponent, DrilldownRow, IndicatorParams } from './types';

const LABELS: Record<DrilldownComponent, string> = {
  eselon_without_leadership: 'Pejabat eselon tanpa diklat kepemimpinan',
  jft_without_functional: 'Pejabat fungsional tanpa diklat fungsional',
  under_20_jp: 'ASN dengan pengembangan kompetensi kurang dari 20 JP',
  without_workshop: 'ASN tanpa seminar/workshop/bimtek',
  missing_skp: 'ASN tanpa nilai SKP',
  penalties: 'Hukuman disiplin yang dihitung',
};

function label(table: Readonly<Record<string, string>>, code: string | null | undefined): string {
  if (!code) return '—';
  return table[code] ?? code;
}

/** The component-specific column (header and cell). */
function extraColumn(component: DrilldownComponent, t: (k: string) => string): { head: string; cell: (r: DrilldownRow) => string } {
  switch (component) {
    case 'eselon_without_leadership':
      return { head: t('indicators.drilldown.columns.eselon'), cell: (r) => r.eselon ?? '—' };
    case 'jft_without_functional':
      return { head: t('indicators.drilldown.columns.jenisJabatan'), cell: (r) => label(JENIS_JABATAN_LABELS, r.jenisJabatan) };
    case 'missing_skp':
      return { head: t('indicators.drilldown.columns.skp'), cell: (r) => (r.skpScore === null ? '—' : formatDecimal(r.skpScore)) };
    case 'under_20_jp':
      return { head: t('indicators.drilldown.columns.jp'), cell: (r) => formatNumber(r.jpTotal) };
    case 'without_workshop':
      return { head: t('indicators.drilldown.columns.workshops'), cell: (r) => formatNumber(r.workshops) };
    case 'penalties':
      return {
        head: t('indicators.drilldown.columns.hukdis'),
        cell: (r) => (r.hukdis ? `${label(TINGKAT_HUKDIS_LABELS, r.hukdis.tingkat)}${r.hukdis.jenis ? ` — ${r.hukdis.jenis}` : ''}` : '—'),
      };
  }
}

export interface DrilldownModalProps {
  params: IndicatorParams;
  component: DrilldownComponent | null;
  scopeLabel: string;
  onClose: () => void;
}

/** Paginated list of the employees (or penalties) behind one component, with CSV/XLSX export. */
export function DrilldownModal({ params, component, scopeLabel, onClose }: DrilldownModalProps) {
  return (
    <Modal opened={component !== null} onClose={onClose} size="70rem" title={component ? LABELS[component] : ''} data-testid="drilldown-modal">
      {component && <DrilldownBody key={component} params={params} component={component} scopeLabel={scopeLabel} />}
    </Modal>
  );
}

function DrilldownBody({ params, component, scopeLabel }: { params: IndicatorParams; component: DrilldownComponent; scopeLabel: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const query = useDrilldown(params, component, page, pageSize);
  const extra = extraColumn(component, t);

  return (
    <Stack gap="sm" data-testid="drilldown" data-component={component}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {query.data
              ? t('indicators.drilldown.scope', { year: query.data.year, date: formatDate(query.data.asOf), opd: scopeLabel })
              : scopeLabel}
          </Text>
          {query.data && (
            <Badge variant="light" tt="none" data-testid="drilldown-total" data-total={query.data.total}>
              {t(component === 'penalties' ? 'indicators.drilldown.totalPenalties' : 'indicators.drilldown.total', { n: formatNumber(query.data.total) })}
            </Badge>
          )}
        </Group>
        <Group gap="xs">
          <Button
            component="a"
            href={drilldownExportUrl(params, component, 'csv')}
            download
            size="xs"
            variant="default"
            leftSection={<IconFileTypeCsv size={16} />}
            data-testid="drilldown-csv"
          >
            {t('indicators.drilldown.csv')}
          </Button>
          <Button
            component="a"
            href={drilldownExportUrl(params, component, 'xlsx')}
            download
            size="xs"
            variant="default"
            leftSection={<IconFileSpreadsheet size={16} />}
            data-testid="drilldown-xlsx"
          >
            {t('indicators.drilldown.xlsx')}
          </Button>
        </Group>
      </Group>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : query.data.items.length === 0 ? (
        <EmptyState title={t('indicators.drilldown.empty')} />
      ) : (
        <>
          <ScrollArea type="auto" style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
            <Table striped highlightOnHover verticalSpacing={6} fz="sm" miw={900}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('indicators.drilldown.columns.nama')}</Table.Th>
                  <Table.Th>{t('indicators.drilldown.columns.status')}</Table.Th>
                  <Table.Th>{t('indicators.drilldown.columns.opd')}</Table.Th>
                  <Table.Th>{t('indicators.drilldown.columns.jabatan')}</Table.Th>
                  <Table.Th>{extra.head}</Table.Th>
                  {component === 'penalties' && <Table.Th>{t('indicators.drilldown.columns.tanggalSk')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.items.map((row, i) => (
                  <Table.Tr key={`${row.employeeId}-${row.hukdis?.nomorSk ?? ''}-${i}`} data-testid="drilldown-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/pegawai/${row.employeeId}`} size="sm" fw={600}>
                        {row.nama}
                      </Anchor>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {formatNip(row.nip)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{label(STATUS_KEPEGAWAIAN_LABELS, row.status)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{row.opd.nama}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{row.jabatan ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>{extra.cell(row)}</Table.Td>
                    {component === 'penalties' && (
                      <Table.Td>
                        <Text size="sm">{row.hukdis ? formatDate(row.hukdis.tanggalSk) : '—'}</Text>
                        {row.hukdis && (
                          <Text size="xs" c="dimmed">
                            {row.hukdis.nomorSk}
                          </Text>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
          <ListFooter
            page={page}
            pageSize={pageSize}
            total={query.data.total}
            onPageChange={setPage}
            onPageSizeChange={(n) => {
              setPageSize(n);
              setPage(1);
            }}
          />
        </>
      )}
    </Stack>
  );
}

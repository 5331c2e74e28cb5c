import { useMemo } from 'react';
import { Anchor, Badge, Button, Card, Group, ScrollArea, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeCsv, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { FilterSelect } from '../../components/FilterSelect';
import { ListCard } from '../../components/ListCard';
import { PageHeader } from '../../components/PageHeader';
import { SortableTh } from '../../components/SortableTh';
import { parsePaging, pickSort, useSearchInput, useSearchState } from '../../components/useSearchState';
import { GOLONGAN, JENIS_JABATAN_LABELS, PANGKAT, STATUS_KEPEGAWAIAN_LABELS } from '../../domain/labels';
import { EMPTY_VALUE } from '../../i18n/format';
import { useCurrentUser } from '../auth/useMe';
import { employeeExportUrl, opdOptions as toOpdOptions, useEmployeeList, useOpds } from './api';
import { EMPLOYEE_SORTS, type EmployeeListParams, type EmployeeSort } from './types';
import { SearchInput } from '../../components/SearchInput';

export type EmployeeListVariant = 'bkd' | 'opd' | 'atasan';

const TITLE_KEY: Record<EmployeeListVariant, string> = {
  bkd: 'nav.items.employeeSearch',
  opd: 'nav.items.opdEmployees',
  atasan: 'nav.items.subordinates',
};

const DEFAULTS = { q: '', opdId: '', golongan: '', jenisJabatan: '', status: '', aktif: 'true', page: '1', pageSize: '25', sort: 'nama' };

const GOLONGAN_OPTIONS = GOLONGAN.map((g) => ({ value: g, label: `${g} — ${PANGKAT[g]}` }));
const JENIS_JABATAN_OPTIONS = Object.entries(JENIS_JABATAN_LABELS).map(([value, label]) => ({ value, label }));
const STATUS_OPTIONS = Object.entries(STATUS_KEPEGAWAIAN_LABELS).map(([value, label]) => ({ value, label }));

/** Employee search ("Cari Pegawai"), the OPD admin's list ("Pegawai OPD") and subordinates ("Bawahan"); the server scopes each. */
export function EmployeeListPage({ variant }: { variant: EmployeeListVariant }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const opds = useOpds();
  const [state, update] = useSearchState(DEFAULTS);
  const [search, setSearch] = useSearchInput(state.q, update);

  const sort: EmployeeSort = pickSort(state.sort, EMPLOYEE_SORTS, 'nama');
  const { page, pageSize } = parsePaging(state);
  const filters = {
    ...(state.q ? { q: state.q } : {}),
    ...(state.opdId ? { opdId: state.opdId } : {}),
    ...(state.golongan ? { golongan: state.golongan } : {}),
    ...(state.jenisJabatan ? { jenisJabatan: state.jenisJabatan } : {}),
    ...(state.status ? { status: state.status } : {}),
    aktif: state.aktif,
    // The atasan's team: their subordinates, not themself.
    ...(variant === 'atasan' ? { team: 'true' } : {}),
  };
  const params: EmployeeListParams = { ...filters, page, pageSize, sort };
  const list = useEmployeeList(params);

  const opdOptions = useMemo(() => {
    if (variant === 'opd') {
      // The admin's OPDs and their sub-units.
      const all = opds.data?.items ?? [];
      const scope = new Set(me.opds.map((o) => o.id));
      let grew = true;
      while (grew) {
        grew = false;
        for (const o of all) {
          if (o.parentId !== null && scope.has(o.parentId) && !scope.has(o.id)) {
            scope.add(o.id);
            grew = true;
          }
        }
      }
      return toOpdOptions(all.length ? all.filter((o) => scope.has(o.id)) : me.opds);
    }
    return toOpdOptions(opds.data?.items);
  }, [variant, opds.data, me.opds]);

  const canExport = variant !== 'atasan' && me.roles.some((r) => r === 'BKD_ADMIN' || r === 'BKD_VERIFIER' || r === 'OPD_ADMIN');
  const exportParams = { ...filters, sort };

  return (
    <Stack gap="lg">
      <PageHeader
        title={t(TITLE_KEY[variant])}
        description={t(`employees.descriptions.${variant}`)}
        actions={
          canExport && (
            <>
              <Button
                component="a"
                href={employeeExportUrl(exportParams, 'csv')}
                download
                variant="default"
                leftSection={<IconFileTypeCsv size={18} />}
                data-testid="export-csv"
              >
                {t('employees.exportCsv')}
              </Button>
              <Button
                component="a"
                href={employeeExportUrl(exportParams, 'xlsx')}
                download
                variant="default"
                leftSection={<IconFileSpreadsheet size={18} />}
                data-testid="export-xlsx"
              >
                {t('employees.exportXlsx')}
              </Button>
            </>
          )
        }
      />

      <Card padding="md">
        <Stack gap="sm">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <SearchInput value={search} onChange={setSearch} placeholder={t('employees.filters.searchPlaceholder')} label={t('employees.filters.search')} style={{ flex: '1 1 260px' }} testId="filter-q" />
            {variant !== 'atasan' && opdOptions.length > 1 && (
              <FilterSelect
                label={t('employees.filters.opd')}
                placeholder={t('employees.filters.allOpd')}
                data={opdOptions}
                value={state.opdId}
                onChange={(v) => update({ opdId: v })}
                searchable
                w={280}
                testId="filter-opd"
              />
            )}
            <FilterSelect
              label={t('employees.filters.golongan')}
              placeholder={t('employees.filters.all')}
              data={GOLONGAN_OPTIONS}
              value={state.golongan}
              onChange={(v) => update({ golongan: v })}
              searchable
              w={230}
              testId="filter-golongan"
            />
            <FilterSelect
              label={t('employees.filters.jenisJabatan')}
              placeholder={t('employees.filters.all')}
              data={JENIS_JABATAN_OPTIONS}
              value={state.jenisJabatan}
              onChange={(v) => update({ jenisJabatan: v })}
              w={170}
              testId="filter-jenis-jabatan"
            />
            <FilterSelect
              label={t('employees.filters.status')}
              placeholder={t('employees.filters.all')}
              data={STATUS_OPTIONS}
              value={state.status}
              onChange={(v) => update({ status: v })}
              w={150}
              testId="filter-status"
            />
          </Group>
          <Group gap="sm">
            <Text size="sm" fw={500} id="aktif-label">
              {t('employees.filters.aktif')}
            </Text>
            <SegmentedControl
              aria-labelledby="aktif-label"
              size="xs"
              value={state.aktif}
              onChange={(v) => update({ aktif: v })}
              data={[
                { value: 'true', label: t('employees.aktif.true') },
                { value: 'false', label: t('employees.aktif.false') },
                { value: 'all', label: t('employees.aktif.all') },
              ]}
              data-testid="filter-aktif"
            />
          </Group>
        </Stack>
      </Card>

      <ListCard
        query={list}
        page={page}
        pageSize={pageSize}
        onPaging={update}
        empty={
          <EmptyState
            icon={<IconUsers size={30} stroke={1.5} />}
            title={variant === 'atasan' && !state.q ? t('employees.emptySubordinates') : t('employees.empty')}
            description={t('employees.emptyHint')}
            data-testid="employees-empty"
          />
        }
      >
        {(data) => (
          <ScrollArea type="auto">
            <Table highlightOnHover verticalSpacing="sm" miw={{ base: 0, lg: 960 }} data-testid="employee-table" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
              <Table.Thead>
                <Table.Tr>
                  <SortableTh sortKey="nama" sort={sort} onSort={(s) => update({ sort: s })}>
                    {t('employees.columns.nama')}
                  </SortableTh>
                  <SortableTh sortKey="nip" sort={sort} onSort={(s) => update({ sort: s })} w={200} visibleFrom="md">
                    {t('employees.columns.nip')}
                  </SortableTh>
                  <SortableTh sortKey="golongan" sort={sort} onSort={(s) => update({ sort: s })} w={170}>
                    {t('employees.columns.golongan')}
                  </SortableTh>
                  <Table.Th visibleFrom="md">{t('employees.columns.jabatan')}</Table.Th>
                  <SortableTh sortKey="opd" sort={sort} onSort={(s) => update({ sort: s })} visibleFrom="lg">
                    {t('employees.columns.opd')}
                  </SortableTh>
                  <Table.Th w={110} visibleFrom="sm">
                    {t('employees.columns.status')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((e) => (
                  <Table.Tr
                    key={e.id}
                    onClick={() => void navigate(`/pegawai/${e.id}`)}
                    style={{ cursor: 'pointer' }}
                    data-testid="employee-row"
                    data-employee-id={e.id}
                  >
                    <Table.Td>
                      <Anchor component={Link} to={`/pegawai/${e.id}`} size="sm" fw={600} onClick={(ev) => ev.stopPropagation()}>
                        {e.namaLengkap}
                      </Anchor>
                      <Text size="xs" c="dimmed" ff="monospace" hiddenFrom="md">
                        {e.nipFormatted}
                      </Text>
                      <Text size="xs" c="dimmed" hiddenFrom="md">
                        {e.namaJabatan ?? EMPTY_VALUE}
                      </Text>
                    </Table.Td>
                    <Table.Td visibleFrom="md">
                      <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }} data-testid="employee-row-nip">
                        {e.nipFormatted}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{e.golongan ?? EMPTY_VALUE}</Text>
                      {e.pangkat && (
                        <Text size="xs" c="dimmed">
                          {e.pangkat}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td visibleFrom="md">
                      <Text size="sm">{e.namaJabatan ?? EMPTY_VALUE}</Text>
                      <Text size="xs" c="dimmed">
                        {(JENIS_JABATAN_LABELS as Record<string, string>)[e.jenisJabatan] ?? e.jenisJabatan}
                        {e.eselon ? ` · ${t('employees.eselon', { eselon: e.eselon })}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td visibleFrom="lg">
                      <Text size="sm">{e.opd.nama}</Text>
                    </Table.Td>
                    <Table.Td visibleFrom="sm">
                      <Group gap={4}>
                        <Badge size="sm" variant="light" color="simak" tt="none">
                          {(STATUS_KEPEGAWAIAN_LABELS as Record<string, string>)[e.statusKepegawaian] ?? e.statusKepegawaian}
                        </Badge>
                        {!e.aktif && (
                          <Badge size="sm" color="gray" tt="none">
                            {t('employees.inactive')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </ListCard>
    </Stack>
  );
}

import type { ReactNode } from 'react';
import { ActionIcon, Button, Group, ScrollArea, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconEdit, IconHistory, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { formatValue, PANGKAT, type ValueType } from '../../domain/labels';
import { EMPTY_VALUE } from '../../i18n/format';
import type { HistoryKind, HistoryRow, OpdSummary } from './types';

interface Column {
  key: string;
  type: ValueType;
  /** Custom cell (the default formats `row[key]` by `type`). */
  render?: (row: HistoryRow) => ReactNode;
}

function GolonganCell({ golongan }: { golongan: string | null }) {
  const pangkat = golongan ? (PANGKAT as Record<string, string>)[golongan] : undefined;
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        {golongan ?? EMPTY_VALUE}
      </Text>
      {pangkat && (
        <Text size="xs" c="dimmed">
          {pangkat}
        </Text>
      )}
    </Stack>
  );
}

/** Types whose cells must not wrap (dates, amounts, short numbers). */
const NO_WRAP = new Set<ValueType>(['date', 'money', 'int', 'decimal']);

const mkg = (row: HistoryRow) =>
  row.mkgTahun === null || row.mkgTahun === undefined ? EMPTY_VALUE : `${String(row.mkgTahun)} thn ${String(row.mkgBulan ?? 0)} bln`;

/** Columns of each history tab, in display order (labels: `fields.<key>`). */
export const HISTORY_COLUMNS: Record<HistoryKind, Column[]> = {
  pangkat: [
    { key: 'golongan', type: 'enum', render: (row) => <GolonganCell golongan={row.golongan as string | null} /> },
    { key: 'tmtGolongan', type: 'date' },
    { key: 'jenisKp', type: 'enum' },
    { key: 'nomorSk', type: 'text' },
    { key: 'tanggalSk', type: 'date' },
    { key: 'mkg', type: 'text', render: (row) => <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{mkg(row)}</Text> },
    { key: 'gajiPokok', type: 'money' },
  ],
  jabatan: [
    { key: 'namaJabatan', type: 'text' },
    { key: 'jenisJabatan', type: 'enum' },
    { key: 'eselon', type: 'enum' },
    { key: 'jenjangFungsional', type: 'enum' },
    {
      key: 'unitKerja',
      type: 'text',
      render: (row) => {
        const opd = row.opd as OpdSummary | undefined;
        return (
          <Stack gap={0}>
            <Text size="sm">{(row.unitKerja as string | null) ?? EMPTY_VALUE}</Text>
            {opd && (
              <Text size="xs" c="dimmed">
                {opd.nama}
              </Text>
            )}
          </Stack>
        );
      },
    },
    { key: 'tmtJabatan', type: 'date' },
    { key: 'nomorSk', type: 'text' },
  ],
  pendidikan: [
    { key: 'jenjang', type: 'enum' },
    { key: 'jurusan', type: 'text' },
    { key: 'institusi', type: 'text' },
    { key: 'tahunLulus', type: 'int' },
    { key: 'nomorIjazah', type: 'text' },
    { key: 'tanggalIjazah', type: 'date' },
  ],
  diklat: [
    { key: 'jenis', type: 'enum' },
    { key: 'nama', type: 'text' },
    { key: 'penyelenggara', type: 'text' },
    { key: 'tanggalMulai', type: 'date' },
    { key: 'tanggalSelesai', type: 'date' },
    { key: 'jp', type: 'int' },
    { key: 'nomorSertifikat', type: 'text' },
  ],
  skp: [
    { key: 'tahun', type: 'int' },
    { key: 'nilai', type: 'decimal' },
    { key: 'predikat', type: 'enum' },
  ],
  hukdis: [
    { key: 'tingkat', type: 'enum' },
    { key: 'jenis', type: 'text' },
    { key: 'nomorSk', type: 'text' },
    { key: 'tanggalSk', type: 'date' },
    { key: 'tmt', type: 'date' },
    { key: 'tmtSelesai', type: 'date' },
    { key: 'keterangan', type: 'text' },
  ],
  kgb: [
    { key: 'tmt', type: 'date' },
    { key: 'golongan', type: 'text', render: (row) => <GolonganCell golongan={row.golongan as string | null} /> },
    { key: 'mkg', type: 'text', render: (row) => <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{mkg(row)}</Text> },
    { key: 'gajiPokokLama', type: 'money' },
    { key: 'gajiPokok', type: 'money' },
    { key: 'nomorSurat', type: 'text' },
    { key: 'tanggalSurat', type: 'date' },
  ],
  cuti: [
    { key: 'jenisCuti', type: 'text' },
    { key: 'tanggalMulai', type: 'date' },
    { key: 'tanggalSelesai', type: 'date' },
    { key: 'lamaHari', type: 'int' },
    { key: 'nomorSurat', type: 'text' },
    { key: 'keterangan', type: 'text' },
  ],
  keluarga: [
    { key: 'hubungan', type: 'enum' },
    { key: 'nama', type: 'text' },
    { key: 'tanggalLahir', type: 'date' },
    { key: 'jenisKelamin', type: 'enum' },
    { key: 'tanggalNikah', type: 'date' },
    { key: 'statusTunjangan', type: 'bool' },
    { key: 'keterangan', type: 'text' },
  ],
};

export interface HistoryTableProps {
  kind: HistoryKind;
  rows: HistoryRow[];
  /** Set when the viewer may propose changes to this history (create/update/delete). */
  onPropose?: (op: 'create' | 'update' | 'delete', row?: HistoryRow) => void;
  /** Shown above the table (e.g. "read-only" for cuti). */
  note?: ReactNode;
}

/** One history tab: a table of the records, empty state, and add/edit/delete proposals. */
export function HistoryTable({ kind, rows, onPropose, note }: HistoryTableProps) {
  const { t } = useTranslation();
  const columns = HISTORY_COLUMNS[kind];
  const label = t(`profile.tabs.${kind}`);
  return (
    <Stack gap="md" data-testid={`history-${kind}`}>
      {(onPropose || note || rows.length > 0) && (
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" c="dimmed">
            {note ?? (rows.length > 0 ? t('profile.historyCount', { count: rows.length }) : null)}
          </Text>
          {onPropose && (
            <Button size="sm" variant="light" leftSection={<IconPlus size={16} />} onClick={() => onPropose('create')} data-testid={`add-${kind}`}>
              {t('profile.addRecord', { what: label })}
            </Button>
          )}
        </Group>
      )}
      {rows.length === 0 ? (
        <EmptyState
          icon={<IconHistory size={30} stroke={1.5} />}
          title={t('profile.emptyHistory', { what: label.toLowerCase() })}
          description={onPropose ? t('profile.emptyHistoryHint') : undefined}
          data-testid={`history-${kind}-empty`}
        />
      ) : (
        <ScrollArea type="auto">
          <Table verticalSpacing="sm" striped="even" highlightOnHover miw={columns.length * 130} data-testid={`history-${kind}-table`}>
            <Table.Thead>
              <Table.Tr>
                {columns.map((c) => (
                  <Table.Th key={c.key}>{t(`fields.${c.key}`)}</Table.Th>
                ))}
                {onPropose && (
                  <Table.Th w={96}>
                    <Text size="sm" fw={700} ta="right">
                      {t('profile.actions')}
                    </Text>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id} data-testid={`history-row`} data-record-id={row.id}>
                  {columns.map((c) => (
                    <Table.Td key={c.key}>
                      {c.render ? (
                        c.render(row)
                      ) : (
                        <Text size="sm" style={NO_WRAP.has(c.type) || c.key === 'mkg' ? { whiteSpace: 'nowrap' } : undefined}>
                          {formatValue(row[c.key], c.type, c.key, kind)}
                        </Text>
                      )}
                    </Table.Td>
                  ))}
                  {onPropose && (
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Tooltip label={t('profile.editRecord')} withArrow>
                          <ActionIcon variant="subtle" aria-label={t('profile.editRecordNamed', { what: label })} onClick={() => onPropose('update', row)} data-testid="edit-record">
                            <IconEdit size={18} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('profile.deleteRecord')} withArrow>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('profile.deleteRecordNamed', { what: label })}
                            onClick={() => onPropose('delete', row)}
                            data-testid="delete-record"
                          >
                            <IconTrash size={18} />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </Stack>
  );
}

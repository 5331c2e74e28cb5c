import { Alert, Badge, Card, Group, List, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconId, IconUserCircle } from '@tabler/icons-react';
import type { PensiunRequestDetails } from '@simak/shared/api/pensiun';
import { useTranslation } from 'react-i18next';
import { DocNumber } from '../../components/DocNumber';
import { InfoGrid } from '../../components/InfoGrid';
import { golonganWithPangkat } from '../../domain/labels';
import { EMPTY_VALUE, formatDate, formatMoney, formatNip } from '../../i18n/format';
import { mkgText } from '../berkala/KgbDetailsPanel';
import { LetterCard } from '../letters/LetterCard';
import { DecisionCard } from '../requests/DecisionCard';
import type { RequestDetail } from '../requests/types';

/** The pension figures of a request of type PENSIUN (its `details`). */
export function pensiunDetailsOf(request: RequestDetail): PensiunRequestDetails {
  return request.details as unknown as PensiunRequestDetails;
}

function Dpcp({ d }: { d: PensiunRequestDetails }) {
  const { t } = useTranslation();
  const p = d.dpcp;
  return (
    <Card data-testid="pensiun-dpcp">
      <Group gap="sm" mb="xs">
        <ThemeIcon variant="light" color="simak" size="lg" radius="md" aria-hidden>
          <IconId size={20} />
        </ThemeIcon>
        <Stack gap={0}>
          <Title order={3} size="h4">
            {t('pensiun.dpcp.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('pensiun.dpcp.hint')}
          </Text>
        </Stack>
      </Group>
      <Stack gap="md">
        <InfoGrid
          cols={3}
          testId="pensiun-dpcp-person"
          items={[
            { key: 'dpcpNama', label: t('fields.nama'), value: p.nama },
            { key: 'dpcpNip', label: t('fields.nip'), value: <Text span ff="monospace" size="sm">{formatNip(p.nip)}</Text> },
            { key: 'dpcpLahir', label: t('pensiun.dpcp.born'), value: `${p.tempatLahir ?? EMPTY_VALUE}, ${formatDate(p.tanggalLahir)}` },
            { key: 'dpcpStatus', label: t('pensiun.dpcp.status'), value: p.statusKepegawaian },
            { key: 'dpcpTmtCpns', label: t('pensiun.dpcp.tmtCpns'), value: formatDate(p.tmtCpns) },
            { key: 'dpcpTmtPns', label: t('pensiun.dpcp.tmtPns'), value: formatDate(p.tmtPns) },
            { key: 'dpcpJabatan', label: t('pensiun.dpcp.jabatan'), value: [p.jabatan.nama, p.jabatan.eselon ? `(${p.jabatan.eselon})` : null].filter(Boolean).join(' ') || EMPTY_VALUE },
            { key: 'dpcpPangkat', label: t('fields.golonganPangkat'), value: `${golonganWithPangkat(p.pangkat.golongan)}${p.pangkat.tmt ? ` — TMT ${formatDate(p.pangkat.tmt)}` : ''}` },
            { key: 'dpcpMkg', label: t('pangkat.details.mkg'), value: p.pangkat.mkgTahun == null ? EMPTY_VALUE : mkgText(t, p.pangkat.mkgTahun, p.pangkat.mkgBulan ?? 0) },
            { key: 'dpcpGaji', label: t('fields.gajiPokok'), value: formatMoney(p.gajiPokok) },
            { key: 'dpcpOpd', label: t('requests.filters.opd'), value: p.opd },
            { key: 'dpcpAlamat', label: t('pensiun.dpcp.alamat'), value: p.alamat ?? EMPTY_VALUE },
          ]}
        />
        <Group align="flex-start" gap="xl" wrap="wrap">
          <Stack gap={4} miw={240} data-testid="pensiun-dpcp-spouse">
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {t('pensiun.dpcp.spouse')}
            </Text>
            {p.pasangan.length === 0 ? (
              <Text size="sm">{EMPTY_VALUE}</Text>
            ) : (
              <List size="sm" spacing={2}>
                {p.pasangan.map((s) => (
                  <List.Item key={`${s.nama}-${s.tanggalLahir ?? ''}`}>
                    {s.nama} ({formatDate(s.tanggalLahir)}) — {t('pensiun.dpcp.married', { date: formatDate(s.tanggalNikah) })}
                  </List.Item>
                ))}
              </List>
            )}
          </Stack>
          <Stack gap={4} miw={240} data-testid="pensiun-dpcp-children">
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {t('pensiun.dpcp.children')}
            </Text>
            {p.anak.length === 0 ? (
              <Text size="sm">{EMPTY_VALUE}</Text>
            ) : (
              <List size="sm" spacing={2}>
                {p.anak.map((a) => (
                  <List.Item key={`${a.nama}-${a.tanggalLahir ?? ''}`}>
                    {a.nama} ({formatDate(a.tanggalLahir)})
                  </List.Item>
                ))}
              </List>
            )}
          </Stack>
        </Group>
        {p.riwayatPangkat.length > 0 && (
          <Stack gap={4}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {t('pensiun.dpcp.rankHistory')}
            </Text>
            <Table verticalSpacing={4} withRowBorders={false} data-testid="pensiun-dpcp-ranks">
              <Table.Tbody>
                {p.riwayatPangkat.map((r) => (
                  <Table.Tr key={`${r.golongan}-${r.tmt}`}>
                    <Table.Td w={200}>{golonganWithPangkat(r.golongan)}</Table.Td>
                    <Table.Td w={160}>{formatDate(r.tmt)}</Table.Td>
                    <Table.Td c="dimmed">{r.nomorSk ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

/** The pension file's page body: kind, BUP with its legal basis, TMT, due date; DPCP; BKN; the SK and its summary letter. */
export function PensiunDetailsPanel({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const d = pensiunDetailsOf(request);
  if (!d?.tmtPensiun) return null;
  return (
    <Stack gap="lg">
      <Card data-testid="pensiun-details">
        <Group gap="sm" mb="sm" justify="space-between" wrap="wrap">
          <Group gap="sm">
            <ThemeIcon variant="light" color="simak" size="lg" radius="md" aria-hidden>
              <IconUserCircle size={20} />
            </ThemeIcon>
            <Title order={3} size="h4">
              {t('pensiun.details.title')}
            </Title>
          </Group>
          <Badge color="blue" variant="light" size="lg" tt="none">
            {d.jenisLabel}
          </Badge>
        </Group>
        <Stack gap="md">
          {d.overdue && (
            <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="pensiun-details-overdue">
              {t('pensiun.details.overdue', { date: formatDate(d.dueDate) })}
            </Alert>
          )}
          <InfoGrid
            cols={3}
            testId="pensiun-figures"
            items={[
              { key: 'pensiunTmt', label: t('pensiun.fields.tmt'), value: <Text span fw={700} size="sm" data-testid="pensiun-tmt">{formatDate(d.tmtPensiun)}</Text> },
              { key: 'pensiunBup', label: t('pensiun.fields.bup'), value: d.bup == null ? EMPTY_VALUE : t('pensiun.fields.years', { count: d.bup }) },
              { key: 'pensiunBasis', label: t('pensiun.fields.basis'), value: d.bupBasis ?? EMPTY_VALUE },
              { key: 'pensiunDue', label: t('pensiun.fields.dueDate'), value: formatDate(d.dueDate) },
              { key: 'pensiunOpenedBy', label: t('pensiun.details.openedBy'), value: t(`pensiun.details.openedByValues.${d.openedBy}`) },
              ...(d.exitRecordedAt ? [{ key: 'pensiunExit', label: t('pensiun.details.exit'), value: formatDate(d.exitRecordedAt) }] : []),
            ]}
          />
        </Stack>
      </Card>

      {(d.bkn || d.sk) && (
        <DecisionCard
          prefix="pensiun"
          title={d.sk ? t('pensiun.details.skTitle') : t('pensiun.details.bknTitle')}
          documentUrl={d.sk?.documentUrl}
          documentLabel={t('pensiun.details.skDocument')}
          items={[
            ...(d.bkn
              ? [
                  { key: 'bknResult', label: t('pensiun.details.bknResult'), value: d.bkn.approved ? t('pensiun.details.bknApproved') : t('pensiun.details.bknRejected') },
                  ...(d.bkn.nomor ? [{ key: 'bknNomor', label: t('pangkat.details.pertekNomor'), value: <DocNumber value={d.bkn.nomor} /> }] : []),
                  { key: 'bknTanggal', label: t('pangkat.details.pertekTanggal'), value: formatDate(d.bkn.tanggal) },
                ]
              : []),
            ...(d.sk
              ? [
                  { key: 'skNomor', label: t('pangkat.details.skNomor'), value: <DocNumber value={d.sk.nomorSk} fw={600} data-testid="pensiun-sk-nomor" /> },
                  { key: 'skTanggal', label: t('pangkat.details.skTanggal'), value: formatDate(d.sk.tanggalSk) },
                  { key: 'skTmt', label: t('pensiun.fields.tmt'), value: formatDate(d.sk.tmt) },
                  { key: 'skHanded', label: t('pensiun.details.handedOver'), value: d.handedOverAt ? formatDate(d.handedOverAt) : t('pensiun.details.notHandedOver') },
                ]
              : []),
          ]}
        />
      )}

      <Dpcp d={d} />

      {d.letter && <LetterCard letter={d.letter} prefix="pensiun" title={t('pensiun.letter.title')} hint={t('pensiun.letter.hint')} downloadLabel={t('pensiun.letter.download')} />}
    </Stack>
  );
}

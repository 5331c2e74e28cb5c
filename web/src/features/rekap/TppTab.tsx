import { useState } from 'react';
import { Button, Card, Group, Modal, NumberInput, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSettings } from '@tabler/icons-react';
import { TPP_CLASS_LABEL, TPP_CLASSES, type Bands } from '@simak/shared/rules/tpp';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { formatDecimal, formatMoney, formatNip } from '../../i18n/format';
import { useSaveTppConfig, useTpp, type TppConfig } from './api';
import type { RekapState, RekapUpdate } from './RekapPage';
import { matches, monthLabel, RecapTableCard } from './shared';

const pct = (v: number) => `${formatDecimal(v)}%`;
const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** The TPP basis of the month: base per position class, deductions per kind (percent and rupiah), amount; the rules for a BKD admin to edit. */
export function TppTab({ month, state, update }: { month: string; state: RekapState; update: RekapUpdate }) {
  const { t } = useTranslation();
  const tpp = useTpp(month, state.opd);
  const [editing, setEditing] = useState(false);
  if (tpp.isPending) return <LoadingState />;
  if (tpp.isError) return <ErrorState error={tpp.error} onRetry={() => void tpp.refetch()} retrying={tpp.isFetching} />;
  const r = tpp.data;
  const p = r.config.potongan;
  const rows = r.rows.filter((x) => matches(x.employee, state.q));
  return (
    <Stack gap="md" data-testid="rekap-tpp">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Card padding="sm" data-testid="tpp-total-base">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">{t('rekap.tpp.totalBase')}</Text>
          <Text size="lg" fw={700}>{formatMoney(r.totals.base)}</Text>
        </Card>
        <Card padding="sm" data-testid="tpp-total-deduction">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">{t('rekap.tpp.totalDeduction')}</Text>
          <Text size="lg" fw={700} c="red.8">{formatMoney(r.totals.potongan)}</Text>
        </Card>
        <Card padding="sm" data-testid="tpp-total-amount">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">{t('rekap.tpp.totalAmount')}</Text>
          <Text size="lg" fw={700} c="simak.9">{formatMoney(r.totals.jumlah)}</Text>
        </Card>
      </SimpleGrid>
      <Card padding="sm" data-testid="tpp-rules">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Stack gap={2}>
            <Text size="sm">
              {t('rekap.tpp.rules', { tl: p.terlambat.map(pct).join(' / '), psw: p.pulangCepat.map(pct).join(' / '), tk: pct(p.tanpaKeterangan), cap: pct(p.batasPersen) })}
            </Text>
            <Text size="xs" c="dimmed">{t('rekap.tpp.basis', { basis: p.dasarHukum })}</Text>
          </Stack>
          {r.canEditConfig && (
            <Button variant="light" size="xs" leftSection={<IconSettings size={14} />} onClick={() => setEditing(true)} data-testid="tpp-edit">
              {t('rekap.tpp.edit')}
            </Button>
          )}
        </Group>
      </Card>
      <RecapTableCard title={t('rekap.tpp.tableTitle', { month: monthLabel(r.month) })} emptyTitle={t('rekap.empty')} rows={rows} state={state} update={update}>
        {(shown) => (
          <Table verticalSpacing="xs" striped="even" highlightOnHover data-testid="tpp-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('rekap.columns.employee')}</Table.Th>
                <Table.Th visibleFrom="md">{t('rekap.tpp.class')}</Table.Th>
                <Table.Th ta="right" visibleFrom="sm">{t('rekap.tpp.base')}</Table.Th>
                <Table.Th ta="right" visibleFrom="xl">{t('rekap.tpp.byKind')}</Table.Th>
                <Table.Th ta="right">{t('rekap.tpp.deduction')}</Table.Th>
                <Table.Th ta="right">{t('rekap.tpp.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((x) => (
                <Table.Tr key={x.employee.id} data-testid="tpp-row" data-nip={x.employee.nip} data-amount={x.jumlah}>
                  <Table.Td>
                    <Text size="sm" fw={500} lineClamp={1}>{x.employee.nama}</Text>
                    <Text size="xs" c="dimmed">{formatNip(x.employee.nip)}</Text>
                  </Table.Td>
                  <Table.Td visibleFrom="md"><Text size="sm">{TPP_CLASS_LABEL[x.kelas]}</Text></Table.Td>
                  <Table.Td ta="right" visibleFrom="sm" style={NOWRAP}>{formatMoney(x.base)}</Table.Td>
                  <Table.Td ta="right" visibleFrom="xl">
                    <Text size="xs" c="dimmed">
                      {t('rekap.tpp.kinds', { tl: pct(x.persen.terlambat), psw: pct(x.persen.pulangCepat), tk: pct(x.persen.tanpaKeterangan) })}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" style={NOWRAP}>
                    <Text size="sm">{formatMoney(x.potongan)}</Text>
                    <Text size="xs" c="dimmed">{pct(x.persenTotal)}</Text>
                  </Table.Td>
                  <Table.Td ta="right" fw={600} style={NOWRAP}>{formatMoney(x.jumlah)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </RecapTableCard>
      {editing && <ConfigModal config={r.config} onClose={() => setEditing(false)} />}
    </Stack>
  );
}

function BandInputs({ label, value, onChange, testId }: { label: string; value: Bands; onChange: (v: Bands) => void; testId: string }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>{label}</Text>
      <SimpleGrid cols={4} spacing="xs">
        {value.map((v, i) => (
          <NumberInput
            key={i}
            aria-label={`${label} ${i + 1}`}
            value={v}
            min={0}
            max={100}
            step={0.25}
            decimalScale={2}
            decimalSeparator=","
            suffix="%"
            onChange={(n) => onChange(value.map((o, j) => (j === i ? Number(n) || 0 : o)) as Bands)}
            data-testid={`${testId}-${i + 1}`}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function ConfigModal({ config, onClose }: { config: TppConfig; onClose: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(config);
  const save = useSaveTppConfig();
  const p = draft.potongan;
  const setP = (patch: Partial<typeof p>) => setDraft({ ...draft, potongan: { ...p, ...patch } });
  const submit = () =>
    save.mutate(
      { potongan: draft.potongan, besaran: draft.besaran },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('rekap.tpp.saved') });
          onClose();
        },
        onError: (e) => notifications.show({ color: 'red', message: e.message }),
      },
    );
  return (
    <Modal opened onClose={onClose} title={t('rekap.tpp.edit')} size="lg" data-testid="tpp-config-modal">
      <Stack gap="sm">
        <BandInputs label={t('rekap.tpp.lateBands')} value={p.terlambat} onChange={(v) => setP({ terlambat: v })} testId="tpp-tl" />
        <BandInputs label={t('rekap.tpp.earlyBands')} value={p.pulangCepat} onChange={(v) => setP({ pulangCepat: v })} testId="tpp-psw" />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          <NumberInput label={t('rekap.tpp.perUnexcusedDay')} value={p.tanpaKeterangan} min={0} max={100} step={0.5} decimalSeparator="," suffix="%" onChange={(n) => setP({ tanpaKeterangan: Number(n) || 0 })} data-testid="tpp-tk" />
          <NumberInput label={t('rekap.tpp.cap')} value={p.batasPersen} min={0} max={100} decimalSeparator="," suffix="%" onChange={(n) => setP({ batasPersen: Number(n) || 0 })} />
        </SimpleGrid>
        <TextInput label={t('rekap.tpp.legalBasis')} value={p.dasarHukum} maxLength={300} onChange={(e) => setP({ dasarHukum: e.currentTarget.value })} />
        <Text size="sm" fw={500}>{t('rekap.tpp.baseAmounts')}</Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          {TPP_CLASSES.map((c) => (
            <NumberInput
              key={c}
              label={TPP_CLASS_LABEL[c]}
              value={draft.besaran[c]}
              min={0}
              max={1_000_000_000}
              thousandSeparator="."
              decimalSeparator=","
              prefix="Rp "
              onChange={(n) => setDraft({ ...draft, besaran: { ...draft.besaran, [c]: Math.round(Number(n) || 0) } })}
            />
          ))}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={submit} loading={save.isPending} data-testid="tpp-config-save">{t('common.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

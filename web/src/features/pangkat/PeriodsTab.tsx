import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Card, Group, Modal, ScrollArea, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconCalendar, IconCalendarCog, IconRestore } from '@tabler/icons-react';
import type { KpPeriodInfo, KpRegime } from '@simak/shared/api/pangkat';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { formatDate } from '../../i18n/format';
import { parseDateInput } from '../change-requests/values';
import { useClearWindow, useKpPeriods, useKpRegimes, useSetWindow } from './api';
import { WindowBadge } from './PeriodBar';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

function windowRule(t: (k: string, o?: Record<string, unknown>) => string, r: KpRegime) {
  return t('pangkat.periods.rule', { opensDay: r.window.opensDay, opensMonths: r.window.opensMonthsBefore, closesDay: r.window.closesDay, closesMonths: r.window.closesMonthsBefore });
}

function WindowForm({ period, onClose }: { period: KpPeriodInfo; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSetWindow();
  const [opens, setOpens] = useState<string | null>(period.opens);
  const [closes, setCloses] = useState<string | null>(period.closes);
  const [note, setNote] = useState(period.note ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!opens || !closes) return;
    save.mutate(
      { period: period.period, body: { opens, closes, note: note.trim() || null } },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', title: t('pangkat.periods.savedTitle'), message: t('pangkat.periods.saved', { period: formatDate(period.period) }) });
          onClose();
        },
      },
    );
  };
  const dateProps = { valueFormat: 'D MMMM YYYY', dateParser: (s: string) => parseDateInput(s), leftSection: <IconCalendar size={16} />, popoverProps: { withinPortal: true } };
  return (
    <form onSubmit={submit} noValidate data-testid="kp-window-form">
      <Stack gap="md">
        <Text size="sm">{t('pangkat.periods.setExplain', { period: formatDate(period.period) })}</Text>
        <Group grow>
          <DateInput label={t('pangkat.periods.opens')} value={opens} onChange={setOpens} withAsterisk {...dateProps} data-testid="kp-window-opens" />
          <DateInput label={t('pangkat.periods.closes')} value={closes} onChange={setCloses} withAsterisk {...dateProps} data-testid="kp-window-closes" />
        </Group>
        <Textarea label={t('pangkat.periods.note')} placeholder={t('pangkat.periods.notePlaceholder')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} autosize minRows={2} data-testid="kp-window-note" />
        {save.error && (
          <Alert color="red" py="xs" data-testid="kp-window-error">
            {errorMessage(save.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={save.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!opens || !closes} data-testid="kp-window-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Periode" (BKD admin): the next periods with their windows (set or clear a period's own window) and the period rules. */
export function PeriodsTab() {
  const { t } = useTranslation();
  const periods = useKpPeriods(12);
  const regimes = useKpRegimes();
  const clear = useClearWindow();
  const [editing, setEditing] = useState<KpPeriodInfo | null>(null);
  const [clearing, setClearing] = useState<KpPeriodInfo | null>(null);

  const doClear = (p: KpPeriodInfo) =>
    clear.mutate(p.period, {
      onSuccess: () => {
        setClearing(null);
        notifications.show({ color: 'green', title: t('pangkat.periods.clearedTitle'), message: t('pangkat.periods.cleared', { period: formatDate(p.period) }) });
      },
      onError: (error) => {
        setClearing(null);
        notifications.show({ color: 'red', title: t('pangkat.periods.clearFailed'), message: errorMessage(error) });
      },
    });

  return (
    <Stack gap="lg" data-testid="kp-periods">
      <Card padding={0}>
        <Stack gap={0} p="md" pb="xs">
          <Title order={3} size="h5">
            {t('pangkat.periods.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('pangkat.periods.hint')}
          </Text>
        </Stack>
        {periods.isPending ? (
          <LoadingState />
        ) : periods.isError ? (
          <ErrorState error={periods.error} onRetry={() => void periods.refetch()} />
        ) : (
          <ScrollArea type="auto">
            <Table verticalSpacing="xs" highlightOnHover miw={900} data-testid="kp-periods-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('pangkat.period.label')}</Table.Th>
                  <Table.Th>{t('pangkat.window.title')}</Table.Th>
                  <Table.Th w={150}>{t('pangkat.periods.source')}</Table.Th>
                  <Table.Th w={140}>{t('pangkat.periods.regulation')}</Table.Th>
                  <Table.Th w={220} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {periods.data.items.map((p) => (
                  <Table.Tr key={p.period} data-testid="kp-period-row" data-period={p.period} data-source={p.source}>
                    <Table.Td fw={600}>{formatDate(p.period)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="wrap">
                        <Text size="sm" data-testid="kp-period-window">
                          {t('pangkat.window.range', { opens: formatDate(p.opens), closes: formatDate(p.closes) })}
                        </Text>
                        <WindowBadge info={p} />
                      </Group>
                      {p.note && (
                        <Text size="xs" c="dimmed">
                          {p.note}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={p.source === 'DITETAPKAN' ? 'violet' : 'gray'} tt="none" style={{ overflow: 'visible' }}>
                        {t(`pangkat.window.source.${p.source}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{p.regulation}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button size="xs" variant="light" leftSection={<IconCalendarCog size={14} />} onClick={() => setEditing(p)} data-testid="kp-period-set">
                          {t('pangkat.periods.set')}
                        </Button>
                        {p.source === 'DITETAPKAN' && (
                          <Button size="xs" variant="subtle" color="red" leftSection={<IconRestore size={14} />} onClick={() => setClearing(p)} data-testid="kp-period-clear">
                            {t('pangkat.periods.clear')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </Card>

      <Card padding={0}>
        <Stack gap={0} p="md" pb="xs">
          <Title order={3} size="h5">
            {t('pangkat.periods.regimesTitle')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('pangkat.periods.regimesHint')}
          </Text>
        </Stack>
        {regimes.isPending ? (
          <LoadingState />
        ) : regimes.isError ? (
          <ErrorState error={regimes.error} onRetry={() => void regimes.refetch()} />
        ) : (
          <ScrollArea type="auto">
            <Table verticalSpacing="xs" miw={900} data-testid="kp-regimes-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('pangkat.periods.regulation')}</Table.Th>
                  <Table.Th>{t('pangkat.periods.effective')}</Table.Th>
                  <Table.Th>{t('pangkat.periods.months')}</Table.Th>
                  <Table.Th>{t('pangkat.periods.windowRule')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {regimes.data.items.map((r) => (
                  <Table.Tr key={r.id} data-testid="kp-regime-row">
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {r.regulation}
                      </Text>
                      {r.note && (
                        <Text size="xs" c="dimmed">
                          {r.note}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {r.effectiveFrom ? formatDate(r.effectiveFrom) : t('pangkat.periods.since')} – {r.effectiveUntil ? formatDate(r.effectiveUntil) : t('pangkat.periods.now')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.months.length === 12 ? t('pangkat.periods.everyMonth') : r.months.map((m) => MONTHS[m - 1]).join(', ')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{windowRule(t, r)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </Card>

      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing ? t('pangkat.periods.setTitle', { period: formatDate(editing.period) }) : ''} centered size="lg">
        {editing && <WindowForm key={editing.period} period={editing} onClose={() => setEditing(null)} />}
      </Modal>

      <Modal opened={clearing !== null} onClose={() => setClearing(null)} title={t('pangkat.periods.clearTitle')} centered>
        {clearing && (
          <Stack gap="md" data-testid="kp-clear-dialog">
            <Text size="sm">{t('pangkat.periods.clearConfirm', { period: formatDate(clearing.period) })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setClearing(null)} disabled={clear.isPending}>
                {t('common.cancel')}
              </Button>
              <Button color="red" onClick={() => doClear(clearing)} loading={clear.isPending} data-testid="kp-clear-confirm">
                {t('pangkat.periods.clear')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

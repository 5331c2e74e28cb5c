import { Alert, Badge, Button, Card, Group, SimpleGrid, Skeleton, Stack, Table, Tabs, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { useSearchState } from '../../components/useSearchState';
import { formatDate, formatNumber } from '../../i18n/format';
import { useReviewAktivitas, useReviewQueue, useTeamToday, type Aktivitas, type TeamStatus } from '../checkin/api';
import { timeWib } from '../checkin/PresensiPage';
import { AktivitasItem } from './AktivitasPage';

export const TEAM_COLOR: Record<TeamStatus, string> = { HADIR: 'green', TERLAMBAT: 'orange', CUTI: 'blue', BELUM_HADIR: 'gray', TIDAK_HADIR: 'red', LIBUR: 'gray' };
const SHOWN: TeamStatus[] = ['HADIR', 'TERLAMBAT', 'CUTI', 'BELUM_HADIR', 'TIDAK_HADIR'];

/** The counts of the atasan's team today (also on the ATASAN home). */
export function TeamCounts({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  const team = useTeamToday();
  if (team.isPending) return <Skeleton h={70} />;
  if (team.isError) return <ErrorState error={team.error} onRetry={() => void team.refetch()} retrying={team.isFetching} />;
  const d = team.data;
  return (
    <Stack gap="xs" data-testid="team-counts">
      <Text size="sm" c="dimmed">
        {formatDate(d.tanggal)}
        {d.schedule ? ` · ${d.schedule.jamMasuk.replace(':', '.')}–${d.schedule.jamPulang.replace(':', '.')} WIB` : ''}
        {!d.workingDay ? ` · ${t('tim.notWorkingDay')}` : ''}
      </Text>
      <SimpleGrid cols={{ base: 3, sm: compact ? 5 : 5 }} spacing="xs">
        {SHOWN.map((s) => (
          <Card key={s} withBorder p="xs" data-testid={`team-count-${s}`}>
            <Text size="xl" fw={700} c={TEAM_COLOR[s]}>
              {formatNumber(d.counts[s])}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`tim.status.${s}`)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function TeamTable() {
  const { t } = useTranslation();
  const team = useTeamToday();
  if (!team.data) return null;
  if (team.data.items.length === 0) return <EmptyState title={t('tim.empty')} />;
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table striped data-testid="team-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('tim.col.nama')}</Table.Th>
            <Table.Th>{t('tim.col.status')}</Table.Th>
            <Table.Th>{t('tim.col.masuk')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {team.data.items.map((m) => (
            <Table.Tr key={m.employeeId} data-testid="team-row" data-status={m.status}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {m.nama}
                </Text>
                <Text size="xs" c="dimmed">
                  {m.jabatan ?? '—'}
                  {m.statusKepegawaian === 'KONTRAK' ? ` · ${t('tim.kontrak')}` : ''}
                </Text>
                {m.lokasiTugas && (
                  <Text size="xs" c="grape">
                    {t(m.lokasiTugas.jenis === 'WFH' ? 'checkin.request.wfh' : 'checkin.request.dinasLuar')}: {m.lokasiTugas.nama}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Badge color={TEAM_COLOR[m.status]} variant="light" tt="none">
                  {t(`tim.status.${m.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{m.masuk ? timeWib(m.masuk.at) : '—'}</Text>
                {m.masuk && m.masuk.terlambatMenit > 0 && (
                  <Text size="xs" c="orange">
                    {t('checkin.today.late', { n: m.masuk.terlambatMenit })}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ReviewActions({ a }: { a: Aktivitas }) {
  const { t } = useTranslation();
  const review = useReviewAktivitas();
  const [returning, setReturning] = useState(false);
  const [note, setNote] = useState('');
  const decide = (decision: 'SETUJUI' | 'KEMBALIKAN') =>
    review.mutate(
      { id: a.id, body: { decision, version: a.version, ...(decision === 'KEMBALIKAN' ? { note } : {}) } },
      { onSuccess: () => notifications.show({ color: 'green', message: t(decision === 'SETUJUI' ? 'tim.review.approved' : 'tim.review.returned') }) },
    );
  return (
    <Stack gap={6} mt="xs">
      {review.isError && <Alert color="red">{errorMessage(review.error)}</Alert>}
      {returning && <Textarea label={t('tim.review.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} data-testid="review-note" />}
      <Group gap="xs">
        {a.actions.includes('approve') && !returning && (
          <Button size="xs" color="green" onClick={() => decide('SETUJUI')} loading={review.isPending} data-testid="review-approve">
            {t('tim.review.approve')}
          </Button>
        )}
        {a.actions.includes('return') &&
          (returning ? (
            <Button size="xs" color="orange" disabled={!note.trim()} onClick={() => decide('KEMBALIKAN')} loading={review.isPending} data-testid="review-return-confirm">
              {t('tim.review.returnConfirm')}
            </Button>
          ) : (
            <Button size="xs" variant="light" color="orange" onClick={() => setReturning(true)} data-testid="review-return">
              {t('tim.review.return')}
            </Button>
          ))}
      </Group>
    </Stack>
  );
}

function ReviewQueue() {
  const { t } = useTranslation();
  const queue = useReviewQueue();
  if (queue.isPending) return <Skeleton h={80} />;
  if (queue.isError) return <ErrorState error={queue.error} onRetry={() => void queue.refetch()} retrying={queue.isFetching} />;
  if (queue.data.items.length === 0) return <EmptyState title={t('tim.review.empty')} />;
  return (
    <Stack gap="xs" data-testid="review-queue">
      {queue.data.items.map((a) => (
        <AktivitasItem key={a.id} a={a} showName>
          <ReviewActions a={a} />
        </AktivitasItem>
      ))}
    </Stack>
  );
}

/** The atasan's team (/tim): who is in today, and the activities waiting for review. */
export function TimPage() {
  const { t } = useTranslation();
  const [state, update] = useSearchState({ tab: 'hari-ini' });
  const queue = useReviewQueue();
  return (
    <Stack gap="md">
      <PageHeader title={t('nav.items.tim')} description={t('tim.description')} />
      <Tabs value={state.tab === 'aktivitas' ? 'aktivitas' : 'hari-ini'} onChange={(v) => v && update({ tab: v })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="hari-ini" data-testid="tim-tab-today">
            {t('tim.tabs.today')}
          </Tabs.Tab>
          <Tabs.Tab value="aktivitas" data-testid="tim-tab-aktivitas" rightSection={queue.data && queue.data.total > 0 ? <Badge size="sm">{queue.data.total}</Badge> : null}>
            {t('tim.tabs.review')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="hari-ini">
          <Stack gap="md">
            <TeamCounts />
            <TeamTable />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="aktivitas">
          <ReviewQueue />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

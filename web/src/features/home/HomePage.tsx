import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight, IconLayoutDashboard } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HomeCard, HomeLink, HomeQueue } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, formatDateWib, formatNumber } from '../../i18n/format';
import { ROLE_COLORS } from '../auth/roles';
import { MyKgbCard } from '../berkala/MyKgbCard';
import { MyKpCard } from '../pangkat/MyKpCard';
import { MyPensiunCard } from '../pensiun/MyPensiunCard';
import { TeamCounts } from '../aktivitas/TimPage';
import { useCurrentUser } from '../auth/useMe';
import { useHomeSummary } from './api';

/** A web route with its list filters, e.g. `/tugas?type=KGB`. */
function hrefOf(link: HomeLink): string {
  const query = new URLSearchParams(link.query).toString();
  return query ? `${link.path}?${query}` : link.path;
}

function SummaryCard({ card }: { card: HomeCard }) {
  const { t } = useTranslation();
  const label = t(`home.cards.${card.key}`, { defaultValue: card.key });
  const hint = t(`home.cardHints.${card.key}`, { defaultValue: '' });
  const value = typeof card.value === 'number' ? formatNumber(card.value) : card.value;
  return (
    <Card data-testid={`home-card-${card.key}`}>
      <Text size="sm" c="dimmed" fw={500} data-testid="home-card-label">
        {label}
      </Text>
      <Text fz={typeof card.value === 'number' ? 28 : 20} fw={700} lh={1.2} mt={6} c="simak.9" data-testid="home-card-value">
        {card.link ? (
          <Anchor component={Link} to={hrefOf(card.link)} inherit c="simak.9">
            {value}
          </Anchor>
        ) : (
          value
        )}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" mt={4}>
          {hint}
        </Text>
      )}
    </Card>
  );
}

/** One queue of work: the count, the item waiting longest (or due first) and the filtered list. */
function QueueCard({ queue }: { queue: HomeQueue }) {
  const { t } = useTranslation();
  const title = queue.kind === 'tasks' ? t('home.queues.tasksOf', { label: queue.label }) : t(`home.queues.${queue.kind}`, { defaultValue: queue.label });
  const o = queue.oldest;
  const when = o
    ? o.dateKind === 'since'
      ? t('home.queue.since', { date: formatDateWib(o.date) })
      : t(queue.kind === 'opd_retiring' ? 'home.queue.dueRetire' : 'home.queue.due', { date: formatDate(o.date) })
    : null;
  const empty = queue.count === 0;
  return (
    <Card data-testid="home-card" data-key={queue.key} data-count={queue.count}>
      <Stack gap={6} h="100%">
        <Text size="sm" c="dimmed" fw={500} lineClamp={2}>
          {title}
        </Text>
        <Text fz={28} fw={700} lh={1.2} c={empty ? 'dimmed' : 'simak.9'} data-testid="home-card-count">
          {formatNumber(queue.count)}
        </Text>
        {o ? (
          <Text size="sm" data-testid="home-card-oldest">
            <Text span c="dimmed" size="sm">
              {o.dateKind === 'since' ? t('home.queue.oldestLabel') : t('home.queue.soonestLabel')}:{' '}
            </Text>
            <Anchor component={Link} to={hrefOf(o.link)} size="sm">
              {o.title}
            </Anchor>
            <Text span c="dimmed" size="sm">
              {' '}
              — {when}
            </Text>
          </Text>
        ) : (
          empty && (
            <Text size="sm" c="dimmed" data-testid="home-card-empty">
              {queue.kind === 'team' ? t('home.queue.emptyTeam') : t('home.queue.empty')}
            </Text>
          )
        )}
        <Group mt="auto" pt={4}>
          <Button
            component={Link}
            to={hrefOf(queue.link)}
            variant="subtle"
            size="compact-sm"
            rightSection={<IconArrowRight size={14} />}
            data-testid="home-card-link"
          >
            {queue.kind === 'team' ? t('home.queue.openTeam') : t('home.queue.open')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const summary = useHomeSummary();
  usePageTitle(t('home.title'));

  return (
    <Stack gap="xl">
      <Stack gap={6}>
        <Title order={2} data-testid="home-title">
          {t('home.title')}
        </Title>
        <Text size="lg" data-testid="home-welcome">
          {t('home.welcome', { name: me.displayName })}
        </Text>
        <Group gap="xs" data-testid="home-roles">
          <Text size="sm" c="dimmed">
            {t('home.rolesLabel')}
          </Text>
          {me.roles.map((role) => (
            <Badge key={role} tt="none" color={ROLE_COLORS[role]} data-testid={`home-role-${role}`}>
              {t(`roles.${role}`)}
            </Badge>
          ))}
        </Group>
        {me.roles.includes('OPD_ADMIN') && me.opds.length > 0 && (
          <Group gap="xs" data-testid="home-opds">
            <Text size="sm" c="dimmed">
              {t('home.opdScope')}
            </Text>
            {me.opds.map((opd) => (
              <Badge key={opd.id} color="gray" variant="outline" title={opd.kode}>
                {opd.nama}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>

      {me.roles.includes('ATASAN') && (
        <Card data-testid="home-team-today">
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h4">
              {t('home.teamToday')}
            </Title>
            <Button component={Link} to="/tim" variant="light" size="xs">
              {t('home.teamTodayOpen')}
            </Button>
          </Group>
          <TeamCounts compact />
        </Card>
      )}

      {summary.data && summary.data.queues.length > 0 && (
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('home.workTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" data-testid="home-queues">
            {summary.data.queues.map((queue) => (
              <QueueCard key={queue.key} queue={queue} />
            ))}
          </SimpleGrid>
        </Stack>
      )}

      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('home.summaryTitle')}
        </Title>
        {summary.isPending ? (
          <LoadingState />
        ) : summary.isError ? (
          <ErrorState error={summary.error} onRetry={() => void summary.refetch()} retrying={summary.isFetching} />
        ) : summary.data.cards.length === 0 ? (
          <EmptyState icon={<IconLayoutDashboard size={30} stroke={1.5} />} title={t('home.emptyCards')} />
        ) : (
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="md" data-testid="home-cards">
            {summary.data.cards.map((card) => (
              <SummaryCard key={card.key} card={card} />
            ))}
          </SimpleGrid>
        )}
      </Stack>

      {me.roles.includes('ASN') && me.employeeId !== null && <MyPensiunCard />}

      {me.roles.includes('ASN') && me.employeeId !== null && (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <MyKgbCard />
          <MyKpCard />
        </SimpleGrid>
      )}
    </Stack>
  );
}

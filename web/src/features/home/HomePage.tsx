import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconLayoutDashboard } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { HomeCard } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { usePageTitle } from '../../components/usePageTitle';
import { formatNumber } from '../../i18n/format';
import { ROLE_COLORS } from '../auth/roles';
import { MyKgbCard } from '../berkala/MyKgbCard';
import { useCurrentUser } from '../auth/useMe';
import { useHomeSummary } from './api';

function SummaryCard({ card }: { card: HomeCard }) {
  const { t } = useTranslation();
  const label = t(`home.cards.${card.key}`, { defaultValue: card.key });
  const value = typeof card.value === 'number' ? formatNumber(card.value) : card.value;
  return (
    <Card data-testid={`home-card-${card.key}`}>
      <Text size="sm" c="dimmed" fw={500} data-testid="home-card-label">
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.2} mt={6} c="simak.9" data-testid="home-card-value">
        {value}
      </Text>
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

      {me.roles.includes('ASN') && me.employeeId !== null && <MyKgbCard />}
    </Stack>
  );
}

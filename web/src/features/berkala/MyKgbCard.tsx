import { Alert, Anchor, Badge, Button, Card, Group, List, Loader, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconCoins, IconDownload, IconPlayerPause } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/client';
import { ErrorState } from '../../components/ErrorState';
import { toneColor } from '../../domain/labels';
import { formatDate, formatMoney } from '../../i18n/format';
import { useMyKgb } from './api';
import { kgbStateInfo } from './states';

function Figure({ label, value, testId, strong }: { label: string; value: string; testId?: string; strong?: boolean }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.3 }}>
        {label}
      </Text>
      <Text size="sm" fw={strong ? 700 : 500} c={strong ? 'green.9' : undefined} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

/**
 * The signed-in employee's KGB (GET /api/berkala/me): next TMT, the new salary, the
 * status of the current KGB request, postponement reasons and the letter download.
 * Shown on the home page and on Profil Saya → KGB. Renders nothing for accounts
 * without an employee record.
 */
export function MyKgbCard() {
  const { t } = useTranslation();
  const query = useMyKgb();

  if (query.isPending) {
    return (
      <Card data-testid="my-kgb-loading">
        <Skeleton h={18} w="40%" mb="sm" />
        <Skeleton h={14} w="70%" />
      </Card>
    );
  }
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) return null;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  }

  const { nextTmt, gajiPokok, tmtKgbTerakhir, current } = query.data;
  const status = current ? kgbStateInfo(current.state) : null;
  const letter = current?.letter ?? null;

  return (
    <Card data-testid="my-kgb">
      <Group gap="sm" mb="sm" wrap="nowrap">
        <ThemeIcon variant="light" color="simak" size="lg" radius="md" aria-hidden>
          <IconCoins size={20} />
        </ThemeIcon>
        <Title order={3} size="h4">
          {t('berkala.my.title')}
        </Title>
      </Group>

      <Stack gap="md">
        <Text size="lg" fw={700} c="simak.9" data-testid="my-kgb-next">
          {nextTmt ? t('berkala.my.next', { date: formatDate(nextTmt) }) : t('berkala.my.nextUnknown')}
        </Text>

        <Group gap="xl" wrap="wrap">
          <Figure label={t('berkala.my.salaryNow')} value={formatMoney(gajiPokok)} testId="my-kgb-salary" />
          {current?.gajiPokokBaru != null && (
            <Figure label={t('berkala.my.salaryNew')} value={formatMoney(current.gajiPokokBaru)} testId="my-kgb-salary-new" strong />
          )}
          <Figure label={t('fields.tmtKgbTerakhir')} value={formatDate(tmtKgbTerakhir)} />
        </Group>

        {current && status ? (
          <Stack gap="xs">
            <Group gap="sm" wrap="wrap">
              <Text size="sm">{t('berkala.my.process', { date: formatDate(current.tmt) })}</Text>
              <Badge color={toneColor(status.tone)} tt="none" data-testid="my-kgb-status" data-state={status.state}>
                {status.stateLabel}
              </Badge>
              {current.requestId !== null && (
                <Anchor component={Link} to={`/usulan/${current.requestId}`} size="sm" data-testid="my-kgb-link">
                  <Group gap={4} component="span" wrap="nowrap">
                    {t('berkala.my.openRequest')}
                    <IconArrowRight size={14} aria-hidden />
                  </Group>
                </Anchor>
              )}
            </Group>
            {current.state === 'DITUNDA' && (
              <Alert color="yellow" icon={<IconPlayerPause size={18} />} title={t('berkala.my.postponedTitle')} data-testid="my-kgb-reasons">
                {current.reasons.length > 0 ? (
                  <List size="sm" spacing={2}>
                    {current.reasons.map((reason) => (
                      <List.Item key={reason}>{reason}</List.Item>
                    ))}
                  </List>
                ) : (
                  <Text size="sm">{t('berkala.my.postponedNoReason')}</Text>
                )}
                <Text size="sm" mt="xs">
                  {t('berkala.my.postponedHint')}
                </Text>
              </Alert>
            )}
            {letter &&
              (letter.downloadUrl ? (
                <Group gap="sm" wrap="wrap">
                  <Button component="a" href={letter.downloadUrl} download leftSection={<IconDownload size={16} />} data-testid="my-kgb-download">
                    {t('berkala.my.download')}
                  </Button>
                  <Text size="sm" c="dimmed">
                    {t('berkala.my.letterNumber', { number: letter.number })}
                  </Text>
                </Group>
              ) : (
                <Group gap="sm" data-testid="my-kgb-letter-pending" role="status" aria-live="polite">
                  <Loader size="sm" />
                  <Text size="sm">{t('berkala.letter.pending')}</Text>
                </Group>
              ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed" data-testid="my-kgb-none">
            {t('berkala.my.noRequest')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

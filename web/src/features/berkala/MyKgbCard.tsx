import { Alert, Anchor, Badge, Button, Group, List, Loader, Stack, Text } from '@mantine/core';
import { IconArrowRight, IconCoins, IconDownload, IconPlayerPause } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Figure, MyCard } from '../../components/MyCard';
import { toneColor } from '../../domain/labels';
import { formatDate, formatMoney } from '../../i18n/format';
import { useMyKgb } from './api';
import { kgbStateInfo } from './states';

/**
 * The signed-in employee's KGB (GET /api/berkala/me): next TMT, the new salary, the
 * status of the current KGB request, postponement reasons and the letter download.
 * Shown on the home page and on Profil Saya → KGB. Renders nothing for accounts
 * without an employee record.
 */
export function MyKgbCard() {
  const { t } = useTranslation();
  const query = useMyKgb();
  return (
    <MyCard query={query} testId="my-kgb" icon={<IconCoins size={20} />} title={t('berkala.my.title')}>
      {(data) => <MyKgbBody data={data} />}
    </MyCard>
  );
}

function MyKgbBody({ data }: { data: NonNullable<ReturnType<typeof useMyKgb>['data']> }) {
  const { t } = useTranslation();
  const { nextTmt, gajiPokok, tmtKgbTerakhir, current } = data;
  const status = current ? kgbStateInfo(current.state) : null;
  const letter = current?.letter ?? null;

  return (
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
  );
}

import { Anchor, Badge, Card, Group, List, Skeleton, Stack, Text, ThemeIcon, Timeline, Title } from '@mantine/core';
import { IconArrowRight, IconCircleCheck, IconCircleDashed, IconHourglass } from '@tabler/icons-react';
import type { PensiunMe } from '@simak/shared/api/pensiun';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useMyPensiun } from './api';
import { PENSIUN_STATE_COLORS } from './states';

/** Months ahead from which the card shows BUP and TMT before any file opens. */
const SHOW_MONTHS = 24;

function Steps({ file }: { file: NonNullable<PensiunMe['file']> }) {
  const { t } = useTranslation();
  const active = file.steps.reduce((last, s, i) => (s.done ? i : last), -1);
  return (
    <Timeline active={active} bulletSize={22} lineWidth={2} data-testid="my-pensiun-timeline">
      {file.steps.map((s) => (
        <Timeline.Item
          key={s.key}
          bullet={s.done ? <IconCircleCheck size={14} /> : <IconCircleDashed size={14} />}
          title={<Text size="sm" fw={s.done ? 600 : 400} c={s.done ? undefined : 'dimmed'}>{s.label}</Text>}
          data-testid="my-pensiun-step"
          data-key={s.key}
          data-done={s.done ? 'true' : 'false'}
        >
          <Text size="xs" c="dimmed">
            {s.at ? formatDateTime(s.at) : t('pensiun.my.stepPending')}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

/**
 * "Pensiun saya" (GET /api/pensiun/me) on the ASN's home page: BUP and its legal basis, the pension
 * TMT, and from the moment the file opens its state, what is still missing and the timeline to the
 * SK handed over. Nothing for those far from retirement or not PNS/CPNS.
 */
export function MyPensiunCard() {
  const { t } = useTranslation();
  const query = useMyPensiun();
  if (query.isPending) {
    return (
      <Card data-testid="my-pensiun-loading">
        <Skeleton h={18} w="40%" mb="sm" />
        <Skeleton h={14} w="70%" />
      </Card>
    );
  }
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  const d = query.data;
  if (!d.applicable || (!d.file && (d.monthsLeft === null || d.monthsLeft > SHOW_MONTHS))) return null;
  const f = d.file;
  return (
    <Card data-testid="my-pensiun">
      <Group gap="sm" mb="sm" wrap="nowrap">
        <ThemeIcon variant="light" color="orange" size="lg" radius="md" aria-hidden>
          <IconHourglass size={20} />
        </ThemeIcon>
        <Title order={3} size="h4">
          {t('pensiun.my.title')}
        </Title>
      </Group>
      <Stack gap="md">
        <Group gap="xl" wrap="wrap" align="flex-start">
          <Stack gap={0}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {t('pensiun.fields.bup')}
            </Text>
            <Text size="sm" fw={600} data-testid="my-pensiun-bup">
              {d.bup === null ? '—' : t('pensiun.fields.years', { count: d.bup })}
            </Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {t('pensiun.fields.tmt')}
            </Text>
            <Text size="sm" fw={700} c="orange.9" data-testid="my-pensiun-tmt">
              {formatDate(d.tmtPensiun)}
            </Text>
          </Stack>
          {d.monthsLeft !== null && d.monthsLeft >= 0 && (
            <Stack gap={0}>
              <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                {t('pensiun.my.left')}
              </Text>
              <Text size="sm" fw={600}>
                {t('pensiun.my.monthsLeft', { count: d.monthsLeft })}
              </Text>
            </Stack>
          )}
        </Group>
        {d.bupBasis && (
          <Text size="xs" c="dimmed" data-testid="my-pensiun-basis">
            {d.bupDescription ? `${d.bupDescription} — ` : ''}
            {d.bupBasis}
          </Text>
        )}
        {f ? (
          <>
            <Group gap="sm" wrap="wrap">
              <Text size="sm">{t('pensiun.my.file')}</Text>
              <Badge color={PENSIUN_STATE_COLORS[f.state] ?? 'gray'} tt="none" data-testid="my-pensiun-state" data-state={f.state} style={{ maxWidth: '100%' }}>
                {f.stateLabel}
              </Badge>
              <Anchor component={Link} to={`/usulan/${f.requestId}`} size="sm" data-testid="my-pensiun-link">
                <Group gap={4} component="span" wrap="nowrap">
                  {t('berkala.my.openRequest')}
                  <IconArrowRight size={14} aria-hidden />
                </Group>
              </Anchor>
            </Group>
            {f.missing.length > 0 ? (
              <Stack gap={4} data-testid="my-pensiun-missing">
                <Text size="sm" fw={600}>
                  {t('pensiun.my.missing', { count: f.missing.length })}
                </Text>
                <List size="sm" spacing={2}>
                  {f.missing.map((m) => (
                    <List.Item key={m}>{m}</List.Item>
                  ))}
                </List>
                <Text size="xs" c="dimmed">
                  {t('pensiun.my.missingHint')}
                </Text>
              </Stack>
            ) : (
              <Text size="sm" c="green.9" data-testid="my-pensiun-complete">
                {t('pensiun.my.complete')}
              </Text>
            )}
            <Steps file={f} />
          </>
        ) : (
          <Text size="sm" c="dimmed" data-testid="my-pensiun-nofile">
            {t('pensiun.my.noFile', { date: formatDate(d.opensOn) })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

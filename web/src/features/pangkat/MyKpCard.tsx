import { Alert, Anchor, Badge, Group, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight, IconAward, IconCircleCheck, IconHourglass } from '@tabler/icons-react';
import { JENIS_KP_LABELS } from '@simak/shared/codes';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Figure, MyCard } from '../../components/MyCard';
import { golonganWithPangkat, toneColor } from '../../domain/labels';
import { formatDate } from '../../i18n/format';
import { useCurrentUser } from '../auth/useMe';
import { useRequestList } from '../requests/api';
import { useMyKp } from './api';

/** The ASN's open or latest KP proposal, if any (from "Usulan saya"). */
function MyProposal({ employeeId }: { employeeId: number }) {
  const { t } = useTranslation();
  const list = useRequestList({ type: 'KP', employeeId: String(employeeId), page: 1, pageSize: 1, sort: '-submittedAt' });
  const row = list.data?.items[0];
  if (!row) return null;
  return (
    <Group gap="sm" wrap="wrap" data-testid="my-kp-proposal">
      <Text size="sm">{t('pangkat.my.proposal')}</Text>
      <Badge color={toneColor(row.tone)} tt="none" data-testid="my-kp-proposal-state" data-state={row.state}>
        {row.stateLabel}
      </Badge>
      <Anchor component={Link} to={`/usulan/${row.id}`} size="sm" data-testid="my-kp-proposal-link">
        <Group gap={4} component="span" wrap="nowrap">
          {t('berkala.my.openRequest')}
          <IconArrowRight size={14} aria-hidden />
        </Group>
      </Anchor>
    </Group>
  );
}

/**
 * "Kenaikan pangkat saya" (GET /api/pangkat/me): the verdict for the next period with the reasons,
 * the earliest period the rules allow and what is still missing then, and the current proposal.
 * Shown on the home page and on Profil Saya → Pangkat. Nothing for accounts without an employee record.
 */
export function MyKpCard() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const query = useMyKp();
  return (
    <MyCard query={query} testId="my-kp" icon={<IconAward size={20} />} title={t('pangkat.my.title')}>
      {(data) => <MyKpBody data={data} employeeId={me.employeeId} />}
    </MyCard>
  );
}

function MyKpBody({ data, employeeId }: { data: NonNullable<ReturnType<typeof useMyKp>['data']>; employeeId: number | null }) {
  const { t } = useTranslation();
  const { applicable, reason, employee, next, earliest } = data;
  const sameAsNext = next && earliest && earliest.period.period === next.period.period;

  return (
    <Stack gap="md">
      <Group gap="xl" wrap="wrap">
        <Figure label={t('fields.golonganPangkat')} value={golonganWithPangkat(employee.golongan)} testId="my-kp-golongan" />
        <Figure label={t('pangkat.details.tmtOld')} value={formatDate(employee.tmtGolongan)} />
      </Group>

      {!applicable ? (
        <Text size="sm" c="dimmed" data-testid="my-kp-not-applicable">
          {reason}
        </Text>
      ) : (
        <>
          {next && (
            <Stack gap={6} data-testid="my-kp-next" data-eligible={next.eligible ? 'true' : 'false'}>
              <Group gap="xs" wrap="wrap">
                {next.eligible ? <IconCircleCheck size={18} color="var(--mantine-color-green-7)" aria-hidden /> : <IconHourglass size={18} color="var(--mantine-color-gray-6)" aria-hidden />}
                <Text size="sm" fw={600}>
                  {next.eligible && next.jenis && next.to
                    ? t('pangkat.my.nextEligible', { period: formatDate(next.period.period), jenis: JENIS_KP_LABELS[next.jenis], to: next.to })
                    : t('pangkat.my.nextNot', { period: formatDate(next.period.period) })}
                </Text>
              </Group>
              {!next.eligible && next.reasons.length > 0 && (
                <List size="sm" spacing={2} data-testid="my-kp-reasons">
                  {next.reasons.map((r) => (
                    <List.Item key={r}>{r}</List.Item>
                  ))}
                </List>
              )}
              {next.eligible && (
                <Text size="xs" c="dimmed">
                  {t('pangkat.my.nextHint', { opens: formatDate(next.period.opens), closes: formatDate(next.period.closes) })}
                </Text>
              )}
            </Stack>
          )}
          {earliest && !sameAsNext && (
            <Alert color={earliest.missing.length ? 'yellow' : 'blue'} variant="light" title={t('pangkat.my.earliest', { period: formatDate(earliest.period.period), jenis: JENIS_KP_LABELS[earliest.jenis], to: earliest.to ?? '—' })} data-testid="my-kp-earliest">
              {earliest.missing.length > 0 ? (
                <>
                  <Text size="sm" mb={4}>
                    {t('pangkat.my.missing')}
                  </Text>
                  <List size="sm" spacing={2} data-testid="my-kp-missing">
                    {earliest.missing.map((m) => (
                      <List.Item key={m}>{m}</List.Item>
                    ))}
                  </List>
                </>
              ) : (
                <Text size="sm">{t('pangkat.my.nothingMissing')}</Text>
              )}
            </Alert>
          )}
          {[...(next?.flags ?? [])].map((f) => (
            <Alert key={f.code} color="orange" variant="light" icon={<IconAlertTriangle size={16} />} py="xs">
              <Text size="sm">{f.message}</Text>
            </Alert>
          ))}
        </>
      )}
      {employeeId !== null && <MyProposal employeeId={employeeId} />}
    </Stack>
  );
}

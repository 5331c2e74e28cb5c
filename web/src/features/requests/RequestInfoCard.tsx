import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { InfoGrid } from '../../components/InfoGrid';
import { toneColor } from '../../domain/labels';
import { EMPTY_VALUE, formatDateTime, formatNip } from '../../i18n/format';
import type { RequestDetail } from './types';

export interface RequestInfoCardProps {
  request: RequestDetail;
  /** The signed-in user is the employee the request is about (no link to their own profile page). */
  isOwn: boolean;
  /** Label of the submission date (e.g. "Dibuat" for requests the system creates). */
  submittedLabel?: string;
}

/** Who the request is about, the OPD, when it was submitted, how long it has been in its state. */
export function RequestInfoCard({ request: r, isOwn, submittedLabel }: RequestInfoCardProps) {
  const { t } = useTranslation();
  return (
    <Card>
      <Title order={3} size="h4" mb="sm">
        {t('requests.detail.info')}
      </Title>
      <InfoGrid
        cols={1}
        items={[
          {
            key: 'employee',
            label: t('requests.columns.employee'),
            value: (
              <Stack gap={0}>
                {isOwn ? (
                  <Text size="sm" fw={600}>
                    {r.employee.nama}
                  </Text>
                ) : (
                  <Anchor component={Link} to={`/pegawai/${r.employee.id}`} size="sm" fw={600}>
                    {r.employee.nama}
                  </Anchor>
                )}
                <Text size="xs" c="dimmed" ff="monospace">
                  {formatNip(r.employee.nip)}
                </Text>
              </Stack>
            ),
          },
          { key: 'opd', label: t('requests.detail.opd'), value: r.opd?.nama ?? EMPTY_VALUE },
          { key: 'submittedAt', label: submittedLabel ?? t('requests.columns.submittedAt'), value: formatDateTime(r.submittedAt) },
          {
            key: 'stateSince',
            label: t('requests.detail.stateSince'),
            value: (
              <Group gap={6}>
                <Badge size="xs" color={toneColor(r.tone)} tt="none">
                  {r.stateLabel}
                </Badge>
                <Text size="sm">{formatDateTime(r.stateSince)}</Text>
              </Group>
            ),
          },
          { key: 'age', label: t('requests.columns.age'), value: t('requests.ageDays', { count: r.ageDays }) },
          ...(r.batchId !== null ? [{ key: 'batch', label: t('requests.detail.batch'), value: t('requests.batchLabel', { id: r.batchId }) }] : []),
        ]}
      />
    </Card>
  );
}


import { Alert, Badge, Card, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight } from '@tabler/icons-react';
import type { KpRequestDetails } from '@simak/shared/api/pangkat';
import { useTranslation } from 'react-i18next';
import { DocNumber } from '../../components/DocNumber';
import { InfoGrid } from '../../components/InfoGrid';
import { golonganWithPangkat } from '../../domain/labels';
import { EMPTY_VALUE, formatDate, formatMoney } from '../../i18n/format';
import { mkgText } from '../berkala/KgbDetailsPanel';
import { DecisionCard } from '../requests/DecisionCard';
import type { RequestDetail } from '../requests/types';
import { LetterCard } from '../letters/LetterCard';
import { WindowBadge } from './PeriodBar';

/** The KP figures of a request of type KP (its `details`). */
export function kpDetailsOf(request: RequestDetail): KpRequestDetails {
  return request.details as unknown as KpRequestDetails;
}

function RankChange({ d }: { d: KpRequestDetails }) {
  const { t } = useTranslation();
  return (
    <Paper p="md" radius="md" bg="gray.0" withBorder data-testid="kp-rank">
      <Group gap="lg" wrap="wrap" align="center">
        <Stack gap={2}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('pangkat.details.from')}
          </Text>
          <Text size="lg" fw={600} data-testid="kp-rank-from">
            {golonganWithPangkat(d.from)}
          </Text>
        </Stack>
        <IconArrowRight size={22} color="var(--mantine-color-gray-6)" aria-hidden />
        <Stack gap={2}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('pangkat.details.to')}
          </Text>
          <Text size="xl" fw={700} c="green.9" data-testid="kp-rank-to">
            {golonganWithPangkat(d.to)}
          </Text>
        </Stack>
        <Badge color="blue" variant="light" size="lg" tt="none">
          {d.jenisLabel}
        </Badge>
      </Group>
    </Paper>
  );
}

function KpLetter({ letter }: { letter: NonNullable<KpRequestDetails['letter']> }) {
  const { t } = useTranslation();
  return <LetterCard letter={letter} prefix="kp" title={t('pangkat.letter.title')} hint={t('pangkat.letter.hint')} downloadLabel={t('pangkat.letter.download')} />;
}

/** The KP request page body: the rank change, the period and its window, the SK route, the pertek, the SK and its summary letter. */
export function KpDetailsPanel({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const d = kpDetailsOf(request);
  if (!d?.period) return null;
  return (
    <Stack gap="lg">
      <Card data-testid="kp-details">
        <Title order={3} size="h4" mb="sm">
          {t('pangkat.details.title')}
        </Title>
        <Stack gap="md">
          <RankChange d={d} />
          {d.flags.length > 0 && (
            <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('pangkat.details.flagsTitle')} data-testid="kp-flags">
              <Stack gap={2}>
                {d.flags.map((f) => (
                  <Text key={f.code} size="sm">
                    {f.message}
                  </Text>
                ))}
              </Stack>
            </Alert>
          )}
          <InfoGrid
            cols={3}
            testId="kp-figures"
            items={[
              { key: 'kpPeriod', label: t('pangkat.details.period'), value: <Text span fw={700} size="sm">{formatDate(d.period)}</Text> },
              { key: 'kpTmtOld', label: t('pangkat.details.tmtOld'), value: formatDate(d.tmtGolongan) },
              { key: 'kpSkp', label: t('pangkat.details.skpYears'), value: d.skpYears.join(' dan ') },
              {
                key: 'kpWindow',
                label: t('pangkat.window.title'),
                value: d.window ? (
                  <Group gap={6} wrap="wrap" component="span">
                    <span>{t('pangkat.window.range', { opens: formatDate(d.window.opens), closes: formatDate(d.window.closes) })}</span>
                    <WindowBadge info={d.window} />
                  </Group>
                ) : (
                  EMPTY_VALUE
                ),
              },
              { key: 'kpAuthority', label: t('pangkat.details.authority'), value: t(`pangkat.details.authorities.${d.route.authority}`) },
              { key: 'kpRoute', label: t('pangkat.details.pertekRoute'), value: d.route.pertekLabel },
            ]}
          />
        </Stack>
      </Card>

      {(d.pertek || d.sk) && (
        <DecisionCard
          prefix="kp"
          title={d.sk ? t('pangkat.details.skTitle') : t('pangkat.details.pertekTitle')}
          documentUrl={d.sk?.documentUrl}
          documentLabel={t('pangkat.details.skDocument')}
          items={[
            ...(d.pertek
              ? [
                  { key: 'kpPertekNomor', label: t('pangkat.details.pertekNomor'), value: <DocNumber value={d.pertek.nomor} data-testid="kp-pertek-nomor" /> },
                  { key: 'kpPertekTanggal', label: t('pangkat.details.pertekTanggal'), value: formatDate(d.pertek.tanggal) },
                ]
              : []),
            ...(d.sk
              ? [
                  { key: 'kpSkNomor', label: t('pangkat.details.skNomor'), value: <DocNumber value={d.sk.nomorSk} fw={600} data-testid="kp-sk-nomor" /> },
                  { key: 'kpSkTanggal', label: t('pangkat.details.skTanggal'), value: formatDate(d.sk.tanggalSk) },
                  { key: 'kpSkTmt', label: t('pangkat.details.tmtNew'), value: formatDate(d.sk.tmt) },
                  { key: 'kpSkGolongan', label: t('pangkat.details.golonganNew'), value: <Text span size="sm" fw={700} c="green.9" data-testid="kp-sk-golongan">{golonganWithPangkat(d.sk.golongan)}</Text> },
                  { key: 'kpSkMkg', label: t('pangkat.details.mkg'), value: mkgText(t, d.sk.mkgTahun, d.sk.mkgBulan) },
                  { key: 'kpSkGaji', label: t('fields.gajiPokok'), value: formatMoney(d.sk.gajiPokok) },
                ]
              : []),
          ]}
        />
      )}

      {d.letter && <KpLetter letter={d.letter} />}
    </Stack>
  );
}


import { Alert, Badge, Card, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight, IconCircleCheck, IconFileAlert, IconPlayerPause } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { InfoGrid } from '../../components/InfoGrid';
import { DOCUMENT_TYPE_LABELS, golonganWithPangkat, PREDIKAT_SKP_LABELS } from '../../domain/labels';
import { EMPTY_VALUE, formatDate, formatDecimal, formatMoney } from '../../i18n/format';
import { DocumentPreview } from '../documents/DocumentPreview';
import { LetterCard } from '../letters/LetterCard';
import type { RequestDetail, RequestDocument } from '../requests/types';
import type { KgbDetails, KgbLetter } from './types';

/** The KGB figures of a request of type KGB (its `details`). */
export function kgbDetailsOf(request: RequestDetail): KgbDetails {
  return request.details as unknown as KgbDetails;
}

export function mkgText(t: (key: string, opts?: Record<string, unknown>) => string, tahun: number | null | undefined, bulan: number | null | undefined) {
  if (tahun === null || tahun === undefined) return EMPTY_VALUE;
  return t('profile.mkg', { tahun, bulan: bulan ?? 0 });
}

function documentLabel(jenis: string): string {
  return (DOCUMENT_TYPE_LABELS as Record<string, string>)[jenis] ?? jenis;
}

/** The letter PDF among the request's documents (role SURAT, or the id in the letter's download URL). */
function letterDocument(letter: KgbLetter, documents: RequestDocument[]): RequestDocument | null {
  const idFromUrl = letter.downloadUrl ? Number(/\/api\/documents\/(\d+)\//.exec(letter.downloadUrl)?.[1]) : NaN;
  return documents.find((d) => d.id === idFromUrl) ?? documents.find((d) => d.role === 'SURAT') ?? null;
}

function SalaryChange({ details }: { details: KgbDetails }) {
  const { t } = useTranslation();
  const { gajiPokokLama: lama, gajiPokokBaru: baru } = details;
  const increase = lama !== null && baru !== null ? baru - lama : null;
  return (
    <Paper p="md" radius="md" bg="gray.0" withBorder data-testid="kgb-salary">
      <Group gap="lg" wrap="wrap" align="center">
        <Stack gap={2}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('berkala.details.salaryOld')}
          </Text>
          <Text size="lg" fw={600} data-testid="kgb-salary-old">
            {formatMoney(lama)}
          </Text>
        </Stack>
        <IconArrowRight size={22} color="var(--mantine-color-gray-6)" aria-hidden />
        <Stack gap={2}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('berkala.details.salaryNew')}
          </Text>
          <Text size="xl" fw={700} c="green.9" data-testid="kgb-salary-new">
            {formatMoney(baru)}
          </Text>
        </Stack>
        {increase !== null && increase > 0 && (
          <Badge color="green" variant="light" size="lg" tt="none">
            {t('berkala.details.increase', { amount: formatMoney(increase) })}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed" mt="xs">
        {details.regulation ? t('berkala.details.regulationHint', { regulation: details.regulation }) : t('berkala.details.noRegulation')}
      </Text>
    </Paper>
  );
}

function LetterSection({ letter, documents }: { letter: KgbLetter; documents: RequestDocument[] }) {
  const { t } = useTranslation();
  const doc = letterDocument(letter, documents);
  return (
    <LetterCard
      letter={letter}
      prefix="kgb"
      title={t('berkala.letter.title')}
      downloadLabel={t('berkala.letter.download')}
      preview={doc?.viewUrl ? () => <DocumentPreview doc={doc} height={680} /> : null}
    />
  );
}

/** The KGB request page body: figures, basis, SKP, postponement, missing documents and the letter. */
export function KgbDetailsPanel({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const d = kgbDetailsOf(request);
  const skp = d.lastSkp;
  const skpText = skp
    ? [
        String(skp.tahun),
        skp.predikat ? ((PREDIKAT_SKP_LABELS as Record<string, string>)[skp.predikat] ?? skp.predikat) : null,
      ]
        .filter(Boolean)
        .join(' — ') + (skp.nilai !== null ? ` (${t('berkala.details.skpScore', { nilai: formatDecimal(skp.nilai) })})` : '')
    : null;
  const basis = d.basis;
  const reasons = d.reasons ?? [];
  const warnings = d.warnings ?? [];
  const missing = d.missingDocuments ?? [];

  return (
    <Stack gap="lg">
      <Card data-testid="kgb-details">
        <Group justify="space-between" mb="sm" wrap="wrap">
          <Title order={3} size="h4">
            {t('berkala.details.title')}
          </Title>
          {d.postponed && (
            <Badge color="yellow" leftSection={<IconPlayerPause size={12} />} tt="none">
              {t('berkala.details.postponedBadge')}
            </Badge>
          )}
        </Group>
        <Stack gap="md">
          {reasons.length > 0 && (
            <Alert
              color={d.postponed ? 'yellow' : 'gray'}
              icon={<IconPlayerPause size={18} />}
              title={d.postponed ? t('berkala.details.reasonsTitle') : t('berkala.details.earlierReasonsTitle')}
              data-testid="kgb-reasons"
              data-postponed={d.postponed ? 'true' : 'false'}
            >
              <List size="sm" spacing={2}>
                {reasons.map((reason) => (
                  <List.Item key={reason}>{reason}</List.Item>
                ))}
              </List>
              {request.actions.some((a) => a.action === 'recompute') && (
                <Text size="sm" mt="xs">
                  {t('berkala.details.recomputeHint')}
                </Text>
              )}
            </Alert>
          )}
          {warnings.length > 0 && (
            <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('berkala.details.warningsTitle')} data-testid="kgb-warnings">
              <List size="sm" spacing={2}>
                {warnings.map((w) => (
                  <List.Item key={w}>{w}</List.Item>
                ))}
              </List>
            </Alert>
          )}

          <SalaryChange details={d} />

          <InfoGrid
            cols={3}
            testId="kgb-figures"
            items={[
              { key: 'kgbTmt', label: t('berkala.details.tmt'), value: <Text span fw={700} size="sm">{formatDate(d.tmt)}</Text> },
              { key: 'kgbGolongan', label: t('fields.golonganPangkat'), value: golonganWithPangkat(d.golongan) },
              { key: 'kgbMkg', label: t('berkala.details.mkgNew'), value: mkgText(t, d.mkgTahun, d.mkgBulan) },
              {
                key: 'kgbBasis',
                label: t('berkala.details.basis'),
                value: basis ? (
                  <Stack gap={0}>
                    <Text span size="sm" fw={500}>
                      {t(`berkala.details.basisKind.${basis.kind}`)} · {t('berkala.details.basisTmt', { date: formatDate(basis.tmt) })}
                    </Text>
                    <Text span size="xs" c="dimmed">
                      {t('berkala.details.basisMkg', { mkg: mkgText(t, basis.mkgTahun, basis.mkgBulan) })}
                    </Text>
                  </Stack>
                ) : (
                  EMPTY_VALUE
                ),
              },
              {
                key: 'kgbSkp',
                label: t('berkala.details.lastSkp'),
                value: skpText ?? (
                  <Text span size="sm" c="red.8" fw={600}>
                    {t('berkala.details.noSkp')}
                  </Text>
                ),
              },
              { key: 'kgbRegulation', label: t('berkala.details.regulation'), value: d.regulation ?? EMPTY_VALUE },
            ]}
          />

          {missing.length > 0 ? (
            <Alert color="gray" variant="light" icon={<IconFileAlert size={18} />} title={t('berkala.details.missingTitle')} data-testid="kgb-missing-documents">
              <Text size="sm" mb={4}>
                {t('berkala.details.missingHint')}
              </Text>
              <List size="sm" spacing={2}>
                {missing.map((jenis) => (
                  <List.Item key={jenis} data-testid="kgb-missing-document" data-jenis={jenis}>
                    {documentLabel(jenis)}
                  </List.Item>
                ))}
              </List>
            </Alert>
          ) : (
            <Group gap={6} data-testid="kgb-documents-complete">
              <IconCircleCheck size={18} color="var(--mantine-color-green-7)" aria-hidden />
              <Text size="sm">{t('berkala.details.documentsComplete')}</Text>
            </Group>
          )}
        </Stack>
      </Card>
      {d.letter && <LetterSection letter={d.letter} documents={request.documents} />}
    </Stack>
  );
}

import { useState, type ReactNode } from 'react';
import { Anchor, Badge, Button, Card, Group, Loader, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconDownload, IconExternalLink, IconEye, IconEyeOff, IconFileCertificate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DocNumber } from '../../components/DocNumber';
import { InfoGrid } from '../../components/InfoGrid';
import { EMPTY_VALUE, formatDate } from '../../i18n/format';

/** A letter issued by the platform (letters registry), as the request pages receive it. */
export interface IssuedLetter {
  ready: boolean;
  number: string;
  date: string;
  sha256: string | null;
  downloadUrl: string | null;
  /** The PDF inline (the document routes check the reader's rights), when rendered. */
  viewUrl?: string | null;
  verifyUrl: string;
}

export interface LetterCardProps {
  letter: IssuedLetter;
  /** Prefix of the test ids: `${prefix}-letter`, `${prefix}-letter-download`, … */
  prefix: string;
  title: string;
  downloadLabel: string;
  hint?: string;
  /** The inline preview (shown on demand); by default the PDF at `letter.viewUrl`; null: none. */
  preview?: (() => ReactNode) | null;
}

/**
 * A rendered letter on a request page (KGB letter, KP and pension SK summaries): number, date and
 * fingerprint, download, inline preview, the public verification page; a spinner while rendering.
 */
export function LetterCard({ letter, prefix, title, downloadLabel, hint, preview: given }: LetterCardProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const viewUrl = letter.viewUrl;
  const preview =
    given !== undefined
      ? given
      : viewUrl
        ? () => <iframe src={viewUrl} title={title} style={{ width: '100%', height: 680, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }} data-testid={`${prefix}-letter-frame`} />
        : null;
  return (
    <Card data-testid={`${prefix}-letter`} data-ready={letter.ready ? 'true' : 'false'}>
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Group gap="sm">
          <ThemeIcon variant="light" color="green" size="lg" radius="md" aria-hidden>
            <IconFileCertificate size={20} />
          </ThemeIcon>
          <Title order={3} size="h4">
            {title}
          </Title>
        </Group>
        <Badge color={letter.ready ? 'green' : 'yellow'} tt="none">
          {letter.ready ? t('berkala.letter.issued') : t('berkala.letter.rendering')}
        </Badge>
      </Group>
      <Stack gap="md">
        {hint && (
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        )}
        <InfoGrid
          cols={3}
          items={[
            {
              key: 'letterNumber',
              label: t('berkala.letter.number'),
              value: <DocNumber value={letter.number} fw={600} data-testid={`${prefix}-letter-number`} />,
            },
            { key: 'letterDate', label: t('berkala.letter.date'), value: formatDate(letter.date) },
            {
              key: 'letterHash',
              label: t('berkala.letter.hash'),
              value: letter.sha256 ? (
                <Text span ff="monospace" size="xs" title={letter.sha256}>
                  {letter.sha256.slice(0, 16)}…
                </Text>
              ) : (
                EMPTY_VALUE
              ),
            },
          ]}
        />
        {letter.ready && letter.downloadUrl ? (
          <Group gap="sm" wrap="wrap">
            <Button component="a" href={letter.downloadUrl} download leftSection={<IconDownload size={16} />} data-testid={`${prefix}-letter-download`}>
              {downloadLabel}
            </Button>
            {preview && (
              <Button
                variant="light"
                leftSection={open ? <IconEyeOff size={16} /> : <IconEye size={16} />}
                onClick={() => setOpen((p) => !p)}
                aria-pressed={open}
                data-testid={`${prefix}-letter-preview`}
              >
                {open ? t('berkala.letter.hidePreview') : t('berkala.letter.preview')}
              </Button>
            )}
            <Anchor href={letter.verifyUrl} target="_blank" rel="noopener noreferrer" size="sm" data-testid={`${prefix}-letter-verify`}>
              <Group gap={4} component="span" wrap="nowrap">
                {t('berkala.letter.verifyPage')}
                <IconExternalLink size={14} aria-label={t('common.externalLink')} />
              </Group>
            </Anchor>
          </Group>
        ) : (
          <Group gap="sm" data-testid={`${prefix}-letter-pending`} role="status" aria-live="polite">
            <Loader size="sm" />
            <Text size="sm">{t('berkala.letter.pending')}</Text>
          </Group>
        )}
        {open && preview?.()}
      </Stack>
    </Card>
  );
}

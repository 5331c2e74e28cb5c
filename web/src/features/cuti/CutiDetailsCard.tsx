import { Anchor, Card, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { InfoGrid } from '../../components/InfoGrid';
import { EMPTY_VALUE, formatDate } from '../../i18n/format';
import type { RequestDetailsProps } from '../requests/views';

/** `details` of a request of type CUTI (built by the server's cuti presenter). */
interface CutiDetails {
  jenisLabel: string;
  mulai: string;
  selesai: string;
  lamaHari: number;
  calendarDays: number;
  alasan: string;
  letter: { number: string; date: string; ready: boolean; downloadUrl: string | null } | null;
}

/** The leave asked for on the request page: type, period, working days, reason and the letter once granted. */
export function CutiDetailsCard({ request }: RequestDetailsProps) {
  const { t } = useTranslation();
  const d = request.details as unknown as CutiDetails;
  return (
    <Card data-testid="cuti-details">
      <Title order={3} size="h4" mb="md">
        {d.jenisLabel}
      </Title>
      <InfoGrid
        items={[
          { key: 'periode', label: t('cuti.history.periode'), value: `${formatDate(d.mulai)} – ${formatDate(d.selesai)}` },
          { key: 'lama', label: t('cuti.history.lama'), value: t('cuti.detail.lama', { count: d.lamaHari, calendar: d.calendarDays }) },
          { key: 'alasan', label: t('cuti.form.alasan'), value: d.alasan },
          {
            key: 'surat',
            label: t('cuti.history.surat'),
            value: d.letter ? (
              d.letter.downloadUrl ? (
                <Anchor href={d.letter.downloadUrl} data-testid="cuti-letter-download">
                  <IconDownload size={14} /> {d.letter.number}
                </Anchor>
              ) : (
                t('cuti.detail.letterPending', { number: d.letter.number })
              )
            ) : (
              EMPTY_VALUE
            ),
          },
        ]}
      />
    </Card>
  );
}

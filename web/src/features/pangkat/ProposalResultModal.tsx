import { Alert, Anchor, Badge, Button, Group, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconCircleCheck, IconFileAlert } from '@tabler/icons-react';
import type { KpProposalResult } from '@simak/shared/api/pangkat';
import { JENIS_KP_LABELS } from '@simak/shared/codes';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatNip } from '../../i18n/format';
import { GolonganChange } from './EligibleTab';
import { kpItemLabel } from './states';

/** What a new batch of proposals holds: per person the documents taken from the vault and those still to upload. */
export function ProposalResultModal({ result, onClose, onOpenBatch }: { result: KpProposalResult | null; onClose: () => void; onOpenBatch: (batchId: number) => void }) {
  const { t } = useTranslation();
  const complete = result?.items.filter((i) => i.missing.length === 0).length ?? 0;
  return (
    <Modal opened={result !== null} onClose={onClose} title={t('pangkat.result.title')} size="xl" centered>
      {result && (
        <Stack gap="md" data-testid="kp-propose-result" data-batch-id={result.batchId}>
          <Alert color="green" icon={<IconCircleCheck size={18} />} py="xs">
            <Text size="sm">
              {t('pangkat.result.summary', { count: result.items.length, title: result.title, period: formatDate(result.period.period) })}
            </Text>
            <Text size="sm" mt={4}>
              {complete === result.items.length ? t('pangkat.result.allComplete') : t('pangkat.result.someMissing', { count: result.items.length - complete })}
            </Text>
          </Alert>
          <ScrollArea type="auto">
            <Table verticalSpacing="xs" miw={640}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('requests.columns.employee')}</Table.Th>
                  <Table.Th>{t('pangkat.eligible.golongan')}</Table.Th>
                  <Table.Th>{t('pangkat.result.documents')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.items.map((i) => (
                  <Table.Tr key={i.requestId} data-testid="kp-result-row" data-request-id={i.requestId} data-missing={i.missing.length}>
                    <Table.Td>
                      <Anchor component={Link} to={`/usulan/${i.requestId}`} size="sm" fw={600} data-testid="kp-result-link">
                        {i.nama}
                      </Anchor>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {formatNip(i.nip)} · {JENIS_KP_LABELS[i.jenis]}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <GolonganChange from={i.from} to={i.to} />
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={4}>
                        <Text size="xs" c="dimmed">
                          {t('pangkat.result.prefilled', { count: i.prefilled.length })}
                        </Text>
                        {i.missing.length === 0 ? (
                          <Badge color="green" variant="light" tt="none" leftSection={<IconCircleCheck size={12} />}>
                            {t('pangkat.result.complete')}
                          </Badge>
                        ) : (
                          <Group gap={4} wrap="wrap">
                            <IconFileAlert size={14} color="var(--mantine-color-orange-7)" aria-label={t('pangkat.result.missing')} />
                            {i.missing.map((k) => (
                              <Badge key={k} color="orange" variant="light" tt="none" data-testid="kp-result-missing" data-key={k}>
                                {kpItemLabel(k)}
                              </Badge>
                            ))}
                          </Group>
                        )}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
          <Text size="xs" c="dimmed">
            {t('pangkat.result.next')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
            <Button onClick={() => onOpenBatch(result.batchId)} data-testid="kp-result-open-batch">
              {t('pangkat.result.openBatch')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

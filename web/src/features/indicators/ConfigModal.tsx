import { useState } from 'react';
import { Alert, Button, Divider, Group, List, Modal, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { detailMessages, errorMessage, isApiError } from '../../api/client';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { formatDecimal } from '../../i18n/format';
import { useIndicatorConfig, useInvalidateIndicators, usePutTargets, usePutWeights } from './api';
import { INDEX_KEYS, INDEX_CODES, INDEX_SHORT, type IndicatorConfig, type TargetsBody } from './types';

type WeightKey = 'ikp' | 'ikom' | 'ikin' | 'idis';
const WEIGHT_KEYS: readonly WeightKey[] = ['ikp', 'ikom', 'ikin', 'idis'];
type NumValue = number | string;

function toNumber(v: NumValue): number | null {
  if (v === '' || v === null || v === undefined) return null;
  const n = typeof v === 'number' ? v : Number(String(v).replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

export function ConfigModal({ year, opened, onClose }: { year: number; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('indicators.config.title', { year })} size="lg" data-testid="config-modal">
      {opened && <ConfigLoader year={year} onClose={onClose} />}
    </Modal>
  );
}

function ConfigLoader({ year, onClose }: { year: number; onClose: () => void }) {
  const query = useIndicatorConfig(year);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <ConfigForm key={`${year}-${query.dataUpdatedAt}`} year={year} config={query.data} onClose={onClose} />;
}

function ConfigForm({ year, config, onClose }: { year: number; config: IndicatorConfig; onClose: () => void }) {
  const { t } = useTranslation();
  const putTargets = usePutTargets(year);
  const putWeights = usePutWeights(year);
  const invalidate = useInvalidateIndicators();
  const [targets, setTargets] = useState<Record<string, NumValue>>(() =>
    Object.fromEntries(INDEX_KEYS.map((k) => [INDEX_CODES[k], config.targets[INDEX_CODES[k]] ?? ''])),
  );
  const [weights, setWeights] = useState<Record<WeightKey, NumValue>>({ ...config.weights });
  const [error, setError] = useState<unknown>(null);

  const weightNums = WEIGHT_KEYS.map((k) => toNumber(weights[k]) ?? 0);
  const sum = weightNums.reduce((a, b) => a + b, 0);
  const sumOk = Math.abs(sum - 100) < 1e-9;
  const pending = putTargets.isPending || putWeights.isPending;

  const save = async () => {
    setError(null);
    const targetBody: TargetsBody = {};
    let targetsChanged = false;
    for (const k of INDEX_KEYS) {
      const code = INDEX_CODES[k];
      const next = toNumber(targets[code] ?? '');
      if (next !== (config.targets[code] ?? null)) targetsChanged = true;
      targetBody[code] = next;
    }
    const weightsChanged = WEIGHT_KEYS.some((k, i) => weightNums[i] !== config.weights[k]);
    if (!targetsChanged && !weightsChanged) {
      notifications.show({ color: 'gray', message: t('indicators.config.nothing') });
      onClose();
      return;
    }
    try {
      if (targetsChanged) await putTargets.mutateAsync(targetBody);
      if (weightsChanged) {
        await putWeights.mutateAsync({ ikp: weightNums[0]!, ikom: weightNums[1]!, ikin: weightNums[2]!, idis: weightNums[3]! });
      }
      await invalidate();
      notifications.show({ color: 'green', message: t('indicators.config.saved') });
      onClose();
    } catch (e) {
      setError(e);
      await invalidate();
    }
  };

  const details = isApiError(error) ? detailMessages(error.details) : [];

  return (
    <Stack gap="md" data-testid="config-form">
      {error !== null && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('common.errorTitle')} data-testid="config-error">
          <Text size="sm">{errorMessage(error)}</Text>
          {details.length > 0 && (
            <List size="sm" mt={4}>
              {details.map((m) => (
                <List.Item key={m}>{m}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      <Stack gap={4}>
        <Title order={4} size="h5">
          {t('indicators.config.targets')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('indicators.config.targetsHint')}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
          {INDEX_KEYS.map((k) => {
            const code = INDEX_CODES[k];
            return (
              <NumberInput
                key={code}
                label={INDEX_SHORT[k]}
                value={targets[code] ?? ''}
                onChange={(v) => setTargets((prev) => ({ ...prev, [code]: v }))}
                min={0}
                decimalScale={4}
                decimalSeparator=","
                hideControls
                data-testid={`target-${code}`}
              />
            );
          })}
        </SimpleGrid>
      </Stack>
      <Divider />
      <Stack gap={4}>
        <Title order={4} size="h5">
          {t('indicators.config.weights')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('indicators.config.weightsHint')}{' '}
          {config.weightsYear === null ? t('indicators.config.weightsDefault') : t('indicators.config.weightsFrom', { year: config.weightsYear })}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          {WEIGHT_KEYS.map((k) => (
            <NumberInput
              key={k}
              label={INDEX_SHORT[k]}
              value={weights[k]}
              onChange={(v) => setWeights((prev) => ({ ...prev, [k]: v }))}
              min={0}
              max={100}
              decimalScale={4}
              decimalSeparator=","
              suffix=" %"
              hideControls
              data-testid={`weight-${k}`}
            />
          ))}
        </SimpleGrid>
        <Text size="sm" fw={600} c={sumOk ? 'green.8' : 'red.7'} data-testid="weights-sum">
          {sumOk ? t('indicators.config.sum', { sum: formatDecimal(sum) }) : t('indicators.config.sumError', { sum: formatDecimal(sum) })}
        </Text>
      </Stack>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} disabled={pending}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => void save()} loading={pending} disabled={!sumOk} data-testid="config-save">
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}

import type { ReactNode } from 'react';
import { Anchor, Badge, Box, Card, Code, Divider, Group, Progress, SimpleGrid, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight, IconEqual, IconSnowflake } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PENDIDIKAN_LABELS } from '../../domain/labels';
import { formatDate, formatNumber } from '../../i18n/format';
import { FlagList } from './Flags';
import { formatFormula, formatIndex, formatPercent } from './format';
import {
  INDEX_SHORT,
  type DrilldownComponent,
  type IdisComponents,
  type IkinComponents,
  type IkomComponents,
  type IkpComponents,
  type IndexKey,
  type IndicatorValue,
  type IpComponents,
  type SnapshotSummary,
} from './types';

export interface IndicatorCardProps {
  indexKey: IndexKey;
  value: IndicatorValue;
  previous: { year: number; value: number | null } | null;
  snapshot: SnapshotSummary | null;
  onDrilldown: (component: DrilldownComponent) => void;
}

function Stat({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={0} data-testid={testId}>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text size="sm" fw={700}>
        {children}
      </Text>
    </Stack>
  );
}

function capaianColor(capaian: number | null): string {
  if (capaian === null) return 'gray';
  if (capaian >= 100) return 'green';
  if (capaian >= 80) return 'yellow';
  return 'red';
}

function PreviousValue({ current, previous, lowerIsBetter }: { current: number | null; previous: { year: number; value: number | null }; lowerIsBetter: boolean }) {
  const { t } = useTranslation();
  const diff = current !== null && previous.value !== null ? current - previous.value : null;
  const rounded = diff === null ? null : Math.round(diff * 100) / 100;
  const better = rounded === null || rounded === 0 ? null : lowerIsBetter ? rounded < 0 : rounded > 0;
  const color = better === null ? 'dimmed' : better ? 'green.7' : 'red.7';
  const Icon = rounded === null || rounded === 0 ? IconEqual : rounded > 0 ? IconArrowUpRight : IconArrowDownRight;
  const title =
    rounded === null ? undefined : rounded === 0 ? t('indicators.previousSame', { year: previous.year }) : rounded > 0 ? t('indicators.previousUp', { year: previous.year }) : t('indicators.previousDown', { year: previous.year });
  return (
    <Group gap={4} wrap="nowrap" title={title} aria-label={title}>
      <span data-testid="indicator-previous-value">{formatIndex(previous.value)}</span>
      {rounded !== null && (
        <Text span c={color} lh={1} data-direction={rounded > 0 ? 'up' : rounded < 0 ? 'down' : 'same'} data-testid="indicator-previous-arrow">
          <Icon size={16} aria-hidden />
        </Text>
      )}
    </Group>
  );
}

function DrillLink({ component, onDrilldown, count }: { component: DrilldownComponent; onDrilldown: (c: DrilldownComponent) => void; count?: number }) {
  const { t } = useTranslation();
  return (
    <Anchor component="button" type="button" size="xs" fw={600} ta="right" onClick={() => onDrilldown(component)} data-testid={`drilldown-${component}`}>
      {t('indicators.seeEmployees')}
      {count !== undefined ? ` (${formatNumber(count)})` : ''}
    </Anchor>
  );
}

function IkpDetails({ c }: { c: IkpComponents }) {
  const { t } = useTranslation();
  const levels = Object.entries(c.byLevel).filter(([, n]) => n > 0);
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed">
        {t('indicators.ikp.byLevel')}
      </Text>
      <Group gap={4}>
        {levels.map(([level, n]) => (
          <Tooltip key={level} label={PENDIDIKAN_LABELS[level as keyof typeof PENDIDIKAN_LABELS] ?? level} withArrow>
            <Badge variant="outline" color="gray" tt="none" size="sm">
              {level}: {formatNumber(n)}
            </Badge>
          </Tooltip>
        ))}
      </Group>
    </Stack>
  );
}

function IkomDetails({ c, onDrilldown }: { c: IkomComponents; onDrilldown: (c: DrilldownComponent) => void }) {
  const { t } = useTranslation();
  const rows: { key: 'a' | 'b' | 'c' | 'd'; component: DrilldownComponent }[] = [
    { key: 'a', component: 'eselon_without_leadership' },
    { key: 'b', component: 'jft_without_functional' },
    { key: 'c', component: 'under_20_jp' },
    { key: 'd', component: 'without_workshop' },
  ];
  return (
    <Table verticalSpacing={4} horizontalSpacing={6} fz="xs" data-testid="ikom-components">
      <Table.Tbody>
        {rows.map(({ key, component }) => {
          const r = c[key];
          return (
            <Table.Tr key={key} data-testid={`ikom-component-${key}`}>
              <Table.Td>
                <Text size="xs">{t(`indicators.ikom.${key}`)}</Text>
                <Progress value={(r.value ?? 0) * 100} size={5} mt={3} color="simak.5" aria-hidden />
              </Table.Td>
              <Table.Td ta="right">
                <Text size="xs" ff="monospace" data-testid="ikom-ratio">
                  {formatNumber(r.num)} / {formatNumber(r.den)}
                </Text>
                <Text size="xs" c="dimmed">
                  {r.value === null ? '—' : formatPercent(r.value * 100)}
                </Text>
              </Table.Td>
              <Table.Td ta="right" w={1}>
                <DrillLink component={component} onDrilldown={onDrilldown} count={r.den - r.num} />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function IkinDetails({ c, onDrilldown }: { c: IkinComponents; onDrilldown: (c: DrilldownComponent) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="xs">{t('indicators.ikin.scored')}</Text>
        <Text size="xs" fw={600}>
          {formatNumber(c.scored)} / {formatNumber(c.n)}
        </Text>
      </Group>
      <Group justify="space-between" gap="xs" wrap="nowrap" data-testid="ikin-missing">
        <Text size="xs">{t('indicators.ikin.missing')}</Text>
        <Group gap="xs" wrap="nowrap">
          <Text size="xs" fw={600} c={c.missing > 0 ? 'orange.8' : undefined}>
            {formatNumber(c.missing)}
          </Text>
          <DrillLink component="missing_skp" onDrilldown={onDrilldown} />
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {t('indicators.ikin.sources', { nilai: formatNumber(c.fromNilai), predikat: formatNumber(c.fromPredikat) })}
      </Text>
    </Stack>
  );
}

function IdisDetails({ c, onDrilldown }: { c: IdisComponents; onDrilldown: (c: DrilldownComponent) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <SimpleGrid cols={3} spacing="xs">
        {(['ringan', 'sedang', 'berat'] as const).map((k) => (
          <Stat key={k} label={t(`indicators.idis.${k}`)}>
            {formatNumber(c[k])}
          </Stat>
        ))}
      </SimpleGrid>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="xs" c="dimmed">
          {t('indicators.idis.weighted', { weighted: formatNumber(c.weighted), n: formatNumber(c.n) })}
        </Text>
        <DrillLink component="penalties" onDrilldown={onDrilldown} count={c.ringan + c.sedang + c.berat} />
      </Group>
    </Stack>
  );
}

function IpDetails({ c, year }: { c: IpComponents; year: number | null }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <Text size="xs" c="dimmed">
        {t('indicators.ipWeights', { year: c.weightsYear ?? t('indicators.defaultWeights'), ...c.weights })}
      </Text>
      <Box
        p={8}
        style={{ borderRadius: 6, background: 'var(--mantine-color-yellow-0)', border: '1px solid var(--mantine-color-yellow-3)' }}
        data-testid="ip-note"
        data-year={year ?? undefined}
      >
        <Text size="xs">{t('indicators.ipNote')}</Text>
      </Box>
    </Stack>
  );
}

/** One index: realisasi, target, capaian, previous year, frozen value, formulas, flags and its components. */
export function IndicatorCard({ indexKey, value, previous, snapshot, onDrilldown }: IndicatorCardProps) {
  const { t } = useTranslation();
  const lowerIsBetter = value.polarity === 'LOWER_IS_BETTER';
  const frozen = snapshot ? snapshot.values[indexKey] : undefined;
  return (
    <Card h="100%" data-testid={`indicator-card-${indexKey}`} data-value={value.value ?? ''}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Group gap={6}>
              <Badge variant="filled" color="simak" tt="none">
                {INDEX_SHORT[indexKey]}
              </Badge>
              <Text fw={600} size="sm">
                {value.label}
              </Text>
            </Group>
            <Text size="xs" c={lowerIsBetter ? 'orange.8' : 'dimmed'} fs="italic" data-testid="indicator-polarity">
              {lowerIsBetter ? t('indicators.lowerBetter') : t('indicators.higherBetter')}
            </Text>
          </Stack>
        </Group>

        <Group align="flex-end" gap="lg" wrap="wrap">
          <Stack gap={0}>
            <Text size="xs" c="dimmed" fw={500}>
              {t('indicators.realisasi')}
            </Text>
            {value.value === null && value.flags.includes('SKP_NOT_ASSESSED') ? (
              <Text fz={20} fw={600} lh={1.7} c="orange.8" data-testid="indicator-value" data-not-assessed>
                {t('indicators.notAssessed')}
              </Text>
            ) : (
              <Text fz={34} fw={700} lh={1.1} c="simak.9" data-testid="indicator-value">
                {formatIndex(value.value)}
              </Text>
            )}
          </Stack>
          <Stat label={t('indicators.target')} testId="indicator-target">
            {value.target === null ? (
              <Text span c="dimmed" size="sm" fw={400}>
                {t('indicators.noTarget')}
              </Text>
            ) : (
              formatIndex(value.target)
            )}
          </Stat>
          <Stat label={t('indicators.capaian')} testId="indicator-capaian">
            <Text span c={capaianColor(value.capaian)} fw={700} size="sm">
              {formatPercent(value.capaian)}
            </Text>
          </Stat>
          {previous && (
            <Stat label={t('indicators.previous', { year: previous.year })} testId="indicator-previous">
              <PreviousValue current={value.value} previous={previous} lowerIsBetter={lowerIsBetter} />
            </Stat>
          )}
        </Group>

        {snapshot && frozen !== undefined && (
          <Group gap={6} wrap="nowrap" data-testid="indicator-frozen">
            <IconSnowflake size={14} color="var(--mantine-color-blue-6)" aria-hidden />
            <Text size="xs" c="blue.8" fw={500}>
              {t('indicators.frozen', { date: formatDate(snapshot.createdAt), value: formatIndex(frozen) })}
            </Text>
          </Group>
        )}

        <Stack gap={4}>
          <Text size="xs" c="dimmed" fw={500}>
            {t('indicators.formula')}
          </Text>
          <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="indicator-formula">
            {formatFormula(value.formula, value.value)}
          </Code>
          {value.target !== null && value.capaian !== null && (
            <>
              <Text size="xs" c="dimmed" fw={500}>
                {t('indicators.capaianFormula')}
              </Text>
              <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="indicator-capaian-formula">
                {`${formatFormula(value.capaianFormula, value.capaian)}%`}
              </Code>
            </>
          )}
        </Stack>

        {indexKey === 'ip' && <IpDetails c={value.components as IpComponents} year={null} />}

        <FlagList flags={value.flags} />

        {indexKey !== 'ip' && <Divider />}
        {indexKey === 'ikp' && <IkpDetails c={value.components as IkpComponents} />}
        {indexKey === 'ikom' && <IkomDetails c={value.components as IkomComponents} onDrilldown={onDrilldown} />}
        {indexKey === 'ikin' && <IkinDetails c={value.components as IkinComponents} onDrilldown={onDrilldown} />}
        {indexKey === 'idis' && <IdisDetails c={value.components as IdisComponents} onDrilldown={onDrilldown} />}
      </Stack>
    </Card>
  );
}

import { Box, Card, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconChartLine } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDecimal } from '../../i18n/format';
import { formatIndex } from './format';
import { INDEX_KEYS, INDEX_SHORT, type IndexKey } from './types';

export interface TrendPoint {
  year: number;
  value: number | null;
  target: number | null;
}

const W = 640;
const H = 220;
const PAD = { top: 26, right: 36, bottom: 32, left: 56 };
/** Inset of the first and last year from the plot edges, so value labels do not hit the axis. */
const INSET = 22;

/** Rounded axis bounds and a step of 1, 2, 2.5 or 5 × 10^k, for about four intervals. */
function niceScale(values: number[]): { lo: number; hi: number; step: number } {
  let lo = values.length ? Math.min(...values) : 0;
  let hi = values.length ? Math.max(...values) : 100;
  if (hi - lo < 1) {
    lo -= 1;
    hi += 1;
  }
  const raw = (hi - lo) / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
  lo = Math.max(0, Math.floor(lo / step) * step);
  hi = Math.ceil(hi / step) * step;
  if (hi === lo) hi = lo + step;
  return { lo, hi, step };
}

/** A small SVG line chart: the index per year (solid) and its target (dashed). */
export function LineChart({ points, label }: { points: TrendPoint[]; label: string }) {
  const values = points.flatMap((p) => [p.value, p.target]).filter((v): v is number => v !== null);
  const { lo, hi, step } = niceScale(values);
  const x = (i: number) => PAD.left + INSET + (points.length <= 1 ? 0 : (i * (W - PAD.left - PAD.right - 2 * INSET)) / (points.length - 1));
  const y = (v: number) => PAD.top + (1 - (v - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom);
  const ticks = Array.from({ length: Math.round((hi - lo) / step) + 1 }, (_, i) => lo + i * step);

  /** Path segments of consecutive non-null values. */
  const path = (pick: (p: TrendPoint) => number | null) => {
    let d = '';
    let pen = false;
    points.forEach((p, i) => {
      const v = pick(p);
      if (v === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)} `;
      pen = true;
    });
    return d.trim();
  };

  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={label} style={{ maxHeight: 260, display: 'block' }} data-testid="trend-chart">
      {ticks.map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="var(--mantine-color-gray-2)" />
          <text x={PAD.left - 8} y={y(v) + 4} textAnchor="end" fontSize={11} fill="var(--mantine-color-gray-6)">
            {formatDecimal(v)}
          </text>
        </g>
      ))}
      {points.map((p, i) => (
        <text key={p.year} x={x(i)} y={H - 10} textAnchor="middle" fontSize={12} fill="var(--mantine-color-gray-7)">
          {p.year}
        </text>
      ))}
      <path d={path((p) => p.target)} fill="none" stroke="var(--mantine-color-orange-5)" strokeWidth={1.5} strokeDasharray="5 4" />
      <path d={path((p) => p.value)} fill="none" stroke="var(--mantine-color-simak-6)" strokeWidth={2.5} strokeLinejoin="round" />
      {points.map((p, i) =>
        p.value === null ? null : (
          <g key={p.year} data-testid="trend-point" data-year={p.year} data-value={p.value}>
            <circle cx={x(i)} cy={y(p.value)} r={4.5} fill="white" stroke="var(--mantine-color-simak-7)" strokeWidth={2} />
            <text x={x(i)} y={y(p.value) - 10} textAnchor="middle" fontSize={12} fontWeight={600} fill="var(--mantine-color-simak-9)">
              {formatIndex(p.value)}
            </text>
          </g>
        ),
      )}
    </svg>
  );
}

export interface TrendCardProps {
  index: IndexKey;
  onIndex: (index: IndexKey) => void;
  points: TrendPoint[];
  loading: boolean;
  failed: boolean;
}

export function TrendCard({ index, onIndex, points, loading, failed }: TrendCardProps) {
  const { t } = useTranslation();
  const years = points.map((p) => p.year);
  return (
    <Card h="100%" data-testid="trend-card">
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Group gap="xs" wrap="nowrap">
          <IconChartLine size={20} color="var(--mantine-color-simak-8)" aria-hidden />
          <Title order={3} size="h4">
            {t('indicators.trend.title')}
          </Title>
          {loading && <Loader size="xs" />}
        </Group>
        <SegmentedControl
          size="xs"
          value={index}
          onChange={(v) => onIndex(v as IndexKey)}
          data={INDEX_KEYS.map((k) => ({ value: k, label: INDEX_SHORT[k] }))}
          aria-label={t('indicators.trend.index')}
          data-testid="trend-index"
        />
      </Group>
      <Stack gap={4}>
        <LineChart
          points={points}
          label={t('indicators.trend.chartLabel', { index: INDEX_SHORT[index], from: years[0], to: years[years.length - 1] })}
        />
        <Group gap="md">
          <Group gap={6} wrap="nowrap">
            <Box w={16} h={3} bg="simak.6" aria-hidden />
            <Text size="xs" c="dimmed">
              {INDEX_SHORT[index]}
            </Text>
          </Group>
          <Group gap={6} wrap="nowrap">
            <Box w={16} h={0} style={{ borderTop: '2px dashed var(--mantine-color-orange-5)' }} aria-hidden />
            <Text size="xs" c="dimmed">
              {t('indicators.trend.target')}
            </Text>
          </Group>
          {failed && (
            <Text size="xs" c="red.7">
              {t('indicators.trend.failed')}
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

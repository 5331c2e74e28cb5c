import { Group, Pagination, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format';

export const PAGE_SIZES = [10, 25, 50, 100];

export interface ListFooterProps {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  onPageSizeChange?: (pageSize: number) => void;
}

/** "Menampilkan 1–25 dari 800", the page size and the page buttons under a table. */
export function ListFooter({ page, pageSize, total, onPageChange, onPageSizeChange }: ListFooterProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" gap="sm" wrap="wrap" data-testid="list-footer">
      <Group gap="sm">
        <Text size="sm" c="dimmed" data-testid="list-range">
          {t('list.range', { from: formatNumber(from), to: formatNumber(to), total: formatNumber(total) })}
        </Text>
        {onPageSizeChange && (
          <Select
            aria-label={t('list.pageSize')}
            size="xs"
            w={110}
            data={PAGE_SIZES.map((n) => ({ value: String(n), label: t('list.perPage', { count: n }) }))}
            value={String(pageSize)}
            onChange={(v) => v && onPageSizeChange(Number(v))}
            allowDeselect={false}
          />
        )}
      </Group>
      <Pagination
        total={pages}
        value={Math.min(page, pages)}
        onChange={onPageChange}
        size="sm"
        withEdges
        hideWithOnePage
        getControlProps={(control) => ({ 'aria-label': t(`list.controls.${control}`) })}
      />
    </Group>
  );
}

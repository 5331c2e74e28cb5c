import { useState } from 'react';
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface ShowAll<T> {
  /** The rows to render: the first `limit`, or all of them. */
  visible: T[];
  showAll: boolean;
  total: number;
  limit: number;
  toggle: () => void;
}

/** A long list cut to its first `limit` rows until the user asks for all of them. */
export function useShowAll<T>(rows: T[], limit: number): ShowAll<T> {
  const [showAll, setShowAll] = useState(false);
  return {
    visible: showAll ? rows : rows.slice(0, limit),
    showAll,
    total: rows.length,
    limit,
    toggle: () => setShowAll((v) => !v),
  };
}

/** "Tampilkan semua (N)" / "Tampilkan lebih sedikit" under a list cut by `useShowAll`; nothing when the list is short. */
export function ShowAllToggle({ state, 'data-testid': testId }: { state: ShowAll<unknown>; 'data-testid': string }) {
  const { t } = useTranslation();
  if (state.total <= state.limit) return null;
  return (
    <Group justify="center" p="sm">
      <Button variant="subtle" size="xs" onClick={state.toggle} data-testid={testId}>
        {state.showAll ? t('berkala.dashboard.showLess') : t('berkala.dashboard.showAll', { count: state.total })}
      </Button>
    </Group>
  );
}

import { useCallback, useState } from 'react';

/** Row selection as a table takes it (checkbox per row and "select all"). */
export interface RowSelection<T> {
  selected: Set<number>;
  isSelectable: (row: T) => boolean;
  onToggle: (row: T, checked: boolean) => void;
  onToggleAll: (checked: boolean) => void;
}

/** Selected rows by id, kept across pages; only rows passing `isSelectable` can be picked. */
export function useRowSelection<T extends { id: number }>(isSelectable: (row: T) => boolean) {
  const [selected, setSelected] = useState<Map<number, T>>(new Map());
  const toggle = useCallback((rows: T[], checked: boolean) => {
    setSelected((prev) => {
      const next = new Map(prev);
      for (const row of rows) {
        if (checked) next.set(row.id, row);
        else next.delete(row.id);
      }
      return next;
    });
  }, []);
  const clear = useCallback(() => setSelected(new Map()), []);
  /** The selection props of a table showing `rows` ("select all" covers their selectable ones). */
  const forRows = (rows: T[]): RowSelection<T> => ({
    selected: new Set(selected.keys()),
    isSelectable,
    onToggle: (row, checked) => toggle([row], checked),
    onToggleAll: (checked) => toggle(rows.filter(isSelectable), checked),
  });
  return { selected, clear, forRows };
}

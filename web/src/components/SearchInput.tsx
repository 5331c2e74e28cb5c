import type { CSSProperties } from 'react';
import { TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export interface SearchInputProps {
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  /** Default "Cari". */
  label?: string;
  testId: string;
  w?: number;
  style?: CSSProperties;
}

/** The search box of a list's filter bar (debounced by useSearchInput in the page). */
export function SearchInput({ value, onChange, placeholder, label, testId, w, style }: SearchInputProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={label ?? t('requests.filters.search')}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} />}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      w={w}
      style={style}
      data-testid={testId}
    />
  );
}

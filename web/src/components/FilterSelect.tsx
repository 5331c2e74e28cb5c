import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type FilterSelectProps = Omit<SelectProps, 'value' | 'onChange' | 'clearable' | 'nothingFoundMessage'> & {
  /** The filter's value in the URL state; '' = not filtered. */
  value: string;
  onChange: (value: string | null) => void;
  testId?: string;
};

/** A list filter: clearable (cleared = not filtered); a searchable one says when nothing matches. */
export function FilterSelect({ value, onChange, testId, searchable, ...rest }: FilterSelectProps) {
  const { t } = useTranslation();
  return (
    <Select
      value={value || null}
      onChange={onChange}
      searchable={searchable}
      clearable
      nothingFoundMessage={searchable ? t('common.nothingFound') : undefined}
      data-testid={testId}
      {...rest}
    />
  );
}

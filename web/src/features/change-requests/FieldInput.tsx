import { Checkbox, NumberInput, Select, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import type { FieldSpec } from '@simak/shared/api/change-requests';
import { useTranslation } from 'react-i18next';
import { enumOptions } from '../../domain/labels';
import { parseDateInput, type FormValue } from './values';

export interface FieldInputProps {
  field: FieldSpec;
  target: string;
  value: FormValue;
  onChange: (value: FormValue) => void;
  error?: string;
  required?: boolean;
  description?: string;
  id: string;
}

/** The Mantine input for a spec field type (text, date, int, decimal, enum, bool). */
export function FieldInput({ field, target, value, onChange, error, required = false, description, id }: FieldInputProps) {
  const { t } = useTranslation();
  const common = { id, label: field.label, error, description, withAsterisk: required, 'data-testid': `field-${field.key}` };
  switch (field.type) {
    case 'date':
      return (
        <DateInput
          {...common}
          value={typeof value === 'string' && value ? value : null}
          onChange={(v) => onChange(v ?? null)}
          valueFormat="D MMMM YYYY"
          dateParser={(input) => parseDateInput(input)}
          placeholder={t('changeForm.datePlaceholder')}
          clearable={!field.required}
          allowDeselect={!field.required}
          leftSection={<IconCalendar size={16} />}
          popoverProps={{ withinPortal: true }}
        />
      );
    case 'int':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : v === '' ? '' : Number(v))}
          allowDecimal={false}
          allowNegative={false}
          min={0}
          max={9999}
          thousandSeparator={false}
        />
      );
    case 'decimal':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : v === '' ? '' : Number(String(v).replace(',', '.')))}
          allowNegative={false}
          decimalScale={2}
          decimalSeparator=","
          min={0}
          max={100}
        />
      );
    case 'enum':
      return (
        <Select
          {...common}
          data={enumOptions(field.key, field.options ?? [], target)}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => onChange(v ?? null)}
          clearable={!field.required}
          allowDeselect={!field.required}
          searchable={(field.options?.length ?? 0) > 8}
          placeholder={t('changeForm.choose')}
          comboboxProps={{ withinPortal: true }}
        />
      );
    case 'bool':
      return (
        <Checkbox
          id={id}
          mt="lg"
          label={field.label}
          description={description}
          error={error}
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
          data-testid={`field-${field.key}`}
        />
      );
    default:
      return (
        <TextInput
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
          maxLength={field.max}
        />
      );
  }
}

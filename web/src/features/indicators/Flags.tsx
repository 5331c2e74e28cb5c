import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import i18n from '../../i18n';

/** Indonesian short label and explanation of a result flag (unknown flags show their code). */
export function flagText(flag: string): { label: string; hint: string } {
  const key = `indicators.flags.${flag}`;
  if (!i18n.exists(`${key}.label`)) return { label: flag, hint: '' };
  return { label: i18n.t(`${key}.label`), hint: i18n.t(`${key}.hint`) };
}

/** Flags as small badges, each with its explanation. */
export function FlagList({ flags }: { flags: string[] }) {
  useTranslation();
  if (flags.length === 0) return null;
  return (
    <Stack gap={4} data-testid="indicator-flags">
      {flags.map((flag) => {
        const { label, hint } = flagText(flag);
        return (
          <Group key={flag} gap={6} wrap="nowrap" align="flex-start" data-flag={flag}>
            <Badge size="xs" variant="light" color={flag === 'MISSING_TARGET' ? 'gray' : 'orange'} tt="none" style={{ flexShrink: 0 }} mt={2}>
              {label}
            </Badge>
            {hint && (
              <Text size="xs" c="dimmed" lh={1.35}>
                {hint}
              </Text>
            )}
          </Group>
        );
      })}
    </Stack>
  );
}

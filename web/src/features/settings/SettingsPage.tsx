import { useEffect, useState, type ReactNode } from 'react';
import { Badge, Button, Card, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Switch, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, detailMessages, errorMessage, isApiError } from '../../api/client';
import { ErrorState, LoadingState, PageHeader } from '../../components';
import { PREDIKAT_SKP_LABELS } from '../../domain/labels';
import { useToday } from '../auth/useMe';

type Value = unknown;
interface Setting {
  key: string;
  label: string;
  value: Value;
}

type Options = { value: string; label: string }[];

/** Setting keys are `<group>.<name>`; their Indonesian label and help live in id.json under settings.items. */
const GROUPS = ['change_request', 'berkala', 'agency'] as const;

/** Option lists of the settings whose values are codes (the server validates them too), with labels. */
function optionsFor(key: string, t: (k: string) => string): { options: Options; multiple: boolean } | undefined {
  switch (key) {
    case 'change_request.no_verification_fields':
      return { options: ['email', 'noHp', 'alamat', 'kota', 'kodePos'].map((v) => ({ value: v, label: t(`settings.options.personalFields.${v}`) })), multiple: true };
    case 'change_request.second_step_types':
      return {
        options: ['profile', 'keluarga', 'pendidikan', 'diklat', 'skp', 'pangkat', 'jabatan'].map((v) => ({ value: v, label: t(`settings.options.changeTypes.${v}`) })),
        multiple: true,
      };
    case 'berkala.skp_threshold':
      return { options: (['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG'] as const).map((v) => ({ value: v, label: PREDIKAT_SKP_LABELS[v] })), multiple: false };
    default:
      return undefined;
  }
}

/** A letter number pattern filled in as the server does (`{seq}` 4 digits, `{year}`). */
function examplePattern(pattern: string, year: number): string {
  return pattern.replace('{seq}', '0001').replace('{year}', String(year));
}

function SettingEditor({ setting }: { setting: Setting }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { year } = useToday();
  const [value, setValue] = useState<Value>(setting.value);
  useEffect(() => setValue(setting.value), [setting.value]);
  const base = `settings.items.${setting.key}`;
  const label = t(`${base}.label`);
  const save = useMutation({
    mutationFn: () => api.put(`/api/settings/${encodeURIComponent(setting.key)}`, { value }),
    onSuccess: () => {
      notifications.show({ color: 'green', title: t('settings.saved'), message: label });
      void qc.invalidateQueries({ queryKey: ['settings'] });
    },
    onError: (err) =>
      notifications.show({
        color: 'red',
        title: t('settings.saveFailed'),
        message: [errorMessage(err), ...(isApiError(err) ? detailMessages(err.details) : [])].join(' '),
      }),
  });
  const choice = optionsFor(setting.key, t);
  const dirty = JSON.stringify(value) !== JSON.stringify(setting.value);

  let input: ReactNode;
  if (choice?.multiple) {
    input = <MultiSelect data={choice.options} value={value as string[]} onChange={setValue} clearable aria-label={label} />;
  } else if (choice) {
    input = <Select data={choice.options} value={value as string} onChange={(v) => v && setValue(v)} allowDeselect={false} aria-label={label} maw={320} />;
  } else if (Array.isArray(value)) {
    input = <TagsInput value={value as string[]} onChange={setValue} clearable aria-label={label} splitChars={[]} placeholder={t('settings.addHint')} />;
  } else if (typeof value === 'boolean') {
    input = <Switch checked={value} onChange={(e) => setValue(e.currentTarget.checked)} label={value ? t('settings.on') : t('settings.off')} aria-label={label} />;
  } else if (typeof value === 'number') {
    input = (
      <NumberInput
        value={value}
        onChange={(v) => setValue(Number(v))}
        min={1}
        max={12}
        w={200}
        aria-label={label}
        suffix={` ${t(`${base}.unit`)}`}
      />
    );
  } else if (value && typeof value === 'object') {
    const obj = value as Record<string, string>;
    input = (
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {Object.keys(obj).map((k) => (
          <TextInput key={k} label={t(`${base}.fields.${k}`)} value={obj[k] ?? ''} onChange={(e) => setValue({ ...obj, [k]: e.currentTarget.value })} />
        ))}
      </SimpleGrid>
    );
  } else {
    input = <TextInput value={String(value ?? '')} onChange={(e) => setValue(e.currentTarget.value)} aria-label={label} maw={420} />;
  }

  const helpParams = setting.key === 'berkala.letter_number_pattern' ? { example: examplePattern(String(value ?? ''), year) } : undefined;

  return (
    <Card withBorder data-testid={`setting-${setting.key}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="start" wrap="nowrap">
          <div>
            <Group gap="xs">
              <Text fw={600}>{label}</Text>
              {dirty && (
                <Badge size="xs" color="orange" variant="light">
                  {t('settings.unsaved')}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {t(`${base}.help`, helpParams)}
            </Text>
          </div>
          <Group gap="xs" wrap="nowrap">
            {dirty && (
              <Button size="xs" variant="subtle" color="gray" onClick={() => setValue(setting.value)}>
                {t('settings.reset')}
              </Button>
            )}
            <Button size="xs" leftSection={<IconDeviceFloppy size={14} />} disabled={!dirty} loading={save.isPending} onClick={() => save.mutate()}>
              {t('settings.save')}
            </Button>
          </Group>
        </Group>
        {input}
      </Stack>
    </Card>
  );
}

/** BKD_ADMIN: the editable configuration (every change is audited on the server). */
export function SettingsPage() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ['settings'], queryFn: ({ signal }) => api.get<{ items: Setting[] }>('/api/settings', { signal }) });
  return (
    <Stack>
      <PageHeader title={t('nav.items.settings')} description={t('settings.description')} />
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Stack>
          {GROUPS.map((group) => (
            <Stack key={group} gap="xs">
              <Title order={4}>{t(`settings.groups.${group}`)}</Title>
              {query.data.items
                .filter((s) => s.key.startsWith(`${group}.`))
                .map((s) => (
                  <SettingEditor key={s.key} setting={s} />
                ))}
            </Stack>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

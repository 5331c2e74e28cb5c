import { useEffect, useState } from 'react';
import { Button, Card, Group, NumberInput, Select, Stack, Switch, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, detailMessages, errorMessage, isApiError } from '../../api/client';
import { ErrorState, LoadingState, PageHeader } from '../../components';

type Value = unknown;
interface Setting {
  key: string;
  label: string;
  value: Value;
}

/** Option lists for the settings whose values are codes (the server validates them too). */
const CHOICES: Record<string, { options: string[]; multiple: boolean }> = {
  'change_request.no_verification_fields': { options: ['email', 'noHp', 'alamat', 'kota', 'kodePos'], multiple: true },
  'change_request.second_step_types': { options: ['profile', 'keluarga', 'pendidikan', 'diklat', 'skp', 'pangkat', 'jabatan'], multiple: true },
  'berkala.skp_threshold': { options: ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG'], multiple: false },
};

function SettingEditor({ setting }: { setting: Setting }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [value, setValue] = useState<Value>(setting.value);
  useEffect(() => setValue(setting.value), [setting.value]);
  const save = useMutation({
    mutationFn: () => api.put(`/api/settings/${encodeURIComponent(setting.key)}`, { value }),
    onSuccess: () => {
      notifications.show({ color: 'green', title: t('settings.saved'), message: setting.label });
      void qc.invalidateQueries({ queryKey: ['settings'] });
    },
    onError: (err) => notifications.show({ color: 'red', title: t('settings.saveFailed'), message: [errorMessage(err), ...(isApiError(err) ? detailMessages(err.details) : [])].join(' ') }),
  });
  const choice = CHOICES[setting.key];
  const dirty = JSON.stringify(value) !== JSON.stringify(setting.value);

  let input;
  if (choice?.multiple) {
    input = <TagsInput data={choice.options} value={value as string[]} onChange={setValue} clearable aria-label={setting.label} />;
  } else if (choice) {
    input = <Select data={choice.options} value={value as string} onChange={(v) => v && setValue(v)} allowDeselect={false} aria-label={setting.label} w={260} />;
  } else if (Array.isArray(value)) {
    input = <TagsInput value={value as string[]} onChange={setValue} clearable aria-label={setting.label} splitChars={[]} />;
  } else if (typeof value === 'boolean') {
    input = <Switch checked={value} onChange={(e) => setValue(e.currentTarget.checked)} label={value ? t('settings.on') : t('settings.off')} />;
  } else if (typeof value === 'number') {
    input = <NumberInput value={value} onChange={(v) => setValue(Number(v))} min={0} w={160} aria-label={setting.label} />;
  } else if (value && typeof value === 'object') {
    const obj = value as Record<string, string>;
    input = (
      <Stack gap="xs">
        {Object.keys(obj).map((k) => (
          <TextInput key={k} label={k} value={obj[k] ?? ''} onChange={(e) => setValue({ ...obj, [k]: e.currentTarget.value })} />
        ))}
      </Stack>
    );
  } else {
    input = <TextInput value={String(value ?? '')} onChange={(e) => setValue(e.currentTarget.value)} aria-label={setting.label} />;
  }

  return (
    <Card withBorder data-testid={`setting-${setting.key}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="start">
          <div>
            <Text fw={600}>{setting.label}</Text>
            <Text size="xs" c="dimmed">
              {setting.key}
            </Text>
          </div>
          <Button size="xs" leftSection={<IconDeviceFloppy size={14} />} disabled={!dirty} loading={save.isPending} onClick={() => save.mutate()}>
            {t('settings.save')}
          </Button>
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
          {(['change_request', 'berkala', 'agency'] as const).map((group) => (
            <Stack key={group} gap="xs">
              <Title order={4}>{t(`settings.groups.${group}`)}</Title>
              {query.data.items.filter((s) => s.key.startsWith(`${group}.`)).map((s) => (
                <SettingEditor key={s.key} setting={s} />
              ))}
            </Stack>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

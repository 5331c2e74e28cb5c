import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { IconAlertCircle, IconClockHour4, IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { errorMessage } from '../../api/client';
import { LoadingState } from '../../components/LoadingState';
import { usePageTitle } from '../../components/usePageTitle';
import { useAgency, useLogin } from './api';
import { CHANGE_PASSWORD_PATH, redirectTarget, sessionEndedIn } from './redirect';
import { useMe } from './useMe';

interface FieldErrors {
  username?: string;
  password?: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.login.submit'));
  const location = useLocation();
  const meQuery = useMe();
  const loginMutation = useLogin();
  const agency = useAgency().data;

  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const target = redirectTarget(location.state);
  const me = meQuery.data;

  // Already signed in (or just signed in): continue to the remembered page.
  if (me) {
    if (me.mustChangePassword) return <Navigate to={CHANGE_PASSWORD_PATH} replace state={{ from: target }} />;
    return <Navigate to={target} replace />;
  }
  if (meQuery.isPending) return <LoadingState fullScreen />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = username.trim();
    const errors: FieldErrors = {};
    if (!trimmed) errors.username = t('auth.login.usernameRequired');
    if (!password) errors.password = t('auth.login.passwordRequired');
    setFieldErrors(errors);
    if (errors.username || errors.password) return;
    loginMutation.mutate(
      { username: trimmed, password },
      { onError: () => setPassword('') },
    );
  };

  return (
    <Box
      mih="100vh"
      style={{
        background:
          'linear-gradient(160deg, var(--mantine-color-simak-0) 0%, var(--mantine-color-gray-0) 55%, var(--mantine-color-simak-1) 100%)',
      }}
    >
      <Center mih="100vh" p="md">
        <Paper component="main" withBorder shadow="md" radius="lg" p="xl" w="100%" maw={420}>
          <Stack gap="lg">
            <Stack gap={6} align="center" ta="center">
              <ThemeIcon size={52} radius="xl" aria-hidden>
                <IconShieldLock size={28} stroke={1.6} />
              </ThemeIcon>
              <Title order={1} size="h2" data-testid="login-title">
                {t('auth.login.title')}
              </Title>
              <Text c="dimmed" size="sm" data-testid="login-subtitle">
                {t('auth.login.subtitle')}
              </Text>
              {agency && (
                <Text size="xs" fw={600} c="simak.8" lts={0.3} data-testid="login-agency">
                  {agency.instansi}
                  <br />
                  {agency.pemda}
                </Text>
              )}
            </Stack>

            {sessionEndedIn(location.state) && !loginMutation.isError && (
              <Alert color="yellow" icon={<IconClockHour4 size={18} />} title={t('auth.login.sessionEndedTitle')} data-testid="login-session-ended">
                {t('auth.login.sessionEnded')}
              </Alert>
            )}

            {loginMutation.isError && (
              <Alert color="red" icon={<IconAlertCircle size={18} />} title={t('auth.login.errorTitle')} data-testid="login-error">
                {errorMessage(loginMutation.error)}
              </Alert>
            )}

            <form onSubmit={onSubmit} noValidate aria-label={t('auth.login.title')}>
              <Stack gap="md">
                <TextInput
                  label={t('auth.login.username')}
                  placeholder={t('auth.login.usernamePlaceholder')}
                  name="username"
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  autoFocus
                  value={username}
                  onChange={(e) => setUsername(e.currentTarget.value)}
                  error={fieldErrors.username}
                  data-testid="login-username"
                />
                <PasswordInput
                  label={t('auth.login.password')}
                  name="password"
                  autoComplete="current-password"
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={fieldErrors.password}
                  data-testid="login-password"
                />
                <Button type="submit" fullWidth size="md" loading={loginMutation.isPending} data-testid="login-submit">
                  {t('auth.login.submit')}
                </Button>
                <Text size="xs" c="dimmed" ta="center">
                  {t('auth.login.forgotHint')}
                </Text>
              </Stack>
            </form>
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}

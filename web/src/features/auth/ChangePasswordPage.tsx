import { useState, type FormEvent } from 'react';
import { Alert, Button, Card, List, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { detailMessages, errorMessage, isApiError } from '../../api/client';
import { usePageTitle } from '../../components/usePageTitle';
import { useChangePassword } from './api';
import { CHANGE_PASSWORD_PATH, LOGIN_PATH, redirectTarget } from './redirect';
import { useCurrentUser } from './useMe';

/** Client-side mirror of the server password policy: min 8 chars, letters and digits. */
export const PASSWORD_MIN_LENGTH = 8;

interface FieldErrors {
  currentPassword?: string;
  newPassword?: string;
  confirmPassword?: string;
}

export function ChangePasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.changePassword.title'));
  const me = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  const mutation = useChangePassword();

  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const validate = (): FieldErrors => {
    const errors: FieldErrors = {};
    if (!currentPassword) errors.currentPassword = t('auth.changePassword.currentRequired');
    if (newPassword.length < PASSWORD_MIN_LENGTH) errors.newPassword = t('auth.changePassword.tooShort');
    else if (!/\p{L}/u.test(newPassword) || !/\p{Nd}/u.test(newPassword)) {
      errors.newPassword = t('auth.changePassword.needsLetterAndDigit');
    } else if (currentPassword && newPassword === currentPassword) {
      errors.newPassword = t('auth.changePassword.sameAsCurrent');
    }
    if (confirmPassword !== newPassword) errors.confirmPassword = t('auth.changePassword.mismatch');
    return errors;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = validate();
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    mutation.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            title: t('auth.changePassword.successTitle'),
            message: t('auth.changePassword.success'),
          });
          setCurrentPassword('');
          setNewPassword('');
          setConfirmPassword('');
          void navigate(redirectTarget(location.state, '/', [LOGIN_PATH, CHANGE_PASSWORD_PATH]), { replace: true });
        },
      },
    );
  };

  const details = isApiError(mutation.error) ? detailMessages(mutation.error.details) : [];

  return (
    <Stack gap="lg" maw={520} mx="auto" w="100%">
      <Title order={2} data-testid="page-title">
        {me.mustChangePassword ? t('auth.changePassword.mustChangeTitle') : t('auth.changePassword.title')}
      </Title>

      {me.mustChangePassword && (
        <Alert role="status" color="simak" icon={<IconInfoCircle size={18} />} data-testid="must-change-password-notice">
          {t('auth.changePassword.mustChange')}
        </Alert>
      )}

      {mutation.isError && (
        <Alert color="red" icon={<IconAlertCircle size={18} />} title={t('auth.changePassword.errorTitle')} data-testid="change-password-error">
          <Text size="sm">{errorMessage(mutation.error)}</Text>
          {details.length > 0 && (
            <List size="sm" mt="xs">
              {details.map((d) => (
                <List.Item key={d}>{d}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}

      <Card>
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <PasswordInput
              label={t('auth.changePassword.current')}
              name="currentPassword"
              autoComplete="current-password"
              value={currentPassword}
              onChange={(e) => setCurrentPassword(e.currentTarget.value)}
              error={fieldErrors.currentPassword}
              data-testid="change-password-current"
            />
            <PasswordInput
              label={t('auth.changePassword.new')}
              description={t('auth.changePassword.rules')}
              name="newPassword"
              autoComplete="new-password"
              value={newPassword}
              onChange={(e) => setNewPassword(e.currentTarget.value)}
              error={fieldErrors.newPassword}
              data-testid="change-password-new"
            />
            <PasswordInput
              label={t('auth.changePassword.confirm')}
              name="confirmPassword"
              autoComplete="new-password"
              value={confirmPassword}
              onChange={(e) => setConfirmPassword(e.currentTarget.value)}
              error={fieldErrors.confirmPassword}
              data-testid="change-password-confirm"
            />
            <Button type="submit" loading={mutation.isPending} data-testid="change-password-submit">
              {t('auth.changePassword.submit')}
            </Button>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}

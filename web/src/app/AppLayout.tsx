import { ActionIcon, AppShell, Badge, Burger, Button, Divider, Group, NavLink, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconExternalLink, IconKey, IconLogout, IconShieldCheck } from '@tabler/icons-react';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../api/client';
import { useLogout } from '../features/auth/api';
import { CHANGE_PASSWORD_PATH, LOGIN_PATH } from '../features/auth/redirect';
import { ROLE_COLORS } from '../features/auth/roles';
import { useCurrentUser } from '../features/auth/useMe';
import { useLiveUpdates } from '../features/notifications/useLiveUpdates';
import { useTasks } from '../features/requests/api';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { HealthIndicator } from '../features/system/HealthIndicator';
import { LoadingState } from '../components/LoadingState';
import { navSectionsFor, type NavItem } from './navigation';

/** How many requests wait for the user ("Tugas saya"); nothing while there are none. */
function TasksCount({ testId }: { testId: string }) {
  const { t } = useTranslation();
  const tasks = useTasks();
  const total = tasks.data?.total ?? 0;
  if (total === 0) return null;
  return (
    <Badge size="sm" circle={total < 10} color="red" aria-label={t('nav.tasksCount', { count: total })} data-testid={testId} data-count={total}>
      {total > 99 ? '99+' : total}
    </Badge>
  );
}

function NavEntry({ item, onNavigate }: { item: NavItem; onNavigate: () => void }) {
  const { t } = useTranslation();
  const label = t(`nav.items.${item.key}`);
  const Icon = item.icon;
  if (item.external) {
    return (
      <NavLink
        component="a"
        href={item.path}
        target="_blank"
        rel="noopener noreferrer"
        label={label}
        aria-label={`${label} ${t('common.externalLink')}`}
        leftSection={<Icon size={18} stroke={1.6} />}
        rightSection={<IconExternalLink size={14} stroke={1.6} />}
        data-testid={`nav-${item.key}`}
      />
    );
  }
  return (
    <NavLink
      component={RouterNavLink}
      to={item.path}
      end={item.path === '/'}
      label={label}
      leftSection={<Icon size={18} stroke={1.6} />}
      rightSection={item.counter === 'tasks' ? <TasksCount testId={`nav-${item.key}-count`} /> : undefined}
      onClick={onNavigate}
      data-testid={`nav-${item.key}`}
    />
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  const logoutMutation = useLogout({ beforeClear: () => void navigate(LOGIN_PATH, { replace: true }) });
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);

  // Lists, queues and request pages follow status changes live (server-sent events).
  useLiveUpdates(!!me && !me.mustChangePassword);

  // Close the mobile navbar whenever the route changes.
  useEffect(() => closeNav(), [location.pathname, closeNav]);

  // While a password change is pending the user gets no navigation at all.
  const showNav = !me.mustChangePassword;
  const sections = showNav ? navSectionsFor(me) : [];
  const showSectionLabels = sections.length > 1;

  const onLogout = () => {
    logoutMutation.mutate(undefined, {
      onError: (error) =>
        notifications.show({ color: 'red', title: t('auth.logoutFailed'), message: errorMessage(error) }),
    });
  };

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={showNav ? { width: 264, breakpoint: 'sm', collapsed: { mobile: !navOpened } } : undefined}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {showNav && (
              <Burger opened={navOpened} onClick={toggleNav} hiddenFrom="sm" size="sm" aria-label={t('common.openMenu')} />
            )}
            <IconShieldCheck size={26} stroke={1.6} color="var(--mantine-color-simak-8)" aria-hidden />
            <Title order={1} size="h4" c="simak.9" data-testid="app-name" style={{ whiteSpace: 'nowrap' }}>
              {t('app.name')}
            </Title>
          </Group>

          <Group gap="sm" wrap="nowrap">
            {showNav && <NotificationBell />}
            <Stack gap={2} align="flex-end" visibleFrom="xs">
              <Text size="sm" fw={600} lh={1.2} data-testid="user-name">
                {me.displayName}
              </Text>
              <Group gap={4} justify="flex-end" data-testid="user-roles" aria-label={t('shell.rolesLabel')}>
                {me.roles.map((role) => (
                  <Badge key={role} size="xs" tt="none" color={ROLE_COLORS[role]} data-testid={`user-role-${role}`}>
                    {t(`roles.${role}`)}
                  </Badge>
                ))}
              </Group>
            </Stack>
            <Button
              variant="default"
              size="sm"
              leftSection={<IconLogout size={16} />}
              onClick={onLogout}
              loading={logoutMutation.isPending}
              visibleFrom="xs"
              data-testid="logout-button"
            >
              {t('shell.logout')}
            </Button>
            <ActionIcon
              variant="default"
              size="lg"
              onClick={onLogout}
              loading={logoutMutation.isPending}
              hiddenFrom="xs"
              aria-label={t('shell.logout')}
              data-testid="logout-button-compact"
            >
              <IconLogout size={18} />
            </ActionIcon>
          </Group>
        </Group>
      </AppShell.Header>

      {showNav && (
        <AppShell.Navbar p="sm" aria-label={t('nav.ariaLabel')} data-testid="app-navbar">
          <AppShell.Section grow component={ScrollArea}>
            <Stack gap="sm">
              {sections.map(({ section, items }) => (
                <Stack key={section} gap={2} data-testid={`nav-section-${section}`}>
                  {showSectionLabels && section !== 'general' && (
                    <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt={4}>
                      {t(`nav.sections.${section}`)}
                    </Text>
                  )}
                  {items.map((item) => (
                    <NavEntry key={item.key} item={item} onNavigate={closeNav} />
                  ))}
                </Stack>
              ))}
            </Stack>
          </AppShell.Section>
          <AppShell.Section>
            <Divider my="xs" />
            <NavLink
              component={RouterNavLink}
              to={CHANGE_PASSWORD_PATH}
              label={t('nav.changePassword')}
              leftSection={<IconKey size={18} stroke={1.6} />}
              data-testid="nav-changePassword"
            />
            {me.roles.includes('BKD_ADMIN') && (
              <Group px="sm" pt="xs">
                <HealthIndicator />
              </Group>
            )}
          </AppShell.Section>
        </AppShell.Navbar>
      )}

      <AppShell.Main bg="gray.0" data-testid="app-main">
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

import { ActionIcon, Box, Button, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell, IconBellOff, IconChecks } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { formatDateTime } from '../../i18n/format';
import { useMarkAllRead, useMarkRead, useNotifications, type NotificationItem } from './api';

function NotificationEntry({ item, onOpen }: { item: NotificationItem; onOpen: (item: NotificationItem) => void }) {
  const unread = !item.readAt;
  return (
    <UnstyledButton
      onClick={() => onOpen(item)}
      px="md"
      py="sm"
      w="100%"
      data-testid="notification-item"
      data-unread={unread ? 'true' : 'false'}
      style={{
        backgroundColor: unread ? 'var(--mantine-color-simak-0)' : undefined,
        borderBottom: '1px solid var(--mantine-color-gray-2)',
      }}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Box
          mt={6}
          w={8}
          h={8}
          style={{ borderRadius: '50%', flex: 'none', backgroundColor: unread ? 'var(--mantine-color-simak-6)' : 'transparent' }}
          aria-hidden
        />
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" fw={unread ? 700 : 500} lh={1.3}>
            {item.title}
          </Text>
          <Text size="xs" c="dimmed" lineClamp={3}>
            {item.body}
          </Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(item.createdAt)}
          </Text>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}

/** Header bell: unread count (polled every 30 s) and the latest notifications. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, { toggle, close }] = useDisclosure(false);
  const query = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = query.data?.unreadCount ?? 0;

  const onOpen = (item: NotificationItem) => {
    if (!item.readAt) markRead.mutate(item.id);
    close();
    if (item.link) {
      if (/^https?:\/\//.test(item.link)) window.location.assign(item.link);
      else void navigate(item.link);
    }
  };

  const label = unread > 0 ? t('notifications.openUnread', { count: unread }) : t('notifications.open');

  return (
    <Popover opened={opened} onChange={(o) => (o ? undefined : close())} position="bottom-end" width={380} shadow="md" withArrow trapFocus>
      <Popover.Target>
        <Indicator
          label={unread > 99 ? '99+' : unread}
          disabled={unread === 0}
          size={18}
          color="red"
          offset={6}
          data-testid="notification-badge"
          data-count={unread}
        >
          <ActionIcon variant="subtle" color="gray" size="lg" onClick={toggle} aria-label={label} aria-expanded={opened} data-testid="notification-bell">
            <IconBell size={22} stroke={1.6} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} data-testid="notification-dropdown">
        <Group justify="space-between" px="md" py="sm" wrap="nowrap">
          <Text fw={700} size="sm">
            {t('notifications.title')}
          </Text>
          <Button
            variant="subtle"
            size="compact-xs"
            leftSection={<IconChecks size={14} />}
            onClick={() => markAll.mutate()}
            disabled={unread === 0}
            loading={markAll.isPending}
            data-testid="notification-read-all"
          >
            {t('notifications.markAll')}
          </Button>
        </Group>
        <Divider />
        {query.isPending ? (
          <LoadingState />
        ) : query.isError ? (
          <Box p="sm">
            <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
          </Box>
        ) : query.data.items.length === 0 ? (
          <Stack align="center" gap={6} py="xl" px="md" data-testid="notification-empty">
            <IconBellOff size={28} stroke={1.4} color="var(--mantine-color-gray-5)" aria-hidden />
            <Text size="sm" c="dimmed">
              {t('notifications.empty')}
            </Text>
          </Stack>
        ) : (
          <ScrollArea.Autosize mah={420} type="auto">
            <div role="list" aria-label={t('notifications.title')}>
              {query.data.items.map((item) => (
                <div role="listitem" key={item.id}>
                  <NotificationEntry item={item} onOpen={onOpen} />
                </div>
              ))}
            </div>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}

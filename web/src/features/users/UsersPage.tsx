import { useState } from 'react';
import { Alert, Badge, Button, Code, CopyButton, Group, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKey, IconUsersGroup } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api/client';
import type { Role } from '../../api/types';
import { EmptyState, FilterSelect, ListCard, PageHeader, parsePaging, useSearchInput, useSearchState } from '../../components';
import { formatDateTime } from '../../i18n/format';
import { SearchInput } from '../../components/SearchInput';

interface UserRow {
  id: number;
  username: string;
  displayName: string;
  active: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  roles: { role: Role; opd: string | null }[];
  abilities: { resetPassword: boolean };
}
interface UserList {
  page: number;
  pageSize: number;
  total: number;
  items: UserRow[];
}

const FILTER_ROLES: Role[] = ['ASN', 'OPD_ADMIN', 'BKD_VERIFIER', 'BKD_ADMIN'];

/** BKD_ADMIN: accounts with their roles; reset a password to a temporary one. */
export function UsersPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [state, update] = useSearchState({ q: '', role: '', page: '1', pageSize: '25' });
  const [search, setSearch] = useSearchInput(state.q, update);
  const { page, pageSize } = parsePaging(state);
  const query = useQuery({
    queryKey: ['users', state.q, state.role, page, pageSize],
    queryFn: ({ signal }) => api.get<UserList>('/api/users', { query: { q: state.q, role: state.role, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
  const [target, setTarget] = useState<UserRow | null>(null);
  const [temporary, setTemporary] = useState<string | null>(null);
  const reset = useMutation({
    mutationFn: (id: number) => api.post<{ temporaryPassword: string }>(`/api/users/${id}/reset-password`),
    onSuccess: (r) => {
      setTemporary(r.temporaryPassword);
      void qc.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (err) => notifications.show({ color: 'red', title: t('users.resetFailed'), message: errorMessage(err) }),
  });
  const close = () => {
    setTarget(null);
    setTemporary(null);
    reset.reset();
  };

  return (
    <Stack>
      <PageHeader title={t('nav.items.users')} description={t('users.description')} />
      <Group align="end">
        <SearchInput value={search} onChange={setSearch} placeholder={t('users.searchPlaceholder')} label={t('users.search')} w={320} testId="users-search" />
        <FilterSelect
          label={t('users.role')}
          placeholder={t('users.allRoles')}
          data={FILTER_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={state.role}
          onChange={(v) => update({ role: v ?? '' })}
          w={220}
        />
      </Group>
      <ListCard query={query} page={page} pageSize={pageSize} onPaging={update} empty={<EmptyState icon={<IconUsersGroup size={32} />} title={t('users.empty')} />}>
        {(data) => (
          <ScrollArea type="auto">
            <Table striped highlightOnHover miw={{ base: 0, lg: 760 }} data-testid="users-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('users.name')}</Table.Th>
                  <Table.Th visibleFrom="md">{t('users.username')}</Table.Th>
                  <Table.Th>{t('users.roles')}</Table.Th>
                  <Table.Th visibleFrom="md">{t('users.lastLogin')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {u.displayName}
                      </Text>
                      <Code hiddenFrom="md">{u.username}</Code>
                      {u.mustChangePassword && (
                        <Badge size="xs" color="orange" variant="light">
                          {t('users.mustChange')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td visibleFrom="md">
                      <Code>{u.username}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {u.roles.map((r) => (
                          <Badge key={`${r.role}-${r.opd ?? ''}`} size="sm" variant="light">
                            {t(`roles.${r.role}`)}
                            {r.opd ? ` · ${r.opd}` : ''}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td visibleFrom="md">
                      <Text size="sm">{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      {u.abilities.resetPassword && (
                        <Button size="xs" variant="light" leftSection={<IconKey size={14} />} onClick={() => setTarget(u)} styles={{ label: { whiteSpace: 'normal' } }} h="auto" py={4}>
                          {t('users.reset')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </ListCard>
      <Modal opened={!!target} onClose={close} title={t('users.resetTitle')} centered>
        {target && !temporary && (
          <Stack>
            <Text size="sm">{t('users.resetConfirm', { name: target.displayName, username: target.username })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button color="red" loading={reset.isPending} onClick={() => reset.mutate(target.id)} data-testid="users-reset-confirm">
                {t('users.reset')}
              </Button>
            </Group>
          </Stack>
        )}
        {temporary && (
          <Stack>
            <Alert color="green" title={t('users.resetDone')}>
              {t('users.resetDoneText')}
            </Alert>
            <Group>
              <Code fz="lg" data-testid="users-temporary-password">
                {temporary}
              </Code>
              <CopyButton value={temporary}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy}>
                    {copied ? t('users.copied') : t('users.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Group justify="flex-end">
              <Button onClick={close}>{t('common.close')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

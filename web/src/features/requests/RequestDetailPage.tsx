import { useState } from 'react';
import { Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { isApiError } from '../../api/client';
import { useCurrentUser } from '../auth/useMe';
import { useRequest, useRequestAction } from './api';
import { ChecklistPanel } from './ChecklistPanel';
import { DocumentsPanel } from './DocumentsPanel';
import { RequestActionButtons } from './RequestActions';
import { RequestInfoCard } from './RequestInfoCard';
import { RequestTimeline } from './RequestTimeline';
import { RequestStatusBadge } from './RequestTable';
import { displayTitle } from './title';
import type { RequestAction, RequestDetail } from './types';
import { useRequestErrors } from './useRequestErrors';
import { viewOf } from './views';

/**
 * The request page, the same for every type: status and the actions offered (disabled ones
 * with their reason), the type's details view (see views.tsx), the document checklist, every
 * linked document with a preview, the timeline and the request's information.
 */
export function RequestDetailPage() {
  const { id } = useParams();
  // A new id (e.g. from a notification) starts with fresh dialogs.
  return <RequestPage key={id} requestId={Number(id)} />;
}

function RequestPage({ requestId }: { requestId: number }) {
  const { t } = useTranslation();
  const query = useRequest(requestId);

  if (!Number.isInteger(requestId) || requestId <= 0) return <EmptyState title={t('notFound.title')} />;
  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return (
      <Stack gap="lg">
        <PageHeader title={t('requests.detail.title')} withBack backTo="/tugas" />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      </Stack>
    );
  }
  return <RequestBody request={query.data} />;
}

function RequestBody({ request: r }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const action = useRequestAction();
  const onError = useRequestErrors(r.id);
  const [dialog, setDialog] = useState<RequestAction | null>(null);
  const view = viewOf(r.type);
  const { Details, Notice, ActionDialog } = view;
  const subtitle = view.subtitle?.(r);
  const isOwn = me.employeeId !== null && me.employeeId === r.employee.id;
  // Documents on the checklist now, and those replaced there since (still linked to the request).
  const checklistDocs = r.checklist.items.flatMap((i) => (i.document ? [i.document.id] : []));
  const replacedIds = r.checklist.items.flatMap((i) => i.history.flatMap((h) => (h.documentId !== null && !checklistDocs.includes(h.documentId) ? [h.documentId] : [])));

  const open = (a: RequestAction | null) => {
    action.reset();
    setDialog(a);
  };

  const run = (a: RequestAction, note: string | undefined, data?: unknown) => {
    action.mutate(
      { id: r.id, action: a.action, version: r.version, note, data },
      {
        onSuccess: (updated) => {
          setDialog(null);
          notifications.show({
            color: 'green',
            title: t('requests.actionDoneTitle', { action: a.label }),
            message: t('requests.actionDone', { action: a.label, state: updated.stateLabel }),
          });
        },
        onError: (error) => {
          // A form to correct stays open with the error; anything else closes and is announced.
          if (view.keepOpenOnInvalid && isApiError(error) && error.status === 422) return;
          setDialog(null);
          onError(error);
        },
      },
    );
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title={displayTitle(r)}
        withBack
        backTo={view.backTo(me, r)}
        actions={r.actions.length > 0 && <RequestActionButtons actions={r.actions} pendingAction={action.isPending ? action.variables?.action : null} onAction={open} />}
      >
        <Group gap="xs">
          <RequestStatusBadge row={r} size="lg" />
          <Text size="sm" c="dimmed">
            #{r.id} · {r.typeLabel}
            {subtitle ? ` · ${subtitle}` : ''}
          </Text>
        </Group>
      </PageHeader>

      {Notice && <Notice request={r} />}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            {Details && <Details request={r} />}
            <Card>
              <ChecklistPanel request={r} />
            </Card>
            <Card>
              <Title order={3} size="h4" mb="sm">
                {t(view.documentsTitle)}
              </Title>
              <DocumentsPanel
                key={r.documents.map((d) => d.id).join(',')}
                documents={r.documents}
                emptyTitle={
                  r.documentsHidden
                    ? t('requests.detail.documentsHidden', { count: r.documentsHidden })
                    : view.documentsEmpty
                      ? t(view.documentsEmpty)
                      : undefined
                }
                skipInitialPreview={view.skipInitialPreview}
                initialPreview={!checklistDocs.length}
                replacedIds={replacedIds}
              />
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <RequestInfoCard request={r} isOwn={isOwn} submittedLabel={view.submittedLabel ? t(view.submittedLabel) : undefined} />
            <Card>
              <Title order={3} size="h4" mb="md">
                {t('requests.detail.timeline')}
              </Title>
              <RequestTimeline events={r.timeline} />
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>

      <ActionDialog
        request={r}
        action={dialog}
        pending={action.isPending}
        error={dialog ? action.error : null}
        onClose={() => open(null)}
        onConfirm={(note, data) => dialog && run(dialog, note, data)}
      />
    </Stack>
  );
}

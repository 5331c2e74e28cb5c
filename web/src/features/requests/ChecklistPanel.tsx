import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Collapse, Group, List, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconChecklist,
  IconCircleCheck,
  IconCircleX,
  IconEye,
  IconEyeOff,
  IconFileText,
  IconHistory,
  IconPaperclip,
  IconPhoto,
  IconReplace,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { formatBytes, formatDateTime } from '../../i18n/format';
import { DocumentPreview, DownloadButton } from '../documents/DocumentPreview';
import { useJudgeItem } from './api';
import { ItemDocumentModal } from './ItemDocumentModal';
import type { ChecklistItem, ChecklistItemHistory, RequestDetail, Verdict } from './types';
import { useRequestErrors } from './useRequestErrors';

const VERDICT_COLORS: Record<Verdict, string> = { PENDING: 'gray', VALID: 'green', INVALID: 'red' };

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  const Icon = verdict === 'VALID' ? IconCircleCheck : verdict === 'INVALID' ? IconCircleX : null;
  return (
    <Badge
      color={VERDICT_COLORS[verdict]}
      variant={verdict === 'PENDING' ? 'light' : 'filled'}
      tt="none"
      leftSection={Icon ? <Icon size={12} /> : undefined}
      style={{ flexShrink: 0 }}
      data-testid="verdict-badge"
    >
      {t(`requests.checklist.verdicts.${verdict}`)}
    </Badge>
  );
}

function historyText(t: (key: string, opts?: Record<string, unknown>) => string, h: ChecklistItemHistory): string {
  if (h.kind === 'verdict') return t(`requests.checklist.history.verdict_${h.verdict === 'INVALID' ? 'INVALID' : 'VALID'}`);
  return t(`requests.checklist.history.${h.kind === 'replace' ? 'replace' : 'attach'}`);
}

function ItemHistory({ history, documentName }: { history: ChecklistItemHistory[]; documentName: (id: number | null) => string | null }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} mt="xs" pl="sm" style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }} data-testid="item-history">
      {[...history].reverse().map((h) => {
        const name = h.kind === 'verdict' ? null : documentName(h.documentId);
        return (
          <Stack key={h.id} gap={0} data-testid="item-history-entry" data-kind={h.kind}>
            <Text size="sm">
              <Text span fw={600} size="sm" c={h.verdict === 'INVALID' ? 'red.8' : h.verdict === 'VALID' ? 'green.8' : undefined}>
                {historyText(t, h)}
              </Text>
              {name ? ` — ${name}` : ''}
              {h.note ? `: ${h.note}` : ''}
            </Text>
            <Text size="xs" c="dimmed">
              {[h.actorName ?? t('requests.detail.system'), formatDateTime(h.at)].join(' · ')}
            </Text>
          </Stack>
        );
      })}
    </Stack>
  );
}

interface ItemCardProps {
  request: RequestDetail;
  item: ChecklistItem;
  onInvalid: (item: ChecklistItem) => void;
  onValid: (item: ChecklistItem) => void;
  onReplace: (item: ChecklistItem) => void;
  judging: boolean;
  /** Show the document's preview on arrival. */
  initialPreview: boolean;
}

function ChecklistItemCard({ request, item, onInvalid, onValid, onReplace, judging, initialPreview }: ItemCardProps) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState(initialPreview);
  const [historyOpen, setHistoryOpen] = useState(false);
  const { canEdit, canJudge } = request.checklist;
  const doc = item.document;
  const invalid = item.verdict === 'INVALID';
  const DocIcon = doc?.mimeType.startsWith('image/') ? IconPhoto : IconFileText;
  const documentName = (id: number | null) =>
    id === null ? null : id === doc?.id ? doc.originalName : (request.documents.find((d) => d.id === id)?.originalName ?? `#${id}`);

  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      style={invalid ? { borderColor: 'var(--mantine-color-red-5)', background: 'var(--mantine-color-red-0)' } : undefined}
      data-testid="checklist-item"
      data-key={item.key}
      data-verdict={item.verdict}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap={6} wrap="wrap">
              <Text size="sm" fw={700} data-testid="item-label">
                {item.label}
              </Text>
              <Badge size="xs" variant="light" color={item.required ? 'simak' : 'gray'} tt="none" data-testid="item-required">
                {item.required ? t('requests.checklist.required') : t('requests.checklist.optional')}
              </Badge>
            </Group>
            {item.hint && (
              <Text size="xs" c="dimmed">
                {item.hint}
              </Text>
            )}
          </Stack>
          <VerdictBadge verdict={item.verdict} />
        </Group>

        {doc ? (
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flex: '1 1 220px' }}>
              <DocIcon size={22} stroke={1.5} color="var(--mantine-color-simak-7)" aria-hidden style={{ flexShrink: 0 }} />
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }} data-testid="item-document-name">
                  {doc.originalName}
                </Text>
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {doc.title} · {formatBytes(doc.sizeBytes)} · {t('requests.checklist.uploadedAt', { date: formatDateTime(doc.createdAt) })}
                </Text>
              </Stack>
            </Group>
            <Group gap="xs">
              {doc.viewUrl && (
                <Button
                  size="xs"
                  variant={preview ? 'filled' : 'light'}
                  leftSection={preview ? <IconEyeOff size={14} /> : <IconEye size={14} />}
                  onClick={() => setPreview((v) => !v)}
                  aria-pressed={preview}
                  data-testid="item-preview"
                >
                  {preview ? t('requests.checklist.hidePreview') : t('documents.preview')}
                </Button>
              )}
              <DownloadButton doc={doc} />
            </Group>
          </Group>
        ) : item.documentHidden ? (
          <Text size="sm" c="dimmed" data-testid="item-document-hidden">
            {t('requests.checklist.documentHidden')}
          </Text>
        ) : (
          <Text size="sm" c="dimmed" data-testid="item-no-document">
            {t('requests.checklist.noDocument')}
          </Text>
        )}

        {item.verdict !== 'PENDING' && (
          <Stack gap={2} data-testid="item-verdict">
            {item.verdictNote && (
              <Text size="sm" c={invalid ? 'red.9' : undefined} fw={invalid ? 600 : undefined} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="item-verdict-note">
                {item.verdictNote}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {t('requests.checklist.judgedBy', { name: item.verdictByName ?? t('requests.detail.system'), date: formatDateTime(item.verdictAt) })}
            </Text>
          </Stack>
        )}

        {(canJudge && doc) || canEdit || item.history.length > 0 ? (
          <Group gap="xs" wrap="wrap">
            {canJudge && doc && (
              <>
                <Button
                  size="xs"
                  color="green"
                  variant={item.verdict === 'VALID' ? 'filled' : 'light'}
                  leftSection={<IconCircleCheck size={14} />}
                  onClick={() => onValid(item)}
                  disabled={item.verdict === 'VALID'}
                  loading={judging}
                  data-testid="verdict-valid"
                >
                  {t('requests.checklist.markValid')}
                </Button>
                <Button
                  size="xs"
                  color="red"
                  variant={invalid ? 'filled' : 'light'}
                  leftSection={<IconCircleX size={14} />}
                  onClick={() => onInvalid(item)}
                  disabled={judging}
                  data-testid="verdict-invalid"
                >
                  {t('requests.checklist.markInvalid')}
                </Button>
              </>
            )}
            {canEdit && (
              <Button
                size="xs"
                variant={invalid ? 'filled' : 'default'}
                color={invalid ? 'red' : undefined}
                leftSection={doc ? <IconReplace size={14} /> : <IconPaperclip size={14} />}
                onClick={() => onReplace(item)}
                data-testid="item-replace"
              >
                {doc ? t('requests.checklist.replace') : t('requests.checklist.attach')}
              </Button>
            )}
            {item.history.length > 0 && (
              <Button
                size="xs"
                variant="subtle"
                color="gray"
                leftSection={<IconHistory size={14} />}
                onClick={() => setHistoryOpen((v) => !v)}
                aria-expanded={historyOpen}
                data-testid="item-history-toggle"
                ml="auto"
              >
                {t('requests.checklist.historyToggle', { count: item.history.length })}
              </Button>
            )}
          </Group>
        ) : null}

        <Collapse expanded={historyOpen} keepMounted={false}>
          <ItemHistory history={item.history} documentName={documentName} />
        </Collapse>
        {preview && doc && <DocumentPreview doc={doc} height={460} />}
      </Stack>
    </Paper>
  );
}

function InvalidVerdictModal({ item, pending, onClose, onConfirm }: { item: ChecklistItem | null; pending: boolean; onClose: () => void; onConfirm: (note: string) => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={item !== null} onClose={onClose} title={t('requests.checklist.invalidTitle')} centered size="lg">
      {item && <InvalidVerdictForm key={item.key} item={item} pending={pending} onClose={onClose} onConfirm={onConfirm} />}
    </Modal>
  );
}

function InvalidVerdictForm({ item, pending, onClose, onConfirm }: { item: ChecklistItem; pending: boolean; onClose: () => void; onConfirm: (note: string) => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState(item.verdict === 'INVALID' ? (item.verdictNote ?? '') : '');
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) {
      setError(t('requests.checklist.noteRequired'));
      return;
    }
    onConfirm(note.trim());
  };
  return (
    <form onSubmit={submit} noValidate data-testid="verdict-dialog">
      <Stack gap="md">
        <Text size="sm">{t('requests.checklist.invalidExplain', { label: item.label })}</Text>
        <Textarea
          label={t('requests.checklist.invalidNote')}
          placeholder={t('requests.checklist.invalidNotePlaceholder')}
          withAsterisk
          value={note}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            setError(undefined);
          }}
          error={error}
          autosize
          minRows={3}
          maxRows={6}
          maxLength={500}
          data-autofocus
          data-testid="verdict-note"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={pending} leftSection={<IconCircleX size={16} />} data-testid="verdict-confirm">
            {t('requests.checklist.markInvalid')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The documents a request asks for, one card per item: the document (preview, download), the
 * verifier's verdict with its note, who gave it and when, and the item's history. Verifiers
 * mark items valid or invalid; the submitter replaces documents while the request is with them
 * (an alert above lists exactly the items marked invalid).
 */
export function ChecklistPanel({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const judge = useJudgeItem();
  const onError = useRequestErrors(request.id);
  const [invalidFor, setInvalidFor] = useState<ChecklistItem | null>(null);
  const [replaceFor, setReplaceFor] = useState<ChecklistItem | null>(null);
  const { items, canEdit, canJudge } = request.checklist;

  const required = items.filter((i) => i.required);
  const filled = required.filter((i) => i.document || i.documentHidden).length;
  const valid = items.filter((i) => i.verdict === 'VALID').length;
  const invalid = items.filter((i) => i.verdict === 'INVALID');
  // A verifier's job here is reading documents: the first one is open on arrival.
  const firstToJudge = canJudge ? items.find((i) => i.document)?.key : undefined;

  const send = (item: ChecklistItem, verdict: 'VALID' | 'INVALID', note?: string) =>
    judge.mutate(
      { id: request.id, key: item.key, version: request.version, verdict, note },
      {
        onSuccess: () => {
          setInvalidFor(null);
          notifications.show({
            color: verdict === 'VALID' ? 'green' : 'orange',
            title: t(`requests.checklist.judged_${verdict}`),
            message: item.label,
          });
        },
        onError: (error) => {
          setInvalidFor(null);
          onError(error, t('requests.checklist.judgeFailed'));
        },
      },
    );

  return (
    <Stack gap="sm" data-testid="checklist" data-can-edit={canEdit ? 'true' : 'false'} data-can-judge={canJudge ? 'true' : 'false'}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Title order={3} size="h4">
          {t('requests.checklist.title')}
        </Title>
        {items.length > 0 && (
          <Text size="sm" c="dimmed" data-testid="checklist-summary">
            {[
              required.length
                ? t('requests.checklist.summaryRequired', { filled, count: required.length })
                : t('requests.checklist.summaryFilled', { filled: items.filter((i) => i.document || i.documentHidden).length, count: items.length }),
              ...(valid ? [t('requests.checklist.summaryValid', { count: valid })] : []),
              ...(invalid.length ? [t('requests.checklist.summaryInvalid', { count: invalid.length })] : []),
            ].join(' · ')}
          </Text>
        )}
      </Group>

      {canEdit && invalid.length > 0 && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('requests.checklist.invalidAlertTitle')} data-testid="checklist-invalid-alert">
          <List size="sm" spacing={2}>
            {invalid.map((i) => (
              <List.Item key={i.key} data-testid="checklist-invalid-entry" data-key={i.key}>
                <Text span size="sm" fw={600}>
                  {i.label}
                </Text>
                {i.verdictNote ? ` — ${i.verdictNote}` : ''}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {canJudge && items.some((i) => i.document) && (
        <Text size="sm" c="dimmed" data-testid="checklist-judge-hint">
          {t('requests.checklist.judgeHint')}
        </Text>
      )}

      {items.length === 0 ? (
        <EmptyState icon={<IconChecklist size={30} stroke={1.5} />} title={t('requests.checklist.empty')} data-testid="checklist-empty" />
      ) : (
        <Stack gap="sm">
          {items.map((item) => (
            <ChecklistItemCard
              key={item.key}
              request={request}
              item={item}
              judging={judge.isPending && judge.variables?.key === item.key}
              initialPreview={item.key === firstToJudge}
              onValid={(i) => send(i, 'VALID')}
              onInvalid={setInvalidFor}
              onReplace={setReplaceFor}
            />
          ))}
        </Stack>
      )}

      <InvalidVerdictModal item={invalidFor} pending={judge.isPending} onClose={() => setInvalidFor(null)} onConfirm={(note) => invalidFor && send(invalidFor, 'INVALID', note)} />
      <ItemDocumentModal request={request} item={replaceFor} onClose={() => setReplaceFor(null)} />
    </Stack>
  );
}

import { Text, Timeline } from '@mantine/core';
import { IconPointFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EMPTY_VALUE, formatDateTime } from '../../i18n/format';
import { ACTION_COLORS, ACTION_ICONS } from './RequestActions';
import type { TimelineEvent } from './types';

/** The request's state changes, oldest first: the state reached, the action and who took it, when, and the note. */
export function RequestTimeline({ events }: { events: TimelineEvent[] }) {
  const { t } = useTranslation();
  if (events.length === 0) return <Text size="sm">{EMPTY_VALUE}</Text>;
  return (
    <Timeline active={events.length - 1} bulletSize={22} lineWidth={2} data-testid="request-timeline">
      {events.map((e) => {
        const Icon = ACTION_ICONS[e.action] ?? IconPointFilled;
        return (
          <Timeline.Item
            key={e.id}
            bullet={<Icon size={12} />}
            color={ACTION_COLORS[e.action]}
            title={e.toStateLabel}
            data-testid="timeline-item"
            data-action={e.action}
          >
            <Text size="xs" c="dimmed">
              {[t(`requests.timelineActions.${e.action}`, { defaultValue: e.action }), e.actorName ?? t('requests.detail.system')]
                .filter((part, idx) => idx > 0 || part !== e.toStateLabel)
                .join(' · ')}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(e.at)}
            </Text>
            {e.note && (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="timeline-note">
                {e.note}
              </Text>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

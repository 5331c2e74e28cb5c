import { Box, Button, Tooltip } from '@mantine/core';
import {
  IconArrowBackUp,
  IconCheck,
  IconFileAlert,
  IconRefresh,
  IconRubberStamp,
  IconSend,
  IconX,
  type Icon,
} from '@tabler/icons-react';
import type { RequestAction } from './types';

/** Icon of an action (buttons and timeline bullets); unknown actions get a check. */
export const ACTION_ICONS: Record<string, Icon> = {
  approve: IconCheck,
  approve_final: IconCheck,
  approve_atasan: IconCheck,
  cancel: IconArrowBackUp,
  reject: IconX,
  resubmit: IconSend,
  withdraw: IconArrowBackUp,
  verify: IconCheck,
  finalize: IconRubberStamp,
  return: IconArrowBackUp,
  return_incomplete: IconFileAlert,
  recompute: IconRefresh,
};

/** Colour of an action's timeline bullet. */
export const ACTION_COLORS: Record<string, string> = {
  approve: 'green',
  approve_final: 'green',
  approve_atasan: 'green',
  cancel: 'gray',
  reject: 'red',
  withdraw: 'gray',
  verify: 'green',
  finalize: 'green',
  return: 'red',
  return_incomplete: 'orange',
};

export interface RequestActionButtonsProps {
  actions: RequestAction[];
  /** The action being taken (its button spins). */
  pendingAction?: string | null;
  onAction: (action: RequestAction) => void;
}

/**
 * The actions the server offers on a request. A disabled one (a guard holds it back) stays
 * visible and not clickable, with its reason as a tooltip (hover, keyboard focus or touch).
 */
export function RequestActionButtons({ actions, pendingAction, onAction }: RequestActionButtonsProps) {
  return actions.map((a) => {
    const ActionIcon = ACTION_ICONS[a.action] ?? IconCheck;
    const button = (
      <Button
        key={a.action}
        color={a.intent === 'danger' ? 'red' : undefined}
        variant={a.intent === 'primary' ? 'filled' : a.intent === 'danger' ? 'light' : 'default'}
        leftSection={<ActionIcon size={16} />}
        onClick={a.enabled ? () => onAction(a) : undefined}
        disabled={!a.enabled}
        loading={a.enabled && pendingAction === a.action}
        data-testid={`action-${a.action}`}
        data-enabled={a.enabled ? 'true' : 'false'}
        style={a.enabled ? undefined : { pointerEvents: 'none' }}
      >
        {a.label}
      </Button>
    );
    if (a.enabled) return button;
    // A disabled button gets no pointer events: the tooltip sits on a focusable wrapper.
    return (
      <Tooltip key={a.action} label={a.reason ?? ''} disabled={!a.reason} multiline maw={320} withArrow events={{ hover: true, focus: true, touch: true }}>
        <Box component="span" tabIndex={0} aria-label={a.reason ? `${a.label}: ${a.reason}` : a.label} data-testid={`action-${a.action}-reason`} data-reason={a.reason ?? ''} style={{ display: 'inline-block', cursor: 'not-allowed', borderRadius: 4 }}>
          {button}
        </Box>
      </Tooltip>
    );
  });
}

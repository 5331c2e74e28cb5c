import type { Tone } from '../requests/types';

/** The request type of e-Berkala in the verification engine. */
export const KGB_TYPE = 'KGB';

/**
 * KGB states in process order, with the labels and tones of the server's workflow
 * definition (server/src/modules/berkala/definition.ts). Used where the server sends
 * only the state code (dashboard counts, /api/berkala/me).
 */
export const KGB_STATES = ['DRAFT', 'DIVERIFIKASI', 'DITUNDA', 'DIKEMBALIKAN', 'DITETAPKAN'] as const;
export type KgbState = (typeof KGB_STATES)[number];

export const KGB_STATE_INFO: Record<KgbState, { label: string; tone: Tone }> = {
  DRAFT: { label: 'Menunggu verifikasi', tone: 'blue' },
  DIVERIFIKASI: { label: 'Menunggu penetapan', tone: 'yellow' },
  DITUNDA: { label: 'Ditunda', tone: 'yellow' },
  DIKEMBALIKAN: { label: 'Dikembalikan', tone: 'red' },
  DITETAPKAN: { label: 'Ditetapkan', tone: 'green' },
};

export function isKgbState(state: string | null | undefined): state is KgbState {
  return !!state && (KGB_STATES as readonly string[]).includes(state);
}

/** Label and tone of a KGB state code (the code itself, grey, when unknown). */
export function kgbStateInfo(state: string | null | undefined): { state: string; stateLabel: string; tone: Tone } {
  if (isKgbState(state)) return { state, stateLabel: KGB_STATE_INFO[state].label, tone: KGB_STATE_INFO[state].tone };
  return { state: state ?? '', stateLabel: state ?? '—', tone: 'gray' };
}

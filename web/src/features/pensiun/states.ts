/** The pension file's states (server/src/modules/pensiun/definition.ts) for filters and badges. */
export const PENSIUN_STATES = ['DRAFT', 'DIAJUKAN', 'DIKEMBALIKAN', 'DIVERIFIKASI', 'DIUSULKAN_BKN', 'PERTEK_BKN', 'DITOLAK_BKN', 'SK_TERBIT', 'SK_DISERAHKAN', 'DIBATALKAN'] as const;

export const PENSIUN_STATE_COLORS: Record<string, string> = {
  NONE: 'gray',
  DRAFT: 'gray',
  DIAJUKAN: 'blue',
  DIKEMBALIKAN: 'yellow',
  DIVERIFIKASI: 'blue',
  DIUSULKAN_BKN: 'blue',
  PERTEK_BKN: 'blue',
  DITOLAK_BKN: 'red',
  SK_TERBIT: 'green',
  SK_DISERAHKAN: 'green',
  DIBATALKAN: 'gray',
};

export const PENSIUN_KIND_KEYS = ['BUP', 'APS', 'JANDA_DUDA', 'YATIM', 'TIDAK_CAKAP'] as const;

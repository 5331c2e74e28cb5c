import type { Icon } from '@tabler/icons-react';
import {
  IconAlertTriangle,
  IconBuildingCommunity,
  IconClipboardList,
  IconChartBar,
  IconChartLine,
  IconAward,
  IconCalendarDollar,
  IconCalendarEvent,
  IconChecklist,
  IconFileDescription,
  IconFiles,
  IconHome,
  IconHourglass,
  IconListCheck,
  IconListDetails,
  IconMapPin,
  IconMapPins,
  IconNotebook,
  IconUsers,
  IconSearch,
  IconSettings,
  IconSitemap,
  IconStack2,
  IconUpload,
  IconUser,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { Me, Role } from '../api/types';
import { hasAnyRole } from '../features/auth/roles';

/** Navbar groups, rendered in this order (labels: `nav.sections.<key>`). */
export const NAV_SECTIONS = ['general', 'asn', 'atasan', 'opd', 'bkd', 'reports', 'admin'] as const;
export type NavSection = (typeof NAV_SECTIONS)[number];

export interface NavItem {
  /** Stable id; label is `nav.items.<key>` and test id `nav-<key>`. */
  key: string;
  /** Absolute path of an SPA route, or a server URL when `external` is set. */
  path: string;
  /** Roles that see the entry (any of them); empty = every signed-in user. */
  roles: readonly Role[];
  section: NavSection;
  icon: Icon;
  /** Server-rendered page (e.g. Bull Board): plain link in a new tab, no SPA route. */
  external?: boolean;
  /** A count shown next to the label (test id `nav-<key>-count`). */
  counter?: 'tasks';
}

const BKD_STAFF: readonly Role[] = ['BKD_VERIFIER', 'BKD_ADMIN'];
const INDICATOR_VIEWERS: readonly Role[] = ['BKD_VERIFIER', 'BKD_ADMIN', 'OPD_ADMIN'];

/**
 * The single source of truth for navigation. Every non-external entry also becomes a
 * guarded route (see router.tsx); features register their page component there.
 */
export const NAV_ITEMS = [
  { key: 'home', path: '/', roles: [], section: 'general', icon: IconHome },
  { key: 'tasks', path: '/tugas', roles: [], section: 'general', icon: IconListCheck, counter: 'tasks' },

  { key: 'profile', path: '/profil', roles: ['ASN'], section: 'asn', icon: IconUser },
  { key: 'documents', path: '/dokumen', roles: ['ASN'], section: 'asn', icon: IconFiles },
  { key: 'proposals', path: '/usulan', roles: ['ASN'], section: 'asn', icon: IconFileDescription },
  { key: 'cuti', path: '/cuti', roles: ['ASN'], section: 'asn', icon: IconCalendarEvent },
  { key: 'checkin', path: '/presensi', roles: ['ASN'], section: 'asn', icon: IconMapPin },
  { key: 'aktivitas', path: '/aktivitas', roles: ['ASN'], section: 'asn', icon: IconNotebook },

  { key: 'subordinates', path: '/bawahan', roles: ['ATASAN'], section: 'atasan', icon: IconSitemap },
  { key: 'tim', path: '/tim', roles: ['ATASAN'], section: 'atasan', icon: IconUsers },
  { key: 'disiplinAtasan', path: '/peringatan-disiplin', roles: ['ATASAN'], section: 'atasan', icon: IconAlertTriangle },

  { key: 'opdEmployees', path: '/opd/pegawai', roles: ['OPD_ADMIN'], section: 'opd', icon: IconBuildingCommunity },
  { key: 'opdProposals', path: '/opd/usulan', roles: ['OPD_ADMIN'], section: 'opd', icon: IconListDetails },
  { key: 'pangkatOpd', path: '/pangkat', roles: ['OPD_ADMIN'], section: 'opd', icon: IconAward },
  { key: 'pensiunOpd', path: '/pensiun', roles: ['OPD_ADMIN'], section: 'opd', icon: IconHourglass },

  { key: 'verificationQueue', path: '/verifikasi', roles: BKD_STAFF, section: 'bkd', icon: IconChecklist },
  { key: 'berkala', path: '/berkala', roles: BKD_STAFF, section: 'bkd', icon: IconCalendarDollar },
  { key: 'pangkat', path: '/pangkat', roles: BKD_STAFF, section: 'bkd', icon: IconAward },
  { key: 'pensiun', path: '/pensiun', roles: BKD_STAFF, section: 'bkd', icon: IconHourglass },
  { key: 'employeeSearch', path: '/pegawai', roles: BKD_STAFF, section: 'bkd', icon: IconSearch },

  { key: 'indicators', path: '/indikator', roles: INDICATOR_VIEWERS, section: 'reports', icon: IconChartLine },
  { key: 'statistics', path: '/statistik', roles: INDICATOR_VIEWERS, section: 'reports', icon: IconChartBar },
  { key: 'rekapPresensi', path: '/rekap-presensi', roles: INDICATOR_VIEWERS, section: 'reports', icon: IconClipboardList },
  { key: 'disiplin', path: '/peringatan-disiplin', roles: BKD_STAFF, section: 'reports', icon: IconAlertTriangle },

  { key: 'dataImport', path: '/admin/impor', roles: ['BKD_ADMIN'], section: 'admin', icon: IconUpload },
  { key: 'users', path: '/admin/pengguna', roles: ['BKD_ADMIN'], section: 'admin', icon: IconUsersGroup },
  { key: 'presensiAdmin', path: '/admin/presensi', roles: ['BKD_ADMIN'], section: 'admin', icon: IconMapPins },
  { key: 'settings', path: '/admin/pengaturan', roles: ['BKD_ADMIN'], section: 'admin', icon: IconSettings },
  { key: 'jobQueues', path: '/admin/queues', roles: ['BKD_ADMIN'], section: 'admin', icon: IconStack2, external: true },
] as const satisfies readonly NavItem[];

export type NavKey = (typeof NAV_ITEMS)[number]['key'];

export interface DetailRoute {
  key: string;
  /** Route pattern with parameters. */
  path: string;
  /** Roles allowed (empty = any signed-in user; the server still checks each record). */
  roles: readonly Role[];
}

/**
 * Pages reached from the navigation entries (not shown in the navbar): an employee's
 * profile and a request page. Registered as guarded routes next to NAV_ITEMS.
 */
export const DETAIL_ROUTES = [
  { key: 'employeeDetail', path: '/pegawai/:id', roles: [] },
  { key: 'requestDetail', path: '/usulan/:id', roles: [] },
] as const satisfies readonly DetailRoute[];

export type DetailKey = (typeof DETAIL_ROUTES)[number]['key'];

/** Entries visible to `me`, in table order. */
export function navItemsFor(me: Pick<Me, 'roles'>): NavItem[] {
  return NAV_ITEMS.filter((item: NavItem) => hasAnyRole(me, item.roles));
}

/** Visible entries grouped by section (empty sections omitted), in section order. */
export function navSectionsFor(me: Pick<Me, 'roles'>): { section: NavSection; items: NavItem[] }[] {
  const items = navItemsFor(me);
  return NAV_SECTIONS.map((section) => ({ section, items: items.filter((i) => i.section === section) })).filter(
    (group) => group.items.length > 0,
  );
}

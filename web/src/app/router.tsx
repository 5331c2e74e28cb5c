import { lazy, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../components/ComingSoon';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { CHANGE_PASSWORD_PATH, LOGIN_PATH } from '../features/auth/redirect';
import { RequireAuth } from '../features/auth/RequireAuth';
import { RequireRole } from '../features/auth/RequireRole';
import { HomePage } from '../features/home/HomePage';
import { NotFoundPage } from '../features/system/NotFoundPage';
import type { Role } from '../api/types';
import { AppLayout } from './AppLayout';
import { DETAIL_ROUTES, NAV_ITEMS, type DetailKey, type NavKey } from './navigation';

/** Pages loaded on first visit (their own chunks), so the first paint needs only the shell, login and home. */
const BerkalaPage = lazy(() => import('../features/berkala/BerkalaPage').then((m) => ({ default: m.BerkalaPage })));
const CutiPage = lazy(() => import('../features/cuti/CutiPage').then((m) => ({ default: m.CutiPage })));
const AktivitasPage = lazy(() => import('../features/aktivitas/AktivitasPage').then((m) => ({ default: m.AktivitasPage })));
const TimPage = lazy(() => import('../features/aktivitas/TimPage').then((m) => ({ default: m.TimPage })));
const PresensiAdminPage = lazy(() => import('../features/checkin/PresensiAdminPage').then((m) => ({ default: m.PresensiAdminPage })));
const PresensiPage = lazy(() => import('../features/checkin/PresensiPage').then((m) => ({ default: m.PresensiPage })));
const DocumentsPage = lazy(() => import('../features/documents/DocumentsPage').then((m) => ({ default: m.DocumentsPage })));
const EmployeeListPage = lazy(() => import('../features/employees/EmployeeListPage').then((m) => ({ default: m.EmployeeListPage })));
const EmployeeDetailPage = lazy(() => import('../features/employees/ProfilePages').then((m) => ({ default: m.EmployeeDetailPage })));
const MyProfilePage = lazy(() => import('../features/employees/ProfilePages').then((m) => ({ default: m.MyProfilePage })));
const ImportPage = lazy(() => import('../features/imports/ImportPage').then((m) => ({ default: m.ImportPage })));
const IndicatorsPage = lazy(() => import('../features/indicators/IndicatorsPage').then((m) => ({ default: m.IndicatorsPage })));
const RequestDetailPage = lazy(() => import('../features/requests/RequestDetailPage').then((m) => ({ default: m.RequestDetailPage })));
const RequestListPage = lazy(() => import('../features/requests/RequestListPage').then((m) => ({ default: m.RequestListPage })));
const TasksPage = lazy(() => import('../features/requests/TasksPage').then((m) => ({ default: m.TasksPage })));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const StatisticsPage = lazy(() => import('../features/statistics/StatisticsPage').then((m) => ({ default: m.StatisticsPage })));
const UsersPage = lazy(() => import('../features/users/UsersPage').then((m) => ({ default: m.UsersPage })));
const PangkatPage = lazy(() => import('../features/pangkat/PangkatPage').then((m) => ({ default: m.PangkatPage })));
const PensiunPage = lazy(() => import('../features/pensiun/PensiunPage').then((m) => ({ default: m.PensiunPage })));
const DisiplinPage = lazy(() => import('../features/rekap/DisiplinPage').then((m) => ({ default: m.DisiplinPage })));
const RekapPage = lazy(() => import('../features/rekap/RekapPage').then((m) => ({ default: m.RekapPage })));

/**
 * Page component per navigation entry. Entries without a page render the shared
 * "Segera hadir" placeholder; a feature plugs in by adding its page here.
 * Role checks come from the navigation table (see NAV_ITEMS[].roles).
 */
const PAGES: Partial<Record<NavKey, ReactNode>> = {
  home: <HomePage />,
  tasks: <TasksPage />,
  profile: <MyProfilePage />,
  documents: <DocumentsPage />,
  proposals: <RequestListPage key="mine" variant="mine" />,
  cuti: <CutiPage />,
  checkin: <PresensiPage />,
  aktivitas: <AktivitasPage />,
  tim: <TimPage />,
  presensiAdmin: <PresensiAdminPage />,
  subordinates: <EmployeeListPage key="atasan" variant="atasan" />,
  opdEmployees: <EmployeeListPage key="opd" variant="opd" />,
  opdProposals: <RequestListPage key="opd" variant="opd" />,
  verificationQueue: <RequestListPage key="queue" variant="queue" />,
  berkala: <BerkalaPage />,
  pangkat: <PangkatPage />,
  pangkatOpd: <PangkatPage />,
  pensiun: <PensiunPage />,
  pensiunOpd: <PensiunPage />,
  rekapPresensi: <RekapPage />,
  disiplin: <DisiplinPage />,
  disiplinAtasan: <DisiplinPage />,
  employeeSearch: <EmployeeListPage key="bkd" variant="bkd" />,
  indicators: <IndicatorsPage />,
  statistics: <StatisticsPage />,
  dataImport: <ImportPage />,
  users: <UsersPage />,
  settings: <SettingsPage />,
};

/** Pages of the detail routes (see DETAIL_ROUTES). */
const DETAIL_PAGES: Record<DetailKey, ReactNode> = {
  employeeDetail: <EmployeeDetailPage />,
  requestDetail: <RequestDetailPage />,
};

function PlaceholderPage({ navKey }: { navKey: NavKey }) {
  const { t } = useTranslation();
  return <ComingSoon title={t(`nav.items.${navKey}`)} />;
}

/**
 * Routes for the navigation table (external links excluded). Entries sharing a path (one page
 * listed under several sections, e.g. e-Pangkat for OPD admins and BKD) make one route open to
 * the roles of all of them; the first entry's page is used.
 */
function navRoutes(): ReactNode[] {
  const items = NAV_ITEMS.filter((item) => !('external' in item && item.external));
  const rolesOf = (path: string): readonly Role[] => {
    const all = items.filter((i) => i.path === path);
    return all.some((i) => i.roles.length === 0) ? [] : [...new Set(all.flatMap((i) => [...i.roles]))];
  };
  return items.filter((item, index) => items.findIndex((i) => i.path === item.path) === index).map((item) => {
    const page = PAGES[item.key] ?? <PlaceholderPage navKey={item.key} />;
    const element = <RequireRole roles={rolesOf(item.path)}>{page}</RequireRole>;
    return item.path === '/' ? (
      <Route key={item.key} index element={element} />
    ) : (
      <Route key={item.key} path={item.path} element={element} />
    );
  });
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path={LOGIN_PATH} element={<LoginPage />} />
      <Route element={<RequireAuth />}>
        <Route element={<AppLayout />}>
          {navRoutes()}
          {DETAIL_ROUTES.map((route) => (
            <Route key={route.key} path={route.path} element={<RequireRole roles={route.roles}>{DETAIL_PAGES[route.key]}</RequireRole>} />
          ))}
          <Route path={CHANGE_PASSWORD_PATH} element={<ChangePasswordPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}

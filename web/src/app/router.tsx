import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../components/ComingSoon';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { CHANGE_PASSWORD_PATH, LOGIN_PATH } from '../features/auth/redirect';
import { RequireAuth } from '../features/auth/RequireAuth';
import { RequireRole } from '../features/auth/RequireRole';
import { BerkalaPage } from '../features/berkala/BerkalaPage';
import { CutiPage } from '../features/cuti/CutiPage';
import { AktivitasPage } from '../features/aktivitas/AktivitasPage';
import { TimPage } from '../features/aktivitas/TimPage';
import { PresensiAdminPage } from '../features/checkin/PresensiAdminPage';
import { PresensiPage } from '../features/checkin/PresensiPage';
import { DocumentsPage } from '../features/documents/DocumentsPage';
import { EmployeeListPage } from '../features/employees/EmployeeListPage';
import { EmployeeDetailPage, MyProfilePage } from '../features/employees/ProfilePages';
import { HomePage } from '../features/home/HomePage';
import { ImportPage } from '../features/imports/ImportPage';
import { IndicatorsPage } from '../features/indicators/IndicatorsPage';
import { RequestDetailPage } from '../features/requests/RequestDetailPage';
import { RequestListPage } from '../features/requests/RequestListPage';
import { TasksPage } from '../features/requests/TasksPage';
import { NotFoundPage } from '../features/system/NotFoundPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { StatisticsPage } from '../features/statistics/StatisticsPage';
import { UsersPage } from '../features/users/UsersPage';
import type { Role } from '../api/types';
import { PangkatPage } from '../features/pangkat/PangkatPage';
import { PensiunPage } from '../features/pensiun/PensiunPage';
import { DisiplinPage } from '../features/rekap/DisiplinPage';
import { RekapPage } from '../features/rekap/RekapPage';
import { AppLayout } from './AppLayout';
import { DETAIL_ROUTES, NAV_ITEMS, type DetailKey, type NavKey } from './navigation';

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

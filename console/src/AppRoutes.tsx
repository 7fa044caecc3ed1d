import { Button, Flex, Result, Spin } from 'antd';
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { ConsoleLayout } from './layout/ConsoleLayout';
import { NAV_ITEMS } from './layout/navigation';
import { AnnualReportsPage } from './pages/annual-reports/AnnualReportsPage';
import { ArchivesPage } from './pages/archives/ArchivesPage';
import { CalendarPage } from './pages/calendar/CalendarPage';
import { CasesPage } from './pages/cases/CasesPage';
import { CatalogPage } from './pages/catalog/CatalogPage';
import { DashboardPage } from './pages/DashboardPage';
import { DocumentSettingsPage } from './pages/documents/DocumentSettingsPage';
import { EvaluationsPage } from './pages/evaluations/EvaluationsPage';
import { EventsPage } from './pages/events/EventsPage';
import { EvidencePage } from './pages/evidence/EvidencePage';
import { ForcePasswordChangePage } from './pages/ForcePasswordChangePage';
import { EntitiesPage } from './pages/inspections/EntitiesPage';
import { InspectorsPage } from './pages/inspections/InspectorsPage';
import { ItemsPage as InspectionItemsPage } from './pages/inspections/ItemsPage';
import { PlansPage as InspectionPlansPage } from './pages/inspections/PlansPage';
import { TasksPage as InspectionTasksPage } from './pages/inspections/TasksPage';
import { LoginPage } from './pages/LoginPage';
import { OfficersPage } from './pages/officers/OfficersPage';
import { RosterPage } from './pages/officers/RosterPage';
import { ProfilePage } from './pages/ProfilePage';
import { PublicationsPage } from './pages/publications/PublicationsPage';
import { ReviewsPage } from './pages/reviews/ReviewsPage';
import { ForbiddenPage, NotFoundPage } from './pages/StatusPages';
import { UnitsPage } from './pages/units/UnitsPage';
import { UsersPage } from './pages/users/UsersPage';
import { ViolationNoticesPage } from './pages/violation-notices/ViolationNoticesPage';
import { currentRelativeUrl, loginUrl, navigate, routes, useLocation } from './router';
import { useSession } from './session/SessionContext';
import { UnitsProvider } from './session/UnitsContext';

// The dashboard loads echarts: its own chunk, fetched only when the page is opened.
const StatsPage = lazy(() => import('./pages/stats/StatsPage').then((m) => ({ default: m.StatsPage })));

const PAGES: Readonly<Record<string, () => ReactNode>> = {
  [routes.dashboard]: () => <DashboardPage />,
  [routes.users]: () => <UsersPage />,
  [routes.units]: () => <UnitsPage />,
  [routes.events]: () => <EventsPage />,
  [routes.evidence]: () => <EvidencePage />,
  [routes.officers]: () => <OfficersPage />,
  [routes.roster]: () => <RosterPage />,
  [routes.calendar]: () => <CalendarPage />,
  [routes.catalog]: () => <CatalogPage />,
  [routes.cases]: () => <CasesPage />,
  [routes.reviews]: () => <ReviewsPage />,
  [routes.annualReports]: () => <AnnualReportsPage />,
  [routes.violationNotices]: () => <ViolationNoticesPage />,
  [routes.publications]: () => <PublicationsPage />,
  [routes.documentSettings]: () => <DocumentSettingsPage />,
  [routes.inspectionItems]: () => <InspectionItemsPage />,
  [routes.inspectionEntities]: () => <EntitiesPage />,
  [routes.inspectors]: () => <InspectorsPage />,
  [routes.inspectionPlans]: () => <InspectionPlansPage />,
  [routes.inspectionTasks]: () => <InspectionTasksPage />,
  [routes.stats]: () => (
    <Suspense fallback={<FullPageSpin />}>
      <StatsPage />
    </Suspense>
  ),
  [routes.archives]: () => <ArchivesPage />,
  [routes.evaluations]: () => <EvaluationsPage />,
  [routes.profile]: () => <ProfilePage />,
};

function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

/** Signed-in pages: the permission check mirrors the menu, so a typed-in URL shows 无权访问 rather than a broken page. */
function SignedInPage({ path, permissions }: { path: string; permissions: readonly string[] }) {
  const render = PAGES[path];
  if (!render) return <NotFoundPage />;
  const required = NAV_ITEMS.find((item) => item.path === path)?.permission;
  if (required && !permissions.includes(required)) return <ForbiddenPage />;
  return <>{render()}</>;
}

export function AppRoutes() {
  const { path, search } = useLocation();
  const { state, reload } = useSession();
  const onLoginPage = path === routes.login;

  // Not signed in: remember where the person wanted to go and ask them to log in.
  useEffect(() => {
    if (state.status === 'anonymous' && !onLoginPage) navigate(loginUrl(currentRelativeUrl()), { replace: true });
  }, [state.status, onLoginPage]);

  if (onLoginPage) return <LoginPage next={search.get('next')} />;
  if (state.status === 'loading' || state.status === 'anonymous') return <FullPageSpin />;
  if (state.status === 'error') {
    return (
      <Result
        status="error"
        title="无法连接服务器"
        subTitle={state.error.message}
        extra={
          <Button type="primary" onClick={() => void reload()}>
            重试
          </Button>
        }
      />
    );
  }
  // Until an administrator-set password is replaced, nothing else is reachable.
  if (state.me.user.mustChangePassword) return <ForcePasswordChangePage />;

  return (
    <UnitsProvider>
      <ConsoleLayout path={path}>
        <SignedInPage path={path} permissions={state.me.permissions} />
      </ConsoleLayout>
    </UnitsProvider>
  );
}

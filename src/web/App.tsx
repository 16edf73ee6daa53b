import {
  ActionIcon,
  AppShell,
  Badge,
  Burger,
  Button,
  Center,
  Group,
  Loader,
  NavLink,
  ScrollArea,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBuildingBank,
  IconChartBar,
  IconCalendarEvent,
  IconClipboardCheck,
  IconClipboardList,
  IconListSearch,
  IconInbox,
  IconMailForward,
  IconMailOpened,
  IconListCheck,
  IconLogout,
  IconMessageReport,
  IconMoodSad,
  IconMoodSmile,
  IconNotebook,
  IconPackageExport,
  IconReportAnalytics,
  IconSearch,
  IconSignature,
  IconSettings,
  IconUsers,
  IconWorld,
} from '@tabler/icons-react';
import { lazy, Suspense, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { ROLE_LABELS } from '../core/dossier/labels.ts';
import type { Role } from '../core/dossier/states.ts';
import { homeFor, useLang, useSession } from './context.tsx';
import { DeskIntakePage } from './pages/DeskIntake.tsx';
import { DossierPage } from './pages/DossierPage.tsx';
import { FeedbackPage } from './pages/Feedback.tsx';
import { LoginPage } from './pages/Login.tsx';
import { OnlineQueuePage } from './pages/OnlineQueue.tsx';
import { QueuesPage } from './pages/Queues.tsx';
import { RegisterPage } from './pages/Register.tsx';
import { ReturnResultsPage } from './pages/ReturnResults.tsx';
import { SearchPage } from './pages/Search.tsx';
import { TrackPage } from './pages/Track.tsx';
import { HolidaysPage } from './pages/admin/Holidays.tsx';
import { PublicationsPage } from './pages/admin/Publications.tsx';
import { ReviewPage, ReviewQueuePage } from './pages/admin/Review.tsx';
import { StaffPage } from './pages/admin/Staff.tsx';
import { WorkflowPage } from './pages/admin/Workflow.tsx';
import { ReformReportPage } from './pages/reform/ReformReport.tsx';
import { ReformReportsPage } from './pages/reform/ReformReports.tsx';
// PAR index (reform/par)
import { ParRoundsPage } from './pages/reform/par/ParRounds.tsx';
import { ParSetEditorPage } from './pages/reform/par/ParSetEditor.tsx';
import { ParRoundPage } from './pages/reform/par/ParRound.tsx';
import { ParAssessmentPage } from './pages/reform/par/ParAssessment.tsx';
// Remediation tasks and the reform dashboard (reform/remediation)
import { RemediationListPage } from './pages/reform/remediation/RemediationList.tsx';
import { RemediationTaskPage } from './pages/reform/remediation/RemediationTask.tsx';
import { ReformDashboardPage } from './pages/reform/dashboard/ReformDashboard.tsx';
import { ReformUnitPage } from './pages/reform/dashboard/ReformUnit.tsx';
import { VerifySignaturesPage } from './pages/VerifySignatures.tsx';
import { KioskPage } from './pages/ratings/Kiosk.tsx';
import { FollowUpsPage } from './pages/ratings/FollowUps.tsx';

// The service-index screens (charts) load on demand, out of the main bundle.
const InspectionRoutes = lazy(() => import('./pages/reform/inspections/InspectionRoutes.tsx').then((m) => ({ default: m.InspectionRoutes })));
const DocumentsRoutes = lazy(() => import('./pages/documents/DocumentsRoutes.tsx').then((m) => ({ default: m.DocumentsRoutes })));
const MonitoringRoutes = lazy(() => import('./pages/monitoring/MonitoringRoutes.tsx').then((m) => ({ default: m.MonitoringRoutes })));

export function App() {
  return (
    <Routes>
      <Route path="/dang-nhap" element={<LoginPage />} />
      <Route path="/tra-cuu" element={<TrackPage />} />
      <Route path="/kiosk" element={<RequireAuth><KioskPage /></RequireAuth>} />
      <Route path="/*" element={<RequireAuth><Shell /></RequireAuth>} />
    </Routes>
  );
}

function RequireAuth({ children }: { children: ReactNode }) {
  const { me, loading, ensure } = useSession();
  const location = useLocation();
  const { t } = useLang();
  useEffect(() => ensure(), [ensure]);
  if (loading) {
    return (
      <Center h="100vh">
        <Loader role="status" aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (!me) return <Navigate to={`/dang-nhap?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}

export function LangSwitch() {
  const { lang, setLang, t } = useLang();
  return (
    <SegmentedControl
      size="xs"
      value={lang}
      onChange={(v) => setLang(v === 'en' ? 'en' : 'vi')}
      data={[
        { value: 'vi', label: 'VI' },
        { value: 'en', label: 'EN' },
      ]}
      aria-label={t('app.language')}
      data-testid="lang-switch"
    />
  );
}

function HeaderSearch() {
  const { t } = useLang();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (q.trim().length >= 2) navigate(`/tim-kiem?q=${encodeURIComponent(q.trim())}`);
  };
  return (
    <form onSubmit={submit} role="search" style={{ flex: 1, maxWidth: 380 }}>
      <TextInput
        aria-label={t('app.search.label')}
        placeholder={t('app.search.placeholder')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        leftSection={<IconSearch size={16} aria-hidden />}
        size="sm"
        data-testid="header-search"
      />
    </form>
  );
}

function Shell() {
  const { me, logout, hasRole } = useSession();
  const { t, lang } = useLang();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  useEffect(() => close(), [location.pathname, close]);
  if (!me) return null;
  const roles = [...new Set(me.assignments.map((a) => a.role))];
  const agencyNames = [...new Set(me.assignments.map((a) => a.agencyName))];
  const path = location.pathname;
  const nav = (to: string, label: string, icon: ReactNode, testid: string, active = path.startsWith(to)) => (
    <NavLink component={Link} to={to} label={label} leftSection={icon} active={active} data-testid={testid} />
  );
  const staffWork = hasRole('desk_officer', 'specialist', 'leader', 'province_admin', 'unit_admin', 'inspector', 'reform_officer');
  const admin = hasRole('unit_admin', 'province_admin');
  // The document office (văn bản đến/đi): the staff roles that act as a leader, clerk or specialist there.
  const documents = hasRole('leader', 'desk_officer', 'unit_admin', 'specialist');

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 250, breakpoint: 'md', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" gap="md" wrap="nowrap" justify="space-between">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label={t('app.menu')} />
            <Link to={homeFor(me)} style={{ textDecoration: 'none', color: 'inherit' }}>
              <Group gap={8} wrap="nowrap">
                <IconBuildingBank size={28} color="var(--mantine-color-blue-8)" aria-hidden />
                <Stack gap={0} visibleFrom="sm">
                  <Text fw={700} size="md" lh={1.1}>
                    {t('app.title')}
                  </Text>
                  <Text size="xs" c="dimmed" lh={1.1}>
                    {t('app.subtitle')}
                  </Text>
                </Stack>
              </Group>
            </Link>
          </Group>
          <HeaderSearch />
          <Group gap="sm" wrap="nowrap">
            <Stack gap={0} align="flex-end" visibleFrom="sm" data-testid="header-user">
              <Text size="sm" fw={600} lh={1.2}>
                {me.fullName}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2} maw={300} truncate="end" title={agencyNames.join('; ')}>
                {agencyNames.join('; ')}
              </Text>
              <Group gap={4} aria-label={t('app.roles')}>
                {roles.map((r) => (
                  <Badge key={r} size="xs" variant="light" style={{ textTransform: 'none' }}>
                    {ROLE_LABELS[r as Role]?.[lang] ?? r}
                  </Badge>
                ))}
              </Group>
            </Stack>
            <LangSwitch />
            <Tooltip label={t('app.logout')}>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t('app.logout')}
                data-testid="logout"
                onClick={async () => {
                  await logout();
                  navigate('/dang-nhap');
                }}
              >
                <IconLogout size={18} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Menu">
        {/* The list scrolls on its own when it is longer than the screen (a desk officer at 1366×768). */}
        <AppShell.Section grow component={ScrollArea} type="auto">
          {hasRole('desk_officer') && nav('/tiep-nhan', t('nav.intake'), <IconInbox size={18} aria-hidden />, 'nav-intake')}
          {hasRole('desk_officer') && nav('/ho-so-truc-tuyen', t('nav.online'), <IconWorld size={18} aria-hidden />, 'nav-online')}
          {staffWork && nav('/hang-doi/mine', t('nav.queues'), <IconListCheck size={18} aria-hidden />, 'nav-queues', path.startsWith('/hang-doi'))}
          {hasRole('desk_officer') && nav('/tra-ket-qua', t('nav.return'), <IconPackageExport size={18} aria-hidden />, 'nav-return')}
          {hasRole('desk_officer', 'specialist', 'leader', 'unit_admin') && nav('/phan-anh', t('nav.feedback'), <IconMessageReport size={18} aria-hidden />, 'nav-feedback')}
          {hasRole('desk_officer') && nav('/kiosk', t('kiosk.nav'), <IconMoodSmile size={18} aria-hidden />, 'nav-kiosk')}
          {hasRole('desk_officer', 'leader', 'unit_admin') && nav('/y-kien-danh-gia', t('fu.nav'), <IconMoodSad size={18} aria-hidden />, 'nav-follow-ups')}
          {documents && nav('/van-ban/den', t('doc.nav.incoming'), <IconMailOpened size={18} aria-hidden />, 'nav-doc-incoming')}
          {documents && nav('/van-ban/di', t('doc.nav.outgoing'), <IconMailForward size={18} aria-hidden />, 'nav-doc-outgoing')}
          {staffWork && nav('/so-theo-doi', t('nav.register'), <IconNotebook size={18} aria-hidden />, 'nav-register')}
          {staffWork && nav('/chi-so', t('mon.nav'), <IconChartBar size={18} aria-hidden />, 'nav-monitoring', path === '/chi-so' || path.startsWith('/chi-so/'))}
          {staffWork && nav('/bao-cao-cchc', t('reform.nav'), <IconReportAnalytics size={18} aria-hidden />, 'nav-reform')}
          {staffWork && nav('/chi-so-cchc', t('par.nav'), <IconReportAnalytics size={18} aria-hidden />, 'nav-par', path.startsWith('/chi-so-cchc'))}
          {staffWork && nav('/khac-phuc', t('remed.nav'), <IconListCheck size={18} aria-hidden />, 'nav-remediation', path.startsWith('/khac-phuc'))}
          {staffWork && nav('/tong-quan-cchc', t('rdash.nav'), <IconChartBar size={18} aria-hidden />, 'nav-reform-dashboard', path.startsWith('/tong-quan-cchc'))}
          {hasRole('inspector', 'reform_officer', 'province_admin', 'leader', 'unit_admin') && nav('/kiem-tra-cchc', t('insp.nav'), <IconClipboardCheck size={18} aria-hidden />, 'nav-inspections')}
          {nav('/chu-ky-so', t('nav.signatures'), <IconSignature size={18} aria-hidden />, 'nav-signatures')}
          {admin && (
            <NavLink label={t('nav.admin')} leftSection={<IconSettings size={18} aria-hidden />} defaultOpened childrenOffset={24}>
              {nav('/quan-tri/thu-tuc', t('nav.admin.publications'), <IconClipboardList size={16} aria-hidden />, 'nav-admin-publications', path.startsWith('/quan-tri/thu-tuc') || path.startsWith('/quan-tri/quy-trinh'))}
              {nav('/quan-tri/ra-soat', t('nav.admin.review'), <IconListSearch size={16} aria-hidden />, 'nav-admin-review')}
              {nav('/quan-tri/can-bo', t('nav.admin.staff'), <IconUsers size={16} aria-hidden />, 'nav-admin-staff')}
              {hasRole('province_admin') && nav('/quan-tri/ngay-nghi', t('nav.admin.holidays'), <IconCalendarEvent size={16} aria-hidden />, 'nav-admin-holidays')}
            </NavLink>
          )}
        </AppShell.Section>
        <AppShell.Section>
          <NavLink component="a" href="/tra-cuu" target="_blank" label={t('nav.track')} leftSection={<IconSearch size={16} aria-hidden />} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Routes>
          <Route path="/" element={<Navigate to={homeFor(me)} replace />} />
          <Route path="/tiep-nhan" element={<DeskIntakePage />} />
          <Route path="/ho-so-truc-tuyen" element={<OnlineQueuePage />} />
          <Route path="/hang-doi" element={<Navigate to="/hang-doi/mine" replace />} />
          <Route path="/hang-doi/:view" element={<QueuesPage />} />
          <Route path="/ho-so/:id" element={<DossierPage />} />
          <Route path="/tra-ket-qua" element={<ReturnResultsPage />} />
          <Route path="/phan-anh" element={<Navigate to="/phan-anh/all" replace />} />
          <Route path="/phan-anh/:view" element={<FeedbackPage />} />
          <Route path="/y-kien-danh-gia" element={<FollowUpsPage />} />
          <Route path="/so-theo-doi" element={<RegisterPage />} />
          <Route path="/van-ban/*" element={<Suspense fallback={<Loader role="status" aria-label={t('app.loading')} />}><DocumentsRoutes /></Suspense>} />
          <Route path="/chi-so/*" element={<Suspense fallback={<Loader role="status" aria-label={t('app.loading')} />}><MonitoringRoutes /></Suspense>} />
          <Route path="/bao-cao-cchc" element={<ReformReportsPage />} />
          <Route path="/bao-cao-cchc/:id" element={<ReformReportPage />} />
          <Route path="/chi-so-cchc" element={<ParRoundsPage />} />
          <Route path="/chi-so-cchc/bo-tieu-chi/:id" element={<ParSetEditorPage />} />
          <Route path="/chi-so-cchc/:id" element={<ParRoundPage />} />
          <Route path="/chi-so-cchc/:id/don-vi/:agencyId" element={<ParAssessmentPage />} />
          <Route path="/khac-phuc" element={<RemediationListPage />} />
          <Route path="/khac-phuc/:id" element={<RemediationTaskPage />} />
          <Route path="/tong-quan-cchc" element={<ReformDashboardPage />} />
          <Route path="/tong-quan-cchc/don-vi/:agencyId" element={<ReformUnitPage />} />
          <Route path="/kiem-tra-cchc/*" element={<Suspense fallback={<Loader role="status" aria-label={t('app.loading')} />}><InspectionRoutes /></Suspense>} />
          <Route path="/tim-kiem" element={<SearchPage />} />
          <Route path="/chu-ky-so" element={<VerifySignaturesPage />} />
          <Route path="/quan-tri" element={<Navigate to="/quan-tri/thu-tuc" replace />} />
          <Route path="/quan-tri/thu-tuc" element={<PublicationsPage />} />
          <Route path="/quan-tri/quy-trinh/:publicationId" element={<WorkflowPage />} />
          <Route path="/quan-tri/ra-soat" element={<ReviewQueuePage />} />
          <Route path="/quan-tri/ra-soat/:code" element={<ReviewPage />} />
          <Route path="/quan-tri/can-bo" element={<StaffPage />} />
          <Route path="/quan-tri/ngay-nghi" element={<HolidaysPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </AppShell.Main>
    </AppShell>
  );
}

function NotFound() {
  const { t } = useLang();
  return (
    <Stack>
      <Title order={2}>{t('app.notFound')}</Title>
      <Button component={Link} to="/" w="fit-content">
        {t('app.backHome')}
      </Button>
    </Stack>
  );
}

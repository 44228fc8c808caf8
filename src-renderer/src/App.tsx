// The shell: app name, main navigation, start-up banners, and the screen on
// show inside an error boundary. It starts the app (boot), applies the theme,
// and after each navigation moves focus to the new screen's heading.
import { lazy, Suspense, useEffect, useLayoutEffect, useRef } from 'react';
import { BuyerLog } from './components/BuyerLog';
import { ErrorBoundary } from './components/ErrorBoundary';
import { ProblemsBanner } from './components/ProblemsBanner';
import { RecoveryBanners } from './components/RecoveryBanner';
import { Toasts } from './components/Toasts';
import { focusScreenHeading } from './lib/focus';
import { applyTheme } from './lib/theme';
import { Gallery } from './screens/Gallery';
import { Meeting } from './screens/Meeting';
import { Settings } from './screens/Settings';
import { useStore, type Screen } from './store';

// The screens with charts load their code (recharts, mostly) after the first
// screen is up, so a start only parses what the gallery needs.
const loadReport = () => import('./screens/Report');
const loadHistory = () => import('./screens/History');
const Report = lazy(() => loadReport().then((m) => ({ default: m.Report })));
const History = lazy(() => loadHistory().then((m) => ({ default: m.History })));
const loadScoreCall = () => import('./screens/ScoreCall');
const ScoreCall = lazy(() => loadScoreCall().then((m) => ({ default: m.ScoreCall })));
const loadTeam = () => import('./screens/team');
const TeamSetup = lazy(() => loadTeam().then((m) => ({ default: m.TeamSetup })));
const TeamRoleplay = lazy(() => loadTeam().then((m) => ({ default: m.TeamRoleplay })));
const TeamBoard = lazy(() => loadTeam().then((m) => ({ default: m.TeamBoard })));
const loadDrills = () => import('./screens/drills');
const Drills = lazy(() => loadDrills().then((m) => ({ default: m.Drills })));
const QuickDrill = lazy(() => loadDrills().then((m) => ({ default: m.QuickDrill })));
const Track = lazy(() => loadDrills().then((m) => ({ default: m.Track })));
const CertificateView = lazy(() => loadDrills().then((m) => ({ default: m.Certificate })));

const TITLES: Readonly<Record<Screen, string>> = {
  gallery: 'Choose a buyer',
  meeting: 'Meeting',
  report: 'Session report',
  history: 'History',
  settings: 'Settings',
  call: 'Score a call',
  team: 'Team roleplay',
  teamRoleplay: 'Team roleplay in progress',
  teamBoard: 'Team board',
  drills: 'Drills',
  quickDrill: 'Quick drill',
  track: 'Track',
  certificate: 'Certificate',
};

type Section = 'practise' | 'team' | 'drills' | 'call' | 'history' | 'settings';

/** The nav button of the screen on show; a report has none of its own. */
const SECTION: Readonly<Record<Screen, Section | null>> = {
  gallery: 'practise',
  meeting: 'practise',
  report: null,
  history: 'history',
  settings: 'settings',
  call: 'call',
  team: 'team',
  teamRoleplay: 'team',
  teamBoard: 'team',
  drills: 'drills',
  quickDrill: 'drills',
  track: 'drills',
  certificate: 'drills',
};

function ScreenView({ screen }: { readonly screen: Screen }) {
  switch (screen) {
    case 'gallery':
      return <Gallery />;
    case 'meeting':
      return <Meeting />;
    case 'report':
      return <Report />;
    case 'history':
      return <History />;
    case 'settings':
      return <Settings />;
    case 'call':
      return <ScoreCall />;
    case 'team':
      return <TeamSetup />;
    case 'teamRoleplay':
      return <TeamRoleplay />;
    case 'teamBoard':
      return <TeamBoard />;
    case 'drills':
      return <Drills />;
    case 'quickDrill':
      return <QuickDrill />;
    case 'track':
      return <Track />;
    case 'certificate':
      return <CertificateView />;
  }
}

export function App() {
  const screen = useStore((s) => s.screen);
  const navSeq = useStore((s) => s.navSeq);
  const theme = useStore((s) => s.settings?.theme ?? 'system');
  const boot = useStore((s) => s.boot);
  const bootErrors = useStore((s) => s.bootErrors);
  const navigate = useStore((s) => s.navigate);
  const goPractise = useStore((s) => s.goPractise);
  const goTeam = useStore((s) => s.goTeam);
  const reportFrom = useStore((s) => s.reportFrom);
  const firstNav = useRef(navSeq);

  useEffect(() => void boot(), [boot]);

  // Fetch the other screens' code once the first screen is up and the page is
  // idle, so it never competes with the first screen for the CPU.
  const booted = useStore((s) => s.booted);
  useEffect(() => {
    if (!booted) return;
    const fetchRest = () =>
      void Promise.all([loadReport(), loadHistory(), loadScoreCall(), loadTeam(), loadDrills()]);
    if (typeof requestIdleCallback === 'function') {
      const idle = requestIdleCallback(fetchRest, { timeout: 2000 });
      return () => cancelIdleCallback(idle);
    }
    const timer = setTimeout(fetchRest, 500);
    return () => clearTimeout(timer);
  }, [booted]);

  useEffect(() => applyTheme(theme), [theme]);

  useEffect(() => {
    document.title = `${TITLES[screen]} · First Meeting`;
  }, [screen]);

  // Before the browser paints: the control the rep was on may have gone with the
  // old screen, and focus must not rest on the page meanwhile.
  useLayoutEffect(() => {
    // Not on first paint: only when the rep (or a result) moved them somewhere.
    if (navSeq === firstNav.current) return;
    window.scrollTo({ top: 0 });
    focusScreenHeading();
  }, [navSeq]);

  const section = SECTION[screen];
  // A report opened from History is a page within History; a new report belongs to no button.
  const within =
    screen === 'report' && reportFrom !== 'practise'
      ? reportFrom === 'team'
        ? 'team'
        : 'history'
      : null;
  const current = (target: Section) =>
    section === target ? 'page' : within === target ? 'true' : undefined;
  const navButton = (label: string, target: Section, go: () => void) => (
    <li>
      <button type="button" className="nav-button" aria-current={current(target)} onClick={go}>
        {label}
      </button>
    </li>
  );

  return (
    // The meeting fills the window (the conversation scrolls); other screens scroll as pages.
    <div
      className={
        screen === 'meeting'
          ? 'app app-fill'
          : screen === 'teamRoleplay'
            ? 'app app-presenter'
            : 'app'
      }
    >
      <a
        href="#main"
        className="skip-link"
        onClick={(event) => {
          event.preventDefault();
          focusScreenHeading();
        }}
      >
        Skip to content
      </a>
      <header className="app-header">
        <p className="app-name">First Meeting</p>
        <nav aria-label="Main" className="main-nav">
          <ul>
            {navButton('Practise', 'practise', goPractise)}
            {navButton('Team roleplay', 'team', goTeam)}
            {navButton('Drills', 'drills', () => navigate('drills'))}
            {navButton('Score a call', 'call', () => navigate('call'))}
            {navButton('History', 'history', () => navigate('history'))}
            {navButton('Settings', 'settings', () => navigate('settings'))}
          </ul>
        </nav>
      </header>
      <main id="main" className="app-main">
        <div className="banners-inline">
          <RecoveryBanners />
          <ProblemsBanner />
          {bootErrors.map((message) => (
            <div key={message} role="alert" className="alert">
              <p>{message}</p>
            </div>
          ))}
        </div>
        <ErrorBoundary key={`${screen}-${navSeq}`}>
          <Suspense
            fallback={
              <p className="loading" data-loading="" tabIndex={-1}>
                Loading…
              </p>
            }
          >
            <ScreenView screen={screen} />
          </Suspense>
        </ErrorBoundary>
      </main>
      <Toasts />
      <BuyerLog />
    </div>
  );
}

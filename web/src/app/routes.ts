import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { PageKey } from '../features/layout/pages';
import { matchPath } from './router';

/*
 * Each page is its own chunk, loaded when first visited: the first screen downloads the
 * shell and one page, and the charting library only comes with a page that draws charts.
 */

type PageComponent = ComponentType<{ readonly params: Record<string, string> }>;

/** A lazily loaded page that can also be fetched ahead of rendering (the module is loaded once either way). */
type Page = LazyExoticComponent<PageComponent> & { readonly preload: () => Promise<unknown> };

function page<K extends string>(load: () => Promise<Record<K, PageComponent>>, name: K): Page {
  return Object.assign(
    lazy(async () => ({ default: (await load())[name] })),
    { preload: load },
  );
}

export interface Route {
  readonly pattern: string;
  readonly page: PageKey;
  /** A sub-page's own name for the document title ("Escalation ESC-12"); the page's name otherwise. */
  readonly title?: (params: Record<string, string>) => string;
  readonly component: Page;
}

export const ROUTES: readonly Route[] = [
  { pattern: '/', page: 'overview', component: page(() => import('../features/overview/OverviewPage'), 'OverviewPage') },
  { pattern: '/stages', page: 'stages', component: page(() => import('../features/stages/StagesPage'), 'StagesPage') },
  { pattern: '/timeliness', page: 'timeliness', component: page(() => import('../features/timeliness/TimelinessPage'), 'TimelinessPage') },
  { pattern: '/themes', page: 'themes', component: page(() => import('../features/themes/ThemesPage'), 'ThemesPage') },
  { pattern: '/escalations', page: 'escalations', component: page(() => import('../features/escalations/EscalationsPage'), 'EscalationsPage') },
  {
    pattern: '/escalations/:id',
    page: 'escalations',
    title: () => 'Escalation',
    component: page(() => import('../features/escalations/EscalationPage'), 'EscalationPage'),
  },
  { pattern: '/imports', page: 'imports', component: page(() => import('../features/imports/ImportsPage'), 'ImportsPage') },
  { pattern: '/strategic-log', page: 'strategic-log', component: page(() => import('../features/strategic-log/StrategicLogPage'), 'StrategicLogPage') },
  {
    pattern: '/strategic-log/:id',
    page: 'strategic-log',
    title: () => 'Strategic log entry',
    component: page(() => import('../features/strategic-log/LogEntryPage'), 'LogEntryPage'),
  },
  { pattern: '/learning', page: 'learning', component: page(() => import('../features/learning/LearningPage'), 'LearningPage') },
  {
    pattern: '/learning/:id',
    page: 'learning',
    title: () => 'Learning item',
    component: page(() => import('../features/learning/LearningItemPage'), 'LearningItemPage'),
  },
  {
    pattern: '/learning/:id/briefing',
    page: 'learning',
    title: () => '7-minute briefing',
    component: page(() => import('../features/learning/BriefingPage'), 'BriefingPage'),
  },
  { pattern: '/reminders', page: 'reminders', component: page(() => import('../features/reminders/RemindersPage'), 'RemindersPage') },
  { pattern: '/scrutiny', page: 'scrutiny', component: page(() => import('../features/scrutiny/ScrutinyPage'), 'ScrutinyPage') },
  { pattern: '/national', page: 'national', component: page(() => import('../features/national/NationalPage'), 'NationalPage') },
  { pattern: '/protocols', page: 'protocols', component: page(() => import('../features/protocols/ProtocolsPage'), 'ProtocolsPage') },
  { pattern: '/audit', page: 'audit', component: page(() => import('../features/audit/AuditPage'), 'AuditPage') },
];

export interface MatchedRoute {
  readonly route: Route;
  readonly params: Record<string, string>;
}

export function matchRoute(pathname: string): MatchedRoute | null {
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, pathname);
    if (params) return { route, params };
  }
  return null;
}

/**
 * Starts downloading the page a URL names straight away, while the app is still asking
 * who is signed in, so that the first screen does not wait for the two one after the other.
 */
export function preloadRoute(pathname: string): void {
  void matchRoute(pathname)?.route.component.preload().catch(() => undefined);
}

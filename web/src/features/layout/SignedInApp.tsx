import { Suspense, useEffect, useRef } from 'react';
import { matchRoute } from '../../app/routes';
import { navigate, useLocation } from '../../app/router';
import { LoadError, LoadingMessage } from '../../components/QueryStatus';
import type { Viewer } from '../auth/auth.graphql';
import { SessionEnded } from '../auth/SessionEnded';
import { isSignedOut } from '../auth/session-errors';
import { SignedInUser } from '../auth/SignedInUser';
import { parseFilters, serialiseFilters } from '../filters/filters';
import { AppFrame, MAIN_ID } from './AppFrame';
import { ErrorBoundary } from './ErrorBoundary';
import { homePageFor, mayUse, pageByKey, pagesFor } from './pages';
import { PrimaryNav } from './PrimaryNav';
import { DashboardContext, type DashboardContextQuery } from './use-dashboard-context';

/** The signed-in app: the role's pages in the navigation, the shared filters, and the page the URL names. */
export function SignedInApp({ viewer, context }: { readonly viewer: Viewer; readonly context: DashboardContextQuery }) {
  const { pathname, search } = useLocation();
  const matched = matchRoute(pathname);
  const pages = pagesFor(viewer.role);
  const allowed = matched !== null && mayUse(viewer.role, matched.route.page);
  const home = homePageFor(viewer.role);
  const pageName = !matched ? 'Page not found' : !allowed ? 'Not available' : (matched.route.title?.(matched.params) ?? pageByKey(matched.route.page).name);
  useFocusOnNavigation(pathname);

  // "/" is the overview; a role without one (administrators) is taken to its own first page.
  const redirectHome = pathname === '/' && matched !== null && !allowed && home.path !== '/';
  useEffect(() => {
    if (redirectHome) navigate(home.path, { replace: true });
  }, [redirectHome, home.path]);

  const partnerships = context.data?.partnerships ?? [];
  const partnershipName = viewer.partnershipId ? (partnerships.find((p) => p.id === viewer.partnershipId)?.name ?? null) : null;
  const filterQuery = serialiseFilters(parseFilters(search));
  const Page = allowed ? matched.route.component : null;

  return (
    <AppFrame
      title={pageName}
      account={<SignedInUser viewer={viewer} partnershipName={partnershipName} />}
      beforeMain={<PrimaryNav pages={pages} current={matched?.route.page ?? null} filterQuery={filterQuery} />}
    >
      {context.loading ? (
        <LoadingMessage>Loading…</LoadingMessage>
      ) : isSignedOut(context.error) ? (
        <SessionEnded />
      ) : context.error || !context.data ? (
        <LoadError title="Your partnership's details could not be loaded" detail={context.error?.message ?? 'The server sent no data.'} onRetry={() => void context.refetch()} />
      ) : (
        <DashboardContext.Provider value={{ viewer, partnerships }}>
          {Page && matched ? (
            <ErrorBoundary key={pathname}>
              <Suspense fallback={<LoadingMessage>Loading the page…</LoadingMessage>}>
                <Page params={matched.params} />
              </Suspense>
            </ErrorBoundary>
          ) : redirectHome ? null : (
            <NotAvailable found={matched !== null} homePath={home.path} homeName={home.name} />
          )}
        </DashboardContext.Provider>
      )}
    </AppFrame>
  );
}

function NotAvailable({ found, homePath, homeName }: { readonly found: boolean; readonly homePath: string; readonly homeName: string }) {
  return (
    <>
      <h1 className="heading-xl">{found ? 'This page is not available to your role' : 'Page not found'}</h1>
      <p>
        {found
          ? 'Your role does not give access to this page. If you need it, ask your partnership’s administrator.'
          : 'If you typed the web address, check it is correct. If you pasted it, check you copied the whole address.'}
      </p>
      <p>
        <a href={homePath}>Go to {homeName}</a>
      </p>
    </>
  );
}

/**
 * After a change of page (not of filters), focus moves to the main content, so that a
 * screen-reader or keyboard user starts reading at the new page rather than at the link
 * they used; the document title names the page.
 */
function useFocusOnNavigation(pathname: string): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById(MAIN_ID)?.focus({ preventScroll: false });
    window.scrollTo(0, 0);
  }, [pathname]);
}

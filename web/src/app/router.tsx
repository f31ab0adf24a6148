import { useCallback, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

/*
 * A small router over the browser's History API: the app has a handful of pages and keeps
 * its state in the query string, so it needs no more than the location, a way to change
 * it, and links that change it without reloading. Links are real <a href>s, so opening
 * one in a new tab, copying it or bookmarking it works as anywhere else.
 */

export interface AppLocation {
  readonly pathname: string;
  /** The query string with its "?" ("" when there is none). */
  readonly search: string;
}

const NAVIGATE_EVENT = 'app:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

/** The location as one string, so that the snapshot is stable between changes. */
function snapshot(): string {
  return `${window.location.pathname}${window.location.search}`;
}

export function splitHref(href: string): AppLocation {
  const queryAt = href.indexOf('?');
  return queryAt < 0 ? { pathname: href, search: '' } : { pathname: href.slice(0, queryAt), search: href.slice(queryAt) };
}

/** The current location; re-renders on every navigation and on Back/Forward. */
export function useLocation(): AppLocation {
  const href = useSyncExternalStore(subscribe, snapshot, () => '/');
  return splitHref(href);
}

/** Goes to `to` (a path with an optional query string) without reloading. */
export function navigate(to: string, options: { readonly replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** The query string's parameters, and a setter that writes a new query string (pushing a history entry). */
export function useSearchParams(): [URLSearchParams, (next: URLSearchParams | string, options?: { readonly replace?: boolean }) => void] {
  const { pathname, search } = useLocation();
  const setParams = useCallback(
    (next: URLSearchParams | string, options: { readonly replace?: boolean } = {}) => {
      const query = typeof next === 'string' ? next : next.toString();
      navigate(query ? `${pathname}?${query}` : pathname, options);
    },
    [pathname],
  );
  return [new URLSearchParams(search), setParams];
}

/** Whether a click should be left to the browser (new tab, new window, download…). */
function isModifiedClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  return event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey;
}

interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  readonly to: string;
  readonly children: ReactNode;
}

/** An ordinary link that, on a plain click, changes page without a reload. */
export function Link({ to, onClick, target, children, ...rest }: LinkProps) {
  return (
    <a
      {...rest}
      href={to}
      target={target}
      onClick={(event) => {
        onClick?.(event);
        if (event.defaultPrevented || isModifiedClick(event) || (target && target !== '_self')) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

/** Matches `/escalations/:id`-style patterns; returns the named parts, or null. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const patternParts = pattern.split('/').filter(Boolean);
  const pathParts = pathname.replace(/\/+$/, '').split('/').filter(Boolean);
  if (patternParts.length !== pathParts.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of patternParts.entries()) {
    const actual = pathParts[index]!;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(actual);
    else if (part !== actual) return null;
  }
  return params;
}

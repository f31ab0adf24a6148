import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Headless Chromium for the browser tests. playwright-core ships no browser of its own;
 * the tests drive the system's Chromium (the Debian/Ubuntu `chromium` package).
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM_PATH}, and there is none. ` +
        'Install it (e.g. `apt-get install chromium`) or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** The WCAG 2.0, 2.1 and 2.2 level A and AA rules: what the product promises (DASHBOARD.md). */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] as const;

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AccessibilityViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  /** CSS selectors of the offending elements, with axe's summary of what to fix. */
  readonly nodes: readonly { readonly target: string; readonly failureSummary: string }[];
}

/**
 * Runs axe-core in the page as it stands and returns its WCAG 2.x A/AA violations,
 * trimmed to what a failing test message needs (an empty array means none).
 */
export async function checkAccessibility(page: Page): Promise<AccessibilityViolation[]> {
  // Evaluated through the DevTools protocol, not as an inline <script>: the app's content security policy forbids those.
  await page.evaluate(axeSource);
  const results = await page.evaluate(
    async (tags) => (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<AxeResults> } }).axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    }),
    [...WCAG_AA_TAGS],
  );
  return results.violations.map((violation: Result) => ({
    id: violation.id,
    impact: violation.impact ?? null,
    help: violation.help,
    nodes: violation.nodes.map((node) => ({
      target: node.target.map(String).join(' '),
      failureSummary: node.failureSummary ?? '',
    })),
  }));
}

/**
 * Collects every content-security-policy violation the page reports, from the console
 * and from `securitypolicyviolation` events; call before the first navigation.
 */
export async function watchCspViolations(page: Page): Promise<() => Promise<string[]>> {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text())) seen.push(message.text());
  });
  await page.addInitScript(() => {
    const found: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = found;
    document.addEventListener('securitypolicyviolation', (event) => found.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return async () => [
    ...seen,
    ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])),
  ];
}

/** A browser context that sends this session cookie to the app, as after signing in. */
export function sessionCookieFor(appUrl: string, cookie: string): { name: string; value: string; url: string } {
  const [name, value] = cookie.split('=') as [string, string];
  return { name, value, url: appUrl };
}

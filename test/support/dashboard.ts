import { generateDemoData, type DemoPartnershipSummary } from '@escalation-insights/database';
import type { UserRole } from '@escalation-insights/shared';
import type { BrowserContext, Page } from 'playwright-core';
import { createUser, type TestUser } from './sign-in.js';
import type { TestApp } from './test-app.js';

/*
 * What the dashboard's browser tests share: demo-like data at a small size, a fixed
 * "now" for the app and the browser alike, and signing in through the form.
 */

/** The moment the demo data ends at, the app's clock and the browser's. Today is then 20 November 2026 in London. */
export const DASHBOARD_AS_OF = new Date('2026-11-20T12:00:00.000Z');
/** The default period as at DASHBOARD_AS_OF: the twelve complete months before November 2026. */
export const DEFAULT_PERIOD = { from: '2025-11-01', to: '2026-11-01' } as const;
export const DASHBOARD_PASSWORD = 'a password long enough';

const DEMO = { size: 1500, seed: 6006, asOf: DASHBOARD_AS_OF, childKeySecret: 'escalation-insights-development-child-key-secret' } as const;

/** Writes the demo data; returns the partnership with the most escalations (the one to sign in to). */
export async function seedDashboardDemo(databaseUrl: string): Promise<DemoPartnershipSummary> {
  const summary = await generateDemoData(databaseUrl, DEMO);
  return [...summary.partnerships].sort((a, b) => b.escalations - a.escalations)[0]!;
}

/** A user of each role with a password: partnership roles in `partnershipId`, the others in none. */
export async function createRoleUsers(databaseUrl: string, partnershipId: string): Promise<Record<UserRole, TestUser>> {
  const roles: UserRole[] = ['business_unit', 'executive', 'improvement_group', 'scrutineer', 'administrator', 'national_viewer'];
  const users = {} as Record<UserRole, TestUser>;
  for (const role of roles) {
    const ownPartnership = role === 'administrator' || role === 'national_viewer' ? null : partnershipId;
    users[role] = await createUser(databaseUrl, role, { partnershipId: ownPartnership, password: DASHBOARD_PASSWORD });
  }
  return users;
}

/** A browser context whose clock stands at DASHBOARD_AS_OF, as the app's does. */
export async function fixClock(context: BrowserContext): Promise<void> {
  await context.clock.setFixedTime(DASHBOARD_AS_OF);
}

/** Signs in through the form on whatever page asks for it. */
export async function signInThroughForm(page: Page, email: string, password: string = DASHBOARD_PASSWORD): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The names of the pages in the navigation, in order. */
export async function navigationPages(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Pages' }).getByRole('link').allTextContents();
}

/** Runs a GraphQL operation as the same user the browser is signed in as, with the session the browser holds. */
export async function graphqlAsBrowser<T>(app: TestApp, page: Page, query: string, variables?: object): Promise<T> {
  const cookies = await page.context().cookies(app.url);
  const cookie = cookies.map((item) => `${item.name}=${item.value}`).join('; ');
  const response = await app.request<T>(query, variables, cookie);
  if (response.body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(response.body.errors)}`);
  return response.body.data!;
}

/** Text as a reader sees it: runs of white space (including no-break spaces) as one space. */
export function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

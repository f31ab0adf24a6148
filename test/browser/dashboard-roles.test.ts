import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { UserRole } from '@escalation-insights/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { checkAccessibility, launchBrowser, watchCspViolations } from '../support/browser.js';
import { createRoleUsers, fixClock, navigationPages, seedDashboardDemo, signInThroughForm, squash } from '../support/dashboard.js';
import type { TestUser } from '../support/sign-in.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { DASHBOARD_AS_OF } from '../support/dashboard.js';

/*
 * Signing in to the dashboard as each role: the header says who, in which partnership and
 * role; the navigation offers only the pages the role may use; a page outside them says
 * so instead of showing it.
 */

const RECORD_LEVEL_PAGES = ['Overview', 'Stages', 'Timeliness', 'Themes', 'Escalations', 'Strategic log', 'Learning', 'Reminders', 'Scrutiny', 'Protocols'];
const BUSINESS_UNIT_PAGES = ['Overview', 'Stages', 'Timeliness', 'Themes', 'Escalations', 'Import', 'Strategic log', 'Learning', 'Reminders', 'Scrutiny', 'Protocols'];
const AGGREGATE_PAGES = ['Overview', 'Stages', 'Timeliness', 'Themes', 'Strategic log', 'Learning', 'Reminders', 'Protocols'];

const EXPECTED: Record<UserRole, { readonly pages: string[]; readonly role: string; readonly landing: string; readonly heading: string }> = {
  business_unit: { pages: BUSINESS_UNIT_PAGES, role: 'Business unit', landing: '/', heading: 'Overview' },
  scrutineer: { pages: [...RECORD_LEVEL_PAGES, 'Audit trail'], role: 'Independent scrutineer', landing: '/', heading: 'Overview' },
  executive: { pages: AGGREGATE_PAGES, role: 'Partnership executive', landing: '/', heading: 'Overview' },
  improvement_group: { pages: AGGREGATE_PAGES, role: 'Practice improvement group', landing: '/', heading: 'Overview' },
  administrator: { pages: ['Protocols', 'Audit trail'], role: 'Administrator', landing: '/protocols', heading: 'Escalation protocols' },
  national_viewer: { pages: ['National picture', 'Protocols'], role: 'National viewer', landing: '/national', heading: 'National picture' },
};

describe('the dashboard for each role', () => {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  let users: Record<UserRole, TestUser>;
  let partnershipName: string;

  beforeAll(async () => {
    app = await startTestApp({
      serveWeb: true,
      clock: () => new Date(DASHBOARD_AS_OF),
      outcomeRefreshMinutes: 0,
      seed: async (url) => {
        const partnership = await seedDashboardDemo(url);
        partnershipName = partnership.name;
        users = await createRoleUsers(url, partnership.partnershipId);
      },
    });
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const signedInPage = async (role: UserRole): Promise<{ context: BrowserContext; page: Page; csp: () => Promise<string[]> }> => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    await fixClock(context);
    const page = await context.newPage();
    const csp = await watchCspViolations(page);
    await page.goto(app!.url);
    await signInThroughForm(page, users[role].email);
    return { context, page, csp };
  };

  it.each(Object.keys(EXPECTED) as UserRole[])('signs in a %s: who, where and which pages, and nothing else', async (role) => {
    const expected = EXPECTED[role];
    const { context, page, csp } = await signedInPage(role);
    try {
      await page.getByRole('heading', { name: expected.heading, level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe(expected.landing);
      expect(await navigationPages(page)).toEqual(expected.pages);
      const account = squash(await page.locator('.account__who').textContent());
      const partnership = users[role].partnershipId ? partnershipName : 'all partnerships';
      expect(account).toBe(`Signed in as Test ${role} ${expected.role}, ${partnership}`);
      expect(await page.locator('[aria-current="page"]').textContent()).toBe(expected.pages[0]);
      expect(await csp()).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('tells an executive that the escalations are not for their role, rather than showing them', async () => {
    const { context, page } = await signedInPage('executive');
    try {
      await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
      await page.goto(`${app!.url}/escalations`);
      await page.getByRole('heading', { name: 'This page is not available to your role', level: 1 }).waitFor();
      expect(await page.locator('table').count()).toBe(0);
      expect(await checkAccessibility(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('says when a page does not exist', async () => {
    const { context, page } = await signedInPage('scrutineer');
    try {
      await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
      await page.goto(`${app!.url}/no-such-page`);
      await page.getByRole('heading', { name: 'Page not found', level: 1 }).waitFor();
      expect(await checkAccessibility(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps the page asked for through signing in, and returns to the sign-in form on signing out', async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    await fixClock(context);
    const page = await context.newPage();
    try {
      await page.goto(`${app!.url}/timeliness?period=last-quarter`);
      await signInThroughForm(page, users.improvement_group.email);
      await page.getByRole('heading', { name: 'Timeliness', level: 1 }).waitFor();
      expect(new URL(page.url()).search).toBe('?period=last-quarter');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    } finally {
      await context.close();
    }
  });
});

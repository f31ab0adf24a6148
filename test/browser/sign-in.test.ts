import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DUDLEY } from '@escalation-insights/shared';
import type { Browser, Page } from 'playwright-core';
import { checkAccessibility, launchBrowser, watchCspViolations } from '../support/browser.js';
import { insertPartnership } from '../support/fixtures.js';
import { createUser, type TestUser } from '../support/sign-in.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { withClient } from '../support/test-database.js';

/*
 * Signing in and out in headless Chromium, with the content security policy the server
 * sends: the built web app must run under it without a single violation.
 */

const PASSWORD = 'a password long enough';

describe('signing in to the web app', () => {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let user: TestUser;
  let cspViolations: () => Promise<string[]>;

  beforeAll(async () => {
    app = await startTestApp({
      serveWeb: true,
      seed: async (url) => {
        const { partnershipId } = await insertPartnership(url, { template: DUDLEY });
        user = await createUser(url, 'scrutineer', { partnershipId, password: PASSWORD });
      },
    });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    cspViolations = await watchCspViolations(page);
    const response = await page.goto(app.url);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const signIn = async (email: string, password: string) => {
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  it('asks a signed-out visitor to sign in, accessibly', async () => {
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
  });

  it('says so when the password is wrong, and stays on the form', async () => {
    await signIn(user.email, 'not the password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('The email or password is not right');
    expect(await checkAccessibility(page)).toEqual([]);
  });

  it('shows the overview once signed in, with who is signed in in the header', async () => {
    await signIn(user.email, PASSWORD);
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    await page.getByText('Independent scrutineer, Dudley Safeguarding Children Board').waitFor();
    expect(await page.locator('.account__name').textContent()).toBe('Test scrutineer');
    const cookies = await page.context().cookies();
    expect(cookies.map(({ name, httpOnly, sameSite }) => ({ name, httpOnly, sameSite }))).toEqual([
      { name: 'ei_session', httpOnly: true, sameSite: 'Strict' },
    ]);
  });

  it('keeps the session over a reload', async () => {
    await page.reload();
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  });

  it('signs out for good: back to the form, the session revoked on the server', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    const sessions = await withClient(app!.databaseUrl, async (client) =>
      (await client.query('SELECT revoked_at IS NOT NULL AS revoked FROM user_session WHERE user_id = $1', [user.id])).rows,
    );
    expect(sessions).toEqual([{ revoked: true }]);
    expect(await page.context().cookies()).toEqual([]);
  });

  it('offers to sign in again when the session ends while a page is open', async () => {
    await signIn(user.email, PASSWORD);
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    await withClient(app!.databaseUrl, (client) => client.query('UPDATE user_session SET revoked_at = now() WHERE user_id = $1', [user.id]));
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
  });

  it('ran under the content security policy without a single violation', async () => {
    expect(await cspViolations()).toEqual([]);
  });
});

import type { InstalledPartnership } from '@escalation-insights/database';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DUDLEY } from '@escalation-insights/shared';
import type { Browser, Page } from 'playwright-core';
import { checkAccessibility, launchBrowser, watchCspViolations } from '../support/browser.js';
import { DASHBOARD_AS_OF, DASHBOARD_PASSWORD, fixClock, navigationPages, signInThroughForm, squash } from '../support/dashboard.js';
import { insertPartnership } from '../support/fixtures.js';
import { createUser } from '../support/sign-in.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/*
 * The business unit brings a small escalation log in through the Import page: uploads the
 * CSV, says which column is which and how dates are written, sees every problem by row
 * and column, says what the file's own spellings mean, checks again, imports, watches the
 * progress, and finds the escalations in the list. axe-core finds no WCAG 2.2 A/AA
 * violation at any step.
 */

const LOG = [
  'Ref,Date Raised,Raised By,Escalated To,Area of disagreement,Priority,Status,Date closed,What happened',
  "IMP-001,10/03/2026 09:30,Health,Children's Social Care,course of action,Routine,Resolved,12/03/2026,Decision to close the case disputed",
  'IMP-002,17/03/2026,School,Police,info sharing,Urgent,Open,,"Information not shared before a strategy meeting, twice"',
  'IMP-003,24/03/2026 14:00,Police,Health,Thresholds,Routine,Open,,Referral not accepted',
].join('\r\n');

describe('the import page', () => {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let csp: () => Promise<string[]>;
  let dudley: InstalledPartnership;
  let unitEmail: string;
  let executiveEmail: string;

  beforeAll(async () => {
    app = await startTestApp({
      serveWeb: true,
      clock: () => new Date(DASHBOARD_AS_OF),
      outcomeRefreshMinutes: 0,
      seed: async (url) => {
        dudley = await insertPartnership(url, { template: DUDLEY, code: 'import-page', name: 'Import Page Partnership' });
        unitEmail = (await createUser(url, 'business_unit', { partnershipId: dudley.partnershipId, password: DASHBOARD_PASSWORD })).email;
        executiveEmail = (await createUser(url, 'executive', { partnershipId: dudley.partnershipId, password: DASHBOARD_PASSWORD })).email;
      },
    });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await fixClock(context);
    page = await context.newPage();
    csp = await watchCspViolations(page);
    await page.goto(app.url);
    await signInThroughForm(page, unitEmail);
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const results = () => page.locator('.import-results');
  const problemRows = async () =>
    (await page.getByRole('table', { name: /^Problems, by row/ }).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (td) => td.textContent ?? ''))));

  it('is in the business unit’s navigation, and opens accessibly', async () => {
    expect(await navigationPages(page)).toContain('Import');
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'Import escalations', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/imports');
    expect(await checkAccessibility(page)).toEqual([]);
  });

  it('reads the uploaded file and shows each column with its first values, to map', async () => {
    await page.getByLabel('File to import').setInputFiles({ name: 'Escalation log March 2026.csv', mimeType: 'text/csv', buffer: Buffer.from(LOG, 'utf8') });
    await page.getByRole('group', { name: 'Which column is which' }).waitFor();
    await page.getByText('Escalation log March 2026.csv (CSV)').waitFor();
    const mapping = page.getByRole('group', { name: 'Which column is which' }).locator('table tbody tr');
    expect(await mapping.locator('th').allTextContents()).toEqual(['Ref', 'Date Raised', 'Raised By', 'Escalated To', 'Area of disagreement', 'Priority', 'Status', 'Date closed', 'What happened']);
    expect(squash(await mapping.nth(0).locator('td').first().textContent())).toBe('IMP-001 · IMP-002 · IMP-003');
    await expect(page.getByLabel('What "Raised By" holds').inputValue()).resolves.toBe('RAISING_AGENCY');
    expect(await checkAccessibility(page)).toEqual([]);
  });

  it('checks every row after the mapping, and lists each problem by row and column', async () => {
    await page.getByLabel('What "What happened" holds').selectOption({ label: 'Summary' });
    await page.getByLabel('Day first, as in the UK: 24/02/2025').check();
    await page.getByLabel('How it was raised').selectOption({ label: 'Email' });
    await page.getByRole('button', { name: 'Check every row' }).click();
    await results().getByRole('heading', { name: 'Some rows have problems: nothing has been imported.' }).waitFor();
    await page.getByRole('table', { name: /^Problems, by row/ }).locator('tbody tr').first().waitFor();
    // The header is row 1: IMP-002 is row 3, IMP-003 row 4.
    expect((await problemRows()).map(([row, column, value]) => [row, column, value])).toEqual([
      ['3', 'Raised By', 'School'],
      ['3', 'Area of disagreement', 'info sharing'],
      ['4', 'Area of disagreement', 'Thresholds'],
    ]);
    expect(squash(await results().textContent())).toMatch(/\b1 new escalation(?!s)/);
    expect(squash(await results().textContent())).toContain('2 rows with 3 problems');
    expect(await checkAccessibility(page)).toEqual([]);
  });

  it('takes what the file’s own spellings mean, and finds every row ready on the second check', async () => {
    await page.getByLabel('What "School" means').selectOption({ label: 'Education' });
    await page.getByLabel('What "info sharing" means').selectOption({ label: 'Information sharing or provision of services' });
    await page.getByLabel('What "Thresholds" means').selectOption({ label: 'Whether an agency should be involved, including how referral criteria or thresholds are applied' });
    await page.getByRole('button', { name: 'Check every row' }).click();
    await results().getByRole('heading', { name: 'Every row is ready to import.' }).waitFor();
    expect(squash(await results().textContent())).toContain('3 new escalations');
    await expect(page.getByRole('table', { name: /^Problems, by row/ }).count()).resolves.toBe(0);
    expect(await checkAccessibility(page)).toEqual([]);
  });

  it('imports, showing the progress while it runs and the result after', async () => {
    // Every state the results pass through, however briefly.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __importStates: string[] }).__importStates = seen;
      const record = () => {
        const text = document.querySelector('.import-results')?.textContent ?? '';
        if (seen.at(-1) !== text) seen.push(text);
      };
      new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('button', { name: 'Import 3 escalations' }).click();
    await results().getByRole('heading', { name: 'Imported.' }).waitFor();
    const states = await page.evaluate(() => (window as unknown as { __importStates: string[] }).__importStates);
    const running = states.filter((text) => text.startsWith('Importing…'));
    expect(running.length).toBeGreaterThan(0);
    expect(running.some((text) => /rows checked|Working out the timescales/.test(text))).toBe(true);
    expect(squash(await results().textContent())).toContain('3 new escalations');
    await expect(page.getByRole('button', { name: 'Check every row' }).isDisabled()).resolves.toBe(true);
    expect(await checkAccessibility(page)).toEqual([]);
  });

  it('shows the imported escalations in the list, one of them opened with its summary', async () => {
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Escalations' }).click();
    await page.getByRole('heading', { name: 'Escalations', level: 1 }).waitFor();
    await page.locator('.result-count', { hasText: '3 escalations' }).waitFor();
    expect((await page.locator('.escalation-table tbody th').allTextContents()).sort()).toEqual(['IMP-001', 'IMP-002', 'IMP-003']);
    await page.getByRole('link', { name: 'IMP-002', exact: true }).click();
    await page.getByRole('heading', { name: 'Escalation IMP-002', level: 1 }).waitFor();
    await page.getByText('Information not shared before a strategy meeting, twice').waitFor();
    expect(await csp()).toEqual([]);
  });

  it('is not offered to an executive, and says so when asked for', async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    await fixClock(context);
    const executive = await context.newPage();
    try {
      await executive.goto(app!.url);
      await signInThroughForm(executive, executiveEmail);
      await executive.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
      expect(await navigationPages(executive)).not.toContain('Import');
      await executive.goto(`${app!.url}/imports`);
      await executive.getByRole('heading', { name: 'This page is not available to your role', level: 1 }).waitFor();
      await expect(executive.locator('input[type="file"]').count()).resolves.toBe(0);
    } finally {
      await context.close();
    }
  });
});

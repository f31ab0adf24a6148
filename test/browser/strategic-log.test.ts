import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { checkAccessibility, launchBrowser, watchCspViolations } from '../support/browser.js';
import { DASHBOARD_AS_OF, DEFAULT_PERIOD, createRoleUsers, fixClock, graphqlAsBrowser, seedDashboardDemo, signInThroughForm, squash } from '../support/dashboard.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/*
 * The strategic escalation log in headless Chromium over demo-like data: the business
 * unit raises an entry from a theme signal on the Themes page and lands on it; an
 * executive records a response and moves it under review, which its status history then
 * shows with who did it; the overview flags entries past their review date as the API
 * counts them; and axe-core finds no WCAG 2.2 A/AA violation on any of the new screens.
 */

interface Signal {
  readonly categoryCode: string;
  readonly receivingAgencyId: string;
  readonly categoryLabel: string;
  readonly receivingAgencyName: string;
  readonly escalationCount: { readonly value: number | null };
}

const SIGNALS = `query($filter: AnalyticsFilter!) { themeSignals(filter: $filter) { signals {
  categoryCode receivingAgencyId categoryLabel receivingAgencyName escalationCount { value } } } }`;
const LOG = `query($partnershipId: ID!) { strategicLog(partnershipId: $partnershipId, limit: 100) { items {
  id status completedOn theme { categoryCode receivingAgencyId } } } }`;
const ENTRY = `query($partnershipId: ID!, $id: ID!) { strategicLogEntry(partnershipId: $partnershipId, id: $id) {
  title status executiveResponse linkedEscalationCount { value } statusHistory { toStatus changedBy note } } }`;
const OVERDUE = `query($partnershipId: ID!) { overdueLogEntries(partnershipId: $partnershipId) { count } }`;

describe('the strategic log pages', () => {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  let partnershipId: string;
  let emails: { unit: string; executive: string; improvement: string };
  let entryId: string;
  const csp = new Map<Page, () => Promise<string[]>>();

  const open = async (email: string): Promise<Page> => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    await fixClock(context);
    const page = await context.newPage();
    csp.set(page, await watchCspViolations(page));
    await page.goto(app!.url);
    await signInThroughForm(page, email);
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    return page;
  };

  /** Checks the page broke no content security policy, then closes it. */
  const finish = async (page: Page): Promise<void> => {
    expect(await csp.get(page)!()).toEqual([]);
    await page.context().close();
  };

  beforeAll(async () => {
    app = await startTestApp({
      serveWeb: true,
      clock: () => new Date(DASHBOARD_AS_OF),
      outcomeRefreshMinutes: 0,
      // Three people work through several pages from one address within a minute or two: not what the rate limits are for.
      auth: { signInAttemptsPerMinute: 1_000 },
      queryLimits: { costPerMinute: 10_000_000 },
      seed: async (url) => {
        const partnership = await seedDashboardDemo(url);
        partnershipId = partnership.partnershipId;
        const users = await createRoleUsers(url, partnershipId);
        emails = { unit: users.business_unit.email, executive: users.executive.email, improvement: users.improvement_group.email };
      },
    });
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('raises an entry from a theme signal on the Themes page, and opens it with the signal\'s escalations linked', async () => {
    const unit = await open(emails.unit);
    await unit.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Themes' }).click();
    await unit.getByRole('heading', { name: 'Themes', level: 1 }).waitFor();
    const filter = { ...DEFAULT_PERIOD, partnershipIds: [partnershipId] };
    const { themeSignals } = await graphqlAsBrowser<{ themeSignals: { signals: Signal[] } }>(app!, unit, SIGNALS, { filter });
    const { strategicLog } = await graphqlAsBrowser<{ strategicLog: { items: { status: string; theme: { categoryCode: string; receivingAgencyId: string } | null }[] } }>(
      app!, unit, LOG, { partnershipId },
    );
    const onLog = new Set(strategicLog.items.filter((entry) => entry.status !== 'CLOSED' && entry.theme).map((entry) => `${entry.theme!.categoryCode}/${entry.theme!.receivingAgencyId}`));
    const signal = themeSignals.signals.find((candidate) => !onLog.has(`${candidate.categoryCode}/${candidate.receivingAgencyId}`));
    expect(signal).toBeDefined();
    const themeName = `${signal!.categoryLabel} with ${signal!.receivingAgencyName}`;

    await unit.getByRole('button', { name: `Add to strategic log for ${themeName}` }).click();
    await unit.waitForURL(/\/strategic-log\/\d+$/);
    entryId = unit.url().split('/').at(-1)!;
    await unit.getByRole('heading', { name: `Strategic log entry ${themeName}`, level: 1 }).waitFor();
    const { strategicLogEntry } = await graphqlAsBrowser<{ strategicLogEntry: { title: string; linkedEscalationCount: { value: number } } }>(
      app!, unit, ENTRY, { partnershipId, id: entryId },
    );
    expect(strategicLogEntry.title).toBe(themeName);
    expect(strategicLogEntry.linkedEscalationCount.value).toBe(signal!.escalationCount.value);
    await unit.getByRole('region', { name: 'Linked escalations' }).waitFor();
    expect(await unit.getByRole('region', { name: 'Linked escalations' }).getByRole('row').count()).toBe(signal!.escalationCount.value! + 1);
    expect(await checkAccessibility(unit)).toEqual([]);

    // Raising it again says it is on the log already and links to the entry.
    await unit.goBack();
    await unit.getByRole('button', { name: `Add to strategic log for ${themeName}` }).click();
    await unit.getByText('This theme is already on the strategic log.').waitFor();
    expect(await unit.getByRole('link', { name: 'Open its entry' }).getAttribute('href')).toBe(`/strategic-log/${entryId}`);

    await unit.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Strategic log' }).click();
    await unit.getByRole('heading', { name: 'Strategic log', level: 1 }).waitFor();
    await unit.getByRole('link', { name: themeName }).waitFor();
    expect(await checkAccessibility(unit)).toEqual([]);
    await finish(unit);
  });

  it('records an executive response, which the status history shows with who and when', async () => {
    const executive = await open(emails.executive);
    await executive.goto(`${app!.url}/strategic-log/${entryId}`);
    await executive.getByRole('heading', { name: 'The executive’s response', level: 2 }).waitFor();
    expect(await executive.getByRole('button', { name: /Add to strategic log/ }).count()).toBe(0);
    expect(await executive.getByRole('heading', { name: 'Keep the entry up to date' }).count()).toBe(0);
    expect(await executive.getByRole('region', { name: 'Linked escalations' }).count()).toBe(0);
    expect(await checkAccessibility(executive)).toEqual([]);

    await executive.getByLabel('Response', { exact: true }).fill('The agencies are asked for a joint analysis by the next meeting.');
    await executive.getByLabel('Status', { exact: true }).selectOption('UNDER_REVIEW');
    await executive.getByLabel('Why the status changes').fill('Needs a joint analysis first.');
    await executive.getByRole('button', { name: 'Record the response' }).click();
    await executive.getByText('Response recorded; the entry is now under review.').waitFor();

    const history = executive.getByRole('region', { name: 'Status changes of the entry, oldest first' });
    await history.getByRole('cell', { name: 'Needs a joint analysis first.' }).waitFor();
    const lastRow = await history.getByRole('row').last().locator('th, td').allTextContents();
    expect(lastRow.map(squash)).toEqual(['20 November 2026 at 12:00', 'Open to Under review', 'Test executive', 'Needs a joint analysis first.']);
    expect(squash(await executive.locator('.escalation-tags').textContent())).toContain('Under review');
    const { strategicLogEntry } = await graphqlAsBrowser<{ strategicLogEntry: { status: string; executiveResponse: string; statusHistory: { toStatus: string; changedBy: string }[] } }>(
      app!, executive, ENTRY, { partnershipId, id: entryId },
    );
    expect(strategicLogEntry).toMatchObject({ status: 'UNDER_REVIEW', executiveResponse: 'The agencies are asked for a joint analysis by the next meeting.' });
    expect(strategicLogEntry.statusHistory.at(-1)).toMatchObject({ toStatus: 'UNDER_REVIEW', changedBy: 'Test executive' });
    expect(await checkAccessibility(executive)).toEqual([]);

    // The overview's panel counts what the API counts.
    await executive.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Overview' }).click();
    const panel = executive.getByRole('region', { name: 'Strategic log entries past their review date', exact: true });
    await panel.waitFor();
    const { overdueLogEntries } = await graphqlAsBrowser<{ overdueLogEntries: { count: number } }>(app!, executive, OVERDUE, { partnershipId });
    if (overdueLogEntries.count === 0) await panel.getByText('None: every open entry is within its review date.').waitFor();
    else await panel.getByText(`${overdueLogEntries.count} ${overdueLogEntries.count === 1 ? 'entry' : 'entries'} past review date`).waitFor();
    expect(await checkAccessibility(executive)).toEqual([]);
    await finish(executive);
  });

  it('shows "Has it worked?" for a completed entry to the improvement group, without escalation detail', async () => {
    const improvement = await open(emails.improvement);
    const { strategicLog } = await graphqlAsBrowser<{ strategicLog: { items: { id: string; completedOn: string | null; theme: unknown }[] } }>(
      app!, improvement, LOG, { partnershipId },
    );
    const completed = strategicLog.items.find((entry) => entry.completedOn && entry.theme);
    expect(completed).toBeDefined();
    await improvement.goto(`${app!.url}/strategic-log/${completed!.id}`);
    await improvement.getByRole('heading', { name: /^Has it worked\?/, level: 2 }).waitFor();
    await improvement.getByRole('table', { name: 'Escalations on the theme before and after completion' }).waitFor();
    expect(await improvement.getByRole('button', { name: 'Record the response' }).count()).toBe(0);
    expect(await checkAccessibility(improvement)).toEqual([]);
    await finish(improvement);
  });
});

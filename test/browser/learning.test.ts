import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DUDLEY, type UserRole } from '@escalation-insights/shared';
import type { Browser, Page } from 'playwright-core';
import { insertEscalations, insertFixturePartnership, type FixtureEscalation } from '../support/analytics-fixture.js';
import { checkAccessibility, launchBrowser, watchCspViolations } from '../support/browser.js';
import { DASHBOARD_AS_OF, createRoleUsers, fixClock, signInThroughForm, squash } from '../support/dashboard.js';
import { extractPdfText } from '../support/pdf-text.js';
import type { TestUser } from '../support/sign-in.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/*
 * Learning in headless Chromium: the business unit starts a learning item from an
 * escalation's page; the improvement group adds an action that is already overdue, writes
 * the briefing, finishes the action and completes the item; everyone downloads the
 * 7-minute briefing as a PDF whose text (read back out of the PDF by pdf.js) is the
 * briefing; the printable page prints without the app around it; an executive sees the
 * count of escalations, not which; and axe-core finds no WCAG 2.2 A/AA violation.
 * "Today" is 20 November 2026 for the app and the browser alike.
 */

const TITLE = 'Strategy discussions requested but not convened';
const ESCALATIONS: FixtureEscalation[] = [
  { reference: 'LRN-001', raisedAt: '2026-09-01T09:00:00.000Z', raising: "Children's Social Care", receiving: 'Police', category: 'strategy_discussion_refused', urgency: 'urgent', stages: ['1', '2'], status: 'resolved', closedAt: '2026-09-03T09:00:00.000Z' },
  { reference: 'LRN-002', raisedAt: '2026-10-01T09:00:00.000Z', raising: 'Health', receiving: 'Police', category: 'strategy_discussion_refused', urgency: 'standard', stages: ['1'], status: 'open' },
];

describe('the learning pages', () => {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  let users: Record<UserRole, TestUser>;
  let escalationId: string;
  let itemUrl: string;
  const csp = new Map<Page, () => Promise<string[]>>();

  const open = async (role: UserRole): Promise<Page> => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await fixClock(context);
    const page = await context.newPage();
    csp.set(page, await watchCspViolations(page));
    await page.goto(app!.url);
    await signInThroughForm(page, users[role].email);
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    return page;
  };

  /** Ends a page's session, after checking that it met no content-security-policy violation. */
  const close = async (page: Page): Promise<void> => {
    expect(await csp.get(page)!()).toEqual([]);
    await page.context().close();
  };

  beforeAll(async () => {
    app = await startTestApp({
      serveWeb: true,
      clock: () => new Date(DASHBOARD_AS_OF),
      outcomeRefreshMinutes: 0,
      seed: async (url) => {
        const partnership = await insertFixturePartnership(url, DUDLEY, 'learning');
        escalationId = (await insertEscalations(url, partnership, ESCALATIONS)).get('LRN-001')!;
        users = await createRoleUsers(url, partnership.partnershipId);
      },
    });
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lets the business unit start a learning item from an escalation and refer it to the group', async () => {
    const page = await open('business_unit');
    await page.goto(`${app!.url}/escalations/${escalationId}`);
    await page.getByRole('heading', { name: 'Learning from this escalation', level: 2 }).waitFor();
    await page.getByText('No learning item has been drawn from this escalation yet.').waitFor();
    await page.getByText('Create a learning item', { exact: true }).click();
    await page.getByLabel('Title').fill(TITLE);
    await page.getByLabel('Procedure').check();
    await page.getByLabel('Refer it to').fill('Practice Improvement Working Group');
    await page.getByLabel('What the gap is').fill('Requests for a strategy discussion were turned down without a recorded reason.');
    expect(await checkAccessibility(page)).toEqual([]);
    await page.getByRole('button', { name: 'Create the learning item' }).click();
    await page.getByRole('heading', { name: `Learning item ${TITLE}`, level: 1 }).waitFor();
    itemUrl = new URL(page.url()).pathname;
    expect(itemUrl).toMatch(/^\/learning\/\d+$/);
    expect(squash(await page.locator('.learning-tags').textContent())).toBe('Open Procedure gap');
    expect(await page.getByRole('link', { name: 'LRN-001' }).isVisible()).toBe(true);
    await page.goto(`${app!.url}/escalations/${escalationId}`);
    await page.getByRole('link', { name: TITLE }).waitFor();
    await close(page);
  });

  it('lets the improvement group add an overdue action, flagged in words, write the briefing and complete the item', async () => {
    const page = await open('improvement_group');
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Learning' }).click();
    await page.getByRole('heading', { name: 'Learning', level: 1 }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(TITLE) });
    await row.waitFor();
    expect(squash(await row.textContent())).toBe(`${TITLE}ProcedureOpenPractice Improvement Working Group<5None open—`);
    await row.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { name: `Learning item ${TITLE}`, level: 1 }).waitFor();
    await page.getByText('Drawn from <5 escalations.', { exact: false }).waitFor();

    const add = page.getByRole('region', { name: 'Add an action' });
    await add.getByLabel('What is to be done').fill('Amend the strategy discussion procedure');
    await add.getByLabel('Owner').fill('Partnership business manager');
    await add.getByLabel('Due by (optional)').fill('2026-11-13');
    await add.getByRole('button', { name: 'Add the action' }).click();
    const action = page.locator('.learning-action', { hasText: 'Amend the strategy discussion procedure' });
    await action.waitFor();
    expect(squash(await action.locator('dl').textContent())).toBe(
      'OwnerPartnership business managerDue by13 November 2026 OverdueStatusNot startedEvidence of impactNone recorded yet',
    );
    expect(squash(await page.locator('.learning-tags').textContent())).toBe('Open Procedure gap 1 action overdue');
    await page.goto(`${app!.url}/learning?overdue=yes`);
    const overdueRow = page.getByRole('row', { name: new RegExp(TITLE) });
    await overdueRow.waitFor();
    expect(squash(await overdueRow.getByRole('cell').nth(4).textContent())).toBe('1 open action, 1 overdue');
    expect(await page.getByLabel('Only items with overdue actions').isChecked()).toBe(true);
    await page.goto(`${app!.url}${itemUrl}`);
    await page.getByRole('heading', { name: `Learning item ${TITLE}`, level: 1 }).waitFor();

    const edit = page.getByRole('form', { name: 'Edit the learning item' });
    await edit.getByLabel('Background').fill('Police asked for strategy discussions that were not held.');
    await edit.getByLabel('Why it matters').fill('Without one, agencies act on partial information.');
    await edit.getByLabel('What was found').fill('The procedure did not say who could ask for a strategy discussion.');
    await edit.getByLabel('What to do').fill('Any agency may ask; record a refusal with reasons the same day.');
    await edit.getByLabel('Questions to consider').fill('Who in your agency can request a strategy discussion?\nWhere is a refusal recorded?');
    await edit.getByLabel('Status').selectOption('IN_PROGRESS');
    await edit.getByRole('button', { name: 'Save the learning item' }).click();
    await edit.getByText('Learning item saved.').waitFor();
    expect(squash(await page.locator('.learning-tags').textContent())).toBe('In progress Procedure gap 1 action overdue');
    expect(await checkAccessibility(page)).toEqual([]);

    await action.getByText('Update this action').click();
    const form = action.getByRole('form');
    await form.getByLabel('Status').selectOption('DONE');
    await form.getByLabel('Date it was done').fill('2026-11-16');
    await form.getByLabel('Evidence of impact').fill('Revised procedure published and circulated.');
    await form.getByRole('button', { name: 'Save the action' }).click();
    await form.getByText('Action saved.').waitFor();
    expect(squash(await action.locator('dl').textContent())).toContain('StatusDone on 16 November 2026');

    const complete = page.getByRole('form', { name: 'Complete the learning item' });
    await complete.getByLabel('Date the work was finished').fill('2026-11-17');
    await complete.getByRole('button', { name: 'Complete the item' }).click();
    await page.getByRole('heading', { name: /^Has it worked\? / }).waitFor();
    expect(squash(await page.locator('.learning-tags').textContent())).toBe('Completed Procedure gap');
    expect(await checkAccessibility(page)).toEqual([]);

    await page.goto(`${app!.url}/learning`);
    await page.getByRole('row', { name: new RegExp(TITLE) }).waitFor();
    expect(await checkAccessibility(page)).toEqual([]);
    await close(page);
  });

  it('downloads the 7-minute briefing as a one-page PDF whose text is the briefing', async () => {
    const page = await open('executive');
    await page.goto(`${app!.url}${itemUrl}`);
    await page.getByRole('heading', { name: `Learning item ${TITLE}`, level: 1 }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the briefing (PDF)' }).click()]);
    expect(download.suggestedFilename()).toBe('7-minute-briefing-strategy-discussions-requested-but-not-convened.pdf');
    const { pages, pageTexts } = await extractPdfText(new Uint8Array(await readFile((await download.path())!)));
    expect(pages).toBe(1);
    const text = squash(pageTexts[0]);
    expect(text).toMatch(new RegExp(`^7-MINUTE BRIEFING ${TITLE} `));
    expect(text).toContain('Procedure learning · Referred to Practice Improvement Working Group · 20 November 2026');
    expect(text).toContain('Background Police asked for strategy discussions that were not held.');
    expect(text).toContain('Why it matters Without one, agencies act on partial information.');
    expect(text).toContain('What was found The procedure did not say who could ask for a strategy discussion.');
    expect(text).toContain('What to do Any agency may ask; record a refusal with reasons the same day.');
    expect(text).toContain('Questions to consider • Who in your agency can request a strategy discussion? • Where is a refusal recorded?');
    expect(text).not.toContain('LRN-00');
    await close(page);
  });

  it('shows the briefing as a printable page that prints without the app around it', async () => {
    const page = await open('scrutineer');
    await page.goto(`${app!.url}${itemUrl}/briefing`);
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Background', 'Why it matters', 'What was found', 'What to do', 'Questions to consider']);
    expect(await checkAccessibility(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.app-header', '.primary-nav', '.app-footer', '.briefing-tools']) expect([selector, await page.locator(selector).isVisible()]).toEqual([selector, false]);
    expect(await page.locator('.briefing').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect((await extractPdfText(new Uint8Array(pdf))).pages).toBe(1);
    await close(page);
  });

  it('shows an executive the count and theme of the escalations, not which, and no way to change the learning', async () => {
    const page = await open('executive');
    await page.goto(`${app!.url}${itemUrl}`);
    await page.getByRole('heading', { name: `Learning item ${TITLE}`, level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'LRN-001' }).count()).toBe(0);
    expect(await page.locator('main form').count()).toBe(0);
    expect(await page.getByText('Update this action').count()).toBe(0);
    expect(await checkAccessibility(page)).toEqual([]);
    await close(page);
  });
});

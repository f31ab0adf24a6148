import type { InstalledPartnership } from '@escalation-insights/database';
import { GLOUCESTERSHIRE_GSCP_2025 } from '@escalation-insights/shared';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { checkAccessibility, launchBrowser, watchCspViolations } from '../support/browser.js';
import { DASHBOARD_PASSWORD, signInThroughForm, squash } from '../support/dashboard.js';
import { Journey, TestClock } from '../support/escalation-api.js';
import { insertPartnership } from '../support/fixtures.js';
import { createUser, type TestUser } from '../support/sign-in.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/*
 * The Reminders and Scrutiny pages, and the "People named" section of an escalation, in
 * headless Chromium over three Gloucestershire escalations (the app's and the browser's
 * clock at Thursday 20 March 2025, 12:00 GMT):
 *
 * GL-1  raised 3 March, up to stage 3 (tier 4), resolved 10 March: nothing due.
 * GL-2  raised 4 March, up to stage 4 (tier 5), open: its joint plan was due 12 March 12:00 (passed).
 * GL-5  raised 20 March 09:00: line managers due by 21 March 09:00 (within the next working day).
 */

const NOW = '2025-03-20T12:00:00.000Z';

describe('the reminders and scrutiny pages', () => {
  const clock = new TestClock('2025-03-03T09:00:00.000Z');
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  let glos: InstalledPartnership;
  let users: Record<'unit' | 'executive' | 'improvement' | 'scrutineer', TestUser>;
  let gl2Id: string;
  const csp: (() => Promise<string[]>)[] = [];

  /** Closes the page's context once it has reported no content-security-policy violation. */
  const close = async (page: Page): Promise<void> => {
    expect(await csp.at(-1)!()).toEqual([]);
    await page.context().close();
  };

  const open = async (user: TestUser, path: string): Promise<Page> => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    await context.clock.setFixedTime(new Date(NOW));
    const page = await context.newPage();
    csp.push(await watchCspViolations(page));
    await page.goto(`${app!.url}${path}`);
    await signInThroughForm(page, user.email, DASHBOARD_PASSWORD);
    return page;
  };

  beforeAll(async () => {
    app = await startTestApp({
      serveWeb: true,
      clock: clock.now,
      outcomeRefreshMinutes: 0,
      seed: async (url) => {
        glos = await insertPartnership(url, { template: GLOUCESTERSHIRE_GSCP_2025 });
        const make = (role: 'business_unit' | 'executive' | 'improvement_group' | 'scrutineer') =>
          createUser(url, role, { partnershipId: glos.partnershipId, password: DASHBOARD_PASSWORD });
        users = { unit: await make('business_unit'), executive: await make('executive'), improvement: await make('improvement_group'), scrutineer: await make('scrutineer') };
      },
    });
    const unit = await app.as('business_unit', { partnershipId: glos.partnershipId });
    const input = (reference: string, raisedAt: string) => ({
      partnershipId: glos.partnershipId,
      reference,
      raisingAgencyId: glos.agencyIds['Police'],
      raisingRole: 'Detective sergeant',
      receivingAgencyId: glos.agencyIds["Children's Social Care"],
      categoryCode: 'agreed_actions',
      urgency: 'STANDARD',
      raisedVia: 'PHONE',
      summary: 'Agreed actions not done.',
      raisedAt,
    });
    const first = new Journey(unit, clock);
    await first.record(input('GL-1', '2025-03-03T09:00:00.000Z'));
    await first.milestone('LINE_MANAGER_CONTACTED', '2025-03-03T10:00:00.000Z');
    await first.milestone('FEEDBACK_GIVEN', '2025-03-03T11:00:00.000Z');
    await first.move('2', '2025-03-04T09:00:00.000Z');
    await first.move('3', '2025-03-05T09:00:00.000Z');
    await first.milestone('JOINT_PLAN_AGREED', '2025-03-07T09:00:00.000Z');
    await first.resolve('2025-03-10T09:00:00.000Z', { outcome: 'Joint plan agreed', writtenConfirmationGiven: true, feedbackGiven: true });
    const second = new Journey(unit, clock);
    await second.record(input('GL-2', '2025-03-04T09:00:00.000Z'));
    await second.move('2', '2025-03-04T12:00:00.000Z');
    await second.move('3', '2025-03-05T12:00:00.000Z');
    gl2Id = (await second.move('4', '2025-03-13T09:00:00.000Z')).id;
    await new Journey(unit, clock).record(input('GL-5', '2025-03-20T09:00:00.000Z'));
    clock.set(NOW);
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the business unit its passed and approaching deadlines, linked to their escalations, with no accessibility violation', async () => {
    const page = await open(users.unit, '/reminders');
    await page.getByRole('heading', { name: 'Reminders', level: 1 }).waitFor();
    const passed = page.getByRole('region', { name: 'Deadlines passed, target not yet reached, oldest first' });
    await passed.waitFor();
    expect(squash(await passed.locator('tbody').innerText())).toBe(
      'GL-2 Joint plan agreed within five working days of formal escalation Stage 3 12 March 2025 at 12:00',
    );
    const approaching = page.getByRole('region', { name: /^Deadlines due by 21 March 2025 at 12:00/ });
    expect(squash(await approaching.locator('tbody').innerText())).toBe('GL-5 Line managers involved within 24 hours Stage 1 21 March 2025 at 09:00');
    expect(await passed.getByRole('link', { name: 'GL-2' }).getAttribute('href')).toBe(`/escalations/${gl2Id}`);
    expect(await checkAccessibility(page)).toEqual([]);
    await close(page);
  });

  it('lets the business unit name people on an escalation, and those people then see its deadlines (without links)', async () => {
    const page = await open(users.unit, `/escalations/${gl2Id}`);
    const section = page.getByRole('region', { name: 'People named' });
    await section.getByText('Nobody is named on this escalation.').waitFor();
    await section.getByLabel('Name a person on this escalation').selectOption({ label: 'Test improvement_group (Practice improvement group)' });
    await section.getByRole('button', { name: 'Name this person' }).click();
    await section.getByRole('button', { name: 'Remove Test improvement_group' }).waitFor();
    await section.getByLabel('Name a person on this escalation').selectOption({ label: 'Test executive (Partnership executive)' });
    await section.getByRole('button', { name: 'Name this person' }).click();
    await section.getByRole('button', { name: 'Remove Test executive' }).waitFor();
    await section.getByRole('button', { name: 'Remove Test improvement_group' }).click();
    await section.getByRole('button', { name: 'Remove Test improvement_group' }).waitFor({ state: 'detached' });
    const named = section.getByRole('listitem');
    expect(await named.count()).toBe(1);
    expect(squash(await named.innerText())).toContain('Test executive, Partnership executive (named 20 March 2025)');
    expect(await checkAccessibility(page)).toEqual([]);
    await close(page);

    const executive = await open(users.executive, '/reminders');
    const passed = executive.getByRole('region', { name: 'Deadlines passed, target not yet reached, oldest first' });
    await passed.waitFor();
    expect(squash(await passed.locator('tbody').innerText())).toContain('GL-2 Joint plan agreed');
    expect(await passed.getByRole('link').count()).toBe(0);
    await executive.getByText('Nothing falls due within the next working day.').waitFor();
    expect(await checkAccessibility(executive)).toEqual([]);
    await close(executive);

    const improvement = await open(users.improvement, '/reminders');
    await improvement.getByRole('heading', { name: 'Nothing due', level: 2 }).waitFor();
    expect(await checkAccessibility(improvement)).toEqual([]);
    await close(improvement);
  });

  it('shows the scrutineer the tier 4–5 escalations of a chosen period, with requirements in words and each audit trail on request', async () => {
    const page = await open(users.scrutineer, '/scrutiny');
    await page.getByRole('heading', { name: 'Scrutiny', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'No escalation reached tier 4 or 5', level: 2 }).waitFor(); // the last 12 months end with February
    await page.getByLabel('Escalations raised in').selectOption({ label: 'Dates of your choosing' });
    await page.getByLabel('First day').fill('2025-03-01');
    await page.getByLabel('Last day').fill('2025-03-31');
    await page.getByRole('button', { name: 'Show escalations' }).click();
    await page.waitForURL(/\/scrutiny\?from=2025-03-01&to=2025-04-01$/);
    await page.getByRole('heading', { name: '2 escalations reached tier 4 or 5', level: 2 }).waitFor();

    const table = page.getByRole('region', { name: 'Escalations raised from 1 March 2025 to 31 March 2025 that reached tier 4 or 5' });
    const rows = table.locator('tbody > tr:not([hidden])');
    expect(await rows.count()).toBe(2);
    const first = squash(await rows.nth(0).innerText()); // each mark is hidden from screen readers, which read the words alone
    expect(first).toContain('GL-1 3 March 2025 1, 3, 4 Resolved Joint plan agreed 10 March 2025');
    expect(first).toContain('–Not required by this protocol ✓Met –Not required by this protocol ?Not recorded (no milestone shows it)');
    expect(squash(await rows.nth(1).innerText())).toContain('✗Missing at stage 1');

    // GL-2's trail: its journey, then what the tests before did to it (people named, the timeline viewed).
    const toggle = table.getByRole('button', { name: /^Show \d+ events of GL-2$/ });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    const trail = page.getByRole('list', { name: 'Audit trail of GL-2, oldest first' });
    await trail.waitFor();
    const events = (await trail.getByRole('listitem').allInnerTexts()).map(squash);
    expect(events.slice(0, 4)).toEqual([
      expect.stringMatching(/^4 March 2025 at 09:00: Recorded, by business-unit-/),
      expect.stringMatching(/^4 March 2025 at 12:00: Stage entered, by /),
      expect.stringMatching(/^5 March 2025 at 12:00: Stage entered, by /),
      expect.stringMatching(/^13 March 2025 at 09:00: Stage entered, by /),
    ]);
    expect(events).toContain(`20 March 2025 at 12:00: Person named, by ${users.unit.email}`);
    expect(await table.getByRole('button', { name: `Hide ${events.length} events of GL-2` }).getAttribute('aria-expanded')).toBe('true');
    const download = page.getByRole('link', { name: /^Download this review as CSV/ });
    expect(await download.getAttribute('href')).toBe(`/exports/scrutiny.csv?partnershipId=${glos.partnershipId}&from=2025-03-01&to=2025-04-01`);
    expect(await checkAccessibility(page)).toEqual([]);
    await close(page);
  });

  it('keeps the Scrutiny page from executives', async () => {
    const page = await open(users.executive, '/');
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Pages' });
    expect(await nav.getByRole('link', { name: 'Reminders' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Scrutiny' }).count()).toBe(0);
    await close(page);
  });
});

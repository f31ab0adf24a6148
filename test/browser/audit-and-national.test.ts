import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { UserRole } from '@escalation-insights/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { checkAccessibility, launchBrowser, watchCspViolations } from '../support/browser.js';
import {
  DASHBOARD_AS_OF,
  DEFAULT_PERIOD,
  createRoleUsers,
  fixClock,
  graphqlAsBrowser,
  navigationPages,
  seedDashboardDemo,
  signInThroughForm,
  squash,
} from '../support/dashboard.js';
import type { TestUser } from '../support/sign-in.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { withClient } from '../support/test-database.js';

/*
 * The audit trail page (scrutineers and administrators) and the national picture
 * (national viewers) in headless Chromium over the demo-like data: what they show is
 * what the API says to the same user, the chain can be verified from the page (and is
 * seen to break when an event is changed behind the app's back), and axe-core finds no
 * WCAG 2.2 A/AA violation.
 */

const TRAIL = `query($filter: AuditTrailFilter) { auditTrail(filter: $filter, first: 50) { totalCount events { id action actorLabel } } }`;
const VERIFY = `query($p: ID) { verifyAuditChain(partnershipId: $p) { valid eventsChecked } }`;
const NATIONAL = `query($filter: NationalFilter!) { nationalOverview(filter: $filter) {
  partnerships { name raised { display } open { display } } total { raised { display } open { display } } } }`;

interface Trail {
  auditTrail: { totalCount: number; events: { id: string; action: string; actorLabel: string }[] };
}

describe('the audit trail and the national picture', () => {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  let users: Record<UserRole, TestUser>;
  let partnershipId: string;
  let partnershipName: string;
  const contexts: BrowserContext[] = [];
  const csp: (() => Promise<string[]>)[] = [];

  const signedIn = async (role: UserRole, landing: string): Promise<Page> => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    await fixClock(context);
    const page = await context.newPage();
    csp.push(await watchCspViolations(page));
    await page.goto(app!.url);
    await signInThroughForm(page, users[role].email);
    // The first screen after signing in can be slow on a loaded machine (the protocols page loads every partnership's).
    await page.getByRole('heading', { name: landing, level: 1 }).waitFor({ timeout: 90_000 });
    return page;
  };

  const rows = (page: Page) => page.locator('.audit-table > tbody > tr.audit-table__event');

  beforeAll(async () => {
    app = await startTestApp({
      serveWeb: true,
      clock: () => new Date(DASHBOARD_AS_OF),
      outcomeRefreshMinutes: 0,
      seed: async (url) => {
        const partnership = await seedDashboardDemo(url);
        partnershipId = partnership.partnershipId;
        partnershipName = partnership.name;
        users = await createRoleUsers(url, partnership.partnershipId);
      },
    });
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await app?.close();
  }, 240_000);

  it('shows a scrutineer the trail as the API gives it, with each event’s changes, a filter and the CSV of the same events', async () => {
    const page = await signedIn('scrutineer', 'Overview');
    // Two timelines opened: views of sensitive detail, in the trail beside the sign-in.
    const list = await graphqlAsBrowser<{ escalations: { items: { id: string }[] } }>(app!, page,
      `query($p: ID!) { escalations(filter: { partnershipId: $p }, limit: 2) { items { id } } }`, { p: partnershipId });
    for (const { id } of list.escalations.items) {
      await graphqlAsBrowser(app!, page, `query($p: ID!, $id: ID!) { escalation(partnershipId: $p, id: $id) { id } }`, { p: partnershipId, id });
    }
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Audit trail' }).click();
    await page.getByRole('heading', { name: 'Audit trail', level: 1 }).waitFor();
    const api = await graphqlAsBrowser<Trail>(app!, page, TRAIL, { filter: {} });
    await page.locator('.result-count').filter({ hasText: `${api.auditTrail.totalCount} events` }).waitFor();
    expect(await rows(page).count()).toBe(Math.min(50, api.auditTrail.totalCount));
    // Newest first: the two timelines, then the scrutineer's own sign-in.
    const firstThree = await rows(page).evaluateAll((trs) => trs.slice(0, 3).map((tr) => tr.querySelectorAll('td')[1]?.textContent ?? ''));
    expect(firstThree).toEqual(['Escalation: timeline viewed', 'Escalation: timeline viewed', 'User: signed in']);
    expect(api.auditTrail.events.slice(0, 3).map((e) => [e.action, e.actorLabel])).toEqual([
      ['escalation.timeline_viewed', users.scrutineer.email],
      ['escalation.timeline_viewed', users.scrutineer.email],
      ['user.signed_in', users.scrutineer.email],
    ]);

    // The sign-in's details: its session, request and hashes.
    const signInId = api.auditTrail.events[2]!.id;
    const toggle = rows(page).nth(2).getByRole('button', { name: `Show event ${signInId}` });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    const detail = page.locator(`#audit-event-${signInId}`);
    await detail.getByRole('rowheader', { name: 'sessionId' }).waitFor();
    expect(squash(await detail.locator('.audit-facts').textContent())).toContain('user.signed_in');
    expect(await rows(page).nth(2).getByRole('button', { name: `Hide event ${signInId}` }).getAttribute('aria-expanded')).toBe('true');
    expect(await checkAccessibility(page)).toEqual([]);

    // Filter to sign-ins: the URL holds it, the table and the download follow it.
    await page.getByLabel('Action').fill('user.signed_in');
    await page.getByRole('button', { name: 'Show events' }).click();
    await page.waitForURL(/\/audit\?action=user.signed_in$/);
    const signIns = await graphqlAsBrowser<Trail>(app!, page, TRAIL, { filter: { action: 'user.signed_in' } });
    await page.locator('.result-count').filter({ hasText: new RegExp(`^${signIns.auditTrail.totalCount} events?$`) }).waitFor();
    expect(await rows(page).count()).toBe(signIns.auditTrail.totalCount);
    const link = page.getByRole('link', { name: /Download (this event|these \d+ events) \(CSV\)/ });
    expect(await link.getAttribute('href')).toBe('/exports/audit.csv?action=user.signed_in');
    const csv = await page.request.get(`${app!.url}/exports/audit.csv?action=user.signed_in`);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).trim().split('\r\n')).toHaveLength(1 + signIns.auditTrail.totalCount);
    expect(await checkAccessibility(page)).toEqual([]);
  }, 240_000);

  it('verifies the chain from the page, and shows where it breaks once an event is changed behind the app’s back', async () => {
    const page = await signedIn('scrutineer', 'Overview');
    await page.goto(`${app!.url}/audit`);
    await page.getByRole('heading', { name: 'Audit trail', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    const result = page.locator('.verify-chain__result');
    await result.getByText('Intact.').waitFor();
    const verified = await graphqlAsBrowser<{ verifyAuditChain: { valid: boolean; eventsChecked: number } }>(app!, page, VERIFY, { p: partnershipId });
    expect(verified.verifyAuditChain.valid).toBe(true);
    // Checking the chain adds no event: the count on screen is the API's.
    expect(squash(await result.textContent())).toBe(
      `Intact. All ${verified.verifyAuditChain.eventsChecked} events of ${partnershipName} match their hashes, and each follows the one before it.`,
    );
    expect(await checkAccessibility(page)).toEqual([]);

    // Someone with the database owner's rights rewrites who signed in, the second event of the chain.
    const second = await withClient(app!.databaseUrl, async (client) => {
      const { rows: events } = await client.query<{ id: string }>(
        'SELECT id::text AS id FROM audit_event WHERE partnership_id = $1 ORDER BY audit_event.id LIMIT 2', [partnershipId]);
      await client.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
      try {
        await client.query(`UPDATE audit_event SET actor_label = 'someone-else@test.example' WHERE id = $1`, [events[1]!.id]);
      } finally {
        await client.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only');
      }
      return events[1]!.id;
    });
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await result.getByText(`Broken at event ${second}.`).waitFor();
    expect(squash(await result.textContent())).toContain('Its contents do not match its hash: the event was changed after it was written.');
    expect(squash(await result.textContent())).toContain(`The one event of ${partnershipName} before it is intact.`);
    expect(await checkAccessibility(page)).toEqual([]);
  }, 240_000);

  it('shows an administrator of every partnership who did what, without the changes of events about records, and verifies the chain of no partnership', async () => {
    // Two timelines opened by a scrutineer: events about records.
    const scrutineer = await app!.as('scrutineer', { partnershipId });
    const list = await scrutineer.graphql<{ escalations: { items: { id: string }[] } }>(
      `query($p: ID!) { escalations(filter: { partnershipId: $p }, limit: 2) { items { id } } }`, { p: partnershipId });
    for (const { id } of list.data!.escalations.items) {
      await scrutineer.graphql(`query($p: ID!, $id: ID!) { escalation(partnershipId: $p, id: $id) { id } }`, { p: partnershipId, id });
    }
    const page = await signedIn('administrator', 'Escalation protocols');
    expect(await navigationPages(page)).toEqual(['Protocols', 'Audit trail']);
    await page.goto(`${app!.url}/audit?type=escalation`);
    await page.getByRole('heading', { name: 'Audit trail', level: 1 }).waitFor();
    const api = await graphqlAsBrowser<Trail>(app!, page, TRAIL, { filter: { entityType: 'escalation' } });
    expect(api.auditTrail.totalCount).toBeGreaterThanOrEqual(2);
    await page.locator('.result-count').filter({ hasText: `${api.auditTrail.totalCount} events` }).waitFor();
    await rows(page).first().getByRole('button', { name: `Show event ${api.auditTrail.events[0]!.id}` }).click();
    const detail = page.locator(`#audit-event-${api.auditTrail.events[0]!.id}`);
    await detail.getByText('Changes withheld: they may hold record-level detail, which your role does not see.').waitFor();
    expect(await detail.locator('.audit-changes').count()).toBe(0);

    await page.getByLabel('Chain to check').selectOption({ label: 'Outside any partnership (sign-ins of users of every partnership)' });
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await page.locator('.verify-chain__result').getByText('Intact.').waitFor();
    const outside = await graphqlAsBrowser<{ verifyAuditChain: { eventsChecked: number } }>(app!, page, VERIFY, { p: null });
    expect(outside.verifyAuditChain.eventsChecked).toBeGreaterThanOrEqual(1);
    const n = outside.verifyAuditChain.eventsChecked;
    expect(squash(await page.locator('.verify-chain__result').textContent())).toBe(
      n === 1 ? 'Intact. The one event outside any partnership matches its hash.' : `Intact. All ${n} events outside any partnership match their hashes, and each follows the one before it.`,
    );
    expect(await checkAccessibility(page)).toEqual([]);
  }, 240_000);

  it('lands a national viewer on the national picture: each partnership’s figures as the API gives them, "<5" explained, the period in the URL', async () => {
    const page = await signedIn('national_viewer', 'National picture');
    expect(new URL(page.url()).pathname).toBe('/national');
    expect(await navigationPages(page)).toEqual(['National picture', 'Protocols']);
    const api = await graphqlAsBrowser<{ nationalOverview: { partnerships: { name: string; raised: { display: string }; open: { display: string } }[]; total: { raised: { display: string }; open: { display: string } } } }>(
      app!, page, NATIONAL, { filter: DEFAULT_PERIOD });
    const table = page.getByRole('table', { name: /by partnership: how many are open/ });
    await table.waitFor();
    const onScreen = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [tr.querySelector('th')?.textContent ?? '', tr.querySelectorAll('td')[0]?.textContent ?? '']));
    expect(onScreen).toEqual([
      ...api.nationalOverview.partnerships.map((p) => [p.name, p.raised.display]),
      ['All partnerships', api.nationalOverview.total.raised.display],
    ]);
    expect(api.nationalOverview.partnerships.length).toBe(5);
    // The bar chart, and its table behind the toggle.
    const chart = page.locator('.chart-panel', { has: page.getByRole('heading', { name: /raised/i, level: 2 }) }).first();
    expect(await chart.locator('.bar-row').count()).toBe(5);
    await chart.getByRole('button', { name: 'Table' }).click();
    await chart.getByRole('table').waitFor();
    const anySuppressed = JSON.stringify(api.nationalOverview).includes('<5');
    if (anySuppressed) await page.getByText(/^<5: a number from 1 to 4, hidden/).first().waitFor();
    expect(await checkAccessibility(page)).toEqual([]);

    // Another period: the URL says so, and the figures follow.
    await page.getByLabel('Period raised').selectOption('last-quarter');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/\/national\?period=last-quarter$/);
    const quarter = await graphqlAsBrowser<{ nationalOverview: { total: { raised: { display: string } } } }>(
      app!, page, NATIONAL, { filter: { from: '2026-07-01', to: '2026-10-01' } });
    const totalRow = table.locator('tbody tr').last();
    await totalRow.locator('td').first().filter({ hasText: new RegExp(`^${quarter.nationalOverview.total.raised.display}$`) }).waitFor();
    expect(await page.locator('.filter-summary').textContent()).toBe('Escalations raised from 1 July 2026 to 30 September 2026 · every partnership');
    expect(await checkAccessibility(page)).toEqual([]);
  }, 240_000);

  it('keeps the national picture from everyone else, and the audit trail from roles it is not for', async () => {
    const page = await signedIn('executive', 'Overview');
    for (const path of ['/national', '/audit']) {
      await page.goto(`${app!.url}${path}`);
      await page.getByRole('heading', { name: 'This page is not available to your role', level: 1 }).waitFor();
    }
    expect(await checkAccessibility(page)).toEqual([]);
  }, 240_000);

  it('runs under the content security policy without a violation', async () => {
    const seen = (await Promise.all(csp.map((read) => read()))).flat();
    expect(seen).toEqual([]);
  });
});

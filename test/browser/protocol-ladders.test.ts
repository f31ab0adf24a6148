import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PROTOCOL_TEMPLATES } from '@escalation-insights/shared';
import type { Browser, Locator, Page } from 'playwright-core';
import { checkAccessibility, launchBrowser, sessionCookieFor, watchCspViolations } from '../support/browser.js';
import { insertAllTemplatePartnerships } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/*
 * The protocols page in headless Chromium, served by the real app over a database holding
 * one partnership per shipped protocol template, signed in as an administrator of every
 * partnership (who sees all five). What the page shows is compared with what the API
 * says, so the test holds whatever the templates contain.
 */

interface ApiStage {
  readonly code: string;
  readonly name: string;
  readonly order: number;
  readonly tier: number;
  readonly tierName: string;
}

interface ApiRule {
  readonly name: string;
  readonly limitUnit: 'HOURS' | 'WORKING_DAYS' | 'CALENDAR_DAYS' | 'SAME_WORKING_DAY';
  readonly limitAmount: number;
  readonly source: 'PROTOCOL' | 'LOCAL_TARGET';
}

interface ApiPartnership {
  readonly code: string;
  readonly name: string;
  readonly activeProtocol: { readonly stages: ApiStage[]; readonly rules: ApiRule[] } | null;
}

const PARTNERSHIP_LADDERS = `{
  partnerships {
    code
    name
    activeProtocol {
      stages { code name order tier tierName }
      rules { name limitUnit limitAmount source }
    }
  }
}`;

const SOURCE_LABELS: Record<ApiRule['source'], string> = {
  PROTOCOL: 'Stated in the protocol',
  LOCAL_TARGET: 'Local target',
};

/** The limit as the page should word it: "24 hours", "5 working days", "Same working day". */
function limitInWords({ limitUnit, limitAmount }: ApiRule): string {
  const plural = limitAmount === 1 ? '' : 's';
  switch (limitUnit) {
    case 'SAME_WORKING_DAY':
      return 'Same working day';
    case 'HOURS':
      return `${limitAmount} hour${plural}`;
    case 'WORKING_DAYS':
      return `${limitAmount} working day${plural}`;
    case 'CALENDAR_DAYS':
      return `${limitAmount} calendar day${plural}`;
  }
}

/** Numbered stages are shown with their number ("Stage 3a: …"); named ones by name alone. */
function stageTitle(stage: ApiStage): string {
  return /^\d+[a-z]?$/i.test(stage.code) ? `Stage ${stage.code}: ${stage.name}` : stage.name;
}

/** Text as a reader sees it: runs of white space (including no-break spaces) as one space. */
function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function partnershipSection(page: Page, partnership: ApiPartnership): Locator {
  return page.getByRole('region', { name: partnership.name, exact: true });
}

describe('the protocols page', () => {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let partnerships: ApiPartnership[];
  let cspViolations: () => Promise<string[]>;

  beforeAll(async () => {
    app = await startTestApp({ serveWeb: true, seed: insertAllTemplatePartnerships });
    const administrator = await app.as('administrator');
    const response = await administrator.graphql<{ partnerships: ApiPartnership[] }>(PARTNERSHIP_LADDERS);
    expect(response.errors).toBeUndefined();
    partnerships = response.data!.partnerships;

    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([sessionCookieFor(app.url, administrator.cookie)]);
    page = await context.newPage();
    cspViolations = await watchCspViolations(page);
    await page.goto(app.url);
    await page.getByRole('table', { name: `${partnerships.length} partnerships` }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lists one partnership per shipped template, each with an active protocol', async () => {
    expect(partnerships.map((partnership) => partnership.code).sort()).toEqual(
      PROTOCOL_TEMPLATES.map((template) => template.code).sort(),
    );
    expect(partnerships.every((partnership) => partnership.activeProtocol !== null)).toBe(true);

    const listed = await page
      .getByRole('table', { name: `${partnerships.length} partnerships` })
      .locator('tbody th[scope="row"]')
      .allTextContents();
    expect(listed).toEqual(partnerships.map((partnership) => partnership.name));
  });

  it("shows each partnership's ladder: the API's stages in order, each with its tier and tier name", async () => {
    for (const partnership of partnerships) {
      const ladder = partnershipSection(page, partnership).getByRole('list', {
        name: `Escalation ladder for ${partnership.name}`,
      });
      const rungs = await ladder.locator(':scope > li').evaluateAll((items) =>
        items.map((item) => ({
          title: item.querySelector('h4')?.textContent ?? '',
          tier: item.querySelector('.tier__text')?.textContent ?? '',
        })),
      );
      const stages = [...partnership.activeProtocol!.stages].sort((a, b) => a.order - b.order);
      expect(stages.length).toBeGreaterThanOrEqual(4);
      expect(rungs.map((rung) => ({ title: squash(rung.title), tier: squash(rung.tier) }))).toEqual(
        stages.map((stage) => ({ title: stageTitle(stage), tier: `Tier ${stage.tier} of 5: ${stage.tierName}` })),
      );
    }
  });

  it('shows every timescale with its limit in words and its source labelled', async () => {
    const sourcesSeen = new Set<string>();
    for (const partnership of partnerships) {
      const table = partnershipSection(page, partnership).getByRole('table', {
        name: `Timescales for ${partnership.name}`,
      });
      const rows = await table.locator('tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({
          name: tr.querySelector('th')?.textContent ?? '',
          limit: tr.children[2]?.textContent ?? '',
          source: tr.lastElementChild?.textContent ?? '',
        })),
      );
      expect(rows.map((row) => ({ name: squash(row.name), limit: squash(row.limit), source: squash(row.source) }))).toEqual(
        partnership.activeProtocol!.rules.map((rule) => ({
          name: rule.name,
          limit: limitInWords(rule),
          source: SOURCE_LABELS[rule.source],
        })),
      );
      rows.forEach((row) => sourcesSeen.add(squash(row.source)));
    }
    // The templates hold both kinds: figures from the documents and the partnerships' own targets.
    expect([...sourcesSeen].sort()).toEqual(['Local target', 'Stated in the protocol']);
  });

  it('prints every source tag as dark text on white, since paper leaves out background colours', async () => {
    const colours = () => page.locator('.tag').evaluateAll((tags) => tags.map((tag) => {
      const style = getComputedStyle(tag);
      return { filled: tag.classList.contains('tag--protocol'), color: style.color, background: style.backgroundColor };
    }));
    const onScreen = await colours();
    expect(onScreen.some((tag) => tag.filled && tag.color === 'rgb(255, 255, 255)')).toBe(true); // white on blue, on screen
    await page.emulateMedia({ media: 'print' });
    try {
      const printed = await colours();
      expect(printed.length).toBe(onScreen.length);
      for (const tag of printed) {
        expect(tag.color).not.toBe('rgb(255, 255, 255)');
        expect(tag.background).toBe('rgb(255, 255, 255)');
      }
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('lets a keyboard user skip straight to the main content', async () => {
    await page.reload();
    await page.getByRole('table', { name: `${partnerships.length} partnerships` }).waitFor();
    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skipLink.evaluate((link) => link === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main-content');
  });

  it('has no WCAG 2 A or AA violations that axe-core can find, with every explanation opened', async () => {
    for (const summary of await page.locator('summary').all()) {
      await summary.click();
    }
    expect(await checkAccessibility(page)).toEqual([]);
  });

  it('runs under the content security policy without a single violation', async () => {
    expect(await cspViolations()).toEqual([]);
  });
});

describe('the protocols page with no partnerships', () => {
  let app: TestApp | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    app = await startTestApp({ serveWeb: true });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('says that no partnership has been set up yet, accessibly', async () => {
    const administrator = await app!.as('administrator');
    const context = await browser!.newContext();
    await context.addCookies([sessionCookieFor(app!.url, administrator.cookie)]);
    const page = await context.newPage();
    await page.goto(app!.url);
    await expect(page.getByRole('heading', { name: 'No partnerships yet' }).textContent()).resolves.toBe(
      'No partnerships yet',
    );
    expect(await checkAccessibility(page)).toEqual([]);
  });
});

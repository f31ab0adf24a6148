import { COUNT, dataOf, DEFAULT_FILTER, errorCode, startAnalyticsApp, type AnalyticsTestApp } from '../support/analytics-api.js';

const CHANGE = `{ current ${COUNT} previous ${COUNT} difference ratio }`;
const MATRIX = `{ rows { key label total ${COUNT} } columns { key label total ${COUNT} } cells { rowKey columnKey count ${COUNT} } }`;
const THEMES = `query ($filter: AnalyticsFilter!, $interval: ThemeInterval, $publish: Boolean) {
  themes(filter: $filter, interval: $interval, suppressSmallNumbers: $publish) {
    cohort { escalations ${COUNT} smallNumbersSuppressed } buckets { start end label partial } bucketTotals ${COUNT}
    categories { categoryCode series ${COUNT} change ${CHANGE} } previousPeriod { from to days } change ${CHANGE}
    agencyPairs ${MATRIX} categoryByReceiving ${MATRIX}
  }
}`;
const SIGNALS = `query ($filter: AnalyticsFilter!, $minCount: Int, $windowDays: Int, $limit: Int) {
  themeSignals(filter: $filter, minCount: $minCount, windowDays: $windowDays, escalationLimit: $limit) {
    settings { minCount windowDays fromPartnership }
    signals { categoryCode receivingAgencyName minCount windowDays escalationCount ${COUNT} firstRaisedAt lastRaisedAt
      windows { start end escalations ${COUNT} } escalations { reference raisedAt } }
  }
}`;

interface Count { value: number | null; display: string; suppressed: boolean }
interface Change { current: Count; previous: Count; difference: number | null; ratio: number | null }
interface Matrix { rows: { key: string; label: string; total: Count }[]; columns: { key: string; label: string; total: Count }[]; cells: { rowKey: string; columnKey: string; count: Count }[] }
interface ThemesData {
  themes: {
    cohort: { escalations: Count; smallNumbersSuppressed: boolean };
    buckets: { start: string; end: string; label: string; partial: boolean }[];
    bucketTotals: Count[];
    categories: { categoryCode: string; series: Count[]; change: Change }[];
    previousPeriod: { from: string; to: string; days: number };
    change: Change;
    agencyPairs: Matrix;
    categoryByReceiving: Matrix;
  };
}
interface SignalsData {
  themeSignals: {
    settings: { minCount: number; windowDays: number; fromPartnership: boolean }[];
    signals: {
      categoryCode: string; receivingAgencyName: string; minCount: number; windowDays: number; escalationCount: Count; firstRaisedAt: string;
      lastRaisedAt: string; windows: { start: string; end: string; escalations: Count }[]; escalations: { reference: string; raisedAt: string }[];
    }[];
  };
}

const series = (t: ThemesData['themes'], code: string) => t.categories.find((c) => c.categoryCode === code)!.series.map((c) => c.value);

describe('themes', () => {
  let env: AnalyticsTestApp;

  beforeAll(async () => {
    env = await startAnalyticsApp();
  });
  afterAll(async () => {
    await env?.app.close();
  });

  it('counts categories per UK financial-year quarter', async () => {
    const client = await env.as('business_unit');
    const themes = dataOf(await client.graphql<ThemesData>(THEMES, { filter: DEFAULT_FILTER, interval: 'QUARTER' })).themes;
    // January–March 2025 is Q4 of 2024/25; April–June Q1 of 2025/26.
    expect(themes.buckets).toEqual([
      { start: '2025-01-01', end: '2025-04-01', label: 'Q4 2024/25', partial: false },
      { start: '2025-04-01', end: '2025-07-01', label: 'Q1 2025/26', partial: false },
    ]);
    // CA: A01 A02 A06 A07 | A11 A12 A17 A18 A20; AANC: A03 A09 | A15; PNMN: A05 | A13; ISS: A04 A08 | A10 A16 A19.
    expect(series(themes, 'course_of_action')).toEqual([4, 5]);
    expect(series(themes, 'agreed_action_not_completed')).toEqual([2, 1]);
    expect(series(themes, 'plan_not_meeting_needs')).toEqual([1, 1]);
    expect(series(themes, 'information_sharing_or_services')).toEqual([2, 3]);
    expect(themes.bucketTotals.map((c) => c.value)).toEqual([9, 10]);
    // Dudley's other four categories are listed with zeros.
    expect(series(themes, 'strategy_discussion_refused')).toEqual([0, 0]);
  });

  it('compares each category with the previous period of equal length', async () => {
    const client = await env.as('business_unit');
    const themes = dataOf(await client.graphql<ThemesData>(THEMES, { filter: DEFAULT_FILTER })).themes;
    // Six whole months → the six before: [2024-07-01, 2025-01-01), holding A21 (course of action) and A22 (information sharing).
    expect(themes.previousPeriod).toEqual({ from: '2024-07-01', to: '2025-01-01', days: 184 });
    expect([themes.change.current.value, themes.change.previous.value, themes.change.difference, themes.change.ratio]).toEqual([19, 2, 17, 8.5]);
    const change = (code: string) => {
      const c = themes.categories.find((x) => x.categoryCode === code)!.change;
      return [c.current.value, c.previous.value, c.difference, c.ratio];
    };
    expect(change('course_of_action')).toEqual([9, 1, 8, 8]);
    expect(change('information_sharing_or_services')).toEqual([5, 1, 4, 4]);
    expect(change('agreed_action_not_completed')).toEqual([3, 0, 3, null]); // no ratio from 0
    // Monthly buckets: six months.
    expect(themes.buckets.map((b) => b.label)).toEqual(['January 2025', 'February 2025', 'March 2025', 'April 2025', 'May 2025', 'June 2025']);
    expect(series(themes, 'course_of_action')).toEqual([2, 1, 1, 2, 0, 3]);
  });

  it('counts raising → receiving agency pairs and category × receiving agency', async () => {
    const client = await env.as('business_unit');
    const themes = dataOf(await client.graphql<ThemesData>(THEMES, { filter: DEFAULT_FILTER })).themes;
    const { agencies } = env.data.a;
    const name = Object.fromEntries(Object.entries(agencies).map(([n, id]) => [id, n]));
    const pairs = Object.fromEntries(themes.agencyPairs.cells.map((c) => [`${name[c.rowKey]} → ${name[c.columnKey]}`, c.count.value]));
    // Health → CSC: A01 A07 A09 A12 A15 A20; Education → CSC: A02 A06 A18; Health → Police: A04 A16; Police → CSC: A03 A13;
    // and one each: Education → Police A10, Police → Education A08, Police → Health A19, CSC → Health A05, CSC → Police A11,
    // CSC → Education A17. 6 + 3 + 2 + 2 + 6 × 1 = 19.
    expect(pairs).toEqual({
      "Health → Children's Social Care": 6, "Education → Children's Social Care": 3, 'Health → Police': 2, "Police → Children's Social Care": 2,
      'Education → Police': 1, 'Police → Education': 1, 'Police → Health': 1, "Children's Social Care → Health": 1,
      "Children's Social Care → Police": 1, "Children's Social Care → Education": 1,
    });
    // Every agency is a row and a column, Housing Options with nothing.
    expect(themes.agencyPairs.rows.find((r) => r.label === 'Housing Options')!.total.value).toBe(0);
    expect(themes.agencyPairs.columns.find((c) => c.label === "Children's Social Care")!.total.value).toBe(11);
    // Course of action × CSC: A01 A02 A06 A07 A12 A18 A20 = 7.
    const cell = themes.categoryByReceiving.cells.find((c) => c.rowKey === 'course_of_action' && c.columnKey === agencies["Children's Social Care"]);
    expect(cell!.count.value).toBe(7);
  });

  it('suppresses small counts, and a second count where one suppressed count could be worked out from a total', async () => {
    const client = await env.as('executive');
    const themes = dataOf(await client.graphql<ThemesData>(THEMES, { filter: DEFAULT_FILTER, interval: 'QUARTER' })).themes;
    expect(themes.cohort.smallNumbersSuppressed).toBe(true);
    const display = (code: string) => themes.categories.find((c) => c.categoryCode === code)!.series.map((c) => c.display);
    // Course of action: Q4 2024/25 4 → "<5"; Q1 2025/26 5 would give it away (total 9 − 5 = 4), so it is suppressed too.
    expect(display('course_of_action')).toEqual(['<5', '<5']);
    expect(themes.categories.find((c) => c.categoryCode === 'course_of_action')!.change.current.value).toBe(9);
    expect(display('information_sharing_or_services')).toEqual(['<5', '<5']);
    // The quarters' totals (9 and 10) and the cohort (19) stay: each has at least two suppressed cells.
    expect(themes.bucketTotals.map((c) => c.display)).toEqual(['9', '10']);
    // Previous period: 1 and 1 of 2 → all suppressed, and no difference from them.
    expect(themes.change.previous.display).toBe('<5');
    expect(themes.change.difference).toBeNull();
    expect(themes.categories.find((c) => c.categoryCode === 'course_of_action')!.change.difference).toBeNull();
    // A zero is never suppressed.
    expect(display('strategy_discussion_refused')).toEqual(['0', '0']);
  });
});

describe('theme signals', () => {
  let env: AnalyticsTestApp;

  beforeAll(async () => {
    env = await startAnalyticsApp();
  });
  afterAll(async () => {
    await env?.app.close();
  });

  it("finds the recurring pattern with the partnership's N = 3 and W = 90 days", async () => {
    const client = await env.as('business_unit');
    const { themeSignals } = dataOf(await client.graphql<SignalsData>(SIGNALS, { filter: DEFAULT_FILTER }));
    expect(themeSignals.settings).toEqual([{ minCount: 3, windowDays: 90, fromPartnership: true }]);
    // Course of action × CSC, raised 6 Jan, 13 Jan, 17 Feb, 3 Mar, 22 Apr, 16 Jun (12:00), 30 Jun (A14 on 12 May is out of scope).
    // Windows of 90 days from each: 6 Jan → 6 Apr holds 4 ✓; 13 Jan → 13 Apr 3 ✓; 17 Feb → 18 May 3 ✓; 3 Mar → 1 Jun 2;
    // 22 Apr → 21 Jul 3 ✓; 16 Jun 2; 30 Jun 1. Every one lies in a qualifying window → 7; the windows overlap
    // (17 Feb's ends 18 May, after 22 Apr) → one merged window [6 Jan 09:00, 21 Jul 09:00). No other pair has 3 in 90 days
    // (agreed action × CSC: 20 Jan, 17 Mar, 19 May — never three within 90).
    expect(themeSignals.signals).toHaveLength(1);
    const signal = themeSignals.signals[0]!;
    expect([signal.categoryCode, signal.receivingAgencyName, signal.escalationCount.value]).toEqual(['course_of_action', "Children's Social Care", 7]);
    expect([signal.firstRaisedAt, signal.lastRaisedAt]).toEqual(['2025-01-06T09:00:00.000Z', '2025-06-30T09:00:00.000Z']);
    expect(signal.windows.map((w) => [w.start, w.end, w.escalations.value])).toEqual([['2025-01-06T09:00:00.000Z', '2025-07-21T09:00:00.000Z', 7]]);
    expect(signal.escalations.map((x) => x.reference)).toEqual(['A01', 'A02', 'A06', 'A07', 'A12', 'A18', 'A20']);
  });

  it('takes N and W from the query when given, and never counts an out-of-scope escalation', async () => {
    const client = await env.as('business_unit');
    const { themeSignals } = dataOf(await client.graphql<SignalsData>(SIGNALS, { filter: DEFAULT_FILTER, minCount: 2, windowDays: 30, limit: 3 }));
    expect(themeSignals.settings).toEqual([{ minCount: 2, windowDays: 30, fromPartnership: false }]);
    // N = 2 within 30 days: 6 Jan → 5 Feb holds A01 A02 ✓; 17 Feb → 19 Mar holds A06 A07 ✓; 16 Jun 12:00 → 16 Jul holds
    // A18 A20 ✓; 22 Apr → 22 May holds A12 alone — A14 (12 May) would make two, but it is out of scope.
    const signal = themeSignals.signals[0]!;
    expect(themeSignals.signals).toHaveLength(1);
    expect(signal.escalationCount.value).toBe(6);
    expect(signal.windows.map((w) => [w.start, w.end, w.escalations.value])).toEqual([
      ['2025-01-06T09:00:00.000Z', '2025-02-05T09:00:00.000Z', 2],
      ['2025-02-17T09:00:00.000Z', '2025-03-19T09:00:00.000Z', 2],
      ['2025-06-16T12:00:00.000Z', '2025-07-16T12:00:00.000Z', 2],
    ]);
    // At most `escalationLimit` listed, earliest first; the count stays complete.
    expect(signal.escalations.map((x) => x.reference)).toEqual(['A01', 'A02', 'A06']);
  });

  it("sets a partnership's N and W (administrators only), validated", async () => {
    const admin = await env.app.as('administrator', { partnershipId: env.data.a.partnershipId });
    const SET = `mutation ($input: ThemeSignalSettingsInput!) { setThemeSignalSettings(input: $input) { themeMinCount themeWindowDays } }`;
    const input = { partnershipId: env.data.a.partnershipId, minCount: 2, windowDays: 30 };
    expect(dataOf(await admin.graphql(SET, { input }))).toEqual({ setThemeSignalSettings: { themeMinCount: 2, themeWindowDays: 30 } });
    expect(errorCode(await admin.graphql(SET, { input: { ...input, minCount: 1 } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await admin.graphql(SET, { input: { ...input, minCount: 101 } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await admin.graphql(SET, { input: { ...input, windowDays: 6 } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await admin.graphql(SET, { input: { ...input, windowDays: 731 } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await admin.graphql(SET, { input: { ...input, partnershipId: env.data.b.partnershipId } }))).toBe('PARTNERSHIP_NOT_FOUND');
    const businessUnit = await env.as('business_unit');
    expect(errorCode(await businessUnit.graphql(SET, { input }))).toBe('FORBIDDEN');
    // The signals now use the partnership's new setting.
    const { themeSignals } = dataOf(await businessUnit.graphql<SignalsData>(SIGNALS, { filter: DEFAULT_FILTER }));
    expect(themeSignals.settings).toEqual([{ minCount: 2, windowDays: 30, fromPartnership: true }]);
    expect(themeSignals.signals[0]!.escalationCount.value).toBe(6);
  });

  it('withholds the escalations of a signal from roles without record-level access', async () => {
    const client = await env.as('improvement_group');
    const { themeSignals } = dataOf(await client.graphql<SignalsData>(SIGNALS, { filter: DEFAULT_FILTER, minCount: 3, windowDays: 90 }));
    expect(themeSignals.signals[0]!.escalationCount.value).toBe(7);
    expect(themeSignals.signals[0]!.escalations).toEqual([]);
  });
});

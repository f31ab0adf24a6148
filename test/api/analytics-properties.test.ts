import { DUDLEY, GLOUCESTERSHIRE_GSCP_2025, URGENCIES, type ProtocolTemplate } from '@escalation-insights/shared';
import fc from 'fast-check';
import { insertEscalations, insertFixturePartnership, type FixtureEscalation, type FixturePartnership } from '../support/analytics-fixture.js';
import { dataOf } from '../support/analytics-api.js';
import { STANDARD_AGENCIES } from '../support/fixtures.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';
import { withClient } from '../support/test-database.js';

/**
 * Properties over small random cohorts, each in a partnership of its own: the statistics
 * add up, agree with a count of the raw rows, split by a partition into parts that sum to
 * the whole, and when suppressed never leave a count from 1 to 4 to be worked out.
 */
const NOW = new Date('2025-07-01T12:00:00Z');
const RUNS = Number(process.env.PROPERTY_RUNS ?? 6);
const DAY = 86_400_000;
const COUNT = `{ value display suppressed }`;
const TIER = `{ tier reached ${COUNT} share }`;
const RESOLUTION = `{ state tier count ${COUNT} share }`;
const REACH = `query ($filter: AnalyticsFilter!) { stageReach(filter: $filter) {
  cohort { escalations ${COUNT} outOfScope ${COUNT} } tiers ${TIER} resolvedAt ${RESOLUTION}
  byRaisingAgency { escalations ${COUNT} tiers ${TIER} resolvedAt ${RESOLUTION} }
  byReceivingAgency { escalations ${COUNT} tiers ${TIER} resolvedAt ${RESOLUTION} }
  byCategory { escalations ${COUNT} tiers ${TIER} resolvedAt ${RESOLUTION} }
} }`;
const MATRIX = `{ rows { key total ${COUNT} } columns { key total ${COUNT} } cells { rowKey columnKey count ${COUNT} } }`;
const THEMES = `query ($filter: AnalyticsFilter!) { themes(filter: $filter, interval: QUARTER) {
  cohort { escalations ${COUNT} } bucketTotals ${COUNT} categories { categoryCode series ${COUNT} change { current ${COUNT} } }
  agencyPairs ${MATRIX} categoryByReceiving ${MATRIX}
} }`;
const BREACH = `query ($filter: AnalyticsFilter!) { breachStatistics(filter: $filter) {
  overall { met ${COUNT} breached ${COUNT} overdue ${COUNT} pending ${COUNT} counted ${COUNT} }
  byRule { met ${COUNT} breached ${COUNT} overdue ${COUNT} pending ${COUNT} counted ${COUNT} }
} }`;

interface Count { value: number | null; display: string; suppressed: boolean }
interface Tier { tier: number; reached: Count; share: number | null }
interface Resolution { state: string; tier: number | null; count: Count; share: number | null }
interface Part { escalations: Count; tiers: Tier[]; resolvedAt: Resolution[] }
interface Reach { cohort: { escalations: Count; outOfScope: Count }; tiers: Tier[]; resolvedAt: Resolution[]; byRaisingAgency: Part[]; byReceivingAgency: Part[]; byCategory: Part[] }
interface Matrix { rows: { key: string; total: Count }[]; columns: { key: string; total: Count }[]; cells: { rowKey: string; columnKey: string; count: Count }[] }
interface Themes { cohort: { escalations: Count }; bucketTotals: Count[]; categories: { categoryCode: string; series: Count[]; change: { current: Count } }[]; agencyPairs: Matrix; categoryByReceiving: Matrix }
interface BreachGroup { met: Count; breached: Count; overdue: Count; pending: Count; counted: Count }

const agencyNames = STANDARD_AGENCIES.map((a) => a.name);

function escalationArbitrary(template: ProtocolTemplate, reference: string): fc.Arbitrary<FixtureEscalation> {
  const n = template.stages.length;
  return fc
    .record({
      raisedDay: fc.integer({ min: 0, max: 545 }), // 2024-01-01 … 2025-06-29
      minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
      raising: fc.integer({ min: 0, max: 3 }),
      receivingOffset: fc.integer({ min: 1, max: 3 }),
      category: fc.integer({ min: 0, max: template.categories.length - 1 }),
      urgency: fc.constantFrom(...URGENCIES),
      top: fc.integer({ min: 0, max: n - 1 }),
      skips: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      status: fc.constantFrom('open', 'resolved', 'resolved', 'withdrawn', 'out_of_scope'),
      days: fc.double({ min: 0.3, max: 30, noNaN: true }),
      outcomes: fc.array(
        fc.record({
          rule: fc.integer({ min: 0, max: template.rules.length - 1 }),
          status: fc.constantFrom('met', 'breached', 'overdue', 'pending', 'not_applicable'),
          elapsed: fc.double({ min: 0, max: 10, noNaN: true }),
          lateness: fc.double({ min: 0, max: 5, noNaN: true }),
        }),
        { maxLength: 2 },
      ),
    })
    .map((r): FixtureEscalation => {
      const raised = Date.UTC(2024, 0, 1) + r.raisedDay * DAY + r.minute * 60_000;
      const stages = template.stages.filter((s, i) => i === 0 || i === r.top || (i < r.top && !r.skips[i])).map((s) => s.code);
      const rules = [...new Map(r.outcomes.map((o) => [o.rule, o])).values()];
      return {
        reference,
        raisedAt: new Date(raised).toISOString(),
        raising: agencyNames[r.raising]!,
        receiving: agencyNames[(r.raising + r.receivingOffset) % 4]!,
        category: template.categories[r.category]!.code,
        urgency: r.urgency,
        stages,
        status: r.status as FixtureEscalation['status'],
        ...(r.status === 'open' ? {} : { closedAt: new Date(raised + r.days * DAY).toISOString() }),
        outcomes: rules.map((o) => ({
          rule: template.rules[o.rule]!.code,
          status: o.status as 'met',
          ...(o.status === 'not_applicable' ? {} : { elapsed: o.elapsed }),
          ...(o.status === 'breached' || o.status === 'overdue' ? { lateness: o.lateness } : {}),
        })),
      };
    });
}

/** A random cohort: a template, up to 30 escalations, and a period that may start and end mid-month. */
const cohortArbitrary = fc
  .record({ template: fc.constantFrom(DUDLEY, GLOUCESTERSHIRE_GSCP_2025), size: fc.integer({ min: 0, max: 30 }), fromDay: fc.integer({ min: 0, max: 300 }), length: fc.integer({ min: 1, max: 400 }) })
  .chain(({ template, size, fromDay, length }) =>
    fc.tuple(...Array.from({ length: size }, (_, i) => escalationArbitrary(template, `P-${i + 1}`))).map((escalations) => ({
      template,
      escalations,
      period: { from: dateOf(fromDay), to: dateOf(fromDay + length) },
    })));

function dateOf(dayOf2024: number): string {
  return new Date(Date.UTC(2024, 0, 1) + dayOf2024 * DAY).toISOString().slice(0, 10);
}

describe('analytics properties', () => {
  let app: TestApp;
  let sequence = 0;

  beforeAll(async () => {
    app = await startTestApp({ clock: () => NOW, outcomeRefreshMinutes: 0, queryLimits: { maxCost: 1_000_000, costPerMinute: 100_000_000 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  /** A partnership of its own holding the cohort, and a user of it with the role. */
  async function install(template: ProtocolTemplate, escalations: readonly FixtureEscalation[], role: 'business_unit' | 'executive'): Promise<{ p: FixturePartnership; client: TestClient }> {
    const p = await insertFixturePartnership(app.databaseUrl, template, `property-${++sequence}`);
    await insertEscalations(app.databaseUrl, p, escalations);
    return { p, client: await app.as(role, { partnershipId: p.partnershipId }) };
  }

  it('has resolved-at shares summing to 1, reach never rising up the tiers, and counts agreeing with the raw rows', async () => {
    await fc.assert(
      fc.asyncProperty(cohortArbitrary, async ({ template, escalations, period }) => {
        const { p, client } = await install(template, escalations, 'business_unit');
        const reach = dataOf(await client.graphql<{ stageReach: Reach }>(REACH, { filter: period })).stageReach;
        const cohort = reach.cohort.escalations.value!;
        for (const part of [reach, ...reach.byRaisingAgency, ...reach.byReceivingAgency, ...reach.byCategory]) {
          const size = 'cohort' in part ? cohort : part.escalations.value!;
          expect(part.resolvedAt.reduce((sum, r) => sum + r.count.value!, 0)).toBe(size);
          if (size > 0) expect(part.resolvedAt.reduce((sum, r) => sum + r.share!, 0)).toBeCloseTo(1, 12);
          const reached = part.tiers.map((t) => t.reached.value!);
          expect(reached[0]).toBe(size);
          reached.forEach((r, i) => i > 0 && expect(r).toBeLessThanOrEqual(reached[i - 1]!));
        }
        // The same from the escalation rows themselves, as the database owner.
        const raw = await withClient(app.databaseUrl, (db) => db.query<{ tier: number; n: number; oos: number }>(
          `SELECT k AS tier, count(*) FILTER (WHERE status <> 'out_of_scope' AND highest_tier >= k)::int AS n,
                  count(*) FILTER (WHERE status = 'out_of_scope')::int AS oos
           FROM escalation CROSS JOIN generate_series(1, 5) k
           WHERE partnership_id = $1 AND raised_at >= ($2::date::timestamp AT TIME ZONE 'Europe/London')
             AND raised_at < ($3::date::timestamp AT TIME ZONE 'Europe/London')
           GROUP BY k ORDER BY k`,
          [p.partnershipId, period.from, period.to],
        ));
        const expected = raw.rows.length === 0 ? [0, 0, 0, 0, 0] : raw.rows.map((r) => r.n);
        expect(reach.tiers.map((t) => t.reached.value)).toEqual(expected);
        expect(reach.cohort.outOfScope.value).toBe(raw.rows[0]?.oos ?? 0);
      }),
      { numRuns: RUNS },
    );
  });

  it('adds up over a partition: the urgencies, filtered one by one, sum to the whole', async () => {
    await fc.assert(
      fc.asyncProperty(cohortArbitrary, async ({ template, escalations, period }) => {
        const { client } = await install(template, escalations, 'business_unit');
        const ask = async (urgencies?: string[]) => {
          const filter = { ...period, ...(urgencies ? { urgencies } : {}) };
          const reach = dataOf(await client.graphql<{ stageReach: Reach }>(REACH, { filter })).stageReach;
          const breach = dataOf(await client.graphql<{ breachStatistics: { overall: BreachGroup } }>(BREACH, { filter })).breachStatistics.overall;
          const themes = dataOf(await client.graphql<{ themes: Themes }>(THEMES, { filter })).themes;
          return [
            reach.cohort.escalations.value!, reach.cohort.outOfScope.value!, ...reach.tiers.map((t) => t.reached.value!),
            ...reach.resolvedAt.map((r) => r.count.value!),
            breach.met.value!, breach.breached.value!, breach.overdue.value!, breach.pending.value!,
            ...themes.bucketTotals.map((c) => c.value!), ...themes.categories.map((c) => c.change.current.value!),
          ];
        };
        const whole = await ask();
        const parts = await Promise.all(['IMMEDIATE', 'URGENT', 'STANDARD'].map((u) => ask([u])));
        expect(parts.reduce((sum, part) => sum.map((s, i) => s + part[i]!), whole.map(() => 0))).toEqual(whole);
      }),
      { numRuns: RUNS },
    );
  });

  it('never leaves a count from 1 to 4 to be worked out by subtraction when small numbers are suppressed', async () => {
    await fc.assert(
      fc.asyncProperty(cohortArbitrary, async ({ template, escalations, period }) => {
        const { client } = await install(template, escalations, 'executive');
        const reach = dataOf(await client.graphql<{ stageReach: Reach }>(REACH, { filter: period })).stageReach;
        const themes = dataOf(await client.graphql<{ themes: Themes }>(THEMES, { filter: period })).themes;
        const breach = dataOf(await client.graphql<{ breachStatistics: { overall: BreachGroup; byRule: BreachGroup[] } }>(BREACH, { filter: period })).breachStatistics;

        // No count from 1 to 4 is shown anywhere.
        for (const count of countsIn([reach, themes, breach])) {
          if (!count.suppressed) expect(count.value === null || count.value < 1 || count.value > 4).toBe(true);
          else expect([count.value, count.display]).toEqual([null, '<5']);
        }
        // In every total = sum of parts, never exactly one count hidden.
        const relations: Count[][] = [];
        for (const part of [reach, ...reach.byRaisingAgency, ...reach.byReceivingAgency, ...reach.byCategory]) {
          relations.push(['cohort' in part ? part.cohort.escalations : part.escalations, ...part.resolvedAt.map((r) => r.count)]);
        }
        for (const split of [reach.byRaisingAgency, reach.byReceivingAgency, reach.byCategory]) {
          relations.push([reach.cohort.escalations, ...split.map((p) => p.escalations)]);
          for (let t = 1; t < 5; t++) relations.push([reach.tiers[t]!.reached, ...split.map((p) => p.tiers[t]!.reached)]);
        }
        relations.push(...matrixRelations(themes.agencyPairs), ...matrixRelations(themes.categoryByReceiving));
        themes.bucketTotals.forEach((total, b) => relations.push([total, ...themes.categories.map((c) => c.series[b]!)]));
        for (const c of themes.categories) relations.push([c.change.current, ...c.series]);
        for (const g of [breach.overall, ...breach.byRule]) relations.push([g.counted, g.met, g.breached, g.overdue, g.pending]);
        for (const status of ['met', 'breached', 'overdue', 'pending'] as const) relations.push([breach.overall[status], ...breach.byRule.map((g) => g[status])]);
        for (const relation of relations) {
          if (relation.length > 1) expect(relation.filter((c) => c.suppressed).length).not.toBe(1);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

/** Each row and each column of a matrix with its total (cells not listed are 0). */
function matrixRelations(matrix: Matrix): Count[][] {
  const cells = (match: (c: Matrix['cells'][number]) => boolean) => matrix.cells.filter(match).map((c) => c.count);
  return [
    ...matrix.rows.map((r) => [r.total, ...cells((c) => c.rowKey === r.key)]),
    ...matrix.columns.map((k) => [k.total, ...cells((c) => c.columnKey === k.key)]),
  ];
}

/** Every count object anywhere in a response. */
function countsIn(value: unknown): Count[] {
  if (Array.isArray(value)) return value.flatMap(countsIn);
  if (value === null || typeof value !== 'object') return [];
  if ('display' in value && 'suppressed' in value) return [value as Count];
  return Object.values(value).flatMap(countsIn);
}

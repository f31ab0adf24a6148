import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDemoData } from '@escalation-insights/database';
import { readThemeSignalsFromRows, readThemeSignalsFromWeeks, RULE_GROUPING_SETS, writeSyntheticLog } from '@escalation-insights/server';
import { DUDLEY, GLOUCESTERSHIRE_GSCP_2025, URGENCIES } from '@escalation-insights/shared';
import fc from 'fast-check';
import type pg from 'pg';
import { dataOf } from '../support/analytics-api.js';
import { insertAnalyticsDataset, type AnalyticsDataset } from '../support/analytics-dataset.js';
import { insertEscalations, insertFixturePartnership, type FixtureEscalation } from '../support/analytics-fixture.js';
import { aggregateDrift, analyticsDrift } from '../support/analytics-facts.js';
import { Journey, perform, TestClock } from '../support/escalation-api.js';
import { insertPartnership, STANDARD_AGENCIES } from '../support/fixtures.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';
import { createTestDatabase, withClient, type TestDatabase } from '../support/test-database.js';

/**
 * The aggregates of migration 1764253000000 — rule counts per month and the sorted
 * duration cells — are derived data kept on write, and a bulk load (app.bulk_load) defers
 * their upkeep to one pass at the end. Whatever is written, and however, they must equal a
 * recomputation from scratch; and the percentiles found in the cells must be exactly those
 * PostgreSQL's percentile_cont gives over the outcome rows.
 */
const NO_DRIFT = { analytics_rule_month: 0, analytics_duration_cell: 0, misplaced_pivots: 0, analytics_theme_week: 0, analytics_closure_month: 0, pending: 0 };
const NO_FACT_DRIFT = { analytics_escalation: 0, analytics_outcome: 0, analytics_escalation_month: 0, analytics_outcome_month: 0 };

const WRITES: readonly { readonly name: string; readonly sql: string }[] = [
  { name: 'change urgency', sql: `UPDATE escalation SET urgency = (ARRAY['immediate','urgent','standard'])[1 + (id % 3)::int] WHERE id % $1 = $2` },
  { name: 'move to another receiving agency', sql: `UPDATE escalation e SET receiving_agency_id = (SELECT max(a.id) FROM agency a WHERE a.partnership_id = e.partnership_id AND a.id <> e.raising_agency_id) WHERE id % $1 = $2` },
  { name: 'mark out of scope', sql: `UPDATE escalation SET status = 'out_of_scope', resolved_tier = NULL, closed_at = coalesce(closed_at, raised_at + interval '1 day') WHERE id % $1 = $2` },
  { name: 'move raising a month on', sql: `UPDATE escalation SET raised_at = raised_at + interval '31 days', closed_at = closed_at + interval '31 days' WHERE id % $1 = $2` },
  { name: 'breach a timescale', sql: `UPDATE timescale_outcome SET status = 'breached', lateness = 1.5 WHERE escalation_id % $1 = $2 AND status = 'met'` },
  { name: 'take longer', sql: `UPDATE timescale_outcome SET elapsed = elapsed + 0.25 WHERE escalation_id % $1 = $2 AND status IN ('met', 'breached')` },
  { name: 'overdue grows later', sql: `UPDATE timescale_outcome SET lateness = lateness + 1 WHERE escalation_id % $1 = $2 AND status = 'overdue'` },
  { name: 'not applicable after all', sql: `UPDATE timescale_outcome SET status = 'not_applicable', elapsed = NULL, lateness = NULL, anchor_at = NULL, deadline = NULL WHERE escalation_id % $1 = $2` },
  { name: 'drop outcomes', sql: `DELETE FROM timescale_outcome WHERE escalation_id % $1 = $2` },
  { name: 'delete escalations', sql: `DELETE FROM escalation WHERE id % $1 = $2` },
];

/** How a sequence of writes is sent: each on its own, in one transaction, or as a bulk load (flushed by hand or only by COMMIT). */
const MODES = ['autocommit', 'transaction', 'bulk load', 'bulk load, flushed'] as const;

async function writeAll(client: pg.ClientBase, mode: (typeof MODES)[number], writes: readonly { write: number; modulus: number; rest: number }[]): Promise<void> {
  if (mode !== 'autocommit') await client.query('BEGIN');
  if (mode.startsWith('bulk')) await client.query(`SET LOCAL app.bulk_load = 'on'`);
  for (const { write, modulus, rest } of writes) await client.query(WRITES[write]!.sql, [modulus, rest % modulus]);
  if (mode === 'bulk load, flushed') await client.query('SELECT analytics_flush_bulk_load()');
  if (mode !== 'autocommit') await client.query('COMMIT');
}

describe('pre-aggregated breach counts and duration cells', () => {
  describe('on the hand-built data set', () => {
    let database: TestDatabase;
    let data: AnalyticsDataset;

    beforeAll(async () => {
      database = await createTestDatabase();
      data = await insertAnalyticsDataset(database.url);
    });
    afterAll(async () => {
      await database?.drop();
    });

    it('use the rule grouping sets the server plans with', async () => {
      const { rows } = await withClient(database.url, (client) => client.query<{ mask: number }>(`SELECT mask FROM analytics_grouping_set WHERE fact = 'rule'`));
      expect(rows.map((r) => r.mask).sort()).toEqual([...RULE_GROUPING_SETS].sort());
    });

    it('are right after the fixture was written', async () => {
      expect(await withClient(database.url, aggregateDrift)).toEqual(NO_DRIFT);
    });

    it('stay right through any sequence of writes, however they are sent', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.record({ write: fc.integer({ min: 0, max: WRITES.length - 1 }), modulus: fc.integer({ min: 2, max: 5 }), rest: fc.integer({ min: 0, max: 4 }) }), { minLength: 1, maxLength: 5 }),
          fc.constantFrom(...MODES),
          async (writes, mode) => {
            await withClient(database.url, async (client) => {
              await writeAll(client, mode, writes);
              expect(await aggregateDrift(client)).toEqual(NO_DRIFT);
              expect(await analyticsDrift(client)).toEqual(NO_FACT_DRIFT);
            });
          },
        ),
        { numRuns: 8 },
      );
    });

    it('leave nothing waiting after a bulk load rolls back, and are rebuilt whole by analytics_rebuild()', async () => {
      // The random writes before may have deleted every escalation, or made them all urgent: this one is sure to change.
      await insertEscalations(database.url, data.a, [{
        reference: 'ROLLED-BACK-1', raisedAt: '2025-06-04T10:00:00Z', raising: 'Health', receiving: 'Police',
        category: data.a.template.categories[0]!.code, urgency: 'standard', stages: ['1'], status: 'open',
      }]);
      await withClient(database.url, async (client) => {
        await client.query('BEGIN');
        await client.query(`SET LOCAL app.bulk_load = 'on'`);
        await client.query(`UPDATE escalation SET urgency = CASE urgency WHEN 'urgent' THEN 'standard' ELSE 'urgent' END`);
        expect((await client.query('SELECT count(*)::int AS n FROM analytics_pending_sync')).rows[0].n).toBeGreaterThan(0);
        await client.query('ROLLBACK');
        expect(await aggregateDrift(client)).toEqual(NO_DRIFT);
        await client.query('SELECT analytics_rebuild()');
        expect(await aggregateDrift(client)).toEqual(NO_DRIFT);
      });
    });
  });

  describe('through the app\'s own writes', () => {
    const clock = new TestClock('2025-03-20T12:00:00.000Z');
    let app: TestApp;

    beforeAll(async () => {
      app = await startTestApp({ clock: clock.now, outcomeRefreshMinutes: 0 });
    });
    afterAll(async () => {
      await app?.close();
    });

    it('are right after recording, moving, resolving and correcting escalations', async () => {
      const glos = await insertPartnership(app.databaseUrl, { template: GLOUCESTERSHIRE_GSCP_2025 });
      const unit = await app.as('business_unit', { partnershipId: glos.partnershipId });
      const drift = () => withClient(app.databaseUrl, async (client) => ({ ...(await aggregateDrift(client)), ...(await analyticsDrift(client)) }));
      const none = { ...NO_DRIFT, ...NO_FACT_DRIFT };
      for (const [day, urgency] of [['03', 'STANDARD'], ['04', 'URGENT'], ['05', 'STANDARD']] as const) {
        const journey = new Journey(unit, clock);
        await journey.record({
          partnershipId: glos.partnershipId, raisingAgencyId: glos.agencyIds['Police'], receivingAgencyId: glos.agencyIds['Health'],
          raisingRole: 'PC', categoryCode: 'agreed_actions', urgency, raisedVia: 'PHONE', summary: 'About the plan.', raisedAt: `2025-03-${day}T09:00:00.000Z`,
        });
        await journey.move('2', `2025-03-${day}T15:00:00.000Z`);
        await journey.milestone('JOINT_PLAN_AGREED', '2025-03-12T15:00:00.000Z');
        expect(await drift()).toEqual(none);
        const resolved = await journey.resolve('2025-03-14T09:00:00.000Z', { outcome: 'Agreed.', writtenConfirmationGiven: false, feedbackGiven: false });
        clock.set('2025-03-20T12:00:00.000Z');
        const correction = (escalation: typeof resolved, fields: Record<string, unknown>) => ({
          input: { partnershipId: escalation.partnershipId, escalationId: escalation.id, expectedVersion: escalation.version, reason: 'Entered wrongly.', ...fields },
        });
        // A raise time moved into February moves the escalation (and its outcomes) to another month.
        const moved = await perform(unit, 'correctEscalation', correction(resolved, { raisedAt: '2025-02-27T09:00:00.000Z' }));
        expect(await drift()).toEqual(none);
        const plan = moved.milestones[0]!;
        await perform(unit, 'correctMilestone', correction(moved, { milestoneId: plan.id, remove: true, reason: 'On the wrong escalation.' }));
        expect(await drift()).toEqual(none);
      }
    }, 120_000);
  });

  describe('after imports from the command line', () => {
    const CLI = fileURLToPath(new URL('../../server/dist/imports/cli/import-cli.js', import.meta.url));
    const log = path.join(tmpdir(), `ei-aggregates-${process.pid}.csv`);
    let database: TestDatabase;
    let partnershipId: string;

    beforeAll(async () => {
      database = await createTestDatabase();
      partnershipId = (await insertPartnership(database.url, { template: DUDLEY })).partnershipId;
    });
    afterAll(async () => {
      await rm(log, { force: true });
      await database?.drop();
    });

    const importLog = () =>
      new Promise<{ code: number; stdout: string }>((resolve) => {
        execFile(process.execPath, [CLI, log, '--partnership', partnershipId, '--date-order', 'day-first'],
          { env: { ...process.env, DATABASE_URL: database.url, NODE_ENV: 'test' } },
          (error, stdout) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 2) : 0, stdout }));
      });

    it('are right after a file of new escalations, and after one that changes some of them', async () => {
      const options = { agencies: STANDARD_AGENCIES.map((a) => a.name), categories: DUDLEY.categories.map((c) => c.code) };
      await writeSyntheticLog(log, { ...options, rows: 1_500 });
      expect(await importLog()).toMatchObject({ code: 0, stdout: expect.stringMatching(/1,500 rows: 1500 new, 0 changed/) });
      await withClient(database.url, async (client) => {
        expect((await client.query('SELECT count(*)::int AS n FROM analytics_duration_cell')).rows[0].n).toBeGreaterThan(0);
        expect(await aggregateDrift(client)).toEqual(NO_DRIFT);
        expect(await analyticsDrift(client)).toEqual(NO_FACT_DRIFT);
      });
      // A longer log with the categories the other way round: its first 1,500 rows change those escalations, the rest are new.
      await writeSyntheticLog(log, { ...options, categories: [...options.categories].reverse(), rows: 2_000 });
      expect(await importLog()).toMatchObject({ code: 0, stdout: expect.stringMatching(/2,000 rows: 500 new, [1-9]\d* changed/) });
      await withClient(database.url, async (client) => {
        expect((await client.query('SELECT count(*)::int AS n FROM escalation')).rows[0].n).toBe(2_000);
        expect(await aggregateDrift(client)).toEqual(NO_DRIFT);
        expect(await analyticsDrift(client)).toEqual(NO_FACT_DRIFT);
      });
    }, 240_000);
  });

  describe('percentiles from the cells', () => {
    const NOW = new Date('2025-11-26T12:00:00Z');
    let app: TestApp;

    beforeAll(async () => {
      app = await startTestApp({
        clock: () => NOW, outcomeRefreshMinutes: 0, queryLimits: { maxCost: 1_000_000, costPerMinute: 100_000_000 },
        seed: (url) => generateDemoData(url, { size: 4_000, seed: 7, asOf: NOW, childKeySecret: 'aggregates-test-child-key-secret' }),
      });
    }, 240_000);
    afterAll(async () => {
      await app?.close();
    });

    it('keeps the demo data\'s cells right, with months of more values than the pivot spacing', async () => {
      await withClient(app.databaseUrl, async (client) => {
        expect(await aggregateDrift(client)).toEqual(NO_DRIFT);
        expect((await client.query('SELECT max(n)::int AS n FROM analytics_duration_cell WHERE kind = 1')).rows[0].n).toBeGreaterThan(64);
      });
    });

    const TIMES = `{ count median p90 }`;
    const BREACH = `query ($filter: AnalyticsFilter!, $agencyRole: AgencyRole) { breachStatistics(filter: $filter, agencyRole: $agencyRole) {
      overall { durations { unit timeTaken ${TIMES} lateness ${TIMES} } }
      byRule { ruleCode stageCode tier durations { unit timeTaken ${TIMES} lateness ${TIMES} } }
      byStage { stageCode tier durations { unit timeTaken ${TIMES} lateness ${TIMES} } }
      byTier { tier durations { unit timeTaken ${TIMES} lateness ${TIMES} } }
      byAgency { agencyId durations { unit timeTaken ${TIMES} lateness ${TIMES} } }
      byMonth { month durations { unit timeTaken ${TIMES} lateness ${TIMES} } }
    } }`;
    interface Times { count: number; median: number | null; p90: number | null }
    interface Group { ruleCode?: string; stageCode?: string; tier?: number; agencyId?: string; month?: string; durations: { unit: string; timeTaken: Times; lateness: Times }[] }
    type Breach = Record<'byRule' | 'byStage' | 'byTier' | 'byAgency' | 'byMonth', Group[]> & { overall: Group };

    /** percentile_cont over the outcome rows themselves, per breakdown group: the answer the cells must reproduce. */
    async function expected(partnershipId: string, filter: { from: string; to: string; urgencies?: readonly string[] }, agency: string): Promise<Map<string, [number, number, number]>> {
      const { rows } = await withClient(app.databaseUrl, (client) => client.query(
        `WITH o AS (
           SELECT *, upper(CASE limit_unit WHEN 'same_working_day' THEN 'working_days' ELSE limit_unit END) AS unit FROM analytics_outcome
           WHERE partnership_id = $1 AND raised_at >= ($2::date::timestamp AT TIME ZONE 'Europe/London') AND raised_at < ($3::date::timestamp AT TIME ZONE 'Europe/London')
             AND ($4::text[] IS NULL OR urgency = ANY($4)))
         SELECT concat_ws('|', CASE GROUPING(rule_code, stage_code, tier, ${agency}, raised_month)
                  WHEN 31 THEN 'overall' WHEN 3 THEN 'rule' WHEN 19 THEN 'stage' WHEN 27 THEN 'tier' WHEN 29 THEN 'agency' ELSE 'month' END,
                  coalesce(rule_code, ''), coalesce(stage_code, ''), coalesce(tier::text, ''), coalesce(${agency}::text, ''),
                  coalesce(raised_month::text, ''), unit, measure) AS id,
                count(*)::int AS n, percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY v) AS p
         FROM o CROSS JOIN LATERAL (VALUES ('taken', elapsed, status IN ('met', 'breached')), ('late', lateness, status IN ('breached', 'overdue'))) m (measure, v, counted)
         WHERE counted
         GROUP BY GROUPING SETS ((measure, unit), (measure, unit, rule_code, stage_code, tier), (measure, unit, stage_code, tier), (measure, unit, tier),
                                 (measure, unit, ${agency}), (measure, unit, raised_month))`,
        [partnershipId, filter.from, filter.to, filter.urgencies?.map((u) => u.toLowerCase()) ?? null],
      ));
      return new Map(rows.map((r: { id: string; n: number; p: number[] }) => [r.id, [r.n, r.p[0]!, r.p[1]!]]));
    }

    function answered(breach: Breach): Map<string, [number, number, number]> {
      const found = new Map<string, [number, number, number]>();
      const add = (kind: string, g: Group, keys: readonly (string | number | undefined)[]) => {
        for (const d of g.durations) {
          for (const [measure, times] of [['taken', d.timeTaken], ['late', d.lateness]] as const) {
            if (times.count > 0) found.set([kind, ...keys.map((k) => k ?? ''), d.unit, measure].join('|'), [times.count, times.median!, times.p90!]);
          }
        }
      };
      add('overall', breach.overall, ['', '', '', '', '']);
      for (const g of breach.byRule) add('rule', g, [g.ruleCode, g.stageCode, g.tier, '', '']);
      for (const g of breach.byStage) add('stage', g, ['', g.stageCode, g.tier, '', '']);
      for (const g of breach.byTier) add('tier', g, ['', '', g.tier, '', '']);
      for (const g of breach.byAgency) add('agency', g, ['', '', '', g.agencyId, '']);
      for (const g of breach.byMonth) add('month', g, ['', '', '', '', g.month]);
      return found;
    }

    it('give the same survival curves from the closure counts as from the escalations one by one', async () => {
      // A filter by every urgency leaves the cohort as it is, but makes the curve read each escalation.
      const CURVE = `{ tier escalations { value } resolved { value } censored { value } medianDays medianLowerDays medianUpperDays totalSteps
        steps { time atRisk events censored survival lower upper } }`;
      const KM = `query ($filter: AnalyticsFilter!) { timeToResolution(filter: $filter, maxSteps: 5000) { overall ${CURVE} byTier ${CURVE} } }`;
      const partnerships = await withClient(app.databaseUrl, async (client) =>
        (await client.query<{ id: string }>('SELECT id::text FROM partnership ORDER BY id')).rows.map((r) => r.id));
      const day = (n: number) => new Date(Date.UTC(2023, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
      let steps = 0;
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...partnerships), fc.integer({ min: 0, max: 900 }), fc.integer({ min: 1, max: 1_000 }), async (partnershipId, start, length) => {
          const client = await app.as('business_unit', { partnershipId });
          const period = { from: day(start), to: day(start + length) };
          const ask = async (filter: object) => dataOf(await client.graphql<{ timeToResolution: { overall: { steps: unknown[] } } }>(KM, { filter })).timeToResolution;
          const counted = await ask(period);
          expect(counted).toEqual(await ask({ ...period, urgencies: ['IMMEDIATE', 'URGENT', 'STANDARD'] }));
          steps += counted.overall.steps.length;
        }),
        { numRuns: 8 },
      );
      expect(steps).toBeGreaterThan(100);
    }, 120_000);

    it('are exactly percentile_cont over the outcomes, for any period, filter and agency role', async () => {
      const partnerships = await withClient(app.databaseUrl, async (client) =>
        (await client.query<{ id: string }>('SELECT id::text FROM partnership ORDER BY id')).rows.map((r) => r.id));
      const clients = new Map<string, TestClient>();
      const day = (n: number) => new Date(Date.UTC(2023, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...partnerships), fc.integer({ min: 0, max: 900 }), fc.integer({ min: 1, max: 1_000 }), fc.boolean(),
          fc.constantFrom(undefined, ['STANDARD'], ['URGENT', 'IMMEDIATE']),
          async (partnershipId, start, length, raising, urgencies) => {
            const filter = { from: day(start), to: day(start + length), ...(urgencies ? { urgencies } : {}) };
            const client = clients.get(partnershipId) ?? (await app.as('business_unit', { partnershipId }));
            clients.set(partnershipId, client);
            const breach = dataOf(await client.graphql<{ breachStatistics: Breach }>(BREACH, { filter, agencyRole: raising ? 'RAISING' : 'RECEIVING' })).breachStatistics;
            expect(answered(breach)).toEqual(await expected(partnershipId, filter, raising ? 'raising_agency_id' : 'receiving_agency_id'));
          },
        ),
        { numRuns: 12 },
      );
    }, 120_000);
  });

  describe('theme signals from the weekly counts', () => {
    let database: TestDatabase;
    let sequence = 0;
    const agencies = STANDARD_AGENCIES.map((a) => a.name);
    const DAY = 86_400_000;

    beforeAll(async () => {
      database = await createTestDatabase();
    });
    afterAll(async () => {
      await database?.drop();
    });

    /** Escalations of a few pairs: bursts (many a day, ties), stragglers weeks apart, some out of scope. */
    const cohort = fc.array(
      fc.record({
        pair: fc.integer({ min: 0, max: 3 }),
        day: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 400 })),
        minute: fc.constantFrom(0, 0, 1, 17, 600, 1_439),
        outOfScope: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      }),
      { minLength: 20, maxLength: 150, size: 'max' },
    );

    it('are the same as from the escalations one by one, for any N, W, period and filter', async () => {
      let runsWithSignals = 0;
      await fc.assert(
        fc.asyncProperty(
          cohort, fc.integer({ min: 2, max: 6 }), fc.integer({ min: 7, max: 60 }), fc.integer({ min: -10, max: 60 }), fc.integer({ min: 1, max: 450 }),
          fc.boolean(), fc.integer({ min: 1, max: 50 }),
          async (rows, minCount, windowDays, fromDay, length, narrowed, limit) => {
            const p = await insertFixturePartnership(database.url, DUDLEY, `signals-${++sequence}`);
            const start = Date.UTC(2024, 0, 3, 8, 30);
            const escalations = rows.map((r, i): FixtureEscalation => ({
              reference: `S-${i + 1}`,
              raisedAt: new Date(start + r.day * DAY + r.minute * 60_000).toISOString(),
              raising: agencies[r.pair % 2]!,
              receiving: agencies[2 + (r.pair % 2)]!,
              category: DUDLEY.categories[r.pair < 2 ? 0 : 1]!.code,
              urgency: URGENCIES[i % URGENCIES.length]!,
              stages: ['1'],
              status: r.outOfScope ? 'out_of_scope' : 'open',
              ...(r.outOfScope ? { closedAt: new Date(start + r.day * DAY + DAY).toISOString() } : {}),
            }));
            await insertEscalations(database.url, p, escalations);
            const day = (n: number) => new Date(start + n * DAY).toISOString().slice(0, 10);
            const scope = {
              period: { from: day(fromDay), to: day(fromDay + length) },
              partnershipIds: [p.partnershipId],
              raisingAgencyIds: null,
              receivingAgencyIds: narrowed ? [p.agencies[agencies[2]!]!] : null,
              categoryCodes: narrowed ? [DUDLEY.categories[0]!.code] : null,
              urgencies: null,
            };
            await withClient(database.url, async (client) => {
              const run = async <R>(sql: string, params: unknown) =>
                (await client.query(sql, [...((params as { values?: unknown[] }).values ?? (params as unknown[]))])).rows as R[];
              const byRows = await readThemeSignalsFromRows(run, scope, minCount, windowDays, limit);
              const byWeeks = await readThemeSignalsFromWeeks(run, scope, minCount, windowDays, limit);
              expect(byWeeks).toEqual(byRows);
              if (byRows.length > 0) runsWithSignals++;
            });
          },
        ),
        { numRuns: 30 },
      );
      // The comparison must not be vacuous: some generated cohorts have to contain signals.
      expect(runsWithSignals).toBeGreaterThan(0);
    }, 180_000);
  });
});

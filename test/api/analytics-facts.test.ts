import { ESCALATION_GROUPING_SETS, OUTCOME_GROUPING_SETS } from '@escalation-insights/server';
import fc from 'fast-check';
import { insertAnalyticsDataset, type AnalyticsDataset } from '../support/analytics-dataset.js';
import { analyticsDrift } from '../support/analytics-facts.js';
import { createTestDatabase, withClient, type TestDatabase } from '../support/test-database.js';

/**
 * The analytics tables are derived data kept by statement triggers (migration
 * 1764200000000): whatever is written to escalations, stage entries and timescale
 * outcomes, and however (one row, many in one statement, cascades), they must equal a
 * recomputation from scratch.
 */
const NO_DRIFT = { analytics_escalation: 0, analytics_outcome: 0, analytics_escalation_month: 0, analytics_outcome_month: 0 };

/** Writes a test may make, each one SQL statement over a random slice of the escalations. */
const WRITES: readonly { readonly name: string; readonly sql: string }[] = [
  { name: 'change urgency', sql: `UPDATE escalation SET urgency = (ARRAY['immediate','urgent','standard'])[1 + (id % 3)::int] WHERE id % $1 = $2` },
  { name: 'recategorise', sql: `UPDATE escalation e SET category_code = (SELECT min(code) FROM protocol_category c WHERE c.partnership_id = e.partnership_id AND c.protocol_id = e.protocol_id) WHERE id % $1 = $2` },
  { name: 'mark out of scope', sql: `UPDATE escalation SET status = 'out_of_scope', resolved_tier = NULL, closed_at = coalesce(closed_at, raised_at + interval '1 day') WHERE id % $1 = $2` },
  { name: 'reopen', sql: `UPDATE escalation SET status = 'open', resolved_tier = NULL, closed_at = NULL WHERE id % $1 = $2 AND status <> 'open'` },
  { name: 'move raising a month on', sql: `UPDATE escalation SET raised_at = raised_at + interval '31 days', closed_at = closed_at + interval '31 days' WHERE id % $1 = $2` },
  { name: 'forget a stage entry', sql: `DELETE FROM stage_entry WHERE escalation_id % $1 = $2 AND ladder_order = 2` },
  { name: 'breach a timescale', sql: `UPDATE timescale_outcome SET status = 'breached', lateness = 1.5 WHERE escalation_id % $1 = $2 AND status = 'met'` },
  { name: 'drop outcomes', sql: `DELETE FROM timescale_outcome WHERE escalation_id % $1 = $2` },
  { name: 'delete escalations', sql: `DELETE FROM escalation WHERE id % $1 = $2` },
  { name: 'copy escalations', sql: `INSERT INTO escalation (partnership_id, reference, protocol_id, raised_at, raising_agency_id, receiving_agency_id, category_code,
      urgency, raised_via, status, closed_at, current_stage_code, highest_tier, highest_stage_order, resolved_tier)
    SELECT partnership_id, reference || '-copy-' || (random() * 1e9)::bigint, protocol_id, raised_at - interval '40 days', raising_agency_id,
      receiving_agency_id, category_code, urgency, raised_via, status, closed_at - interval '40 days', current_stage_code, highest_tier,
      highest_stage_order, resolved_tier FROM escalation WHERE id % $1 = $2` },
];

describe('analytics facts', () => {
  let database: TestDatabase;
  let dataset: AnalyticsDataset;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataset = await insertAnalyticsDataset(database.url);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('uses the grouping sets the server plans with', async () => {
    const { rows } = await withClient(database.url, (client) => client.query<{ fact: string; mask: number }>('SELECT fact, mask FROM analytics_grouping_set'));
    expect(rows.filter((r) => r.fact === 'escalation').map((r) => r.mask).sort()).toEqual([...ESCALATION_GROUPING_SETS].sort());
    expect(rows.filter((r) => r.fact === 'outcome').map((r) => r.mask).sort()).toEqual([...OUTCOME_GROUPING_SETS].sort());
  });

  it('are right after the fixture was written', async () => {
    expect(dataset.ids.size).toBe(27);
    expect(await withClient(database.url, analyticsDrift)).toEqual(NO_DRIFT);
  });

  it('stay right through any sequence of writes, in or out of transactions', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ write: fc.integer({ min: 0, max: WRITES.length - 1 }), modulus: fc.integer({ min: 2, max: 5 }), rest: fc.integer({ min: 0, max: 4 }) }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        async (writes, inTransaction) => {
          await withClient(database.url, async (client) => {
            if (inTransaction) await client.query('BEGIN');
            for (const { write, modulus, rest } of writes) await client.query(WRITES[write]!.sql, [modulus, rest % modulus]);
            if (inTransaction) await client.query('COMMIT');
            expect(await analyticsDrift(client)).toEqual(NO_DRIFT);
          });
        },
      ),
      { numRuns: 8 },
    );
  });

  it('are rebuilt from scratch by analytics_rebuild(), and after a TRUNCATE', async () => {
    await withClient(database.url, async (client) => {
      await client.query('SELECT analytics_rebuild()');
      expect(await analyticsDrift(client)).toEqual(NO_DRIFT);
      await client.query('TRUNCATE escalation CASCADE');
      expect(await analyticsDrift(client)).toEqual(NO_DRIFT);
      expect((await client.query('SELECT count(*)::int AS n FROM analytics_escalation_month')).rows[0].n).toBe(0);
    });
  });
});

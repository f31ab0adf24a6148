import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateDemoData, seedDemoDataIfEmpty, type DemoSummary } from '@escalation-insights/database';
import { createTestDatabase, withClient, type TestDatabase } from '../support/test-database.js';

const OPTIONS = {
  size: 3000,
  seed: 4242,
  asOf: new Date('2025-11-26T12:00:00Z'),
  childKeySecret: 'demo-data-test-secret-at-least-32-characters',
} as const;

/** Row count and a checksum of the columns that carry the data's meaning, in a fixed order. */
const CHECKSUMS: Readonly<Record<string, string>> = {
  escalation: `SELECT count(*) AS n, md5(string_agg(concat_ws(',', id, reference, child_key, raised_at, raising_agency_id, raising_role,
      receiving_agency_id, category_code, urgency, raised_via, summary, status, outcome, closed_at, current_stage_code, highest_tier,
      resolved_tier, written_confirmation_given, feedback_given), '|' ORDER BY partnership_id, id)) AS sum FROM escalation`,
  stage_entry: `SELECT count(*) AS n, md5(string_agg(concat_ws(',', id, escalation_id, stage_code, entered_at, exited_at, exit_reason,
      skipped_stage_codes, participants), '|' ORDER BY partnership_id, id)) AS sum FROM stage_entry`,
  milestone: `SELECT count(*) AS n, md5(string_agg(concat_ws(',', id, escalation_id, stage_code, kind, occurred_at), '|'
      ORDER BY partnership_id, id)) AS sum FROM milestone`,
  timescale_outcome: `SELECT count(*) AS n, md5(string_agg(concat_ws(',', escalation_id, rule_code, status, anchor_at, deadline, target_at,
      elapsed, lateness), '|' ORDER BY partnership_id, escalation_id, rule_code)) AS sum FROM timescale_outcome`,
  strategic_log_entry: `SELECT count(*) AS n, md5(string_agg(concat_ws(',', title, added_on, status, owner), '|' ORDER BY partnership_id, id)) AS sum
      FROM strategic_log_entry`,
  learning: `SELECT count(*) AS n, md5(string_agg(concat_ws(',', l.title, a.description, a.status, a.due_on), '|' ORDER BY a.partnership_id, a.id)) AS sum
      FROM learning_action a JOIN learning_item l ON (l.partnership_id, l.id) = (a.partnership_id, a.learning_item_id)`,
};

async function checksums(url: string): Promise<Record<string, unknown>> {
  return withClient(url, async (client) => {
    const result: Record<string, unknown> = {};
    for (const [table, sql] of Object.entries(CHECKSUMS)) result[table] = (await client.query(sql)).rows[0];
    return result;
  });
}

async function rows<T>(url: string, sql: string): Promise<T[]> {
  return withClient(url, async (client) => (await client.query(sql)).rows as T[]);
}

describe('demo data generator', () => {
  let first: TestDatabase;
  let second: TestDatabase;
  let summary: DemoSummary;

  beforeAll(async () => {
    [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    [summary] = await Promise.all([generateDemoData(first.url, OPTIONS), generateDemoData(second.url, OPTIONS)]);
  }, 240_000);
  afterAll(async () => {
    await Promise.all([first?.drop(), second?.drop()]);
  });

  it('writes the same rows twice from the same seed', async () => {
    const [a, b] = await Promise.all([checksums(first.url), checksums(second.url)]);
    expect(a).toEqual(b);
    expect(a['escalation']).toMatchObject({ n: String(OPTIONS.size) });
  });

  it('creates one partnership per protocol template, each with 10 to 14 agencies', async () => {
    expect(summary.partnerships).toHaveLength(5);
    const agencies = await rows<{ n: number }>(first.url, 'SELECT count(*)::int AS n FROM agency GROUP BY partnership_id');
    expect(agencies).toHaveLength(5);
    for (const { n } of agencies) expect(n).toBeGreaterThanOrEqual(10);
    for (const { n } of agencies) expect(n).toBeLessThanOrEqual(14);
  });

  it('enters stages in ladder order from the first, with gaps only where a skip is recorded', async () => {
    const broken = await rows(first.url, `
      WITH entry AS (
        SELECT s.*, coalesce(lag(s.ladder_order) OVER w, 0) AS previous_order, row_number() OVER w AS n
        FROM stage_entry s WINDOW w AS (PARTITION BY s.partnership_id, s.escalation_id ORDER BY s.entered_at, s.ladder_order))
      SELECT e.escalation_id FROM entry e
      WHERE (e.n = 1 AND e.ladder_order <> 1)
         OR e.ladder_order <= e.previous_order
         OR e.skipped_stage_codes IS DISTINCT FROM coalesce((SELECT array_agg(p.code ORDER BY p.ladder_order) FROM protocol_stage p
              WHERE (p.partnership_id, p.protocol_id) = (e.partnership_id, e.protocol_id)
                AND p.ladder_order > e.previous_order AND p.ladder_order < e.ladder_order), '{}')`);
    expect(broken).toEqual([]);
    const skips = await rows<{ n: number }>(first.url, `SELECT count(*)::int AS n FROM stage_entry WHERE cardinality(skipped_stage_codes) > 0`);
    expect(skips[0]!.n).toBeGreaterThan(0);
  });

  it("keeps each escalation's current stage, highest tier and status consistent with its stage entries", async () => {
    const inconsistent = await rows(first.url, `
      SELECT e.id FROM escalation e
      JOIN LATERAL (SELECT s.stage_code, s.tier, s.ladder_order, s.exited_at, s.exit_reason FROM stage_entry s
        WHERE (s.partnership_id, s.escalation_id) = (e.partnership_id, e.id) ORDER BY s.ladder_order DESC LIMIT 1) last ON true
      WHERE last.stage_code <> e.current_stage_code OR last.tier <> e.highest_tier OR last.ladder_order <> e.highest_stage_order
         OR (e.status = 'open') <> (last.exited_at IS NULL)
         OR (e.status = 'resolved' AND (last.exit_reason <> 'resolved' OR e.resolved_tier <> last.tier OR e.closed_at <> last.exited_at))`);
    expect(inconsistent).toEqual([]);
  });

  it('records a timescale outcome for every escalation and every rule of its protocol', async () => {
    const missing = await rows<{ n: number }>(first.url, `
      SELECT count(*)::int AS n FROM escalation e
      JOIN timescale_rule r ON (r.partnership_id, r.protocol_id) = (e.partnership_id, e.protocol_id)
      LEFT JOIN timescale_outcome o ON (o.partnership_id, o.escalation_id, o.rule_code) = (e.partnership_id, e.id, r.code)
      WHERE o.rule_code IS NULL OR o.stage_code <> r.stage_code OR o.limit_unit <> r.limit_unit OR o.evaluated_at <> '${OPTIONS.asOf.toISOString()}'`);
    expect(missing[0]!.n).toBe(0);
    const extra = await rows<{ n: number }>(first.url, `
      SELECT (SELECT count(*) FROM timescale_outcome)::int - (SELECT count(*) FROM escalation e
        JOIN timescale_rule r ON (r.partnership_id, r.protocol_id) = (e.partnership_id, e.protocol_id))::int AS n`);
    expect(extra[0]!.n).toBe(0);
  });

  it('has reach rates that fall off up the tiers of every ladder', async () => {
    const reach = await rows<{ partnership_id: string; tier: number; rate: number }>(first.url, `
      SELECT t.partnership_id, t.tier, avg((e.highest_tier >= t.tier)::int)::float AS rate
      FROM (SELECT DISTINCT partnership_id, tier FROM protocol_stage) t
      JOIN escalation e ON e.partnership_id = t.partnership_id AND e.status <> 'out_of_scope'
      GROUP BY 1, 2 ORDER BY 1, 2`);
    const byPartnership = new Map<string, typeof reach>();
    for (const r of reach) byPartnership.set(r.partnership_id, [...(byPartnership.get(r.partnership_id) ?? []), r]);
    expect(byPartnership.size).toBe(5);
    for (const tiers of byPartnership.values()) {
      const rates = tiers.map((t) => t.rate);
      expect(rates[0]).toBe(1);
      for (let i = 1; i < rates.length; i++) expect(rates[i]!).toBeLessThan(rates[i - 1]!);
      expect(rates[1]!).toBeGreaterThan(0.25);
      expect(rates[1]!).toBeLessThan(0.6);
      expect(rates[rates.length - 1]!).toBeLessThan(0.06);
    }
  });

  it('has met, breached and overdue timescales in every partnership', async () => {
    const counts = await rows<{ met: number; breached: number; overdue: number }>(first.url, `
      SELECT count(*) FILTER (WHERE status = 'met')::int AS met, count(*) FILTER (WHERE status = 'breached')::int AS breached,
             count(*) FILTER (WHERE status = 'overdue')::int AS overdue
      FROM timescale_outcome GROUP BY partnership_id`);
    expect(counts).toHaveLength(5);
    for (const c of counts) {
      expect(c.met).toBeGreaterThan(c.breached);
      expect(c.breached).toBeGreaterThan(0);
      expect(c.overdue).toBeGreaterThan(0);
    }
  });

  it('marks about 2% out of scope and leaves recent ones open', async () => {
    const statuses = await rows<{ out_of_scope: number; open: number; n: number }>(first.url, `
      SELECT avg((status = 'out_of_scope')::int)::float AS out_of_scope, count(*) FILTER (WHERE status = 'open')::int AS open, count(*)::int AS n
      FROM escalation GROUP BY partnership_id`);
    for (const s of statuses) {
      expect(s.out_of_scope).toBeGreaterThan(0.005);
      expect(s.out_of_scope).toBeLessThan(0.05);
      expect(s.open).toBeGreaterThan(0);
    }
  });

  it('never has an agency escalate to itself, and shows a silent police force in one partnership', async () => {
    const self = await rows<{ n: number }>(first.url, 'SELECT count(*)::int AS n FROM escalation WHERE raising_agency_id = receiving_agency_id');
    expect(self[0]!.n).toBe(0);
    const silentPolice = await rows(first.url, `
      SELECT a.partnership_id FROM agency a WHERE a.sector = 'police' AND NOT EXISTS (
        SELECT 1 FROM escalation e WHERE (e.partnership_id, e.raising_agency_id) = (a.partnership_id, a.id))`);
    expect(silentPolice).toHaveLength(1);
  });

  it('pseudonymises children and lets some children come up more than once', async () => {
    const children = await rows<{ keys: number; repeated: number }>(first.url, `
      SELECT count(DISTINCT child_key)::int AS keys,
             (SELECT count(*) FROM (SELECT 1 FROM escalation GROUP BY partnership_id, child_key HAVING count(*) > 1) r)::int AS repeated
      FROM escalation WHERE child_key ~ '^[0-9a-f]{64}$'`);
    expect(children[0]!.keys).toBeLessThan(OPTIONS.size);
    expect(children[0]!.repeated).toBeGreaterThan(0);
  });

  it('links strategic log entries and learning items to escalations', async () => {
    const links = await rows<{ log: number; learning: number; history: number; actions: number }>(first.url, `
      SELECT (SELECT count(*) FROM strategic_log_escalation)::int AS log, (SELECT count(*) FROM learning_item_escalation)::int AS learning,
             (SELECT count(*) FROM strategic_log_status_change)::int AS history, (SELECT count(*) FROM learning_action)::int AS actions`);
    expect(links[0]).toEqual({ log: expect.any(Number), learning: expect.any(Number), history: expect.any(Number), actions: expect.any(Number) });
    for (const n of Object.values(links[0]!)) expect(n).toBeGreaterThan(0);
  });

  it('advances the identity sequences past the ids it wrote', async () => {
    const next = await rows<{ ok: boolean }>(first.url, `
      SELECT nextval(pg_get_serial_sequence('escalation', 'id')) > (SELECT max(id) FROM escalation)
         AND nextval(pg_get_serial_sequence('stage_entry', 'id')) > (SELECT max(id) FROM stage_entry)
         AND nextval(pg_get_serial_sequence('milestone', 'id')) > (SELECT max(id) FROM milestone) AS ok`);
    expect(next[0]!.ok).toBe(true);
  });

  it('seeds only an empty database', async () => {
    expect(await seedDemoDataIfEmpty(first.url, { ...OPTIONS, size: 10 })).toBe(false);
    const fresh = await createTestDatabase();
    try {
      expect(await seedDemoDataIfEmpty(fresh.url, { ...OPTIONS, size: 10 })).toBe(true);
      const count = await rows<{ n: number }>(fresh.url, 'SELECT count(*)::int AS n FROM escalation');
      expect(count[0]!.n).toBe(10);
    } finally {
      await fresh.drop();
    }
  });
});

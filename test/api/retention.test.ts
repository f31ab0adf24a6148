import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { generateDemoData, type InstalledPartnership } from '@escalation-insights/database';
import { createApp, generateSchemaSdl, RetentionJobService } from '@escalation-insights/server';
import { GLOUCESTERSHIRE_GSCP_2025 } from '@escalation-insights/shared';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildSchema, getNamedType, isNonNullType, isObjectType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { Journey, perform, TestClock, type ApiEscalation } from '../support/escalation-api.js';
import { insertPartnership } from '../support/fixtures.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';
import { createTestDatabase, withClient } from '../support/test-database.js';

const RETENTION_CLI = fileURLToPath(new URL('../../server/dist/retention/cli/retention-cli.js', import.meta.url));
const NOW = '2025-11-26T12:00:00.000Z';
const WHOLE_PERIOD = { from: '2022-01-01', to: '2025-12-01' };
const CHILD_KEY_SECRET = 'retention-test-child-key-secret-0123456789';

/** Every field of a type that takes no required argument, objects expanded to `depth`: the whole answer of a figure. */
function everything(type: GraphQLObjectType, depth: number): string {
  const fields = Object.values(type.getFields()).filter((f) => f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined));
  return fields
    .map((field) => {
      const named = getNamedType(field.type);
      if (!isObjectType(named)) return field.name;
      return depth > 0 ? `${field.name} { ${everything(named, depth - 1)} }` : '';
    })
    .filter(Boolean)
    .join(' ');
}

const FIGURES = ['analyticsOverview', 'stageReach', 'breachStatistics', 'themes', 'themeSignals', 'drift', 'timeToResolution'] as const;

function figureQueries(schema: GraphQLSchema): Record<string, string> {
  const query = schema.getQueryType()!;
  return Object.fromEntries(FIGURES.map((name) => {
    const type = getNamedType(query.getFields()[name]!.type) as GraphQLObjectType;
    const args = name === 'themes' ? '(filter: $filter, interval: QUARTER)' : '(filter: $filter)';
    return [name, `query Figure($filter: AnalyticsFilter!) { ${name}${args} { ${everything(type, 5)} } }`];
  }));
}

/** Every figure of the dashboard over the whole period, for each partnership, as its business unit sees them (exact counts). */
async function allFigures(callers: readonly { partnershipId: string; client: TestClient }[], queries: Record<string, string>): Promise<Record<string, unknown>> {
  const figures: Record<string, unknown> = {};
  for (const { partnershipId, client } of callers) {
    for (const [name, query] of Object.entries(queries)) {
      const response = await client.graphql(query, { filter: { ...WHOLE_PERIOD, partnershipIds: [partnershipId] } });
      if (response.errors) throw new Error(`${name}: ${JSON.stringify(response.errors)}`);
      figures[`${partnershipId} ${name}`] = response.data;
    }
  }
  return figures;
}

/** md5 of every row of the record tables, to show that a dry run changes nothing. */
async function recordDigest(url: string): Promise<Record<string, string>> {
  return withClient(url, async (client) => {
    const digest: Record<string, string> = {};
    for (const table of ['escalation', 'stage_entry', 'milestone', 'escalation_correction', 'audit_event', 'analytics_escalation', 'analytics_escalation_month', 'analytics_outcome_month']) {
      const { rows } = await client.query<{ md5: string }>(`SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM ${table} t`);
      digest[table] = rows[0]!.md5;
    }
    return digest;
  });
}

interface StoredDetail {
  summary: string;
  child_key: string | null;
  outcome: string | null;
  retention_applied_at: Date | null;
  participants: string[][];
  entry_notes: string[];
  milestone_notes: string[];
  corrections: { reason: string; before: Record<string, unknown>; after: Record<string, unknown> }[];
}

async function storedDetail(url: string, partnershipId: string, escalationId: string): Promise<StoredDetail> {
  return withClient(url, async (client) => (await client.query<StoredDetail>(`
    SELECT e.summary, e.child_key, e.outcome, e.retention_applied_at,
           (SELECT jsonb_agg(to_jsonb(s.participants) ORDER BY s.id) FROM stage_entry s WHERE s.partnership_id = e.partnership_id AND s.escalation_id = e.id) AS participants,
           (SELECT array_agg(s.notes ORDER BY s.id) FROM stage_entry s WHERE s.partnership_id = e.partnership_id AND s.escalation_id = e.id) AS entry_notes,
           (SELECT coalesce(array_agg(m.notes ORDER BY m.id), '{}') FROM milestone m WHERE m.partnership_id = e.partnership_id AND m.escalation_id = e.id) AS milestone_notes,
           (SELECT coalesce(jsonb_agg(jsonb_build_object('reason', c.reason, 'before', c.before, 'after', c.after) ORDER BY c.id), '[]')
            FROM escalation_correction c WHERE c.partnership_id = e.partnership_id AND c.escalation_id = e.id) AS corrections
    FROM escalation e WHERE e.partnership_id = $1 AND e.id = $2`, [partnershipId, escalationId])).rows[0]!);
}

describe('record retention', () => {
  const clock = new TestClock(NOW);
  let app: TestApp;
  let glos: InstalledPartnership;
  let demo: { id: string; code: string }[];
  let unit: TestClient;
  let admin: TestClient;
  let old: ApiEscalation;
  let recent: ApiEscalation;
  let queries: Record<string, string>;

  /** Raised, with participants, notes, a child reference, a milestone note, resolved with an outcome, then corrected. */
  async function journey(raisedAt: string, label: string): Promise<ApiEscalation> {
    const day = (n: number) => new Date(Date.parse(raisedAt) + n * 86_400_000 + 3_600_000).toISOString();
    const j = new Journey(unit, clock);
    await j.record({
      partnershipId: glos.partnershipId, raisingAgencyId: glos.agencyIds['Police'], receivingAgencyId: glos.agencyIds['Health'],
      raisingRole: 'PC', categoryCode: 'agreed_actions', urgency: 'STANDARD', raisedVia: 'PHONE', raisedAt,
      summary: `${label}: the school and the GP disagree about the plan for Child A.`, childReference: `CASE-${label}`,
      participants: ['PC Jones', 'Nurse Patel'], notes: `${label}: spoke to both by phone.`,
    });
    await j.milestone('LINE_MANAGER_CONTACTED', day(1), { notes: `${label}: the team manager called back.` });
    const resolved = await j.resolve(day(3), { outcome: `${label}: agreed a joint visit to Child A.`, writtenConfirmationGiven: true, feedbackGiven: true });
    clock.set(NOW);
    return perform(unit, 'correctEscalation', {
      input: {
        partnershipId: glos.partnershipId, escalationId: resolved.id, expectedVersion: resolved.version,
        reason: `${label}: the summary named the wrong school.`, summary: `${label}: the academy and the GP disagree about the plan for Child A.`,
      },
    });
  }

  beforeAll(async () => {
    app = await startTestApp({
      clock: clock.now,
      outcomeRefreshMinutes: 0,
      retentionSchedule: null,
      queryLimits: { maxCost: 10_000_000, costPerMinute: 1_000_000_000 },
      seed: async (url) => {
        await generateDemoData(url, { size: 400, seed: 5, asOf: new Date(NOW), childKeySecret: CHILD_KEY_SECRET });
        glos = await insertPartnership(url, { template: GLOUCESTERSHIRE_GSCP_2025, code: 'retention-glos' });
      },
    });
    demo = await withClient(app.databaseUrl, async (client) =>
      (await client.query<{ id: string; code: string }>(`SELECT id::text, code FROM partnership WHERE code <> 'retention-glos' ORDER BY id`)).rows);
    unit = await app.as('business_unit', { partnershipId: glos.partnershipId });
    admin = await app.as('administrator');
    old = await journey('2022-03-07T09:00:00.000Z', 'Old');
    recent = await journey('2025-03-03T09:00:00.000Z', 'Recent');
    // Two uploads of a log, one long ago: their sample rows and quoted cells are the file's own detail.
    await withClient(app.databaseUrl, async (client) => {
      for (const [name, at] of [['old-log.csv', '2022-04-01T10:00:00Z'], ['recent-log.csv', '2025-04-01T10:00:00Z']] as const) {
        const { rows: [session] } = await client.query<{ id: string }>(
          `INSERT INTO import_session (partnership_id, file_name, file_kind, file_size, file_checksum, stored_file, headers, sample_rows, status, created_at, updated_at)
           VALUES ($1, $2, 'csv', 100, repeat('a', 64), '', ARRAY['Ref', 'Summary'], '[["R-1", "About Child A"]]', 'invalid', $3, $3) RETURNING id::text`,
          [glos.partnershipId, name, at]);
        await client.query(`INSERT INTO import_problem (partnership_id, session_id, ordinal, row_number, column_header, field, code, message, cell_value)
          VALUES ($1, $2, 1, 2, 'Summary', 'summary', 'TOO_LONG', 'Too long.', 'About Child A')`, [glos.partnershipId, session!.id]);
      }
    });
    queries = figureQueries(buildSchema(await generateSchemaSdl()));
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  const setPeriod = (partnershipId: string, yearsAfterClose: number | null, caller: TestClient = admin) =>
    caller.graphql<{ setRetentionPeriod: { id: string; retentionYearsAfterClose: number | null } }>(
      `mutation($input: RetentionPeriodInput!) { setRetentionPeriod(input: $input) { id retentionYearsAfterClose } }`,
      { input: { partnershipId, yearsAfterClose } },
    );

  it('lets administrators set a partnership\'s retention period, audited, and refuses periods out of range', async () => {
    const set = await setPeriod(glos.partnershipId, 3);
    expect(set.errors).toBeUndefined();
    expect(set.data!.setRetentionPeriod).toEqual({ id: glos.partnershipId, retentionYearsAfterClose: 3 });
    const audited = await withClient(app.databaseUrl, async (client) => (await client.query(
      `SELECT actor_user_id::text, changes FROM audit_event WHERE partnership_id = $1 AND action = 'partnership.retention_changed' ORDER BY id`, [glos.partnershipId])).rows);
    expect(audited).toEqual([{ actor_user_id: admin.id, changes: { before: { yearsAfterClose: null }, after: { yearsAfterClose: 3 } } }]);

    for (const years of [0, 101]) {
      const refused = await setPeriod(glos.partnershipId, years);
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect((await setPeriod('999999', 3)).errors?.[0]?.extensions?.code).toBe('PARTNERSHIP_NOT_FOUND');
    const byUnit = await setPeriod(glos.partnershipId, 1, unit);
    expect(byUnit.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { rows } = await withClient(app.databaseUrl, (client) => client.query('SELECT retention_years FROM partnership WHERE id = $1', [glos.partnershipId]));
    expect(rows[0]).toEqual({ retention_years: 3 });
  });

  it('a dry run lists what would be cleared, by reference and count, and changes nothing', async () => {
    // The first demo partnership keeps detail one year after closing; the others keep it.
    expect((await setPeriod(demo[0]!.id, 1)).errors).toBeUndefined();
    const before = await recordDigest(app.databaseUrl);
    const run = await app.get(RetentionJobService).run({ dryRun: true, trigger: 'command line' });
    expect(run.dryRun).toBe(true);
    expect(run.partnerships.map((p) => p.partnershipId).sort()).toEqual([demo[0]!.id, glos.partnershipId].sort());
    const glosRun = run.partnerships.find((p) => p.partnershipId === glos.partnershipId)!;
    expect(glosRun).toMatchObject({
      yearsAfterClose: 3, closedBefore: new Date('2022-11-26T12:00:00.000Z'), escalations: 1, stageEntries: 1, milestones: 1, corrections: 1,
      importFiles: 1, references: [old.reference], auditEventId: null,
    });
    const demoRun = run.partnerships.find((p) => p.partnershipId === demo[0]!.id)!;
    const expected = await withClient(app.databaseUrl, async (client) => (await client.query<{ reference: string }>(
      `SELECT reference FROM escalation WHERE partnership_id = $1 AND closed_at < '2024-11-26T12:00:00Z' ORDER BY closed_at, id`, [demo[0]!.id])).rows.map((r) => r.reference));
    expect(expected.length).toBeGreaterThan(10);
    expect(demoRun.references).toEqual(expected);
    expect(demoRun.escalations).toBe(expected.length);
    expect(await recordDigest(app.databaseUrl)).toEqual(before);
  }, 60_000);

  it('clears the detail past the period, keeps the detail within it, and leaves every figure as it was', async () => {
    const callers = [
      { partnershipId: glos.partnershipId, client: unit },
      { partnershipId: demo[0]!.id, client: await app.as('business_unit', { partnershipId: demo[0]!.id }) },
    ];
    const figuresBefore = await allFigures(callers, queries);
    const recentBefore = await storedDetail(app.databaseUrl, glos.partnershipId, recent.id);
    const oldBefore = await storedDetail(app.databaseUrl, glos.partnershipId, old.id);
    expect(oldBefore.child_key).toMatch(/^[0-9a-f]{64}$/);
    expect(oldBefore.corrections[0]!.before).toMatchObject({ summary: 'Old: the school and the GP disagree about the plan for Child A.' });

    const run = await app.get(RetentionJobService).run({ trigger: 'command line' });
    const glosRun = run.partnerships.find((p) => p.partnershipId === glos.partnershipId)!;
    expect(glosRun).toMatchObject({ escalations: 1, stageEntries: 1, milestones: 1, corrections: 1, importFiles: 1, auditEventId: expect.any(String) });
    const uploads = await withClient(app.databaseUrl, async (client) => (await client.query(
      `SELECT s.file_name, s.sample_rows, p.cell_value FROM import_session s JOIN import_problem p ON (p.partnership_id, p.session_id) = (s.partnership_id, s.id)
       WHERE s.partnership_id = $1 ORDER BY s.created_at`, [glos.partnershipId])).rows);
    expect(uploads).toEqual([
      { file_name: 'old-log.csv', sample_rows: [], cell_value: null },
      { file_name: 'recent-log.csv', sample_rows: [['R-1', 'About Child A']], cell_value: 'About Child A' },
    ]);

    // Past the period: no free text, no child key; the facts stay.
    const oldAfter = await storedDetail(app.databaseUrl, glos.partnershipId, old.id);
    expect(oldAfter).toMatchObject({
      summary: '', child_key: null, outcome: null, retention_applied_at: new Date(NOW),
      participants: [[]], entry_notes: [''], milestone_notes: [''],
    });
    expect(oldAfter.corrections).toEqual([{
      reason: 'Removed when the retention period ended.',
      before: { ...oldBefore.corrections[0]!.before, summary: null },
      after: { ...oldBefore.corrections[0]!.after, summary: null },
    }]);
    const timeline = await perform(unit, 'get', { partnershipId: glos.partnershipId, id: old.id });
    expect(timeline).toMatchObject({
      status: 'RESOLVED', raisedAt: old.raisedAt, closedAt: old.closedAt, categoryCode: 'agreed_actions', highestTier: old.highestTier,
      summary: '', outcome: null, hasChildReference: false, version: old.version + 1,
    });
    expect(timeline.timescaleOutcomes).toEqual(old.timescaleOutcomes);
    const stamp = async (id: string) => (await unit.graphql<{ escalation: { retentionAppliedAt: string | null } }>(
      `query($p: ID!, $id: ID!) { escalation(partnershipId: $p, id: $id) { retentionAppliedAt } }`, { p: glos.partnershipId, id })).data?.escalation.retentionAppliedAt;
    expect(await stamp(old.id)).toBe(NOW);
    expect(await stamp(recent.id)).toBeNull();

    // Within the period: untouched.
    expect(await storedDetail(app.databaseUrl, glos.partnershipId, recent.id)).toEqual(recentBefore);

    // The statistics, whole period, every figure: identical.
    expect(await allFigures(callers, queries)).toEqual(figuresBefore);

    // Each run is audited: counts, never content or references.
    const events = await withClient(app.databaseUrl, async (client) => (await client.query<{ id: string; actor_label: string; changes: unknown }>(
      `SELECT id::text, actor_label, changes FROM audit_event WHERE partnership_id = $1 AND action = 'retention.applied' ORDER BY id`, [glos.partnershipId])).rows);
    expect(events).toEqual([{
      id: glosRun.auditEventId, actor_label: 'system',
      changes: {
        before: {},
        after: { yearsAfterClose: 3, closedBefore: '2022-11-26T12:00:00.000Z', trigger: 'command line', escalations: 1, stageEntries: 1, milestones: 1, corrections: 1, importFiles: 1 },
      },
    }]);
    expect(JSON.stringify(events)).not.toContain(old.reference);

    // A second run finds nothing left to clear (and says so in its own audit event).
    const again = await app.get(RetentionJobService).run({ trigger: 'command line', partnershipId: glos.partnershipId });
    expect(again.partnerships).toMatchObject([{ escalations: 0, stageEntries: 0, milestones: 0, corrections: 0, importFiles: 0 }]);
  }, 120_000);

  it('the command line: a dry run prints references and counts and changes nothing; an unknown partnership is an error', async () => {
    const run = (...args: string[]) => new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [RETENTION_CLI, ...args], { env: { ...process.env, DATABASE_URL: app.databaseUrl, NODE_ENV: 'test' } }, (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 2) : 0, stdout, stderr }));
    });
    await withClient(app.databaseUrl, (client) => client.query(`UPDATE escalation SET summary = 'Added again by an import.' WHERE partnership_id = $1 AND id = $2`, [glos.partnershipId, old.id]));
    const before = await recordDigest(app.databaseUrl);
    const dry = await run('--dry-run', '--partnership', glos.partnershipId);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Retention dry run');
    expect(dry.stdout).toMatch(new RegExp(`Partnership ${glos.partnershipId} \\(.*\\), detail kept 3 years after closing \\(escalations closed before \\d+ \\w+ \\d{4}\\): would clear 1 escalation, 0 stage entries, 0 milestones, 0 corrections, 0 imported files\\.`));
    expect(dry.stdout).toContain(`  ${old.reference}\n`);
    expect(await recordDigest(app.databaseUrl)).toEqual(before);

    const unknown = await run('--partnership', '999999');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No partnership has id 999999');
  }, 60_000);
});

describe('the retention job in the server', () => {
  it('runs on its schedule, and stops when the app shuts down', async () => {
    const database = await createTestDatabase();
    try {
      const glos = await insertPartnership(database.url, { template: GLOUCESTERSHIRE_GSCP_2025 });
      await generateDemoData(database.url, { size: 60, seed: 9, asOf: new Date(NOW), childKeySecret: CHILD_KEY_SECRET });
      await withClient(database.url, (client) => client.query(`UPDATE partnership SET retention_years = 1`));
      const runs = () => withClient(database.url, async (client) =>
        (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'retention.applied' AND changes -> 'after' ->> 'trigger' = 'schedule'`)).rows[0]!.n);
      const server = await createApp({
        databaseUrl: database.url, port: 0, logger: false, outcomeRefreshMinutes: 0, clock: () => new Date(NOW),
        retentionSchedule: { firstRunAfterMs: 50, everyMs: 150 },
      });
      const until = Date.now() + 20_000;
      while ((await runs()) < 12 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
      await server.close();
      const afterClose = await runs();
      expect(afterClose).toBeGreaterThanOrEqual(12); // two runs or more over six partnerships
      const cleared = await withClient(database.url, async (client) => (await client.query<{ n: number; left: number }>(
        `SELECT count(*) FILTER (WHERE retention_applied_at IS NOT NULL)::int AS n,
                count(*) FILTER (WHERE summary <> '' OR child_key IS NOT NULL)::int AS left
         FROM escalation WHERE closed_at < '2024-11-26T12:00:00Z'`)).rows[0]!);
      expect(cleared.n).toBeGreaterThan(0);
      expect(cleared.left).toBe(0);
      expect(glos.partnershipId).toBeDefined();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await runs()).toBe(afterClose);
    } finally {
      await database.drop();
    }
  }, 60_000);
});

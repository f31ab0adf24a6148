import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CSCP_FIVE_STAGES, DUDLEY, type UserRole } from '@escalation-insights/shared';
import pg from 'pg';
import { insertEscalations, insertFixturePartnership, type FixtureEscalation, type FixturePartnership } from '../support/analytics-fixture.js';
import { appRoleUrl, inTenant, TENANT_TABLES_SQL } from '../support/app-role.js';
import { createUser, type TestUser } from '../support/sign-in.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { withClient } from '../support/test-database.js';

/*
 * The national picture, worked by hand from two partnerships' escalations raised in the
 * second quarter of 2025, [1 April, 1 July), as London dates.
 *
 * Partnership A (Dudley: stages 1, 2, 3a, 3b, exceptional = tiers 1–5), in the period:
 *   A1–A4  tier 1, resolved    (A1 raised 31 March 23:30 UTC = 1 April 00:30 in London: inside)
 *   A5–A6  tier 2, resolved;   A7 tier 2, open
 *   A8–A9  tier 3, open
 *   A10    tier 5, open        (raised 30 June 22:59 UTC = 23:59 in London: inside)
 *   raised 10 · open 4 (A7–A10) · closed 6
 *   reached ≥1 10 · ≥2 6 · ≥3 3 · ≥4 1 · ≥5 1; highest tier exactly 1: 4, 2: 3, 3: 2, 4: 0
 *   outcomes: met 6 (A1–A6), breached 2 (A7, A8), overdue 1 (A9), pending 2 (A10 twice), not applicable 1 (A5)
 *   → decided = 6 + 2 + 1 = 9, late = 3, compliance 6/9
 *   also: 1 out of scope in the period (its breached outcome counts nowhere); 1 raised 30 June 23:30 UTC
 *   = 1 July 00:30 in London (outside).
 * Partnership B (CSCP: stages 1–5 = tiers 1–5), in the period:
 *   B1–B8 tier 1 resolved · B9–B13 tier 2 resolved, B14 tier 2 withdrawn · B15–B17 tier 3 open
 *   B18 tier 4 resolved, B19 tier 4 open · B20 tier 5 open
 *   raised 20 · open 5 (B15–B17, B19, B20) · closed 15
 *   reached ≥1 20 · ≥2 12 · ≥3 6 · ≥4 3 · ≥5 1; exactly 1: 8, 2: 6, 3: 3, 4: 2
 *   outcomes: met 12 (B1–B12), breached 3 (B13–B15), pending 1 (B16) → decided 15, late 3, compliance 12/15
 *   also: 2 out of scope in the period; 1 raised 31 March 22:59 UTC = 23:59 in London (outside).
 * Total: raised 30 · open 9 · closed 21 · reached ≥2 18 · ≥3 9 · ≥4 4 · ≥5 2; exactly 1: 12, 2: 9, 3: 5, 4: 2
 *   met 18 · late 6 · decided 24 → compliance 18/24 = 0.75 · out of scope 3.
 *
 * Suppression (always, for national viewers). Primary, the counts 1–4:
 *   A: open 4, out of scope 1, ≥3 3, ≥4 1, ≥5 1, exactly-1 4, exactly-2 3, exactly-3 2, late 3
 *   B: out of scope 2, ≥4 3, ≥5 1, exactly-3 3, exactly-4 2, late 3
 *   total: out of scope 3, ≥4 4, ≥5 2, exactly-4 2
 * Secondary, relation by relation until none has exactly one hidden count:
 *   A: raised 10 = open + closed → closed 6 hidden; 10 = ≥2 + exactly-1 → ≥2 6 hidden; decided 9 = met + late → met 6 hidden
 *   B: decided 15 = met + late → met 12 hidden
 *   total: ≥3 9 = ≥4 + exactly-3 → exactly-3 5 hidden
 *   across (total = A + B): open 9 = 4 + 5 → B's open 5 hidden; closed → B's closed 15; ≥2 18 = 6 + 12 → B's ≥2 12;
 *     ≥3 9 = 3 + 6 → B's ≥3 6; exactly-1 → B's 8; exactly-2 → B's 6. Then every relation has 0 or ≥ 2 hidden.
 * Shown: A raised 10, decided 9; B raised 20, decided 15; total raised 30, open 9 (30%), ≥2 18 (60%), ≥3 9 (30%),
 *   met 18 and late 6 (compliance 75%), decided 24. Everything else "<5", shares and compliance behind them null.
 */

const NATIONAL = `query ($filter: NationalFilter!) { nationalOverview(filter: $filter) {
  period { from to days } smallNumbersSuppressed asOf
  partnerships { ...Figures } total { ...Figures }
} }
fragment Figures on NationalFigures {
  partnershipId name raised { value display suppressed } open { value display suppressed } openShare
  reachedTopTier { value display suppressed } topTierShare reach { tier reached { value } share }
  compliance timescalesDecided { value } outOfScope { value display suppressed }
}`;

interface Count { value: number | null; display: string; suppressed: boolean }
interface Figures {
  partnershipId: string | null; name: string; raised: Count; open: Count; openShare: number | null; reachedTopTier: Count; topTierShare: number | null;
  reach: { tier: number; reached: { value: number | null }; share: number | null }[]; compliance: number | null;
  timescalesDecided: { value: number | null }; outOfScope: Count;
}
interface NationalData {
  nationalOverview: { period: { from: string; to: string; days: number }; smallNumbersSuppressed: boolean; asOf: string; partnerships: Figures[]; total: Figures };
}

const NOW = new Date('2025-07-15T12:00:00.000Z');
const QUARTER = { from: '2025-04-01', to: '2025-07-01' };
const HIDDEN: Count = { value: null, display: '<5', suppressed: true };
const shown = (value: number): Count => ({ value, display: String(value), suppressed: false });

type Outcome = NonNullable<FixtureEscalation['outcomes']>[number];

/** An outcome of `rule`; a late one (breached, overdue) a working day late. */
const outcome = (rule: string, status: Outcome['status']): Outcome =>
  status === 'breached' || status === 'overdue' ? { rule, status, lateness: 1 } : { rule, status };

function escalation(
  reference: string, raisedAt: string, stages: string[], status: FixtureEscalation['status'], category: string, outcomes: Outcome[] = [],
): FixtureEscalation {
  const closedAt = status === 'open' ? undefined : new Date(Date.parse(raisedAt) + 2 * 86_400_000).toISOString();
  return {
    reference, raisedAt, raising: 'Health', receiving: 'Education', category, urgency: 'standard', stages, status, outcomes,
    ...(closedAt ? { closedAt } : {}),
  };
}

/** Dudley (A), as in the table above. */
function partnershipA(): FixtureEscalation[] {
  const cat = 'course_of_action';
  const s1 = (status: Outcome['status']): Outcome => outcome('stage-1-standard-local-5wd', status);
  const wc = (status: Outcome['status']): Outcome => outcome('written-confirmation-local-2wd', status);
  const tier5 = ['1', '2', '3a', '3b', 'exceptional'];
  return [
    escalation('A1', '2025-03-31T23:30:00.000Z', ['1'], 'resolved', cat, [s1('met')]),
    escalation('A2', '2025-04-10T10:00:00.000Z', ['1'], 'resolved', cat, [s1('met')]),
    escalation('A3', '2025-04-15T10:00:00.000Z', ['1'], 'resolved', cat, [s1('met')]),
    escalation('A4', '2025-05-02T10:00:00.000Z', ['1'], 'resolved', cat, [s1('met')]),
    escalation('A5', '2025-05-05T10:00:00.000Z', ['1', '2'], 'resolved', cat, [s1('met'), wc('not_applicable')]),
    escalation('A6', '2025-05-20T10:00:00.000Z', ['1', '2'], 'resolved', cat, [s1('met')]),
    escalation('A7', '2025-06-01T10:00:00.000Z', ['1', '2'], 'open', cat, [s1('breached')]),
    escalation('A8', '2025-06-05T10:00:00.000Z', ['1', '2', '3a'], 'open', cat, [s1('breached')]),
    escalation('A9', '2025-06-10T10:00:00.000Z', ['1', '2', '3a'], 'open', cat, [s1('overdue')]),
    escalation('A10', '2025-06-30T22:59:00.000Z', tier5, 'open', cat, [s1('pending'), wc('pending')]),
    escalation('A-out-of-scope', '2025-05-10T10:00:00.000Z', ['1'], 'out_of_scope', cat, [s1('breached')]),
    escalation('A-july', '2025-06-30T23:30:00.000Z', ['1'], 'resolved', cat, [s1('met')]),
  ];
}

/** CSCP (B), as in the table above. */
function partnershipB(): FixtureEscalation[] {
  const cat = 'referral_or_threshold_decision';
  const s1 = (status: Outcome['status']): Outcome => outcome('stage-1-local-5wd', status);
  const day = (n: number) => `2025-04-${String(n).padStart(2, '0')}T09:00:00.000Z`;
  const list: FixtureEscalation[] = [];
  for (let i = 1; i <= 8; i++) list.push(escalation(`B${i}`, day(i), ['1'], 'resolved', cat, [s1('met')]));
  for (let i = 9; i <= 12; i++) list.push(escalation(`B${i}`, day(i), ['1', '2'], 'resolved', cat, [s1('met')]));
  list.push(escalation('B13', day(13), ['1', '2'], 'resolved', cat, [s1('breached')]));
  list.push(escalation('B14', day(14), ['1', '2'], 'withdrawn', cat, [s1('breached')]));
  list.push(escalation('B15', '2025-05-15T09:00:00.000Z', ['1', '2', '3'], 'open', cat, [s1('breached')]));
  list.push(escalation('B16', '2025-05-16T09:00:00.000Z', ['1', '2', '3'], 'open', cat, [s1('pending')]));
  list.push(escalation('B17', '2025-05-17T09:00:00.000Z', ['1', '2', '3'], 'open', cat));
  list.push(escalation('B18', '2025-06-18T09:00:00.000Z', ['1', '2', '3', '4'], 'resolved', cat));
  list.push(escalation('B19', '2025-06-19T09:00:00.000Z', ['1', '2', '3', '4'], 'open', cat));
  list.push(escalation('B20', '2025-06-20T09:00:00.000Z', ['1', '2', '3', '4', '5'], 'open', cat));
  list.push(escalation('B-out-of-scope-1', '2025-05-01T09:00:00.000Z', ['1'], 'out_of_scope', cat, [s1('breached')]));
  list.push(escalation('B-out-of-scope-2', '2025-05-02T09:00:00.000Z', ['1', '2'], 'out_of_scope', cat));
  list.push(escalation('B-march', '2025-03-31T22:59:00.000Z', ['1'], 'resolved', cat, [s1('met')]));
  return list;
}

describe('the national picture', () => {
  let app: TestApp;
  let a: FixturePartnership;
  let b: FixturePartnership;
  let viewer: Awaited<ReturnType<TestApp['as']>>;

  beforeAll(async () => {
    app = await startTestApp({ clock: () => NOW, outcomeRefreshMinutes: 0 });
    a = await insertFixturePartnership(app.databaseUrl, DUDLEY, 'a');
    b = await insertFixturePartnership(app.databaseUrl, CSCP_FIVE_STAGES, 'b');
    await insertEscalations(app.databaseUrl, a, partnershipA());
    await insertEscalations(app.databaseUrl, b, partnershipB());
    viewer = await app.as('national_viewer');
  });
  afterAll(async () => {
    await app?.close();
  });

  const overview = async (filter: object) => {
    const response = await viewer.graphql<NationalData>(NATIONAL, { filter });
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!.nationalOverview;
  };
  const reach = (f: Figures) => f.reach.map((r) => [r.reached.value, r.share]);

  it('gives each partnership and the total, small numbers suppressed with secondary suppression, as worked out by hand', async () => {
    const o = await overview(QUARTER);
    expect(o.period).toEqual({ from: '2025-04-01', to: '2025-07-01', days: 91 });
    expect(o.smallNumbersSuppressed).toBe(true);
    expect(o.asOf).toBe(NOW.toISOString());
    const byId = Object.fromEntries(o.partnerships.map((p) => [p.partnershipId, p]));
    expect(Object.keys(byId).sort()).toEqual([a.partnershipId, b.partnershipId].sort());
    const [figA, figB] = [byId[a.partnershipId]!, byId[b.partnershipId]!];

    expect(figA).toMatchObject({
      name: 'Dudley Safeguarding Children Board (a)',
      raised: shown(10), open: HIDDEN, openShare: null, reachedTopTier: HIDDEN, topTierShare: null,
      compliance: null, timescalesDecided: { value: 9 }, outOfScope: HIDDEN,
    });
    expect(reach(figA)).toEqual([[10, 1], [null, null], [null, null], [null, null], [null, null]]);

    expect(figB).toMatchObject({
      raised: shown(20), open: HIDDEN, openShare: null, reachedTopTier: HIDDEN, compliance: null, timescalesDecided: { value: 15 }, outOfScope: HIDDEN,
    });
    expect(reach(figB)).toEqual([[20, 1], [null, null], [null, null], [null, null], [null, null]]);

    expect(o.total).toMatchObject({
      partnershipId: null, name: 'All partnerships',
      raised: shown(30), open: shown(9), openShare: 0.3, reachedTopTier: HIDDEN, topTierShare: null,
      compliance: 0.75, timescalesDecided: { value: 24 }, outOfScope: HIDDEN,
    });
    expect(reach(o.total)).toEqual([[30, 1], [18, 0.6], [9, 0.3], [null, null], [null, null]]);
  });

  it('narrows to the partnerships asked for: with one, its row and the total are the same figures', async () => {
    // B alone: open 5 and ≥2 12, ≥3 6 no longer give A's counts away; late 3 still hides met 12 (and so compliance).
    const o = await overview({ ...QUARTER, partnershipIds: [b.partnershipId] });
    expect(o.partnerships.map((p) => p.partnershipId)).toEqual([b.partnershipId]);
    for (const figures of [o.partnerships[0]!, o.total]) {
      expect(figures).toMatchObject({
        raised: shown(20), open: shown(5), openShare: 0.25, reachedTopTier: HIDDEN, compliance: null, timescalesDecided: { value: 15 }, outOfScope: HIDDEN,
      });
      expect(reach(figures)).toEqual([[20, 1], [12, 0.6], [6, 0.3], [null, null], [null, null]]);
    }
  });

  it('counts each day of raising in London time: the edges of the period are exact', async () => {
    // April alone, B: B1–B14 raised 1–14 April (09:00 UTC = 10:00 London); B-march (31 March, 23:59 London) is outside → 14.
    // (open 0, closed 14, ≥2 6, exactly-1 8: nothing small gives it away.)
    const aprilB = await overview({ from: '2025-04-01', to: '2025-05-01', partnershipIds: [b.partnershipId] });
    expect(aprilB.total.raised).toEqual(shown(14));
    expect(aprilB.total.open).toEqual(shown(0));
    // A in April: A1 (1 April 00:30 London), A2, A3 → 3, suppressed; with both partnerships, B's 14 is then hidden
    // too, or the total 17 would give A's 3 away.
    const april = await overview({ from: '2025-04-01', to: '2025-05-01' });
    expect(april.partnerships.map((p) => p.raised)).toEqual([HIDDEN, HIDDEN]);
    expect(april.total.raised).toEqual(shown(17));
    // 30 June alone: A10 (23:59 London) only; A-july (1 July 00:30 London) is the next day.
    const lastDay = await overview({ from: '2025-06-30', to: '2025-07-01', partnershipIds: [a.partnershipId] });
    expect(lastDay.total.raised).toEqual(HIDDEN);
    const nextDay = await overview({ from: '2025-07-01', to: '2025-07-02', partnershipIds: [a.partnershipId] });
    expect(nextDay.total.raised).toEqual(HIDDEN);
    const nothing = await overview({ from: '2025-07-02', to: '2025-07-10' });
    expect(nothing.total.raised).toEqual(shown(0));
    expect(nothing.total.compliance).toBeNull();
  });

  it('refuses other roles, anyone signed out, and a filter it cannot answer, with codes that say why', async () => {
    const codes: Record<string, string | undefined> = {};
    for (const role of ['administrator', 'business_unit', 'executive', 'improvement_group', 'scrutineer'] as UserRole[]) {
      const caller = await app.as(role, { partnershipId: role === 'administrator' ? null : a.partnershipId });
      codes[role] = (await caller.graphql(NATIONAL, { filter: QUARTER })).errors?.[0]?.extensions?.code;
    }
    codes['signed out'] = (await app.graphql(NATIONAL, { filter: QUARTER })).errors?.[0]?.extensions?.code;
    expect(codes).toEqual({
      administrator: 'FORBIDDEN', business_unit: 'FORBIDDEN', executive: 'FORBIDDEN', improvement_group: 'FORBIDDEN', scrutineer: 'FORBIDDEN',
      'signed out': 'UNAUTHENTICATED',
    });
    const code = async (filter: object) => (await viewer.graphql(NATIONAL, { filter })).errors?.[0]?.extensions?.code;
    expect(await code({ from: '2025-07-01', to: '2025-04-01' })).toBe('INVALID_PERIOD');
    expect(await code({ from: '2025-02-30', to: '2025-04-01' })).toBe('INVALID_PERIOD');
    expect(await code({ from: '2000-01-01', to: '2025-04-01' })).toBe('PERIOD_TOO_LONG');
    expect(await code({ ...QUARTER, partnershipIds: ['999999'] })).toBe('PARTNERSHIP_NOT_FOUND');
    expect(await code({ ...QUARTER, partnershipIds: ['one'] })).toBe('BAD_USER_INPUT');
  });
});

describe('what a national viewer’s database settings open', () => {
  let app: TestApp;
  let a: FixturePartnership;
  let b: FixturePartnership;
  let national: TestUser;
  let client: pg.Client;

  beforeAll(async () => {
    app = await startTestApp({ clock: () => NOW, outcomeRefreshMinutes: 0, auth: { signInAttemptsPerMinute: 1000 } });
    a = await insertFixturePartnership(app.databaseUrl, DUDLEY, 'a');
    b = await insertFixturePartnership(app.databaseUrl, CSCP_FIVE_STAGES, 'b');
    await insertEscalations(app.databaseUrl, a, partnershipA());
    await insertEscalations(app.databaseUrl, b, partnershipB());
    national = await createUser(app.databaseUrl, 'national_viewer', { password: 'a password long enough' });
    // Rows in every kind of table: sign-ins in a partnership's audit chain and in the chain of none, a correction.
    const unit = await createUser(app.databaseUrl, 'business_unit', { partnershipId: a.partnershipId, password: 'a password long enough' });
    for (const email of [national.email, unit.email]) {
      const response = await app.request(`mutation ($e: String!) { signIn(input: { email: $e, password: "a password long enough" }) { id } }`, { e: email });
      expect(response.body.errors).toBeUndefined();
    }
    await withClient(app.databaseUrl, (owner) =>
      owner.query(
        `INSERT INTO escalation_correction (partnership_id, escalation_id, target, before, after, reason)
         SELECT partnership_id, id, 'escalation', '{}', '{}', 'test' FROM escalation WHERE partnership_id = $1 LIMIT 1`,
        [b.partnershipId],
      ),
    );
    client = new pg.Client({ connectionString: await appRoleUrl(app.databaseUrl) });
    await client.connect();
  }, 120_000);
  afterAll(async () => {
    await client?.end();
    await app?.close();
  });

  const asNational = <T>(work: () => Promise<T>) => inTenant(client, { partnershipId: null, role: 'national_viewer', userId: national.id }, work);

  /** Tables a national viewer may read across partnerships: reference data, and the analytics' monthly counts (analytics_*_month). */
  const REFERENCE = new Set(['partnership', 'agency', 'protocol', 'protocol_stage', 'protocol_category', 'timescale_rule']);
  const readable = (table: string) => REFERENCE.has(table) || /^analytics_[a-z_]+_month$/.test(table);

  it('reads no row of any other table that holds a partnership id, with app.national on — the audit trail included', async () => {
    const tables = await withClient(app.databaseUrl, async (owner) => (await owner.query<{ table: string; column: string }>(TENANT_TABLES_SQL)).rows);
    const owned = await withClient(app.databaseUrl, async (owner) => {
      const counts: Record<string, number> = {};
      for (const { table } of tables) counts[table] = (await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
      return counts;
    });
    expect(owned['escalation']).toBe(35);
    expect(owned['audit_event']).toBeGreaterThanOrEqual(2);
    const seen = await asNational(async () => {
      const result: Record<string, number | 'denied'> = {};
      for (const { table } of tables) {
        if (readable(table)) continue;
        await client.query('SAVEPOINT probe');
        try {
          const where = table === 'app_user' ? `WHERE id <> ${Number(national.id)}` : '';
          result[table] = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} ${where}`)).rows[0]!.n;
          await client.query('RELEASE SAVEPOINT probe');
        } catch (error) {
          if ((error as { code?: string }).code !== '42501') throw error;
          result[table] = 'denied';
          await client.query('ROLLBACK TO SAVEPOINT probe');
        }
      }
      return result;
    });
    // Nothing: no row, or no privilege at all (tables only definer functions touch).
    const rowsSeen = Object.fromEntries(Object.entries(seen).filter(([, n]) => n !== 'denied' && n !== 0));
    expect(rowsSeen).toEqual({});
    expect(Object.keys(seen)).toEqual(expect.arrayContaining(['escalation', 'stage_entry', 'milestone', 'timescale_outcome', 'escalation_correction', 'audit_event', 'analytics_escalation']));
  });

  it('reads the daily views across partnerships, exactly by London day — the counts the API suppresses', async () => {
    const rows = await asNational(async () =>
      (await client.query<{ p: string; raised: number; oos: number }>(
        `SELECT partnership_id::text AS p,
                sum(escalations) FILTER (WHERE status <> 'out_of_scope')::int AS raised,
                sum(escalations) FILTER (WHERE status = 'out_of_scope')::int AS oos
         FROM national_escalation_daily WHERE raised_on >= '2025-04-01' AND raised_on < '2025-07-01' GROUP BY 1 ORDER BY 1`,
      )).rows,
    );
    expect(rows).toEqual([
      { p: a.partnershipId, raised: 10, oos: 1 },
      { p: b.partnershipId, raised: 20, oos: 2 },
    ].sort((x, y) => Number(x.p) - Number(y.p)));
    const outcomes = await asNational(async () =>
      (await client.query<{ status: string; n: number }>(
        `SELECT status, sum(outcomes)::int AS n FROM national_timescale_daily
         WHERE raised_on >= '2025-04-01' AND raised_on < '2025-07-01' GROUP BY 1 ORDER BY 1`,
      )).rows,
    );
    // A: met 6, breached 2, overdue 1, pending 2, n/a 1; B: met 12, breached 3, pending 1 (out of scope left out).
    expect(outcomes).toEqual([
      { status: 'breached', n: 5 }, { status: 'met', n: 18 }, { status: 'not_applicable', n: 1 }, { status: 'overdue', n: 1 }, { status: 'pending', n: 3 },
    ]);
  });

  it('shows the daily views to a partnership role for its own partnership only, and to an administrator not at all', async () => {
    const partnerships = async (settings: Parameters<typeof inTenant>[1]) =>
      inTenant(client, settings, async () => (await client.query<{ p: string }>(
        `SELECT DISTINCT partnership_id::text AS p FROM national_escalation_daily
         UNION SELECT DISTINCT partnership_id::text FROM national_timescale_daily`,
      )).rows.map((row) => row.p));
    expect(await partnerships({ partnershipId: b.partnershipId, role: 'executive' })).toEqual([b.partnershipId]);
    expect(await partnerships({ partnershipId: null, role: 'administrator' })).toEqual([]);
    expect(await partnerships({ partnershipId: null, role: null })).toEqual([]);
    // A national viewer's role without app.national set is not enough (the setting is the app's, per transaction).
    const bare = await inTenant(client, { partnershipId: null, role: null }, async () => {
      await client.query(`SELECT set_config('app.role', 'national_viewer', true)`);
      return (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM national_escalation_daily')).rows[0]!.n;
    });
    expect(bare).toBe(0);
  });
});

import type { InstalledPartnership } from '@escalation-insights/database';
import { CSCP_FIVE_STAGES, GLOUCESTERSHIRE_GSCP_2025, type UserRole } from '@escalation-insights/shared';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { insertPartnership } from '../support/fixtures.js';
import { Journey, TestClock } from '../support/escalation-api.js';
import { startTestApp, type GraphqlResponse, type TestApp, type TestClient } from '../support/test-app.js';
import { withClient } from '../support/test-database.js';

/*
 * Reading the audit trail from the app: a page at a time by cursor, filtered, each
 * partnership's own chain; scrutineers see every event's changes, administrators not
 * those of events about records; the same as CSV.
 *
 * The fixture: two escalations of Gloucestershire, each recorded, moved to stage 2, given a
 * milestone and resolved — 4 events each, 8 in all — and one of a second partnership:
 *   J1 by `unit`:    3 March 09:00 recorded · 4 March 09:00 stage 2 · 4 March 12:00 milestone · 5 March 09:00 resolved
 *   J2 by `formula`: 10 March 09:00 recorded · 11 March 09:00 stage 2 · 11 March 12:00 milestone · 12 March 09:00 resolved
 * (March: London time is UTC, so UK dates are the UTC dates above.)
 */

interface ApiEvent {
  id: string;
  partnershipId: string | null;
  occurredAt: string;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: string | null;
  changesWithheld: boolean;
  requestId: string | null;
  hash: string;
  previousHash: string | null;
}

interface TrailPage {
  events: ApiEvent[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

const TRAIL = `query($filter: AuditTrailFilter, $first: Int, $after: String) {
  auditTrail(filter: $filter, first: $first, after: $after) {
    totalCount hasNextPage endCursor
    events { id partnershipId occurredAt actorUserId actorLabel action entityType entityId changes changesWithheld requestId hash previousHash }
  }
}`;

interface StoredEvent {
  id: string;
  action: string;
  changes: unknown;
  hash: string;
  previous_hash: string | null;
}

/** RFC 4180 as the export writes it: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  return rows;
}

describe('the audit trail, read from the app', () => {
  const clock = new TestClock('2025-03-03T09:00:00.000Z');
  let app: TestApp;
  let glos: InstalledPartnership;
  let cscp: InstalledPartnership;
  let unit: TestClient;
  let formula: TestClient;
  let scrutineer: TestClient;
  let administrator: TestClient;
  let journeys: Journey[];

  const stored = (partnershipId: string) =>
    withClient(app.databaseUrl, async (client) =>
      (await client.query<StoredEvent>(
        `SELECT id::text AS id, action, changes, hash, previous_hash FROM audit_event WHERE partnership_id = $1 ORDER BY audit_event.id DESC`,
        [partnershipId],
      )).rows,
    );

  async function trail(caller: TestClient, variables: { filter?: object; first?: number; after?: string | null }): Promise<GraphqlResponse<{ auditTrail: TrailPage }>> {
    return caller.graphql<{ auditTrail: TrailPage }>(TRAIL, variables);
  }

  async function page(caller: TestClient, variables: { filter?: object; first?: number; after?: string | null }): Promise<TrailPage> {
    const response = await trail(caller, variables);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!.auditTrail;
  }

  async function journey(partnership: InstalledPartnership, client: TestClient, day: number): Promise<Journey> {
    const at = (d: number, time: string) => `2025-03-${String(d).padStart(2, '0')}T${time}:00.000Z`;
    const j = new Journey(client, clock);
    await j.record({
      partnershipId: partnership.partnershipId, raisingAgencyId: partnership.agencyIds['Health'], raisingRole: 'School nurse',
      receivingAgencyId: partnership.agencyIds['Education'], categoryCode: partnership === glos ? 'agreed_actions' : 'information_sharing',
      urgency: 'STANDARD', raisedVia: 'VIDEO', summary: 'Information not shared.', raisedAt: at(day, '09:00'), childReference: `case ${day}`,
    });
    await j.move('2', at(day + 1, '09:00'));
    await j.milestone('FEEDBACK_GIVEN', at(day + 1, '12:00'));
    await j.resolve(at(day + 2, '09:00'), { outcome: 'Shared.', writtenConfirmationGiven: true, feedbackGiven: true });
    return j;
  }

  const get = (caller: TestClient | null, path: string) => fetch(`${app.url}${path}`, { headers: caller ? { cookie: caller.cookie } : {} });

  beforeAll(async () => {
    app = await startTestApp({
      clock: clock.now,
      seed: async (url) => {
        glos = await insertPartnership(url, { template: GLOUCESTERSHIRE_GSCP_2025 });
        cscp = await insertPartnership(url, { template: CSCP_FIVE_STAGES });
      },
    });
    unit = await app.as('business_unit', { partnershipId: glos.partnershipId });
    // An email a spreadsheet would run as a formula: the CSV must defuse it.
    formula = await app.as('business_unit', { partnershipId: glos.partnershipId, email: '=sum(1+1)@test.example' });
    const cscpUnit = await app.as('business_unit', { partnershipId: cscp.partnershipId });
    journeys = [await journey(glos, unit, 3), await journey(glos, formula, 10), await journey(cscp, cscpUnit, 17)];
    scrutineer = await app.as('scrutineer', { partnershipId: glos.partnershipId });
    administrator = await app.as('administrator', { partnershipId: glos.partnershipId });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("pages through its own partnership's trail newest first, by cursor, with no gap and no repeat", async () => {
    const first = await page(scrutineer, { first: 3 });
    const second = await page(scrutineer, { first: 3, after: first.endCursor });
    const third = await page(scrutineer, { first: 3, after: second.endCursor });
    expect([first, second, third].map((p) => [p.events.length, p.totalCount, p.hasNextPage])).toEqual([
      [3, 8, true],
      [3, 8, true],
      [2, 8, false],
    ]);
    const seen = [...first.events, ...second.events, ...third.events];
    const glosEvents = await stored(glos.partnershipId);
    expect(seen.map((e) => e.id)).toEqual(glosEvents.map((e) => e.id));
    expect(new Set(seen.map((e) => e.partnershipId))).toEqual(new Set([glos.partnershipId]));
    expect(seen.map((e) => e.occurredAt)).toEqual([
      '2025-03-12T09:00:00.000Z', '2025-03-11T12:00:00.000Z', '2025-03-11T09:00:00.000Z', '2025-03-10T09:00:00.000Z',
      '2025-03-05T09:00:00.000Z', '2025-03-04T12:00:00.000Z', '2025-03-04T09:00:00.000Z', '2025-03-03T09:00:00.000Z',
    ]);
    expect(seen.map((e) => e.action).slice(0, 4)).toEqual(['escalation.resolved', 'escalation.milestone_recorded', 'escalation.stage_entered', 'escalation.recorded']);
    // What the scrutineer sees is what is stored: the changes, the hashes, the chain's links.
    for (const [i, event] of seen.entries()) {
      expect(event.changesWithheld).toBe(false);
      expect(JSON.parse(event.changes!)).toEqual(glosEvents[i]!.changes);
      expect([event.hash, event.previousHash]).toEqual([glosEvents[i]!.hash, glosEvents[i]!.previous_hash]);
    }
    expect(seen.slice(0, -1).map((e) => e.previousHash)).toEqual(seen.slice(1).map((e) => e.hash));
    // Past the end: an empty page.
    expect(await page(scrutineer, { first: 3, after: third.endCursor })).toEqual({ events: [], totalCount: 8, hasNextPage: false, endCursor: null });
  });

  it('filters by action, record, actor and period ([from, to) in UK dates), every condition together', async () => {
    const count = async (filter: object) => {
      const result = await page(scrutineer, { filter, first: 50 });
      return [result.totalCount, result.events.map((e) => `${e.action}@${e.occurredAt.slice(5, 16)}`)];
    };
    const [j1, j2] = journeys;
    expect(await count({ action: 'escalation.recorded' })).toEqual([2, ['escalation.recorded@03-10T09:00', 'escalation.recorded@03-03T09:00']]);
    expect((await count({ entityType: 'escalation', entityId: j1!.escalation.id }))[0]).toBe(4);
    expect((await count({ actorUserId: formula.id }))[0]).toBe(4);
    // 4 March: J1's stage 2 and milestone; 5 to 10 March (to excluded 11th): J1 resolved, J2 recorded.
    expect(await count({ from: '2025-03-04', to: '2025-03-05' })).toEqual([2, ['escalation.milestone_recorded@03-04T12:00', 'escalation.stage_entered@03-04T09:00']]);
    expect(await count({ from: '2025-03-05', to: '2025-03-11' })).toEqual([2, ['escalation.recorded@03-10T09:00', 'escalation.resolved@03-05T09:00']]);
    expect(await count({ from: '2025-03-05' })).toEqual([5, expect.any(Array)]);
    expect(await count({ to: '2025-03-05' })).toEqual([3, expect.any(Array)]);
    expect(await count({ action: 'escalation.resolved', actorUserId: formula.id, entityId: j2!.escalation.id })).toEqual([1, ['escalation.resolved@03-12T09:00']]);
    expect(await count({ action: 'escalation.resolved', entityId: journeys[2]!.escalation.id })).toEqual([0, []]);
    // Another partnership's chain is not there to filter: row-level security keeps it out.
    expect((await count({ partnershipId: cscp.partnershipId }))[0]).toBe(0);
  });

  it("shows administrators who did what and every hash, but not the changes of events about records", async () => {
    const result = await page(administrator, { first: 50 });
    const glosEvents = await stored(glos.partnershipId);
    expect(result.totalCount).toBe(glosEvents.length);
    expect(result.events.map((e) => e.hash)).toEqual(glosEvents.map((e) => e.hash));
    expect(result.events.every((e) => e.changes === null && e.changesWithheld)).toBe(true);
    expect(result.events[0]).toMatchObject({ actorLabel: formula.email, actorUserId: formula.id, action: 'escalation.resolved', entityType: 'escalation' });

    const everyPartnership = await app.as('administrator');
    const all = await page(everyPartnership, { first: 50 });
    expect(new Set(all.events.map((e) => e.partnershipId))).toEqual(new Set([glos.partnershipId, cscp.partnershipId]));
    expect((await page(everyPartnership, { filter: { partnershipId: cscp.partnershipId }, first: 50 })).totalCount).toBe(4);
  });

  it('refuses every other role, and anyone signed out', async () => {
    const codes: Record<string, string | undefined> = {};
    for (const role of ['business_unit', 'executive', 'improvement_group', 'national_viewer'] as UserRole[]) {
      const caller = await app.as(role, { partnershipId: role === 'national_viewer' ? null : glos.partnershipId });
      codes[role] = (await trail(caller, { first: 5 })).errors?.[0]?.extensions?.code;
    }
    codes['signed out'] = (await app.graphql(TRAIL, { first: 5 })).errors?.[0]?.extensions?.code;
    expect(codes).toEqual({
      business_unit: 'FORBIDDEN', executive: 'FORBIDDEN', improvement_group: 'FORBIDDEN', national_viewer: 'FORBIDDEN', 'signed out': 'UNAUTHENTICATED',
    });
  });

  it('bounds the page and refuses a bad cursor or period with a code that says which', async () => {
    const code = async (variables: object) => (await trail(scrutineer, variables)).errors?.[0]?.extensions?.code;
    expect(await code({ first: 0 })).toBe('BAD_USER_INPUT');
    expect(await code({ first: 201 })).toBe('BAD_USER_INPUT');
    expect(await code({ first: 200 })).toBeUndefined();
    expect(await code({ after: 'bm90LWEtY3Vyc29y' })).toBe('INVALID_CURSOR');
    expect(await code({ after: 'a cursor; DROP TABLE' })).toBe('BAD_USER_INPUT');
    expect(await code({ filter: { from: '2025-03-10', to: '2025-03-01' } })).toBe('INVALID_PERIOD');
    expect(await code({ filter: { from: '2025-02-30' } })).toBe('INVALID_PERIOD');
    expect(await code({ filter: { action: 'Robert"); DROP' } })).toBe('BAD_USER_INPUT');
  });

  it('downloads the filtered trail as CSV, formulas defused, changes withheld from administrators, and audits the download', async () => {
    const response = await get(scrutineer, `/exports/audit.csv?actorUserId=${formula.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-trail-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = parseCsv(await response.text());
    const [header, ...events] = rows;
    expect(header).toEqual([
      'Event id', 'Occurred (UK time)', 'Occurred at (UTC)', 'Partnership id', 'Actor', 'Actor user id', 'Action', 'Record type', 'Record id',
      'Changes (JSON)', 'Request IP', 'Request id', 'Hash', 'Previous hash',
    ]);
    expect(events.map((row) => [row[4], row[6], row[2]])).toEqual([
      ["'=sum(1+1)@test.example", 'escalation.resolved', '2025-03-12T09:00:00.000Z'],
      ["'=sum(1+1)@test.example", 'escalation.milestone_recorded', '2025-03-11T12:00:00.000Z'],
      ["'=sum(1+1)@test.example", 'escalation.stage_entered', '2025-03-11T09:00:00.000Z'],
      ["'=sum(1+1)@test.example", 'escalation.recorded', '2025-03-10T09:00:00.000Z'],
    ]);
    const recorded = events[3]!;
    expect(JSON.parse(recorded[9]!)).toMatchObject({ after: { summary: 'Information not shared.' } });

    const [exported] = await stored(glos.partnershipId);
    expect(exported).toMatchObject({
      action: 'audit_trail.exported',
      changes: { before: {}, after: { format: 'csv', rows: 4, filter: { actorUserId: formula.id } } },
    });

    const byAdministrator = parseCsv(await (await get(administrator, `/exports/audit.csv?action=escalation.recorded`)).text());
    expect(byAdministrator.slice(1).map((row) => row[9])).toEqual(['withheld: record-level detail', 'withheld: record-level detail']);

    expect((await get(await app.as('executive', { partnershipId: glos.partnershipId }), '/exports/audit.csv')).status).toBe(403);
    expect((await get(null, '/exports/audit.csv')).status).toBe(401);
    const bad = await get(scrutineer, '/exports/audit.csv?from=2025-03-10&to=2025-03-01');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'INVALID_PERIOD' });
  });

  it('verifies a chain longer than nine events, whose ids sort differently as text', async () => {
    // Gloucestershire's chain: events 1–8, then the two downloads' events (13 and 14, after the other partnership's 9–12).
    const ids = (await stored(glos.partnershipId)).map((e) => Number(e.id));
    expect(ids.length).toBe(10);
    expect(Math.max(...ids)).toBeGreaterThanOrEqual(10);
    const verified = await scrutineer.graphql<{ verifyAuditChain: object }>(`query($p: ID!) { verifyAuditChain(partnershipId: $p) { valid eventsChecked firstInvalidEventId } }`, {
      p: glos.partnershipId,
    });
    expect(verified.data?.verifyAuditChain).toEqual({ valid: true, eventsChecked: 10, firstInvalidEventId: null });
  });

  it('lets administrators read the changes of sign-in events, and verify the chain outside any partnership', async () => {
    const everyPartnership = await app.as('administrator');
    // A national viewer's sign-out joins the chain of no partnership.
    const national = await app.as('national_viewer');
    expect((await national.graphql('mutation { signOut }')).data).toEqual({ signOut: true });
    const outside = await page(everyPartnership, { filter: { action: 'user.signed_out' }, first: 10 });
    expect(outside.events).toEqual([
      expect.objectContaining({ partnershipId: null, actorUserId: national.id, entityType: 'app_user', entityId: national.id, changesWithheld: false }),
    ]);
    expect(JSON.parse(outside.events[0]!.changes!)).toEqual({ before: {}, after: { sessionId: expect.any(String) } });
    const verified = await everyPartnership.graphql<{ verifyAuditChain: object }>(`{ verifyAuditChain { partnershipId valid eventsChecked } }`);
    expect(verified.data?.verifyAuditChain).toEqual({ partnershipId: null, valid: true, eventsChecked: 1 });
    // A scrutineer's settings name a partnership: the chain of none is not theirs to read.
    expect((await page(scrutineer, { filter: { action: 'user.signed_out' }, first: 10 })).totalCount).toBe(0);
  });
});

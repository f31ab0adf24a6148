import type { InstalledPartnership } from '@escalation-insights/database';
import { parseReminderConfig, ReminderEmailsService, type ReminderEmailRun } from '@escalation-insights/server';
import { GLOUCESTERSHIRE_GSCP_2025, PERTH_AND_KINROSS_2019 } from '@escalation-insights/shared';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { insertPartnership } from '../support/fixtures.js';
import { perform, TestClock, type ApiEscalation } from '../support/escalation-api.js';
import { SmtpCatcher } from '../support/smtp-catcher.js';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app.js';
import { withClient } from '../support/test-database.js';

/*
 * Reminders of timescale deadlines (docs/reminders.md), worked by hand. Gloucestershire's
 * rule "Line managers involved within 24 hours" runs from the moment an escalation is
 * raised: raised Monday 3 March 2025 09:00 (GMT), its deadline is Tuesday 4 March 09:00.
 * "Approaching" means due by the same clock time on the next working day.
 */

const RULE = 'Line managers involved within 24 hours';
const SUMMARY = 'Agreed safety plan actions not done for the sibling group at Rowan Close.';

const REMINDERS = `query { myReminders { asOf approachingUntil truncated items { escalationId reference ruleCode ruleName stageCode deadline state } } }`;
const NAMED = `fragment Named on NamedPerson { userId displayName role namedAt }`;
const NAME = `mutation($input: EscalationContactInput!) { nameEscalationContact(input: $input) { ...Named } } ${NAMED}`;
const UNNAME = `mutation($input: EscalationContactInput!) { unnameEscalationContact(input: $input) { ...Named } } ${NAMED}`;
const CANDIDATES = `query($partnershipId: ID!) { escalationContactCandidates(partnershipId: $partnershipId) { userId displayName role } }`;
const NAMED_PEOPLE = `query($partnershipId: ID!, $id: ID!) { escalation(partnershipId: $partnershipId, id: $id) { namedPeople { ...Named } } } ${NAMED}`;

interface ReminderItem {
  escalationId: string;
  reference: string;
  ruleCode: string;
  ruleName: string;
  stageCode: string;
  deadline: string;
  state: string;
}

type Reminders = { myReminders: { asOf: string; approachingUntil: string; truncated: boolean; items: ReminderItem[] } };

function glosInput(partnership: InstalledPartnership, raisedAt: string, reference: string) {
  return {
    partnershipId: partnership.partnershipId,
    reference,
    raisingAgencyId: partnership.agencyIds['Police'],
    raisingRole: 'Detective sergeant',
    receivingAgencyId: partnership.agencyIds["Children's Social Care"],
    categoryCode: 'agreed_actions',
    urgency: 'STANDARD',
    raisedVia: 'PHONE',
    summary: SUMMARY,
    childReference: `CASE-${reference}`,
    raisedAt,
  };
}

async function record(unit: TestClient, clock: TestClock, input: Record<string, unknown> & { raisedAt: string }): Promise<ApiEscalation> {
  clock.set(input.raisedAt);
  return perform(unit, 'record', { input });
}

async function reminders(client: TestClient): Promise<Reminders['myReminders']> {
  const response = await client.graphql<Reminders>(REMINDERS);
  expect(response.errors).toBeUndefined();
  return response.data!.myReminders;
}

describe('reminders in the app', () => {
  const clock = new TestClock('2025-02-27T09:00:00.000Z');
  let app: TestApp;
  let glos: InstalledPartnership;
  let unit: TestClient;
  let namedExecutive: TestClient;
  let otherExecutive: TestClient;
  let scrutineer: TestClient;
  let a: ApiEscalation;
  let b: ApiEscalation;

  beforeAll(async () => {
    app = await startTestApp({
      clock: clock.now,
      outcomeRefreshMinutes: 0,
      seed: async (url) => {
        glos = await insertPartnership(url, { template: GLOUCESTERSHIRE_GSCP_2025 });
      },
    });
    unit = await app.as('business_unit', { partnershipId: glos.partnershipId });
    namedExecutive = await app.as('executive', { partnershipId: glos.partnershipId });
    otherExecutive = await app.as('executive', { partnershipId: glos.partnershipId });
    scrutineer = await app.as('scrutineer', { partnershipId: glos.partnershipId });
    b = await record(unit, clock, glosInput(glos, '2025-02-27T09:00:00.000Z', 'GL-B')); // deadline Fri 28 Feb 09:00
    a = await record(unit, clock, glosInput(glos, '2025-03-03T09:00:00.000Z', 'GL-A')); // deadline Tue 4 Mar 09:00
    const c = await record(unit, clock, glosInput(glos, '2025-03-03T08:00:00.000Z', 'GL-C'));
    clock.set('2025-03-03T08:30:00.000Z');
    await perform(unit, 'milestone', {
      input: { partnershipId: c.partnershipId, escalationId: c.id, expectedVersion: c.version, kind: 'LINE_MANAGER_CONTACTED', occurredAt: '2025-03-03T08:30:00.000Z' },
    });
    clock.set('2025-03-03T10:00:00.000Z');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the business unit every deadline approaching or passed, earliest first, and none that was met', async () => {
    const mine = await reminders(unit);
    expect(mine).toMatchObject({ asOf: '2025-03-03T10:00:00.000Z', approachingUntil: '2025-03-04T10:00:00.000Z', truncated: false });
    expect(mine.items).toEqual([
      { escalationId: b.id, reference: 'GL-B', ruleCode: 'line-manager-contact-24h', ruleName: RULE, stageCode: '1', deadline: '2025-02-28T09:00:00.000Z', state: 'PASSED' },
      { escalationId: a.id, reference: 'GL-A', ruleCode: 'line-manager-contact-24h', ruleName: RULE, stageCode: '1', deadline: '2025-03-04T09:00:00.000Z', state: 'APPROACHING' },
    ]);
  });

  it('calls a deadline approaching only from one working day before it', async () => {
    clock.set('2025-03-03T08:59:00.000Z'); // a working day and one minute before the deadline of GL-A
    expect((await reminders(unit)).items.map((r) => r.reference)).toEqual(['GL-B']);
    clock.set('2025-03-03T10:00:00.000Z');
  });

  it('shows other roles nothing until they are named on an escalation, then only its deadlines', async () => {
    expect((await reminders(namedExecutive)).items).toEqual([]);
    const named = await unit.graphql<{ nameEscalationContact: { userId: string; displayName: string; role: string }[] }>(NAME, {
      input: { partnershipId: glos.partnershipId, escalationId: a.id, userId: namedExecutive.id },
    });
    expect(named.errors).toBeUndefined();
    expect(named.data!.nameEscalationContact).toEqual([
      { userId: namedExecutive.id, displayName: 'Test executive', role: 'EXECUTIVE', namedAt: '2025-03-03T10:00:00.000Z' },
    ]);
    expect((await reminders(namedExecutive)).items.map((r) => [r.reference, r.state])).toEqual([['GL-A', 'APPROACHING']]);
    expect((await reminders(otherExecutive)).items).toEqual([]);
    expect((await reminders(scrutineer)).items).toEqual([]);
  });

  it('lists who can be named (no email addresses) and who is named, and audits each change', async () => {
    const candidates = await unit.graphql<{ escalationContactCandidates: { userId: string; role: string }[] }>(CANDIDATES, { partnershipId: glos.partnershipId });
    expect(candidates.errors).toBeUndefined();
    expect(candidates.data!.escalationContactCandidates.map((p) => p.userId).sort()).toEqual(
      [unit.id, namedExecutive.id, otherExecutive.id, scrutineer.id].sort(),
    );
    const people = await scrutineer.graphql<{ escalation: { namedPeople: { userId: string }[] } }>(NAMED_PEOPLE, { partnershipId: glos.partnershipId, id: a.id });
    expect(people.data!.escalation.namedPeople.map((p) => p.userId)).toEqual([namedExecutive.id]);

    const input = { partnershipId: glos.partnershipId, escalationId: a.id, userId: otherExecutive.id };
    expect((await unit.graphql(NAME, { input })).errors).toBeUndefined();
    const unnamed = await unit.graphql<{ unnameEscalationContact: { userId: string }[] }>(UNNAME, { input });
    expect(unnamed.data!.unnameEscalationContact.map((p) => p.userId)).toEqual([namedExecutive.id]);
    const events = await withClient(app.databaseUrl, (client) =>
      client.query<{ action: string; changes: unknown }>(
        `SELECT action, changes FROM audit_event WHERE entity_type = 'escalation' AND entity_id = $1 AND action LIKE 'escalation.person_%' ORDER BY id`,
        [a.id],
      ),
    );
    expect(events.rows).toEqual([
      { action: 'escalation.person_named', changes: { before: {}, after: { namedUserId: namedExecutive.id, namedRole: 'executive' } } },
      { action: 'escalation.person_named', changes: { before: {}, after: { namedUserId: otherExecutive.id, namedRole: 'executive' } } },
      { action: 'escalation.person_unnamed', changes: { before: { namedUserId: otherExecutive.id }, after: {} } },
    ]);
  });

  it('refuses to name twice, to unname someone not named, and to name a user of another partnership or role, changing nothing', async () => {
    const dudley = await insertPartnership(app.databaseUrl, { template: GLOUCESTERSHIRE_GSCP_2025, code: 'elsewhere', name: 'Elsewhere' });
    const outsider = await app.as('business_unit', { partnershipId: dudley.partnershipId });
    const administrator = await app.as('administrator', { partnershipId: glos.partnershipId });
    const cases: [Record<string, string>, string][] = [
      [{ userId: namedExecutive.id }, 'ALREADY_NAMED'],
      [{ userId: scrutineer.id, mutation: 'unname' }, 'NOT_NAMED'],
      [{ userId: outsider.id }, 'PERSON_NOT_FOUND'],
      [{ userId: administrator.id }, 'PERSON_NOT_FOUND'],
      [{ userId: scrutineer.id, escalationId: '999999' }, 'ESCALATION_NOT_FOUND'],
    ];
    const before = await contactRows();
    for (const [{ mutation, ...fields }, code] of cases) {
      const response = await unit.graphql(mutation === 'unname' ? UNNAME : NAME, { input: { partnershipId: glos.partnershipId, escalationId: a.id, ...fields } });
      expect(response.errors?.map((e) => [e.extensions?.code, e.extensions?.['field']])).toEqual([[code, code === 'ESCALATION_NOT_FOUND' ? 'escalationId' : 'userId']]);
    }
    expect(await contactRows()).toEqual(before);
  });

  it('lets only business-unit staff name people, and only partnership roles ask for reminders', async () => {
    const input = { partnershipId: glos.partnershipId, escalationId: a.id, userId: scrutineer.id };
    for (const client of [scrutineer, namedExecutive]) {
      expect((await client.graphql(NAME, { input })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await client.graphql(CANDIDATES, { partnershipId: glos.partnershipId })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    for (const role of ['administrator', 'national_viewer'] as const) {
      const client = await app.as(role);
      expect((await client.graphql(REMINDERS)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await app.graphql(REMINDERS)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('sends no email without a mail server', async () => {
    const run = await app.get(ReminderEmailsService).runReminderEmails(new Date('2025-03-03T10:00:00.000Z'));
    expect(run).toEqual({ configured: false, partnerships: 0, outsideWorkingHours: 0, emailsSent: 0, emailsFailed: 0, remindersSent: 0 });
  });

  async function contactRows() {
    return (await withClient(app.databaseUrl, (client) => client.query('SELECT * FROM escalation_contact ORDER BY escalation_id, user_id'))).rows;
  }
});

describe('reminder emails', () => {
  const clock = new TestClock('2025-02-27T09:00:00.000Z');
  let catcher: SmtpCatcher;
  let app: TestApp;
  let glos: InstalledPartnership;
  let perth: InstalledPartnership;
  let unit: TestClient;
  let executive: TestClient;
  let perthUnit: TestClient;
  let a: ApiEscalation;
  let b: ApiEscalation;
  let e: ApiEscalation;
  let childKeys: string[];

  const run = (iso: string): Promise<ReminderEmailRun> => app.get(ReminderEmailsService).runReminderEmails(new Date(iso));
  const mailTo = (client: TestClient) => catcher.messages.filter((m) => m.to.includes(client.email));

  beforeAll(async () => {
    catcher = await SmtpCatcher.start();
    app = await startTestApp({
      clock: clock.now,
      outcomeRefreshMinutes: 0,
      reminders: { smtpUrl: catcher.url, emailMinutes: 0, publicUrl: 'https://escalations.example', from: 'Escalation Insights <reminders@escalations.example>' },
      seed: async (url) => {
        glos = await insertPartnership(url, { template: GLOUCESTERSHIRE_GSCP_2025 });
        perth = await insertPartnership(url, { template: PERTH_AND_KINROSS_2019 });
      },
    });
    unit = await app.as('business_unit', { partnershipId: glos.partnershipId });
    executive = await app.as('executive', { partnershipId: glos.partnershipId });
    perthUnit = await app.as('business_unit', { partnershipId: perth.partnershipId });
    b = await record(unit, clock, glosInput(glos, '2025-02-27T09:00:00.000Z', 'GL-B'));
    a = await record(unit, clock, glosInput(glos, '2025-03-03T09:00:00.000Z', 'GL-A'));
    expect((await unit.graphql(NAME, { input: { partnershipId: glos.partnershipId, escalationId: a.id, userId: executive.id } })).errors).toBeUndefined();
    childKeys = (await withClient(app.databaseUrl, (client) => client.query<{ child_key: string }>('SELECT child_key FROM escalation'))).rows.map((r) => r.child_key);
  });
  afterAll(async () => {
    await app?.close();
    await catcher?.stop();
  });

  it('sends nothing at a weekend, at midnight or before 09:00', async () => {
    for (const at of ['2025-03-01T10:00:00.000Z', '2025-03-02T14:00:00.000Z', '2025-03-03T00:00:00.000Z', '2025-03-03T23:59:00.000Z', '2025-03-03T08:59:00.000Z']) {
      expect(await run(at)).toMatchObject({ configured: true, partnerships: 2, outsideWorkingHours: 2, emailsSent: 0 });
    }
    expect(catcher.messages).toEqual([]);
  });

  it('emails the business unit and the people named, within working hours, with reference, rule, deadline and link only', async () => {
    const result = await run('2025-03-03T10:00:00.000Z');
    expect(result).toEqual({ configured: true, partnerships: 2, outsideWorkingHours: 0, emailsSent: 2, emailsFailed: 0, remindersSent: 3 });
    const [toUnit] = mailTo(unit);
    const [toExecutive] = mailTo(executive);
    expect(catcher.messages).toHaveLength(2);
    expect(toUnit!.from).toBe('reminders@escalations.example');
    expect(toUnit!.subject).toBe('Escalation deadlines: 1 passed, 1 due within a working day');
    expect(toUnit!.text).toContain(`- GL-B: ${RULE}. Deadline 28 February 2025 at 09:00.\n  https://escalations.example/escalations/${b.id}`);
    expect(toUnit!.text).toContain(`- GL-A: ${RULE}. Deadline 4 March 2025 at 09:00.\n  https://escalations.example/escalations/${a.id}`);
    // An executive is not a record-level role: the link goes to their reminders, not the escalation.
    expect(toExecutive!.subject).toBe('Escalation deadlines: 1 due within a working day');
    expect(toExecutive!.text).toContain(`- GL-A: ${RULE}. Deadline 4 March 2025 at 09:00.\n  https://escalations.example/reminders`);
    expect(toExecutive!.text).not.toContain('GL-B');
    for (const message of catcher.messages) {
      expect(message.text).not.toContain(SUMMARY);
      expect(message.text).not.toContain('Rowan Close');
      expect(message.text).not.toContain('CASE-');
      for (const key of childKeys) expect(`${message.headers}\n${message.text}`).not.toContain(key);
    }
  });

  it('never emails the same deadline twice, even when two runs go at once', async () => {
    catcher.clear();
    const runs = await Promise.all([run('2025-03-03T10:15:00.000Z'), run('2025-03-03T10:15:00.000Z')]);
    expect(runs.map((r) => r.emailsSent)).toEqual([0, 0]);
    await record(unit, clock, glosInput(glos, '2025-03-03T11:00:00.000Z', 'GL-D')); // deadline Tue 4 Mar 11:00
    const both = await Promise.all([run('2025-03-03T11:00:00.000Z'), run('2025-03-03T11:00:00.000Z')]);
    expect(both.reduce((sum, r) => sum + r.emailsSent, 0)).toBe(1);
    expect(catcher.messages.map((m) => [m.to, m.subject])).toEqual([[[unit.email], 'Escalation deadlines: 1 due within a working day']]);
    expect(catcher.messages[0]!.text).toContain('GL-D');
  });

  it('emails once more when a deadline passes, and only about that deadline', async () => {
    catcher.clear();
    expect(await run('2025-03-04T09:30:00.000Z')).toMatchObject({ emailsSent: 2, remindersSent: 2 });
    expect(mailTo(unit).map((m) => m.subject)).toEqual(['Escalation deadlines: 1 passed']);
    expect(mailTo(unit)[0]!.text).toContain('Passed, target not yet reached:\n- GL-A');
    expect(mailTo(executive).map((m) => m.subject)).toEqual(['Escalation deadlines: 1 passed']);
    expect(await run('2025-03-04T16:59:00.000Z')).toMatchObject({ emailsSent: 1, remindersSent: 1 }); // GL-D passed at 11:00
    expect(await run('2025-03-05T09:00:00.000Z')).toMatchObject({ emailsSent: 0 });
    const rows = await withClient(app.databaseUrl, (client) => client.query(`SELECT kind, status, count(*)::int AS n FROM reminder_email GROUP BY 1, 2 ORDER BY 1, 2`));
    expect(rows.rows).toEqual([
      { kind: 'approaching', status: 'sent', n: 3 },
      { kind: 'passed', status: 'sent', n: 4 },
    ]);
  });

  it("keeps to each partnership's own bank holidays: England rests on Easter Monday, Scotland works", async () => {
    catcher.clear();
    // Thursday 17 April 2025, 09:00 BST: Good Friday's deadline (09:00 BST) is due within the next working day in England.
    e = await record(unit, clock, glosInput(glos, '2025-04-17T08:00:00.000Z', 'GL-E'));
    // Perth and Kinross: 5 working days from Friday 11 April 09:00 BST, passing over Good Friday, is Monday 21 April 09:00 BST.
    await record(perthUnit, clock, {
      partnershipId: perth.partnershipId,
      reference: 'PK-1',
      raisingAgencyId: perth.agencyIds['Police'],
      raisingRole: 'Constable',
      receivingAgencyId: perth.agencyIds["Children's Social Care"],
      categoryCode: 'level_of_need_or_risk',
      urgency: 'STANDARD',
      raisedVia: 'MEETING',
      summary: SUMMARY,
      raisedAt: '2025-04-11T08:00:00.000Z',
    });
    catcher.rejectNext(1); // Gloucestershire's email (the lower partnership id goes first) meets a mail server that is down
    expect(await run('2025-04-17T08:30:00.000Z')).toMatchObject({ outsideWorkingHours: 0, emailsSent: 1, emailsFailed: 1 });
    expect(catcher.messages.map((m) => [m.to, m.subject])).toEqual([[[perthUnit.email], 'Escalation deadlines: 1 due within a working day']]);
    expect(await failedRows()).toEqual([{ escalation_id: e.id, status: 'failed', attempts: 1 }]);

    catcher.clear();
    expect(await run('2025-04-17T08:45:00.000Z')).toMatchObject({ emailsSent: 1, emailsFailed: 0 }); // the failed one, tried again
    expect(mailTo(unit).map((m) => m.subject)).toEqual(['Escalation deadlines: 1 due within a working day']);
    expect(await failedRows()).toEqual([{ escalation_id: e.id, status: 'sent', attempts: 2 }]);

    catcher.clear();
    expect(await run('2025-04-18T09:00:00.000Z')).toMatchObject({ outsideWorkingHours: 2, emailsSent: 0 }); // Good Friday: both rest
    expect(await run('2025-04-21T09:00:00.000Z')).toMatchObject({ outsideWorkingHours: 1, emailsSent: 1 }); // Easter Monday
    expect(catcher.messages.map((m) => [m.to, m.subject])).toEqual([[[perthUnit.email], 'Escalation deadlines: 1 passed']]);
    catcher.clear();
    expect(await run('2025-04-22T09:00:00.000Z')).toMatchObject({ outsideWorkingHours: 0, emailsSent: 1 });
    expect(catcher.messages.map((m) => [m.to, m.subject])).toEqual([[[unit.email], 'Escalation deadlines: 1 passed']]);
    expect(catcher.messages[0]!.text).toContain('- GL-E: Line managers involved within 24 hours. Deadline 18 April 2025 at 09:00.');
  });

  async function failedRows() {
    return (await withClient(app.databaseUrl, (client) =>
      client.query(`SELECT escalation_id::text, status, attempts FROM reminder_email WHERE escalation_id = $1 ORDER BY recipient_id`, [e.id]),
    )).rows;
  }
});

describe('the reminder timer', () => {
  it('sends on its own every interval when a mail server is configured, and stops when the app closes', async () => {
    const catcher = await SmtpCatcher.start();
    const clock = new TestClock('2025-03-03T09:00:00.000Z');
    let glos: InstalledPartnership;
    const app = await startTestApp({
      clock: clock.now,
      outcomeRefreshMinutes: 0,
      reminders: { smtpUrl: catcher.url, emailMinutes: 0.005 }, // every 0.3 seconds
      seed: async (url) => {
        glos = await insertPartnership(url, { template: GLOUCESTERSHIRE_GSCP_2025 });
      },
    });
    try {
      const unit = await app.as('business_unit', { partnershipId: glos!.partnershipId });
      await record(unit, clock, glosInput(glos!, '2025-03-03T09:00:00.000Z', 'GL-T'));
      clock.set('2025-03-03T10:00:00.000Z');
      const deadline = Date.now() + 20_000;
      while (catcher.messages.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(catcher.messages.map((m) => [m.to, m.subject])).toEqual([[[unit.email], 'Escalation deadlines: 1 due within a working day']]);
    } finally {
      await app.close();
    }
    const sent = catcher.messages.length;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(catcher.messages).toHaveLength(sent);
    await catcher.stop();
  });
});

describe('reminder settings', () => {
  const parse = (env: Record<string, string>, production = false) => {
    const problems: string[] = [];
    const settings = parseReminderConfig((name) => env[name], production, problems);
    return { settings, problems };
  };

  it('emails nothing unless SMTP_URL names a mail server, and runs every 15 minutes from 09:00 to 17:00 by default', () => {
    expect(parse({}).settings).toMatchObject({ smtpUrl: null, emailMinutes: 15, workingHours: { startMinute: 540, endMinute: 1020 } });
    expect(parse({ SMTP_URL: 'smtp://mail.example:25', REMINDER_EMAIL_HOURS: '08:30-18:00', REMINDER_EMAIL_MINUTES: '5' })).toEqual({
      settings: expect.objectContaining({ smtpUrl: 'smtp://mail.example:25', emailMinutes: 5, workingHours: { startMinute: 510, endMinute: 1080 } }),
      problems: [],
    });
  });

  it('says what is wrong with each unusable variable', () => {
    expect(parse({ SMTP_URL: 'http://mail.example', REMINDER_EMAIL_HOURS: '17:00-09:00', REMINDER_EMAIL_MINUTES: 'often', SMTP_FROM: 'nobody' }).problems).toEqual([
      expect.stringContaining('SMTP_URL must be an smtp:// or smtps://'),
      expect.stringContaining('SMTP_FROM must be an email address'),
      expect.stringContaining('REMINDER_EMAIL_MINUTES must be a whole number'),
      expect.stringContaining('REMINDER_EMAIL_HOURS must be a span of the day'),
    ]);
    expect(parse({ SMTP_URL: 'smtps://mail.example' }, true).problems).toEqual([
      expect.stringContaining('SMTP_FROM is required in production'),
      expect.stringContaining('PUBLIC_URL is required in production'),
    ]);
  });
});

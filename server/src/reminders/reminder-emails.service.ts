import { Inject, Injectable, Logger } from '@nestjs/common';
import { approachingUntil, isWithinWorkingHours, reminderKind, workingCalendar, type Jurisdiction, type UserRole } from '@escalation-insights/shared';
import type { EntityManager } from 'typeorm';
import { SYSTEM_ACTOR, type Actor } from '../common/actor/actor.js';
import { SERVER_CONFIG, type ServerConfig } from '../config/server-config.js';
import { TenantDatabase } from '../database/tenant-database.js';
import { dueDeadlines, type DueDeadline } from './due-deadlines.query.js';
import { ReminderMailer } from './reminder-mailer.js';
import { composeReminderEmail, type EmailedDeadline, type EmailRecipient } from './reminder-message.js';

/** What one run did, for logs and tests. */
export interface ReminderEmailRun {
  /** False without a mail server: nothing else was done. */
  readonly configured: boolean;
  readonly partnerships: number;
  /** Partnerships passed over because `now` is outside their working hours. */
  readonly outsideWorkingHours: number;
  readonly emailsSent: number;
  readonly emailsFailed: number;
  /** Deadline reminders (deadline, kind, recipient) in the emails sent. */
  readonly remindersSent: number;
}

/** A failed send is tried again by later runs, up to this many attempts in all. */
export const MAX_SEND_ATTEMPTS = 3;
/** Passed deadlines are emailed only this long after they pass, so that turning email on does not send the whole history. */
const PASSED_EMAIL_WINDOW_DAYS = 10;
const MAX_DEADLINES_PER_RUN = 5_000;
const DAY_MS = 86_400_000;

interface Person extends EmailRecipient {
  readonly id: string;
}

interface Claim extends EmailedDeadline {
  readonly ruleCode: string;
  readonly recipientId: string;
}

/**
 * Emails reminders of deadlines approaching and passed (docs/reminders.md), only within
 * the working hours of each partnership's own calendar. Every (deadline, kind, recipient)
 * is first claimed by inserting its row into reminder_email in a committed transaction,
 * and only a claim that went in is sent: the table's primary key keeps a deadline from
 * being emailed twice, whatever the number of server processes. A claim whose send fails
 * is marked failed and tried again by later runs (up to MAX_SEND_ATTEMPTS); a claim left
 * "sending" by a process that died is never sent again (at most once, never twice).
 */
@Injectable()
export class ReminderEmailsService {
  private readonly logger = new Logger(ReminderEmailsService.name);

  constructor(
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
    private readonly db: TenantDatabase,
    private readonly mailer: ReminderMailer,
  ) {}

  async runReminderEmails(now: Date): Promise<ReminderEmailRun> {
    const run = { configured: this.mailer.configured, partnerships: 0, outsideWorkingHours: 0, emailsSent: 0, emailsFailed: 0, remindersSent: 0 };
    if (!run.configured) return run;
    const partnerships: { id: string }[] = await this.db.runAs(SYSTEM_ACTOR, (manager) => manager.query('SELECT id::text FROM partnership ORDER BY id'));
    for (const { id } of partnerships) {
      run.partnerships += 1;
      try {
        const result = await this.runPartnership({ ...SYSTEM_ACTOR, partnershipId: id }, now);
        if (result === 'outside_working_hours') run.outsideWorkingHours += 1;
        else {
          run.emailsSent += result.sent;
          run.emailsFailed += result.failed;
          run.remindersSent += result.reminders;
        }
      } catch (error) {
        this.logger.error(`Reminder emails of partnership ${id} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return run;
  }

  private async runPartnership(actor: Actor, now: Date): Promise<'outside_working_hours' | { sent: number; failed: number; reminders: number }> {
    const partnershipId = actor.partnershipId!;
    const claimed = await this.db.runAs(actor, async (manager) => {
      const [partnership] = (await manager.query('SELECT name, jurisdiction FROM partnership WHERE id = $1', [partnershipId])) as { name: string; jurisdiction: Jurisdiction }[];
      if (!partnership) return null;
      const calendar = workingCalendar(partnership.jurisdiction);
      if (!isWithinWorkingHours(now, calendar, this.config.reminders.workingHours)) return null;
      const due = await dueDeadlines(manager, {
        partnershipId,
        from: new Date(now.getTime() - PASSED_EMAIL_WINDOW_DAYS * DAY_MS),
        until: approachingUntil(now, calendar),
        limit: MAX_DEADLINES_PER_RUN,
      });
      const people = await this.people(manager);
      const named = await this.namedPeople(manager, partnershipId, due);
      const wanted: Claim[] = [];
      for (const deadline of due) {
        const kind = reminderKind(deadline.deadline, now, calendar)!;
        const recipients = new Set([...people.values()].filter((p) => p.role === 'business_unit').map((p) => p.id));
        for (const userId of named.get(deadline.escalationId) ?? []) if (people.has(userId)) recipients.add(userId);
        for (const recipientId of recipients) wanted.push({ ...deadline, kind, recipientId });
      }
      const claims = await this.claim(manager, partnershipId, wanted, now);
      return { partnership, people, claims };
    });
    if (claimed === null) return 'outside_working_hours';

    const byRecipient = new Map<string, Claim[]>();
    for (const claim of claimed.claims) byRecipient.set(claim.recipientId, [...(byRecipient.get(claim.recipientId) ?? []), claim]);
    const result = { sent: 0, failed: 0, reminders: 0 };
    for (const [recipientId, claims] of byRecipient) {
      const recipient = claimed.people.get(recipientId)!;
      const email = composeReminderEmail(recipient, claimed.partnership.name, claims, this.config.reminders.publicUrl);
      try {
        await this.mailer.send(email);
        await this.mark(actor, claims, { status: 'sent', at: now });
        result.sent += 1;
        result.reminders += claims.length;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.logger.warn(`A reminder email to user ${recipientId} of partnership ${partnershipId} could not be sent (${message}); later runs try again`);
        await this.mark(actor, claims, { status: 'failed', error: message.slice(0, 500) });
        result.failed += 1;
      }
    }
    return result;
  }

  /** The partnership's active users who may get reminders, with their email addresses (system work only). */
  private async people(manager: EntityManager): Promise<Map<string, Person>> {
    const rows: { id: string; display_name: string; role: UserRole; email: string }[] = await manager.query(
      'SELECT id::text, display_name, role, email FROM app_partnership_people() WHERE email IS NOT NULL',
    );
    return new Map(rows.map((r) => [r.id, { id: r.id, displayName: r.display_name, role: r.role, email: r.email }]));
  }

  private async namedPeople(manager: EntityManager, partnershipId: string, due: readonly DueDeadline[]): Promise<Map<string, string[]>> {
    if (due.length === 0) return new Map();
    const rows: { escalation_id: string; user_id: string }[] = await manager.query(
      'SELECT escalation_id::text, user_id::text FROM escalation_contact WHERE partnership_id = $1 AND escalation_id = ANY($2::bigint[])',
      [partnershipId, [...new Set(due.map((d) => d.escalationId))]],
    );
    const named = new Map<string, string[]>();
    for (const row of rows) named.set(row.escalation_id, [...(named.get(row.escalation_id) ?? []), row.user_id]);
    return named;
  }

  /**
   * Claims the reminders not yet sent: a new row for each one never claimed, or a failed
   * one taken back for another attempt. Rows another process holds, or that were sent,
   * are left alone (the conflict's WHERE is false, so nothing is returned for them).
   */
  private async claim(manager: EntityManager, partnershipId: string, wanted: readonly Claim[], now: Date): Promise<Claim[]> {
    if (wanted.length === 0) return [];
    const rows: { escalation_id: string; rule_code: string; deadline: Date; kind: string; recipient_id: string }[] = await manager.query(
      `INSERT INTO reminder_email AS r (partnership_id, escalation_id, rule_code, deadline, kind, recipient_id, status, attempts, claimed_at)
       SELECT $1, w.escalation_id, w.rule_code, w.deadline, w.kind, w.recipient_id, 'sending', 1, $7
       FROM unnest($2::bigint[], $3::text[], $4::timestamptz[], $5::text[], $6::bigint[]) AS w (escalation_id, rule_code, deadline, kind, recipient_id)
       ON CONFLICT ON CONSTRAINT reminder_email_pkey DO UPDATE
         SET status = 'sending', attempts = r.attempts + 1, claimed_at = EXCLUDED.claimed_at, last_error = NULL
         WHERE r.status = 'failed' AND r.attempts < ${MAX_SEND_ATTEMPTS}
       RETURNING r.escalation_id::text, r.rule_code, r.deadline, r.kind, r.recipient_id::text`,
      [
        partnershipId,
        wanted.map((w) => w.escalationId),
        wanted.map((w) => w.ruleCode),
        wanted.map((w) => w.deadline.toISOString()),
        wanted.map((w) => w.kind),
        wanted.map((w) => w.recipientId),
        now.toISOString(),
      ],
    );
    const keyOf = (c: { escalationId: string; ruleCode: string; deadline: Date; kind: string; recipientId: string }) =>
      `${c.escalationId}|${c.ruleCode}|${c.deadline.getTime()}|${c.kind}|${c.recipientId}`;
    const got = new Set(rows.map((r) => keyOf({ escalationId: r.escalation_id, ruleCode: r.rule_code, deadline: r.deadline, kind: r.kind, recipientId: r.recipient_id })));
    return wanted.filter((w) => got.has(keyOf(w)));
  }

  private async mark(actor: Actor, claims: readonly Claim[], outcome: { status: 'sent'; at: Date } | { status: 'failed'; error: string }): Promise<void> {
    await this.db.runAs(actor, (manager) => manager.query(
      `UPDATE reminder_email r SET status = $7, sent_at = $8, last_error = $9
       FROM unnest($2::bigint[], $3::text[], $4::timestamptz[], $5::text[], $6::bigint[]) AS c (escalation_id, rule_code, deadline, kind, recipient_id)
       WHERE r.partnership_id = $1 AND r.escalation_id = c.escalation_id AND r.rule_code = c.rule_code AND r.deadline = c.deadline
         AND r.kind = c.kind AND r.recipient_id = c.recipient_id AND r.status = 'sending'`,
      [
        actor.partnershipId,
        claims.map((c) => c.escalationId),
        claims.map((c) => c.ruleCode),
        claims.map((c) => c.deadline.toISOString()),
        claims.map((c) => c.kind),
        claims.map((c) => c.recipientId),
        outcome.status,
        outcome.status === 'sent' ? outcome.at.toISOString() : null,
        outcome.status === 'failed' ? outcome.error : null,
      ],
    ));
  }
}

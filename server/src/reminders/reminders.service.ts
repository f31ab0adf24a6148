import { Injectable } from '@nestjs/common';
import { approachingUntil, reminderKind, workingCalendar, type Jurisdiction } from '@escalation-insights/shared';
import type { Actor } from '../common/actor/actor.js';
import { Clock } from '../common/clock/clock.js';
import { TenantDatabase } from '../database/tenant-database.js';
import { dueDeadlines, jurisdictionOf } from './due-deadlines.query.js';
import type { MyReminders } from './models/reminder.model.js';

/** More than a page can usefully show; the earliest deadlines come first. */
const MAX_REMINDERS = 500;

/**
 * What the signed-in user is reminded of (docs/reminders.md): business-unit staff, every
 * deadline of their partnership that is approaching or has passed with its clock still
 * running; anyone else, those of the escalations they are named on.
 */
@Injectable()
export class RemindersService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly clock: Clock,
  ) {}

  async forActor(actor: Actor): Promise<MyReminders> {
    const now = this.clock.now();
    const partnershipId = actor.partnershipId;
    if (partnershipId === null || actor.userId === null) return { asOf: now, approachingUntil: now, items: [], truncated: false };
    return this.db.run(async (manager) => {
      const jurisdiction = await jurisdictionOf(manager, partnershipId);
      if (jurisdiction === null) return { asOf: now, approachingUntil: now, items: [], truncated: false };
      const calendar = workingCalendar(jurisdiction as Jurisdiction);
      const until = approachingUntil(now, calendar);
      const rows = await dueDeadlines(manager, {
        partnershipId,
        until,
        ...(actor.role === 'business_unit' ? {} : { namedUserId: actor.userId! }),
        limit: MAX_REMINDERS + 1,
      });
      const items = rows.slice(0, MAX_REMINDERS).map((row) => ({ ...row, state: reminderKind(row.deadline, now, calendar)! }));
      return { asOf: now, approachingUntil: until, items, truncated: rows.length > MAX_REMINDERS };
    });
  }
}

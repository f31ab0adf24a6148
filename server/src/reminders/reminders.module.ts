import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { EscalationContactsResolver } from './escalation-contacts.resolver.js';
import { EscalationContactsService } from './escalation-contacts.service.js';
import { ReminderEmailScheduler } from './reminder-email.scheduler.js';
import { ReminderEmailsService } from './reminder-emails.service.js';
import { ReminderMailer } from './reminder-mailer.js';
import { RemindersResolver } from './reminders.resolver.js';
import { RemindersService } from './reminders.service.js';

/** Reminders of timescale deadlines, in the app and by email, and the people named on escalations (docs/reminders.md). */
@Module({
  imports: [AuditModule],
  providers: [
    RemindersResolver,
    RemindersService,
    EscalationContactsResolver,
    EscalationContactsService,
    ReminderMailer,
    ReminderEmailsService,
    ReminderEmailScheduler,
  ],
  exports: [ReminderEmailsService],
})
export class RemindersModule {}

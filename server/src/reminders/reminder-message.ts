import { seesRecordLevelDetail, type ReminderKind, type UserRole } from '@escalation-insights/shared';
import type { OutgoingEmail } from './reminder-mailer.js';

/** One deadline in a reminder email: what it names, and nothing about the child or the disagreement. */
export interface EmailedDeadline {
  readonly escalationId: string;
  readonly reference: string;
  readonly ruleName: string;
  readonly deadline: Date;
  readonly kind: ReminderKind;
}

export interface EmailRecipient {
  readonly email: string;
  readonly displayName: string;
  readonly role: UserRole;
}

const UK_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** "4 March 2025 at 09:00" (UK time). */
export function formatDeadline(at: Date): string {
  return UK_TIME.format(at).replace(',', ' at');
}

/**
 * The reminder email to one person: for each deadline the escalation's reference, the
 * rule, the deadline and a link into the app, and nothing more. Summaries, child keys,
 * agencies and outcomes stay behind the app's sign-in (docs/reminders.md).
 */
export function composeReminderEmail(recipient: EmailRecipient, partnershipName: string, deadlines: readonly EmailedDeadline[], publicUrl: string): OutgoingEmail {
  const passed = deadlines.filter((d) => d.kind === 'passed');
  const approaching = deadlines.filter((d) => d.kind === 'approaching');
  const link = (d: EmailedDeadline) => (seesRecordLevelDetail(recipient.role) ? `${publicUrl}/escalations/${d.escalationId}` : `${publicUrl}/reminders`);
  const section = (title: string, items: readonly EmailedDeadline[]) =>
    items.length === 0 ? [] : [title, ...items.flatMap((d) => [`- ${d.reference}: ${d.ruleName}. Deadline ${formatDeadline(d.deadline)}.`, `  ${link(d)}`]), ''];
  const counts = [
    passed.length > 0 ? `${passed.length} passed` : null,
    approaching.length > 0 ? `${approaching.length} due within a working day` : null,
  ].filter(Boolean);
  return {
    to: recipient.email,
    subject: `Escalation deadlines: ${counts.join(', ')}`,
    text: [
      `Hello ${recipient.displayName},`,
      '',
      `These timescale deadlines of ${partnershipName} escalations need attention.`,
      '',
      ...section('Passed, target not yet reached:', passed),
      ...section('Due within the next working day:', approaching),
      `All your reminders: ${publicUrl}/reminders`,
      '',
      'For the details, sign in to Escalation Insights: this email leaves them out on purpose.',
    ].join('\n'),
  };
}

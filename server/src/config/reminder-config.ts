import { DEFAULT_WORKING_HOURS, formatWorkingHours, parseWorkingHours, type WorkingHours } from '@escalation-insights/shared';

/** Reminders of timescale deadlines, in the app and by email (docs/reminders.md). */
export interface ReminderSettings {
  /** The mail server, `smtp://` or `smtps://` (SMTP_URL); null: reminders are shown in the app only, never emailed. */
  readonly smtpUrl: string | null;
  /** The From address of reminder emails (SMTP_FROM). */
  readonly from: string;
  /** Where people open the web app, for the link in each email (PUBLIC_URL); null: the server's own address. */
  readonly publicUrl: string | null;
  /** Minutes between runs of the reminder emails (REMINDER_EMAIL_MINUTES); 0: never by timer. */
  readonly emailMinutes: number;
  /** When emails may go, on a working day of the partnership's calendar, Europe/London (REMINDER_EMAIL_HOURS). */
  readonly workingHours: WorkingHours;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  smtpUrl: null,
  from: 'Escalation Insights <escalation-insights@localhost>',
  publicUrl: null,
  emailMinutes: 15,
  workingHours: DEFAULT_WORKING_HOURS,
};

const MAX_EMAIL_MINUTES = 1440;

type Read = (name: string) => string | undefined;

/** Reads the reminder settings; pushes one sentence per unusable variable onto `problems`. */
export function parseReminderConfig(read: Read, production: boolean, problems: string[]): ReminderSettings {
  const smtpUrl = read('SMTP_URL') ?? null;
  if (smtpUrl !== null && !isUrl(smtpUrl, ['smtp:', 'smtps:'])) {
    problems.push('SMTP_URL must be an smtp:// or smtps:// address of the mail server (leave it unset to show reminders in the app only)');
  }
  const from = read('SMTP_FROM');
  if (from !== undefined && !/^([^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(from)) problems.push(`SMTP_FROM must be an email address, optionally with a name: "Name <address@example.org>" (got "${from}")`);
  const publicUrl = read('PUBLIC_URL') ?? null;
  if (publicUrl !== null && !isUrl(publicUrl, ['http:', 'https:'])) problems.push(`PUBLIC_URL must be the http:// or https:// address people open the app at (got "${publicUrl}")`);
  if (production && smtpUrl !== null) {
    if (from === undefined) problems.push('SMTP_FROM is required in production when SMTP_URL is set: the address reminder emails come from');
    if (publicUrl === null) problems.push('PUBLIC_URL is required in production when SMTP_URL is set: reminder emails link to the app');
  }

  let emailMinutes = DEFAULT_REMINDER_SETTINGS.emailMinutes;
  const minutes = read('REMINDER_EMAIL_MINUTES');
  if (minutes !== undefined) {
    if (/^\d+$/.test(minutes) && Number(minutes) <= MAX_EMAIL_MINUTES) emailMinutes = Number(minutes);
    else problems.push(`REMINDER_EMAIL_MINUTES must be a whole number of minutes from 0 (never) to ${MAX_EMAIL_MINUTES} (got "${minutes}")`);
  }

  let workingHours = DEFAULT_REMINDER_SETTINGS.workingHours;
  const hours = read('REMINDER_EMAIL_HOURS');
  if (hours !== undefined) {
    const parsed = parseWorkingHours(hours);
    if (parsed) workingHours = parsed;
    else problems.push(`REMINDER_EMAIL_HOURS must be a span of the day such as ${formatWorkingHours(DEFAULT_WORKING_HOURS)} (got "${hours}")`);
  }

  return { smtpUrl, from: from ?? DEFAULT_REMINDER_SETTINGS.from, publicUrl: publicUrl?.replace(/\/+$/, '') ?? null, emailMinutes, workingHours };
}

function isUrl(value: string, protocols: readonly string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** For processes that never send reminders (the import command line): no mail server, no timer. */
export const REMINDERS_OFF: ReminderSettings & { readonly publicUrl: string } = { ...DEFAULT_REMINDER_SETTINGS, emailMinutes: 0, publicUrl: '' };

import { Matches } from 'class-validator';

/** Upper bounds on the log's free text, so that one request cannot store megabytes. */
export const LOG_TEXT_LIMITS = {
  title: 200,
  description: 10_000,
  owner: 200,
  executiveResponse: 10_000,
  note: 2_000,
  code: 100,
  escalations: 500,
} as const;

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date written YYYY-MM-DD (whether it is a real date is checked by the service). */
export function IsLocalDate(): PropertyDecorator {
  return Matches(LOCAL_DATE, { message: '$property must be a date written YYYY-MM-DD' });
}

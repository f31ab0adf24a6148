import { ValidateBy, type ValidationOptions } from 'class-validator';

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar date written YYYY-MM-DD (2025-02-30 is not). */
export function isLocalDate(value: unknown): value is string {
  const parts = typeof value === 'string' ? DATE_KEY.exec(value) : null;
  if (!parts) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && year <= 2200 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A local calendar date (Europe/London) written YYYY-MM-DD. */
export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isLocalDate', validator: { validate: isLocalDate, defaultMessage: () => '$property must be a date written YYYY-MM-DD, e.g. 2025-03-31' } },
    options,
  );
}

export * from './calendar-errors.js';
export * from './working-calendar.js';
export { addCalendarDays, localDateKey } from './local-time.js';
export { HOLIDAY_REGIONS } from './bank-holidays.js';

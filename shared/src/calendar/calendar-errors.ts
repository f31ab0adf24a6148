import type { Jurisdiction } from '../domain/vocabulary.js';

export enum CalendarErrorCode {
  OUTSIDE_COVERED_YEARS = 'CALENDAR_OUTSIDE_COVERED_YEARS',
}

/** A date the working calendar cannot answer for: its bank holidays are not loaded. */
export class OutsideCalendarError extends RangeError {
  readonly code = CalendarErrorCode.OUTSIDE_COVERED_YEARS;

  constructor(
    readonly jurisdiction: Jurisdiction,
    readonly date: string,
    readonly years: { readonly from: number; readonly to: number },
  ) {
    super(
      `The ${jurisdiction} working calendar covers ${years.from}–${years.to}; ` +
        `${date} is outside it, so its working days are unknown.`,
    );
    this.name = 'OutsideCalendarError';
  }
}

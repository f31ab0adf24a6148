export enum TimescaleErrorCode {
  PREREQUISITE_NOT_EVALUATED = 'TIMESCALE_PREREQUISITE_NOT_EVALUATED',
  UNKNOWN_PREREQUISITE = 'TIMESCALE_UNKNOWN_PREREQUISITE',
  CIRCULAR_PREREQUISITES = 'TIMESCALE_CIRCULAR_PREREQUISITES',
}

/** A rule set the evaluator cannot judge as given. */
export class TimescaleError extends Error {
  constructor(
    readonly code: TimescaleErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TimescaleError';
  }
}

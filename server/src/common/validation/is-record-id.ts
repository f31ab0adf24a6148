import { Matches } from 'class-validator';

/** Ids are PostgreSQL bigints sent as strings: 1 to 18 digits, no sign, no leading zero. */
export const RECORD_ID_PATTERN = /^[1-9][0-9]{0,17}$/;

/** Validates an `ID` argument before it reaches SQL. */
export function IsRecordId(): PropertyDecorator {
  return Matches(RECORD_ID_PATTERN, { message: '$property must be a record id: a positive whole number written in digits' });
}

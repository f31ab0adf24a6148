import { Matches } from 'class-validator';
import { RECORD_ID_PATTERN } from '../../common/validation/is-record-id.js';

/** Validates each id of an `[ID!]` argument before it reaches SQL. */
export function AreRecordIds(): PropertyDecorator {
  return Matches(RECORD_ID_PATTERN, { each: true, message: 'each of $property must be a record id: a positive whole number written in digits' });
}

import { Matches } from 'class-validator';

/** A text that holds more than whitespace. */
export function IsNotBlank(): PropertyDecorator {
  return Matches(/\S/u, { message: '$property must not be blank' });
}

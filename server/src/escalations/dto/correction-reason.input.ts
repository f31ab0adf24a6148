import { Field, InputType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../common/validation/is-not-blank.js';
import { EscalationChangeInput } from './escalation-change.input.js';
import { TEXT_LIMITS } from './text-limits.js';

/** Every correction says why: the reason is kept with what it changed. */
@InputType({ isAbstract: true })
export abstract class CorrectionInput extends EscalationChangeInput {
  @Field({ description: 'Why the entry was wrong.' })
  @IsString()
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.reason)
  reason: string;
}

import { Field, InputType } from '@nestjs/graphql';
import { IsDate, IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../common/validation/is-not-blank.js';
import { EscalationChangeInput } from './escalation-change.input.js';
import { TEXT_LIMITS } from './text-limits.js';

@InputType({ description: 'The raiser withdraws the disagreement.' })
export class WithdrawEscalationInput extends EscalationChangeInput {
  @Field({ description: 'When it was withdrawn.' })
  @IsDate()
  closedAt: Date;

  @Field()
  @IsString()
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.reason)
  reason: string;
}

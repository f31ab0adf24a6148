import { Field, InputType } from '@nestjs/graphql';
import { IsDate, IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../common/validation/is-not-blank.js';
import { EscalationChangeInput } from './escalation-change.input.js';
import { TEXT_LIMITS } from './text-limits.js';

@InputType({
  description: 'The matter belongs elsewhere (e.g. a conduct complaint or a review referral, which the protocols exclude). ' +
    'It leaves every statistic but its own count.',
})
export class MarkOutOfScopeInput extends EscalationChangeInput {
  @Field({ description: 'When it was found to be out of scope.' })
  @IsDate()
  closedAt: Date;

  @Field({ description: 'Why, e.g. which exclusion of the protocol applies.' })
  @IsString()
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.reason)
  reason: string;
}

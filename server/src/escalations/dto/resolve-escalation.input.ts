import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../common/validation/is-not-blank.js';
import { EscalationChangeInput } from './escalation-change.input.js';
import { TEXT_LIMITS } from './text-limits.js';

@InputType({ description: 'The disagreement is settled at the stage the escalation is in.' })
export class ResolveEscalationInput extends EscalationChangeInput {
  @Field(() => String, { nullable: true, description: 'The stage it was resolved at; must be the current stage (a check against a stale view).' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.code)
  stageCode?: string | null;

  @Field({ description: 'When it was resolved.' })
  @IsDate()
  closedAt: Date;

  @Field({ description: 'What was agreed.' })
  @IsString()
  @IsNotBlank()
  @MaxLength(TEXT_LIMITS.outcome)
  outcome: string;

  @Field()
  @IsBoolean()
  writtenConfirmationGiven: boolean;

  @Field()
  @IsBoolean()
  feedbackGiven: boolean;
}

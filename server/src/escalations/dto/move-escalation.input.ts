import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsDate, IsOptional, IsString, MaxLength } from 'class-validator';
import { EscalationChangeInput } from './escalation-change.input.js';
import { TEXT_LIMITS } from './text-limits.js';

@InputType({ description: 'The escalation goes up to a higher stage: the next one, or further where its urgency allows.' })
export class MoveEscalationInput extends EscalationChangeInput {
  @Field()
  @IsString()
  @MaxLength(TEXT_LIMITS.code)
  stageCode: string;

  @Field({ description: 'When it entered the stage; also when it left the one before.' })
  @IsDate()
  enteredAt: Date;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(TEXT_LIMITS.participants)
  @IsString({ each: true })
  @MaxLength(TEXT_LIMITS.participant, { each: true })
  participants?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.notes)
  notes?: string | null;
}

import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, Matches, ValidateNested } from 'class-validator';
import { RECORD_ID_PATTERN } from '../../common/validation/is-record-id.js';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The national picture's filter: a period of raising, [from, to), and optionally some partnerships. */
@InputType('NationalFilter', { description: 'Escalations raised in [from, to) in the partnerships given (default: every partnership).' })
export class NationalFilterInput {
  @Field({ description: 'First day of the period of raising (YYYY-MM-DD, Europe/London), included.' })
  @Matches(LOCAL_DATE, { message: 'from must be a date written YYYY-MM-DD' })
  from: string;

  @Field({ description: 'The day after the period (YYYY-MM-DD, Europe/London), excluded: [from, to).' })
  @Matches(LOCAL_DATE, { message: 'to must be a date written YYYY-MM-DD' })
  to: string;

  @Field(() => [ID], { nullable: true, description: 'Only these partnerships (default: every partnership).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @Matches(RECORD_ID_PATTERN, { each: true, message: 'partnershipIds must hold record ids: positive whole numbers written in digits' })
  partnershipIds?: string[] | null;
}

@ArgsType()
export class NationalOverviewArgs {
  @Field(() => NationalFilterInput)
  @ValidateNested()
  @Type(() => NationalFilterInput)
  filter: NationalFilterInput;
}

import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';
import { IsRecordId } from '../../common/validation/is-record-id.js';

@ArgsType()
export class ImportArgs {
  @Field(() => ID)
  @IsRecordId()
  partnershipId: string;

  @Field(() => ID)
  @IsRecordId()
  id: string;
}

@ArgsType()
export class ImportProblemsArgs extends ImportArgs {
  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  offset: number;

  @Field(() => Int, { defaultValue: 100, description: 'At most 100.' })
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number;
}

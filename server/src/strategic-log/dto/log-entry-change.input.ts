import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';
import { IsRecordId } from '../../common/validation/is-record-id.js';

/** What every change to an existing entry names: which one, and the version it was read at. */
@InputType({ isAbstract: true })
export abstract class LogEntryChangeInput {
  @Field(() => ID)
  @IsRecordId()
  partnershipId: string;

  @Field(() => ID)
  @IsRecordId()
  id: string;

  @Field(() => Int, { description: "The entry's version as last read; a different current version is a VERSION_CONFLICT." })
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  expectedVersion: number;
}

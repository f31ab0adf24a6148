import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Matches } from 'class-validator';
import { IsRecordId } from '../../common/validation/is-record-id.js';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

@ArgsType()
export class ScrutinyReviewArgs {
  @Field(() => ID)
  @IsRecordId()
  partnershipId: string;

  @Field({ description: 'First day of the period of raising (YYYY-MM-DD, Europe/London), included.' })
  @Matches(LOCAL_DATE, { message: 'from must be a date written YYYY-MM-DD' })
  from: string;

  @Field({ description: 'The day after the period (YYYY-MM-DD, Europe/London), excluded: [from, to).' })
  @Matches(LOCAL_DATE, { message: 'to must be a date written YYYY-MM-DD' })
  to: string;
}

/** `GET /exports/scrutiny.csv?partnershipId=&from=&to=`: the same three, as query parameters. */
export class ScrutinyExportQuery {
  @IsRecordId()
  partnershipId: string;

  @Matches(LOCAL_DATE, { message: 'from must be a date written YYYY-MM-DD' })
  from: string;

  @Matches(LOCAL_DATE, { message: 'to must be a date written YYYY-MM-DD' })
  to: string;
}

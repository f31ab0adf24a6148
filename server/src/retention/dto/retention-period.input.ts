import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { RECORD_ID_PATTERN } from '../../common/validation/is-record-id.js';

export const RETENTION_YEARS = { min: 1, max: 100 } as const;

@InputType({ description: "A partnership's retention period for record-level detail." })
export class RetentionPeriodInput {
  @Field(() => ID)
  @Matches(RECORD_ID_PATTERN, { message: 'partnershipId must be a record id' })
  partnershipId: string;

  @Field(() => Int, {
    nullable: true,
    description: `Years after an escalation closes that its record-level detail is kept, ${RETENTION_YEARS.min} to ${RETENTION_YEARS.max}; null keeps it.`,
  })
  @IsOptional()
  @IsInt({ message: 'yearsAfterClose must be a whole number of years' })
  @Min(RETENTION_YEARS.min, { message: `yearsAfterClose must be at least ${RETENTION_YEARS.min}` })
  @Max(RETENTION_YEARS.max, { message: `yearsAfterClose must be at most ${RETENTION_YEARS.max}` })
  yearsAfterClose: number | null;
}

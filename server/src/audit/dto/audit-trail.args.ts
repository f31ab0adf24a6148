import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { AuditTrailFilter } from './audit-trail-filter.input.js';

export const MAX_AUDIT_PAGE = 200;
export const DEFAULT_AUDIT_PAGE = 50;

/** `auditTrail(filter, first, after)`: a filter and a page of at most MAX_AUDIT_PAGE events after a cursor. */
@ArgsType()
export class AuditTrailArgs {
  @Field(() => AuditTrailFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditTrailFilter)
  filter?: AuditTrailFilter | null;

  @Field(() => Int, { defaultValue: DEFAULT_AUDIT_PAGE, description: `Events on the page, at most ${MAX_AUDIT_PAGE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_AUDIT_PAGE)
  first: number;

  @Field(() => String, { nullable: true, description: "The page after this cursor (a page's endCursor); none: the newest events." })
  @IsOptional()
  @MaxLength(40)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'after must be a cursor the API handed out (endCursor)' })
  after?: string | null;
}

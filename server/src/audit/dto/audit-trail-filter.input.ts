import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, Matches, MaxLength } from 'class-validator';
import { IsRecordId } from '../../common/validation/is-record-id.js';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** `escalation.recorded`, `user.sign_in_failed`: lower-case words joined by dots and underscores. */
export const ACTION_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;
/** `escalation`, `app_user`, `import_session`. */
export const ENTITY_TYPE_PATTERN = /^[a-z][a-z0-9_]*$/;

/**
 * Which audit events to list: every condition given must hold. Dates are local
 * (Europe/London) calendar dates and the period is half-open, [from, to).
 */
@InputType('AuditTrailFilter', { description: 'Which audit events to list; every condition given must hold.' })
export class AuditTrailFilter {
  @Field(() => String, { nullable: true, description: 'Events on or after this day (YYYY-MM-DD, Europe/London).' })
  @IsOptional()
  @Matches(LOCAL_DATE, { message: 'from must be a date written YYYY-MM-DD' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Events before this day (YYYY-MM-DD, Europe/London), excluded: [from, to).' })
  @IsOptional()
  @Matches(LOCAL_DATE, { message: 'to must be a date written YYYY-MM-DD' })
  to?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "Only this partnership's chain (for administrators of every partnership; others see their own partnership's only).",
  })
  @IsOptional()
  @IsRecordId()
  partnershipId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only events about this kind of record, e.g. escalation, app_user.' })
  @IsOptional()
  @MaxLength(60)
  @Matches(ENTITY_TYPE_PATTERN, { message: 'entityType must be a record type such as escalation or app_user' })
  entityType?: string | null;

  @Field(() => String, { nullable: true, description: 'Only events about the record with this id.' })
  @IsOptional()
  @MaxLength(100)
  @Matches(/^[A-Za-z0-9._:-]+$/, { message: 'entityId must be a record id (letters, digits, dots, colons, dashes)' })
  entityId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only events of this action, e.g. escalation.recorded, user.signed_in.' })
  @IsOptional()
  @MaxLength(100)
  @Matches(ACTION_PATTERN, { message: 'action must be an action name such as escalation.recorded' })
  action?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only events done by this user.' })
  @IsOptional()
  @IsRecordId()
  actorUserId?: string | null;
}

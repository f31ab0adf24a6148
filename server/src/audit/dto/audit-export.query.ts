import { IsOptional, Matches, MaxLength } from 'class-validator';
import { IsRecordId } from '../../common/validation/is-record-id.js';
import { ACTION_PATTERN, ENTITY_TYPE_PATTERN, type AuditTrailFilter } from './audit-trail-filter.input.js';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `GET /exports/audit.csv?…`: the audit trail's filter as query parameters (see AuditTrailFilter). */
export class AuditExportQuery implements AuditTrailFilter {
  @IsOptional()
  @Matches(LOCAL_DATE, { message: 'from must be a date written YYYY-MM-DD' })
  from?: string;

  @IsOptional()
  @Matches(LOCAL_DATE, { message: 'to must be a date written YYYY-MM-DD' })
  to?: string;

  @IsOptional()
  @IsRecordId()
  partnershipId?: string;

  @IsOptional()
  @MaxLength(60)
  @Matches(ENTITY_TYPE_PATTERN, { message: 'entityType must be a record type such as escalation or app_user' })
  entityType?: string;

  @IsOptional()
  @MaxLength(100)
  @Matches(/^[A-Za-z0-9._:-]+$/, { message: 'entityId must be a record id (letters, digits, dots, colons, dashes)' })
  entityId?: string;

  @IsOptional()
  @MaxLength(100)
  @Matches(ACTION_PATTERN, { message: 'action must be an action name such as escalation.recorded' })
  action?: string;

  @IsOptional()
  @IsRecordId()
  actorUserId?: string;
}

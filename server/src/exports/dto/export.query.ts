import { ESCALATION_STATUSES, URGENCIES, type EscalationStatus, type Urgency } from '@escalation-insights/shared';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDate, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsRecordId } from '../../common/validation/is-record-id.js';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const list = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter(Boolean) : value);
const flag = ({ value }: { value: unknown }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value);
const instant = ({ value }: { value: unknown }) => (typeof value === 'string' ? new Date(value) : value);

/** `GET /exports/escalations.csv?…`: the escalation list's filter, as query parameters (lists comma-separated). */
export class EscalationExportQuery {
  @IsRecordId()
  partnershipId: string;

  @IsOptional()
  @Transform(list)
  @IsArray()
  @ArrayMaxSize(ESCALATION_STATUSES.length)
  @IsIn(ESCALATION_STATUSES, { each: true })
  statuses?: EscalationStatus[];

  @IsOptional()
  @IsRecordId()
  raisingAgencyId?: string;

  @IsOptional()
  @IsRecordId()
  receivingAgencyId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  categoryCode?: string;

  @IsOptional()
  @Transform(list)
  @IsArray()
  @ArrayMaxSize(URGENCIES.length)
  @IsIn(URGENCIES, { each: true })
  urgencies?: Urgency[];

  @IsOptional()
  @IsString()
  @MaxLength(100)
  currentStageCode?: string;

  @IsOptional()
  @Transform(instant)
  @IsDate({ message: 'raisedFrom must be an ISO 8601 date or instant' })
  raisedFrom?: Date;

  @IsOptional()
  @Transform(instant)
  @IsDate({ message: 'raisedTo must be an ISO 8601 date or instant' })
  raisedTo?: Date;

  @IsOptional()
  @Transform(flag)
  @IsBoolean()
  overdueOnly?: boolean;
}

/** `GET /exports/analytics/…` and the quarterly report: a partnership and a period of raising, [from, to). */
export class FiguresExportQuery {
  @IsRecordId()
  partnershipId: string;

  @IsOptional()
  @Matches(LOCAL_DATE, { message: 'from must be a date written YYYY-MM-DD' })
  from?: string;

  @IsOptional()
  @Matches(LOCAL_DATE, { message: 'to must be a date written YYYY-MM-DD' })
  to?: string;

  /** Suppress small numbers for every role: for a report or table to be published. */
  @IsOptional()
  @Transform(flag)
  @IsBoolean()
  publication?: boolean;
}

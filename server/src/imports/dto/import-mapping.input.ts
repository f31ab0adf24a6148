import {
  DATE_ORDERS, IMPORT_FIELDS, RAISED_VIA, URGENCIES, VALUE_KINDS,
  type DateOrder, type ImportField, type RaisedVia, type Urgency, type ValueKind,
} from '@escalation-insights/shared';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IsRecordId } from '../../common/validation/is-record-id.js';
import { RaisedViaEnum, UrgencyEnum } from '../../graphql/domain-enums.js';
import { IMPORT_LIMITS } from '../import-limits.js';
import { DateOrderEnum, ImportFieldEnum, ValueKindEnum } from '../models/import-enums.js';

@InputType()
export class ImportColumnInput {
  @Field({ description: 'The header as it is in the file.' })
  @IsString()
  @MaxLength(1_000)
  header: string;

  @Field(() => ImportFieldEnum)
  @IsIn(IMPORT_FIELDS)
  field: ImportField;

  @Field(() => String, { nullable: true, description: 'For STAGE_ENTERED: the stage the column dates.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  stageCode?: string | null;
}

@InputType()
export class ImportValueMappingInput {
  @Field(() => ValueKindEnum)
  @IsIn(VALUE_KINDS)
  kind: ValueKind;

  @Field({ description: 'The spelling in the file.' })
  @IsString()
  @MaxLength(1_000)
  from: string;

  @Field({ description: 'What it means: an agency id, a category or stage code, or an urgency, raised-via or status value (lower case, as stored).' })
  @IsString()
  @MaxLength(100)
  to: string;
}

@InputType({ description: 'How to read a file. The date order must be stated: it is never guessed.' })
export class ImportMappingInput {
  @Field(() => [ImportColumnInput])
  @IsArray()
  @ArrayMaxSize(IMPORT_LIMITS.maxColumns)
  @ValidateNested({ each: true })
  @Type(() => ImportColumnInput)
  columns: ImportColumnInput[];

  @Field(() => DateOrderEnum)
  @IsIn(DATE_ORDERS)
  dateOrder: DateOrder;

  @Field({ defaultValue: true })
  @IsBoolean()
  excelSerialDates: boolean;

  @Field({ defaultValue: '09:00', description: 'UK clock time (HH:MM) for dates written without a time.' })
  @Matches(/^([01]?\d|2[0-3]):[0-5]\d$/, { message: 'dateOnlyTime must be a clock time HH:MM' })
  dateOnlyTime: string;

  @Field(() => UrgencyEnum, { nullable: true })
  @IsOptional()
  @IsIn(URGENCIES)
  defaultUrgency?: Urgency | null;

  @Field(() => RaisedViaEnum, { nullable: true })
  @IsOptional()
  @IsIn(RAISED_VIA)
  defaultRaisedVia?: RaisedVia | null;

  @Field(() => [ImportValueMappingInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(5_000)
  @ValidateNested({ each: true })
  @Type(() => ImportValueMappingInput)
  values: ImportValueMappingInput[];
}

@InputType()
export class SetImportMappingInput {
  @Field(() => ID)
  @IsRecordId()
  partnershipId: string;

  @Field(() => ID)
  @IsRecordId()
  importId: string;

  @Field(() => ImportMappingInput)
  @ValidateNested()
  @Type(() => ImportMappingInput)
  mapping: ImportMappingInput;
}

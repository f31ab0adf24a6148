import type { DateOrder, ImportField, RaisedVia, Urgency, ValueKind } from '@escalation-insights/shared';
import { Field, ObjectType } from '@nestjs/graphql';
import { RaisedViaEnum, UrgencyEnum } from '../../graphql/domain-enums.js';
import { DateOrderEnum, ImportFieldEnum, ValueKindEnum } from './import-enums.js';

@ObjectType({ description: 'A column of the file and the field it holds.' })
export class ImportColumn {
  @Field({ description: 'The header as it is in the file.' })
  header: string;

  @Field(() => ImportFieldEnum)
  field: ImportField;

  @Field(() => String, { nullable: true, description: 'For STAGE_ENTERED: the stage the column dates.' })
  stageCode: string | null;
}

@ObjectType({ description: 'What one spelling in the file means: an agency id, a category or stage code, an urgency, a raised-via or a status value.' })
export class ImportValueMapping {
  @Field(() => ValueKindEnum)
  kind: ValueKind;

  @Field()
  from: string;

  @Field()
  to: string;
}

@ObjectType({ description: 'How a file is read: its columns, how its dates are written, and its own spellings.' })
export class ImportMappingModel {
  @Field(() => [ImportColumn])
  columns: ImportColumn[];

  @Field(() => DateOrderEnum, { nullable: true, description: 'Null in a suggestion until someone states it: dates are never read in a guessed order.' })
  dateOrder: DateOrder | null;

  @Field({ description: 'Whether text like 45712 in a date column is an Excel serial date (numeric .xlsx cells always are).' })
  excelSerialDates: boolean;

  @Field({ description: 'UK clock time (HH:MM) given to dates written without a time.' })
  dateOnlyTime: string;

  @Field(() => UrgencyEnum, { nullable: true })
  defaultUrgency: Urgency | null;

  @Field(() => RaisedViaEnum, { nullable: true })
  defaultRaisedVia: RaisedVia | null;

  @Field(() => [ImportValueMapping])
  values: ImportValueMapping[];
}

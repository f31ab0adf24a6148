import type { ValueKind } from '@escalation-insights/shared';
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ImportFileKind } from '../files/file-kind.js';
import type { ImportStatus } from '../import-sessions.repository.js';
import { ImportFileKindEnum, ImportStatusEnum, ValueKindEnum } from './import-enums.js';
import { ImportMappingModel } from './import-mapping.model.js';

@ObjectType({ description: 'How far a run has got. Rows are counted as read from the file (blank lines not counted).' })
export class ImportProgress {
  @Field({ description: 'reading (checking rows, writing them in a commit), timescales (recomputing outcomes), done; empty before a run.' })
  phase: string;

  @Field(() => Int)
  rowsRead: number;

  @Field(() => Int)
  rowsValidated: number;

  @Field(() => Int, { description: 'Escalations created or updated so far in a commit (rolled back unless it commits).' })
  rowsWritten: number;
}

@ObjectType({ description: 'What a dry run found, or a commit did.' })
export class ImportCounts {
  @Field(() => Int)
  toCreate: number;

  @Field(() => Int)
  toUpdate: number;

  @Field(() => Int, { description: 'Rows whose escalation is stored exactly so already (importing a file twice changes nothing).' })
  unchanged: number;

  @Field(() => Int)
  problemRows: number;

  @Field(() => Int)
  problemCount: number;
}

@ObjectType({ description: 'A value in the file that matched nothing of the partnership\'s: map it (setImportMapping values) and run again.' })
export class UnmatchedImportValue {
  @Field(() => ValueKindEnum)
  kind: ValueKind;

  @Field()
  value: string;

  @Field(() => Int)
  rows: number;

  @Field(() => String, { nullable: true, description: 'The nearest of ours, as a value mapping\'s `to` (an agency id, a category code).' })
  suggestion: string | null;

  @Field(() => String, { nullable: true })
  suggestionLabel: string | null;
}

@ObjectType({ description: 'One row\'s problem: where, what and why.' })
export class ImportProblemModel {
  @Field(() => Int, { description: 'Row number in the file (the header is usually row 1).' })
  row: number;

  @Field(() => String, { nullable: true, description: 'The file\'s header of the column at fault; null when no column holds the field.' })
  column: string | null;

  @Field()
  field: string;

  @Field({ description: 'MISSING_VALUE, UNKNOWN_AGENCY, UNKNOWN_CATEGORY, UNKNOWN_STAGE, UNKNOWN_VALUE, BAD_DATE, DATE_OUTSIDE_CALENDAR, STAGE_ORDER, TOO_LONG, DUPLICATE_REFERENCE, or a journey rule (SKIP_NOT_ALLOWED, TIME_IN_FUTURE, …).' })
  code: string;

  @Field()
  message: string;

  @Field(() => String, { nullable: true })
  value: string | null;
}

@ObjectType({ description: 'An uploaded escalation log on its way in.' })
export class ImportSession {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  partnershipId: string;

  @Field()
  fileName: string;

  @Field(() => ImportFileKindEnum)
  fileKind: ImportFileKind;

  @Field(() => Float, { description: 'Bytes.' })
  fileSize: number;

  @Field({ description: 'SHA-256 of the file, hex: recorded in the audit event of its commit.' })
  fileChecksum: string;

  @Field(() => ImportStatusEnum)
  status: ImportStatus;

  @Field({ description: 'True while a dry run or commit of it is running in this server.' })
  running: boolean;

  @Field(() => [String])
  headers: string[];

  @Field(() => [[String]], { description: 'The first rows, as text, for the mapping step.' })
  sampleRows: string[][];

  @Field(() => ImportMappingModel, { nullable: true })
  mapping: ImportMappingModel | null;

  @Field(() => ImportProgress)
  progress: ImportProgress;

  @Field(() => ImportCounts, { nullable: true, description: 'Null until a dry run or commit has finished.' })
  counts: ImportCounts | null;

  @Field(() => [UnmatchedImportValue])
  unmatchedValues: UnmatchedImportValue[];

  @Field(() => String, { nullable: true })
  error: string | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Date, { nullable: true })
  committedAt: Date | null;
}

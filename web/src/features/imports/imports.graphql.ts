import { gql, type TypedDocumentNode } from '@apollo/client';
import type { GqlRaisedVia } from '../escalations/escalations.graphql';
import type { GqlUrgency } from '../protocols/labels';

/* An import after its upload (POST /imports): the mapping, the dry run, the commit, and their progress. */

export type GqlImportField =
  | 'REFERENCE' | 'RAISED_AT' | 'RAISING_AGENCY' | 'RECEIVING_AGENCY' | 'CATEGORY' | 'URGENCY' | 'RAISED_VIA' | 'RAISING_ROLE'
  | 'SUMMARY' | 'CHILD_REFERENCE' | 'STATUS' | 'CLOSED_AT' | 'OUTCOME' | 'STAGE_REACHED' | 'STAGE_ENTERED'
  | 'WRITTEN_CONFIRMATION_GIVEN' | 'FEEDBACK_GIVEN';
export type GqlDateOrder = 'DAY_FIRST' | 'MONTH_FIRST';
export type GqlValueKind = 'AGENCY' | 'CATEGORY' | 'STAGE' | 'URGENCY' | 'RAISED_VIA' | 'STATUS';
export type GqlImportStatus = 'UPLOADED' | 'VALIDATING' | 'VALIDATED' | 'INVALID' | 'COMMITTING' | 'COMMITTED' | 'FAILED';

export interface ImportColumn {
  readonly header: string;
  readonly field: GqlImportField;
  readonly stageCode: string | null;
}

export interface ImportValueMapping {
  readonly kind: GqlValueKind;
  readonly from: string;
  readonly to: string;
}

export interface ImportMapping {
  readonly columns: readonly ImportColumn[];
  readonly dateOrder: GqlDateOrder | null;
  readonly excelSerialDates: boolean;
  readonly dateOnlyTime: string;
  readonly defaultUrgency: GqlUrgency | null;
  readonly defaultRaisedVia: GqlRaisedVia | null;
  readonly values: readonly ImportValueMapping[];
}

export interface ImportSession {
  readonly id: string;
  readonly partnershipId: string;
  readonly fileName: string;
  readonly fileKind: 'CSV' | 'XLSX';
  readonly fileChecksum: string;
  readonly status: GqlImportStatus;
  readonly running: boolean;
  readonly headers: readonly string[];
  readonly sampleRows: readonly (readonly string[])[];
  readonly error: string | null;
  readonly progress: { readonly phase: string; readonly rowsRead: number; readonly rowsValidated: number; readonly rowsWritten: number };
  readonly counts: { readonly toCreate: number; readonly toUpdate: number; readonly unchanged: number; readonly problemRows: number; readonly problemCount: number } | null;
  readonly unmatchedValues: readonly { readonly kind: GqlValueKind; readonly value: string; readonly rows: number; readonly suggestion: string | null; readonly suggestionLabel: string | null }[];
  readonly mapping: ImportMapping | null;
}

export interface ImportProblem {
  readonly row: number;
  readonly column: string | null;
  readonly field: string;
  readonly code: string;
  readonly message: string;
  readonly value: string | null;
}

/* Operations interpolate nothing (test/browser/web-operations.test.ts checks each against the schema), so the fields repeat. */

interface SessionArgs {
  readonly partnershipId: string;
  readonly id: string;
}

export const IMPORT_SESSION: TypedDocumentNode<{ importSession: ImportSession }, SessionArgs> = gql`
  query ImportSession($partnershipId: ID!, $id: ID!) { importSession(partnershipId: $partnershipId, id: $id) { ...ImportSessionFields } }

  fragment ImportSessionFields on ImportSession {
    id partnershipId fileName fileKind fileChecksum status running headers sampleRows error
    progress { phase rowsRead rowsValidated rowsWritten }
    counts { toCreate toUpdate unchanged problemRows problemCount }
    unmatchedValues { kind value rows suggestion suggestionLabel }
    mapping { columns { header field stageCode } dateOrder excelSerialDates dateOnlyTime defaultUrgency defaultRaisedVia values { kind from to } }
  }
`;

export const SUGGESTED_IMPORT_MAPPING: TypedDocumentNode<{ suggestedImportMapping: ImportMapping }, SessionArgs> = gql`
  query SuggestedImportMapping($partnershipId: ID!, $id: ID!) { suggestedImportMapping(partnershipId: $partnershipId, id: $id) { columns { header field stageCode } dateOrder excelSerialDates dateOnlyTime defaultUrgency defaultRaisedVia values { kind from to } } }
`;

export const IMPORT_PROBLEMS: TypedDocumentNode<{ importProblems: ImportProblem[] }, SessionArgs & { limit: number; offset: number }> = gql`
  query ImportProblems($partnershipId: ID!, $id: ID!, $limit: Int!, $offset: Int!) {
    importProblems(partnershipId: $partnershipId, id: $id, limit: $limit, offset: $offset) { row column field code message value }
  }
`;

export interface ImportMappingInput extends Omit<ImportMapping, 'dateOrder'> {
  readonly dateOrder: GqlDateOrder;
}

export const SET_IMPORT_MAPPING: TypedDocumentNode<{ setImportMapping: ImportSession }, { input: { partnershipId: string; importId: string; mapping: ImportMappingInput } }> = gql`
  mutation SetImportMapping($input: SetImportMappingInput!) { setImportMapping(input: $input) { ...ImportSessionFields } }

  fragment ImportSessionFields on ImportSession {
    id partnershipId fileName fileKind fileChecksum status running headers sampleRows error
    progress { phase rowsRead rowsValidated rowsWritten }
    counts { toCreate toUpdate unchanged problemRows problemCount }
    unmatchedValues { kind value rows suggestion suggestionLabel }
    mapping { columns { header field stageCode } dateOrder excelSerialDates dateOnlyTime defaultUrgency defaultRaisedVia values { kind from to } }
  }
`;

export const START_IMPORT_DRY_RUN: TypedDocumentNode<{ startImportDryRun: ImportSession }, SessionArgs> = gql`
  mutation StartImportDryRun($partnershipId: ID!, $id: ID!) { startImportDryRun(partnershipId: $partnershipId, id: $id) { ...ImportSessionFields } }

  fragment ImportSessionFields on ImportSession {
    id partnershipId fileName fileKind fileChecksum status running headers sampleRows error
    progress { phase rowsRead rowsValidated rowsWritten }
    counts { toCreate toUpdate unchanged problemRows problemCount }
    unmatchedValues { kind value rows suggestion suggestionLabel }
    mapping { columns { header field stageCode } dateOrder excelSerialDates dateOnlyTime defaultUrgency defaultRaisedVia values { kind from to } }
  }
`;

export const COMMIT_IMPORT: TypedDocumentNode<{ commitImport: ImportSession }, SessionArgs> = gql`
  mutation CommitImport($partnershipId: ID!, $id: ID!) { commitImport(partnershipId: $partnershipId, id: $id) { ...ImportSessionFields } }

  fragment ImportSessionFields on ImportSession {
    id partnershipId fileName fileKind fileChecksum status running headers sampleRows error
    progress { phase rowsRead rowsValidated rowsWritten }
    counts { toCreate toUpdate unchanged problemRows problemCount }
    unmatchedValues { kind value rows suggestion suggestionLabel }
    mapping { columns { header field stageCode } dateOrder excelSerialDates dateOnlyTime defaultUrgency defaultRaisedVia values { kind from to } }
  }
`;

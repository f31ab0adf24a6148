import type { GqlImportField, GqlImportStatus, ImportMapping, ImportMappingInput, ImportSession, ImportValueMapping } from './imports.graphql';

/* Pure helpers of the import page: field names, the mapping as the API takes it, and what a status means. */

export const FIELD_LABELS: Readonly<Record<GqlImportField, string>> = {
  REFERENCE: 'Escalation reference (required)',
  RAISED_AT: 'Date raised (required)',
  RAISING_AGENCY: 'Raising agency (required)',
  RECEIVING_AGENCY: 'Receiving agency (required)',
  CATEGORY: 'Area of disagreement (required)',
  URGENCY: 'Urgency',
  RAISED_VIA: 'How it was raised',
  RAISING_ROLE: 'Role of the person raising it',
  SUMMARY: 'Summary',
  CHILD_REFERENCE: 'Child case reference (stored only as a keyed hash)',
  STATUS: 'Status',
  CLOSED_AT: 'Date closed',
  OUTCOME: 'Outcome',
  STAGE_REACHED: 'Stage reached',
  STAGE_ENTERED: 'Date a stage was reached',
  WRITTEN_CONFIRMATION_GIVEN: 'Written confirmation given (yes/no)',
  FEEDBACK_GIVEN: 'Feedback given (yes/no)',
};

/** A column's choice in the form: a field, a stage date ("STAGE_ENTERED:3a"), or nothing. */
export function columnChoice(mapping: ImportMapping, header: string): string {
  const column = mapping.columns.find((c) => c.header === header);
  if (!column) return '';
  return column.field === 'STAGE_ENTERED' ? `STAGE_ENTERED:${column.stageCode ?? ''}` : column.field;
}

/** The mapping with one column's choice changed (a field other columns held is taken from them). */
export function withColumnChoice(mapping: ImportMapping, header: string, choice: string): ImportMapping {
  const others = mapping.columns.filter((c) => c.header !== header && (choice.startsWith('STAGE_ENTERED') ? columnChoice(mapping, c.header) !== choice : c.field !== choice));
  if (choice === '') return { ...mapping, columns: others };
  const [field, stageCode] = choice.split(':') as [GqlImportField, string | undefined];
  return { ...mapping, columns: [...others, { header, field, stageCode: stageCode ?? null }] };
}

/** A value mapping set (or, with `to` empty, removed) for one spelling. */
export function withValueMapping(mapping: ImportMapping, value: ImportValueMapping): ImportMapping {
  const others = mapping.values.filter((v) => !(v.kind === value.kind && v.from === value.from));
  return { ...mapping, values: value.to === '' ? others : [...others, value] };
}

/** The mapping as the API takes it, or why it cannot be sent yet. */
export function mappingInput(mapping: ImportMapping): { readonly ok: true; readonly input: ImportMappingInput } | { readonly ok: false; readonly reason: string } {
  if (mapping.dateOrder === null) return { ok: false, reason: 'Say how the file writes its dates: day first (24/02/2025) or month first (02/24/2025).' };
  return {
    ok: true,
    // Field by field: what the API sent carries __typename, which an input type refuses.
    input: {
      dateOrder: mapping.dateOrder,
      excelSerialDates: mapping.excelSerialDates,
      dateOnlyTime: mapping.dateOnlyTime,
      defaultUrgency: mapping.defaultUrgency,
      defaultRaisedVia: mapping.defaultRaisedVia,
      columns: mapping.columns.map(({ header, field, stageCode }) => ({ header, field, stageCode })),
      values: mapping.values.map(({ kind, from, to }) => ({ kind, from, to })),
    },
  };
}

export function isRunning(session: Pick<ImportSession, 'status' | 'running'>): boolean {
  return session.running || session.status === 'VALIDATING' || session.status === 'COMMITTING';
}

export const STATUS_TEXT: Readonly<Record<GqlImportStatus, string>> = {
  UPLOADED: 'Uploaded: choose how to read it.',
  VALIDATING: 'Checking every row…',
  VALIDATED: 'Every row is ready to import.',
  INVALID: 'Some rows have problems: nothing has been imported.',
  COMMITTING: 'Importing…',
  COMMITTED: 'Imported.',
  FAILED: 'The import stopped: nothing has been imported.',
};

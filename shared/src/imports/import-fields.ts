import type { RaisedVia, Urgency } from '../domain/vocabulary.js';

/**
 * What a column of an imported escalation log can hold. `stage_entered` columns each
 * name the stage they date ("Stage 2 date" → stage `2`); every other field is taken
 * from one column at most.
 */
export const IMPORT_FIELDS = [
  'reference',
  'raised_at',
  'raising_agency',
  'receiving_agency',
  'category',
  'urgency',
  'raised_via',
  'raising_role',
  'summary',
  'child_reference',
  'status',
  'closed_at',
  'outcome',
  'stage_reached',
  'stage_entered',
  'written_confirmation_given',
  'feedback_given',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Without these a row cannot become an escalation. */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['reference', 'raised_at', 'raising_agency', 'receiving_agency', 'category'];

/** Fields that are dates, read with the mapping's stated date order. */
export const DATE_IMPORT_FIELDS: readonly ImportField[] = ['raised_at', 'closed_at', 'stage_entered'];

/** How day and month are ordered in the file's dates; ISO dates (2025-03-14) and month names are read whatever this says. */
export const DATE_ORDERS = ['day_first', 'month_first'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

/** Vocabularies whose spellings in a file can be mapped to ours. */
export const VALUE_KINDS = ['agency', 'category', 'stage', 'urgency', 'raised_via', 'status'] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

export interface ColumnMapping {
  /** The file's header, as it is in the file. */
  readonly header: string;
  readonly field: ImportField;
  /** For `stage_entered`: the protocol stage the column dates. */
  readonly stageCode?: string | null;
}

/** "The file's `from` means our `to`": an agency id, a category or stage code, an urgency, a raised-via or a status. */
export interface ValueMapping {
  readonly kind: ValueKind;
  readonly from: string;
  readonly to: string;
}

/**
 * How to read a file: which column is which field, how its dates are written (stated,
 * never guessed), and what its own spellings of our vocabularies mean.
 */
export interface ImportMapping {
  readonly columns: readonly ColumnMapping[];
  readonly dateOrder: DateOrder;
  /** Whether text cells like `45712` or `45712.5` in date columns are Excel serial dates (numeric cells of an .xlsx always are). */
  readonly excelSerialDates: boolean;
  /** Local (UK) clock time given to dates written without a time, `HH:MM`. */
  readonly dateOnlyTime: string;
  /** Used when the file has no urgency column (or a row leaves it blank). */
  readonly defaultUrgency: Urgency | null;
  readonly defaultRaisedVia: RaisedVia | null;
  readonly values: readonly ValueMapping[];
}

/**
 * Header spellings seen in partnerships' logs, normalised (see normaliseLabel). The first
 * is the field's own label.
 */
export const IMPORT_FIELD_SYNONYMS: Readonly<Record<Exclude<ImportField, 'stage_entered'>, readonly string[]>> = {
  reference: ['reference', 'ref', 'escalation reference', 'escalation ref', 'escalation id', 'escalation number', 'escalation no', 'log number', 'log ref', 'ref no', 'id'],
  raised_at: ['date raised', 'raised', 'raised at', 'raised on', 'raised date', 'date of escalation', 'escalation date', 'date received', 'date opened', 'opened', 'date'],
  raising_agency: ['raising agency', 'agency raising', 'raised by agency', 'raised by', 'from agency', 'referring agency', 'escalating agency', 'agency raising concern'],
  receiving_agency: ['receiving agency', 'agency receiving', 'escalated to', 'agency escalated to', 'to agency', 'respondent agency', 'agency concerned', 'about agency'],
  category: ['category', 'area of disagreement', 'type of disagreement', 'disagreement', 'nature of disagreement', 'reason for escalation', 'theme', 'issue', 'reason'],
  urgency: ['urgency', 'priority', 'risk', 'level of risk', 'risk level'],
  raised_via: ['raised via', 'how raised', 'method', 'method of contact', 'contact method', 'means of contact', 'raised by phone email'],
  raising_role: ['raising role', 'role of raiser', 'raiser role', 'practitioner role', 'role', 'job title'],
  summary: ['summary', 'description', 'details', 'summary of disagreement', 'narrative', 'comments', 'notes'],
  child_reference: ['child reference', 'child ref', 'case reference', 'case ref', 'child id', 'case number', 'child case number', 'lcs id', 'mosaic id', 'child'],
  status: ['status', 'escalation status', 'current status', 'state'],
  closed_at: ['date closed', 'closed', 'closed at', 'closed on', 'closed date', 'date resolved', 'resolved date', 'resolution date', 'date of resolution', 'end date'],
  outcome: ['outcome', 'resolution', 'how resolved', 'result', 'outcome of escalation'],
  stage_reached: ['stage reached', 'highest stage', 'highest stage reached', 'current stage', 'final stage', 'stage'],
  written_confirmation_given: ['written confirmation given', 'written confirmation', 'confirmed in writing', 'outcome confirmed in writing'],
  feedback_given: ['feedback given', 'feedback', 'feedback to raiser', 'feedback to practitioner'],
};

/** Lower case, accents and punctuation gone, `&` as "and", one space between words. */
export function normaliseLabel(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

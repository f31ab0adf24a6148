import { DATE_ORDERS, IMPORT_FIELDS, VALUE_KINDS } from '@escalation-insights/shared';
import { vocabularyEnum } from '../../graphql/vocabulary-enum.js';
import { IMPORT_STATUSES } from '../import-sessions.repository.js';

export const ImportFieldEnum = vocabularyEnum(
  IMPORT_FIELDS,
  'ImportField',
  'What a column of an imported escalation log holds. STAGE_ENTERED columns date one stage each (their stageCode says which).',
);

export const DateOrderEnum = vocabularyEnum(
  DATE_ORDERS,
  'DateOrder',
  'How the file writes numeric dates: DAY_FIRST (24/02/2025, UK) or MONTH_FIRST (02/24/2025). ISO dates and month names are read either way.',
);

export const ValueKindEnum = vocabularyEnum(VALUE_KINDS, 'ImportValueKind', 'A vocabulary whose spellings in a file can be mapped to the partnership\'s own.');

export const ImportStatusEnum = vocabularyEnum(
  IMPORT_STATUSES,
  'ImportStatus',
  'UPLOADED → (mapping) → VALIDATING → VALIDATED or INVALID (problems found) → COMMITTING → COMMITTED; FAILED when a run stopped (nothing written).',
);

export const ImportFileKindEnum = vocabularyEnum(['csv', 'xlsx'] as const, 'ImportFileKind', 'CSV text or an Excel workbook (.xlsx).');

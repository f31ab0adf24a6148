import {
  AGENCY_SECTORS,
  JURISDICTIONS,
  REQUIREMENT_KINDS,
  RULE_SOURCES,
  TIMESCALE_UNITS,
  URGENCIES,
} from '@escalation-insights/shared';
import { vocabularyEnum } from './vocabulary-enum.js';

/** The domain vocabularies the API exposes, each registered once as a GraphQL enum. */
export const JurisdictionEnum = vocabularyEnum(JURISDICTIONS, 'Jurisdiction', 'Decides the bank-holiday calendar of working days.');

export const AgencySectorEnum = vocabularyEnum(AGENCY_SECTORS, 'AgencySector', 'The kind of organisation an agency is.');

export const UrgencyEnum = vocabularyEnum(
  URGENCIES,
  'Urgency',
  'IMMEDIATE: risk of significant harm; URGENT; STANDARD.',
);

export const TimescaleUnitEnum = vocabularyEnum(
  TIMESCALE_UNITS,
  'TimescaleUnit',
  'How a timescale limit is counted: elapsed hours, working days, calendar days, or by the end of the same working day.',
);

export const RuleSourceEnum = vocabularyEnum(
  RULE_SOURCES,
  'RuleSource',
  'PROTOCOL: stated in the source document. LOCAL_TARGET: set by the partnership where the document only says "without delay".',
);

export const RequirementEnum = vocabularyEnum(REQUIREMENT_KINDS, 'Requirement', 'What a protocol asks for at a stage.');

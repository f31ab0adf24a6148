import {
  AGENCY_SECTORS,
  ESCALATION_STATUSES,
  JURISDICTIONS,
  MILESTONE_KINDS,
  RAISED_VIA,
  REQUIREMENT_KINDS,
  REQUIREMENT_STATUSES,
  RULE_SOURCES,
  STAGE_EXIT_REASONS,
  TIMESCALE_OUTCOME_STATUSES,
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

export const EscalationStatusEnum = vocabularyEnum(
  ESCALATION_STATUSES,
  'EscalationStatus',
  'OPEN until it is resolved, withdrawn, or found to be out of the protocol\'s scope.',
);

export const RaisedViaEnum = vocabularyEnum(RAISED_VIA, 'RaisedVia', 'How the disagreement was first raised.');

export const MilestoneKindEnum = vocabularyEnum(MILESTONE_KINDS, 'MilestoneKind', 'A dated event within an escalation.');

export const StageExitReasonEnum = vocabularyEnum(STAGE_EXIT_REASONS, 'StageExitReason', 'Why an escalation left a stage.');

export const TimescaleOutcomeStatusEnum = vocabularyEnum(
  TIMESCALE_OUTCOME_STATUSES,
  'TimescaleOutcomeStatus',
  'MET or BREACHED once the target happened (or the matter closed late); OVERDUE: deadline passed, target not reached; ' +
    'PENDING: clock running; NOT_APPLICABLE: the rule does not apply (yet).',
);

export const RequirementStatusEnum = vocabularyEnum(
  REQUIREMENT_STATUSES,
  'RequirementStatus',
  'MET: evidenced by a milestone at the stage; MISSING: not (yet) evidenced; NOT_RECORDED: no milestone can evidence it.',
);

import { STRATEGIC_LOG_STATUSES } from '@escalation-insights/shared';
import { vocabularyEnum } from '../../graphql/vocabulary-enum.js';

export const StrategicLogStatusEnum = vocabularyEnum(
  STRATEGIC_LOG_STATUSES,
  'StrategicLogStatus',
  'OPEN when added; UNDER_REVIEW while the executive considers it; ACTIONED once the agreed action is taken; CLOSED when nothing more is needed.',
);

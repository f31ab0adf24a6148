import { LEARNING_ACTION_STATUSES, LEARNING_GAP_KINDS, LEARNING_ITEM_STATUSES } from '@escalation-insights/shared';
import { vocabularyEnum } from '../graphql/vocabulary-enum.js';

/** The learning vocabularies (shared/src/domain/vocabulary.ts), each registered once as a GraphQL enum. */
export const LearningGapKindEnum = vocabularyEnum(LEARNING_GAP_KINDS, 'LearningGapKind', 'What an escalation revealed a gap in: practice, policy or procedure.');

export const LearningItemStatusEnum = vocabularyEnum(
  LEARNING_ITEM_STATUSES,
  'LearningItemStatus',
  'OPEN until work starts; IN_PROGRESS; COMPLETED once its actions are finished (with a date); CLOSED when no more will be done.',
);

export const LearningActionStatusEnum = vocabularyEnum(
  LEARNING_ACTION_STATUSES,
  'LearningActionStatus',
  'NOT_STARTED, IN_PROGRESS, DONE (with the date it was done) or CANCELLED.',
);

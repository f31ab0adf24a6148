import type { GqlEscalationStatus, GqlMilestoneKind, GqlOutcomeStatus, GqlRaisedVia } from './escalations.graphql';

export const STATUS_LABELS: Readonly<Record<GqlEscalationStatus, string>> = {
  OPEN: 'Open',
  RESOLVED: 'Resolved',
  WITHDRAWN: 'Withdrawn',
  OUT_OF_SCOPE: 'Out of scope',
};

export const OUTCOME_LABELS: Readonly<Record<GqlOutcomeStatus, string>> = {
  MET: 'Met',
  BREACHED: 'Missed',
  OVERDUE: 'Overdue',
  PENDING: 'Clock running',
  NOT_APPLICABLE: 'Does not apply',
};

export const MILESTONE_LABELS: Readonly<Record<GqlMilestoneKind, string>> = {
  LINE_MANAGER_CONTACTED: 'Line manager contacted',
  RESOLUTION_MEETING_HELD: 'Resolution meeting held',
  NOTIFICATION_FORM_SUBMITTED: 'Notification form submitted',
  WRITTEN_CONFIRMATION_SENT: 'Written confirmation sent',
  FEEDBACK_GIVEN: 'Feedback given to the raiser',
  BUSINESS_UNIT_NOTIFIED: 'Business unit notified',
  SCRUTINEER_NOTIFIED: 'Independent scrutineer notified',
  JOINT_PLAN_AGREED: 'Joint plan agreed',
};

export const RAISED_VIA_LABELS: Readonly<Record<GqlRaisedVia, string>> = {
  EMAIL: 'Email',
  IN_PERSON: 'In person',
  LETTER: 'Letter',
  MEETING: 'Meeting',
  PHONE: 'Phone',
  VIDEO: 'Video call',
};

export const EXIT_REASON_LABELS = {
  ESCALATED: 'Escalated to the next stage',
  RESOLVED: 'Resolved here',
  WITHDRAWN: 'Withdrawn',
} as const;

/** The status filter's values in the URL, lower case: ?status=open. */
export const STATUS_PARAM: Readonly<Record<string, GqlEscalationStatus>> = {
  open: 'OPEN',
  resolved: 'RESOLVED',
  withdrawn: 'WITHDRAWN',
  'out-of-scope': 'OUT_OF_SCOPE',
};

/**
 * The fixed vocabularies of the domain (DESIGN.md §2). Each is a readonly tuple so
 * that the same list drives TypeScript types, GraphQL enums and database checks.
 */

export const JURISDICTIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

/** Normalised ladder level, so that different protocols can be compared. */
export const TIERS = [1, 2, 3, 4, 5] as const;
export type Tier = (typeof TIERS)[number];

export const TIER_NAMES: Readonly<Record<Tier, string>> = {
  1: 'Practice',
  2: 'First-line management',
  3: 'Middle management and named leads',
  4: 'Senior management',
  5: 'Strategic',
};

export const AGENCY_SECTORS = [
  'childrens_social_care',
  'police',
  'health',
  'education',
  'early_years',
  'probation',
  'housing',
  'voluntary_sector',
  'other',
] as const;
export type AgencySector = (typeof AGENCY_SECTORS)[number];

export const URGENCIES = ['immediate', 'urgent', 'standard'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const RAISED_VIA = ['in_person', 'phone', 'video', 'meeting', 'email', 'letter'] as const;
export type RaisedVia = (typeof RAISED_VIA)[number];

export const ESCALATION_STATUSES = ['open', 'resolved', 'withdrawn', 'out_of_scope'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

export const STAGE_EXIT_REASONS = ['resolved', 'escalated', 'withdrawn'] as const;
export type StageExitReason = (typeof STAGE_EXIT_REASONS)[number];

export const MILESTONE_KINDS = [
  'line_manager_contacted',
  'resolution_meeting_held',
  'notification_form_submitted',
  'written_confirmation_sent',
  'feedback_given',
  'business_unit_notified',
  'scrutineer_notified',
  'joint_plan_agreed',
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

/** What a protocol asks for at a stage. Most are evidenced by the milestone of the same name. */
export const REQUIREMENT_KINDS = [
  'notification_form',
  'resolution_meeting',
  'written_confirmation',
  'feedback_to_raiser',
  'notify_business_unit',
  'notify_scrutineer',
  'independent_facilitation',
  'joint_plan',
  'record_on_child_file',
] as const;
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number];

export const TIMESCALE_UNITS = ['hours', 'working_days', 'calendar_days', 'same_working_day'] as const;
export type TimescaleUnit = (typeof TIMESCALE_UNITS)[number];

/** `protocol`: stated in the source document. `local_target`: set by the partnership. */
export const RULE_SOURCES = ['protocol', 'local_target'] as const;
export type RuleSource = (typeof RULE_SOURCES)[number];

export const TIMESCALE_OUTCOME_STATUSES = ['met', 'breached', 'overdue', 'pending', 'not_applicable'] as const;
export type TimescaleOutcomeStatus = (typeof TIMESCALE_OUTCOME_STATUSES)[number];

export const STRATEGIC_LOG_STATUSES = ['open', 'under_review', 'actioned', 'closed'] as const;
export type StrategicLogStatus = (typeof STRATEGIC_LOG_STATUSES)[number];

export const LEARNING_GAP_KINDS = ['practice', 'policy', 'procedure'] as const;
export type LearningGapKind = (typeof LEARNING_GAP_KINDS)[number];

export const LEARNING_ITEM_STATUSES = ['open', 'in_progress', 'completed', 'closed'] as const;
export type LearningItemStatus = (typeof LEARNING_ITEM_STATUSES)[number];

export const LEARNING_ACTION_STATUSES = ['not_started', 'in_progress', 'done', 'cancelled'] as const;
export type LearningActionStatus = (typeof LEARNING_ACTION_STATUSES)[number];

export const USER_ROLES = [
  'administrator',
  'business_unit',
  'executive',
  'improvement_group',
  'scrutineer',
  'national_viewer',
] as const;
export type UserRole = (typeof USER_ROLES)[number];

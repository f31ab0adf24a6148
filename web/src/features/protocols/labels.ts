import type {
  AgencySector,
  Jurisdiction,
  RequirementKind,
  RuleSource,
  TimescaleUnit,
  Urgency,
} from '@escalation-insights/shared';

/*
 * Readable labels for the enum values the API sends. GraphQL names an enum value in
 * UPPER_SNAKE case (`WORKING_DAYS`); the domain vocabulary in shared/ spells the same
 * value in lower case (`working_days`, `england-and-wales`). Typing each map over the shared
 * vocabulary means a value added there fails the web's type check until it has a label.
 */

/** `england-and-wales` → `england_and_wales`; snake-case values pass through. */
type SnakeCase<T extends string> = T extends `${infer Head}-${infer Tail}` ? `${Head}_${SnakeCase<Tail>}` : T;
/** The GraphQL enum name of a domain value: `working_days` → `WORKING_DAYS`. */
type GraphqlEnum<T extends string> = Uppercase<SnakeCase<T>>;

export type GqlJurisdiction = GraphqlEnum<Jurisdiction>;
export type GqlAgencySector = GraphqlEnum<AgencySector>;
export type GqlUrgency = GraphqlEnum<Urgency>;
export type GqlRequirement = GraphqlEnum<RequirementKind>;
export type GqlTimescaleUnit = GraphqlEnum<TimescaleUnit>;
export type GqlRuleSource = GraphqlEnum<RuleSource>;

export const JURISDICTION_LABELS: Readonly<Record<GqlJurisdiction, string>> = {
  ENGLAND_AND_WALES: 'England and Wales',
  SCOTLAND: 'Scotland',
  NORTHERN_IRELAND: 'Northern Ireland',
};

export const AGENCY_SECTOR_LABELS: Readonly<Record<GqlAgencySector, string>> = {
  CHILDRENS_SOCIAL_CARE: "Children's social care",
  POLICE: 'Police',
  HEALTH: 'Health',
  EDUCATION: 'Education',
  EARLY_YEARS: 'Early years',
  PROBATION: 'Probation',
  HOUSING: 'Housing',
  VOLUNTARY_SECTOR: 'Voluntary sector',
  OTHER: 'Other',
};

export const URGENCY_LABELS: Readonly<Record<GqlUrgency, string>> = {
  IMMEDIATE: 'Immediate',
  URGENT: 'Urgent',
  STANDARD: 'Standard',
};

export const REQUIREMENT_LABELS: Readonly<Record<GqlRequirement, string>> = {
  NOTIFICATION_FORM: 'Escalation notification form',
  RESOLUTION_MEETING: 'Resolution meeting',
  WRITTEN_CONFIRMATION: 'Outcome confirmed in writing',
  FEEDBACK_TO_RAISER: 'Feedback to the person who raised it',
  NOTIFY_BUSINESS_UNIT: 'Partnership business unit told',
  NOTIFY_SCRUTINEER: 'Independent scrutineer told',
  INDEPENDENT_FACILITATION: 'Independent chair or facilitator',
  JOINT_PLAN: 'Joint plan for the child',
  RECORD_ON_CHILD_FILE: "Recorded on the child's file",
};

export const TIMESCALE_UNIT_LABELS: Readonly<Record<GqlTimescaleUnit, { one: string; many: string }>> = {
  HOURS: { one: 'hour', many: 'hours' },
  WORKING_DAYS: { one: 'working day', many: 'working days' },
  CALENDAR_DAYS: { one: 'calendar day', many: 'calendar days' },
  SAME_WORKING_DAY: { one: 'same working day', many: 'same working day' },
};

export const RULE_SOURCE_LABELS: Readonly<Record<GqlRuleSource, string>> = {
  PROTOCOL: 'Stated in the protocol',
  LOCAL_TARGET: 'Local target',
};

import { RECORD_LEVEL_ROLES, USER_ROLES, type UserRole } from '@escalation-insights/shared';

/**
 * Who may use what: every GraphQL query, mutation and field resolver, and every HTTP
 * route, by its coordinate ("Query.partnerships", "Partnership.agencies",
 * "GET /health/live"). The handler names its row with `@Access(...)`; the access guard
 * denies any handler without one, or whose row is not its own coordinate. The access
 * test drives every role through every row and every operation of the schema, and
 * checks that docs/access-matrix.md lists the same decisions.
 *
 * Which rows a user sees is a second, separate question, answered by PostgreSQL's
 * row-level security (TenantDatabase): a row here lets a role call an operation, and the
 * database then shows it its own partnership's data only.
 */
export type AccessRule =
  | { readonly public: true; readonly why: string }
  | { readonly public: false; readonly roles: readonly UserRole[]; readonly why: string };

/** Anyone, signed in or not. */
const anyone = (why: string): AccessRule => ({ public: true, why });
/** Any signed-in user, whatever the role. */
const signedIn = (why: string): AccessRule => ({ public: false, roles: USER_ROLES, why });
/** Signed-in users with one of these roles. */
export const only = (roles: readonly UserRole[], why: string): AccessRule => ({ public: false, roles, why });

const REFERENCE = 'Reference data every role works with; each user sees their own partnership (all partnerships for national viewers and administrators of every partnership).';

const ESCALATION_RECORDS = 'Escalation records and timelines are record-level detail (shared RECORD_LEVEL_ROLES); each user sees their own partnership\'s.';
const ESCALATION_WRITES = 'Business-unit staff record escalations and keep them right (DESIGN.md §1); every change is audited.';

const PARTNERSHIP_ANALYSTS: readonly UserRole[] = ['business_unit', 'executive', 'improvement_group', 'scrutineer'];
const ANALYTICS =
  "The strategic picture of a partnership (DESIGN.md §4) for its own roles: record-level roles see exact counts, the others small numbers suppressed. " +
  'Not national viewers: the statistics read per-escalation analytics rows, which row-level security keeps from them (they have the national_* views).';

const IMPORTS = 'Business-unit staff record and import escalations (DESIGN.md §1); an import writes records of their own partnership only, and is audited.';
const EXPORTED_FIGURES = 'Aggregates of the partnership for its own roles: counts 1–4 suppressed for roles without record-level access, and for every role when marked for publication (DESIGN.md §4.5).';

export const ACCESS_MATRIX = {
  'Query.health': anyone('Says only whether the API reaches its database, like GET /health/ready.'),
  'Query.me': anyone('Who is signed in: null when nobody is, so that the web app can offer the sign-in form.'),
  'Mutation.signIn': anyone('Signing in is what a signed-out person does.'),
  'Mutation.signOut': anyone('Ends the session in the cookie, if there is one; harmless without.'),

  'Query.partnerships': signedIn(REFERENCE),
  'Query.partnership': signedIn(REFERENCE),
  'Partnership.agencies': signedIn(REFERENCE),
  'Partnership.protocols': signedIn(REFERENCE),
  'Partnership.activeProtocol': signedIn(REFERENCE),
  'Protocol.stages': signedIn(REFERENCE),
  'Protocol.categories': signedIn(REFERENCE),
  'Protocol.rules': signedIn(REFERENCE),

  // Escalations (escalations module): record-level detail for the record-level roles; business-unit staff record them.
  'Query.escalation': only(RECORD_LEVEL_ROLES, ESCALATION_RECORDS),
  'Query.escalations': only(RECORD_LEVEL_ROLES, ESCALATION_RECORDS),
  'Escalation.stages': only(RECORD_LEVEL_ROLES, ESCALATION_RECORDS),
  'Escalation.milestones': only(RECORD_LEVEL_ROLES, ESCALATION_RECORDS),
  'Escalation.timescaleOutcomes': only(RECORD_LEVEL_ROLES, ESCALATION_RECORDS),
  'Escalation.isOverdue': only(RECORD_LEVEL_ROLES, ESCALATION_RECORDS),
  'Escalation.corrections': only(RECORD_LEVEL_ROLES, ESCALATION_RECORDS),
  'Escalation.relatedEscalations': only(RECORD_LEVEL_ROLES, ESCALATION_RECORDS),
  'Escalation.protocol': only(RECORD_LEVEL_ROLES, ESCALATION_RECORDS),
  'Escalation.raisingAgency': only(RECORD_LEVEL_ROLES, ESCALATION_RECORDS),
  'Escalation.receivingAgency': only(RECORD_LEVEL_ROLES, ESCALATION_RECORDS),
  'Escalation.category': only(RECORD_LEVEL_ROLES, ESCALATION_RECORDS),
  'StageEntry.stageName': only(RECORD_LEVEL_ROLES, ESCALATION_RECORDS),
  'StageEntry.requirements': only(RECORD_LEVEL_ROLES, ESCALATION_RECORDS),
  'Mutation.recordEscalation': only(['business_unit'], ESCALATION_WRITES),
  'Mutation.moveEscalation': only(['business_unit'], ESCALATION_WRITES),
  'Mutation.recordMilestone': only(['business_unit'], ESCALATION_WRITES),
  'Mutation.resolveEscalation': only(['business_unit'], ESCALATION_WRITES),
  'Mutation.withdrawEscalation': only(['business_unit'], ESCALATION_WRITES),
  'Mutation.markEscalationOutOfScope': only(['business_unit'], ESCALATION_WRITES),
  'Mutation.correctEscalation': only(['business_unit'], ESCALATION_WRITES),
  'Mutation.correctStageEntry': only(['business_unit'], ESCALATION_WRITES),
  'Mutation.correctMilestone': only(['business_unit'], ESCALATION_WRITES),
  'Query.verifyAuditChain': only(['scrutineer', 'administrator'], 'Scrutineers audit who changed what; administrators keep the system sound. Each sees their own partnership\'s chain.'),

  // Analytics (analytics module): aggregates for every partnership role; small numbers suppressed for roles without
  // record-level access, and record-level lists (escalation references) shown only to record-level roles.
  'Query.analyticsOverview': only(PARTNERSHIP_ANALYSTS, ANALYTICS),
  'Query.stageReach': only(PARTNERSHIP_ANALYSTS, ANALYTICS),
  'Query.breachStatistics': only(PARTNERSHIP_ANALYSTS, ANALYTICS),
  'Query.timeToResolution': only(PARTNERSHIP_ANALYSTS, ANALYTICS),
  'Query.themes': only(PARTNERSHIP_ANALYSTS, ANALYTICS),
  'Query.themeSignals': only(PARTNERSHIP_ANALYSTS, ANALYTICS),
  'Query.drift': only(PARTNERSHIP_ANALYSTS, ANALYTICS),
  'Query.silentAgencies': only(PARTNERSHIP_ANALYSTS, ANALYTICS),
  'Mutation.setThemeSignalSettings': only(['administrator'], 'Theme-signal thresholds are partnership configuration, which administrators keep (row-level security lets only them write a partnership).'),

  // Imports and exports (imports, exports modules): business-unit staff import escalation logs (DESIGN.md §1);
  // record-level roles export the record list; every partnership role exports aggregates (suppressed unless record-level).
  'Query.importSession': only(['business_unit'], IMPORTS),
  'Query.suggestedImportMapping': only(['business_unit'], IMPORTS),
  'Query.importProblems': only(['business_unit'], IMPORTS),
  'Mutation.setImportMapping': only(['business_unit'], IMPORTS),
  'Mutation.startImportDryRun': only(['business_unit'], IMPORTS),
  'Mutation.commitImport': only(['business_unit'], IMPORTS),
  'POST /imports': only(['business_unit'], IMPORTS),
  'GET /exports/escalations.csv': only(RECORD_LEVEL_ROLES, 'The filtered escalation list, row by row, is record-level detail (shared RECORD_LEVEL_ROLES).'),
  'GET /exports/analytics/:table': only(['business_unit', 'executive', 'improvement_group', 'scrutineer'], EXPORTED_FIGURES),
  'GET /exports/quarterly-report.pdf': only(['business_unit', 'executive', 'improvement_group', 'scrutineer'], EXPORTED_FIGURES),

  'GET /health/live': anyone('Liveness probe for orchestrators.'),
  'GET /health/ready': anyone('Readiness probe for orchestrators.'),
} as const satisfies Readonly<Record<string, AccessRule>>;

export type AccessKey = keyof typeof ACCESS_MATRIX;

export type AccessDecision = 'allowed' | 'unauthenticated' | 'forbidden';

/** What the guard does for a role (null: nobody signed in) on a row. */
export function decideAccess(rule: AccessRule, role: UserRole | null): AccessDecision {
  if (rule.public) return 'allowed';
  if (role === null) return 'unauthenticated';
  return rule.roles.includes(role) ? 'allowed' : 'forbidden';
}

export function accessRule(key: string): AccessRule | undefined {
  return Object.hasOwn(ACCESS_MATRIX, key) ? ACCESS_MATRIX[key as AccessKey] : undefined;
}

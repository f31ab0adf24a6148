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

const LOG_READERS: readonly UserRole[] = ['business_unit', 'executive', 'improvement_group', 'scrutineer'];
const LOG_READ =
  "The partnership's strategic escalation log (DESIGN.md §2) for its own roles: the business unit keeps it, executives respond, improvement groups " +
  'and scrutineers read it. Escalation counts of 1–4 suppressed for roles without record-level access. Not administrators or national viewers (row-level security keeps the log from them).';
const LOG_RECORDS = 'Which escalations an entry is about, by reference, is record-level detail (shared RECORD_LEVEL_ROLES).';
const LOG_KEEPING = 'The business unit keeps the strategic log (DESIGN.md §1): it adds entries, links their escalations and keeps them up to date; every change is audited.';

const REMINDER_READERS: readonly UserRole[] = ['business_unit', 'executive', 'improvement_group', 'scrutineer'];
const REMINDERS =
  "Each partnership user's own reminders of deadlines (docs/reminders.md): business-unit staff see every deadline of their partnership, anyone else " +
  'only those of escalations they are named on (the reference, rule and deadline: they are involved in it). Not administrators or national viewers, who see no escalation records.';
const NAMING = 'Business-unit staff keep the escalation records (DESIGN.md §1), including who is named on each; every change is audited.';
const SCRUTINY =
  'The review of tier 4–5 escalations with their audit trails is record-level detail (shared RECORD_LEVEL_ROLES): independent scrutineers audit it, ' +
  'the business unit prepares for it. Read only; each sees their own partnership.';

const LEARNING_READERS: readonly UserRole[] = ['business_unit', 'executive', 'improvement_group', 'scrutineer'];
const LEARNING_READ =
  "The partnership's learning items and their actions (DESIGN.md §2, docs/learning.md) for its own roles: improvement groups own them, the business unit " +
  'draws them from escalations, executives follow them up and scrutineers audit them. Counts of escalations behind an item are suppressed (1–4) for roles ' +
  'without record-level access. Not administrators or national viewers (row-level security keeps learning from them).';
const LEARNING_RECORDS = 'Which escalations a learning item was drawn from, and which learning an escalation produced, is record-level detail (shared RECORD_LEVEL_ROLES).';
const LEARNING_OWNERS = 'Practice-improvement groups own learning (DESIGN.md §1): they edit items, keep their actions and complete them; every change is audited. Scrutineers and executives read only.';
const LEARNING_FROM_ESCALATIONS =
  'Learning starts from escalations: the business unit, who see every escalation, spot the gap and refer it to the group, and improvement groups may start ' +
  'it themselves from escalations referred to them. Both link and unlink the escalations behind an item; audited.';

const IMPORTS = 'Business-unit staff record and import escalations (DESIGN.md §1); an import writes records of their own partnership only, and is audited.';
const EXPORTED_FIGURES = 'Aggregates of the partnership for its own roles: counts 1–4 suppressed for roles without record-level access, and for every role when marked for publication (DESIGN.md §4.5).';

const AUDIT_TRAIL =
  'Scrutineers check who changed what and when; administrators keep the system sound. Each reads their own partnership\'s chain ' +
  '(every chain with no partnership). Administrators are not record-level: the changes of events about records are withheld from them.';
const NATIONAL =
  'National and regional viewers see counts across partnerships from the national_* aggregate views only, always small-number suppressed ' +
  '(DESIGN.md §4.5). Partnership roles have their own partnership\'s analytics instead.';

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
  'Query.auditTrail': only(['scrutineer', 'administrator'], AUDIT_TRAIL),
  'GET /exports/audit.csv': only(['scrutineer', 'administrator'], AUDIT_TRAIL),
  'Query.nationalOverview': only(['national_viewer'], NATIONAL),

  // Reminders and the people named on escalations (reminders module, docs/reminders.md); the scrutineer's review (scrutiny module).
  'Query.myReminders': only(REMINDER_READERS, REMINDERS),
  'Query.escalationContactCandidates': only(['business_unit'], NAMING),
  'Escalation.namedPeople': only(RECORD_LEVEL_ROLES, ESCALATION_RECORDS),
  'Mutation.nameEscalationContact': only(['business_unit'], NAMING),
  'Mutation.unnameEscalationContact': only(['business_unit'], NAMING),
  'Query.scrutinyReview': only(RECORD_LEVEL_ROLES, SCRUTINY),
  'GET /exports/scrutiny.csv': only(RECORD_LEVEL_ROLES, SCRUTINY),

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
  'Mutation.setRetentionPeriod': only(['administrator'], 'How long record-level detail is kept is partnership configuration, set by administrators (row-level security lets only them write a partnership); the change is audited.'),

  // Strategic escalation log (strategic-log module, docs/strategic-log.md): the business unit keeps it, executives answer
  // it, improvement groups and scrutineers read it; escalation lists only for record-level roles.
  'Query.strategicLog': only(LOG_READERS, LOG_READ),
  'Query.strategicLogEntry': only(LOG_READERS, LOG_READ),
  'Query.overdueLogEntries': only(LOG_READERS, LOG_READ),
  'StrategicLogEntry.statusHistory': only(LOG_READERS, LOG_READ),
  'StrategicLogEntry.themeFigures': only(LOG_READERS, LOG_READ),
  'StrategicLogEntry.hasItWorked': only(LOG_READERS, LOG_READ),
  'StrategicLogEntry.linkedEscalations': only(RECORD_LEVEL_ROLES, LOG_RECORDS),
  'StrategicLogEntry.themeEscalationsSinceAdded': only(RECORD_LEVEL_ROLES, LOG_RECORDS),
  'Mutation.raiseLogEntryFromThemeSignal': only(['business_unit'], LOG_KEEPING),
  'Mutation.createLogEntry': only(['business_unit'], LOG_KEEPING),
  'Mutation.updateLogEntry': only(['business_unit'], LOG_KEEPING),
  'Mutation.respondToLogEntry': only(['executive'], 'Executives respond to the log (DESIGN.md §1): their response and the status it leads to; audited.'),
  'Mutation.changeLogEntryStatus': only(
    ['business_unit', 'executive'],
    'The executive decides what becomes of an entry, and the business unit keeping the log records it (e.g. closing a duplicate); every change is kept in the status history and audited.',
  ),

  // Learning (learning module, docs/learning.md): improvement groups own learning items and their actions; the business unit
  // may start one from escalations; executives and scrutineers read; escalations behind an item only for record-level roles.
  'Query.learningItems': only(LEARNING_READERS, LEARNING_READ),
  'Query.learningItem': only(LEARNING_READERS, LEARNING_READ),
  'LearningItem.actions': only(LEARNING_READERS, LEARNING_READ),
  'LearningItem.theme': only(LEARNING_READERS, `${LEARNING_READ} The theme names areas of disagreement and agencies, as the themes page does.`),
  'LearningItem.hasItWorked': only(LEARNING_READERS, `${LEARNING_READ} Its counts follow the same suppression.`),
  'LearningItem.escalations': only(RECORD_LEVEL_ROLES, LEARNING_RECORDS),
  'Escalation.learningItems': only(RECORD_LEVEL_ROLES, LEARNING_RECORDS),
  'Mutation.createLearningItem': only(['business_unit', 'improvement_group'], LEARNING_FROM_ESCALATIONS),
  'Mutation.linkLearningEscalations': only(['business_unit', 'improvement_group'], LEARNING_FROM_ESCALATIONS),
  'Mutation.unlinkLearningEscalations': only(['business_unit', 'improvement_group'], LEARNING_FROM_ESCALATIONS),
  'Mutation.updateLearningItem': only(['improvement_group'], LEARNING_OWNERS),
  'Mutation.completeLearningItem': only(['improvement_group'], LEARNING_OWNERS),
  'Mutation.addLearningAction': only(['improvement_group'], LEARNING_OWNERS),
  'Mutation.updateLearningAction': only(['improvement_group'], LEARNING_OWNERS),
  'GET /learning/:id/briefing.pdf': only(
    LEARNING_READERS,
    'The 7-minute briefing is written to be shared with teams: every partnership role may download it. It holds the item\'s own text and no escalation detail.',
  ),

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

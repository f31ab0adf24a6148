import type { ProtocolTemplate, StageDefinition } from '../domain/index.js';
import { RESOLVED, stageDeadlineRules, type StageDeadline } from './rule-builders.js';

/** Partnership target for disagreements that can wait; the document gives no figure. */
const LOCAL_STANDARD_STAGE_WORKING_DAYS = 5;
/** Partnership target for confirming an agreed outcome in writing; the document gives no figure. */
const LOCAL_WRITTEN_CONFIRMATION_WORKING_DAYS = 2;

/** Key principle 8 applies at every stage: record, share with the raiser, confirm in writing. */
const EVERY_STAGE = ['written_confirmation', 'feedback_to_raiser', 'record_on_child_file'] as const;

const STAGES: readonly StageDefinition[] = [
  {
    code: '1',
    name: 'Practitioners',
    order: 1,
    tier: 1,
    roles: ['The professional who disagrees', 'The responsible practitioner in the receiving agency'],
    description:
      'The professional who disagrees takes it up with the practitioner concerned, in person or in writing, ' +
      'giving the evidence for their view. The receiving agency reviews its case file, talks it through with ' +
      'them and, once they agree, writes to the raising agency to confirm the outcome.',
    requirements: EVERY_STAGE,
  },
  {
    code: '2',
    name: 'Line or team managers',
    order: 2,
    tier: 2,
    roles: [
      "Each practitioner's line or team manager, or their agency's named safeguarding lead",
      'The safeguarding lead for a self-employed professional; the head teacher or principal for a school',
    ],
    description:
      'Each practitioner takes the disagreement to their own manager or safeguarding lead, and the managers ' +
      'try to settle it between them. The receiving agency confirms any agreed outcome in writing.',
    requirements: EVERY_STAGE,
  },
  {
    code: '3a',
    name: 'Service or senior managers',
    order: 3,
    tier: 3,
    roles: [
      "Service or senior managers, e.g. the locality senior manager in children's social care or a detective chief inspector",
      'Other designated professionals',
      "The council's Head of Safeguarding, copied in",
    ],
    description:
      "The relevant senior managers meet to settle the disagreement. The council's Head of Safeguarding is " +
      'copied in on every disagreement that gets this far.',
    requirements: ['resolution_meeting', ...EVERY_STAGE],
  },
  {
    code: '3b',
    name: 'Directors or assistant directors',
    order: 4,
    tier: 4,
    roles: ['Directors or assistant directors of the agencies involved, normally DSCB board members'],
    description:
      'The senior manager raises the matter inside their own agency. Its director or assistant director writes ' +
      'to their counterpart in the other agency and the two meet to reach a final resolution.',
    requirements: ['resolution_meeting', ...EVERY_STAGE],
  },
  {
    code: 'exceptional',
    name: 'DSCB Independent Chair (exceptional)',
    order: 5,
    tier: 5,
    roles: ['The DSCB Independent Chair'],
    description:
      'Kept for the rare matter still unsettled after stage 3b; the board expects nearly every disagreement ' +
      'to end within the three stages.',
    requirements: EVERY_STAGE,
  },
];

/**
 * The document names three speeds — at once, within a day, over a longer period — left to
 * professional judgement, and calls them the points by which an unsettled matter should
 * be escalated. So each stage is measured on its own: settled or moved up in time.
 */
const STAGE_DEADLINES: readonly StageDeadline[] = [
  {
    codeSuffix: 'immediate-same-day',
    label: 'settled or moved up the same working day (immediate)',
    limit: { unit: 'same_working_day', amount: 1 },
    urgencies: ['immediate'],
    source: 'protocol',
    rationale:
      'Section 1: some disagreements must be settled at once. For an immediate concern, a stage that has not ' +
      'settled the matter by the end of the working day has held it too long and should have passed it up.',
  },
  {
    codeSuffix: 'urgent-24h',
    label: 'settled or moved up within 24 hours (urgent)',
    limit: { unit: 'hours', amount: 24 },
    urgencies: ['urgent'],
    source: 'protocol',
    rationale:
      'Section 1: others must be settled within 24 hours. The protocol treats its timescales as the points for ' +
      'escalating an unsettled matter, so each stage has 24 hours to settle it or pass it up.',
  },
  {
    codeSuffix: 'standard-local-5wd',
    label: `settled or moved up within ${LOCAL_STANDARD_STAGE_WORKING_DAYS} working days (local target)`,
    limit: { unit: 'working_days', amount: LOCAL_STANDARD_STAGE_WORKING_DAYS },
    urgencies: ['standard'],
    source: 'local_target',
    rationale:
      'Section 1 allows some disagreements a longer period without saying how long. The per-stage figure is a ' +
      "partnership target, not the document's, and can be changed in the partnership's copy.",
  },
];

export const DUDLEY: ProtocolTemplate = {
  code: 'dudley',
  name: 'Resolution and Escalation Protocol',
  partnershipName: 'Dudley Safeguarding Children Board',
  jurisdiction: 'england-and-wales',
  sourceDocument: 'dudley-resolution-and-escalation.txt',
  sourceVersion: 'Undated (DSCB)',
  summary:
    'A three-stage ladder (practitioners, line managers, then senior managers and directors as 3a and 3b) ' +
    'with the Independent Chair for exceptional cases. How fast each disagreement must move is a matter of ' +
    'professional judgement — at once, within a day, or longer — and agreed outcomes are confirmed in writing.',
  discouragesEmail: false,
  skipAllowedFor: ['immediate'],
  stages: STAGES,
  categories: [
    { code: 'course_of_action', label: 'A decision on what to do next, for example ending work with the family' },
    { code: 'agreed_action_not_completed', label: 'An agreed action left undone without good reason' },
    { code: 'plan_not_meeting_needs', label: "The child's plan is unsuitable or not meeting their needs" },
    {
      code: 'agency_involvement_or_thresholds',
      label: 'Whether an agency should be involved, including how referral criteria or thresholds are applied',
    },
    { code: 'strategy_discussion_refused', label: 'A request for a strategy discussion turned down' },
    { code: 'conference_refused', label: 'A request for a child protection conference turned down' },
    { code: 'agency_response_to_concerns', label: "Several professionals concerned about an agency's response" },
    { code: 'information_sharing_or_services', label: 'Information sharing or provision of services' },
  ],
  rules: [
    ...stageDeadlineRules(STAGES, ['1', '2', '3a', '3b'], STAGE_DEADLINES),
    {
      code: 'written-confirmation-local-2wd',
      name: `Agreed outcome confirmed in writing within ${LOCAL_WRITTEN_CONFIRMATION_WORKING_DAYS} working days`,
      stageCode: '1',
      anchor: RESOLVED,
      targets: [{ kind: 'milestone', milestone: 'written_confirmation_sent' }],
      limit: { unit: 'working_days', amount: LOCAL_WRITTEN_CONFIRMATION_WORKING_DAYS },
      source: 'local_target',
      rationale:
        'Principle 8 and stages 1 and 2 ask the parties to confirm an agreed outcome in writing, without saying ' +
        'how soon; the deadline is a partnership target. Filed under stage 1, where the document first asks ' +
        'for it, though it is measured whichever stage settled the matter.',
    },
  ],
  outOfScope: [],
};

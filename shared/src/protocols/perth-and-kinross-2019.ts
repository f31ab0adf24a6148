import type { ProtocolTemplate, StageDefinition, TimescaleRuleDefinition } from '../domain/index.js';
import { RESOLVED, stageDeadlineRules, stageEntered } from './rule-builders.js';

/**
 * The guide asks only that matters move "quickly and without delay", so every rule here
 * is a partnership target. These figures are ours, not the document's.
 */
const LOCAL_STAGE_WORKING_DAYS = 5;
const LOCAL_MEETING_WORKING_DAYS = 3;

const STAGES: readonly StageDefinition[] = [
  {
    code: 'resolution',
    name: 'Resolution between practitioners',
    order: 1,
    tier: 1,
    roles: ['Practitioners from the services or agencies that disagree'],
    description:
      'The practitioners meet promptly, explain their reasoning and try to reach a shared view. If they ' +
      'cannot, the one who disagrees asks for their position to be written into any record kept, says they ' +
      "will escalate, and records it in their own agency's files.",
    requirements: ['record_on_child_file'],
  },
  {
    code: '1',
    name: 'First-line manager review',
    order: 2,
    tier: 2,
    roles: [
      "The practitioner's first-line manager or supervisor",
      "The agency's designated child protection officer or lead, for advice if needed",
    ],
    description:
      'Where the practitioner still believes the child is not safe, they take the matter to their own ' +
      'first-line manager or supervisor, who reviews it, says whether they agree and why, and settles the next ' +
      'steps. The discussion is written up and the practitioner is told what happens next.',
    requirements: ['feedback_to_raiser', 'record_on_child_file'],
  },
  {
    code: '2',
    name: 'First-line managers across agencies',
    order: 3,
    tier: 2,
    roles: ['First-line managers or supervisors in each service or agency involved'],
    description:
      'The first-line manager meets their counterpart in the other agency to review the decision and look for ' +
      'a resolution. If none is found, their position is recorded and the matter goes to a senior manager or ' +
      'Head of Service; the raising practitioner hears what was done.',
    requirements: ['resolution_meeting', 'feedback_to_raiser', 'record_on_child_file'],
  },
  {
    code: '3',
    name: 'Senior manager or Head of Service',
    order: 4,
    tier: 4,
    roles: ['Senior managers or Heads of Service in each service or agency involved'],
    description:
      'Senior managers meet their counterparts, review what has been tried and seek a resolution. If none is ' +
      'found the matter goes to the Chief Social Work Officer, and the practitioner and first-line manager ' +
      'who raised it are kept informed.',
    requirements: ['resolution_meeting', 'feedback_to_raiser', 'record_on_child_file'],
  },
  {
    code: '4',
    name: 'Chief Social Work Officer',
    order: 5,
    tier: 5,
    roles: [
      'The Chief Social Work Officer',
      'The Head of Service who brings the matter',
      'Child Protection Committee / Chief Officers Group, on referral',
    ],
    description:
      'The Head of Service meets the Chief Social Work Officer, who makes the final determination and may ' +
      'refer a matter that still cannot be settled to the Child Protection Committee or Chief Officers Group. ' +
      'Everyone who brought the concern up the ladder is told the outcome.',
    requirements: ['resolution_meeting', 'feedback_to_raiser', 'record_on_child_file'],
  },
];

/** A meeting with the other side should be sought promptly at each management stage. */
function meetingRule(stageCode: string): TimescaleRuleDefinition {
  return {
    code: `stage-${stageCode}-meeting-local-${LOCAL_MEETING_WORKING_DAYS}wd`,
    name: `Stage ${stageCode}: meeting held within ${LOCAL_MEETING_WORKING_DAYS} working days (local target)`,
    stageCode,
    anchor: stageEntered(stageCode),
    targets: [{ kind: 'milestone', milestone: 'resolution_meeting_held', stageCode }, RESOLVED],
    limit: { unit: 'working_days', amount: LOCAL_MEETING_WORKING_DAYS },
    source: 'local_target',
    rationale:
      'Stages 2 to 4 each begin by seeking a meeting with the other side without delay. The guide sets no ' +
      'deadline, so the figure is a partnership target. Settling the matter without a meeting also meets it; ' +
      'moving up without one does not.',
  };
}

export const PERTH_AND_KINROSS_2019: ProtocolTemplate = {
  code: 'perth-and-kinross-2019',
  name: "Practitioner's Guide: Resolution and Escalation Arrangements",
  partnershipName: 'Perth and Kinross Child Protection Committee',
  jurisdiction: 'scotland',
  sourceDocument: 'perth-and-kinross-2019.txt',
  sourceVersion: 'Version 1.0, 27 August 2019',
  summary:
    'Practitioners try to resolve a disagreement between themselves, then escalate through their own and ' +
    "each other's first-line managers, senior managers or Heads of Service, and finally the Chief Social Work " +
    'Officer. The raiser gets feedback at every stage. The guide sets no deadlines beyond acting quickly, so ' +
    'all timescales here are local targets.',
  discouragesEmail: false,
  skipAllowedFor: ['immediate'],
  stages: STAGES,
  categories: [
    { code: 'need_for_intervention', label: 'Whether a service or agency should intervene or offer support' },
    { code: 'level_of_need_or_risk', label: "The child's level of need or risk" },
    { code: 'concern_report_or_referral_pathway', label: 'Child concern report or referral route' },
    { code: 'screening_outcome', label: 'Result of screening' },
    { code: 'ird_outcome', label: 'Result of an inter-agency referral discussion (IRD)' },
    { code: 'investigation_outcome', label: 'Result of an investigation' },
    { code: 'assessment_outcome', label: 'Result of an assessment' },
    { code: 'planning_agreement', label: 'A planning agreement' },
    { code: 'agreed_action_not_completed', label: 'An agreed action not carried out or followed' },
    { code: 'meeting_decision', label: 'A decision of a single or inter-agency meeting (e.g. case conference, core group)' },
    { code: 'timescale_decision', label: 'A decision about timescales' },
    { code: 'registration_decision', label: 'A child protection registration decision' },
  ],
  rules: [
    ...stageDeadlineRules(STAGES, ['resolution', '1', '2', '3'], [
      {
        codeSuffix: `local-${LOCAL_STAGE_WORKING_DAYS}wd`,
        label: `settled or moved up within ${LOCAL_STAGE_WORKING_DAYS} working days (local target)`,
        limit: { unit: 'working_days', amount: LOCAL_STAGE_WORKING_DAYS },
        source: 'local_target',
        rationale:
          'At every level the guide asks for the disagreement to be settled, or escalated, quickly and without ' +
          'delay, but gives no figure; this per-stage deadline is a partnership target. The CSWO stage has none, ' +
          'as the CSWO holds the final say.',
      },
    ]),
    meetingRule('2'),
    meetingRule('3'),
    meetingRule('4'),
  ],
  outOfScope: [
    'Concerns about professional behaviour, conduct or wrongdoing (complaints and disciplinary routes)',
    'Whistleblowing',
  ],
};

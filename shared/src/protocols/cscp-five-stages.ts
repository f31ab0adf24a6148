import type { ProtocolTemplate, StageDefinition } from '../domain/index.js';
import { stageDeadlineRules, stageEntered } from './rule-builders.js';

/** The document states no timescales; both figures are partnership targets. */
const LOCAL_STAGE_WORKING_DAYS = 5;
const LOCAL_NOTIFICATION_FORM_WORKING_DAYS = 5;

const STAGES: readonly StageDefinition[] = [
  {
    code: '1',
    name: 'Front-line discussion',
    order: 1,
    tier: 1,
    roles: ['The professional who disagrees', 'The professional responsible for the decision or action'],
    description:
      'The professional with the concern contacts the one responsible. Many differences come from ' +
      'misunderstood policy or poor communication and are settled quickly and informally.',
    requirements: [],
  },
  {
    code: '2',
    name: 'Team or operational managers',
    order: 2,
    tier: 2,
    roles: ["Each agency's team or operational manager"],
    description:
      'The managers share their concerns and evidence, say what outcome they want and negotiate an agreed ' +
      'action for the child. All parties hear the result.',
    requirements: ['feedback_to_raiser'],
  },
  {
    code: '3',
    name: 'Service managers or named safeguarding leads',
    order: 3,
    tier: 3,
    roles: ['Service managers', 'Named safeguarding leads', 'Relevant staff at a multi-agency consultation or case meeting'],
    description:
      'A multi-agency reflective group consultation, or at least a case meeting, looks for an agreed way ' +
      'forward. Whatever the result, the lead agency manager tells the partnership about any policy or ' +
      'practice issues on the Escalation Notification Form. All parties hear the result.',
    requirements: ['resolution_meeting', 'notification_form', 'feedback_to_raiser'],
  },
  {
    code: '4',
    name: 'Senior managers or designated safeguarding leads',
    order: 4,
    tier: 4,
    roles: ['Senior managers, Head of Service or above', 'Designated safeguarding leads'],
    description:
      'Senior managers review the matter, aim for a resolution and tackle known barriers. The lead agency ' +
      'records the outcome or what remains open on the notification form. All parties hear the result.',
    requirements: ['notification_form', 'feedback_to_raiser'],
  },
  {
    code: '5',
    name: 'Safeguarding partner executive',
    order: 5,
    tier: 5,
    roles: ['The CSCP Executive', 'The CSCP Independent Scrutineer, notified by the Executive'],
    description:
      'The Executive makes the final decision and may use conflict resolution, legal advice or an ' +
      'independent review. Outcomes for the child should now be clear and policy and practice issues taken ' +
      'forward. The Executive informs the Independent Scrutineer; the lead agency updates the form.',
    requirements: ['notification_form', 'notify_scrutineer', 'feedback_to_raiser'],
  },
];

export const CSCP_FIVE_STAGES: ProtocolTemplate = {
  code: 'cscp-five-stages',
  name: 'CSCP five stages of escalation',
  partnershipName: 'CSCP (five-stage protocol)',
  jurisdiction: 'england-and-wales',
  sourceDocument: 'cscp-five-stages.txt',
  sourceVersion: 'Undated',
  summary:
    'Five stages from front-line workers to the safeguarding partner executive. From stage three the lead ' +
    'agency keeps an Escalation Notification Form, and the executive brings in the Independent Scrutineer. ' +
    'All parties get feedback from stage two on. No timescales are stated, so all here are local targets.',
  discouragesEmail: false,
  skipAllowedFor: ['immediate'],
  stages: STAGES,
  // The document lists no areas of disagreement. This is a local starting list, not
  // from the document; a partnership should adjust it to its own practice.
  categories: [
    { code: 'referral_or_threshold_decision', label: 'A referral, contact or threshold decision' },
    { code: 'meeting_decision', label: 'A strategy discussion, conference or other meeting decision' },
    { code: 'assessment_or_plan', label: "An assessment or the child's plan" },
    { code: 'agreed_action_not_completed', label: 'An agreed action not carried out' },
    { code: 'information_sharing', label: 'Sharing of information' },
    { code: 'closure_or_step_down', label: 'Closing or stepping down involvement' },
  ],
  rules: [
    ...stageDeadlineRules(STAGES, ['1', '2', '3', '4'], [
      {
        codeSuffix: `local-${LOCAL_STAGE_WORKING_DAYS}wd`,
        label: `settled or moved up within ${LOCAL_STAGE_WORKING_DAYS} working days (local target)`,
        limit: { unit: 'working_days', amount: LOCAL_STAGE_WORKING_DAYS },
        source: 'local_target',
        rationale:
          'The document sets no timescale for any stage; this per-stage deadline is a partnership target so ' +
          'that matters sitting at one level can be seen. Stage five has none: the executive decides finally.',
      },
    ]),
    {
      code: 'notification-form-local-5wd',
      name: `Escalation Notification Form sent within ${LOCAL_NOTIFICATION_FORM_WORKING_DAYS} working days of stage 3`,
      stageCode: '3',
      anchor: stageEntered('3'),
      targets: [{ kind: 'milestone', milestone: 'notification_form_submitted' }],
      limit: { unit: 'working_days', amount: LOCAL_NOTIFICATION_FORM_WORKING_DAYS },
      source: 'local_target',
      rationale:
        'Stage three: the lead agency manager must tell the partnership about policy or practice issues on the ' +
        'notification form whether or not the matter is settled, so only the form itself meets this rule. The ' +
        'document gives no deadline; the figure is a partnership target.',
    },
  ],
  outOfScope: [],
};

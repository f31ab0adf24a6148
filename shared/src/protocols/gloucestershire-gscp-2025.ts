import type { ProtocolTemplate, StageDefinition } from '../domain/index.js';
import { RAISED, RESOLVED, resolvedOrEscalatedFrom, stageEntered } from './rule-builders.js';

const STAGES: readonly StageDefinition[] = [
  {
    code: '1',
    name: 'Resolving disputes',
    order: 1,
    tier: 1,
    roles: ['Practitioners in the agencies involved', 'Their line managers, once the practitioners cannot agree'],
    description:
      'The professionals try to settle the disagreement by talking it through, ideally by phone, video or ' +
      'face to face. If that fails, each involves their line manager. Whatever is agreed is passed back to ' +
      "everyone concerned and noted, with the disagreement itself, on the child's record.",
    requirements: ['feedback_to_raiser', 'record_on_child_file'],
  },
  {
    code: '2',
    name: 'Informal dispute procedure',
    order: 2,
    tier: 3,
    roles: [
      "Second-tier managers, such as a group manager in children's services",
      'Named safeguarding professionals in health trusts, or the equivalent in other agencies',
      "The MASH service manager, when the dispute is about thresholds for children's social care",
      'The Team Around the Family, where relevant',
    ],
    description:
      'Managers one level further up in every agency involved speak to each other directly and try to settle ' +
      'the matter between them.',
    requirements: [],
  },
  {
    code: '3',
    name: 'Formal escalation procedure',
    order: 3,
    tier: 4,
    roles: [
      "Head of Service or Assistant Director in children's social care",
      "Health designated professionals and the provider's head of safeguarding",
      'Police duty manager, inspector or chief inspector, or the equivalent elsewhere',
      'A safeguarding partner with no stake in the issue, or the independent scrutineer, to chair the meeting',
    ],
    description:
      'Senior managers satisfy themselves that every avenue has been tried and look at why the dispute arose. ' +
      'An independently chaired resolution meeting (in person or on Teams) should end in a joint plan for the ' +
      'child within five working days. The partnership business unit is told about the escalation.',
    requirements: ['resolution_meeting', 'independent_facilitation', 'joint_plan', 'notify_business_unit'],
  },
  {
    code: '4',
    name: 'GSCP Executive escalation',
    order: 4,
    tier: 5,
    roles: [
      "Each agency's GSCP Executive member (for health, jointly with the trust's executive lead)",
      'The Independent Scrutineer',
    ],
    description:
      "The full history of the dispute goes to the agencies' Executive members, who take the matter to a final " +
      'resolution alongside the Independent Scrutineer. The business unit logs it as a stage four escalation ' +
      'and considers whether a recurring theme belongs on the strategic escalation log.',
    requirements: ['notify_business_unit', 'notify_scrutineer'],
  },
];

export const GLOUCESTERSHIRE_GSCP_2025: ProtocolTemplate = {
  code: 'gloucestershire-gscp-2025',
  name: 'GSCP Escalation Protocol 2025',
  partnershipName: 'Gloucestershire Safeguarding Children Partnership',
  jurisdiction: 'england-and-wales',
  sourceDocument: 'gloucestershire-gscp-2025.txt',
  sourceVersion: 'Version 1.10, May 2025',
  summary:
    'A four-stage ladder from practitioners to the partnership Executive. Disagreements should be talked ' +
    'through rather than emailed; managers are involved within a day, and formal escalation must produce a ' +
    'joint plan within five working days or go to the Executive.',
  discouragesEmail: true,
  skipAllowedFor: ['immediate'],
  stages: STAGES,
  categories: [
    {
      code: 'referral_response',
      label: "Response to a referral or contact judged ineffective or not in the child's interests",
    },
    {
      code: 'safeguarding_plans',
      label: 'Effectiveness of safeguarding activity or plans, including strategy meeting outcomes',
    },
    { code: 'agreed_actions', label: 'Quality, effectiveness or timeliness of agreed actions' },
    { code: 'information_sharing_or_services', label: 'Information sharing or provision of services' },
    { code: 'escalation_response', label: 'How an agency handled the disagreement or the escalation process' },
  ],
  rules: [
    {
      code: 'line-manager-contact-24h',
      name: 'Line managers involved within 24 hours',
      stageCode: '1',
      anchor: RAISED,
      targets: [{ kind: 'milestone', milestone: 'line_manager_contacted' }, ...resolvedOrEscalatedFrom(STAGES, '1')],
      limit: { unit: 'hours', amount: 24 },
      source: 'protocol',
      rationale:
        'Stage one: practitioners who cannot agree must bring in their line managers within a day, or sooner ' +
        'if the situation demands. Records do not show when practitioner talks broke down, so the clock starts ' +
        'when the disagreement was raised, the strictest reading. A recorded manager contact meets the rule; so ' +
        'does the matter reaching a higher stage (managers must have been involved for that) or being settled ' +
        'first, which leaves managers nothing to take up.',
    },
    {
      code: 'stage-3-joint-plan-5wd',
      name: 'Joint plan agreed within five working days of formal escalation',
      stageCode: '3',
      anchor: stageEntered('3'),
      targets: [{ kind: 'milestone', milestone: 'joint_plan_agreed', stageCode: '3' }, RESOLVED],
      limit: { unit: 'working_days', amount: 5 },
      source: 'protocol',
      rationale:
        'Stage three: once formal escalation starts, the agencies have at most five working days to agree a ' +
        'joint plan for the child (less where risk is high). Only a plan recorded at stage three counts; a full ' +
        'resolution also stops the clock.',
    },
    {
      code: 'stage-4-when-no-joint-plan',
      name: 'Executive escalation within one working day of a missed joint plan',
      stageCode: '3',
      anchor: stageEntered('3'),
      targets: [stageEntered('4'), RESOLVED],
      limit: { unit: 'working_days', amount: 6 },
      appliesWhen: { ruleNotMet: 'stage-3-joint-plan-5wd' },
      source: 'protocol',
      rationale:
        'Stage three: without a joint plan in five working days, managers must take the matter to the Executive ' +
        'at once and within one more working day at the latest. Counting six working days from the start of ' +
        'stage three lands on the same moment as one working day after the five-day deadline. A plan agreed ' +
        'late does not stop this clock, because the document asks for escalation as soon as the five days are ' +
        'missed; only reaching stage four, or actual resolution, meets it.',
    },
  ],
  outOfScope: [
    "Concerns about an individual professional's conduct",
    'Putting a case forward for a safeguarding review',
  ],
};

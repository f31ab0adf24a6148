import type { ProtocolTemplate, StageDefinition } from '../domain/index.js';
import { RAISED, resolvedOrEscalatedFrom, stageDeadlineRules } from './rule-builders.js';

/** The briefing gives no deadline beyond same-day escalation of immediate risk: a partnership target. */
const LOCAL_STAGE_WORKING_DAYS = 5;

const STAGES: readonly StageDefinition[] = [
  {
    code: 'resolution',
    name: 'Resolution between practitioners',
    order: 1,
    tier: 1,
    roles: ['Practitioners from the services or agencies involved'],
    description:
      'Staff try to settle the issue between themselves through respectful professional challenge, using ' +
      'tools such as a professionals meeting.',
    requirements: [],
  },
  {
    code: 'line-managers',
    name: 'Line managers',
    order: 2,
    tier: 2,
    roles: ["The practitioners' line managers"],
    description: 'An issue the practitioners cannot settle goes to their line managers.',
    requirements: [],
  },
  {
    code: 'next-tier-managers',
    name: 'Next tier of management',
    order: 3,
    tier: 3,
    roles: ['The managers above the line managers'],
    description:
      'Still unsettled, the issue moves up one more management level; staff need not pull in every layer of ' +
      'senior management.',
    requirements: [],
  },
  {
    code: 'strategic',
    name: 'Strategic partnership',
    order: 4,
    tier: 5,
    roles: [
      "Children's Services Strategic and Planning Partnership Executive Group",
      'Public Protection Committee',
    ],
    description: 'Very rarely, an issue still unsettled is taken to the strategic groups of the partnership.',
    requirements: [],
  },
];

export const DUMFRIES_AND_GALLOWAY_2024: ProtocolTemplate = {
  code: 'dumfries-and-galloway-2024',
  name: "Children's Services Resolution and Escalation Protocol",
  partnershipName: 'Dumfries and Galloway',
  jurisdiction: 'scotland',
  sourceDocument: 'dumfries-and-galloway-2024-briefing.txt',
  sourceVersion: 'April 2024 (7-minute briefing)',
  summary:
    'Encoded from the 7-minute briefing rather than the full protocol. Practitioners try to resolve issues ' +
    'themselves, then escalate to line managers and the next tier of management, with the strategic groups ' +
    'as a last resort. Immediate risk of significant harm must be escalated the same working day.',
  discouragesEmail: false,
  skipAllowedFor: ['immediate'],
  stages: STAGES,
  // The briefing lists no areas of disagreement. These are a local list drawn from its
  // themes (drift, help not arriving when needed, disagreement between services); they
  // are not from the document and a partnership should replace them with the protocol's own.
  categories: [
    { code: 'drift_and_delay', label: 'Drift or delay in getting the child help' },
    { code: 'response_to_concern', label: 'How a service responded to a concern about the child' },
    { code: 'level_of_need_or_risk', label: "Differing views of the child's need or risk" },
    { code: 'plan_or_agreed_action', label: "The child's plan, or an agreed action not carried out" },
    { code: 'information_sharing', label: 'Sharing of information between services' },
    { code: 'service_involvement', label: 'Whether a service should be involved or provide support' },
  ],
  rules: [
    {
      code: 'immediate-risk-same-day',
      name: 'Immediate risk escalated the same working day',
      stageCode: 'resolution',
      anchor: RAISED,
      targets: resolvedOrEscalatedFrom(STAGES, 'resolution'),
      limit: { unit: 'same_working_day', amount: 1 },
      urgencies: ['immediate'],
      source: 'protocol',
      rationale:
        'Section 5 of the briefing: when staff think a child faces immediate risk of significant harm, the ' +
        'concern must go up on the day it arises, through child protection procedures. Met when the matter ' +
        'reaches any management stage, or is settled, by the end of that working day.',
    },
    ...stageDeadlineRules(STAGES, ['resolution', 'line-managers', 'next-tier-managers'], [
      {
        codeSuffix: `local-${LOCAL_STAGE_WORKING_DAYS}wd`,
        label: `settled or moved up within ${LOCAL_STAGE_WORKING_DAYS} working days (local target)`,
        limit: { unit: 'working_days', amount: LOCAL_STAGE_WORKING_DAYS },
        source: 'local_target',
        rationale:
          'The briefing wants issues settled as fast as possible so the case does not drift, but names no ' +
          'deadline except for immediate risk; this per-stage figure is a partnership target.',
      },
    ]),
  ],
  outOfScope: [],
};

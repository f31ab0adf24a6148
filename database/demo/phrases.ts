import type { AgencySector, Jurisdiction, Tier } from '@escalation-insights/shared';
import { SECTOR_LABELS } from './agencies.js';
import type { Prng } from './prng.js';

/**
 * Made-up wording for summaries, outcomes and participants. No names: people appear by
 * role only, children by age and circumstance only.
 */
const CIRCUMSTANCES = [
  'lives with a parent whose alcohol use has escalated',
  'has been missing from education for several weeks',
  'was seen with an unexplained bruise',
  'lives in a household where domestic abuse has been reported',
  'is thought to be at risk of exploitation outside the home',
  'has moved into temporary accommodation after an eviction',
  'cares for a parent with poor mental health',
  'has disclosed that there is often no food at home',
  'has been going missing overnight',
  'was brought to hospital after a self-harm episode',
  'is not being taken to health appointments',
  'lives with a new adult whose background is unknown to services',
];

const REQUESTS = [
  'asked for the decision to be looked at again',
  'asked for a strategy discussion to be convened',
  'asked for information to be shared before the next meeting',
  'asked for a joint home visit',
  "asked for the child's plan to be reviewed",
  'asked for the agreed actions to be completed',
  'asked for the case to stay open while concerns are assessed',
];

const OUTCOMES: Readonly<Record<Tier, readonly string[]>> = {
  1: [
    'Practitioners talked it through and agreed a way forward.',
    'Agreed after a phone call; the referral will be resubmitted with the new information.',
    'Information shared and both agencies now agree on the level of risk.',
  ],
  2: [
    'Line managers agreed a joint visit and a review in two weeks.',
    'Team managers agreed the referral met the threshold for assessment.',
    'Managers agreed to hold a multi-agency meeting within ten days.',
  ],
  3: [
    'Service managers agreed a strategy discussion and shared the minutes with all parties.',
    'Named leads agreed the case would remain open and the plan be revised.',
    'A resolution meeting agreed who leads each action and by when.',
  ],
  4: [
    'Senior managers agreed a joint plan and a review of how the threshold was applied.',
    'Heads of service agreed to convene a child protection conference.',
    'Directors agreed additional support and a follow-up audit.',
  ],
  5: [
    'The partnership executive agreed a final position and asked for a practice review.',
    'Resolved at strategic level; the learning was referred to the practice improvement group.',
  ],
};

const SENIOR_ROLES: Readonly<Record<Tier, readonly [string, string]>> = {
  1: ['', ''],
  2: ['Team manager', 'Line manager'],
  3: ['Service manager', 'Named safeguarding lead'],
  4: ['Head of service', 'Designated lead'],
  5: ['Partnership executive member', 'Partnership executive member'],
};

export function summaryText(rng: Prng, raisingRole: string, receivingSector: AgencySector, categoryLabel: string): string {
  const age = rng.int(0, 17);
  const child = age === 0 ? 'A baby' : `A child aged ${age}`;
  const about = categoryLabel.charAt(0).toLowerCase() + categoryLabel.slice(1);
  return `${raisingRole} disagreed with ${SECTOR_LABELS[receivingSector]} about ${about.replace(/\.$/, '')}. ` +
    `${child} ${rng.pick(CIRCUMSTANCES)}; the raiser ${rng.pick(REQUESTS)}.`;
}

export function outcomeText(rng: Prng, tier: Tier): string {
  return rng.pick(OUTCOMES[tier]);
}

export const WITHDRAWN_OUTCOMES = [
  'Withdrawn: the family moved out of the area.',
  'Withdrawn by the raiser after new information came to light.',
  'Withdrawn: the concern was overtaken by a child protection enquiry.',
];

export function outOfScopeOutcome(rng: Prng, outOfScope: readonly string[]): string {
  const reason = outOfScope.length > 0 ? rng.pick(outOfScope) : 'A complaint about an individual, handled under another procedure';
  return `Out of scope: ${reason.charAt(0).toLowerCase()}${reason.slice(1).replace(/\.$/, '')}.`;
}

/** Who took part at a stage, by role and sector only. */
export function participants(tier: Tier, jurisdiction: Jurisdiction, raising: { role: string; sector: AgencySector }, receivingSector: AgencySector): string[] {
  if (tier === 1) return [`${raising.role}, ${SECTOR_LABELS[raising.sector]}`, `Practitioner, ${SECTOR_LABELS[receivingSector]}`];
  const [mine, theirs] = SENIOR_ROLES[tier];
  const people = [`${mine}, ${SECTOR_LABELS[raising.sector]}`, `${theirs}, ${SECTOR_LABELS[receivingSector]}`];
  if (tier === 5) people.push(jurisdiction === 'scotland' ? 'Chief Social Work Officer' : 'Independent scrutineer');
  return people;
}

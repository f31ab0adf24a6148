import type { LearningGapKind } from '@escalation-insights/shared';

/** A lesson the demo partnerships have drawn from their escalations, in a "7-minute briefing" shape. */
export interface LearningTemplate {
  readonly title: string;
  readonly gapKind: LearningGapKind;
  readonly description: string;
  readonly background: string;
  readonly whyItMatters: string;
  readonly findings: string;
  readonly whatToDo: string;
  readonly questions: readonly string[];
  readonly actions: readonly { readonly description: string; readonly owner: string; readonly evidence: string }[];
}

export const LEARNING_TEMPLATES: readonly LearningTemplate[] = [
  {
    title: 'Threshold decisions are not always explained to the referrer',
    gapKind: 'practice',
    description: 'Referrers were often told a contact would not progress without being told why.',
    background: 'Several escalations began because a referrer did not understand why a contact was closed at the front door.',
    whyItMatters: 'An unexplained decision leaves the referrer unable to add information that might change it, and erodes trust.',
    findings: 'Most disagreements settled quickly once the reasoning was shared; few needed senior managers.',
    whatToDo: 'Give the reasons for every threshold decision to the referrer, in writing, and say what would change it.',
    questions: ['How do you tell a referrer why their contact did not progress?', 'What would make you ask for the decision to be reviewed?'],
    actions: [
      { description: 'Add a reasons field to the front-door outcome letter.', owner: 'Front door service manager', evidence: 'Dip sample shows reasons given in nine out of ten outcome letters.' },
      { description: 'Brief designated safeguarding leads on how to ask for a review.', owner: 'Education safeguarding adviser', evidence: 'Briefing delivered at the termly DSL network; attendance recorded.' },
    ],
  },
  {
    title: 'Strategy discussions requested but not convened',
    gapKind: 'procedure',
    description: 'Requests from partners for a strategy discussion were declined without a recorded rationale.',
    background: 'Police and health colleagues escalated decisions not to hold a strategy discussion after significant incidents.',
    whyItMatters: 'Without a strategy discussion, agencies act on partial information and the child may not be protected in time.',
    findings: 'The procedure did not say who could request a strategy discussion or how a refusal should be recorded.',
    whatToDo: 'Any agency may ask for a strategy discussion; a refusal must be recorded with reasons and shared the same day.',
    questions: ['Who in your agency can request a strategy discussion?', 'Where is a refusal recorded?'],
    actions: [
      { description: 'Amend the multi-agency procedure on strategy discussions.', owner: 'Partnership business manager', evidence: 'Revised procedure published and circulated to all partners.' },
      { description: 'Audit refusals over the next quarter.', owner: 'Quality assurance subgroup chair', evidence: 'Audit found every refusal recorded with reasons.' },
      { description: 'Add the change to multi-agency training.', owner: 'Learning and development lead', evidence: 'Training materials updated and two sessions delivered.' },
    ],
  },
  {
    title: 'Agreed actions drift after core groups',
    gapKind: 'practice',
    description: 'Actions agreed at core groups were not completed on time and no one followed them up.',
    background: 'Escalations described actions agreed at meetings that were still outstanding weeks later.',
    whyItMatters: "Drift leaves children in the same circumstances while everyone believes help is on the way.",
    findings: 'Minutes rarely named an owner and a date for each action.',
    whatToDo: 'Record an owner and a date for every action, and review outstanding actions at the start of each meeting.',
    questions: ['Who owns each action from your last core group?', 'How would you know if one had slipped?'],
    actions: [
      { description: 'Introduce an action log template for core groups.', owner: 'Child protection chair', evidence: 'Template in use in all core groups sampled.' },
      { description: 'Report overdue actions to team managers weekly.', owner: "Children's services performance lead", evidence: 'Weekly report in place; overdue actions fell by a third.' },
    ],
  },
  {
    title: 'Information not shared before key meetings',
    gapKind: 'policy',
    description: 'Partners arrived at meetings without reports that should have been shared beforehand.',
    background: 'Disagreements about plans often traced back to one agency not having the others’ information in time.',
    whyItMatters: 'Decisions made without the full picture are more likely to be challenged and revisited.',
    findings: 'Agencies held different views on what could be shared without consent.',
    whatToDo: 'Share reports at least two working days before a meeting; when in doubt, seek advice rather than withhold.',
    questions: ['What stops you sharing a report before a meeting?', 'Who can you ask for advice on sharing?'],
    actions: [
      { description: 'Reissue the information-sharing guidance with worked examples.', owner: 'Information governance lead', evidence: 'Guidance reissued; queries to the helpline fell.' },
      { description: 'Add a report-received check to meeting invitations.', owner: 'Conference and review service manager', evidence: 'Check in place for all initial conferences.' },
    ],
  },
  {
    title: 'Escalations stall at line-manager level',
    gapKind: 'procedure',
    description: 'Disagreements sat with line managers for longer than the protocol allows before moving up.',
    background: 'Timescale reports showed the stage with line managers held matters past its limit more than any other.',
    whyItMatters: 'Every day a disagreement is unresolved is a day the child may be without the right help.',
    findings: 'Managers were unsure when they should pass a matter up rather than keep trying to settle it.',
    whatToDo: 'If line managers cannot agree within the timescale, pass the matter up the same day and tell the raiser.',
    questions: ['How long has your oldest open disagreement been with a manager?', 'Who is next on the ladder in your agency?'],
    actions: [
      { description: 'Publish a one-page ladder with named roles for each agency.', owner: 'Partnership business manager', evidence: 'Ladder published on the partnership website.' },
      { description: 'Review stalled escalations monthly at the business unit.', owner: 'Business unit officer', evidence: 'Monthly review minuted; median time at the stage reduced.' },
    ],
  },
  {
    title: 'Feedback to the raiser is patchy',
    gapKind: 'practice',
    description: 'Raisers were often not told how their escalation ended.',
    background: 'The protocol expects feedback to the person who raised the concern, but records show it was often missing.',
    whyItMatters: 'Practitioners who hear nothing back are less likely to escalate next time.',
    findings: 'No agency had a step in its process to close the loop with the raiser.',
    whatToDo: 'Whoever resolves the disagreement tells the raiser the outcome and records that they did.',
    questions: ['When did you last hear the outcome of a concern you raised?', 'Who closes the loop in your team?'],
    actions: [
      { description: 'Add a feedback step to each agency’s escalation checklist.', owner: 'Agency safeguarding leads', evidence: 'Checklists updated in all statutory agencies.' },
      { description: 'Include feedback rates in the quarterly escalation report.', owner: 'Business unit officer', evidence: 'Feedback rate reported each quarter to the executive.' },
    ],
  },
];

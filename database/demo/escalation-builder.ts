import {
  evaluateRules,
  type EscalationEvents,
  type EscalationStatus,
  type MilestoneKind,
  type StageExitReason,
  type TimescaleOutcome,
  type Tier,
  type WorkingCalendar,
} from '@escalation-insights/shared';
import type { EscalationFacts } from './escalation-facts.js';
import { planJourney } from './journeys.js';
import { planMilestones } from './milestones.js';
import type { PartnershipPlan } from './partnership-plan.js';
import { outcomeText, outOfScopeOutcome, participants, summaryText, WITHDRAWN_OUTCOMES } from './phrases.js';
import type { Prng } from './prng.js';
import type { WorkingClock } from './working-clock.js';

export interface StageRow {
  readonly stageCode: string;
  readonly tier: Tier;
  readonly ladderOrder: number;
  readonly enteredAt: number;
  readonly exitedAt: number | null;
  readonly exitReason: StageExitReason | null;
  readonly skipped: readonly string[];
  readonly participants: readonly string[];
}

export interface MilestoneRow {
  readonly stageCode: string;
  readonly kind: MilestoneKind;
  readonly occurredAt: number;
}

/** One escalation with everything recorded about it as at `asOf`. */
export interface BuiltEscalation {
  readonly reference: string;
  readonly raisedAt: number;
  readonly facts: EscalationFacts;
  readonly summary: string;
  readonly status: EscalationStatus;
  readonly outcome: string | null;
  readonly closedAt: number | null;
  readonly currentStageCode: string;
  readonly highestTier: Tier;
  readonly highestStageOrder: number;
  readonly resolvedTier: Tier | null;
  readonly writtenConfirmationGiven: boolean | null;
  readonly feedbackGiven: boolean | null;
  readonly stages: readonly StageRow[];
  readonly milestones: readonly MilestoneRow[];
  readonly outcomes: readonly TimescaleOutcome[];
}

export interface BuildContext {
  readonly plan: PartnershipPlan;
  readonly calendar: WorkingCalendar;
  readonly clock: WorkingClock;
  readonly rng: Prng;
  readonly asOf: number;
}

/** Plays an escalation out along the ladder, then records only what had happened by `asOf`. */
export function buildEscalation(ctx: BuildContext, reference: string, raisedAt: number, facts: EscalationFacts): BuiltEscalation {
  const { plan, calendar, clock, rng, asOf } = ctx;
  const { template } = plan;
  const raising = plan.agencies[facts.raising]!;
  const receiving = plan.agencies[facts.receiving]!;
  const journey = planJourney(plan, facts.urgency, raisedAt, calendar, clock, rng);
  const planned = planMilestones(journey, facts.urgency, raisedAt, { rules: template.rules, calendar, clock, rng, compliance: plan.compliance });

  const stages: StageRow[] = journey.stages
    .filter((s) => s.enteredAt <= asOf)
    .map((s) => {
      const exited = s.exitedAt <= asOf;
      return {
        stageCode: s.stage.code,
        tier: s.stage.tier,
        ladderOrder: s.stage.order,
        enteredAt: s.enteredAt,
        exitedAt: exited ? s.exitedAt : null,
        exitReason: exited ? s.exitReason : null,
        skipped: s.skipped,
        participants: participants(s.stage.tier, template.jurisdiction, { role: facts.raisingRole, sector: raising.sector }, receiving.sector),
      };
    });
  const milestones = planned.filter((m) => m.occurredAt <= asOf);
  const open = journey.closesAt > asOf;
  const status: EscalationStatus = open ? 'open' : journey.fate;
  const closedAt = open ? null : journey.closesAt;
  const top = stages[stages.length - 1]!;
  const has = (kind: MilestoneKind) => milestones.some((m) => m.kind === kind && m.stageCode === top.stageCode);

  const events: EscalationEvents = {
    urgency: facts.urgency,
    status,
    raisedAt: new Date(raisedAt),
    closedAt: closedAt === null ? null : new Date(closedAt),
    stages: stages.map((s) => ({
      stageCode: s.stageCode,
      enteredAt: new Date(s.enteredAt),
      exitedAt: s.exitedAt === null ? null : new Date(s.exitedAt),
      exitReason: s.exitReason,
    })),
    milestones: milestones.map((m) => ({ kind: m.kind, stageCode: m.stageCode, occurredAt: new Date(m.occurredAt) })),
  };

  return {
    reference,
    raisedAt,
    facts,
    summary: summaryText(rng, facts.raisingRole, receiving.sector, template.categories[facts.category]!.label),
    status,
    outcome:
      status === 'resolved' ? outcomeText(rng, top.tier)
      : status === 'withdrawn' ? rng.pick(WITHDRAWN_OUTCOMES)
      : status === 'out_of_scope' ? outOfScopeOutcome(rng, template.outOfScope)
      : null,
    closedAt,
    currentStageCode: top.stageCode,
    highestTier: top.tier,
    highestStageOrder: top.ladderOrder,
    resolvedTier: status === 'resolved' ? top.tier : null,
    writtenConfirmationGiven: status === 'resolved' ? has('written_confirmation_sent') : status === 'withdrawn' ? false : null,
    feedbackGiven: open ? null : has('feedback_given'),
    stages,
    milestones,
    outcomes: evaluateRules(template.rules, events, calendar, new Date(asOf)),
  };
}

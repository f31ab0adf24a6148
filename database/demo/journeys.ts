import type { StageDefinition, StageExitReason, Urgency, WorkingCalendar } from '@escalation-insights/shared';
import type { PartnershipPlan } from './partnership-plan.js';
import type { Prng } from './prng.js';
import { appliesTo, deadlineFrom, stageDeadlineRules } from './rule-timing.js';
import type { WorkingClock } from './working-clock.js';

export type Fate = 'resolved' | 'withdrawn' | 'out_of_scope';

export interface PlannedStage {
  readonly stage: StageDefinition;
  readonly enteredAt: number;
  readonly exitedAt: number;
  readonly exitReason: StageExitReason;
  readonly skipped: readonly string[];
  /** The matter sat here far longer than it should (nothing much recorded while it did). */
  readonly stalled: boolean;
}

/** A journey up the ladder as it would play out, before it is cut off at `asOf`. */
export interface PlannedJourney {
  readonly fate: Fate;
  readonly stages: readonly PlannedStage[];
  /** When the matter closes (the last stage's exit). */
  readonly closesAt: number;
}

const MINUTE_MS = 60_000;

/** Which rungs an escalation climbs: always the first; skips only where the protocol allows. */
function chooseRungs(plan: PartnershipPlan, urgency: Urgency, rng: Prng): { index: number; skipped: string[] }[] {
  const { stages, skipAllowedFor } = plan.template;
  const boost = urgency === 'immediate' ? 1.35 : urgency === 'urgent' ? 1.1 : 0.95;
  const path = [{ index: 0, skipped: [] as string[] }];
  let at = 0;
  while (at < stages.length - 1 && rng.chance(Math.min(0.9, (plan.climb[at] ?? 0) * boost))) {
    const canSkip = skipAllowedFor.includes(urgency) && at + 2 < stages.length - 1;
    const jump = canSkip && rng.chance(0.2) ? 2 : 1;
    path.push({ index: at + jump, skipped: jump === 2 ? [stages[at + 1]!.code] : [] });
    at += jump;
  }
  return path;
}

/** How long a stage holds the matter, keeping its tightest applicable timescale most of the time. */
function stageExit(plan: PartnershipPlan, stage: StageDefinition, first: boolean, urgency: Urgency, enteredAt: number,
  calendar: WorkingCalendar, clock: WorkingClock, rng: Prng, stalled: boolean): number {
  if (stalled) return clock.addWorking(enteredAt, rng.between(12, 120));
  const deadlines = stageDeadlineRules(plan.template.rules, stage.code, first)
    .filter((rule) => appliesTo(rule, urgency))
    .map((rule) => deadlineFrom(enteredAt, rule.limit, calendar));
  if (deadlines.length === 0) {
    const days = urgency === 'immediate' ? rng.between(0.05, 0.8) : urgency === 'urgent' ? rng.between(0.2, 3) : 0.4 + 9 * rng.next() ** 1.6;
    return clock.addWorking(enteredAt, days);
  }
  const deadline = Math.min(...deadlines);
  const span = deadline - enteredAt;
  if (rng.chance(plan.compliance)) {
    const target = enteredAt + span * (0.05 + 0.9 * rng.next() ** 1.3);
    return clock.within(target, enteredAt + MINUTE_MS, deadline);
  }
  const late = deadline + span * (0.05 + 1.5 * rng.next() ** 2) + 30 * MINUTE_MS;
  return clock.forward(late);
}

export function planJourney(plan: PartnershipPlan, urgency: Urgency, raisedAt: number,
  calendar: WorkingCalendar, clock: WorkingClock, rng: Prng): PlannedJourney {
  const { stages } = plan.template;
  if (rng.chance(0.02)) {
    const exitedAt = clock.addWorking(raisedAt, rng.between(0.1, 3));
    return { fate: 'out_of_scope', closesAt: exitedAt, stages: [{ stage: stages[0]!, enteredAt: raisedAt, exitedAt, exitReason: 'withdrawn', skipped: [], stalled: false }] };
  }
  const rungs = chooseRungs(plan, urgency, rng);
  const fate: Fate = rng.chance(0.03) ? 'withdrawn' : 'resolved';
  const stalled = rng.chance(0.03);
  const planned: PlannedStage[] = [];
  let enteredAt = raisedAt;
  rungs.forEach((rung, k) => {
    const stage = stages[rung.index]!;
    const last = k === rungs.length - 1;
    const exitedAt = stageExit(plan, stage, rung.index === 0, urgency, enteredAt, calendar, clock, rng, stalled && last);
    planned.push({ stage, enteredAt, exitedAt, exitReason: last ? (fate === 'withdrawn' ? 'withdrawn' : 'resolved') : 'escalated', skipped: rung.skipped, stalled: stalled && last });
    enteredAt = exitedAt;
  });
  return { fate, stages: planned, closesAt: enteredAt };
}

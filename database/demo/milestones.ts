import type { MilestoneKind, RequirementKind, TimescaleRuleDefinition, Urgency, WorkingCalendar } from '@escalation-insights/shared';
import type { PlannedJourney, PlannedStage } from './journeys.js';
import type { Prng } from './prng.js';
import { deadlineFrom, eventTime, milestoneRules, ruleMilestoneKinds, type JourneyClock } from './rule-timing.js';
import type { WorkingClock } from './working-clock.js';

export interface PlannedMilestone {
  readonly kind: MilestoneKind;
  readonly stageCode: string;
  readonly occurredAt: number;
}

const EVIDENCED_BY: Partial<Record<RequirementKind, MilestoneKind>> = {
  notification_form: 'notification_form_submitted',
  resolution_meeting: 'resolution_meeting_held',
  written_confirmation: 'written_confirmation_sent',
  feedback_to_raiser: 'feedback_given',
  notify_business_unit: 'business_unit_notified',
  notify_scrutineer: 'scrutineer_notified',
  joint_plan: 'joint_plan_agreed',
};

/** Where in a stage each kind usually happens, as shares of the stage's length; `null`: as the stage ends. */
const WINDOW: Record<MilestoneKind, readonly [number, number] | null> = {
  line_manager_contacted: [0, 0.35],
  notification_form_submitted: [0, 0.25],
  business_unit_notified: [0, 0.3],
  scrutineer_notified: [0, 0.3],
  resolution_meeting_held: [0.2, 0.75],
  joint_plan_agreed: [0.45, 0.95],
  written_confirmation_sent: null,
  feedback_given: null,
};

interface Context {
  readonly rules: readonly TimescaleRuleDefinition[];
  readonly calendar: WorkingCalendar;
  readonly clock: WorkingClock;
  readonly rng: Prng;
  readonly compliance: number;
}

/**
 * Milestones for a planned journey: what each stage's requirements and the protocol's
 * rules call for, timed to keep the rule most of the time, late or missing otherwise.
 */
export function planMilestones(journey: PlannedJourney, urgency: Urgency, raisedAt: number, ctx: Context): PlannedMilestone[] {
  const rules = ctx.rules.filter((rule) => !rule.urgencies || rule.urgencies.includes(urgency));
  const c: Context = { ...ctx, rules };
  const placed: PlannedMilestone[] = [];
  const clock = journeyClock(journey, raisedAt, placed);
  const last = journey.stages.length - 1;
  journey.stages.forEach((entry, k) => {
    const kinds = new Set<MilestoneKind>();
    if (journey.fate !== 'out_of_scope') {
      for (const requirement of entry.stage.requirements) {
        const kind = EVIDENCED_BY[requirement];
        if (kind) kinds.add(kind);
      }
      for (const kind of ruleMilestoneKinds(rules, entry.stage.code)) kinds.add(kind as MilestoneKind);
      if (entry.stage.tier === 1 && entry.exitReason === 'escalated' && c.rng.chance(0.6)) kinds.add('line_manager_contacted');
    }
    const closing = k === last;
    if (closing && journey.fate === 'resolved') {
      if (c.rng.chance(0.9)) kinds.add('written_confirmation_sent');
      if (c.rng.chance(0.9)) kinds.add('feedback_given');
    } else if (closing && c.rng.chance(journey.fate === 'out_of_scope' ? 0.7 : 0.5)) {
      kinds.add('feedback_given');
    }
    // Only an agreed outcome is confirmed in writing: not one passed up the ladder, withdrawn or out of scope.
    if (!closing || journey.fate !== 'resolved') kinds.delete('written_confirmation_sent');
    for (const kind of [...kinds].sort(byWindow)) {
      const at = placeOne(kind, entry, clock, c);
      if (at !== undefined) placed.push({ kind, stageCode: entry.stage.code, occurredAt: at });
    }
  });
  return placed;
}

function byWindow(a: MilestoneKind, b: MilestoneKind): number {
  return (WINDOW[a]?.[0] ?? 2) - (WINDOW[b]?.[0] ?? 2) || a.localeCompare(b);
}

function placeOne(kind: MilestoneKind, entry: PlannedStage, clock: JourneyClock, c: Context): number | undefined {
  const length = entry.exitedAt - entry.enteredAt;
  const share = WINDOW[kind];
  const from = share ? entry.enteredAt + share[0] * length : entry.exitedAt;
  const to = share ? entry.enteredAt + share[1] * length : c.clock.addWorking(entry.exitedAt, 1.5);
  const bounds: number[] = [];
  for (const rule of milestoneRules(c.rules, kind, entry.stage.code)) {
    const anchor = eventTime(rule.anchor, clock);
    if (anchor !== undefined) bounds.push(anchor, deadlineFrom(anchor, rule.limit, c.calendar));
  }
  if (bounds.length === 0) {
    if (c.rng.chance(0.06)) return undefined;
    return c.clock.within(c.rng.between(from, to), entry.enteredAt, share ? entry.exitedAt : to);
  }
  const deadline = Math.min(...bounds.filter((_, i) => i % 2 === 1));
  const anchor = Math.max(...bounds.filter((_, i) => i % 2 === 0));
  if (!(entry.stalled && share && c.rng.chance(0.6)) && c.rng.chance(c.compliance)) {
    const lo = Math.max(from, anchor, entry.enteredAt);
    const hi = Math.max(lo, Math.min(to, deadline));
    return c.clock.within(c.rng.between(lo, hi), lo, Math.max(hi, deadline));
  }
  if (c.rng.chance(0.35)) return undefined;
  const late = c.clock.forward(deadline + (deadline - anchor) * (0.05 + 1.2 * c.rng.next() ** 2) + 1_800_000);
  return share && late > entry.exitedAt ? undefined : late;
}

function journeyClock(journey: PlannedJourney, raisedAt: number, placed: readonly PlannedMilestone[]): JourneyClock {
  const byCode = new Map(journey.stages.map((s) => [s.stage.code, s]));
  return {
    raisedAt,
    closedAt: journey.closesAt,
    resolved: journey.fate === 'resolved',
    entered: (code) => byCode.get(code)?.enteredAt,
    exited: (code) => byCode.get(code)?.exitedAt,
    milestone: (kind, stageCode) => placed.find((m) => m.kind === kind && (stageCode === undefined || m.stageCode === stageCode))?.occurredAt,
  };
}

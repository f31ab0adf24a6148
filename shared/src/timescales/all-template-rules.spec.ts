import { DateTime } from 'luxon';
import { workingCalendar } from '../calendar/working-calendar.js';
import type { ProtocolTemplate, RuleEvent, TimescaleRuleDefinition } from '../domain/protocol.js';
import type { EscalationEvents, TimescaleOutcome } from '../domain/timescale.js';
import { URGENCIES, type Jurisdiction, type MilestoneKind, type StageExitReason, type Urgency } from '../domain/vocabulary.js';
import { PROTOCOL_TEMPLATES } from '../protocols/index.js';
import { evaluateRules } from './evaluate-rules.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Something that happens to an escalation, in the order of `at`. */
type Step =
  | { readonly kind: 'enter'; readonly stageCode: string; readonly at: Date }
  | { readonly kind: 'exit'; readonly at: Date }
  | { readonly kind: 'milestone'; readonly milestone: MilestoneKind; readonly stageCode: string; readonly at: Date }
  | { readonly kind: 'close'; readonly status: 'resolved' | 'withdrawn'; readonly at: Date };

/** The escalation record that `steps` describe: raised at the first step. */
function buildEvents(urgency: Urgency, steps: readonly Step[]): EscalationEvents {
  const sorted = [...steps].sort((a, b) => a.at.getTime() - b.at.getTime());
  const stages: { stageCode: string; enteredAt: Date; exitedAt: Date | null; exitReason: StageExitReason | null }[] = [];
  const milestones: EscalationEvents['milestones'][number][] = [];
  let closure: { status: 'resolved' | 'withdrawn'; at: Date } | null = null;
  for (const step of sorted) {
    const current = stages.at(-1);
    const leave = (reason: StageExitReason) => {
      if (current && !current.exitedAt) Object.assign(current, { exitedAt: step.at, exitReason: reason });
    };
    if (step.kind === 'enter') {
      leave('escalated');
      stages.push({ stageCode: step.stageCode, enteredAt: step.at, exitedAt: null, exitReason: null });
    } else if (step.kind === 'exit') leave('escalated');
    else if (step.kind === 'milestone') milestones.push({ kind: step.milestone, stageCode: step.stageCode, occurredAt: step.at });
    else {
      leave(step.status);
      closure = { status: step.status, at: step.at };
    }
  }
  const raisedAt = sorted[0]?.at ?? new Date(0);
  return { urgency, status: closure?.status ?? 'open', raisedAt, closedAt: closure?.at ?? null, stages, milestones };
}

/** gov.uk's published 2025 bank holidays (and early 2026), written out independently of the calendar code. */
const PUBLISHED_2025: Record<Jurisdiction, readonly string[]> = {
  'england-and-wales': ['04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26', '2026-01-01'],
  scotland: ['04-18', '05-05', '05-26', '08-04', '12-01', '12-25', '12-26', '2026-01-01', '2026-01-02'],
  'northern-ireland': ['03-17', '04-18', '04-21', '05-05', '05-26', '07-14', '08-25', '12-25', '12-26', '2026-01-01'],
};

/**
 * Anchors chosen to cross something: the NI Boyne substitute (Mon 14 Jul), the August
 * bank holiday in England, Wales and NI (Mon 25 Aug), a Saturday, the October clock
 * change (Sun 26 Oct), Scotland's St Andrew's Day substitute (Mon 1 Dec) and Christmas.
 */
const ANCHORS = [
  '2025-07-11T09:00:00Z',
  '2025-08-22T14:30:00Z',
  '2025-09-06T10:00:00Z',
  '2025-10-23T09:00:00Z',
  '2025-11-28T11:00:00Z',
  '2025-12-19T15:00:00Z',
].map((iso) => new Date(iso));

/** The deadline worked out afresh with luxon and the hand-written holiday list above. */
function expectedDeadline(rule: TimescaleRuleDefinition, anchor: Date, jurisdiction: Jurisdiction): Date {
  const holidays = new Set(PUBLISHED_2025[jurisdiction].map((d) => (d.length === 5 ? `2025-${d}` : d)));
  const working = (d: DateTime) => d.weekday <= 5 && !holidays.has(d.toISODate() ?? '');
  let local = DateTime.fromJSDate(anchor, { zone: 'Europe/London' });
  const { unit, amount } = rule.limit;
  if (unit === 'hours') return new Date(anchor.getTime() + amount * HOUR);
  if (unit === 'calendar_days') return local.plus({ days: amount }).toJSDate();
  if (!working(local)) {
    local = local.startOf('day');
    while (!working(local)) local = local.plus({ days: 1 });
  }
  if (unit === 'same_working_day') return local.endOf('day').toJSDate();
  for (let i = 0; i < amount; i++) {
    do local = local.plus({ days: 1 });
    while (!working(local));
  }
  return local.toJSDate();
}

/** Steps that make the rule's anchor event happen at `at`, climbing the ladder to get there. */
function anchorSteps(template: ProtocolTemplate, rule: TimescaleRuleDefinition, at: Date): Step[] {
  const event = rule.anchor;
  if (event.kind === 'raised') return [{ kind: 'enter', stageCode: template.stages[0]?.code ?? '1', at }];
  const stageCode = 'stageCode' in event && event.stageCode ? event.stageCode : rule.stageCode;
  const ladder = [...template.stages].sort((a, b) => a.order - b.order);
  const upTo = ladder.slice(0, ladder.findIndex((s) => s.code === stageCode) + 1).map((s) => s.code);
  const climbEnd = event.kind === 'stage_entered' ? at.getTime() : at.getTime() - HOUR;
  const climb: Step[] = upTo.map((code, i) => ({ kind: 'enter', stageCode: code, at: new Date(climbEnd - (upTo.length - 1 - i) * HOUR) }));
  if (event.kind === 'stage_exited') return [...climb, { kind: 'exit', at }];
  if (event.kind === 'milestone') return [...climb, { kind: 'milestone', milestone: event.milestone, stageCode, at }];
  if (event.kind === 'resolved') return [...climb, { kind: 'close', status: 'resolved', at }];
  return climb;
}

/** A step that makes `event` happen at `at`, or null when it cannot follow the anchor. */
function eventStep(event: RuleEvent, rule: TimescaleRuleDefinition, at: Date): Step | null {
  switch (event.kind) {
    case 'stage_entered':
      return { kind: 'enter', stageCode: event.stageCode, at };
    case 'milestone':
      return { kind: 'milestone', milestone: event.milestone, stageCode: event.stageCode ?? rule.stageCode, at };
    case 'resolved':
      return rule.anchor.kind === 'resolved' ? null : { kind: 'close', status: 'resolved', at };
    default:
      return null;
  }
}

/** The first target that can be made to happen and does not also satisfy the prerequisite rule. */
function targetStep(rule: TimescaleRuleDefinition, prerequisite: TimescaleRuleDefinition | undefined, at: Date): Step {
  const avoid = new Set((prerequisite?.targets ?? []).map((t) => JSON.stringify(t)));
  for (const target of rule.targets) {
    const step = avoid.has(JSON.stringify(target)) ? null : eventStep(target, rule, at);
    if (step) return step;
  }
  throw new Error(`No target of rule ${rule.code} can be produced in a test scenario`);
}

const cases = PROTOCOL_TEMPLATES.flatMap((t) =>
  t.rules.flatMap((r) => ANCHORS.map((anchor) => ({ template: t.code, rule: r.code, at: anchor.toISOString(), t, r, anchor }))),
);

describe('every rule of every protocol template', () => {
  it('covers all five templates, each with rules', () => {
    expect(PROTOCOL_TEMPLATES).toHaveLength(5);
    for (const template of PROTOCOL_TEMPLATES) expect(template.rules.length).toBeGreaterThan(0);
  });

  const title = '$template / $rule from $at: met at the deadline, breached after it, overdue without a target';
  it.each(cases)(title, ({ t: template, r: rule, anchor }) => {
    const calendar = workingCalendar(template.jurisdiction);
    const prerequisite = template.rules.find((r) => r.code === rule.appliesWhen?.ruleNotMet);
    if (prerequisite) expect(prerequisite.anchor).toEqual(rule.anchor); // scenarios share the anchor
    const urgency: Urgency = rule.urgencies?.[0] ?? 'standard';

    const deadline = expectedDeadline(rule, anchor, template.jurisdiction);
    const history = anchorSteps(template, rule, anchor);
    const after = (ms: number) => new Date(deadline.getTime() + ms);
    const run = (extra: Step[], now: Date, as: Urgency = urgency): Map<string, TimescaleOutcome> =>
      new Map(evaluateRules(template.rules, buildEvents(as, [...history, ...extra]), calendar, now).map((o) => [o.ruleCode, o]));
    /** The rule's outcome, checking that a prerequisite rule, if any, was missed. */
    const outcomeOf = (extra: Step[], now: Date): TimescaleOutcome => {
      const outcomes = run(extra, now);
      if (prerequisite) expect(['breached', 'overdue']).toContain(outcomes.get(prerequisite.code)?.status);
      return outcomes.get(rule.code) as TimescaleOutcome;
    };

    const met = outcomeOf([targetStep(rule, prerequisite, deadline)], after(2 * DAY));
    expect(met).toMatchObject({ status: 'met', anchorAt: anchor, deadline, targetAt: deadline, lateness: null });
    if (rule.limit.unit === 'working_days' || rule.limit.unit === 'hours') expect(met.elapsed).toBe(rule.limit.amount);

    const breached = outcomeOf([targetStep(rule, prerequisite, after(HOUR))], after(2 * DAY));
    expect(breached).toMatchObject({ status: 'breached', anchorAt: anchor, deadline, targetAt: after(HOUR) });
    expectOneHourLate(rule, breached.lateness);

    const overdue = outcomeOf([], after(HOUR));
    expect(overdue).toMatchObject({ status: 'overdue', anchorAt: anchor, deadline, targetAt: null });
    expectOneHourLate(rule, overdue.lateness);

    // A minute after the anchor: pending, or not yet applicable while its prerequisite is pending.
    const soon = run([], new Date(anchor.getTime() + 60_000)).get(rule.code);
    expect(soon?.status).toBe(prerequisite ? 'not_applicable' : 'pending');
    if (prerequisite) {
      const prerequisiteMet = eventStep(prerequisite.targets[0] as RuleEvent, prerequisite, new Date(anchor.getTime() + HOUR));
      expect(run(prerequisiteMet ? [prerequisiteMet] : [], after(2 * DAY)).get(rule.code)?.status).toBe('not_applicable');
    }
    const otherUrgency = URGENCIES.find((u) => rule.urgencies && !rule.urgencies.includes(u));
    if (otherUrgency) {
      expect(run([], after(HOUR), otherUrgency).get(rule.code)).toMatchObject({ status: 'not_applicable', anchorAt: null });
    }
  });
});

/**
 * One hour late: 1 h, or 1/24 of a calendar or working day. After a same-working-day
 * deadline (23:59:59.999) the hour falls on the next day, which may not be a working day.
 */
function expectOneHourLate(rule: TimescaleRuleDefinition, lateness: number | null): void {
  if (rule.limit.unit === 'hours') expect(lateness).toBe(1);
  else if (rule.limit.unit === 'calendar_days') expect(lateness).toBeCloseTo(1 / 24, 12);
  else if (rule.limit.unit === 'working_days') expect(lateness).toBeCloseTo(1 / 24, 8);
  else {
    expect(lateness).toBeGreaterThan(0);
    expect(lateness).toBeLessThanOrEqual(1 / 24 + 1e-6);
  }
}

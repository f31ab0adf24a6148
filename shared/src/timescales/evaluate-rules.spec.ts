import { workingCalendar } from '../calendar/working-calendar.js';
import type { RuleEvent, TimescaleRuleDefinition } from '../domain/protocol.js';
import type { EscalationEvents } from '../domain/timescale.js';
import { evaluateRule } from './evaluate-rule.js';
import { dependencyOrder, evaluateRules } from './evaluate-rules.js';
import { TimescaleError, TimescaleErrorCode } from './timescale-errors.js';

const england = workingCalendar('england-and-wales');
const at = (iso: string): Date => new Date(iso);
const entered = (stageCode: string): RuleEvent => ({ kind: 'stage_entered', stageCode });

const base = { stageCode: '3', anchor: entered('3'), source: 'protocol', rationale: 'test' } as const;
const jointPlan: TimescaleRuleDefinition = {
  ...base,
  code: 'stage-3-joint-plan-5wd',
  name: 'Joint plan within five working days',
  targets: [{ kind: 'milestone', milestone: 'joint_plan_agreed', stageCode: '3' }, { kind: 'resolved' }],
  limit: { unit: 'working_days', amount: 5 },
};
/** "If no joint plan in five working days, stage 4 within one more": six working days from stage 3. */
const stage4: TimescaleRuleDefinition = {
  ...base,
  code: 'stage-4-when-no-joint-plan',
  name: 'Executive escalation after a missed joint plan',
  targets: [entered('4'), { kind: 'resolved' }],
  limit: { unit: 'working_days', amount: 6 },
  appliesWhen: { ruleNotMet: 'stage-3-joint-plan-5wd' },
};

// Stage 3 entered Friday 22 August 2025 15:30 BST (before the August bank holiday).
const stage3Entry = { stageCode: '3', enteredAt: at('2025-08-22T14:30:00Z'), exitedAt: null, exitReason: null };
const atStage3: EscalationEvents = {
  urgency: 'standard',
  status: 'open',
  raisedAt: at('2025-08-20T09:00:00Z'),
  closedAt: null,
  stages: [stage3Entry],
  milestones: [],
};
const toStage4 = (iso: string): EscalationEvents => ({
  ...atStage3,
  stages: [{ ...stage3Entry, exitedAt: at(iso), exitReason: 'escalated' }, { stageCode: '4', enteredAt: at(iso), exitedAt: null, exitReason: null }],
});
const withPlan = (events: EscalationEvents, iso: string): EscalationEvents => ({
  ...events,
  milestones: [{ kind: 'joint_plan_agreed', stageCode: '3', occurredAt: at(iso) }],
});
const statuses = (events: EscalationEvents, now: string) =>
  evaluateRules([stage4, jointPlan], events, england, at(now)).map((o) => [o.ruleCode, o.status]);

describe('evaluateRules', () => {
  it('returns outcomes in the order given, evaluating prerequisites first', () => {
    expect(statuses(atStage3, '2025-09-01T15:00:00Z')).toEqual([
      ['stage-4-when-no-joint-plan', 'pending'],
      ['stage-3-joint-plan-5wd', 'overdue'],
    ]);
  });

  it('puts the stage-4 deadline one working day after the missed five-day deadline: Tuesday 2 September 2025 15:30 BST', () => {
    const [outcome] = evaluateRules([stage4, jointPlan], toStage4('2025-09-02T14:30:00Z'), england, at('2025-09-05T09:00:00Z'));
    expect(outcome).toMatchObject({ status: 'met', deadline: at('2025-09-02T14:30:00Z'), elapsed: 6 });
  });

  it('judges the dependent rule on its own target once the prerequisite is missed', () => {
    expect(statuses(toStage4('2025-09-03T08:00:00Z'), '2025-09-05T09:00:00Z')).toEqual([
      ['stage-4-when-no-joint-plan', 'breached'],
      ['stage-3-joint-plan-5wd', 'overdue'],
    ]);
    expect(statuses(atStage3, '2025-09-03T08:00:00Z')).toEqual([
      ['stage-4-when-no-joint-plan', 'overdue'],
      ['stage-3-joint-plan-5wd', 'overdue'],
    ]);
    // A late plan breaches the first rule; the second still applies and is not met by the plan.
    expect(statuses(withPlan(atStage3, '2025-09-03T08:00:00Z'), '2025-09-03T09:00:00Z')).toEqual([
      ['stage-4-when-no-joint-plan', 'overdue'],
      ['stage-3-joint-plan-5wd', 'breached'],
    ]);
  });

  it('leaves the dependent rule not applicable when the prerequisite was met', () => {
    const outcomes = evaluateRules([stage4, jointPlan], withPlan(atStage3, '2025-08-28T10:00:00Z'), england, at('2025-09-10T09:00:00Z'));
    expect(outcomes.map((o) => o.status)).toEqual(['not_applicable', 'met']);
    expect(outcomes[0]).toMatchObject({ anchorAt: null, deadline: null, elapsed: null, lateness: null });
  });

  it('treats the dependent rule as not yet applicable while the prerequisite is pending', () => {
    // Stage 4 already reached on day 3, but the plan may still come by Monday 1 September.
    expect(statuses(toStage4('2025-08-27T09:00:00Z'), '2025-08-28T09:00:00Z')).toEqual([
      ['stage-4-when-no-joint-plan', 'not_applicable'],
      ['stage-3-joint-plan-5wd', 'pending'],
    ]);
    // Once the five days pass with no plan, the earlier stage-4 entry meets the second rule.
    expect(statuses(toStage4('2025-08-27T09:00:00Z'), '2025-09-02T09:00:00Z')).toEqual([
      ['stage-4-when-no-joint-plan', 'met'],
      ['stage-3-joint-plan-5wd', 'overdue'],
    ]);
  });

  it('leaves the dependent rule not applicable when the prerequisite is', () => {
    const notAtStage3: EscalationEvents = { ...atStage3, stages: [] };
    expect(statuses(notAtStage3, '2025-09-10T09:00:00Z')).toEqual([
      ['stage-4-when-no-joint-plan', 'not_applicable'],
      ['stage-3-joint-plan-5wd', 'not_applicable'],
    ]);
  });

  it('refuses to judge a dependent rule alone without its prerequisite’s outcome', () => {
    const attempt = () => evaluateRule(stage4, atStage3, england, at('2025-09-10T09:00:00Z'));
    expect(attempt).toThrow(TimescaleError);
    expect(attempt).toThrow(/evaluate "stage-3-joint-plan-5wd" first/);
    const prior = new Map([[jointPlan.code, evaluateRule(jointPlan, atStage3, england, at('2025-09-10T09:00:00Z'))]]);
    expect(evaluateRule(stage4, atStage3, england, at('2025-09-10T09:00:00Z'), { priorOutcomes: prior }).status).toBe('overdue');
  });

  it('rejects unknown and circular prerequisites', () => {
    const orphan = { ...stage4, appliesWhen: { ruleNotMet: 'no-such-rule' } };
    expect(() => dependencyOrder([orphan])).toThrow(expect.objectContaining({ code: TimescaleErrorCode.UNKNOWN_PREREQUISITE }));
    const a = { ...jointPlan, code: 'a', appliesWhen: { ruleNotMet: 'b' } };
    const b = { ...jointPlan, code: 'b', appliesWhen: { ruleNotMet: 'a' } };
    expect(() => evaluateRules([a, b], atStage3, england, at('2025-09-10T09:00:00Z'))).toThrow(/a → b → a/);
  });

  it('orders prerequisites before the rules that need them', () => {
    expect(dependencyOrder([stage4, jointPlan]).map((r) => r.code)).toEqual([jointPlan.code, stage4.code]);
  });
});

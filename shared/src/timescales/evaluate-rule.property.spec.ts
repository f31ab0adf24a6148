import fc from 'fast-check';
import { localDateKey } from '../calendar/local-time.js';
import { workingCalendar } from '../calendar/working-calendar.js';
import type { TimescaleRuleDefinition } from '../domain/protocol.js';
import type { EscalationEvents, TimescaleOutcome } from '../domain/timescale.js';
import { JURISDICTIONS, TIMESCALE_UNITS, type Jurisdiction, type TimescaleUnit } from '../domain/vocabulary.js';
import { evaluateRule } from './evaluate-rule.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function stageRule(unit: TimescaleUnit, amount: number): TimescaleRuleDefinition {
  return {
    code: 'stage-a-settled',
    name: 'Stage A settled or moved up',
    stageCode: 'A',
    anchor: { kind: 'stage_entered', stageCode: 'A' },
    targets: [{ kind: 'stage_entered', stageCode: 'B' }, { kind: 'resolved' }],
    limit: { unit, amount },
    source: 'local_target',
    rationale: 'property test',
  };
}

/** An escalation that enters stage A at `anchor`, maybe stage B later, maybe closes. */
interface Scenario {
  readonly anchor: Date;
  readonly targetAfter: number | null;
  readonly closure: { readonly after: number; readonly status: 'resolved' | 'withdrawn' } | null;
}

function events({ anchor, targetAfter, closure }: Scenario): EscalationEvents {
  const t = anchor.getTime();
  return {
    urgency: 'standard',
    status: closure?.status ?? 'open',
    raisedAt: new Date(t - HOUR),
    closedAt: closure ? new Date(t + closure.after) : null,
    stages: [
      { stageCode: 'A', enteredAt: anchor, exitedAt: null, exitReason: null },
      ...(targetAfter === null ? [] : [{ stageCode: 'B', enteredAt: new Date(t + targetAfter), exitedAt: null, exitReason: null }]),
    ],
    milestones: [],
  };
}

const offset = fc.integer({ min: 0, max: 30 * DAY });
const ruleArb = fc.constantFrom(...TIMESCALE_UNITS).chain((unit) =>
  fc.integer({ min: 1, max: unit === 'hours' ? 96 : 15 }).map((amount) => stageRule(unit, amount)),
);
const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  anchor: fc.date({ min: new Date('2016-01-01T00:00:00Z'), max: new Date('2034-06-30T00:00:00Z'), noInvalidDate: true }),
  targetAfter: fc.option(offset, { nil: null }),
  closure: fc.option(fc.record({ after: offset, status: fc.constantFrom('resolved' as const, 'withdrawn' as const) }), { nil: null }),
});
const jurisdictionArb = fc.constantFrom(...JURISDICTIONS);
const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const evaluate = (rule: TimescaleRuleDefinition, scenario: Scenario, jurisdiction: Jurisdiction, nowAfter = 40 * DAY): TimescaleOutcome =>
  evaluateRule(rule, events(scenario), workingCalendar(jurisdiction), new Date(scenario.anchor.getTime() + nowAfter));

describe('evaluateRule properties', () => {
  it('puts working-day deadlines on working days, after the anchor', () => {
    fc.assert(
      fc.property(jurisdictionArb, fc.integer({ min: 1, max: 15 }), scenarioArb, (jurisdiction, n, scenario) => {
        const calendar = workingCalendar(jurisdiction);
        const { deadline } = evaluate(stageRule('working_days', n), scenario, jurisdiction);
        expect(deadline).not.toBeNull();
        expect(calendar.isWorkingDay(localDateKey(deadline as Date))).toBe(true);
        expect((deadline as Date).getTime()).toBeGreaterThan(scenario.anchor.getTime());
      }),
    );
  });

  it('never turns met into breached when the target moves earlier', () => {
    fc.assert(
      fc.property(jurisdictionArb, ruleArb, scenarioArb, offset, fraction, (jurisdiction, rule, scenario, target, share) => {
        const later = evaluate(rule, { ...scenario, targetAfter: target }, jurisdiction);
        const earlier = evaluate(rule, { ...scenario, targetAfter: Math.floor(target * share) }, jurisdiction);
        if (later.status === 'met') expect(earlier.status).toBe('met');
      }),
    );
  });

  it('never turns overdue into pending as now moves later, and changes nothing else', () => {
    fc.assert(
      fc.property(jurisdictionArb, ruleArb, scenarioArb, offset, offset, (jurisdiction, rule, scenario, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const before = evaluate(rule, scenario, jurisdiction, early);
        const after = evaluate(rule, scenario, jurisdiction, late);
        if (before.status === 'overdue') expect(after.status).toBe('overdue');
        if (after.status === 'pending') expect(before.status).toBe('pending');
        if (!['pending', 'overdue'].includes(before.status)) expect(after).toEqual(before);
      }),
    );
  });

  it('reports lateness ≥ 0 exactly for breached and overdue outcomes, and elapsed unless not applicable', () => {
    fc.assert(
      fc.property(jurisdictionArb, ruleArb, scenarioArb, fc.integer({ min: 0, max: 40 * DAY }), (jurisdiction, rule, scenario, now) => {
        const outcome = evaluate(rule, scenario, jurisdiction, now);
        const late = outcome.status === 'breached' || outcome.status === 'overdue';
        expect(outcome.lateness !== null).toBe(late);
        if (outcome.lateness !== null) expect(outcome.lateness).toBeGreaterThanOrEqual(0);
        expect(outcome.elapsed === null).toBe(outcome.status === 'not_applicable');
      }),
    );
  });

  it('is met exactly when a target came at or before the deadline', () => {
    fc.assert(
      fc.property(jurisdictionArb, ruleArb, scenarioArb, (jurisdiction, rule, scenario) => {
        const { status, targetAt, deadline } = evaluate(rule, scenario, jurisdiction);
        const inTime = targetAt !== null && deadline !== null && targetAt.getTime() <= deadline.getTime();
        expect(status === 'met').toBe(inTime);
        if (targetAt !== null) expect(['met', 'breached']).toContain(status);
      }),
    );
  });

  it('finds the deadline inclusive: a target at the deadline is met, a millisecond later breached', () => {
    fc.assert(
      fc.property(jurisdictionArb, ruleArb, scenarioArb, (jurisdiction, rule, scenario) => {
        const { deadline } = evaluate(rule, { ...scenario, targetAfter: null, closure: null }, jurisdiction);
        const gap = (deadline as Date).getTime() - scenario.anchor.getTime();
        expect(evaluate(rule, { ...scenario, targetAfter: gap, closure: null }, jurisdiction).status).toBe('met');
        expect(evaluate(rule, { ...scenario, targetAfter: gap + 1, closure: null }, jurisdiction).status).toBe('breached');
      }),
    );
  });
});

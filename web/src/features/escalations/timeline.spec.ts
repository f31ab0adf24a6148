import { describe, expect, it } from '@jest/globals';
import type { TimelineMilestone, TimelineOutcome, TimelineStage } from './escalations.graphql';
import { buildTimeline, measureUnit } from './timeline';

const stage = (stageCode: string, order: number, enteredAt: string): TimelineStage => ({
  id: `s${order}`, stageCode, stageName: `Stage ${stageCode}`, order, tier: order, enteredAt, exitedAt: null, exitReason: null,
  skippedStageCodes: [], participants: [], notes: '', requirements: [],
});
const milestone = (id: string, stageCode: string | null, occurredAt: string): TimelineMilestone => ({ id, kind: 'FEEDBACK_GIVEN', stageCode, occurredAt, notes: '' });
const outcome = (ruleCode: string, stageCode: string): TimelineOutcome => ({
  ruleCode, ruleName: ruleCode, stageCode, tier: 1, status: 'MET', source: 'PROTOCOL', limitUnit: 'HOURS', limitAmount: 24,
  anchorAt: null, deadline: null, targetAt: null, elapsed: null, lateness: null, evaluatedAt: '2025-01-01T00:00:00Z',
});

describe("an escalation's timeline", () => {
  it('puts each milestone and rule under its stage, stages in ladder order and milestones oldest first', () => {
    const timeline = buildTimeline({
      stages: [stage('2', 2, '2025-01-03T09:00:00Z'), stage('1', 1, '2025-01-01T09:00:00Z')],
      milestones: [milestone('b', '1', '2025-01-02T09:00:00Z'), milestone('a', '1', '2025-01-01T10:00:00Z'), milestone('c', '2', '2025-01-04T09:00:00Z')],
      timescaleOutcomes: [outcome('r1', '1'), outcome('r2', '2'), outcome('r3', '3')],
    });
    expect(timeline.steps.map((step) => [step.stage.stageCode, step.milestones.map((m) => m.id), step.outcomes.map((o) => o.ruleCode)])).toEqual([
      ['1', ['a', 'b'], ['r1']],
      ['2', ['c'], ['r2']],
    ]);
    expect(timeline.unreachedOutcomes.map((o) => o.ruleCode)).toEqual(['r3']);
  });

  it('keeps milestones that belong to no stage entry apart rather than losing them', () => {
    const timeline = buildTimeline({ stages: [stage('1', 1, '2025-01-01T09:00:00Z')], milestones: [milestone('x', null, '2025-01-05T09:00:00Z')], timescaleOutcomes: [] });
    expect(timeline.looseMilestones.map((m) => m.id)).toEqual(['x']);
  });

  it("measures lateness in the rule's own unit", () => {
    expect(measureUnit('HOURS')).toBe('hours');
    expect(measureUnit('SAME_WORKING_DAY')).toBe('working days');
    expect(measureUnit('CALENDAR_DAYS')).toBe('days');
  });
});

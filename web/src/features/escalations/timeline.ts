import type { GqlTimescaleUnit } from '../protocols/labels';
import type { EscalationDetail, TimelineMilestone, TimelineOutcome, TimelineStage } from './escalations.graphql';

/** The unit a rule's elapsed time and lateness are measured in (shared/src/timescales/rule-units.ts). */
export function measureUnit(limitUnit: GqlTimescaleUnit): 'hours' | 'working days' | 'days' {
  switch (limitUnit) {
    case 'HOURS':
      return 'hours';
    case 'CALENDAR_DAYS':
      return 'days';
    case 'WORKING_DAYS':
    case 'SAME_WORKING_DAY':
      return 'working days';
  }
}

export interface TimelineStep {
  readonly stage: TimelineStage;
  /** The milestones recorded at this stage, oldest first. */
  readonly milestones: readonly TimelineMilestone[];
  /** The rules reported under this stage, in the protocol's order. */
  readonly outcomes: readonly TimelineOutcome[];
}

/**
 * The escalation's journey as the timeline shows it: each stage entered, in ladder order,
 * with the milestones and rules that belong to it. Milestones without a stage, or at a
 * stage that has no entry, are returned apart, so that none is lost.
 */
export function buildTimeline(escalation: Pick<EscalationDetail, 'stages' | 'milestones' | 'timescaleOutcomes'>): {
  readonly steps: readonly TimelineStep[];
  readonly looseMilestones: readonly TimelineMilestone[];
  readonly unreachedOutcomes: readonly TimelineOutcome[];
} {
  const stages = [...escalation.stages].sort((a, b) => a.order - b.order || a.enteredAt.localeCompare(b.enteredAt));
  const codes = new Set(stages.map((stage) => stage.stageCode));
  const byTime = [...escalation.milestones].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  return {
    steps: stages.map((stage) => ({
      stage,
      milestones: byTime.filter((milestone) => milestone.stageCode === stage.stageCode),
      outcomes: escalation.timescaleOutcomes.filter((outcome) => outcome.stageCode === stage.stageCode),
    })),
    looseMilestones: byTime.filter((milestone) => milestone.stageCode === null || !codes.has(milestone.stageCode)),
    unreachedOutcomes: escalation.timescaleOutcomes.filter((outcome) => !codes.has(outcome.stageCode)),
  };
}

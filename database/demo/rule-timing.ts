import { ruleDeadline, type RuleEvent, type TimescaleRuleDefinition, type Urgency, type WorkingCalendar } from '@escalation-insights/shared';

/** The deadline (epoch ms) of a rule's limit counted from `anchor`, exactly as the evaluator counts it. */
export function deadlineFrom(anchor: number, limit: TimescaleRuleDefinition['limit'], calendar: WorkingCalendar): number {
  return ruleDeadline(limit, new Date(anchor), calendar).getTime();
}

export function appliesTo(rule: TimescaleRuleDefinition, urgency: Urgency): boolean {
  return !rule.urgencies || rule.urgencies.includes(urgency);
}

/**
 * Rules that bound how long a stage may hold a matter: counted from entering it (or from
 * raising, for the first stage) and met by leaving it upwards or by resolution.
 */
export function stageDeadlineRules(rules: readonly TimescaleRuleDefinition[], stageCode: string, firstStage: boolean): TimescaleRuleDefinition[] {
  return rules.filter((rule) => {
    const anchored =
      (rule.anchor.kind === 'stage_entered' && rule.anchor.stageCode === stageCode) || (firstStage && rule.anchor.kind === 'raised');
    return anchored && rule.targets.some((t) => t.kind === 'resolved') && rule.targets.every((t) => t.kind !== 'milestone');
  });
}

/** Rules whose target includes a milestone of `kind` that may be recorded at `stageCode`. */
export function milestoneRules(rules: readonly TimescaleRuleDefinition[], kind: string, stageCode: string): TimescaleRuleDefinition[] {
  return rules.filter((rule) =>
    rule.targets.some((t) => t.kind === 'milestone' && t.milestone === kind && (t.stageCode === undefined || t.stageCode === stageCode)),
  );
}

/** Milestone kinds the rules filed under `stageCode` look for. */
export function ruleMilestoneKinds(rules: readonly TimescaleRuleDefinition[], stageCode: string): string[] {
  const kinds = new Set<string>();
  for (const rule of rules) {
    if (rule.stageCode !== stageCode) continue;
    for (const t of [rule.anchor, ...rule.targets]) if (t.kind === 'milestone') kinds.add(t.milestone);
  }
  return [...kinds];
}

/** When an event happened in a journey, if it did (epoch ms). */
export interface JourneyClock {
  readonly raisedAt: number;
  readonly closedAt: number | null;
  readonly resolved: boolean;
  entered(stageCode: string): number | undefined;
  exited(stageCode: string): number | undefined;
  milestone(kind: string, stageCode?: string): number | undefined;
}

export function eventTime(event: RuleEvent, clock: JourneyClock): number | undefined {
  switch (event.kind) {
    case 'raised':
      return clock.raisedAt;
    case 'stage_entered':
      return clock.entered(event.stageCode);
    case 'stage_exited':
      return clock.exited(event.stageCode);
    case 'resolved':
      return clock.resolved && clock.closedAt !== null ? clock.closedAt : undefined;
    case 'milestone':
      return clock.milestone(event.milestone, event.stageCode);
  }
}

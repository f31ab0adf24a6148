import type {
  RuleEvent,
  RuleSource,
  StageDefinition,
  TimescaleRuleDefinition,
  Urgency,
} from '../domain/index.js';

/**
 * Small builders shared by the protocol templates, so that each template reads as a
 * table of facts rather than repeated event literals.
 */

export const RAISED: RuleEvent = { kind: 'raised' };
export const RESOLVED: RuleEvent = { kind: 'resolved' };

export function stageEntered(stageCode: string): RuleEvent {
  return { kind: 'stage_entered', stageCode };
}

function findStage(stages: readonly StageDefinition[], stageCode: string): StageDefinition {
  const stage = stages.find((s) => s.code === stageCode);
  if (!stage) {
    throw new Error(`Protocol template refers to stage "${stageCode}", which its ladder does not define`);
  }
  return stage;
}

/**
 * "The matter left this stage the right way": it was resolved, or it entered any stage
 * above `stageCode`. Every higher stage is listed, not just the next one, because an
 * escalation about immediate risk may skip rungs on the way up.
 */
export function resolvedOrEscalatedFrom(stages: readonly StageDefinition[], stageCode: string): RuleEvent[] {
  const from = findStage(stages, stageCode);
  return [RESOLVED, ...stages.filter((s) => s.order > from.order).map((s) => stageEntered(s.code))];
}

/** How long a stage may hold a matter before it must be settled or moved up. */
export interface StageDeadline {
  /** Appended to `stage-<code>-` to form the rule code, e.g. `urgent-24h`. */
  readonly codeSuffix: string;
  /** Appended to the stage name to form the rule name. */
  readonly label: string;
  readonly limit: TimescaleRuleDefinition['limit'];
  readonly urgencies?: readonly Urgency[];
  readonly source: RuleSource;
  readonly rationale: string;
}

/**
 * A rule that a stage ends — resolved or escalated — within `deadline` of the matter
 * entering it. A stage the escalation never enters leaves the rule not applicable.
 */
export function stageDeadlineRule(
  stages: readonly StageDefinition[],
  stageCode: string,
  deadline: StageDeadline,
): TimescaleRuleDefinition {
  const stage = findStage(stages, stageCode);
  return {
    code: `stage-${stage.code}-${deadline.codeSuffix}`,
    name: `${stage.name}: ${deadline.label}`,
    stageCode: stage.code,
    anchor: stageEntered(stage.code),
    targets: resolvedOrEscalatedFrom(stages, stage.code),
    limit: deadline.limit,
    ...(deadline.urgencies ? { urgencies: deadline.urgencies } : {}),
    source: deadline.source,
    rationale: deadline.rationale,
  };
}

/** One stage-deadline rule per listed stage, for each deadline (stage-major order). */
export function stageDeadlineRules(
  stages: readonly StageDefinition[],
  stageCodes: readonly string[],
  deadlines: readonly StageDeadline[],
): TimescaleRuleDefinition[] {
  return stageCodes.flatMap((code) => deadlines.map((deadline) => stageDeadlineRule(stages, code, deadline)));
}

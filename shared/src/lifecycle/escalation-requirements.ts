import type { MilestoneKind, RequirementKind } from '../domain/vocabulary.js';
import { checkStageRequirements, REQUIREMENT_EVIDENCE } from './requirement-evidence.js';

/** What an independent scrutineer checks on every escalation that reached tier 4 or 5 (DESIGN.md §1). */
export const SCRUTINY_REQUIREMENTS = ['written_confirmation', 'feedback_to_raiser', 'notification_form', 'independent_facilitation'] as const satisfies readonly RequirementKind[];

/**
 * `met`: evidenced at every stage entered that asks for it; `missing`: not evidenced at
 * one or more of them; `not_recorded`: asked for, but no milestone can show it (so the
 * record cannot say); `not_required`: no stage the escalation entered asks for it.
 */
export const ESCALATION_REQUIREMENT_STATUSES = ['met', 'missing', 'not_recorded', 'not_required'] as const;
export type EscalationRequirementStatus = (typeof ESCALATION_REQUIREMENT_STATUSES)[number];

export interface EscalationRequirementCheck {
  readonly requirement: RequirementKind;
  readonly status: EscalationRequirementStatus;
  /** Whether any stage of the escalation's protocol asks for it (false: "not required by this protocol"). */
  readonly requiredByProtocol: boolean;
  /** The stages entered that ask for it, in the order entered. */
  readonly requiredAtStages: readonly string[];
  /** Of those, the ones with no evidencing milestone (empty unless missing). */
  readonly missingAtStages: readonly string[];
}

/**
 * Whether an escalation met each of `requirements` under its own protocol: a stage's
 * requirement is evidenced by a milestone of the evidencing kind recorded at that stage
 * (checkStageRequirements), and the escalation must have met it at every stage it entered
 * that asks for it.
 */
export function checkEscalationRequirements(
  requirements: readonly RequirementKind[],
  ladder: readonly { readonly code: string; readonly requirements: readonly RequirementKind[] }[],
  enteredStageCodes: readonly string[],
  milestones: readonly { readonly kind: MilestoneKind; readonly stageCode: string | null; readonly occurredAt: Date }[],
): EscalationRequirementCheck[] {
  const asks = new Map(ladder.map((stage) => [stage.code, stage.requirements]));
  return requirements.map((requirement) => {
    const requiredByProtocol = ladder.some((stage) => stage.requirements.includes(requirement));
    const requiredAtStages = enteredStageCodes.filter((code) => asks.get(code)?.includes(requirement) ?? false);
    const base = { requirement, requiredByProtocol, requiredAtStages, missingAtStages: [] as string[] };
    if (requiredAtStages.length === 0) return { ...base, status: 'not_required' };
    if (REQUIREMENT_EVIDENCE[requirement] === null) return { ...base, status: 'not_recorded' };
    const missingAtStages = requiredAtStages.filter((code) => checkStageRequirements([requirement], code, milestones)[0]!.status === 'missing');
    return { ...base, missingAtStages, status: missingAtStages.length > 0 ? 'missing' : 'met' };
  });
}

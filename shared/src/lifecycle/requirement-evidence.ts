import type { MilestoneKind, RequirementKind } from '../domain/vocabulary.js';

/**
 * Which milestone evidences each protocol requirement at a stage. Requirements with no
 * milestone (independent facilitation, a note on the child's file) cannot be evidenced
 * from the escalation record and are reported as not recorded.
 */
export const REQUIREMENT_EVIDENCE: Readonly<Record<RequirementKind, MilestoneKind | null>> = {
  notification_form: 'notification_form_submitted',
  resolution_meeting: 'resolution_meeting_held',
  written_confirmation: 'written_confirmation_sent',
  feedback_to_raiser: 'feedback_given',
  notify_business_unit: 'business_unit_notified',
  notify_scrutineer: 'scrutineer_notified',
  joint_plan: 'joint_plan_agreed',
  independent_facilitation: null,
  record_on_child_file: null,
};

/** `met`: a milestone of the evidencing kind was recorded at the stage; `missing`: none was (yet); `not_recorded`: no milestone can show it. */
export const REQUIREMENT_STATUSES = ['met', 'missing', 'not_recorded'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

export interface RequirementCheck {
  readonly requirement: RequirementKind;
  readonly status: RequirementStatus;
  /** The milestone kind that evidences the requirement; null when none can. */
  readonly milestoneKind: MilestoneKind | null;
  /** The earliest evidencing milestone at the stage; null unless met. */
  readonly evidencedAt: Date | null;
}

/**
 * Whether each requirement of a stage is evidenced by a milestone recorded at that
 * stage (a milestone at another stage does not count), in the order of `requirements`.
 */
export function checkStageRequirements(
  requirements: readonly RequirementKind[],
  stageCode: string,
  milestones: readonly { readonly kind: MilestoneKind; readonly stageCode: string | null; readonly occurredAt: Date }[],
): RequirementCheck[] {
  return requirements.map((requirement) => {
    const milestoneKind = REQUIREMENT_EVIDENCE[requirement];
    if (milestoneKind === null) return { requirement, status: 'not_recorded', milestoneKind, evidencedAt: null };
    let evidencedAt: Date | null = null;
    for (const milestone of milestones) {
      if (milestone.kind !== milestoneKind || milestone.stageCode !== stageCode) continue;
      if (!evidencedAt || milestone.occurredAt < evidencedAt) evidencedAt = milestone.occurredAt;
    }
    return { requirement, status: evidencedAt ? 'met' : 'missing', milestoneKind, evidencedAt };
  });
}

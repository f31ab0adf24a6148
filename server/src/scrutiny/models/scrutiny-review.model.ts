import {
  ESCALATION_REQUIREMENT_STATUSES,
  type EscalationRequirementStatus,
  type EscalationStatus,
  type RequirementKind,
} from '@escalation-insights/shared';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AuditEvent } from '../../audit/models/audit-event.model.js';
import { EscalationStatusEnum, RequirementEnum } from '../../graphql/domain-enums.js';
import { vocabularyEnum } from '../../graphql/vocabulary-enum.js';

export const EscalationRequirementStatusEnum = vocabularyEnum(
  ESCALATION_REQUIREMENT_STATUSES,
  'EscalationRequirementStatus',
  'MET: evidenced at every stage entered that asks for it. MISSING: not at one or more. NOT_RECORDED: asked for, but no milestone can show it. ' +
    'NOT_REQUIRED: no stage the escalation entered asks for it.',
);

@ObjectType({ description: 'Whether an escalation met one protocol requirement, under its own protocol.' })
export class ScrutinyRequirement {
  @Field(() => RequirementEnum)
  requirement: RequirementKind;

  @Field(() => EscalationRequirementStatusEnum)
  status: EscalationRequirementStatus;

  @Field({ description: 'Whether any stage of the protocol asks for it; false: not required by this protocol at all.' })
  requiredByProtocol: boolean;

  @Field(() => [String], { description: 'The stages entered that ask for it.' })
  requiredAtStages: string[];

  @Field(() => [String], { description: 'Of those, the ones with no evidencing milestone.' })
  missingAtStages: string[];
}

@ObjectType({ description: "Counts of an escalation's timescale outcomes." })
export class TimescaleTally {
  @Field(() => Int)
  met: number;

  @Field(() => Int)
  breached: number;

  @Field(() => Int)
  overdue: number;

  @Field(() => Int)
  pending: number;
}

@ObjectType({ description: 'An escalation that reached tier 4 or 5, as a scrutineer reviews it.' })
export class ScrutinyEscalation {
  @Field(() => ID)
  id: string;

  @Field()
  reference: string;

  @Field()
  raisedAt: Date;

  @Field(() => EscalationStatusEnum)
  status: EscalationStatus;

  @Field(() => String, { nullable: true, description: 'What was agreed, as recorded at resolution.' })
  outcome: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was resolved; null unless resolved.' })
  resolvedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was closed, whether resolved, withdrawn or out of scope.' })
  closedAt: Date | null;

  @Field(() => Int)
  highestTier: number;

  @Field(() => Int, { nullable: true })
  resolvedTier: number | null;

  @Field(() => [Int], { description: 'The tiers of the stages entered, in order.' })
  tiersReached: number[];

  @Field(() => [String], { description: 'The stages entered, in order.' })
  stagesEntered: string[];

  @Field(() => Boolean, { nullable: true, description: 'Written confirmation of the outcome given, as stated at resolution.' })
  writtenConfirmationGiven: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Feedback given to the raiser, as stated at resolution.' })
  feedbackGiven: boolean | null;

  @Field(() => [ScrutinyRequirement], { description: 'Written confirmation, feedback to the raiser, notification form and independent facilitation, in that order.' })
  requirements: ScrutinyRequirement[];

  @Field(() => TimescaleTally)
  timescales: TimescaleTally;

  @Field(() => [AuditEvent], { description: "The escalation's audit trail, oldest first." })
  auditEvents: AuditEvent[];
}

@ObjectType({ description: 'Every escalation raised in a period that reached tier 4 or 5, with its outcome, requirements and audit trail.' })
export class ScrutinyReview {
  @Field(() => ID)
  partnershipId: string;

  @Field()
  from: string;

  @Field()
  to: string;

  @Field(() => [ScrutinyEscalation], { description: 'Oldest raised first.' })
  escalations: ScrutinyEscalation[];
}

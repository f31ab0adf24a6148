import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { toEnumKey } from '../../graphql/vocabulary-enum.js';
import { CORRECTION_TARGETS, type CorrectionTarget } from '../entities/escalation-correction.entity.js';

export const CorrectionTargetEnum = Object.fromEntries(CORRECTION_TARGETS.map((target) => [toEnumKey(target), target]));
registerEnumType(CorrectionTargetEnum, { name: 'EscalationCorrectionTarget', description: 'What a correction changed.' });

@ObjectType({ description: 'One field a correction changed. Values are JSON text (null when absent).' })
export class FieldChange {
  @Field()
  field: string;

  @Field(() => String, { nullable: true })
  before: string | null;

  @Field(() => String, { nullable: true })
  after: string | null;
}

@ObjectType({ description: 'A mistaken entry put right: what changed, from what, to what, and why. History is kept, not overwritten.' })
export class EscalationCorrection {
  @Field(() => ID)
  id: string;

  @Field(() => CorrectionTargetEnum)
  target: CorrectionTarget;

  @Field(() => ID, { nullable: true, description: 'The stage entry or milestone corrected; the escalation id for the escalation itself.' })
  targetId: string | null;

  @Field(() => [FieldChange])
  changes: FieldChange[];

  @Field()
  reason: string;

  @Field()
  correctedAt: Date;
}

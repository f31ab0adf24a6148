import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { JsonValue } from '../../audit/audit-hash.js';

export const CORRECTION_TARGETS = ['escalation', 'stage_entry', 'milestone'] as const;
export type CorrectionTarget = (typeof CORRECTION_TARGETS)[number];

/** Table `escalation_correction`: what a correction changed, from what, to what, and why. */
@Entity({ name: 'escalation_correction' })
export class EscalationCorrectionEntity {
  @PrimaryColumn('bigint', { name: 'partnership_id' })
  partnershipId: string;

  @PrimaryColumn('bigint', { name: 'id' })
  id: string;

  @Column('bigint', { name: 'escalation_id' })
  escalationId: string;

  @Column('text', { name: 'target' })
  target: CorrectionTarget;

  @Column('bigint', { name: 'target_id', nullable: true })
  targetId: string | null;

  @Column('jsonb', { name: 'before' })
  before: Record<string, JsonValue>;

  @Column('jsonb', { name: 'after' })
  after: Record<string, JsonValue>;

  @Column('text', { name: 'reason' })
  reason: string;

  @Column('bigint', { name: 'corrected_by', nullable: true })
  correctedBy: string | null;

  @Column('timestamptz', { name: 'corrected_at' })
  correctedAt: Date;
}

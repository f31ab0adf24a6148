import type { MilestoneKind } from '@escalation-insights/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Table `milestone`: a dated event within an escalation (a meeting held, feedback given …). */
@Entity({ name: 'milestone' })
export class MilestoneEntity {
  @PrimaryColumn('bigint', { name: 'partnership_id' })
  partnershipId: string;

  @PrimaryColumn('bigint', { name: 'id' })
  id: string;

  @Column('bigint', { name: 'escalation_id' })
  escalationId: string;

  @Column('text', { name: 'stage_code', nullable: true })
  stageCode: string | null;

  @Column('text', { name: 'kind' })
  kind: MilestoneKind;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;

  @Column('text', { name: 'notes' })
  notes: string;

  @Column('bigint', { name: 'recorded_by', nullable: true })
  recordedBy: string | null;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;
}

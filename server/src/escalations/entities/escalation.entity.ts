import type { EscalationStatus, RaisedVia, Tier, Urgency } from '@escalation-insights/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Table `escalation`: one professional disagreement about one child. */
@Entity({ name: 'escalation' })
export class EscalationEntity {
  @PrimaryColumn('bigint', { name: 'partnership_id' })
  partnershipId: string;

  @PrimaryColumn('bigint', { name: 'id' })
  id: string;

  @Column('text', { name: 'reference' })
  reference: string;

  @Column('bigint', { name: 'protocol_id' })
  protocolId: string;

  /** HMAC of the child's case reference; never the reference. */
  @Column('text', { name: 'child_key', nullable: true })
  childKey: string | null;

  @Column('timestamptz', { name: 'raised_at' })
  raisedAt: Date;

  @Column('bigint', { name: 'raising_agency_id' })
  raisingAgencyId: string;

  @Column('text', { name: 'raising_role' })
  raisingRole: string;

  @Column('bigint', { name: 'receiving_agency_id' })
  receivingAgencyId: string;

  @Column('text', { name: 'category_code' })
  categoryCode: string;

  @Column('text', { name: 'urgency' })
  urgency: Urgency;

  @Column('text', { name: 'raised_via' })
  raisedVia: RaisedVia;

  @Column('text', { name: 'summary' })
  summary: string;

  @Column('text', { name: 'status' })
  status: EscalationStatus;

  @Column('text', { name: 'outcome', nullable: true })
  outcome: string | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @Column('text', { name: 'current_stage_code' })
  currentStageCode: string;

  @Column('smallint', { name: 'highest_tier' })
  highestTier: Tier;

  @Column('integer', { name: 'highest_stage_order' })
  highestStageOrder: number;

  @Column('smallint', { name: 'resolved_tier', nullable: true })
  resolvedTier: Tier | null;

  @Column('boolean', { name: 'written_confirmation_given', nullable: true })
  writtenConfirmationGiven: boolean | null;

  @Column('boolean', { name: 'feedback_given', nullable: true })
  feedbackGiven: boolean | null;

  @Column('integer', { name: 'version' })
  version: number;

  @Column('bigint', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('timestamptz', { name: 'retention_applied_at', nullable: true })
  retentionAppliedAt: Date | null;
}

import type { StageExitReason, Tier } from '@escalation-insights/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Table `stage_entry`: an escalation entering one stage of its protocol. */
@Entity({ name: 'stage_entry' })
export class StageEntryEntity {
  @PrimaryColumn('bigint', { name: 'partnership_id' })
  partnershipId: string;

  @PrimaryColumn('bigint', { name: 'id' })
  id: string;

  @Column('bigint', { name: 'escalation_id' })
  escalationId: string;

  @Column('bigint', { name: 'protocol_id' })
  protocolId: string;

  @Column('text', { name: 'stage_code' })
  stageCode: string;

  @Column('smallint', { name: 'tier' })
  tier: Tier;

  @Column('integer', { name: 'ladder_order' })
  ladderOrder: number;

  @Column('timestamptz', { name: 'entered_at' })
  enteredAt: Date;

  @Column('timestamptz', { name: 'exited_at', nullable: true })
  exitedAt: Date | null;

  @Column('text', { name: 'exit_reason', nullable: true })
  exitReason: StageExitReason | null;

  @Column('text', { name: 'skipped_stage_codes', array: true })
  skippedStageCodes: string[];

  @Column('text', { name: 'participants', array: true })
  participants: string[];

  @Column('text', { name: 'notes' })
  notes: string;
}

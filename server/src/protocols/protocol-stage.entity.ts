import type { RequirementKind, Tier } from '@escalation-insights/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Table `protocol_stage`: one rung of a protocol's ladder. */
@Entity({ name: 'protocol_stage' })
export class ProtocolStageEntity {
  @PrimaryColumn('bigint', { name: 'partnership_id' })
  partnershipId: string;

  @PrimaryColumn('bigint', { name: 'protocol_id' })
  protocolId: string;

  @PrimaryColumn('text', { name: 'code' })
  code: string;

  @Column('text', { name: 'name' })
  name: string;

  @Column('integer', { name: 'ladder_order' })
  ladderOrder: number;

  @Column('smallint', { name: 'tier' })
  tier: Tier;

  @Column('text', { name: 'roles', array: true })
  roles: string[];

  @Column('text', { name: 'description' })
  description: string;

  @Column('text', { name: 'requirements', array: true })
  requirements: RequirementKind[];
}

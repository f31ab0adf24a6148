import type { AgencySector } from '@escalation-insights/shared';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** Table `agency`: an organisation within one partnership. */
@Entity({ name: 'agency' })
export class AgencyEntity {
  @PrimaryColumn('bigint', { name: 'partnership_id' })
  partnershipId: string;

  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id: string;

  @Column('text', { name: 'name' })
  name: string;

  @Column('text', { name: 'sector' })
  sector: AgencySector;

  @Column('boolean', { name: 'is_active' })
  isActive: boolean;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}

import type { Jurisdiction } from '@escalation-insights/shared';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Table `partnership`: the tenant. Ids are bigints, read as strings. */
@Entity({ name: 'partnership' })
export class PartnershipEntity {
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id: string;

  @Column('text', { name: 'code' })
  code: string;

  @Column('text', { name: 'name' })
  name: string;

  @Column('text', { name: 'jurisdiction' })
  jurisdiction: Jurisdiction;

  @Column('integer', { name: 'theme_min_count' })
  themeMinCount: number;

  @Column('integer', { name: 'theme_window_days' })
  themeWindowDays: number;

  @Column('integer', { name: 'retention_years', nullable: true })
  retentionYears: number | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}

import type { Urgency } from '@escalation-insights/shared';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** Table `protocol`: one version of a partnership's resolution and escalation protocol. */
@Entity({ name: 'protocol' })
export class ProtocolEntity {
  @PrimaryColumn('bigint', { name: 'partnership_id' })
  partnershipId: string;

  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id: string;

  @Column('text', { name: 'code' })
  code: string;

  @Column('integer', { name: 'version' })
  version: number;

  @Column('text', { name: 'name' })
  name: string;

  @Column('text', { name: 'template_code', nullable: true })
  templateCode: string | null;

  @Column('text', { name: 'source_document', nullable: true })
  sourceDocument: string | null;

  @Column('text', { name: 'source_version', nullable: true })
  sourceVersion: string | null;

  @Column('text', { name: 'summary' })
  summary: string;

  @Column('boolean', { name: 'discourages_email' })
  discouragesEmail: boolean;

  @Column('text', { name: 'skip_allowed_for', array: true })
  skipAllowedFor: Urgency[];

  @Column('text', { name: 'out_of_scope', array: true })
  outOfScope: string[];

  @Column('boolean', { name: 'is_active' })
  isActive: boolean;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}

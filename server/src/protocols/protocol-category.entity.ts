import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Table `protocol_category`: an area of disagreement a protocol lists. */
@Entity({ name: 'protocol_category' })
export class ProtocolCategoryEntity {
  @PrimaryColumn('bigint', { name: 'partnership_id' })
  partnershipId: string;

  @PrimaryColumn('bigint', { name: 'protocol_id' })
  protocolId: string;

  @PrimaryColumn('text', { name: 'code' })
  code: string;

  @Column('text', { name: 'label' })
  label: string;

  @Column('integer', { name: 'display_order' })
  displayOrder: number;
}

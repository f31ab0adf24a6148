import type { RuleEvent, RuleSource, TimescaleUnit, Urgency } from '@escalation-insights/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Table `timescale_rule`: from an anchor event to a target event within a limit. */
@Entity({ name: 'timescale_rule' })
export class TimescaleRuleEntity {
  @PrimaryColumn('bigint', { name: 'partnership_id' })
  partnershipId: string;

  @PrimaryColumn('bigint', { name: 'protocol_id' })
  protocolId: string;

  @PrimaryColumn('text', { name: 'code' })
  code: string;

  @Column('text', { name: 'name' })
  name: string;

  @Column('text', { name: 'stage_code' })
  stageCode: string;

  @Column('jsonb', { name: 'anchor' })
  anchor: RuleEvent;

  @Column('jsonb', { name: 'targets' })
  targets: RuleEvent[];

  @Column('text', { name: 'limit_unit' })
  limitUnit: TimescaleUnit;

  /** `numeric`: pg returns it as a string so that no precision is lost. */
  @Column('numeric', { name: 'limit_amount' })
  limitAmount: string;

  @Column('text', { name: 'urgencies', array: true, nullable: true })
  urgencies: Urgency[] | null;

  @Column('text', { name: 'applies_when_rule_not_met', nullable: true })
  appliesWhenRuleNotMet: string | null;

  @Column('text', { name: 'source' })
  source: RuleSource;

  @Column('text', { name: 'rationale' })
  rationale: string;
}

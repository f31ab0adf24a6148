import type {
  EscalationEvents,
  EscalationState,
  EscalationStatus,
  JourneyToCheck,
  MilestoneKind,
  StageDefinition,
  StageExitReason,
  Tier,
  TimescaleRuleDefinition,
  Urgency,
} from '@escalation-insights/shared';
import type { ProtocolStageEntity } from '../protocols/protocol-stage.entity.js';
import type { TimescaleRuleEntity } from '../protocols/timescale-rule.entity.js';

/**
 * Plain conversions between stored rows and the shapes the pure rules of `shared`
 * take. No database access and no decisions: the rules themselves live in shared.
 */

export interface EntryFacts {
  readonly stageCode: string;
  readonly tier: Tier;
  readonly ladderOrder: number;
  readonly enteredAt: Date;
  readonly exitedAt: Date | null;
  readonly exitReason: StageExitReason | null;
}

export interface MilestoneFacts {
  readonly kind: MilestoneKind;
  readonly stageCode: string | null;
  readonly occurredAt: Date;
}

export interface EscalationFacts {
  readonly urgency: Urgency;
  readonly status: EscalationStatus;
  readonly raisedAt: Date;
  readonly closedAt: Date | null;
}

export function toStageDefinition(stage: ProtocolStageEntity): StageDefinition {
  return {
    code: stage.code,
    name: stage.name,
    order: stage.ladderOrder,
    tier: stage.tier,
    roles: stage.roles,
    description: stage.description,
    requirements: stage.requirements,
  };
}

export function toRuleDefinition(rule: Omit<TimescaleRuleEntity, 'partnershipId' | 'protocolId'>): TimescaleRuleDefinition {
  return {
    code: rule.code,
    name: rule.name,
    stageCode: rule.stageCode,
    anchor: rule.anchor,
    targets: rule.targets,
    limit: { unit: rule.limitUnit, amount: Number(rule.limitAmount) },
    ...(rule.urgencies ? { urgencies: rule.urgencies } : {}),
    ...(rule.appliesWhenRuleNotMet ? { appliesWhen: { ruleNotMet: rule.appliesWhenRuleNotMet } } : {}),
    source: rule.source,
    rationale: rule.rationale,
  };
}

/** Entries in ladder order, which is also the order they happened in. */
export function inLadderOrder<T extends { readonly ladderOrder: number }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => a.ladderOrder - b.ladderOrder);
}

/** The latest instant already on the record: raised, stage entries and exits, milestones. */
export function latestEventAt(escalation: EscalationFacts, entries: readonly EntryFacts[], milestones: readonly MilestoneFacts[]): Date {
  let latest = escalation.raisedAt.getTime();
  for (const entry of entries) latest = Math.max(latest, entry.enteredAt.getTime(), entry.exitedAt?.getTime() ?? 0);
  for (const milestone of milestones) latest = Math.max(latest, milestone.occurredAt.getTime());
  return new Date(latest);
}

export function escalationState(escalation: EscalationFacts, entries: readonly EntryFacts[], milestones: readonly MilestoneFacts[]): EscalationState {
  const current = inLadderOrder(entries).at(-1);
  if (!current) throw new Error('An escalation always has at least one stage entry');
  return {
    status: escalation.status,
    urgency: escalation.urgency,
    raisedAt: escalation.raisedAt,
    current: { stageCode: current.stageCode, enteredAt: current.enteredAt },
    latestEventAt: latestEventAt(escalation, entries, milestones),
  };
}

export function journeyOf(escalation: EscalationFacts, entries: readonly EntryFacts[]): JourneyToCheck {
  return {
    urgency: escalation.urgency,
    status: escalation.status,
    raisedAt: escalation.raisedAt,
    closedAt: escalation.closedAt,
    entries: inLadderOrder(entries).map(({ stageCode, enteredAt, exitedAt, exitReason }) => ({ stageCode, enteredAt, exitedAt, exitReason })),
  };
}

export function eventsOf(escalation: EscalationFacts, entries: readonly EntryFacts[], milestones: readonly MilestoneFacts[]): EscalationEvents {
  const journey = journeyOf(escalation, entries);
  return {
    urgency: journey.urgency,
    status: journey.status,
    raisedAt: journey.raisedAt,
    closedAt: journey.closedAt,
    stages: journey.entries,
    milestones: milestones.map(({ kind, stageCode, occurredAt }) => ({ kind, stageCode, occurredAt })),
  };
}

/** The stage the escalation was in at `at`: the latest entered at or before it (the first stage if none). */
export function stageAt(entries: readonly EntryFacts[], at: Date): string {
  const ordered = inLadderOrder(entries);
  const entered = ordered.filter((entry) => entry.enteredAt.getTime() <= at.getTime());
  return (entered.at(-1) ?? ordered[0]!).stageCode;
}

export interface LadderColumns {
  readonly currentStageCode: string;
  readonly highestTier: Tier;
  readonly highestStageOrder: number;
  readonly resolvedTier: Tier | null;
}

/** The escalation's denormalised ladder columns, from its entries and status. */
export function ladderColumns(entries: readonly EntryFacts[], status: EscalationStatus): LadderColumns {
  const ordered = inLadderOrder(entries);
  const current = ordered.at(-1);
  if (!current) throw new Error('An escalation always has at least one stage entry');
  return {
    currentStageCode: current.stageCode,
    highestTier: Math.max(...ordered.map((entry) => entry.tier)) as Tier,
    highestStageOrder: current.ladderOrder,
    resolvedTier: status === 'resolved' ? current.tier : null,
  };
}

import type {
  Jurisdiction,
  MilestoneKind,
  RequirementKind,
  RuleSource,
  Tier,
  TimescaleUnit,
  Urgency,
} from './vocabulary.js';

/** One rung of a protocol's ladder. */
export interface StageDefinition {
  /** The protocol's own label: '1', '2', '3a', 'exceptional', 'resolution' … unique within a protocol. */
  readonly code: string;
  readonly name: string;
  /** Position on the ladder, 1-based, strictly increasing. */
  readonly order: number;
  readonly tier: Tier;
  /** Who takes part at this stage, in our own words. */
  readonly roles: readonly string[];
  /** What the stage involves, in our own words. */
  readonly description: string;
  readonly requirements: readonly RequirementKind[];
}

export interface CategoryDefinition {
  /** Stable snake_case code, unique within a protocol. */
  readonly code: string;
  readonly label: string;
}

/**
 * The event a timescale rule counts from, or must see happen.
 * - `raised`: the escalation was raised.
 * - `stage_entered`: the escalation entered `stageCode`.
 * - `stage_exited`: the escalation left `stageCode` (any reason).
 * - `milestone`: a milestone of `milestone` kind, optionally only within `stageCode`.
 * - `resolved`: the escalation was resolved (closed with status resolved).
 */
export type RuleEvent =
  | { readonly kind: 'raised' }
  | { readonly kind: 'stage_entered'; readonly stageCode: string }
  | { readonly kind: 'stage_exited'; readonly stageCode: string }
  | { readonly kind: 'milestone'; readonly milestone: MilestoneKind; readonly stageCode?: string }
  | { readonly kind: 'resolved' };

export interface TimescaleRuleDefinition {
  /** Stable kebab-case code, unique within a protocol. */
  readonly code: string;
  readonly name: string;
  /** The stage the rule belongs to, for reporting by stage and tier. */
  readonly stageCode: string;
  readonly anchor: RuleEvent;
  /**
   * The target is met by the first of these events after the anchor (e.g. a joint
   * plan agreed, or the matter resolved). Usually one.
   */
  readonly targets: readonly RuleEvent[];
  readonly limit: { readonly unit: TimescaleUnit; readonly amount: number };
  /** Applies only to escalations of these urgencies; absent means all. */
  readonly urgencies?: readonly Urgency[];
  /**
   * Applies only when the named rule of the same protocol was not met (breached or
   * overdue): e.g. "if no joint plan within five working days, go to stage four within
   * one more working day".
   */
  readonly appliesWhen?: { readonly ruleNotMet: string };
  readonly source: RuleSource;
  /** Why the rule exists, in our own words, with a pointer to the document. */
  readonly rationale: string;
}

export interface ProtocolTemplate {
  /** Stable code, e.g. 'gloucestershire-gscp-2025'. */
  readonly code: string;
  readonly name: string;
  readonly partnershipName: string;
  readonly jurisdiction: Jurisdiction;
  /** The document the template encodes (file name in the protocols library). */
  readonly sourceDocument: string;
  /** Document version or date the template follows. */
  readonly sourceVersion: string;
  readonly summary: string;
  /** Whether the protocol advises against raising disagreements by email. */
  readonly discouragesEmail: boolean;
  /** Urgencies that may skip a stage on the way up (immediate risk may go straight up). */
  readonly skipAllowedFor: readonly Urgency[];
  readonly stages: readonly StageDefinition[];
  readonly categories: readonly CategoryDefinition[];
  readonly rules: readonly TimescaleRuleDefinition[];
  /** Matters the protocol says are handled elsewhere (conduct complaints, review referrals …). */
  readonly outOfScope: readonly string[];
}

import type { MilestoneKind, StageExitReason, TimescaleOutcomeStatus, Urgency, EscalationStatus } from './vocabulary.js';

/** What the evaluator needs to know about one escalation. All instants are UTC `Date`s. */
export interface EscalationEvents {
  readonly urgency: Urgency;
  readonly status: EscalationStatus;
  readonly raisedAt: Date;
  /** When the escalation was closed (resolved, withdrawn or out of scope); null while open. */
  readonly closedAt: Date | null;
  readonly stages: readonly {
    readonly stageCode: string;
    readonly enteredAt: Date;
    readonly exitedAt: Date | null;
    readonly exitReason: StageExitReason | null;
  }[];
  readonly milestones: readonly {
    readonly kind: MilestoneKind;
    readonly stageCode: string | null;
    readonly occurredAt: Date;
  }[];
}

export interface TimescaleOutcome {
  readonly ruleCode: string;
  readonly status: TimescaleOutcomeStatus;
  /** When the anchor event happened; null when it has not (yet). */
  readonly anchorAt: Date | null;
  /** The deadline computed from the anchor; null when there is no anchor. */
  readonly deadline: Date | null;
  /** When the target happened; null when it has not. */
  readonly targetAt: Date | null;
  /**
   * Time from anchor to target (met/breached), to closedAt (breached with no target)
   * or to now (overdue/pending), in the rule's unit: hours for `hours`; working days
   * for `working_days` and `same_working_day`; calendar days (of 24 hours) for
   * `calendar_days`. Null when not applicable.
   */
  readonly elapsed: number | null;
  /** How late, in the rule's unit, for breached and overdue outcomes; null otherwise. */
  readonly lateness: number | null;
}

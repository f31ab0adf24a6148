import type { RuleSource, TimescaleOutcomeStatus, TimescaleUnit } from '@escalation-insights/shared';
import type { TimescaleOutcome } from './models/timescale-outcome.model.js';

/** Stored outcomes with their rule's name, limit and source, ordered by stage on the ladder then rule code. */
export function timescaleOutcomesSql(escalationsIn: string): string {
  return `
    SELECT o.partnership_id::text, o.escalation_id::text, o.rule_code, r.name AS rule_name, o.stage_code, o.tier, o.limit_unit,
           r.limit_amount::float8 AS limit_amount, r.source, o.status, o.anchor_at, o.deadline, o.target_at, o.elapsed,
           o.lateness, o.evaluated_at
    FROM timescale_outcome o
    JOIN timescale_rule r ON r.partnership_id = o.partnership_id AND r.protocol_id = o.protocol_id AND r.code = o.rule_code
    JOIN protocol_stage s ON s.partnership_id = o.partnership_id AND s.protocol_id = o.protocol_id AND s.code = o.stage_code
    WHERE (o.partnership_id, o.escalation_id) ${escalationsIn}
    ORDER BY s.ladder_order, o.rule_code`;
}

export function toTimescaleOutcome(row: Record<string, unknown>): TimescaleOutcome {
  return {
    ruleCode: row['rule_code'] as string,
    ruleName: row['rule_name'] as string,
    stageCode: row['stage_code'] as string,
    tier: row['tier'] as number,
    limitUnit: row['limit_unit'] as TimescaleUnit,
    limitAmount: row['limit_amount'] as number,
    source: row['source'] as RuleSource,
    status: row['status'] as TimescaleOutcomeStatus,
    anchorAt: (row['anchor_at'] as Date | null) ?? null,
    deadline: (row['deadline'] as Date | null) ?? null,
    targetAt: (row['target_at'] as Date | null) ?? null,
    elapsed: (row['elapsed'] as number | null) ?? null,
    lateness: (row['lateness'] as number | null) ?? null,
    evaluatedAt: row['evaluated_at'] as Date,
  };
}

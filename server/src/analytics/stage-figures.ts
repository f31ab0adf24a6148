import type { SqlRunner } from './analytics-reader.js';
import { SqlParams, type AnalyticsScope } from './cohort-sql.js';
import { escalationCounts } from './cube-source.js';

export interface StageRow {
  readonly code: string;
  readonly name: string;
  readonly ladderOrder: number;
  readonly tier: number;
  readonly reached: number;
  readonly entered: number;
}

export interface ProtocolStages {
  readonly protocolId: string;
  readonly protocolName: string;
  /** Escalations of the cohort that followed this protocol. */
  readonly escalations: number;
  readonly stages: readonly StageRow[];
}

/**
 * Reach of each stage of one protocol over the part of the cohort that followed it:
 * reached = highest_stage_order ≥ the stage's ladder order; entered = the escalation has
 * a stage entry for the stage (bit ladder_order − 1 of entered_mask). Skipped stages are
 * reached − entered.
 */
export async function readProtocolStages(run: SqlRunner, scope: AnalyticsScope, protocolId: string): Promise<ProtocolStages> {
  const params = new SqlParams();
  const source = escalationCounts(scope, params, { dims: ['highestStage', 'entered'], protocolId });
  const protocol = params.add(protocolId, 'bigint');
  const rows = await run<{
    protocol_name: string; escalations: number; code: string; name: string; ladder_order: number; tier: number; reached: number; entered: number;
  }>(
    `WITH c AS (SELECT s.highest_stage_order, s.entered_mask, sum(s.escalations) AS n FROM (${source}) s GROUP BY 1, 2)
     SELECT p.name AS protocol_name,
            (SELECT coalesce(sum(n), 0) FROM c)::int AS escalations,
            st.code, st.name, st.ladder_order, st.tier::int AS tier,
            coalesce(sum(c.n) FILTER (WHERE c.highest_stage_order >= st.ladder_order), 0)::int AS reached,
            coalesce(sum(c.n) FILTER (WHERE st.ladder_order <= 62 AND c.entered_mask & (1::bigint << (st.ladder_order - 1)) <> 0), 0)::int AS entered
     FROM protocol p
     JOIN protocol_stage st ON st.partnership_id = p.partnership_id AND st.protocol_id = p.id
     LEFT JOIN c ON true
     WHERE p.id = ${protocol}
     GROUP BY p.name, st.code, st.name, st.ladder_order, st.tier
     ORDER BY st.ladder_order`,
    params,
  );
  return {
    protocolId,
    protocolName: rows[0]?.protocol_name ?? '',
    escalations: rows[0]?.escalations ?? 0,
    stages: rows.map((row) => ({
      code: row.code, name: row.name, ladderOrder: row.ladder_order, tier: row.tier, reached: row.reached, entered: row.entered,
    })),
  };
}

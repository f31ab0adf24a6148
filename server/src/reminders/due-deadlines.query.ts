import type { EntityManager } from 'typeorm';

/** A timescale deadline whose clock is still running (outcome pending or overdue), with what a reminder names. */
export interface DueDeadline {
  readonly escalationId: string;
  readonly reference: string;
  readonly ruleCode: string;
  readonly ruleName: string;
  readonly stageCode: string;
  readonly deadline: Date;
}

export interface DueDeadlineQuery {
  readonly partnershipId: string;
  /** Deadlines up to this instant (the end of the approaching window). */
  readonly until: Date;
  /** Deadlines from this instant on; none: however long ago. */
  readonly from?: Date;
  /** Only escalations this user is named on. */
  readonly namedUserId?: string;
  readonly limit: number;
}

/**
 * The stored timescale outcomes of a partnership whose clock still runs (pending or
 * overdue: the target not reached and nothing has stopped the clock) with a deadline in
 * [from, until], earliest first. The stored status may be "pending" for a deadline that
 * has since passed (outcomes are refreshed every few minutes); callers decide approaching
 * or passed from the deadline itself.
 */
export async function dueDeadlines(manager: EntityManager, query: DueDeadlineQuery): Promise<DueDeadline[]> {
  const params: unknown[] = [query.partnershipId, query.until.toISOString(), query.limit];
  const conditions: string[] = [];
  if (query.from) {
    params.push(query.from.toISOString());
    conditions.push(`AND o.deadline >= $${params.length}`);
  }
  if (query.namedUserId) {
    params.push(query.namedUserId);
    conditions.push(`AND EXISTS (SELECT 1 FROM escalation_contact c
      WHERE c.partnership_id = o.partnership_id AND c.escalation_id = o.escalation_id AND c.user_id = $${params.length})`);
  }
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT o.escalation_id::text, e.reference, o.rule_code, r.name AS rule_name, o.stage_code, o.deadline
     FROM timescale_outcome o
     JOIN escalation e ON e.partnership_id = o.partnership_id AND e.id = o.escalation_id
     JOIN timescale_rule r ON r.partnership_id = o.partnership_id AND r.protocol_id = o.protocol_id AND r.code = o.rule_code
     WHERE o.partnership_id = $1 AND o.status IN ('pending', 'overdue') AND o.deadline <= $2
       ${conditions.join('\n       ')}
     ORDER BY o.deadline, e.reference, o.rule_code
     LIMIT $3`,
    params,
  );
  return rows.map((row) => ({
    escalationId: row['escalation_id'] as string,
    reference: row['reference'] as string,
    ruleCode: row['rule_code'] as string,
    ruleName: row['rule_name'] as string,
    stageCode: row['stage_code'] as string,
    deadline: row['deadline'] as Date,
  }));
}

/** The working-calendar jurisdiction of a partnership (null when row-level security hides it). */
export async function jurisdictionOf(manager: EntityManager, partnershipId: string): Promise<string | null> {
  const rows: { jurisdiction: string }[] = await manager.query('SELECT jurisdiction FROM partnership WHERE id = $1', [partnershipId]);
  return rows[0]?.jurisdiction ?? null;
}

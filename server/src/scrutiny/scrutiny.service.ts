import { Injectable } from '@nestjs/common';
import {
  checkEscalationRequirements,
  SCRUTINY_REQUIREMENTS,
  type EscalationStatus,
  type MilestoneKind,
  type RequirementKind,
} from '@escalation-insights/shared';
import type { EntityManager } from 'typeorm';
import { dayNumberOf } from '../analytics/period.js';
import { AUDIT_EVENT_COLUMNS, toAuditEvent, type AuditEventRow } from '../audit/audit-trail-query.js';
import type { AuditEvent } from '../audit/models/audit-event.model.js';
import { currentActor } from '../database/actor-scope.js';
import { TenantDatabase } from '../database/tenant-database.js';
import type { ScrutinyEscalation, ScrutinyReview, TimescaleTally } from './models/scrutiny-review.model.js';
import { ScrutinyErrorCode, ScrutinyException } from './scrutiny.exception.js';

export interface ScrutinyPeriod {
  readonly partnershipId: string;
  readonly from: string;
  readonly to: string;
}

interface EscalationRow {
  id: string;
  reference: string;
  protocol_id: string;
  status: EscalationStatus;
  outcome: string | null;
  raised_at: Date;
  closed_at: Date | null;
  highest_tier: number;
  resolved_tier: number | null;
  written_confirmation_given: boolean | null;
  feedback_given: boolean | null;
}

const LOCAL_MIDNIGHT = (placeholder: string) => `(${placeholder}::date::timestamp AT TIME ZONE 'Europe/London')`;
const group = <R extends { escalation_id: string }>(rows: readonly R[]) => {
  const map = new Map<string, R[]>();
  for (const row of rows) map.set(row.escalation_id, [...(map.get(row.escalation_id) ?? []), row]);
  return map;
};

/**
 * The scrutineer's review of a period (DESIGN.md §1): every escalation raised in
 * [from, to) whose highest tier reached is 4 or 5, with its outcome, whether it met each
 * protocol requirement a scrutineer checks (SCRUTINY_REQUIREMENTS, under the protocol
 * version it followed), a tally of its timescale outcomes and its audit trail. One
 * REPEATABLE READ snapshot, a fixed number of queries whatever the number of escalations.
 */
@Injectable()
export class ScrutinyService {
  constructor(private readonly db: TenantDatabase) {}

  /** @throws ScrutinyException INVALID_PERIOD */
  review(period: ScrutinyPeriod): Promise<ScrutinyReview> {
    checkPeriod(period);
    return this.db.run(async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      return { ...period, escalations: await this.escalations(manager, period) };
    }, 'REPEATABLE READ');
  }

  private async escalations(manager: EntityManager, period: ScrutinyPeriod): Promise<ScrutinyEscalation[]> {
    const rows: EscalationRow[] = await manager.query(
      `SELECT e.id::text, e.reference, e.protocol_id::text, e.status, e.outcome, e.raised_at, e.closed_at, e.highest_tier, e.resolved_tier,
              e.written_confirmation_given, e.feedback_given
       FROM escalation e
       WHERE e.partnership_id = $1 AND e.highest_tier >= 4
         AND e.raised_at >= ${LOCAL_MIDNIGHT('$2')} AND e.raised_at < ${LOCAL_MIDNIGHT('$3')}
       ORDER BY e.raised_at, e.id`,
      [period.partnershipId, period.from, period.to],
    );
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const params = [period.partnershipId, ids];
    const entries = group<{ escalation_id: string; stage_code: string; tier: number }>(await manager.query(
      `SELECT escalation_id::text, stage_code, tier FROM stage_entry
       WHERE partnership_id = $1 AND escalation_id = ANY($2::bigint[]) ORDER BY ladder_order`,
      params,
    ));
    const milestones = group<{ escalation_id: string; kind: MilestoneKind; stage_code: string | null; occurred_at: Date }>(await manager.query(
      `SELECT escalation_id::text, kind, stage_code, occurred_at FROM milestone WHERE partnership_id = $1 AND escalation_id = ANY($2::bigint[])`,
      params,
    ));
    const tallies = new Map<string, TimescaleTally>((await manager.query(
      `SELECT escalation_id::text,
              count(*) FILTER (WHERE status = 'met')::int AS met, count(*) FILTER (WHERE status = 'breached')::int AS breached,
              count(*) FILTER (WHERE status = 'overdue')::int AS overdue, count(*) FILTER (WHERE status = 'pending')::int AS pending
       FROM timescale_outcome WHERE partnership_id = $1 AND escalation_id = ANY($2::bigint[]) GROUP BY escalation_id`,
      params,
    ) as (TimescaleTally & { escalation_id: string })[]).map(({ escalation_id, ...tally }) => [escalation_id, tally]));
    const ladders = await this.ladders(manager, period.partnershipId, [...new Set(rows.map((r) => r.protocol_id))]);
    const audit = await this.auditTrails(manager, period.partnershipId, ids);

    return rows.map((row) => {
      const entered = entries.get(row.id) ?? [];
      const facts = (milestones.get(row.id) ?? []).map((m) => ({ kind: m.kind, stageCode: m.stage_code, occurredAt: m.occurred_at }));
      const requirements = checkEscalationRequirements(SCRUTINY_REQUIREMENTS, ladders.get(row.protocol_id) ?? [], entered.map((e) => e.stage_code), facts);
      return {
        id: row.id,
        reference: row.reference,
        raisedAt: row.raised_at,
        status: row.status,
        outcome: row.outcome,
        resolvedAt: row.status === 'resolved' ? row.closed_at : null,
        closedAt: row.closed_at,
        highestTier: row.highest_tier,
        resolvedTier: row.resolved_tier,
        tiersReached: entered.map((e) => e.tier),
        stagesEntered: entered.map((e) => e.stage_code),
        writtenConfirmationGiven: row.written_confirmation_given,
        feedbackGiven: row.feedback_given,
        requirements: requirements.map((check) => ({ ...check, requiredAtStages: [...check.requiredAtStages], missingAtStages: [...check.missingAtStages] })),
        timescales: tallies.get(row.id) ?? { met: 0, breached: 0, overdue: 0, pending: 0 },
        auditEvents: audit.get(row.id) ?? [],
      };
    });
  }

  private async ladders(manager: EntityManager, partnershipId: string, protocolIds: readonly string[]) {
    const rows: { protocol_id: string; code: string; requirements: RequirementKind[] }[] = await manager.query(
      `SELECT protocol_id::text, code, requirements FROM protocol_stage
       WHERE partnership_id = $1 AND protocol_id = ANY($2::bigint[]) ORDER BY ladder_order`,
      [partnershipId, protocolIds],
    );
    const ladders = new Map<string, { code: string; requirements: RequirementKind[] }[]>();
    for (const row of rows) ladders.set(row.protocol_id, [...(ladders.get(row.protocol_id) ?? []), { code: row.code, requirements: row.requirements }]);
    return ladders;
  }

  /** Each escalation's audit events, oldest first, shown as the audit trail shows them to the actor's role. */
  private async auditTrails(manager: EntityManager, partnershipId: string, ids: readonly string[]): Promise<Map<string, AuditEvent[]>> {
    const rows: AuditEventRow[] = await manager.query(
      `SELECT ${AUDIT_EVENT_COLUMNS} FROM audit_event
       WHERE partnership_id = $1 AND entity_type = 'escalation' AND entity_id = ANY($2::text[])
       ORDER BY audit_event.id`, // the table's bigint: a bare "id" would be the text column of the select list
      [partnershipId, ids],
    );
    const role = currentActor()?.role ?? null;
    const trails = new Map<string, AuditEvent[]>();
    for (const row of rows) trails.set(row.entity_id!, [...(trails.get(row.entity_id!) ?? []), toAuditEvent(row, role)]);
    return trails;
  }
}

/** @throws ScrutinyException INVALID_PERIOD */
function checkPeriod(period: ScrutinyPeriod): void {
  for (const field of ['from', 'to'] as const) {
    if (dayNumberOf(period[field]) === null) throw new ScrutinyException(ScrutinyErrorCode.INVALID_PERIOD, field, `${period[field]} is not a calendar date`);
  }
  if (period.from >= period.to) {
    throw new ScrutinyException(ScrutinyErrorCode.INVALID_PERIOD, 'to', `the period is [from, to): ${period.to} must be after ${period.from}`);
  }
}

import type { InstalledPartnership } from '@escalation-insights/database';
import type { EscalationStatus, ProtocolTemplate, TimescaleOutcomeStatus, Urgency } from '@escalation-insights/shared';
import type pg from 'pg';
import { insertPartnership, STANDARD_AGENCIES } from './fixtures.js';
import { withClient } from './test-database.js';

/**
 * Escalations written straight into the database, with every value explicit, for tests
 * that work the statistics out by hand. The builder keeps the denormalised columns
 * consistent the way the lifecycle does: highest tier and stage from the stages entered,
 * current stage = the last one, resolved_tier = its tier when resolved.
 */
export interface FixtureEscalation {
  readonly reference: string;
  /** ISO instant. */
  readonly raisedAt: string;
  /** Agency names (STANDARD_AGENCIES). */
  readonly raising: string;
  readonly receiving: string;
  readonly category: string;
  readonly urgency: Urgency;
  /** Stage codes entered, in order; a gap in the ladder is a skip. Entered an hour apart from raising. */
  readonly stages: readonly string[];
  readonly status: EscalationStatus;
  /** ISO instant; required unless open. */
  readonly closedAt?: string;
  readonly outcomes?: readonly FixtureOutcome[];
}

export interface FixtureOutcome {
  readonly rule: string;
  readonly status: TimescaleOutcomeStatus;
  /** In the rule's unit. */
  readonly elapsed?: number;
  readonly lateness?: number;
  /** ISO instant; default: five days after raising. */
  readonly deadline?: string;
}

export interface FixturePartnership extends InstalledPartnership {
  readonly template: ProtocolTemplate;
  /** Agency id by name. */
  readonly agencies: Readonly<Record<string, string>>;
}

export async function insertFixturePartnership(databaseUrl: string, template: ProtocolTemplate, code: string): Promise<FixturePartnership> {
  const installed = await insertPartnership(databaseUrl, { template, code, name: `${template.partnershipName} (${code})`, agencies: STANDARD_AGENCIES });
  return { ...installed, template, agencies: installed.agencyIds };
}

/** Inserts the escalations (one transaction); returns their ids by reference. */
export async function insertEscalations(
  databaseUrl: string,
  partnership: FixturePartnership,
  escalations: readonly FixtureEscalation[],
): Promise<Map<string, string>> {
  return withClient(databaseUrl, async (client) => {
    await client.query('BEGIN');
    try {
      const ids = new Map<string, string>();
      for (const escalation of escalations) ids.set(escalation.reference, await insertOne(client, partnership, escalation));
      await client.query('COMMIT');
      return ids;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  });
}

const HOUR = 3_600_000;

async function insertOne(client: pg.ClientBase, p: FixturePartnership, e: FixtureEscalation): Promise<string> {
  const stages = e.stages.map((code) => {
    const stage = p.template.stages.find((s) => s.code === code);
    if (!stage) throw new Error(`${e.reference}: no stage ${code} in ${p.template.code}`);
    return stage;
  });
  const top = stages[stages.length - 1]!;
  const highestTier = Math.max(...stages.map((s) => s.tier));
  const agency = (name: string) => {
    const id = p.agencies[name];
    if (!id) throw new Error(`${e.reference}: no agency ${name}`);
    return id;
  };
  if ((e.status === 'open') !== (e.closedAt === undefined)) throw new Error(`${e.reference}: closedAt is for closed escalations only`);
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO escalation (partnership_id, reference, protocol_id, raised_at, raising_agency_id, receiving_agency_id, category_code,
                             urgency, raised_via, status, outcome, closed_at, current_stage_code, highest_tier, highest_stage_order, resolved_tier)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'phone', $9, $10, $11, $12, $13, $14, $15) RETURNING id::text`,
    [
      p.partnershipId, e.reference, p.protocolId, e.raisedAt, agency(e.raising), agency(e.receiving), e.category, e.urgency, e.status,
      e.status === 'open' ? null : `Fixture: ${e.status}`, e.closedAt ?? null, top.code, highestTier, top.order,
      e.status === 'resolved' ? top.tier : null,
    ],
  );
  const id = rows[0]!.id;
  const raised = Date.parse(e.raisedAt);
  for (const [i, stage] of stages.entries()) {
    const last = i === stages.length - 1;
    const skipped = p.template.stages.filter((s) => s.order < stage.order && s.order > (stages[i - 1]?.order ?? 0)).map((s) => s.code);
    const exitReason = !last ? 'escalated' : e.status === 'open' ? null : e.status === 'resolved' ? 'resolved' : 'withdrawn';
    await client.query(
      `INSERT INTO stage_entry (partnership_id, escalation_id, protocol_id, stage_code, tier, ladder_order, entered_at, exited_at,
                                exit_reason, skipped_stage_codes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        p.partnershipId, id, p.protocolId, stage.code, stage.tier, stage.order, new Date(raised + i * HOUR).toISOString(),
        last ? (e.closedAt ?? null) : new Date(raised + (i + 1) * HOUR).toISOString(), exitReason, i === 0 ? [] : skipped,
      ],
    );
  }
  for (const o of e.outcomes ?? []) {
    const rule = p.template.rules.find((r) => r.code === o.rule);
    if (!rule) throw new Error(`${e.reference}: no rule ${o.rule} in ${p.template.code}`);
    const stage = p.template.stages.find((s) => s.code === rule.stageCode)!;
    const applicable = o.status !== 'not_applicable';
    const deadline = applicable ? (o.deadline ?? new Date(raised + 120 * HOUR).toISOString()) : null;
    await client.query(
      `INSERT INTO timescale_outcome (partnership_id, escalation_id, rule_code, protocol_id, stage_code, tier, limit_unit, status,
                                      anchor_at, deadline, target_at, elapsed, lateness, evaluated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, NULL, $11, $12, $13)`,
      [
        p.partnershipId, id, rule.code, p.protocolId, stage.code, stage.tier, rule.limit.unit, o.status,
        applicable ? e.raisedAt : null, deadline, o.elapsed ?? null, o.lateness ?? null, e.closedAt ?? e.raisedAt,
      ],
    );
  }
  return id;
}

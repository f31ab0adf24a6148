import type { EscalationStatus, RaisedVia, Tier, Urgency } from '@escalation-insights/shared';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { EscalationsErrorCode, EscalationsException } from './escalations.exception.js';

/** A new escalation's row, ladder columns included (its first stage). */
export interface NewEscalation {
  readonly partnershipId: string;
  readonly id: string;
  readonly reference: string;
  readonly protocolId: string;
  readonly childKey: string | null;
  readonly raisedAt: Date;
  readonly raisingAgencyId: string;
  readonly raisingRole: string;
  readonly receivingAgencyId: string;
  readonly categoryCode: string;
  readonly urgency: Urgency;
  readonly raisedVia: RaisedVia;
  readonly summary: string;
  readonly status: EscalationStatus;
  readonly currentStageCode: string;
  readonly highestTier: Tier;
  readonly highestStageOrder: number;
}

export interface NewStageEntry {
  readonly partnershipId: string;
  readonly escalationId: string;
  readonly protocolId: string;
  readonly stageCode: string;
  readonly tier: Tier;
  readonly ladderOrder: number;
  readonly enteredAt: Date;
  readonly skippedStageCodes: readonly string[];
  readonly participants: readonly string[];
  readonly notes: string;
}

/** Draws the next escalation id, so that the default reference can name it. */
export async function nextEscalationId(manager: EntityManager): Promise<string> {
  const [{ id }] = (await manager.query(`SELECT nextval(pg_get_serial_sequence('escalation', 'id'))::text AS id`)) as [{ id: string }];
  return id;
}

/** @throws EscalationsException REFERENCE_TAKEN */
export async function insertEscalation(manager: EntityManager, e: NewEscalation, createdBy: string | null, now: Date): Promise<void> {
  const taken: unknown[] = await manager.query('SELECT 1 FROM escalation WHERE partnership_id = $1 AND reference = $2', [e.partnershipId, e.reference]);
  if (taken.length > 0) throw referenceTaken(e.reference);
  try {
    await manager.query(
      `INSERT INTO escalation (partnership_id, id, reference, protocol_id, child_key, raised_at, raising_agency_id, raising_role,
                               receiving_agency_id, category_code, urgency, raised_via, summary, status, current_stage_code,
                               highest_tier, highest_stage_order, version, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 1, $18, $19, $19)`,
      [
        e.partnershipId, e.id, e.reference, e.protocolId, e.childKey, e.raisedAt.toISOString(), e.raisingAgencyId, e.raisingRole,
        e.receivingAgencyId, e.categoryCode, e.urgency, e.raisedVia, e.summary, e.status, e.currentStageCode, e.highestTier,
        e.highestStageOrder, createdBy, now.toISOString(),
      ],
    );
  } catch (error) {
    // Two requests racing for one reference: the unique key decides.
    const constraint = error instanceof QueryFailedError ? (error.driverError as { constraint?: string }).constraint : undefined;
    if (constraint === 'escalation_reference_key') throw referenceTaken(e.reference);
    throw error;
  }
}

/** Returns the new entry's id. */
export async function insertStageEntry(manager: EntityManager, s: NewStageEntry): Promise<string> {
  const [{ id }] = (await manager.query(
    `INSERT INTO stage_entry (partnership_id, escalation_id, protocol_id, stage_code, tier, ladder_order, entered_at,
                              skipped_stage_codes, participants, notes)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id::text AS id`,
    [s.partnershipId, s.escalationId, s.protocolId, s.stageCode, s.tier, s.ladderOrder, s.enteredAt.toISOString(), s.skippedStageCodes, s.participants, s.notes],
  )) as [{ id: string }];
  return id;
}

function referenceTaken(reference: string): EscalationsException {
  return EscalationsException.invalid(EscalationsErrorCode.REFERENCE_TAKEN, 'reference', `another escalation of the partnership already has reference "${reference}"`);
}

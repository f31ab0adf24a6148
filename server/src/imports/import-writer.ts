import type { ImportedEscalation, ImportedStageEntry } from '@escalation-insights/shared';
import type { EntityManager } from 'typeorm';
import type { EscalationKey } from '../escalations/timescale-outcomes.service.js';

/** A checked row ready to store: the child reference already keyed. */
export interface PreparedEscalation extends Omit<ImportedEscalation, 'childReference'> {
  readonly childKey: string | null;
}

const iso = (at: Date | null) => (at ? at.toISOString() : null);

const COLUMNS = `reference, child_key, raised_at, raising_agency_id, raising_role, receiving_agency_id, category_code, urgency, raised_via,
  summary, status, outcome, closed_at, current_stage_code, highest_tier, highest_stage_order, resolved_tier, written_confirmation_given, feedback_given`;
const COLUMN_TYPES = ['text', 'text', 'timestamptz', 'bigint', 'text', 'bigint', 'text', 'text', 'text', 'text', 'text', 'text', 'timestamptz', 'text', 'smallint', 'integer', 'smallint', 'boolean', 'boolean'];

/** The escalation columns an import sets, as unnest's arrays, in the order of COLUMNS. */
function escalationArrays(rows: readonly PreparedEscalation[]): unknown[][] {
  return [
    rows.map((r) => r.reference), rows.map((r) => r.childKey), rows.map((r) => iso(r.raisedAt)), rows.map((r) => r.raisingAgencyId),
    rows.map((r) => r.raisingRole), rows.map((r) => r.receivingAgencyId), rows.map((r) => r.categoryCode), rows.map((r) => r.urgency),
    rows.map((r) => r.raisedVia), rows.map((r) => r.summary), rows.map((r) => r.status), rows.map((r) => r.outcome),
    rows.map((r) => iso(r.closedAt)), rows.map((r) => r.currentStageCode), rows.map((r) => r.highestTier), rows.map((r) => r.highestStageOrder),
    rows.map((r) => r.resolvedTier), rows.map((r) => r.writtenConfirmationGiven), rows.map((r) => r.feedbackGiven),
  ];
}

/** unnest of the escalation arrays from parameter $first on, as relation `u` (with a leading `id bigint[]` when `withId`). */
function escalationUnnest(first: number, withId: boolean): string {
  const types = withId ? ['bigint', ...COLUMN_TYPES] : COLUMN_TYPES;
  return `unnest(${types.map((type, i) => `$${first + i}::${type}[]`).join(', ')}) AS u (${withId ? 'id, ' : ''}${COLUMNS})`;
}

interface KeyedEntry {
  /** The escalation's id, or (in a combined insert) its reference. */
  readonly key: string;
  readonly entry: ImportedStageEntry;
}

function entryArrays(entries: readonly KeyedEntry[]): unknown[][] {
  return [
    entries.map((e) => e.key), entries.map((e) => e.entry.stageCode), entries.map((e) => e.entry.tier), entries.map((e) => e.entry.ladderOrder),
    entries.map((e) => iso(e.entry.enteredAt)), entries.map((e) => iso(e.entry.exitedAt)), entries.map((e) => e.entry.exitReason),
    entries.map((e) => e.entry.skippedStageCodes.join(',')),
  ];
}

/**
 * INSERT INTO stage_entry from the entry arrays at $first…$first+7, for partnership $1 and
 * protocol $2; `escalationId` says how a row's key becomes its escalation id.
 */
function entryInsert(first: number, join: string, escalationId: string): string {
  const types = ['text', 'text', 'smallint', 'integer', 'timestamptz', 'timestamptz', 'text', 'text'];
  return `INSERT INTO stage_entry (partnership_id, escalation_id, protocol_id, stage_code, tier, ladder_order, entered_at, exited_at, exit_reason, skipped_stage_codes)
    SELECT $1, ${escalationId}, $2, s.stage_code, s.tier, s.ladder_order, s.entered_at, s.exited_at, s.exit_reason,
           coalesce(string_to_array(nullif(s.skipped, ''), ','), '{}')
    FROM unnest(${types.map((type, i) => `$${first + i}::${type}[]`).join(', ')})
      AS s (key, stage_code, tier, ladder_order, entered_at, exited_at, exit_reason, skipped) ${join}`;
}

/**
 * Writes checked rows in the caller's transaction, a batch per statement: new
 * escalations with their stage entries in ONE statement (so that the statement-level
 * analytics triggers of both tables see finished rows: the first to fire counts them,
 * the second finds nothing left to change), updates in one UPDATE … FROM unnest.
 */
export class ImportWriter {
  constructor(
    private readonly manager: EntityManager,
    private readonly partnershipId: string,
    private readonly protocolId: string,
    private readonly userId: string | null,
    private readonly now: Date,
  ) {}

  async insert(rows: readonly PreparedEscalation[]): Promise<EscalationKey[]> {
    if (rows.length === 0) return [];
    const entries = rows.flatMap((row) => row.entries.map((entry) => ({ key: row.reference, entry })));
    const entriesAt = 5 + COLUMN_TYPES.length;
    const inserted: { id: string }[] = await this.manager.query(
      `WITH inserted AS (
         INSERT INTO escalation (partnership_id, protocol_id, ${COLUMNS}, version, created_by, created_at, updated_at)
         SELECT $1, $2, u.*, 1, $3, $4, $4 FROM ${escalationUnnest(5, false)}
         RETURNING id, reference
       ), entries AS (
         ${entryInsert(entriesAt, 'JOIN inserted i ON i.reference = s.key', 'i.id')}
         RETURNING 1
       )
       SELECT id::text AS id FROM inserted`,
      [this.partnershipId, this.protocolId, this.userId, this.now.toISOString(), ...escalationArrays(rows), ...entryArrays(entries)],
    );
    return inserted.map(({ id }) => ({ partnershipId: this.partnershipId, id }));
  }

  /** Replaces escalations' columns and stage entries (their milestones stay); their outcomes go, for the caller to recompute. */
  async update(rows: readonly (PreparedEscalation & { readonly id: string })[]): Promise<EscalationKey[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const assignments = COLUMNS.split(',').map((c) => `${c.trim()} = u.${c.trim()}`).join(', ');
    await this.manager.query(
      `UPDATE escalation e SET protocol_id = $2, ${assignments}, version = e.version + 1, updated_at = $3
       FROM ${escalationUnnest(4, true)}
       WHERE e.partnership_id = $1 AND e.id = u.id`,
      [this.partnershipId, this.protocolId, this.now.toISOString(), ids, ...escalationArrays(rows)],
    );
    await this.manager.query('DELETE FROM timescale_outcome WHERE partnership_id = $1 AND escalation_id = ANY($2::bigint[])', [this.partnershipId, ids]);
    await this.manager.query('DELETE FROM stage_entry WHERE partnership_id = $1 AND escalation_id = ANY($2::bigint[])', [this.partnershipId, ids]);
    const entries = rows.flatMap((row) => row.entries.map((entry) => ({ key: row.id, entry })));
    await this.manager.query(entryInsert(3, '', 's.key::bigint'), [this.partnershipId, this.protocolId, ...entryArrays(entries)]);
    return ids.map((id) => ({ partnershipId: this.partnershipId, id }));
  }
}

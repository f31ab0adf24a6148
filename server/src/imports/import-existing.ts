import type { EntityManager } from 'typeorm';
import type { PreparedEscalation } from './import-writer.js';

/** What an import would set on an escalation, as one comparable string. */
interface Comparable {
  readonly protocolId: string;
  readonly childKey: string | null;
  readonly raisedAt: string;
  readonly raisingAgencyId: string;
  readonly raisingRole: string;
  readonly receivingAgencyId: string;
  readonly categoryCode: string;
  readonly urgency: string;
  readonly raisedVia: string;
  readonly summary: string;
  readonly status: string;
  readonly outcome: string | null;
  readonly closedAt: string | null;
  readonly writtenConfirmationGiven: boolean | null;
  readonly feedbackGiven: boolean | null;
  readonly entries: readonly (readonly [string, string, string | null, string | null, string])[];
}

const iso = (at: Date | string | null) => (at === null ? null : new Date(at).toISOString());

function fingerprint(c: Comparable): string {
  return JSON.stringify([
    c.protocolId, c.childKey, c.raisedAt, c.raisingAgencyId, c.raisingRole, c.receivingAgencyId, c.categoryCode, c.urgency, c.raisedVia,
    c.summary, c.status, c.outcome, c.closedAt, c.writtenConfirmationGiven, c.feedbackGiven, c.entries,
  ]);
}

/** The fingerprint of a row as the import would store it. */
export function importedFingerprint(protocolId: string, row: PreparedEscalation): string {
  return fingerprint({
    ...row,
    protocolId,
    raisedAt: iso(row.raisedAt)!,
    closedAt: iso(row.closedAt),
    entries: row.entries.map((e) => [e.stageCode, iso(e.enteredAt)!, iso(e.exitedAt), e.exitReason, e.skippedStageCodes.join(',')] as const),
  });
}

export interface ExistingEscalation {
  readonly id: string;
  readonly fingerprint: string;
}

/** The partnership's escalations with these references (the natural key), with the fingerprint of what is stored. */
export async function existingEscalations(manager: EntityManager, partnershipId: string, references: readonly string[]): Promise<Map<string, ExistingEscalation>> {
  if (references.length === 0) return new Map();
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT e.id::text AS id, e.reference, e.protocol_id::text AS protocol_id, e.child_key, e.raised_at, e.raising_agency_id::text AS raising_agency_id,
            e.raising_role, e.receiving_agency_id::text AS receiving_agency_id, e.category_code, e.urgency, e.raised_via, e.summary, e.status,
            e.outcome, e.closed_at, e.written_confirmation_given, e.feedback_given,
            (SELECT coalesce(json_agg(json_build_array(s.stage_code, s.entered_at, s.exited_at, s.exit_reason, array_to_string(s.skipped_stage_codes, ','))
                                      ORDER BY s.ladder_order), '[]')
             FROM stage_entry s WHERE s.partnership_id = e.partnership_id AND s.escalation_id = e.id) AS entries
     FROM escalation e WHERE e.partnership_id = $1 AND e.reference = ANY($2::text[])`,
    [partnershipId, references],
  );
  const found = new Map<string, ExistingEscalation>();
  for (const r of rows) {
    const entries = (r['entries'] as [string, string, string | null, string | null, string][]).map(
      ([code, entered, exited, reason, skipped]) => [code, iso(entered)!, iso(exited), reason, skipped] as const,
    );
    found.set(r['reference'] as string, {
      id: r['id'] as string,
      fingerprint: fingerprint({
        protocolId: r['protocol_id'] as string,
        childKey: (r['child_key'] as string | null) ?? null,
        raisedAt: iso(r['raised_at'] as Date)!,
        raisingAgencyId: r['raising_agency_id'] as string,
        raisingRole: r['raising_role'] as string,
        receivingAgencyId: r['receiving_agency_id'] as string,
        categoryCode: r['category_code'] as string,
        urgency: r['urgency'] as string,
        raisedVia: r['raised_via'] as string,
        summary: r['summary'] as string,
        status: r['status'] as string,
        outcome: (r['outcome'] as string | null) ?? null,
        closedAt: iso((r['closed_at'] as Date | null) ?? null),
        writtenConfirmationGiven: (r['written_confirmation_given'] as boolean | null) ?? null,
        feedbackGiven: (r['feedback_given'] as boolean | null) ?? null,
        entries,
      }),
    });
  }
  return found;
}

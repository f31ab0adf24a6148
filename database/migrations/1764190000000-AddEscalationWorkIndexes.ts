import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the escalations API (server/src/escalations):
 * - overdue escalations of a partnership, for the list's "overdue only" filter and a plain
 *   count of overdue escalations (outcomes are stored and refreshed, so this is a lookup);
 * - open escalations by current stage, for work queues ("open at stage 3");
 * - corrections of an escalation, for its timeline.
 */
export class AddEscalationWorkIndexes1764190000000 implements MigrationInterface {
  name = 'AddEscalationWorkIndexes1764190000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX timescale_outcome_overdue_idx ON timescale_outcome (partnership_id, escalation_id) WHERE status = 'overdue'`);
    await q.query(`CREATE INDEX escalation_open_stage_idx ON escalation (partnership_id, current_stage_code) WHERE status = 'open'`);
    await q.query(`CREATE INDEX escalation_correction_escalation_idx ON escalation_correction (partnership_id, escalation_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS escalation_correction_escalation_idx`);
    await q.query(`DROP INDEX IF EXISTS escalation_open_stage_idx`);
    await q.query(`DROP INDEX IF EXISTS timescale_outcome_overdue_idx`);
  }
}

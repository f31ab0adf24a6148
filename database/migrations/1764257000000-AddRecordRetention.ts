import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Record retention (server/src/retention). `partnership.retention_years` (from the first
 * migration, unused until now) becomes the partnership's retention period: how many years
 * after an escalation closes its record-level detail is kept; NULL keeps it. Past that,
 * the retention job clears the detail and stamps `escalation.retention_applied_at`; the
 * anonymous facts every statistic reads (dates, stages, tiers, agencies, category,
 * urgency, status, timescale outcomes) stay as they were.
 */
export class AddRecordRetention1764257000000 implements MigrationInterface {
  name = 'AddRecordRetention1764257000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`COMMENT ON COLUMN partnership.retention_years IS
      'Years after an escalation closes that its record-level detail (summary, child key, participants, notes, outcome text, correction reasons) is kept; NULL keeps it.'`);
    await q.query(`ALTER TABLE escalation ADD COLUMN retention_applied_at timestamptz`);
    await q.query(`COMMENT ON COLUMN escalation.retention_applied_at IS
      'When the retention job last cleared this escalation''s record-level detail; NULL while it is kept.'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE escalation DROP COLUMN IF EXISTS retention_applied_at`);
    await q.query(`COMMENT ON COLUMN partnership.retention_years IS NULL`);
  }
}

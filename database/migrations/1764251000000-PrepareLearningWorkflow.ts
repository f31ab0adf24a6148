import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the learning workflow (server/src/learning) needs of the learning tables:
 *
 * - `learning_action.version`: an action is edited by more than one person over months;
 *   a stale edit is refused rather than silently overwriting a newer one.
 * - indexes for the two ways learning is reached: an item's actions, and the items an
 *   escalation produced (the primary keys lead with the item).
 * - writes narrowed to the roles that keep learning. Every record role of the partnership
 *   still reads the three tables (as EnforcePartnershipIsolation set up), but only
 *   business-unit staff, practice-improvement groups and system work insert, change or
 *   delete rows: an executive or a scrutineer cannot change learning even past the API.
 */
export class PrepareLearningWorkflow1764251000000 implements MigrationInterface {
  name = 'PrepareLearningWorkflow1764251000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE learning_action ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await q.query(`CREATE INDEX learning_action_item_idx ON learning_action (partnership_id, learning_item_id)`);
    await q.query(`CREATE INDEX learning_item_escalation_escalation_idx ON learning_item_escalation (partnership_id, escalation_id)`);

    await q.query(`
      CREATE FUNCTION app_writes_learning(p_partnership_id bigint) RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT public.app_reads_records(p_partnership_id)
           AND public.app_role() IN ('business_unit', 'improvement_group', 'system')
      $$`);
    await q.query(`GRANT EXECUTE ON FUNCTION app_writes_learning(bigint) TO ${APP_ROLE}`);
    for (const table of LEARNING_TABLES) {
      await q.query(`DROP POLICY ${table}_partnership ON ${table}`);
      await q.query(`CREATE POLICY ${table}_read ON ${table} FOR SELECT USING (app_reads_records(partnership_id))`);
      await q.query(`CREATE POLICY ${table}_insert ON ${table} FOR INSERT WITH CHECK (app_writes_learning(partnership_id))`);
      await q.query(`CREATE POLICY ${table}_update ON ${table} FOR UPDATE
        USING (app_writes_learning(partnership_id)) WITH CHECK (app_writes_learning(partnership_id))`);
      await q.query(`CREATE POLICY ${table}_delete ON ${table} FOR DELETE USING (app_writes_learning(partnership_id))`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of LEARNING_TABLES) {
      for (const suffix of ['read', 'insert', 'update', 'delete']) await q.query(`DROP POLICY IF EXISTS ${table}_${suffix} ON ${table}`);
      await q.query(`CREATE POLICY ${table}_partnership ON ${table} FOR ALL
        USING (app_reads_records(partnership_id)) WITH CHECK (app_reads_records(partnership_id))`);
    }
    await q.query(`DROP FUNCTION IF EXISTS app_writes_learning(bigint)`);
    await q.query(`DROP INDEX IF EXISTS learning_item_escalation_escalation_idx`);
    await q.query(`DROP INDEX IF EXISTS learning_action_item_idx`);
    await q.query(`ALTER TABLE learning_action DROP COLUMN IF EXISTS version`);
  }
}

const APP_ROLE = 'escalation_insights_app';

const LEARNING_TABLES = ['learning_item', 'learning_item_escalation', 'learning_action'] as const;

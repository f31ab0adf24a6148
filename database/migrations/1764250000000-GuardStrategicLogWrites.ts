import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The strategic escalation log (server/src/strategic-log):
 *
 * - Writes narrowed. EnforcePartnershipIsolation gave the log's tables one policy for
 *   everything a record role does. The log is kept by the business unit and answered by
 *   the executive; improvement groups and scrutineers read it and change nothing. Each
 *   table now has a read policy for every record role of the row's partnership, and
 *   write policies for business-unit staff, executives and system work only.
 * - Who changed what, by name. A user may read only their own `app_user` row, yet the
 *   log shows every reader who raised an entry or changed its status. `app_user_names`
 *   gives the display names of the given users of the caller's own partnership, and
 *   only to its record roles; nothing else of `app_user`.
 */
export class GuardStrategicLogWrites1764250000000 implements MigrationInterface {
  name = 'GuardStrategicLogWrites1764250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION app_writes_strategic_log(p_partnership_id bigint) RETURNS boolean
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT public.app_reads_records(p_partnership_id) AND public.app_role() IN ('business_unit', 'executive', 'system')
      $$`);
    for (const table of LOG_TABLES) {
      await q.query(`DROP POLICY ${table}_partnership ON ${table}`);
      await q.query(`CREATE POLICY ${table}_read ON ${table} FOR SELECT USING (app_reads_records(partnership_id))`);
      await q.query(`CREATE POLICY ${table}_insert ON ${table} FOR INSERT WITH CHECK (app_writes_strategic_log(partnership_id))`);
      await q.query(`CREATE POLICY ${table}_update ON ${table} FOR UPDATE
        USING (app_writes_strategic_log(partnership_id)) WITH CHECK (app_writes_strategic_log(partnership_id))`);
      await q.query(`CREATE POLICY ${table}_delete ON ${table} FOR DELETE USING (app_writes_strategic_log(partnership_id))`);
    }

    await q.query(`
      CREATE FUNCTION app_user_names(p_ids bigint[]) RETURNS TABLE (id bigint, display_name text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT u.id, u.display_name FROM app_user u
        WHERE u.id = ANY(p_ids) AND u.partnership_id IS NOT NULL AND public.app_reads_records(u.partnership_id)
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION app_user_names(bigint[]) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION app_user_names(bigint[]) TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS app_user_names(bigint[])`);
    for (const table of LOG_TABLES) {
      for (const verb of ['read', 'insert', 'update', 'delete']) await q.query(`DROP POLICY IF EXISTS ${table}_${verb} ON ${table}`);
      await q.query(`CREATE POLICY ${table}_partnership ON ${table} FOR ALL
        USING (app_reads_records(partnership_id)) WITH CHECK (app_reads_records(partnership_id))`);
    }
    await q.query(`DROP FUNCTION IF EXISTS app_writes_strategic_log(bigint)`);
  }
}

const APP_ROLE = 'escalation_insights_app';
const LOG_TABLES = ['strategic_log_entry', 'strategic_log_escalation', 'strategic_log_status_change'] as const;

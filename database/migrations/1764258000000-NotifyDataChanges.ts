import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The channel a server listens on to know when the answers it keeps have gone out of date. */
export const DATA_CHANGED_CHANNEL = 'escalation_insights_data_changed';

/**
 * Tables whose writes cannot change any figure: sign-in sessions and accounts, the audit
 * trail, an import's working rows (its commit writes escalations, which do count),
 * reminder emails sent, the analytics' own queue, and TypeORM's list of migrations.
 */
export const UNWATCHED_TABLES = [
  'user_session', 'app_user', 'audit_event', 'import_session', 'import_problem', 'import_mapping', 'reminder_email',
  'analytics_pending_sync', 'migrations',
] as const;

const TRIGGER = 'zz_notify_data_changed';

/**
 * Tells listening servers, when a transaction commits, that data behind the figures
 * changed, and whose: every write statement to a table outside UNWATCHED_TABLES NOTIFYs
 * `escalation_insights_data_changed` (PostgreSQL delivers it at COMMIT, never for a
 * rollback, once per distinct payload and transaction).
 *
 * The payload is the writer's partnership when a signed-in user of one partnership wrote
 * to a table of partnership rows (row-level security confined the write to it), and empty
 * — "anything may have changed" — for everyone else: system work, the database owner,
 * administrators of every partnership, and tables shared by partnerships.
 */
export class NotifyDataChanges1764258000000 implements MigrationInterface {
  name = 'NotifyDataChanges1764258000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION app_notify_data_changed() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${DATA_CHANGED_CHANNEL}',
          CASE WHEN TG_ARGV[0] = 'partnership' AND coalesce(current_setting('app.role', true), '') NOT IN ('', 'system')
               THEN coalesce(current_setting('app.partnership_id', true), '')
               ELSE '' END);
        RETURN NULL;
      END $$`);
    await q.query(`GRANT EXECUTE ON FUNCTION app_notify_data_changed() TO escalation_insights_app`);
    const tables = (await q.query(
      `SELECT c.relname AS name,
              EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'partnership_id' AND NOT a.attisdropped) AS tenant
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> ALL($1)
       ORDER BY 1`,
      [[...UNWATCHED_TABLES]],
    )) as { name: string; tenant: boolean }[];
    for (const table of tables) {
      await q.query(
        `CREATE TRIGGER ${TRIGGER} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table.name}"
         FOR EACH STATEMENT EXECUTE FUNCTION app_notify_data_changed('${table.tenant ? 'partnership' : 'shared'}')`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const tables = (await q.query(
      `SELECT c.relname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = $1`,
      [TRIGGER],
    )) as { name: string }[];
    for (const table of tables) await q.query(`DROP TRIGGER ${TRIGGER} ON "${table.name}"`);
    await q.query(`DROP FUNCTION app_notify_data_changed()`);
  }
}

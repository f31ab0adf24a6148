import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The channel a server listens on to know when sessions it has looked up may no longer be good. */
export const SESSIONS_CHANGED_CHANNEL = 'escalation_insights_sessions_changed';

/**
 * Tells listening servers, at COMMIT, that a session they looked up may have ended or
 * that an account changed, so that a session kept in memory is looked up again: a
 * session revoked, given an earlier expiry or an earlier last-seen time (so that it has
 * been idle too long), or deleted; an account updated or deleted (deactivated, its role
 * or partnership changed). A session's ordinary touch (last seen moving on) and a new
 * session say nothing.
 */
export class NotifySessionChanges1764259000000 implements MigrationInterface {
  name = 'NotifySessionChanges1764259000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION app_notify_sessions_changed() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${SESSIONS_CHANGED_CHANNEL}', '');
        RETURN NULL;
      END $$`);
    await q.query(`GRANT EXECUTE ON FUNCTION app_notify_sessions_changed() TO escalation_insights_app`);
    await q.query(`
      CREATE TRIGGER zz_notify_sessions_changed AFTER UPDATE ON user_session
      FOR EACH ROW WHEN (
        OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
        OR NEW.last_seen_at < OLD.last_seen_at OR OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.token_hash IS DISTINCT FROM NEW.token_hash
      )
      EXECUTE FUNCTION app_notify_sessions_changed()`);
    await q.query(`
      CREATE TRIGGER zz_notify_sessions_ended AFTER DELETE OR TRUNCATE ON user_session
      FOR EACH STATEMENT EXECUTE FUNCTION app_notify_sessions_changed()`);
    await q.query(`
      CREATE TRIGGER zz_notify_sessions_changed AFTER UPDATE OR DELETE OR TRUNCATE ON app_user
      FOR EACH STATEMENT EXECUTE FUNCTION app_notify_sessions_changed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER zz_notify_sessions_changed ON app_user`);
    await q.query(`DROP TRIGGER zz_notify_sessions_ended ON user_session`);
    await q.query(`DROP TRIGGER zz_notify_sessions_changed ON user_session`);
    await q.query(`DROP FUNCTION app_notify_sessions_changed()`);
  }
}

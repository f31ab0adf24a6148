import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Server-side sessions, and the only ways into the identity tables that work before
 * anyone is known: each function below is SECURITY DEFINER, so the app's restricted
 * database role (created by EnforcePartnershipIsolation) never needs to read password
 * hashes or other people's sessions directly. Only a SHA-256 of a session token is
 * stored; the token itself lives in the browser's cookie and nowhere else.
 */
export class CreateSignInSessions1764210000000 implements MigrationInterface {
  name = 'CreateSignInSessions1764210000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_session (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        token_hash text NOT NULL CONSTRAINT user_session_token_hash_format CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_ip text,
        user_agent text,
        CONSTRAINT user_session_token_hash_key UNIQUE (token_hash),
        CONSTRAINT user_session_expires_after_created CHECK (expires_at > created_at)
      )`);
    await q.query(`CREATE INDEX user_session_user_idx ON user_session (user_id)`);

    // The signed-in user behind a live session, touching last_seen_at at most once a minute
    // (so an idle timeout is exact to within a minute, and a busy page does not write on every request).
    await q.query(`
      CREATE FUNCTION auth_session_actor(p_token_hash text, p_idle_timeout interval)
      RETURNS TABLE (session_id bigint, user_id bigint, partnership_id bigint, role text, email text, display_name text)
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        WITH found AS (
          SELECT s.id AS session_id, u.id AS user_id, u.partnership_id, u.role, u.email, u.display_name, s.last_seen_at
          FROM user_session s JOIN app_user u ON u.id = s.user_id
          WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL AND u.is_active
            AND s.expires_at > now() AND s.last_seen_at > now() - p_idle_timeout
        ), touched AS (
          UPDATE user_session s SET last_seen_at = now() FROM found f
          WHERE s.id = f.session_id AND f.last_seen_at < now() - interval '1 minute'
        )
        SELECT session_id, user_id, partnership_id, role, email, display_name FROM found
      $$`);

    await q.query(`
      CREATE FUNCTION auth_sign_in_candidate(p_email text)
      RETURNS TABLE (user_id bigint, partnership_id bigint, role text, email text, display_name text,
                     password_hash text, is_active boolean, is_locked boolean)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        SELECT id, partnership_id, role, email, display_name, password_hash, is_active, coalesce(locked_until > now(), false)
        FROM app_user WHERE email = lower(btrim(p_email))
      $$`);

    // Back-off: from the p_max_failures-th consecutive failure on, each failure locks the
    // account for p_lock, doubled for every failure beyond that, never longer than p_max_lock.
    await q.query(`
      CREATE FUNCTION auth_record_failed_sign_in(p_user_id bigint, p_max_failures integer, p_lock interval, p_max_lock interval)
      RETURNS timestamptz
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        UPDATE app_user SET
          failed_sign_ins = failed_sign_ins + 1,
          locked_until = CASE WHEN failed_sign_ins + 1 >= p_max_failures
            THEN now() + least(p_lock * power(2, least(failed_sign_ins + 1 - p_max_failures, 20)), p_max_lock)
            ELSE locked_until END
        WHERE id = p_user_id
        RETURNING locked_until
      $$`);

    await q.query(`
      CREATE FUNCTION auth_start_session(p_user_id bigint, p_token_hash text, p_lifetime interval, p_ip text, p_user_agent text)
      RETURNS timestamptz
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        UPDATE app_user SET failed_sign_ins = 0, locked_until = NULL WHERE id = p_user_id;
        DELETE FROM user_session WHERE user_id = p_user_id AND expires_at < now() - interval '30 days';
        INSERT INTO user_session (user_id, token_hash, expires_at, created_ip, user_agent)
        VALUES (p_user_id, p_token_hash, now() + p_lifetime, p_ip, left(p_user_agent, 500))
        RETURNING expires_at
      $$`);

    await q.query(`
      CREATE FUNCTION auth_end_session(p_token_hash text)
      RETURNS boolean
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        WITH ended AS (
          UPDATE user_session SET revoked_at = now() WHERE token_hash = p_token_hash AND revoked_at IS NULL RETURNING 1
        )
        SELECT EXISTS (SELECT 1 FROM ended)
      $$`);

    // Functions are executable by PUBLIC by default: these must be granted one role at a time.
    for (const signature of AUTH_FUNCTIONS) {
      await q.query(`REVOKE ALL ON FUNCTION ${signature} FROM PUBLIC`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const signature of AUTH_FUNCTIONS) await q.query(`DROP FUNCTION IF EXISTS ${signature}`);
    await q.query(`DROP TABLE IF EXISTS user_session`);
  }
}

const AUTH_FUNCTIONS = [
  'auth_session_actor(text, interval)',
  'auth_sign_in_candidate(text)',
  'auth_record_failed_sign_in(bigint, integer, interval, interval)',
  'auth_start_session(bigint, text, interval, text, text)',
  'auth_end_session(text)',
];

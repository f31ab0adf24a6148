import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partnership isolation enforced by PostgreSQL (docs/security.md). Request traffic runs
 * as `escalation_insights_app`: not a superuser, not the owner of any table, NOBYPASSRLS,
 * so the row-level security policies below apply to every query it sends. Each request
 * transaction says who is asking with transaction-local settings:
 *
 *   app.partnership_id  the signed-in user's partnership ('' for none)
 *   app.role            their role, or 'system' for background work ('' when anonymous)
 *   app.user_id         their app_user id
 *   app.national        'on' for a national viewer: opens the national_* aggregate views only
 *
 * Three kinds of table:
 * - reference (partnership, agency, protocol and its parts): a partnership's own users read
 *   them; administrators without a partnership, national viewers and system work read all;
 *   only administrators write (their own partnership's, or any when they have none).
 * - record (escalations and everything recorded about them, the strategic log, learning):
 *   only the users of the row's partnership with a record role, never an administrator.
 * - identity (app_user, user_session) and audit_event: see their policies.
 *
 * The role is created here when missing (it is cluster-wide: databases on one server
 * share it); it cannot log in until the server gives it a password at start-up.
 * Table lists are spelled out so that this migration never changes meaning.
 */
export class EnforcePartnershipIsolation1764220000000 implements MigrationInterface {
  name = 'EnforcePartnershipIsolation1764220000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
        END IF;
      EXCEPTION WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'The database user running the migrations may not create roles. Create the app''s role once as a superuser: CREATE ROLE ${APP_ROLE} NOLOGIN NOBYPASSRLS; then start again.';
      END $$`);

    await createSettingFunctions(q);

    for (const table of REFERENCE_TABLES) {
      const column = table === 'partnership' ? 'id' : 'partnership_id';
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ${table}_read ON ${table} FOR SELECT USING (app_reads_reference(${column}))`);
      await q.query(`CREATE POLICY ${table}_insert ON ${table} FOR INSERT WITH CHECK (app_writes_reference(${column}))`);
      await q.query(`CREATE POLICY ${table}_update ON ${table} FOR UPDATE
        USING (app_writes_reference(${column})) WITH CHECK (app_writes_reference(${column}))`);
      await q.query(`CREATE POLICY ${table}_delete ON ${table} FOR DELETE USING (app_writes_reference(${column}))`);
      await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${APP_ROLE}`);
    }

    for (const table of RECORD_TABLES) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ${table}_partnership ON ${table} FOR ALL
        USING (app_reads_records(partnership_id)) WITH CHECK (app_reads_records(partnership_id))`);
      await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${APP_ROLE}`);
    }

    // Audit chains are per partnership: whoever appends to a chain must read its last hash.
    // Events outside any partnership (e.g. a national viewer signing in) form a chain of their own.
    await q.query(`ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY audit_event_read ON audit_event FOR SELECT USING (app_reads_audit(partnership_id))`);
    await q.query(`CREATE POLICY audit_event_append ON audit_event FOR INSERT WITH CHECK (app_reads_audit(partnership_id))`);
    await q.query(`GRANT SELECT, INSERT ON audit_event TO ${APP_ROLE}`);

    // Users: everyone reads their own row; administrators manage their partnership's users
    // (all users when they have no partnership). Password hashes are never readable.
    await q.query(`ALTER TABLE app_user ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY app_user_self ON app_user FOR SELECT USING (id = app_user_id())`);
    await q.query(`CREATE POLICY app_user_managed ON app_user FOR ALL
      USING (app_manages_users_of(partnership_id)) WITH CHECK (app_manages_users_of(partnership_id))`);
    await q.query(`GRANT SELECT (id, partnership_id, email, display_name, role, is_active, failed_sign_ins, locked_until, created_at),
      INSERT (partnership_id, email, display_name, role, password_hash, is_active),
      UPDATE (display_name, role, is_active, password_hash, failed_sign_ins, locked_until), DELETE ON app_user TO ${APP_ROLE}`);

    // Sessions: reached only through the auth_* functions (no policy, no grant).
    await q.query(`ALTER TABLE user_session ENABLE ROW LEVEL SECURITY`);
    for (const signature of AUTH_FUNCTIONS) await q.query(`GRANT EXECUTE ON FUNCTION ${signature} TO ${APP_ROLE}`);

    await protectEarlierFeatureTables(q);
    await createNationalViews(q);

    await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`);
    // The readiness probe compares the applied migrations with the code's.
    await q.query(`GRANT SELECT ON migrations TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW IF EXISTS national_escalation_summary, national_timescale_summary`);
    await q.query(`REVOKE ALL ON migrations FROM ${APP_ROLE}`);
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${APP_ROLE}`);
    for (const signature of AUTH_FUNCTIONS) await q.query(`REVOKE ALL ON FUNCTION ${signature} FROM ${APP_ROLE}`);
    const discovered = (await q.query(
      `SELECT DISTINCT tablename FROM pg_policies WHERE schemaname = 'public'
       AND policyname IN (tablename || '_partnership', tablename || '_aggregates')`,
    )) as { tablename: string }[];
    for (const { tablename } of discovered) {
      if ((RECORD_TABLES as readonly string[]).includes(tablename)) continue;
      await q.query(`DROP POLICY IF EXISTS ${tablename}_partnership ON ${tablename}`);
      await q.query(`DROP POLICY IF EXISTS ${tablename}_aggregates ON ${tablename}`);
      await q.query(`ALTER TABLE ${tablename} DISABLE ROW LEVEL SECURITY`);
      await q.query(`REVOKE ALL ON ${tablename} FROM ${APP_ROLE}`);
    }
    for (const table of SHARED_LOOKUP_TABLES) {
      if (await exists(q, table)) await q.query(`REVOKE ALL ON ${table} FROM ${APP_ROLE}`);
    }
    const policies: readonly [string, readonly string[]][] = [
      ...REFERENCE_TABLES.map((t): [string, string[]] => [t, [`${t}_read`, `${t}_insert`, `${t}_update`, `${t}_delete`]]),
      ...RECORD_TABLES.map((t): [string, string[]] => [t, [`${t}_partnership`]]),
      ['audit_event', ['audit_event_read', 'audit_event_append']],
      ['app_user', ['app_user_self', 'app_user_managed']],
      ['user_session', []],
    ];
    for (const [table, names] of policies) {
      for (const name of names) await q.query(`DROP POLICY IF EXISTS ${name} ON ${table}`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
      await q.query(`REVOKE ALL ON ${table} FROM ${APP_ROLE}`);
    }
    for (const fn of SETTING_FUNCTIONS) await q.query(`DROP FUNCTION IF EXISTS ${fn}`);
    // Other databases on the server may still use the role: then it stays.
    await q.query(`
      DO $$ BEGIN
        DROP ROLE IF EXISTS ${APP_ROLE};
      EXCEPTION WHEN dependent_objects_still_exist OR insufficient_privilege THEN
        RAISE NOTICE 'role ${APP_ROLE} kept: %', SQLERRM;
      END $$`);
  }
}

const APP_ROLE = 'escalation_insights_app';

const REFERENCE_TABLES = ['partnership', 'agency', 'protocol', 'protocol_stage', 'protocol_category', 'timescale_rule'] as const;

const RECORD_TABLES = [
  'escalation', 'stage_entry', 'milestone', 'timescale_outcome', 'escalation_correction',
  'strategic_log_entry', 'strategic_log_escalation', 'strategic_log_status_change',
  'learning_item', 'learning_item_escalation', 'learning_action',
] as const;

/**
 * Tables of features whose migrations ran before this one (CreateAnalyticsFacts). The
 * analytics facts are derived from escalations and kept current by SECURITY DEFINER
 * triggers, so the app role only reads them: the per-escalation facts as records, the
 * monthly counts as aggregates (which a national viewer may read across partnerships).
 * A table missing here is skipped; see protectEarlierFeatureTables for any other.
 */
const ANALYTICS_RECORD_TABLES = ['analytics_escalation', 'analytics_outcome'] as const;
const ANALYTICS_AGGREGATE_TABLES = ['analytics_escalation_month', 'analytics_outcome_month'] as const;
const SHARED_LOOKUP_TABLES = ['analytics_grouping_set'] as const;

const AUTH_FUNCTIONS = [
  'auth_session_actor(text, interval)',
  'auth_sign_in_candidate(text)',
  'auth_record_failed_sign_in(bigint, integer, interval, interval)',
  'auth_start_session(bigint, text, interval, text, text)',
  'auth_end_session(text)',
];

const SETTING_FUNCTIONS = [
  'app_reads_aggregates(bigint)', 'app_manages_users_of(bigint)', 'app_reads_audit(bigint)', 'app_reads_records(bigint)',
  'app_writes_reference(bigint)', 'app_reads_reference(bigint)', 'app_is_national()', 'app_user_id()', 'app_role()',
  'app_partnership_id()',
];

/**
 * Plain SQL functions, STABLE and without SET clauses, so that the planner inlines them
 * into each policy and an index on partnership_id still serves the filtered queries.
 */
async function createSettingFunctions(q: QueryRunner): Promise<void> {
  const define = (signature: string, returns: string, body: string) =>
    q.query(`CREATE FUNCTION ${signature} RETURNS ${returns} LANGUAGE sql STABLE PARALLEL SAFE AS $$ ${body} $$`);
  await define('app_partnership_id()', 'bigint', `SELECT nullif(current_setting('app.partnership_id', true), '')::bigint`);
  await define('app_role()', 'text', `SELECT nullif(current_setting('app.role', true), '')`);
  await define('app_user_id()', 'bigint', `SELECT nullif(current_setting('app.user_id', true), '')::bigint`);
  await define('app_is_national()', 'boolean',
    `SELECT coalesce(current_setting('app.national', true), '') = 'on' AND public.app_role() = 'national_viewer'`);
  await define('app_reads_reference(p_partnership_id bigint)', 'boolean', `
    SELECT p_partnership_id = public.app_partnership_id()
        OR (public.app_partnership_id() IS NULL AND public.app_role() IN ('administrator', 'national_viewer', 'system'))`);
  await define('app_writes_reference(p_partnership_id bigint)', 'boolean', `
    SELECT public.app_role() = 'administrator'
       AND (p_partnership_id = public.app_partnership_id() OR public.app_partnership_id() IS NULL)`);
  await define('app_reads_records(p_partnership_id bigint)', 'boolean', `
    SELECT p_partnership_id = public.app_partnership_id()
       AND public.app_role() IN ('business_unit', 'executive', 'improvement_group', 'scrutineer', 'system')`);
  await define('app_reads_audit(p_partnership_id bigint)', 'boolean', `
    SELECT p_partnership_id IS NOT DISTINCT FROM public.app_partnership_id()
        OR (public.app_partnership_id() IS NULL AND public.app_role() IN ('administrator', 'system'))`);
  await define('app_manages_users_of(p_partnership_id bigint)', 'boolean', `
    SELECT public.app_role() = 'administrator'
       AND (public.app_partnership_id() IS NULL OR p_partnership_id = public.app_partnership_id())`);
  await define('app_reads_aggregates(p_partnership_id bigint)', 'boolean', `
    SELECT public.app_is_national() OR public.app_reads_records(p_partnership_id)`);
}

async function exists(q: QueryRunner, table: string): Promise<boolean> {
  const [row] = (await q.query(`SELECT to_regclass($1) IS NOT NULL AS found`, [`public.${table}`])) as { found: boolean }[];
  return row?.found === true;
}

/**
 * Row-level security for the tables of earlier features' migrations. Any table with a
 * partnership id that is still unprotected after the known ones gets the record policy
 * and no grant at all: closed to the app until a migration of its own decides.
 */
async function protectEarlierFeatureTables(q: QueryRunner): Promise<void> {
  for (const table of ANALYTICS_RECORD_TABLES) {
    if (!(await exists(q, table))) continue;
    await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY ${table}_partnership ON ${table} FOR SELECT USING (app_reads_records(partnership_id))`);
    await q.query(`GRANT SELECT ON ${table} TO ${APP_ROLE}`);
  }
  for (const table of ANALYTICS_AGGREGATE_TABLES) {
    if (!(await exists(q, table))) continue;
    await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY ${table}_aggregates ON ${table} FOR SELECT USING (app_reads_aggregates(partnership_id))`);
    await q.query(`GRANT SELECT ON ${table} TO ${APP_ROLE}`);
  }
  for (const table of SHARED_LOOKUP_TABLES) {
    if (await exists(q, table)) await q.query(`GRANT SELECT ON ${table} TO ${APP_ROLE}`);
  }
  const unprotected = (await q.query(`
    SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relrowsecurity
      AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'partnership_id' AND NOT a.attisdropped)`)) as {
    table: string;
  }[];
  for (const { table } of unprotected) {
    await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY ${table}_partnership ON ${table} FOR ALL
      USING (app_reads_records(partnership_id)) WITH CHECK (app_reads_records(partnership_id))`);
  }
}

/**
 * What a national viewer may read: counts, never rows. The views run with their owner's
 * rights (not the app role's, so the record policies do not hide other partnerships) and
 * filter by `app_reads_aggregates` themselves: all partnerships for a national viewer,
 * the user's own for a record role, nothing for anyone else.
 */
async function createNationalViews(q: QueryRunner): Promise<void> {
  await q.query(`
    CREATE VIEW national_escalation_summary WITH (security_barrier) AS
    SELECT e.partnership_id,
           date_trunc('month', e.raised_at AT TIME ZONE 'Europe/London')::date AS raised_month,
           e.category_code, e.urgency, e.status, e.highest_tier, e.resolved_tier,
           raising.sector AS raising_sector, receiving.sector AS receiving_sector,
           count(*)::integer AS escalations
    FROM escalation e
    JOIN agency raising ON (raising.partnership_id, raising.id) = (e.partnership_id, e.raising_agency_id)
    JOIN agency receiving ON (receiving.partnership_id, receiving.id) = (e.partnership_id, e.receiving_agency_id)
    WHERE public.app_reads_aggregates(e.partnership_id)
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`);
  await q.query(`
    CREATE VIEW national_timescale_summary WITH (security_barrier) AS
    SELECT o.partnership_id,
           date_trunc('month', e.raised_at AT TIME ZONE 'Europe/London')::date AS raised_month,
           o.rule_code, o.tier, o.limit_unit, o.status,
           count(*)::integer AS outcomes
    FROM timescale_outcome o
    JOIN escalation e ON (e.partnership_id, e.id) = (o.partnership_id, o.escalation_id)
    WHERE public.app_reads_aggregates(o.partnership_id) AND e.status <> 'out_of_scope'
    GROUP BY 1, 2, 3, 4, 5, 6`);
  await q.query(`GRANT SELECT ON national_escalation_summary, national_timescale_summary TO ${APP_ROLE}`);
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the audit-trail page and the national picture read.
 *
 * - Audit events outside any partnership (sign-ins of national viewers and of
 *   administrators of every partnership, failed sign-ins with an unknown email) form a
 *   chain of their own. Until now anyone whose settings named no partnership could read
 *   that chain, national viewers and anonymous requests included; from here on only
 *   administrators of every partnership and system work read or append to it.
 * - `national_escalation_daily` and `national_timescale_daily`: counts per partnership
 *   and day of raising (Europe/London), so that a national figure covers exactly the
 *   period asked for, [from, to), and not whole months around it. Like the national_*
 *   views of EnforcePartnershipIsolation they run with their owner's rights, behind a
 *   security barrier, and filter by `app_reads_aggregates` themselves: every partnership
 *   for a national viewer, the user's own for a record role, nothing for anyone else.
 *   They carry counts only: no reference, summary, child key or agency.
 * - An index for the audit trail's date filter.
 */
export class AddAuditTrailAndNationalViews1764254000000 implements MigrationInterface {
  name = 'AddAuditTrailAndNationalViews1764254000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION app_reads_audit(p_partnership_id bigint) RETURNS boolean
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT (p_partnership_id IS NOT NULL AND p_partnership_id = public.app_partnership_id())
            OR (public.app_partnership_id() IS NULL AND public.app_role() IN ('administrator', 'system'))
      $$`);

    await q.query(`
      CREATE VIEW national_escalation_daily WITH (security_barrier) AS
      SELECT e.partnership_id,
             (e.raised_at AT TIME ZONE 'Europe/London')::date AS raised_on,
             e.status, e.highest_tier,
             count(*)::integer AS escalations
      FROM escalation e
      WHERE public.app_reads_aggregates(e.partnership_id)
      GROUP BY 1, 2, 3, 4`);
    await q.query(`
      CREATE VIEW national_timescale_daily WITH (security_barrier) AS
      SELECT o.partnership_id,
             (e.raised_at AT TIME ZONE 'Europe/London')::date AS raised_on,
             o.status,
             count(*)::integer AS outcomes
      FROM timescale_outcome o
      JOIN escalation e ON (e.partnership_id, e.id) = (o.partnership_id, o.escalation_id)
      WHERE public.app_reads_aggregates(o.partnership_id) AND e.status <> 'out_of_scope'
      GROUP BY 1, 2, 3`);
    await q.query(`GRANT SELECT ON national_escalation_daily, national_timescale_daily TO ${APP_ROLE}`);

    await q.query(`CREATE INDEX audit_event_occurred_idx ON audit_event (partnership_id, occurred_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS audit_event_occurred_idx`);
    await q.query(`DROP VIEW IF EXISTS national_escalation_daily, national_timescale_daily`);
    await q.query(`
      CREATE OR REPLACE FUNCTION app_reads_audit(p_partnership_id bigint) RETURNS boolean
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT p_partnership_id IS NOT DISTINCT FROM public.app_partnership_id()
            OR (public.app_partnership_id() IS NULL AND public.app_role() IN ('administrator', 'system'))
      $$`);
  }
}

const APP_ROLE = 'escalation_insights_app';

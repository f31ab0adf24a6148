import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders of timescale deadlines (server/src/reminders, docs/reminders.md):
 *
 * - `escalation_contact`: the people named on an escalation, users of the escalation's own
 *   partnership (a composite foreign key to app_user makes another partnership's user
 *   impossible). Business-unit staff name and unname them; each named person sees the
 *   escalation's deadlines among their reminders.
 * - `reminder_email`: every reminder email claimed or sent, one row per deadline, kind
 *   (approaching or passed) and recipient. Its primary key is what keeps a deadline from
 *   being emailed twice, however many server processes run: a sender first inserts the
 *   row (ON CONFLICT DO NOTHING) and sends only if the insert went in.
 * - `app_partnership_people()`: the users of the caller's partnership who can be named
 *   (the four partnership roles, active), by id, name and role. app_user's own policies
 *   show a user only their own row, so this SECURITY DEFINER function is the one way to
 *   list colleagues; it gives the email address to background work (app.role 'system')
 *   only, which needs it to send.
 *
 * Both tables are record tables (as in EnforcePartnershipIsolation), with row-level
 * security enabled and forced; reminder_email is for background work alone.
 */
export class CreateRemindersAndContacts1764252000000 implements MigrationInterface {
  name = 'CreateRemindersAndContacts1764252000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD CONSTRAINT app_user_partnership_member_key UNIQUE (partnership_id, id)`);

    await q.query(`
      CREATE TABLE escalation_contact (
        partnership_id bigint NOT NULL,
        escalation_id bigint NOT NULL,
        user_id bigint NOT NULL,
        named_by bigint REFERENCES app_user (id) ON DELETE SET NULL,
        named_at timestamptz NOT NULL,
        CONSTRAINT escalation_contact_pkey PRIMARY KEY (partnership_id, escalation_id, user_id),
        CONSTRAINT escalation_contact_escalation_fkey FOREIGN KEY (partnership_id, escalation_id)
          REFERENCES escalation (partnership_id, id) ON DELETE CASCADE,
        CONSTRAINT escalation_contact_user_fkey FOREIGN KEY (partnership_id, user_id)
          REFERENCES app_user (partnership_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX escalation_contact_user_idx ON escalation_contact (partnership_id, user_id)`);

    await q.query(`
      CREATE TABLE reminder_email (
        partnership_id bigint NOT NULL,
        escalation_id bigint NOT NULL,
        rule_code text NOT NULL,
        deadline timestamptz NOT NULL,
        kind text NOT NULL CONSTRAINT reminder_email_kind_known CHECK (kind IN ('approaching', 'passed')),
        recipient_id bigint NOT NULL,
        status text NOT NULL CONSTRAINT reminder_email_status_known CHECK (status IN ('sending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 1 CONSTRAINT reminder_email_attempts_positive CHECK (attempts > 0),
        claimed_at timestamptz NOT NULL,
        sent_at timestamptz,
        last_error text,
        CONSTRAINT reminder_email_pkey PRIMARY KEY (partnership_id, escalation_id, rule_code, deadline, kind, recipient_id),
        CONSTRAINT reminder_email_escalation_fkey FOREIGN KEY (partnership_id, escalation_id)
          REFERENCES escalation (partnership_id, id) ON DELETE CASCADE,
        CONSTRAINT reminder_email_recipient_fkey FOREIGN KEY (partnership_id, recipient_id)
          REFERENCES app_user (partnership_id, id) ON DELETE CASCADE,
        CONSTRAINT reminder_email_sent_when_sent CHECK ((status = 'sent') = (sent_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX reminder_email_retry_idx ON reminder_email (partnership_id, status) WHERE status = 'failed'`);

    await q.query(`ALTER TABLE escalation_contact ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE escalation_contact FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY escalation_contact_partnership ON escalation_contact FOR ALL
      USING (app_reads_records(partnership_id)) WITH CHECK (app_reads_records(partnership_id))`);
    await q.query(`GRANT SELECT, INSERT, DELETE ON escalation_contact TO ${APP_ROLE}`);

    await q.query(`ALTER TABLE reminder_email ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE reminder_email FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY reminder_email_system ON reminder_email FOR ALL
      USING (app_role() = 'system' AND app_reads_records(partnership_id))
      WITH CHECK (app_role() = 'system' AND app_reads_records(partnership_id))`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON reminder_email TO ${APP_ROLE}`);

    await q.query(`
      CREATE FUNCTION app_partnership_people()
      RETURNS TABLE (id bigint, display_name text, role text, email text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        SELECT u.id, u.display_name, u.role, CASE WHEN public.app_role() = 'system' THEN u.email END
        FROM app_user u
        WHERE u.partnership_id = public.app_partnership_id()
          AND public.app_reads_records(u.partnership_id)
          AND u.is_active
          AND u.role IN ('business_unit', 'executive', 'improvement_group', 'scrutineer')
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION app_partnership_people() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION app_partnership_people() TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS app_partnership_people()`);
    await q.query(`DROP TABLE IF EXISTS reminder_email`);
    await q.query(`DROP TABLE IF EXISTS escalation_contact`);
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT IF EXISTS app_user_partnership_member_key`);
  }
}

const APP_ROLE = 'escalation_insights_app';

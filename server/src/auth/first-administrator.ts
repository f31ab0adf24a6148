import type { StartupLog } from './startup-log.js';
import pg from 'pg';
import { hashPassword } from './passwords.js';

/**
 * At start-up, on the owner's connection: when no active administrator exists, creates
 * one for every partnership from ADMIN_EMAIL and ADMIN_PASSWORD. Never overwrites an
 * existing account, and there is no default password: without the two variables, it
 * only says how to create one.
 */
export async function ensureFirstAdministrator(
  ownerUrl: string,
  administrator: { readonly email: string; readonly password: string } | undefined,
  logger: StartupLog,
): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('escalation-insights:first-administrator', 0))`);
    const found = await client.query(`SELECT 1 FROM app_user WHERE role = 'administrator' AND is_active LIMIT 1`);
    if (found.rowCount === 0) {
      if (!administrator) {
        logger.warn('There is no administrator yet. Set ADMIN_EMAIL and ADMIN_PASSWORD and start again to create the first one.');
      } else {
        const created = await client.query(
          `INSERT INTO app_user (partnership_id, email, display_name, role, password_hash)
           VALUES (NULL, $1, 'Administrator', 'administrator', $2) ON CONFLICT (email) DO NOTHING RETURNING id`,
          [administrator.email, await hashPassword(administrator.password)],
        );
        if (created.rowCount === 1) logger.log(`Created the first administrator, ${administrator.email}`);
        else logger.warn(`ADMIN_EMAIL ${administrator.email} already belongs to a user who is not an active administrator: nothing created`);
      }
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

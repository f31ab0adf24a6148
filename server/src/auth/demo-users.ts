import { randomBytes } from 'node:crypto';
import { USER_ROLES, type UserRole } from '@escalation-insights/shared';
import type { StartupLog } from './startup-log.js';
import pg from 'pg';
import { hashPassword } from './passwords.js';

/** `business-unit@escalation-insights.example`: `.example` is reserved, so no real mailbox. */
export function demoEmail(role: UserRole): string {
  return `${role.replace(/_/g, '-')}@escalation-insights.example`;
}

/** Roles that belong to one partnership: the demo users of these get the first demo partnership. */
const PARTNERSHIP_ROLES: readonly UserRole[] = ['business_unit', 'executive', 'improvement_group', 'scrutineer'];

/**
 * One demo user per role, so that a newcomer can sign in to the demo data: partnership
 * roles in the first partnership by name, the administrator and the national viewer for
 * every partnership. Their password is DEMO_PASSWORD, or (outside production only) a
 * fresh random one printed here at each start. Existing demo users get the password again.
 * Does nothing on a database without partnerships, or in production without DEMO_PASSWORD.
 */
export async function ensureDemoUsers(
  ownerUrl: string,
  options: { readonly password: string | undefined; readonly production: boolean },
  logger: StartupLog,
  print: (text: string) => void = console.log,
): Promise<void> {
  if (options.production && !options.password) return;
  const password = options.password ?? randomBytes(12).toString('base64url');
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const first = await client.query<{ id: string; name: string }>('SELECT id::text, name FROM partnership ORDER BY name, id LIMIT 1');
    const partnership = first.rows[0];
    if (!partnership) return;
    const passwordHash = await hashPassword(password);
    for (const role of USER_ROLES) {
      const partnershipId = PARTNERSHIP_ROLES.includes(role) ? partnership.id : null;
      await client.query(
        `INSERT INTO app_user (partnership_id, email, display_name, role, password_hash)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, failed_sign_ins = 0, locked_until = NULL`,
        [partnershipId, demoEmail(role), `Demo ${role.replace(/_/g, ' ')}`, role, passwordHash],
      );
    }
    logger.log(`Demo users are ready (partnership roles in ${partnership.name})`);
    if (!options.password) {
      print(
        [
          '',
          'Sign in to the demo with any of these, all with the password below (set DEMO_PASSWORD to choose it):',
          ...USER_ROLES.map((role) => `  ${demoEmail(role)}`),
          `  password: ${password}`,
          '',
        ].join('\n'),
      );
    }
  } finally {
    await client.end();
  }
}
